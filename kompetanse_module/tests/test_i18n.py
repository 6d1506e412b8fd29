# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import polib

from odoo.tests import TransactionCase, new_test_user, tagged
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

    def test_appraisals_in_norwegian(self):
        """OCA's appraisal screens that the module shows speak Bokmål: the
        module brings the translations of their labels and statuses."""
        env = self.env(context=dict(self.env.context, lang="nb_NO"))
        Appraisal = env["hr.appraisal"]
        self.assertEqual(
            dict(Appraisal._fields["state"]._description_selection(env))["3_done"],
            "Fullført",
        )
        self.assertEqual(
            Appraisal._fields["date_close"]._description_string(env),
            "Dato for samtalen",
        )
        self.assertEqual(
            env.ref("hr_appraisal_oca.menu_hr_appraisal_root").name,
            "Medarbeidersamtaler",
        )
        arch = Appraisal.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("Merk som fullført", arch)
        self.assertIn("Kompetanse", arch)

    def test_chatter_speaks_one_language(self):
        """A record made without a language in the context (as data is, at
        install) names its model in the language of the words around it."""
        self.env["ir.module.module"]._load_module_terms(["mail"], ["nb_NO"])
        user = new_test_user(
            self.env,
            login="komp_nb",
            groups="base.group_user,kompetanse_module.kompetanse_group_manager",
            lang="nb_NO",
        )
        department = self.env["hr.department"].create({"name": "Test Enhet"})
        self.env["hr.employee"].create(
            {"name": "Test Leder", "user_id": user.id, "department_id": department.id}
        )
        department.manager_id = user.employee_id
        need = (
            self.env["kompetanse.need"]
            .with_user(user)
            .with_context(lang=None)
            .create({"name": "Test Behov", "department_id": department.id})
        )
        self.assertIn("Kompetansebehov opprettet", need.message_ids[-1].body)
