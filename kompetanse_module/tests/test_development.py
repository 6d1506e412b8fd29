# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestDevelopment(KompetanseOrgCommon):
    """The individual development plan: goals from the gaps, progress from the
    employee's levels, activities of the 70-20-10 kinds and from measures, read
    by the employee and kept by the managers above and HR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Anna (Junior in Python, C2 in Norwegian) holds a role that requires
        # Senior Python, and a future one that requires Sami
        cls._role(
            "Test Developer",
            [(cls.python, cls.senior, "essential")],
            cls.dept_main,
            employees=cls.anna,
        )
        cls._role(
            "Test Future",
            [(cls.sami, cls.a2, "essential")],
            cls.dept_main,
            employees=cls.anna,
            is_future=True,
            valid_from="2048-01-01",
        )
        cls.plan = (
            cls.env["kompetanse.development"]
            .with_user(cls.user_manager)
            .create(
                {
                    "employee_id": cls.anna.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        )

    def test_goals_from_gaps_once(self):
        """G-NL-3: "Propose goals from gaps" makes one goal per skill the roles
        require above the employee's level (a future role's said so), never
        twice."""
        result = self.plan.action_propose_goals()
        self.assertEqual(result["params"]["type"], "success")
        goals = self.plan.goal_ids
        self.assertEqual(goals.skill_id, self.python | self.sami)
        self.assertEqual(
            {goal.skill_id: (goal.level_id, goal.reason) for goal in goals},
            {
                self.python: (self.senior, "role"),
                self.sami: (self.a2, "future_role"),
            },
        )
        again = self.plan.action_propose_goals()
        self.assertEqual(again["params"]["type"], "info")
        self.assertEqual(self.plan.goal_ids, goals)

    def test_progress_follows_the_level(self):
        """G-NL-5: a goal's progress is the employee's level now against the
        level aimed at, recomputed when the level changes; met when reached;
        the plan's progress is its goals'."""
        self.plan.action_propose_goals()
        python = self.plan.goal_ids.filtered(lambda g: g.skill_id == self.python)
        self.assertEqual(python.current_progress, self.junior.level_progress)
        self.assertAlmostEqual(
            python.progress,
            100.0 * self.junior.level_progress / self.senior.level_progress,
        )
        self.assertFalse(python.is_met)
        self.assertEqual(self.plan.goals_met, 0)
        self.anna.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.python
        ).skill_level_id = self.senior
        self.assertTrue(python.is_met)
        self.assertEqual(python.progress, 100.0)
        self.assertEqual(self.plan.goals_met, 1)
        # Sami: no level yet, so 0 %; the plan is the average of both
        self.assertAlmostEqual(self.plan.progress, 50.0)

    def test_clear_errors(self):
        """A level of another skill type, a duplicate goal, a plan that ends
        before it starts: clear errors, nothing saved lost."""
        with self.assertRaisesMessage(ValidationError, "belongs to"):
            self.plan.goal_ids = [
                Command.create({"skill_id": self.python.id, "level_id": self.c2.id})
            ]
        self.plan.goal_ids = [
            Command.create({"skill_id": self.python.id, "level_id": self.senior.id})
        ]
        with self.assertRaisesMessage(ValidationError, "already has a goal"):
            self.plan.goal_ids = [
                Command.create({"skill_id": self.python.id, "level_id": self.junior.id})
            ]
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self.plan.date_end = "2046-01-01"
        with self.assertRaisesMessage(ValidationError, "outside the plan's period"):
            self.plan.goal_ids.deadline = "2048-02-01"
        self.plan.goal_ids.deadline = "2047-06-30"
        with self.assertRaisesMessage(ValidationError, "outside the plan's period"):
            self.plan.date_start = "2047-07-01"
        draft = self._target([(self.python, self.senior, 1, False)], name="Test Draft")
        with self.assertRaisesMessage(ValidationError, "approved target picture"):
            self.plan.goal_ids.target_line_id = draft.line_ids
        other = self.env["kompetanse.measure"].create(
            {
                "name": "Test Not Hers",
                "method_id": self.env["kompetanse.method"].search([], limit=1).id,
                "department_id": self.dept_main.id,
                "employee_ids": [Command.link(self.bjorn.id)],
            }
        )
        with self.assertRaisesMessage(ValidationError, "does not take part"):
            self.plan.activity_line_ids = [
                Command.create({"name": "Test Borrowed", "measure_id": other.id})
            ]
        unseen = other.copy(
            {"name": "Test Unseen", "department_id": self.dept_other.id}
        )
        with self.assertRaises(AccessError):
            self.plan.activity_line_ids = [
                Command.create({"name": "Test Peek", "measure_id": unseen.id})
            ]
        self.assertEqual(len(self.plan.goal_ids), 1)
        self.assertEqual(str(self.plan.date_end), "2047-12-31")

    def test_measure_joins_the_plan(self):
        """G-NL-3, G-NL-4: a participant who joins a measure finds it among the
        activities of their current plan, once, of the method's kind."""
        team = self.env.ref("kompetanse_module.kompetanse_method_mentoring")
        measure = (
            self.env["kompetanse.measure"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Team",
                    "method_id": team.id,
                    "department_id": self.dept_main.id,
                    "date_start": "2047-03-01",
                }
            )
        )
        self.assertFalse(self.plan.activity_line_ids)
        measure.employee_ids = [Command.link(self.anna.id)]
        activity = self.plan.activity_line_ids
        self.assertEqual(activity.measure_id, measure)
        self.assertEqual(activity.kind, "mentoring")
        measure.employee_ids = [Command.link(self.bjorn.id)]
        self.assertEqual(self.plan.activity_line_ids, activity)
        # who leaves the measure finds its activity cancelled
        measure.employee_ids = [Command.unlink(self.anna.id)]
        self.assertEqual(activity.state, "cancelled")
        # recruiting is no one's development activity
        recruit = self.env.ref("kompetanse_module.kompetanse_method_recruit")
        self.env["kompetanse.measure"].with_user(self.user_manager).create(
            {
                "name": "Test Recruit",
                "method_id": recruit.id,
                "department_id": self.dept_main.id,
                "date_start": "2047-03-01",
                "employee_ids": [Command.link(self.anna.id)],
            }
        )
        self.assertEqual(self.plan.activity_line_ids, activity)
        # a plan made later finds the measures its employee takes part in
        later = (
            self.env["kompetanse.development"]
            .with_user(self.user_manager)
            .create(
                {
                    "employee_id": self.bjorn.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        )
        self.assertEqual(later.activity_line_ids.measure_id, measure)

    def test_nothing_moves_out_of_reach(self):
        """A plan, goal or activity written to another employee or plan the
        writer does not keep is refused, nothing changed; a measure's hook adds
        only to the plans its writer keeps; an emptied date is a clear error."""
        self.plan.action_propose_goals()
        other = self.env["kompetanse.development"].create(
            {"employee_id": self.cecilie.id, "date_end": "2047-12-31"}
        )
        mine = self.plan.with_user(self.user_manager)
        with self.assertRaisesMessage(UserError, "stays with its employee"):
            mine.write({"employee_id": self.cecilie.id})
        with self.assertRaisesMessage(UserError, "stays with its employee"):
            mine.write({"employee_id": self.bjorn.id})  # his too: still not
        with self.assertRaises(AccessError):
            mine.goal_ids[:1].write({"development_id": other.id})
        mine.activity_line_ids = [Command.create({"name": "Test Task"})]
        with self.assertRaises(AccessError):
            mine.activity_line_ids.write({"development_id": other.id})
        self.assertEqual(self.plan.employee_id, self.anna)
        self.assertEqual(len(self.plan.goal_ids), 2)
        self.assertFalse(other.goal_ids)
        self.assertFalse(other.activity_line_ids)
        with self.assertRaisesMessage(ValidationError, "may not be empty"):
            mine.write({"date_end": False})
        # Boss's measure with Cecilie: her plan is Olav's to keep, not his
        measure = (
            self.env["kompetanse.measure"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Mixed",
                    "method_id": self.env["kompetanse.method"].search([], limit=1).id,
                    "department_id": self.dept_main.id,
                    "date_start": "2047-03-01",
                }
            )
        )
        measure.write({"employee_ids": [Command.set((self.anna | self.cecilie).ids)]})
        self.assertIn(measure, self.plan.activity_line_ids.measure_id)
        self.assertFalse(other.activity_line_ids)

    def test_who_sees_and_keeps_it(self):
        """G-NL-5: the employee reads their plan and comments; the managers
        above and HR keep it; a co-worker, another unit's manager and the top
        leader see nothing; a manager does not keep his own."""
        self.plan.action_propose_goals()
        anna_view = self.plan.with_user(self.user_employee)
        self.assertEqual(anna_view.goal_ids.skill_id, self.python | self.sami)
        anna_view.message_post(body="I would like the course in the spring.")
        self.assertIn("course in the spring", self.plan.message_ids[0].body)
        with self.assertRaises(AccessError):
            anna_view.write({"date_end": "2047-06-30"})
        self.plan.with_user(self.user_hr).write({"date_end": "2048-01-31"})
        for user in (self.user_coworker, self.user_other_manager, self.user_top):
            found = (
                self.env["kompetanse.development"]
                .with_user(user)
                .search([("id", "=", self.plan.id)])
            )
            self.assertFalse(found, user.login)
            goals = (
                self.env["kompetanse.development.goal"]
                .with_user(user)
                .search([("development_id", "=", self.plan.id)])
            )
            self.assertFalse(goals, user.login)
        own = self.env["kompetanse.development"].create(
            {"employee_id": self.boss.id, "date_end": "2047-12-31"}
        )
        with self.assertRaises(AccessError):
            own.with_user(self.user_manager).write({"date_end": "2047-06-30"})
        self.assertTrue(own.with_user(self.user_manager).read(["name"]))

    def test_form_queries_do_not_grow(self):
        """The plan's form reads its goals (with the employee's levels) and
        activities in a number of queries that does not grow with them."""
        spec = {
            "name": {},
            "employee_id": {"fields": {"display_name": {}}},
            "progress": {},
            "goals_met": {},
            "goal_ids": {
                "fields": {
                    "skill_id": {"fields": {"display_name": {}}},
                    "level_id": {"fields": {"display_name": {}}},
                    "reason": {},
                    "current_progress": {},
                    "progress": {},
                    "is_met": {},
                }
            },
            "activity_line_ids": {
                "fields": {"name": {}, "kind": {}, "state": {}, "date_start": {}}
            },
        }
        small = self.plan
        small.goal_ids = [
            Command.create({"skill_id": self.python.id, "level_id": self.senior.id})
        ]
        small.activity_line_ids = [Command.create({"name": "Test Task"})]
        # rules, groups and the like are read once, before counting
        small.with_user(self.user_manager).web_read(spec)
        big = self.env["kompetanse.development"].create(
            {
                "employee_id": self.anna.id,
                "date_start": "2048-01-01",
                "date_end": "2048-12-31",
                "goal_ids": [
                    Command.create({"skill_id": skill.id, "level_id": level.id})
                    for skill, level in (
                        (self.python, self.senior),
                        (self.sql, self.senior),
                        (self.norwegian, self.c2),
                        (self.sami, self.a2),
                    )
                ],
                "activity_line_ids": [
                    Command.create({"name": f"Test Task {n}"}) for n in range(5)
                ],
            }
        )
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        small.with_user(self.user_manager).web_read(spec)
        queries = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            data = big.with_user(self.user_manager).web_read(spec)
        self.assertEqual(len(data[0]["goal_ids"]), 4)
        self.assertEqual(len(data[0]["activity_line_ids"]), 5)
