# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import file_open

from .common import KompetanseDataCommon


@tagged("post_install", "-at_install")
class TestImport(KompetanseDataCommon):
    """Getting the competence catalogue and people's levels in through Odoo's
    own import, by the names a person types."""

    def _import(self, model, rows, dryrun=False, user=None):
        """Odoo's import of a CSV file (a header line and rows), as the import
        screen runs it: its messages."""
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.user_hr)
            # as the web client calls it: in the user's language
            .with_context(lang=(user or self.user_hr).lang)
            .create(
                {
                    "res_model": model,
                    "file": buffer.getvalue().encode(),
                    "file_type": "text/csv",
                    "file_name": "import.csv",
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
        }
        return wizard.execute_import(rows[0], rows[0], options, dryrun=dryrun)

    def test_templates_on_each_list(self):
        """G-HR-1: each list offers its import template, and the templates
        import as they are."""
        for model, path in (
            ("hr.skill.type", "hr_skill_type.csv"),
            ("hr.employee.skill", "hr_employee_skill.csv"),
            ("kompetanse.target.line", "kompetanse_target_line.csv"),
            ("kompetanse.role", "kompetanse_role.csv"),
        ):
            templates = self.env[model].get_import_templates()
            self.assertEqual(
                [t["template"] for t in templates],
                [f"/kompetanse_module/static/xls/{path}"],
            )
            with file_open(f"kompetanse_module/static/xls/{path}") as template:
                header = next(csv.reader(template))
            # each column is a field of the list (or of its lines)
            self.assertLessEqual(
                {column.split("/")[0] for column in header},
                set(self.env[model]._fields),
            )
        with file_open("kompetanse_module/static/xls/hr_skill_type.csv") as template:
            rows = list(csv.reader(template))
        rows[1:] = [[f"Test {row[0]}" if row[0] else "", *row[1:]] for row in rows[1:]]
        result = self._import("hr.skill.type", rows)
        self.assertFalse(result["messages"])
        languages = self.env["hr.skill.type"].browse(result["ids"][0])
        self.assertEqual(
            languages.skill_level_ids.mapped("name"), ["A2", "B1", "B2", "C1", "C2"]
        )
        self.assertEqual(languages.name, "Test Språk (CEFR)")
        self.assertEqual(
            languages.skill_ids.mapped("name"), ["Norsk", "Engelsk", "Nordsamisk"]
        )

    def test_catalogue_of_300_skills(self):
        """G-HR-1: a catalogue of 12 skill types with their levels and 300
        skills imports in one go."""
        rows = [["name", "skill_level_ids/name", "skill_level_ids/level_progress",
                 "skill_ids/name"]]  # fmt: skip
        for number in range(12):
            for line in range(25):
                level = [f"Level {line}", str(line * 4)] if line < 5 else ["", ""]
                rows.append(
                    [f"Test Type {number}" if not line else "", *level,
                     f"Test Skill {number}-{line}"]
                )  # fmt: skip
        self.assertFalse(self._import("hr.skill.type", rows, dryrun=True)["messages"])
        result = self._import("hr.skill.type", rows)
        self.assertFalse(result["messages"])
        types = self.env["hr.skill.type"].browse(result["ids"])
        self.assertEqual(len(types), 12)
        self.assertEqual(len(types.skill_ids), 300)
        self.assertEqual(len(types.skill_level_ids), 60)

    def test_levels_by_name(self):
        """G-HR-1: people's levels by the names a person types: the employee
        by name or work email, the skill within its type, the level within
        the skill's type (B2 of the languages, Senior of the tech skills)."""
        self.cecilie.work_email = "cecilie@example.com"
        EmployeeSkill = self.env["hr.employee.skill"]
        before = EmployeeSkill.search_count([])
        result = self._import(
            "hr.employee.skill",
            [
                ["employee_id", "skill_id", "skill_level_id"],
                ["Test Anna", "Test Sami", "B2"],
                ["cecilie@example.com", "test python", "Senior"],
                ["Test Bjørn", "Test SQL", "junior"],
            ],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(EmployeeSkill.search_count([]), before + 3)
        imported = EmployeeSkill.browse(result["ids"])
        self.assertEqual(
            [(s.employee_id, s.skill_id, s.skill_level_id) for s in imported],
            [
                (self.anna, self.sami, self.b2),
                (self.cecilie, self.python, self.senior),
                (self.bjorn, self.sql, self.junior),
            ],
        )
        # Odoo's skill log has them, as if set on the employee
        self.assertIn(
            self.sami,
            self.env["hr.employee.skill.log"]
            .search([("employee_id", "=", self.anna.id)])
            .skill_id,
        )

    def test_bad_rows_all_reported(self):
        """G-HR-1: every bad row is named with its column, in Odoo's test run
        and in the import, and nothing of the file is written."""
        # a skill named as in another type, to be told apart by its type
        self.env["hr.skill"].create(
            {"name": "Test Python", "skill_type_id": self.type_lang.id}
        )
        EmployeeSkill = self.env["hr.employee.skill"]
        before = EmployeeSkill.search_count([])
        rows = [
            ["employee_id", "skill_type_id", "skill_id", "skill_level_id"],
            ["Test Anna", "Test Languages", "Test Sami", "C2"],  # good
            ["Test Anna", "", "Test Cobol", "Senior"],  # unknown skill
            ["Test Anna", "Test Tech", "Test SQL", "B2"],  # level of another type
            ["Test Anna", "Test Tech", "Test Python", "Senior"],  # has one already
            ["", "Test Tech", "Test SQL", "Senior"],  # no employee
            ["Test Bjørn", "Test Tech", "Test SQL", ""],  # no level
            ["Test Nobody", "Test Tech", "Test SQL", "Senior"],  # unknown person
            ["Test Bjørn", "", "Test Python", "Senior"],  # skill of two types
            ["Test Bjørn", "Test Cooking", "Test SQL", "Senior"],  # unknown type
            ["Test Cecilie", "Test Tech", "Test SQL", "Junior"],  # good
            ["Test Cecilie", "Test Tech", "Test SQL", "Senior"],  # twice in the file
            ["Test Cecilie", "Test Tech", "", "Senior"],  # no skill
        ]
        expected = [
            (3, "Skill", "there is no skill Test Cobol."),
            (4, "Skill Level", "B2 is not a level of Test Tech"),
            (5, "Skill", "Test Anna already has a level of Test Python"),
            (6, "Employee", "it is empty."),
            (7, "Skill Level", "it is empty."),
            (8, "Employee", "there is no employee Test Nobody"),
            (9, "Skill", "Test Python is a skill of several types"),
            (10, "Skill Type", "there is no skill type Test Cooking."),
            (12, "Skill", "Test Cecilie and Test SQL are also on row 11."),
            (13, "Skill", "it is empty."),
        ]
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                result = self._import("hr.employee.skill", rows, dryrun=dryrun)
                self.assertFalse(result["ids"])
                messages = result["messages"]
                self.assertEqual(len(messages), 10, messages)
                for message, (row, column, text) in zip(
                    messages, expected, strict=True
                ):
                    self.assertEqual(message["type"], "error")
                    self.assertIn(
                        f"Row {row}, column {column}: {text}", message["message"]
                    )
                self.assertEqual(EmployeeSkill.search_count([]), before)

    def test_bad_row_in_the_users_language(self):
        """G-HR-1: the error is in the user's language."""
        self.env["res.lang"]._activate_lang("nb_NO")
        self.env["ir.module.module"]._load_module_terms(
            ["kompetanse_module", "hr_skills"], ["nb_NO"], overwrite=True
        )
        self.user_hr.lang = "nb_NO"
        result = self._import(
            "hr.employee.skill",
            [
                ["employee_id", "skill_id", "skill_level_id"],
                ["Test Anna", "Test SQL", "C2"],
                ["Test Anna", "Test Cobol", "C2"],
            ],
        )
        self.assertIn(
            "Rad 2, kolonne Ferdighetsnivå: C2 er ikke et nivå i Test Tech",
            result["messages"][0]["message"],
        )
        # the column's name too (Odoo's own, translated by the module)
        self.assertEqual(
            result["messages"][1]["message"],
            "Rad 3, kolonne Ferdighet: det finnes ingen ferdighet Test Cobol.",
        )

    def test_target_lines_by_name(self):
        """G-TL-1: target picture lines by name, their level within the
        skill's type; an error names the row and the column."""
        target = self._target([(self.python, self.senior, 1, False)])
        header = ["target_id", "skill_id", "level_id", "needed_count"]
        result = self._import(
            "kompetanse.target.line",
            [header, [target.name, "Test Norwegian", "C2", "3"]],
        )
        self.assertFalse(result["messages"])
        line = self.env["kompetanse.target.line"].browse(result["ids"])
        self.assertEqual(
            (line.target_id, line.skill_id, line.level_id),
            (target, self.norwegian, self.c2),
        )
        result = self._import(
            "kompetanse.target.line",
            [header, [target.name, "Test SQL", "C2", "3"]],
        )
        self.assertIn(
            "Row 2, column Required Level: C2 is not a level of Test Tech",
            result["messages"][0]["message"],
        )
        self.assertEqual(len(target.line_ids), 2)

    def test_roles_with_requirements(self):
        """G-NL-2: roles with their requirements in one file, the skills and
        levels by name; a bad requirement names its row and column, and no
        role of the file is written. As a manager, for their unit; a skill's
        type over RPC tells two skills apart and changes neither."""
        python_lang = self.env["hr.skill"].create(
            {"name": "Test Python", "skill_type_id": self.type_lang.id}
        )
        Role = self.env["kompetanse.role"]
        header = [
            "name",
            "department_id",
            "line_ids/skill_id",
            "line_ids/level_id",
            "line_ids/importance",
        ]
        rows = [
            header,
            [
                "Test Analyst",
                "Test Main Unit / Test Sub Unit",
                "Test SQL",
                "Senior",
                "essential",
            ],
            ["", "", "Test Sami", "b2", "Desirable"],
            ["", "", "Test Norwegian", "C2", "essential"],
            ["Test Writer", "Test Main Unit", "", "", ""],
            ["", "", "Test Sami", "Senior", "essential"],
            ["", "", "Test Python", "Senior", "essential"],
            ["", "", "Test Cobol", "Senior", "essential"],
        ]
        before = Role.search_count([])
        result = self._import("kompetanse.role", rows, user=self.user_manager)
        self.assertFalse(result["ids"])
        self.assertEqual(
            [m["message"][: m["message"].index(":", 12)] for m in result["messages"]],
            [
                "Row 6, column Requirements / Minimum Level",
                "Row 7, column Requirements / Skill",
                "Row 8, column Requirements / Skill",
            ],
        )
        self.assertIn("rename one of them", result["messages"][1]["message"])
        self.assertEqual(Role.search_count([]), before)
        rows[5:] = [["", "", "Test SQL", "Junior", "essential"]]
        result = self._import("kompetanse.role", rows, user=self.user_manager)
        self.assertFalse(result["messages"])
        analyst, writer = Role.browse(result["ids"])
        self.assertEqual(
            {(ln.skill_id, ln.level_id, ln.importance) for ln in analyst.line_ids},
            {
                (self.sql, self.senior, "essential"),
                (self.norwegian, self.c2, "essential"),
                (self.sami, self.b2, "desirable"),
            },
        )
        self.assertEqual(writer.department_id, self.dept_main)
        self.assertEqual(writer.line_ids.skill_id, self.sql)
        # over RPC, the lines' skill type (the skill's own field) tells the
        # two Test Python apart; neither skill is changed by it
        unit = self.dept_sub.complete_name
        result = Role.with_user(self.user_manager).load(
            ["name", "department_id", "line_ids/skill_type_id", "line_ids/skill_id",
             "line_ids/level_id"],
            [["Test Coder", unit, "Test Tech", "Test Python", "Senior"]],
        )  # fmt: skip
        self.assertFalse(result["messages"])
        self.assertEqual(Role.browse(result["ids"]).line_ids.skill_id, self.python)
        self.assertEqual(python_lang.skill_type_id, self.type_lang)
        self.assertEqual(self.python.skill_type_id, self.type_tech)
        # a position is linked to a role only by who may change the position
        job = self.env["hr.job"].create({"name": "Test Job"})
        result = Role.with_user(self.user_manager).load(
            ["name", "department_id", "job_ids/.id"],
            [["Test Jobbed", unit, str(job.id)]],
        )
        self.assertEqual(result["messages"][0]["type"], "error")
        self.assertFalse(Role.search([("name", "=", "Test Jobbed")]))
        with self.assertRaises(AccessError):
            writer.with_user(self.user_manager).job_ids = job
        self.assertFalse(job.role_ids)
        writer.with_user(self.user_hr).job_ids = job
        self.assertEqual(job.role_ids, writer)
        # outside the manager's units: Odoo's refusal, and nothing written
        result = self._import(
            "kompetanse.role",
            [header, ["Test Other", "Test Other Unit", "Test SQL", "Senior", ""]],
            user=self.user_manager,
        )
        self.assertEqual(result["messages"][0]["type"], "error")
        self.assertFalse(Role.search([("name", "=", "Test Other")]))

    def test_others_levels_not_told(self):
        """G-HR-1: an import does not tell who holds what: a row for someone
        whose skills the user does not keep is refused alike, held or not."""
        result = self._import(
            "hr.employee.skill",
            [
                ["employee_id", "skill_id", "skill_level_id"],
                ["Test Bjørn", "Test Norwegian", "C2"],  # he holds it
                ["Test Bjørn", "Test Sami", "C2"],  # he does not
            ],
            user=self.user_employee,
        )
        self.assertFalse(result["ids"])
        self.assertEqual(
            [m["message"] for m in result["messages"]],
            [
                "Row 2, column Employee: you do not keep the skills of Test Bjørn.",
                "Row 3, column Employee: you do not keep the skills of Test Bjørn.",
            ],
        )
        # by ids, or created directly: refused alike, before the database
        # could tell that he holds one
        for skill, level in ((self.norwegian, self.c2), (self.sami, self.c2)):
            result = (
                self.env["hr.employee.skill"]
                .with_user(self.user_employee)
                .load(
                    ["employee_id/.id", "skill_id/.id", "skill_level_id/.id"],
                    [[str(self.bjorn.id), str(skill.id), str(level.id)]],
                )
            )
            self.assertFalse(result["ids"])
            self.assertEqual(
                result["messages"][0]["message"],
                "You do not keep the skills of Test Bjørn.",
            )
            with self.assertRaisesMessage(AccessError, "You do not keep the skills"):
                self.env["hr.employee.skill"].with_user(self.user_employee).create(
                    {
                        "employee_id": self.bjorn.id,
                        "skill_id": skill.id,
                        "skill_level_id": level.id,
                        "skill_type_id": skill.skill_type_id.id,
                    }
                )
        # called over RPC as Odoo's load is: on the model, without records
        for model in ("hr.employee.skill", "kompetanse.target.line", "kompetanse.role"):
            self.assertEqual(type(self.env[model]).load._api, "model")
        for fields, data in (
            (["employee_id"], [5]),
            (["employee_id"], None),
            (["employee_id"], 5),
            ([["employee_id"]], [["x"]]),
            ([None], [["x"]]),
        ):
            with self.assertRaisesMessage(UserError, "each a list of cells"):
                self.env["hr.employee.skill"].load(fields, data)

    def test_rows_of_any_shape(self):
        """A row over RPC may be short or hold numbers: read as text, a
        clear message, no server error."""
        result = (
            self.env["hr.employee.skill"]
            .with_user(self.user_hr)
            .load(
                ["employee_id", "skill_id", "skill_level_id"],
                [["Test Anna", "Test Sami"], [42, None, False]],
            )
        )
        self.assertFalse(result["ids"])
        self.assertEqual(
            [m["message"] for m in result["messages"]],
            [
                "Row 2, column Skill Level: it is empty.",
                "Row 3, column Skill: it is empty.",
                "Row 3, column Skill Level: it is empty.",
            ],
        )

    def test_ids_as_odoo_imports_them(self):
        """A file with database ids is Odoo's import as it is (whose skill
        type is a column of its own)."""
        ids = (self.cecilie, self.type_tech, self.python, self.junior)
        result = self._import(
            "hr.employee.skill",
            [
                [
                    "employee_id/.id",
                    "skill_type_id/.id",
                    "skill_id/.id",
                    "skill_level_id/.id",
                ],
                [str(record.id) for record in ids],
            ],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(
            self.cecilie.employee_skill_ids.skill_id, self.norwegian | self.python
        )
