# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_path
from odoo.tools.translate import TranslationModuleReader


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nb_NO")
        cls.env["ir.module.module"]._load_module_terms(
            ["kompetanse_module"], ["nb_NO"], overwrite=True
        )

    def test_every_term_has_norwegian_translation(self):
        """Every user-facing string the module has today (fields, views, menus,
        groups, code) has a Norwegian Bokmål translation in i18n/nb.po, so a
        stale .pot cannot hide a new untranslated string."""
        reader = TranslationModuleReader(self.env.cr, modules=["kompetanse_module"])
        # demo records (ids ending in _demo) are the Norwegian agency's own data
        sources = {
            source
            for module, __, __, xmlid, source, __, __ in reader
            if module == "kompetanse_module" and not str(xmlid).endswith("_demo")
        }
        self.assertIn("Skills by Department", sources)
        po_path = file_path("kompetanse_module/i18n/nb.po")
        translated = {
            entry.msgid for entry in polib.pofile(po_path) if entry.msgstr.strip()
        }
        self.assertEqual(sorted(sources - translated), [])

    def test_menu_and_groups_in_norwegian(self):
        """A Norwegian user meets the app in Norwegian Bokmål."""
        env = self.env(context=dict(self.env.context, lang="nb_NO"))
        self.assertEqual(
            env.ref("kompetanse_module.kompetanse_skill_overview_menu").name,
            "Kompetanse per avdeling",
        )
        self.assertEqual(
            env.ref("kompetanse_module.kompetanse_group_manager").name,
            "Nærmeste leder",
        )
        self.assertEqual(
            env.ref("kompetanse_module.kompetanse_group_top").name, "Toppleder"
        )
        self.assertEqual(
            env.ref("kompetanse_module.kompetanse_group_user").name, "Medarbeider"
        )
