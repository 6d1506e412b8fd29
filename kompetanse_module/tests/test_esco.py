# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import KompetanseDataCommon

# the columns of ESCO's skills file (skills_no.csv), in its order
HEADER = (
    "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
    "altLabels", "hiddenLabels", "status", "modifiedDate", "scopeNote",
    "definition", "inScheme", "description",
)  # fmt: skip
URI = "http://data.europa.eu/esco/skill/test-"


def esco_row(key, label, skill_type="skill/competence", alt="", description=""):
    values = dict.fromkeys(HEADER, "")
    values.update(
        conceptType="KnowledgeSkillCompetence",
        conceptUri=URI + key,
        skillType=skill_type,
        reuseLevel="sector-specific",
        preferredLabel=label,
        altLabels=alt,
        status="released",
        description=description,
    )
    return [values[column] for column in HEADER]


def esco_file(rows, header=HEADER):
    """A file as ESCO publishes it: UTF-8 with a byte order mark, quoted
    cells with line breaks (the alternative labels, one per line)."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows([header, *rows])
    return base64.b64encode(buffer.getvalue().encode("utf-8-sig"))


@tagged("post_install", "-at_install")
class TestEsco(KompetanseDataCommon):
    """G-HR-1: ESCO's skills, or a part of them, brought into the catalogue;
    a second import updates the same skills."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rows = [
            esco_row(
                "1", "behandle klager", alt="klagebehandling\nhåndtere klager",
                description="Behandle klager fra brukere i tråd med regelverket.",
            ),
            esco_row("2", "forvaltningsrett", skill_type="knowledge"),
            esco_row("3", "skrive klart språk", alt="klarspråk"),
            esco_row("4", "anvende SQL", skill_type="knowledge", alt="SQL"),
        ]  # fmt: skip

    def _wizard(self, rows, user=None, **values):
        values.setdefault("skill_type_id", self.type_tech.id)
        return (
            self.env["kompetanse.esco.import"]
            .with_user(user or self.user_hr)
            .create({"file": esco_file(rows), "lang": "en_US", **values})
        )

    def _counts(self, wizard):
        return wizard.new_count, wizard.update_count, wizard.same_count

    def test_import_and_import_again(self):
        """The file's skills, with their concept URI, labels and description,
        go into the chosen type; the preview writes nothing; a second import
        of a new release updates and adds without duplicating, and leaves a
        skill where HR moved it."""
        Skill = self.env["hr.skill"]
        wizard = self._wizard(self.rows)
        wizard.action_preview()
        self.assertEqual(self._counts(wizard), (4, 0, 0))
        self.assertFalse(Skill.search([("kompetanse_esco_uri", "like", URI)]))
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        skills = Skill.search([("kompetanse_esco_uri", "like", URI)])
        self.assertEqual(len(skills), 4)
        self.assertEqual(skills.skill_type_id, self.type_tech)
        complaints = skills.filtered(lambda s: s.kompetanse_esco_uri == URI + "1")
        self.assertEqual(complaints.name, "behandle klager")
        self.assertEqual(
            complaints.kompetanse_esco_alt_labels, "klagebehandling\nhåndtere klager"
        )
        self.assertIn("regelverket", complaints.kompetanse_esco_description)
        # HR moves a skill to another type; a new release renames one, adds one
        complaints.skill_type_id = self.type_lang
        rows = [*self.rows, esco_row("5", "veilede brukere")]
        rows[2] = esco_row("3", "skrive i klarspråk", alt="klarspråk")
        wizard = self._wizard(rows)
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (1, 1, 3))
        skills = Skill.search([("kompetanse_esco_uri", "like", URI)])
        self.assertEqual(len(skills), 5)
        self.assertIn("skrive i klarspråk", skills.mapped("name"))
        self.assertEqual(complaints.skill_type_id, self.type_lang)
        # the same file once more: nothing to do
        wizard = self._wizard(rows)
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (0, 0, 5))

    def test_a_part_of_the_file(self):
        """Only the concepts with a word in their labels, or only ESCO's
        knowledge; a skill of the type with the concept's name is taken, not
        made again; an ESCO skill type becomes a skill type with the levels
        of a chosen one."""
        Skill = self.env["hr.skill"]
        plain = Skill.create(
            {"name": "Skrive klart Språk", "skill_type_id": self.type_tech.id}
        )
        wizard = self._wizard(self.rows, keywords="klage, SPRÅK")
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (1, 1, 0))
        self.assertEqual(
            sorted(Skill.search([("kompetanse_esco_uri", "like", URI)]).mapped("name")),
            ["Skrive klart Språk", "behandle klager"],
        )
        # taken with its URI, and HR's capitals
        self.assertEqual(plain.kompetanse_esco_uri, URI + "3")
        wizard = self._wizard(
            self.rows,
            target="esco_type",
            skill_type_id=False,
            scale_type_id=self.type_lang.id,
            esco_skill_type="knowledge",
        )
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (2, 0, 0))
        knowledge = self.env["hr.skill.type"].search([("name", "=", "ESCO: Knowledge")])
        self.assertEqual(
            sorted(knowledge.skill_ids.mapped("name")),
            ["anvende SQL", "forvaltningsrett"],
        )
        self.assertEqual(
            knowledge.skill_level_ids.mapped("name"),
            self.type_lang.skill_level_ids.mapped("name"),
        )
        # again: the type is found, not made twice
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (0, 0, 2))
        self.assertEqual(
            self.env["hr.skill.type"].search_count([("name", "like", "ESCO:")]), 1
        )

    def test_file_in_another_language(self):
        """The file of another language writes the names of the same skills
        in that language: translations, not new skills."""
        self.env["res.lang"]._activate_lang("nb_NO")
        wizard = self._wizard(self.rows)
        wizard.action_import()
        rows = [esco_row("2", "administrative law", skill_type="knowledge")]
        wizard = self._wizard(rows, lang="en_US")
        self._wizard(
            [esco_row("2", "forvaltningsrett", skill_type="knowledge")], lang="nb_NO"
        ).action_import()
        wizard.action_import()
        self.assertEqual(self._counts(wizard), (0, 1, 0))
        skill = self.env["hr.skill"].search([("kompetanse_esco_uri", "=", URI + "2")])
        self.assertEqual(len(skill), 1)
        self.assertEqual(skill.with_context(lang="en_US").name, "administrative law")
        self.assertEqual(skill.with_context(lang="nb_NO").name, "forvaltningsrett")

    def test_bad_files(self):
        """A file that is not ESCO's, rows without a URI or label, a concept
        twice: told in words, in the user's language, and nothing written."""
        Skill = self.env["hr.skill"]
        before = Skill.search_count([])
        wrong_header = ("uri", *HEADER[2:])
        no_uri = esco_row("10", "x")
        no_uri[HEADER.index("conceptUri")] = ""
        cases = [
            (esco_file(self.rows, header=wrong_header), "has no column conceptUri"),
            (base64.b64encode(b"\xff\xfe not utf-8"), "not a CSV file in UTF-8"),
            (
                esco_file([*self.rows, esco_row("9", ""), no_uri]),
                "Rows 6, 7 have no",
            ),
            (esco_file([*self.rows, self.rows[0]]), f"concept {URI}1 more than once"),
        ]
        for content, message in cases:
            with self.subTest(message=message):
                wizard = self._wizard([])
                wizard.file = content
                with self.assertRaisesMessage(UserError, message):
                    wizard.action_import()
        self.assertEqual(Skill.search_count([]), before)
        wizard = self._wizard(self.rows, skill_type_id=False)
        with self.assertRaisesMessage(UserError, "Choose the skill type"):
            wizard.action_import()
        # in Norwegian
        self.env["res.lang"]._activate_lang("nb_NO")
        self.env["ir.module.module"]._load_module_terms(
            ["kompetanse_module"], ["nb_NO"], overwrite=True
        )
        wizard = self._wizard([*self.rows, self.rows[0]])
        with self.assertRaisesMessage(UserError, "mer enn én gang"):
            wizard.with_context(lang="nb_NO").action_import()
        self.assertEqual(Skill.search_count([]), before)

    def test_no_second_skill_of_a_name(self):
        """A concept renamed to, or new under, the name another skill of its
        type has is refused with nothing written: two of a name could no
        longer be told apart."""
        self._wizard(self.rows).action_import()
        Skill = self.env["hr.skill"]
        before = Skill.search_count([])
        renamed = esco_row("2", "behandle klager", skill_type="knowledge")
        twice = [esco_row("8", "ny ferdighet"), esco_row("9", "Ny ferdighet")]
        for rows, message in (
            ([renamed], "already has a skill behandle klager"),
            (twice, "in the file too"),
        ):
            with self.subTest(message=message):
                with self.assertRaisesMessage(UserError, message):
                    self._wizard(rows).action_import()
        self.assertEqual(Skill.search_count([]), before)
        self.assertEqual(
            Skill.search([("kompetanse_esco_uri", "=", URI + "2")]).name,
            "forvaltningsrett",
        )

    def test_result_is_the_wizards(self):
        """Its progress and counts are the wizard's own: not set by a client,
        not by a default in the context; another HR user's import is not
        read."""
        wizard = (
            self.env["kompetanse.esco.import"]
            .with_user(self.user_hr)
            .with_context(default_state="done", default_new_count=77)
            .create({"file": esco_file(self.rows), "skill_type_id": self.type_tech.id})
        )
        self.assertEqual((wizard.state, wizard.new_count), ("draft", 0))
        for values in ({"state": "done"}, {"new_count": 999}):
            with self.assertRaisesMessage(UserError, "set by the module itself"):
                wizard.write(values)
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self._wizard(self.rows, state="done")
        other_hr = self.user_hr.copy({"login": "test_other_hr"})
        with self.assertRaises(AccessError):
            wizard.with_user(other_hr).read(["file"])

    def test_only_hr(self):
        """HR imports ESCO; managers and employees may not start it."""
        for user in (self.user_manager, self.user_employee, self.user_top):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._wizard(self.rows, user=user)
        self.assertTrue(self._wizard(self.rows))

    def test_form(self):
        """The form: a type asked for only when the skills go into one, the
        levels' type only for new ESCO types; the preview then the import."""
        form = Form(self.env["kompetanse.esco.import"].with_user(self.user_hr))
        form.file = esco_file(self.rows)
        form.skill_type_id = self.type_tech
        self.assertFalse(form._get_modifier("scale_type_id", "required"))
        form.target = "esco_type"
        self.assertTrue(form._get_modifier("scale_type_id", "required"))
        self.assertTrue(form._get_modifier("skill_type_id", "invisible"))
        form.target = "type"
        wizard = form.save()
        wizard.action_preview()
        self.assertEqual((wizard.state, wizard.new_count), ("preview", 4))
