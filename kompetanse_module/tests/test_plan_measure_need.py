# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KompetanseDataCommon


@tagged("post_install", "-at_install")
class TestPlanMeasureNeed(KompetanseDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.method_tasks = cls.env.ref("kompetanse_module.kompetanse_method_tasks")
        cls.method_team = cls.env.ref("kompetanse_module.kompetanse_method_team")
        cls.method_course = cls.env.ref("kompetanse_module.kompetanse_method_course")
        cls.writer = cls._role(
            "Writer",
            [
                (cls.norwegian, cls.c2, "essential"),
                (cls.python, cls.senior, "essential"),
            ],
            cls.dept_main,
            employees=(cls.anna, cls.bjorn),
        )
        cls.target = cls._target(
            [(cls.norwegian, cls.c2, 3, False), (cls.python, cls.senior, 2, False)]
        )
        cls.target.action_approve()
        cls.line_norwegian, cls.line_python = cls.target.line_ids

    def _create(self, model, user=None, **values):
        records = self.env[model].with_user(user) if user else self.env[model]
        return records.create(
            {
                "name": values.pop("name", f"Test {model}"),
                "department_id": values.pop("department_id", self.dept_main.id),
                **values,
            }
        )

    def _measure(self, user=None, **values):
        return self._create("kompetanse.measure", user, **values)

    def _need(self, user=None, **values):
        return self._create("kompetanse.need", user, **values)

    def test_methods_develop_first(self):
        """G-HR-5, G-0-2: the shipped methods cover developing, mobilising,
        recruiting, hiring in and phasing out, with the 70-20-10 forms of
        development; developing comes first and is a new measure's default."""
        methods = self.env["kompetanse.method"].search([])
        self.assertEqual(
            set(methods.mapped("category")),
            {"develop", "mobilise", "recruit", "hire_in", "phase_out"},
        )
        self.assertEqual(methods[0].category, "develop")
        self.assertEqual(
            set(
                methods.filtered(lambda m: m.category == "develop").mapped(
                    "learning_form"
                )
            ),
            {"work", "others", "formal"},
        )
        measure = self._measure()
        self.assertEqual(measure.method_id.category, "develop")
        self.assertEqual(self._need().category, "develop")
        before = self.method_team.measure_count
        self._measure(method_id=self.method_team.id)
        self._measure(method_id=self.method_team.id)
        self.method_team.invalidate_recordset()
        self.assertEqual(self.method_team.measure_count, before + 2)
        action = self.method_team.action_open_measures()
        self.assertEqual(
            self.env["kompetanse.measure"].search_count(action["domain"]), before + 2
        )

    def test_need_flow(self):
        """G-NL-7: a manager reports a need, HR reviews it, rejects it with a reason
        told in the chatter, and accepts it into a measure linked to it."""
        need = self._need(
            self.user_manager,
            skill_ids=[Command.set(self.python.ids)],
            target_line_ids=[Command.set(self.line_python.ids)],
            method_id=self.method_course.id,
            description="Two developers need to grow",
        )
        need.action_submit()
        with self.assertRaises(AccessError):
            need.action_review()
        with self.assertRaisesMessage(
            UserError, "cannot go from Submitted to Accepted"
        ):
            need.with_user(self.user_hr).action_accept()
        need_hr = need.with_user(self.user_hr)
        need_hr.action_review()
        with self.assertRaisesMessage(UserError, "Give the reason"):
            need_hr.action_reject()
        self.assertEqual(need.state, "in_review")
        need_hr.rejection_reason = "Cover it with the course next spring"
        need_hr.action_reject()
        self.assertEqual(need.state, "rejected")
        self.assertIn("Cover it with the course next spring", need.message_ids[0].body)
        need.action_reset_draft()
        need.action_submit()
        need_hr.action_review()
        action = need_hr.action_accept()
        self.assertEqual(need.state, "accepted")
        measure = need.measure_id
        self.assertEqual(action["res_id"], measure.id)
        self.assertEqual(measure.need_ids, need)
        self.assertEqual(measure.skill_ids, self.python)
        self.assertEqual(measure.target_line_ids, self.line_python)
        self.assertEqual(measure.method_id, self.method_course)
        self.assertEqual(measure.department_id, self.dept_main)
        self.assertEqual(measure.state, "planned")
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            need.with_user(self.user_hr).write({"state": "draft"})

    def test_need_for_tools_and_process(self):
        """G-HR-7, G-HR-8: a need can be for a tool or process support, with who
        was consulted; HR finds them together."""
        need = self._need(
            self.user_manager,
            need_type="tool",
            consulted="Case officers of the unit and the union representative",
        )
        self._need(self.user_manager, need_type="process")
        self._need(self.user_manager)
        found = (
            self.env["kompetanse.need"]
            .with_user(self.user_hr)
            .search(
                [
                    ("need_type", "in", ("tool", "process")),
                    ("department_id", "=", self.dept_main.id),
                ]
            )
        )
        self.assertEqual(len(found), 2)
        self.assertIn(need, found)

    def test_plan_from_gaps(self):
        """G-NL-1, G-NL-2: the manager sets the unit's direction, records the
        employees' involvement, and proposes needs from the unit's gaps."""
        plan = (
            self.env["kompetanse.plan"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Main unit 2047",
                    "department_id": self.dept_main.id,
                    "target_id": self.target.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                    "direction": "<p>Digital first</p>",
                    "involvement": "<p>Unit meeting with everyone</p>",
                    "union_involved": True,
                }
            )
        )
        # Anna: Python Junior < Senior; Bjørn: Norwegian B2 < C2 (sub-unit)
        self.assertEqual(
            {(g.employee_id.name, g.skill_id.name) for g in plan.gap_ids},
            {("Test Anna", "Test Python"), ("Test Bjørn", "Test Norwegian")},
        )
        self.assertTrue(plan.action_propose_needs())
        needs = plan.need_ids
        self.assertEqual(len(needs), 2)
        self.assertEqual(needs.skill_ids, self.python | self.norwegian)
        python_need = needs.filtered(lambda n: n.skill_ids == self.python)
        self.assertEqual(python_need.target_line_ids, self.line_python)
        # how many, not who: a need is read by more people than the gaps
        self.assertIn("Test Python: 1", python_need.description)
        self.assertNotIn("Anna", python_need.description)
        self.assertEqual(set(needs.mapped("category")), {"develop"})
        plan.action_propose_needs()
        self.assertEqual(plan.need_ids, needs)  # nothing twice
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            plan.date_end = "2046-01-01"
        needs.action_submit()
        plan.action_submit()
        with self.assertRaises(AccessError):
            plan.action_approve()
        plan.with_user(self.user_hr).action_approve()
        plan.with_user(self.user_hr).action_close()
        self.assertEqual(plan.state, "closed")
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            plan.with_user(self.user_hr).date_end = "2048-01-01"

    def test_measure_lifecycle_and_effect(self):
        """G-NL-3, G-NL-4: a task assignment or a team is a measure; closing it
        records the participants' levels before and after from the skill log."""
        self.env["hr.employee.skill.log"].create(
            {
                "employee_id": self.anna.id,
                "skill_id": self.python.id,
                "skill_level_id": self.junior.id,
                "skill_type_id": self.type_tech.id,
                "date": "2020-01-01",
            }
        )
        measure = self._measure(
            self.user_manager,
            method_id=self.method_tasks.id,
            employee_ids=[Command.set((self.anna | self.bjorn).ids)],
            skill_ids=[Command.set(self.python.ids)],
            date_start="2021-01-01",
            date_deadline="2021-06-30",
            cost_per_participant=1000,
            cost_fixed=500,
        )
        self.assertEqual(measure.cost_total, 2500)
        measure.action_start()
        self.anna.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.python
        ).skill_level_id = self.senior
        with self.assertRaisesMessage(UserError, "assessment of the effect"):
            measure.action_done()
        measure.effect_assessment = "<p>Anna now leads the team's code reviews.</p>"
        measure.action_done()
        self.assertEqual(measure.state, "done")
        effects = {
            e.employee_id.name: (
                e.before_known and e.progress_before,
                e.progress_after,
                e.progress_change,
            )
            for e in measure.effect_ids
        }
        # Bjørn's level before the start is not in the skill log: unknown, and
        # no change is counted, rather than an invented 0 and a gain of 80
        self.assertEqual(
            effects, {"Test Anna": (30, 80, 50), "Test Bjørn": (False, 80, 0)}
        )
        with self.assertRaisesMessage(UserError, "cannot go from Done"):
            measure.action_cancel()

    def test_measure_validation(self):
        """Deadlines before starts and negative costs are refused, and nothing
        saved is lost."""
        measure = self._measure(cost_per_participant=10)
        with self.assertRaisesMessage(ValidationError, "deadline before its start"):
            measure.write({"date_start": "2030-02-01", "date_deadline": "2030-01-01"})
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            measure.cost_fixed = -1
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            self._measure(cost_per_participant=-5)
        self.env.invalidate_all()
        self.assertEqual(measure.cost_per_participant, 10)
        self.assertFalse(measure.date_start)

    def test_rights(self):
        """Managers work on their own departments' plans, measures and needs and
        cannot see other units'; HR sees and decides all; the top leader reads
        all; employees read the measures they take part in; portal nothing."""
        ours = self._measure(employee_ids=[Command.set(self.anna.ids)])
        theirs = self._measure(department_id=self.dept_other.id, name="Other")
        sub = self._measure(department_id=self.dept_sub.id, name="Sub")
        their_need = self._need(department_id=self.dept_other.id)
        measures = self.env["kompetanse.measure"]
        scope = [("id", "in", (ours | theirs | sub).ids)]
        self.assertEqual(
            measures.with_user(self.user_manager).search(scope), ours | sub
        )
        sub.with_user(self.user_manager).write({"goal": "Grow"})
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_manager).write({"goal": "No"})
        with self.assertRaises(AccessError):
            self._measure(self.user_manager, department_id=self.dept_other.id)
        with self.assertRaises(AccessError):
            their_need.with_user(self.user_manager).read(["name"])
        with self.assertRaises(AccessError):
            self.env["kompetanse.plan"].with_user(self.user_manager).create(
                {
                    "name": "Not mine",
                    "department_id": self.dept_other.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        for user in (self.user_hr, self.user_top):
            self.assertEqual(len(measures.with_user(user).search(scope)), 3, user.login)
        theirs.with_user(self.user_hr).action_start()
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_top).write({"goal": "No"})
        self.assertEqual(measures.with_user(self.user_employee).search(scope), ours)
        with self.assertRaises(AccessError):
            ours.with_user(self.user_employee).write({"goal": "Mine"})
        with self.assertRaises(AccessError):
            self.env["kompetanse.plan"].with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            measures.with_user(self.user_portal).search(scope)

    def test_rollup(self):
        """G-0-1: HR sees needs and measures of every unit by target picture line
        and department; a measure's cost is split over the lines it addresses."""
        self._need(
            department_id=self.dept_other.id,
            target_line_ids=[Command.set(self.line_python.ids)],
        )
        self._measure(
            cost_fixed=1000,
            target_line_ids=[Command.set(self.target.line_ids.ids)],
        )
        rows = (
            self.env["kompetanse.rollup.report"]
            .with_user(self.user_hr)
            ._read_group(
                [("target_id", "=", self.target.id)],
                ["target_line_id", "department_id", "kind"],
                ["__count", "cost:sum"],
            )
        )
        self.assertEqual(
            {
                (line.skill_id.name, dept.name, kind): (count, cost)
                for line, dept, kind, count, cost in rows
            },
            {
                ("Test Norwegian", "Test Main Unit", "measure"): (1, 500.0),
                ("Test Python", "Test Main Unit", "measure"): (1, 500.0),
                ("Test Python", "Test Other Unit", "need"): (1, 0.0),
            },
        )
        manager_rows = (
            self.env["kompetanse.rollup.report"]
            .with_user(self.user_manager)
            .search([("target_id", "=", self.target.id)])
        )
        self.assertEqual(manager_rows.department_id, self.dept_main)
        # a row each, the same on each read, read back by its id
        Rollup = self.env["kompetanse.rollup.report"].with_user(self.user_hr)
        rows = Rollup.search([("target_id", "=", self.target.id)])
        self.assertEqual(len(set(rows.ids)), 3)
        self.env.invalidate_all()
        again = Rollup.search([("target_id", "=", self.target.id)])
        self.assertEqual(again.ids, rows.ids)
        self.assertEqual(
            sorted(Rollup.browse(rows.ids).mapped("kind")),
            ["measure", "measure", "need"],
        )

    def test_way_to_cover_is_the_method_category(self):
        """G-0-2: a need's way to cover it is a method's category: a method of
        another way is refused, the method sets the way, and a need accepted
        without a method becomes a measure of its own way (a recruit need is
        not turned into a develop measure)."""
        method_recruit = self.env["kompetanse.method"].search(
            [("category", "=", "recruit")], limit=1
        )
        need = self._need(self.user_manager, category="recruit")
        self.assertFalse(need.method_id)
        with self.assertRaisesMessage(ValidationError, "belongs to Develop"):
            need.write({"category": "recruit", "method_id": self.method_course.id})
        self.assertEqual(need.category, "recruit")
        need.action_submit()
        need_hr = need.with_user(self.user_hr)
        need_hr.action_review()
        need_hr.action_accept()
        self.assertEqual(need.measure_id.method_id, method_recruit)
        self.assertEqual(need.measure_id.category, "recruit")
        other = self._need(self.user_manager, method_id=self.method_team.id)
        self.assertEqual(other.category, "develop")
        labels = dict(
            self.env["kompetanse.need"]
            ._fields["category"]
            ._description_selection(self.env)
        )
        methods = dict(
            self.env["kompetanse.method"]
            ._fields["category"]
            ._description_selection(self.env)
        )
        self.assertEqual(labels, methods)

    def test_plan_links_lines_of_the_unit(self):
        """G-NL-2: a need proposed from a gap links the target lines of its
        skill that cover where the people work: the organisation's and their
        unit's, not another unit's line of the same skill."""
        target = self._target(
            [
                (self.python, self.senior, 1, self.dept_main),
                (self.python, self.senior, 1, self.dept_other),
            ],
            name="Test Units",
            date_start="2030-01-01",
            date_end="2030-12-31",
        )
        target.action_approve()
        line_main, line_other = target.line_ids
        plan = self.env["kompetanse.plan"].create(
            {
                "name": "Test Unit Plan",
                "department_id": self.dept_main.id,
                "target_id": target.id,
                "date_start": "2030-01-01",
                "date_end": "2030-12-31",
            }
        )
        plan.action_propose_needs()
        python_need = plan.need_ids.filtered(lambda n: n.skill_ids == self.python)
        self.assertEqual(python_need.target_line_ids, line_main)
        self.assertNotIn(line_other, plan.need_ids.target_line_ids)

    def test_rollup_states_and_method(self):
        """The roll-up shows the status in words and follows a need's method
        as soon as it changes."""
        need = self._need(target_line_ids=[Command.set(self.line_python.ids)])
        report = self.env["kompetanse.rollup.report"]
        row = report.search([("need_id", "=", need.id)])
        self.assertEqual(row.state, "draft")
        labels = dict(report._fields["state"]._description_selection(self.env))
        self.assertEqual(labels["draft"], "Draft")
        self.assertEqual(labels["running"], "Running")
        need.method_id = self.method_course
        report.invalidate_model()  # a new read, as the next request makes
        self.assertEqual(
            report.search([("need_id", "=", need.id)]).method_id, self.method_course
        )
        self.assertEqual(report.search([("need_id", "=", need.id)]).category, "develop")

    def test_create_many_checks_references_once(self):
        """Records made together (the needs proposed from a unit's gaps) have
        the records they refer to checked in one go: one existence check per
        create, however many rows, and a missing one still named."""
        Need = self.env["kompetanse.need"].with_user(self.user_manager)
        values = [
            {
                "name": f"Test Need {skill.name}",
                "department_id": self.dept_main.id,
                "skill_ids": [Command.set(skill.ids)],
            }
            for skill in (self.python, self.sql)
        ]
        check = type(Need)._kompetanse_check_exist
        with patch.object(
            type(Need), "_kompetanse_check_exist", autospec=True, side_effect=check
        ) as checked:
            needs = Need.create(values)
        self.assertEqual(len(needs), 2)
        self.assertEqual(checked.call_count, 1)
        refs = checked.call_args.args[1]
        self.assertEqual(refs["hr.skill"], {self.python.id, self.sql.id})
        self.assertEqual(refs["hr.department"], {self.dept_main.id})
        gone = self.env["hr.skill"].search([], order="id desc", limit=1).id + 1000
        values[1]["skill_ids"] = [Command.set([gone])]
        with self.assertRaisesMessage(ValidationError, f"with the id {gone} exists"):
            Need.create(values)
