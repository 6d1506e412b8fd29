// Prettier for XML, JS, YAML and Markdown, as OCA's 18.0 repositories use it.
/** @type {import('prettier').Config} */
module.exports = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "preserve",
};
