# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from lxml import html

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import KompetanseOrgCommon

TARGET_REPORT = "kompetanse_module.action_report_kompetanse_target"
PLAN_REPORT = "kompetanse_module.action_report_kompetanse_plan"


class KompetanseReportCommon(KompetanseOrgCommon):
    def _render(self, report, records, user):
        """The report's HTML as user prints it, parsed."""
        # as a new request does: the record cache is not per user
        self.env.invalidate_all()
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report, records.ids)
        )
        self.assertEqual(report_type, "html")
        return html.fromstring(content)

    @contextmanager
    def assertAccessError(self):
        """Printing is refused with the record rules' AccessError before the
        template is drawn: the user reads a clear message, not a rendering
        error."""
        with self.assertRaises(AccessError) as caught:
            yield caught

    def _text(self, node):
        return " ".join(node.text_content().split())

    def _rows(self, page, table):
        """The text of each cell of each body row of the table named table."""
        return [
            [self._text(cell) for cell in row.xpath("./td")]
            for row in page.xpath(f"//table[@name='{table}']/tbody/tr")
        ]


@tagged("post_install", "-at_install")
class TestReportTarget(KompetanseReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target = cls._target(
            [
                (cls.norwegian, cls.c2, 4, False),
                (cls.python, cls.senior, 4, cls.dept_sub),
            ],
            name="Test Target Picture 2047",
            goals="<p>Serve every citizen in their own language</p>",
        )
        cls.line_org, cls.line_sub = cls.target.line_ids
        cls.line_org.write({"priority": 2})
        cls.line_sub.write(
            {
                "priority": 1,
                "deadline": "2047-06-30",
                "rationale": "Digital services need senior developers",
            }
        )
        cls.target.with_user(cls.user_top).action_approve()

    def test_binding(self):
        """The report is offered under Print on the target picture."""
        report = self.env.ref(TARGET_REPORT)
        self.assertEqual(report.binding_model_id.model, "kompetanse.target")
        self.assertEqual(report.binding_type, "report")
        self.assertEqual(report.report_type, "qweb-pdf")

    def test_top_leader_prints_target(self):
        """G-TL-1, G-TL-2: the top leader prints the approved target picture:
        its goals, approval and lines by priority with their coverage; the
        figures of a unit too small to be shown stay hidden for him, who may
        not see its people as individuals, and count nowhere in the total."""
        page = self._render(TARGET_REPORT, self.target, self.user_top)
        text = self._text(page)
        for expected in (
            "Test Target Picture 2047",
            format_date(self.env, self.target.date_start),
            format_date(self.env, self.target.date_end),
            "Approved",
            self.user_top.name,
            format_date(self.env, self.target.approved_date),
            "Serve every citizen in their own language",
        ):
            self.assertIn(expected, text)
        # the sub-unit's line first (priority 1); it has Bjørn only, fewer
        # than the company's smallest group shown
        self.assertLess(
            len(self.dept_sub.member_ids), self.env.company.kompetanse_min_group_size
        )
        self.assertEqual(
            self._rows(page, "target_line_table"),
            [
                [
                    "1",
                    "Test Python",
                    "Senior",
                    self.dept_sub.display_name,
                    "4",
                    "Too few to show",
                    format_date(self.env, self.line_sub.deadline),
                    "Digital services need senior developers",
                ],
                # Anna and Cecilie are C2 (David is archived)
                [
                    "2",
                    "Test Norwegian",
                    "C2",
                    "Whole organisation",
                    "4",
                    "2",
                    "50.0",
                    "",
                    "",
                ],
            ],
        )
        # the hidden line counts neither way: 2 of 4
        total = self._text(page.xpath("//div[@name='target_coverage']")[0])
        self.assertEqual(total, "Total Coverage (%) 50.0")
        self.assertIn("count neither way in the total coverage", text)

    def test_hr_prints_all_figures(self):
        """G-TL-1: HR, who sees everyone, reads every line's figures; the
        total counts each line up to what it needs."""
        page = self._render(TARGET_REPORT, self.target, self.user_hr)
        rows = self._rows(page, "target_line_table")
        # Bjørn is Senior in Python in the sub-unit: 1 of 4
        self.assertEqual(rows[0][4:7], ["4", "1", "25.0"])
        self.assertEqual(rows[1][4:7], ["4", "2", "50.0"])
        self.assertNotIn("Too few to show", self._text(page))
        # (1 + 2) of (4 + 4)
        total = self._text(page.xpath("//div[@name='target_coverage']")[0])
        self.assertEqual(total, "Total Coverage (%) 37.5")

    def test_employee_prints_approved_only(self):
        """G-TL-1: every employee prints the approved target picture, with the
        figures he may see; a draft he may not read he cannot print."""
        page = self._render(TARGET_REPORT, self.target, self.user_employee)
        self.assertEqual(
            [row[5] for row in self._rows(page, "target_line_table")],
            ["Too few to show", "2"],
        )
        draft = self._target(
            [(self.sami, self.a2, 1, False)],
            name="Test Draft Target",
            date_start="2049-01-01",
            date_end="2049-12-31",
        )
        with self.assertAccessError():
            self._render(TARGET_REPORT, draft, self.user_employee)
        # HR sees the draft it works on
        page = self._render(TARGET_REPORT, draft, self.user_hr)
        self.assertIn("Test Draft Target", self._text(page))


@tagged("post_install", "-at_install")
class TestReportPlan(KompetanseReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.method_tasks = cls.env.ref("kompetanse_module.kompetanse_method_tasks")
        cls.method_recruit = cls.env.ref("kompetanse_module.kompetanse_method_recruit")
        cls._role(
            "Test Writer",
            [
                (cls.norwegian, cls.c2, "essential"),
                (cls.python, cls.senior, "essential"),
            ],
            cls.dept_main,
            employees=(cls.anna, cls.bjorn),
        )
        cls.target = cls._target([(cls.python, cls.senior, 2, False)])
        cls.target.action_approve()
        env = cls.env(user=cls.user_manager)
        cls.plan = env["kompetanse.plan"].create(
            {
                "name": "Test Main Unit Plan 2047",
                "department_id": cls.dept_main.id,
                "target_id": cls.target.id,
                "date_start": "2047-01-01",
                "date_end": "2047-12-31",
                "direction": "<p>Digital first, in plain language</p>",
                "involvement": "<p>Unit meeting with everyone in March</p>",
                "involvement_date": "2047-03-15",
                "union_involved": True,
            }
        )
        cls.need_python, cls.need_sami = env["kompetanse.need"].create(
            [
                {
                    "name": "Test Need Python Skills",
                    "plan_id": cls.plan.id,
                    "department_id": cls.dept_main.id,
                    "skill_ids": [Command.set(cls.python.ids)],
                },
                {
                    "name": "Test Need Sami Speaker",
                    "plan_id": cls.plan.id,
                    "department_id": cls.dept_sub.id,
                    "skill_ids": [Command.set(cls.sami.ids)],
                    "category": "recruit",
                    "method_id": cls.method_recruit.id,
                },
            ]
        )
        cls.need_python.action_submit()
        cls.measure = env["kompetanse.measure"].create(
            {
                "name": "Test Measure Pair Programming",
                "plan_id": cls.plan.id,
                "department_id": cls.dept_sub.id,
                "method_id": cls.method_tasks.id,
                "date_start": "2047-04-01",
                "date_deadline": "2047-09-30",
                "cost_fixed": 1500,
            }
        )
        cls.gap_rows = [
            # Anna: Python Junior (30) for Senior (80); Bjørn, in the sub-unit:
            # Norwegian B2 (60) for C2 (100)
            ["Test Anna", "Test Python", "80", "30", "50", "Below"],
            ["Test Bjørn", "Test Norwegian", "100", "60", "40", "Below"],
        ]

    def _assert_plan(self, page):
        text = self._text(page)
        for expected in (
            "Test Main Unit Plan 2047",
            self.dept_main.display_name,
            format_date(self.env, self.plan.date_start),
            format_date(self.env, self.plan.date_end),
            "Draft",
            "Test Target",
            "Digital first, in plain language",
            "Unit meeting with everyone in March",
            format_date(self.env, self.plan.involvement_date),
        ):
            self.assertIn(expected, text)
        involvement = self._text(page.xpath("//div[@name='plan_involvement']")[0])
        self.assertIn("Union Representatives Involved Yes", involvement)
        self.assertEqual(
            self._rows(page, "plan_need_table"),
            [
                ["Test Need Sami Speaker", "Test Sami", "Recruit", "Draft"],
                ["Test Need Python Skills", "Test Python", "Develop", "Submitted"],
            ],
        )
        [measure] = self._rows(page, "plan_measure_table")
        self.assertEqual(
            measure[:5],
            [
                "Test Measure Pair Programming",
                self.method_tasks.name,
                format_date(self.env, self.measure.date_start),
                format_date(self.env, self.measure.date_deadline),
                "Planned",
            ],
        )
        self.assertIn("1,500.00", measure[5])
        total = page.xpath("//table[@name='plan_measure_table']/tfoot")[0]
        self.assertIn("1,500.00", self._text(total))

    def test_manager_prints_plan(self):
        """G-NL-1, G-NL-2: the unit's manager prints its plan: direction,
        the employees' involvement, the gaps of his people (sub-unit
        included), the needs reported and the measures with their cost."""
        page = self._render(PLAN_REPORT, self.plan, self.user_manager)
        self._assert_plan(page)
        self.assertEqual(self._rows(page, "plan_gap_table"), self.gap_rows)

    def test_hr_prints_plan(self):
        """G-NL-2: HR prints the plan it approves with the same content."""
        page = self._render(PLAN_REPORT, self.plan, self.user_hr)
        self._assert_plan(page)
        self.assertEqual(self._rows(page, "plan_gap_table"), self.gap_rows)

    def test_top_leader_sees_no_individual_gaps(self):
        """G-NL-2: the top leader reads every plan, but not the gaps of people
        he may not see as individuals."""
        page = self._render(PLAN_REPORT, self.plan, self.user_top)
        self.assertIn("Test Main Unit Plan 2047", self._text(page))
        self.assertFalse(page.xpath("//table[@name='plan_gap_table']"))
        self.assertIn("No gaps to show.", self._text(page))
        self.assertNotIn("Test Anna", self._text(page))
        self.assertNotIn("Test Bjørn", self._text(page))

    def test_other_unit_cannot_print(self):
        """A manager of another unit, or a co-worker, cannot print the plan of
        a unit he may not read."""
        for user in (self.user_other_manager, self.user_coworker):
            with self.subTest(user=user.login), self.assertAccessError():
                self._render(PLAN_REPORT, self.plan, user)
