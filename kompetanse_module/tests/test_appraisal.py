# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestAppraisal(KompetanseOrgCommon):
    """Competence in OCA's appraisals: skill assessments that update the
    employee's skills in place when the appraisal is done, with their history,
    goals from them, and the appraisal counted as a conversation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._role(
            "Test Appraised Role",
            [(cls.python, cls.senior, "essential")],
            cls.dept_main,
            employees=cls.anna,
        )
        cls.appraisal = cls.env["hr.appraisal"].create(
            {
                "employee_id": cls.anna.id,
                "manager_ids": [Command.set(cls.boss.ids)],
                "date_close": fields.Date.today(),
            }
        )
        cls.Line = cls.env["kompetanse.appraisal.skill"]

    def _assess(self, skill, level, user=None, appraisal=None, **values):
        return self.Line.with_user(user or self.user_manager).create(
            {
                "appraisal_id": (appraisal or self.appraisal).id,
                "skill_id": skill.id,
                "level_id": level.id,
                **values,
            }
        )

    def test_done_updates_skills_in_place(self):
        """G-NL-5: when the appraisal is done, the levels assessed become the
        employee's: the same employee skill is written (Odoo's log keeps the
        levels before and after), a new skill is added, nothing is deleted;
        the chatter lists what changed; the Skills Evolution shows it."""
        before = self.anna.employee_skill_ids
        python = before.filtered(lambda s: s.skill_id == self.python)
        self.assertEqual(python.skill_level_id, self.junior)
        up = self._assess(self.python, self.senior, justification="Leads the API work")
        same = self._assess(self.norwegian, self.c2)
        new = self._assess(self.sami, self.a2)
        self.assertEqual(
            (up.level_start_id, same.level_start_id, new.level_start_id),
            (self.junior, self.c2, self.env["hr.skill.level"]),
        )
        # not the employee: her manager completes what assesses her
        with self.assertRaisesMessage(UserError, "only the employee's manager or HR"):
            self.appraisal.with_user(self.user_employee).write({"state": "3_done"})
        # a co-worker or another unit's manager, under OCA's rules, does not
        # open it at all
        for user in (self.user_coworker, self.user_other_manager):
            with self.assertRaises(AccessError):
                self.appraisal.with_user(user).write({"state": "3_done"})
            with self.assertRaises(AccessError):
                self.appraisal.with_user(user).read(["note"])
        self.assertEqual(python.skill_level_id, self.junior)
        self.appraisal.with_user(self.user_manager).action_done()
        self.assertEqual(self.appraisal.state, "3_done")
        after = self.anna.employee_skill_ids
        self.assertEqual(after & before, before, "no employee skill was deleted")
        self.assertTrue(python.exists())
        self.assertEqual(python.skill_level_id, self.senior)
        self.assertEqual(
            after.filtered(lambda s: s.skill_id == self.sami).skill_level_id, self.a2
        )
        logs = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.anna.id), ("skill_id", "=", self.python.id)]
        )
        self.assertIn(self.senior, logs.skill_level_id)
        self.assertEqual((up.previous_level_id, up.applied), (self.junior, True))
        body = self.appraisal.message_ids[:1].body
        self.assertIn("Test Python: Junior → Senior", body)
        self.assertIn("Test Sami: ", body)
        self.assertNotIn("Test Norwegian", body)
        # the skills evolution: the changes, before and after
        evolution = self.Line.with_user(self.user_manager).search(
            [("applied", "=", True), ("employee_id", "=", self.anna.id)]
        )
        self.assertEqual(evolution, up | same | new)
        # nor reopened, archived or deleted by another, nor moved to another
        for values in ({"state": "1_new"}, {"active": False}):
            with self.assertRaisesMessage(
                UserError, "only the employee's manager or HR"
            ):
                self.appraisal.with_user(self.user_employee).write(values)
        with self.assertRaisesMessage(UserError, "only the employee's manager or HR"):
            self.appraisal.with_user(self.user_employee).unlink()
        with self.assertRaisesMessage(UserError, "stays with its employee"):
            self.appraisal.with_user(self.user_manager).write(
                {"employee_id": self.bjorn.id}
            )
        self.assertEqual((up.changed, same.changed, new.changed), (True, False, True))
        # reopened and done again, the level before stays the first
        self.appraisal.with_user(self.user_manager).action_back()
        self.appraisal.with_user(self.user_manager).action_done()
        self.assertEqual(up.previous_level_id, self.junior)
        self.assertEqual(python.skill_level_id, self.senior)
        # done: the assessments stay as they updated the skills
        with self.assertRaisesMessage(UserError, "is done"):
            up.with_user(self.user_manager).write({"level_id": self.junior.id})
        with self.assertRaisesMessage(UserError, "is done"):
            up.with_user(self.user_hr).unlink()

    def test_clear_errors(self):
        """A proposed level of another skill type, a skill assessed twice, an
        assessment moved to another appraisal: clear errors, nothing saved."""
        with self.assertRaisesMessage(ValidationError, "belongs to Test Tech"):
            self._assess(self.norwegian, self.senior)
        self._assess(self.python, self.senior)
        with self.assertRaisesMessage(ValidationError, "each skill once"):
            self._assess(self.python, self.junior)
        other = self.env["hr.appraisal"].create(
            {
                "employee_id": self.bjorn.id,
                "manager_ids": [Command.set(self.boss.ids)],
                "date_close": fields.Date.today(),
            }
        )
        line = self.appraisal.kompetanse_skill_ids
        with self.assertRaisesMessage(UserError, "stays with its appraisal"):
            line.with_user(self.user_manager).write({"appraisal_id": other.id})
        self.assertEqual(line.level_id, self.senior)

    def test_who_sees_and_keeps_assessments(self):
        """The assessments are individual competence: the employee reads
        them, the managers above and HR keep them; not a co-worker, another
        unit's manager or the top leader."""
        line = self._assess(self.python, self.senior)
        line.with_user(self.user_hr).write({"justification": "HR agrees"})
        # the employee reads hers once the appraisal is done, whatever she
        # writes of OCA's publishing flag
        self.appraisal.with_user(self.user_manager).action_confirm()
        self.appraisal.with_user(self.user_employee).manager_feedback_published = True
        with self.assertRaises(AccessError):
            line.with_user(self.user_employee).read(["level_id"])
        self.appraisal.with_user(self.user_manager).action_done()
        self.assertEqual(line.with_user(self.user_employee).level_id, self.senior)
        with self.assertRaises(AccessError):
            line.with_user(self.user_employee).write({"justification": "mine"})
        for user in (self.user_coworker, self.user_other_manager, self.user_top):
            with self.assertRaises(AccessError, msg=user.login):
                line.with_user(user).read(["level_id"])
        with self.assertRaises(AccessError):
            self._assess(self.norwegian, self.c2, user=self.user_other_manager)
        # the round an appraisal belongs to: not from a default either
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            event = self.env["kompetanse.cycle.event"].create(
                {
                    "cycle_id": self.env["kompetanse.cycle"]
                    .create({"name": "Test Default Round", "year": 2047})
                    .id,
                    "name": "Test Default Round",
                    "date": "2047-04-01",
                    "kind": "appraisal",
                }
            )
            self.env["hr.appraisal"].with_user(self.user_manager).with_context(
                default_kompetanse_cycle_event_id=event.id
            ).create(
                {
                    "employee_id": self.bjorn.id,
                    "manager_ids": [Command.set(self.boss.ids)],
                    "date_close": fields.Date.today(),
                }
            )

    def test_goals_and_tab(self):
        """G-NL-3: goals from the assessments in one action, never twice; the
        Competence tab shows the roles, gaps, goals and this year's
        conversations the user may see."""
        self._assess(self.python, self.senior)
        self._assess(self.norwegian, self.c2)  # the level she has: no goal
        appraisal = self.appraisal.with_user(self.user_manager)
        result = appraisal.action_kompetanse_goals()
        self.assertEqual(result["params"]["type"], "success")
        plan = self.env["kompetanse.development"].search(
            [("employee_id", "=", self.anna.id)]
        )
        self.assertEqual(
            [(g.skill_id, g.level_id, g.reason) for g in plan.goal_ids],
            [(self.python, self.senior, "appraisal")],
        )
        self.assertEqual(appraisal.action_kompetanse_goals()["params"]["type"], "info")
        self.assertEqual(len(plan.goal_ids), 1)
        conversation = self.env["kompetanse.conversation"].create(
            {"employee_id": self.anna.id, "date": fields.Datetime.now()}
        )
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.kompetanse_goal_ids, plan.goal_ids)
        self.assertEqual(appraisal.kompetanse_gap_ids.skill_id, self.python)
        self.assertIn(
            "Test Appraised Role", appraisal.kompetanse_role_ids.mapped("name")
        )
        self.assertEqual(appraisal.kompetanse_conversation_ids, conversation)
        # another unit's manager does not open her appraisal (OCA's rules: her
        # own, her managers' up the chain, HR's), so sees none of it
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_other_manager).read(
                ["kompetanse_gap_ids"]
            )
        # a manager in Kompetanse is an appraisal user, HR an appraisal officer
        self.assertTrue(
            self.user_manager.has_group("hr_appraisal_oca.group_appraisal_user")
        )
        self.assertTrue(
            self.user_hr.has_group("hr_appraisal_oca.group_appraisal_hr_officer")
        )

    def test_round_from_the_cycle(self):
        """G-HR-1: an appraisal round of the årshjul makes one appraisal for
        each employee of its units (sub-units with them) who has a manager,
        with that manager; run again it makes none twice; HR runs it."""
        cycle = self.env["kompetanse.cycle"].create(
            {
                "name": "Test Round Cycle",
                "year": 2047,
                "event_ids": [
                    Command.create(
                        {
                            "name": "Test Round",
                            "kind": "appraisal",
                            "date": "2047-04-12",
                            "date_end": "2047-05-28",
                            "department_ids": [Command.set(self.dept_main.ids)],
                        }
                    )
                ],
            }
        )
        event = cycle.event_ids
        with self.assertRaises(AccessError):
            event.with_user(self.user_manager).action_create_appraisals()
        event.with_user(self.user_hr).action_create_appraisals()
        round_ = event.appraisal_ids
        # Boss manages the unit and has no manager: not his round
        self.assertEqual(round_.employee_id, self.anna | self.bjorn | self.cora)
        self.assertEqual(round_.manager_ids, self.boss)
        self.assertEqual(
            set(round_.mapped("date_close")), {fields.Date.to_date("2047-05-28")}
        )
        self.assertEqual(event.appraisal_count, 3)
        event.with_user(self.user_hr).action_create_appraisals()
        self.assertEqual(event.appraisal_ids, round_)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["hr.appraisal"].create(
                {
                    "employee_id": self.anna.id,
                    "manager_ids": [Command.set(self.boss.ids)],
                    "date_close": "2047-05-28",
                    "kompetanse_cycle_event_id": event.id,
                }
            )
        # the round is the module's to set
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.appraisal.with_user(self.user_hr).write(
                {"kompetanse_cycle_event_id": event.id}
            )
        self.assertEqual(round_.created_by, self.user_hr)
        # an event of another kind, or without units, makes none
        event.department_ids = False
        with self.assertRaisesMessage(UserError, "with its units makes appraisals"):
            event.with_user(self.user_hr).action_create_appraisals()

    def test_counts_as_a_conversation(self):
        """G-NL-5: a done appraisal counts as a conversation held this year
        in the coverage, and the employee is not due another."""
        self.env.company.kompetanse_conversations_per_year = 1
        Coverage = self.env["kompetanse.conversation.coverage"]
        row = Coverage.search([("employee_id", "=", self.anna.id)])
        self.assertEqual((row.held_count, row.is_covered), (0, False))
        self.assertIn(
            self.anna.id,
            self.env["kompetanse.conversation"]._kompetanse_due_employee_ids(),
        )
        self.appraisal.action_done()
        Coverage.invalidate_model()
        row = Coverage.search([("employee_id", "=", self.anna.id)])
        self.assertEqual((row.held_count, row.is_covered), (1, True))
        self.assertNotIn(
            self.anna.id,
            self.env["kompetanse.conversation"]._kompetanse_due_employee_ids(),
        )
