# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import SQL

from .common import KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestTurnover(KompetanseOrgCommon):
    """Who left, the competence that left with them, the turnover rate, the
    exit evaluation; and the arenas where experience is shared."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the people were there since 2020, with their levels
        cls.env.flush_all()
        people = tuple(
            cls.env["hr.employee"]
            .with_context(active_test=False)
            .search([("name", "=like", "Test %")])
            .ids
        )
        cls.env.cr.execute(
            SQL(
                "UPDATE hr_employee SET create_date = '2020-01-01' WHERE id IN %s",
                people,
            )
        )
        cls.env.cr.execute(
            SQL(
                "UPDATE hr_employee_skill_log SET date = '2020-01-01' "
                "WHERE employee_id IN %s",
                people,
            )
        )
        cls.env.invalidate_all()
        # in force 2047-2048, apart from any other
        cls.target = cls._target(
            [
                (cls.python, cls.senior, 2, False),
                (cls.norwegian, cls.c2, 2, False),
            ]
        )
        cls.target.action_approve()
        cls.reason = cls.env["hr.departure.reason"].search([], limit=1)
        cls.left_on = fields.Date.today() - timedelta(days=20)

    def _depart(self, employee, day=None):
        form = Form(
            self.env["hr.departure.wizard"]
            .with_user(self.user_hr)
            .with_context(active_id=employee.id, toggle_active=True)
        )
        form.departure_reason_id = self.reason
        form.departure_date = day or self.left_on
        warning = str(form.kompetanse_leaving_warning or "")
        form.save().action_register_departure()
        return warning

    def test_departure_on_the_users_day(self):
        """G-HR-4: a departure registered late in the evening is of the day
        where HR is, as the skill log of that day is: the leaver's competence
        of the day is the competence lost (Odoo's wizard would take the
        server's date, a day before in Oslo after 23:00 UTC)."""
        self.user_hr.tz = "Europe/Oslo"
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee_skill_log SET date = '2046-12-02' "
                "WHERE employee_id = %s",
                self.cora.id,
            )
        )
        self.env.invalidate_all()
        with freeze_time("2046-12-01 23:30:00"):
            form = Form(
                self.env["hr.departure.wizard"]
                .with_user(self.user_hr)
                .with_context(active_id=self.cora.id, toggle_active=True)
            )
            self.assertEqual(form.departure_date, fields.Date.to_date("2046-12-02"))
            form.departure_reason_id = self.reason
            form.save().action_register_departure()
        lost = self.env["kompetanse.turnover.skill"].search(
            [("employee_id", "=", self.cora.id)]
        )
        self.assertIn(self.python, lost.skill_id)
        # a planned departure keeps its day
        self.anna.departure_date = "2047-01-31"
        form = Form(
            self.env["hr.departure.wizard"]
            .with_user(self.user_hr)
            .with_context(active_id=self.anna.id, toggle_active=True)
        )
        self.assertEqual(form.departure_date, fields.Date.to_date("2047-01-31"))

    def test_competence_lost_with_a_leaver(self):
        """G-HR-4: HR records a departure; the skills the leaver had that day
        and the target picture lines whose coverage fell are shown, to HR
        only."""
        python_line = self.target.line_ids.filtered(
            lambda line: line.skill_id == self.python
        )
        self.assertTrue(python_line.is_vulnerable)
        self.assertEqual(python_line.current_count, 2)
        warning = self._depart(self.cora, fields.Date.to_date("2047-06-01"))
        self.assertIn("one of the 2 holders of Test Python", warning)
        self.assertFalse(self.cora.active)
        self.env.invalidate_all()
        self.assertEqual(python_line.current_count, 1)
        Lost = self.env["kompetanse.turnover.skill"].with_user(self.user_hr)
        rows = Lost.search([("employee_id", "=", self.cora.id)])
        self.assertEqual(rows.skill_id, self.python)
        self.assertEqual(rows.level_id, self.senior)
        self.assertEqual(rows.target_line_id, python_line)
        self.assertEqual(rows.departure_reason_id, self.reason)
        self.assertEqual(rows.departure_date, fields.Date.to_date("2047-06-01"))
        for user in (self.user_manager, self.user_top, self.user_employee):
            with self.assertRaises(AccessError):
                Lost.with_user(user).search([])
        # the lines of a target picture in force that day only
        later = self._target(
            [(self.python, self.senior, 1, False)],
            name="Test Later",
            date_start="2050-01-01",
            date_end="2050-12-31",
        )
        later.action_approve()
        self.env.invalidate_all()
        self.assertEqual(
            Lost.search([("employee_id", "=", self.cora.id)]).target_line_id,
            python_line,
        )

    def test_turnover_rate_per_unit(self):
        """G-HR-4, G-TL-1: leavers per average headcount, per unit and year;
        the top leader reads the units as large as the smallest group shown."""
        self._depart(self.cora)
        Rate = self.env["kompetanse.turnover.rate"]
        year = fields.Date.today().year
        if self.left_on.year != year:  # the first 20 days of a year
            year = self.left_on.year
        mine = [("department_id", "=", self.dept_main.id), ("year", "=", year)]
        row = Rate.with_user(self.user_hr).search(mine)
        # Boss, Anna and Cora at the start, Boss and Anna at the end
        self.assertEqual((row.leaver_count, row.headcount, row.rate), (1, 2.5, 40.0))
        # a group's rate is its leavers per its headcount
        (group,) = Rate.with_user(self.user_hr).read_group(
            [
                ("department_id", "in", (self.dept_main | self.dept_sub).ids),
                ("year", "=", year),
            ],
            ["leaver_count:sum", "headcount:sum", "rate"],
            [],
        )
        self.assertEqual(
            group["rate"], round(100.0 * group["leaver_count"] / group["headcount"], 1)
        )
        # ordered by it, as a grouped list asks
        Rate.with_user(self.user_hr).web_read_group(
            mine,
            ["leaver_count:sum", "rate:max"],
            ["department_id"],
            orderby="rate desc",
        )
        self.assertFalse(Rate.with_user(self.user_top).search(mine))
        self.company.kompetanse_min_group_size = 2
        self.assertEqual(Rate.with_user(self.user_top).search(mine), row)
        with self.assertRaises(AccessError):
            Rate.with_user(self.user_manager).search(mine)

    def test_exit_evaluation(self):
        """G-HR-4: HR records why someone left, what would have kept them, and
        to whom their competence went, as one of the årshjul's exit
        evaluations; nobody else reads it."""
        self._depart(self.cora)
        cycle = self.env["kompetanse.cycle"].create(
            {
                "name": "Test Cycle",
                "year": 2047,
                "event_ids": [
                    Command.create(
                        {"name": "Test Exit", "kind": "exit", "date": "2047-03-01"}
                    ),
                    Command.create(
                        {"name": "Test Survey", "kind": "survey", "date": "2047-04-01"}
                    ),
                ],
            }
        )
        exit_event, survey = cycle.event_ids.sorted("date")
        Exit = self.env["kompetanse.exit.evaluation"].with_user(self.user_hr)
        evaluation = Exit.create(
            {
                "employee_id": self.cora.id,
                "cycle_event_id": exit_event.id,
                "reasons": "Test: pay",
                "would_have_kept": "Test: a senior role",
                "handover_ids": [
                    Command.create(
                        {"skill_id": self.python.id, "employee_id": self.bjorn.id}
                    )
                ],
            }
        )
        self.assertEqual(evaluation.departure_reason_id, self.reason)
        self.assertEqual(evaluation.department_id, self.dept_main)
        with self.assertRaisesMessage(ValidationError, "not the årshjul's exit"):
            evaluation.cycle_event_id = survey
        with self.assertRaisesMessage(ValidationError, "dated in the future"):
            evaluation.date = fields.Date.today() + timedelta(days=3)
        with self.assertRaisesMessage(ValidationError, "to themselves"):
            evaluation.handover_ids = [
                Command.create({"skill_id": self.sql.id, "employee_id": self.cora.id})
            ]
        for user in (self.user_manager, self.user_top, self.user_employee):
            with self.assertRaises(AccessError):
                evaluation.with_user(user).read(["reasons"])

    def test_arena_sessions_reach_the_plans(self):
        """G-HR-6: an arena's session, held, is an arena activity in each
        participant's and presenter's plan, once; sessions and participants
        are counted per unit; the owner and HR keep it, everyone reads it."""
        Arena = self.env["kompetanse.arena"].with_user(self.user_manager)
        arena = Arena.create(
            {
                "name": "Test Python Network",
                "member_ids": [Command.set((self.anna | self.bjorn | self.cora).ids)],
            }
        )
        session = (
            self.env["kompetanse.arena.session"]
            .with_user(self.user_manager)
            .create(
                {
                    "arena_id": arena.id,
                    "topic": "Test Typing",
                    "date": fields.Date.today() - timedelta(days=1),
                    "skill_ids": [Command.set(self.python.ids)],
                    "presenter_ids": [Command.set(self.cora.ids)],
                }
            )
        )
        with self.assertRaisesMessage(UserError, "Who took part"):
            session.action_held()
        session.participant_ids = self.anna | self.bjorn
        session.action_held()
        self.assertEqual(session.state, "held")
        activities = self.env["kompetanse.development.activity"].search(
            [("arena_session_id", "=", session.id)]
        )
        self.assertEqual(activities.employee_id, self.anna | self.bjorn | self.cora)
        self.assertEqual(set(activities.mapped("kind")), {"arena"})
        # Anna reads it in her own plan
        mine = activities.filtered(lambda a: a.employee_id == self.anna)
        mine.with_user(self.user_employee).read(["name"])
        with self.assertRaisesMessage(UserError, "cannot go from"):
            session.action_held()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            session.topic = "Test Changed"
        # counted per unit
        Participation = self.env["kompetanse.arena.participation"]
        rows = Participation.with_user(self.user_top)._read_group(
            [("arena_id", "=", arena.id)],
            ["department_id"],
            ["participant_count:sum", "session_count:sum"],
        )
        self.assertEqual(
            {dept: (people, sessions) for dept, people, sessions in rows},
            {self.dept_main: (1, 1), self.dept_sub: (1, 0)},
        )
        # rights both ways
        arena.with_user(self.user_employee).read(["name"])
        arena.with_user(self.user_other_manager).read(["name"])
        with self.assertRaises(AccessError):
            arena.with_user(self.user_other_manager).name = "Test Taken"
        with self.assertRaises(AccessError):
            self.env["kompetanse.arena"].with_user(self.user_employee).create(
                {"name": "Test Mine"}
            )
        arena.with_user(self.user_hr).name = "Test Python Forum"
        # the owner hands it on to nobody else, nor deletes what was held
        with self.assertRaises(AccessError):
            arena.with_user(self.user_manager).owner_id = self.user_other_manager
        with self.assertRaisesMessage(UserError, "archive it instead"):
            arena.with_user(self.user_manager).unlink()
        with self.assertRaisesMessage(ValidationError, "is not a day"):
            session.copy({"date": "1900-01-01"})
        # a session in the future is not held yet
        later = session.copy({"date": fields.Date.today() + timedelta(days=3)})
        later.participant_ids = self.anna
        with self.assertRaisesMessage(UserError, "is in the future"):
            later.with_user(self.user_manager).action_held()
