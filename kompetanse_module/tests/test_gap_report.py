# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KompetanseDataCommon

# what the employee form reads for its Kompetanse tab
FORM_SPEC = {
    "role_ids": {"fields": {"display_name": {}}},
    "kompetanse_gap_ids": {
        "fields": {
            "skill_type_id": {"fields": {"display_name": {}}},
            "skill_id": {"fields": {"display_name": {}}},
            "required_progress": {},
            "actual_progress": {},
            "gap": {},
            "status": {},
            "is_essential": {},
            "is_future": {},
        }
    },
}


@tagged("post_install", "-at_install")
class TestGapReport(KompetanseDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.writer = cls._role(
            "Writer",
            [(cls.norwegian, cls.c2, "essential"), (cls.sami, cls.a2, "desirable")],
            cls.dept_main,
            employees=(cls.anna, cls.bjorn, cls.david),
        )
        cls.developer = cls._role(
            "Developer",
            [
                (cls.python, cls.senior, "essential"),
                (cls.norwegian, cls.b2, "desirable"),
            ],
            employees=(cls.anna, cls.bjorn, cls.cecilie),
        )
        cls.analyst = cls._role(
            "Future Analyst",
            [(cls.sql, cls.senior, "essential")],
            cls.dept_sub,
            employees=(cls.bjorn,),
            is_future=True,
            valid_from="2030-01-01",
        )
        cls.ours = [("employee_id", "in", (cls.anna | cls.bjorn | cls.cecilie).ids)]

    def _rows(self, user=None, domain=()):
        report = self.env["kompetanse.gap.report"]
        if user:
            report = report.with_user(user)
        rows = report.search(self.ours + list(domain))
        return {
            (row.employee_id.name, row.skill_id.name, row.is_future): (
                row.required_progress,
                row.actual_progress,
                row.gap,
                row.status,
                row.is_essential,
            )
            for row in rows
        }

    def test_gap_figures(self):
        """G-NL-2: one row per employee and required skill; the requirement is the
        highest minimum over the employee's roles; archived employees are left out;
        future roles are rows of their own."""
        self.assertEqual(
            self._rows(),
            {
                # Norwegian: C2 (Writer) beats B2 (Developer); essential in Writer
                ("Test Anna", "Test Norwegian", False): (100, 100, 0, "met", True),
                ("Test Anna", "Test Sami", False): (20, 0, 20, "missing", False),
                ("Test Anna", "Test Python", False): (80, 30, 50, "below", True),
                ("Test Bjørn", "Test Norwegian", False): (100, 60, 40, "below", True),
                ("Test Bjørn", "Test Sami", False): (20, 0, 20, "missing", False),
                ("Test Bjørn", "Test Python", False): (80, 80, 0, "met", True),
                ("Test Bjørn", "Test SQL", True): (80, 0, 80, "missing", True),
                ("Test Cecilie", "Test Python", False): (80, 0, 80, "missing", True),
                ("Test Cecilie", "Test Norwegian", False): (60, 100, 0, "met", False),
            },
        )
        david = self.env["kompetanse.gap.report"].search(
            [("employee_id", "=", self.david.id)]
        )
        self.assertFalse(david)

    def test_report_follows_changes(self):
        """The report is live: a new level closes the gap at once."""
        self.bjorn.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.norwegian
        ).skill_level_id = self.c2
        self.env.invalidate_all()  # as the next request reads it
        rows = self._rows(domain=[("employee_id", "=", self.bjorn.id)])
        self.assertEqual(
            rows[("Test Bjørn", "Test Norwegian", False)], (100, 100, 0, "met", True)
        )
        self.writer.active = False
        self.env.invalidate_all()
        rows = self._rows(domain=[("employee_id", "=", self.bjorn.id)])
        self.assertEqual(
            rows[("Test Bjørn", "Test Norwegian", False)], (60, 100, 0, "met", False)
        )
        self.assertNotIn(("Test Bjørn", "Test Sami", False), rows)

    def test_department_matrix(self):
        """G-NL-2: the department x skill matrix shows the average gap per cell."""
        rows = self.env["kompetanse.gap.report"]._read_group(
            self.ours + [("is_future", "=", False)],
            ["department_id", "skill_id"],
            ["gap:avg", "__count"],
        )
        matrix = {
            (dept.name, skill.name): (gap, count) for dept, skill, gap, count in rows
        }
        self.assertEqual(matrix[("Test Main Unit", "Test Python")], (50.0, 1))
        self.assertEqual(matrix[("Test Sub Unit", "Test Norwegian")], (40.0, 1))
        self.assertEqual(matrix[("Test Other Unit", "Test Python")], (80.0, 1))
        self.assertEqual(len(matrix), 8)

    def test_department_gap_count_and_action(self):
        """The department's smart button counts the current gaps of the unit and
        its sub-units and opens them."""
        self.assertEqual(self.dept_main.kompetanse_gap_count, 4)
        self.assertEqual(self.dept_sub.kompetanse_gap_count, 2)
        self.assertEqual(self.dept_other.kompetanse_gap_count, 1)
        action = self.dept_main.action_open_kompetanse_gaps()
        self.assertEqual(action["res_model"], "kompetanse.gap.report")
        # one figure for one thing: the button opens the menu's matrix with
        # the unit as a filter the user sees, no hidden "with a gap" filter
        self.assertFalse(action.get("domain"))
        context = action["context"]
        self.assertEqual(context["search_default_department_id"], self.dept_main.id)
        self.assertNotIn("search_default_with_gap", context)
        search_view = self.env.ref(
            "kompetanse_module.kompetanse_gap_report_view_search"
        )
        self.assertIn('name="department_id" operator="child_of"', search_view.arch)
        rows = self.env["kompetanse.gap.report"].search(
            [
                ("department_id", "child_of", self.dept_main.id),
                ("is_future", "=", False),
            ]
        )
        gaps = rows.filtered(lambda row: row.gap > 0)
        self.assertEqual(gaps.employee_id, self.anna | self.bjorn)
        self.assertEqual(len(gaps), self.dept_main.kompetanse_gap_count)
        self.assertGreater(len(rows), len(gaps), "rows without a gap count too")

    def test_rights(self):
        """An employee sees their own gaps, a manager those of the departments they
        manage (sub-units included), HR everyone's; the top leader, who manages
        no department here, none as individuals; a portal user none."""
        self.assertEqual(
            {key[0] for key in self._rows(self.user_employee)}, {"Test Anna"}
        )
        self.assertEqual(
            {key[0] for key in self._rows(self.user_manager)},
            {"Test Anna", "Test Bjørn"},
        )
        self.assertEqual(len(self._rows(self.user_hr)), 9)
        self.assertFalse(self._rows(self.user_top))
        self.assertFalse(self._rows(self.user_internal))
        with self.assertRaises(AccessError):
            self.env["kompetanse.gap.report"].with_user(self.user_portal).search([])
        with self.assertRaises(AccessError):
            self.env["kompetanse.gap.report"].with_user(self.user_hr).search(
                self.ours, limit=1
            ).write({"gap": 0})

    def test_filters(self):
        """The search filters (my departments, essential only, missing, future
        roles) select what they say."""
        rows = self._rows(
            self.user_manager, [("department_id.kompetanse_managed", "=", True)]
        )
        self.assertEqual({key[0] for key in rows}, {"Test Anna", "Test Bjørn"})
        rows = self._rows(
            domain=[("is_essential", "=", True), ("status", "=", "missing")]
        )
        self.assertEqual(
            set(rows),
            {("Test Bjørn", "Test SQL", True), ("Test Cecilie", "Test Python", False)},
        )
        rows = self._rows(domain=[("is_future", "=", True)])
        self.assertEqual(set(rows), {("Test Bjørn", "Test SQL", True)})

    def test_employee_form_queries_do_not_grow(self):
        """The employee form's Kompetanse tab reads roles and gaps in a number of
        queries that does not grow with the number of roles or skills."""
        small = self.cecilie  # one role, two required skills
        big = self.bjorn  # three roles, four required skills
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        small.with_user(self.user_hr).web_read(FORM_SPEC)
        queries = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            data = big.with_user(self.user_hr).web_read(FORM_SPEC)
        self.assertEqual(len(data[0]["role_ids"]), 3)
        self.assertEqual(len(data[0]["kompetanse_gap_ids"]), 4)

    def test_every_row_has_its_key(self):
        """Each way of giving people roles and requirements gives every row of
        the gap analysis its id (the row key the view joins)."""
        Gap = self.env["kompetanse.gap.report"]
        role = self._role("Test Key Role", [(self.python, self.senior, "essential")])
        self.anna.role_ids = [Command.link(role.id)]
        role.employee_ids = [Command.link(self.bjorn.id)]
        role.line_ids = [
            Command.create({"skill_id": self.sql.id, "level_id": self.senior.id})
        ]
        self._role(
            "Test Key Future",
            [(self.python, self.senior, "essential")],
            employees=self.cecilie,
            is_future=True,
            valid_from="2090-01-01",
        )
        self.env.flush_all()
        rows = Gap.search_read(
            [("employee_id", "in", (self.anna | self.bjorn | self.cecilie).ids)],
            ["employee_id", "skill_id", "is_future"],
        )
        self.assertLessEqual(
            {
                (self.anna.id, self.python.id, False),
                (self.anna.id, self.sql.id, False),
                (self.bjorn.id, self.python.id, False),
                (self.bjorn.id, self.sql.id, False),
                (self.cecilie.id, self.python.id, True),
            },
            {
                (row["employee_id"][0], row["skill_id"][0], row["is_future"])
                for row in rows
            },
        )
        self.assertTrue(all(row["id"] for row in rows))
        self.assertEqual(len({row["id"] for row in rows}), len(rows))
