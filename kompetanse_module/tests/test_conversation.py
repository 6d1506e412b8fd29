# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta
from unittest.mock import patch

from lxml import etree
from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.kompetanse_module.models.kompetanse_conversation import (
    DUE_ACTIVITY,
    DUE_LOCK,
    try_cron_lock,
)

from .common import KompetanseOrgCommon

CONVERSATION = "odoo.addons.kompetanse_module.models.kompetanse_conversation"


@tagged("post_install", "-at_install")
class TestConversation(KompetanseOrgCommon):
    """Conversations about competence and tasks through the year: held by the
    manager, their agreed actions into the plan, in both calendars, due ones
    planned by the daily reminder, and their coverage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Conversation = cls.env["kompetanse.conversation"]
        cls.past = fields.Datetime.now() - timedelta(days=2)

    def _conversation(self, employee=None, user=None, **values):
        return self.Conversation.with_user(user or self.user_manager).create(
            {
                "employee_id": (employee or self.anna).id,
                "date": values.pop("date", self.past),
                **values,
            }
        )

    def test_held_actions_into_the_plan(self):
        """G-NL-3, G-NL-4: what was agreed in a held conversation (goals of a
        skill and level, tasks and teams) becomes the employee's plan goals and
        activities in one click, once each; a goal the plan has is not made
        twice."""
        conversation = self._conversation(
            summary="<p>Anna takes the database task</p>",
            action_ids=[
                Command.create(
                    {
                        "name": "Senior in Python",
                        "kind": "goal",
                        "skill_id": self.python.id,
                        "level_id": self.senior.id,
                    }
                ),
                Command.create(
                    {
                        "name": "Python again",
                        "kind": "goal",
                        "skill_id": self.python.id,
                        "level_id": self.senior.id,
                    }
                ),
                Command.create({"name": "Join the data team", "activity_kind": "team"}),
            ],
        )
        self.assertEqual(conversation.manager_id, self.boss)
        self.assertEqual(conversation.state, "planned")
        conversation.action_hold()
        self.assertEqual(conversation.state, "held")
        action = conversation.action_add_to_plan()
        plan = conversation.development_id
        self.assertEqual(action["res_id"], plan.id)
        self.assertEqual(plan.employee_id, self.anna)
        year = conversation.date.year
        self.assertEqual(
            (plan.date_start, plan.date_end),
            (
                fields.Date.to_date(f"{year}-01-01"),
                fields.Date.to_date(f"{year}-12-31"),
            ),
        )
        self.assertEqual(len(plan.goal_ids), 1)
        self.assertEqual(
            (plan.goal_ids.skill_id, plan.goal_ids.level_id, plan.goal_ids.reason),
            (self.python, self.senior, "conversation"),
        )
        self.assertEqual(plan.activity_line_ids.mapped("name"), ["Join the data team"])
        self.assertEqual(plan.activity_line_ids.kind, "team")
        self.assertTrue(all(conversation.action_ids.mapped("in_plan")))
        # a second click, and a later conversation agreeing the same goal,
        # make nothing twice
        conversation.action_add_to_plan()
        later = self._conversation(
            action_ids=[
                Command.create(
                    {
                        "name": "Still Python",
                        "kind": "goal",
                        "skill_id": self.python.id,
                        "level_id": self.senior.id,
                    }
                )
            ]
        )
        later.action_hold()
        later.action_add_to_plan()
        self.assertEqual(later.development_id, plan)
        self.assertEqual(len(plan.goal_ids), 1)
        self.assertEqual(later.action_ids.goal_id, plan.goal_ids)
        self.assertEqual(len(plan.activity_line_ids), 1)
        # a plan made for what was agreed lasts to its last deadline
        late = fields.Date.to_date(f"{year + 1}-06-30")
        bjorn = self._conversation(
            employee=self.bjorn,
            action_ids=[Command.create({"name": "Mentor Anna", "deadline": late})],
        )
        bjorn.action_hold()
        bjorn.action_add_to_plan()
        self.assertEqual(
            (bjorn.development_id.date_start, bjorn.development_id.date_end),
            (fields.Date.to_date(f"{year}-01-01"), late),
        )
        # what was said stays editable after the conversation, its time not
        conversation.summary = "<p>Anna took the database task</p>"
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            conversation.date = self.past - timedelta(days=1)

    def test_clear_errors(self):
        """A conversation in the future is not held, a goal's level is of its
        skill's type, the employee does not hold one with themselves, and a
        conversation stays with its employee."""
        future = self._conversation(date=fields.Datetime.now() + timedelta(days=3))
        with self.assertRaisesMessage(UserError, "is in the future"):
            future.action_hold()
        self.assertEqual(future.state, "planned")
        with self.assertRaisesMessage(UserError, "has not been held yet"):
            future.action_add_to_plan()
        with self.assertRaisesMessage(ValidationError, "belongs to Test Tech"):
            future.action_ids = [
                Command.create(
                    {
                        "name": "Wrong level",
                        "kind": "goal",
                        "skill_id": self.norwegian.id,
                        "level_id": self.senior.id,
                    }
                )
            ]
        with self.assertRaisesMessage(ValidationError, "names a skill and the level"):
            future.action_ids = [Command.create({"name": "No level", "kind": "goal"})]
        with self.assertRaisesMessage(ValidationError, "with themselves"):
            future.manager_id = self.anna
        # who holds it is one of her managers (or HR), not a co-worker
        with self.assertRaisesMessage(ValidationError, "is not one of Test Anna's"):
            future.manager_id = self.cora
        # nor, without a user, somebody outside her managers
        with self.assertRaisesMessage(ValidationError, "is not one of Test Anna's"):
            future.manager_id = self.cecilie
        with self.assertRaisesMessage(ValidationError, "before the conversation"):
            future.action_ids = [
                Command.create(
                    {
                        "name": "Too early",
                        "deadline": fields.Date.today() - timedelta(days=10),
                    }
                )
            ]
        with self.assertRaisesMessage(ValidationError, "not a date a conversation"):
            future.date = "9999-12-31 23:00:00"
        with self.assertRaisesMessage(UserError, "stays with its employee"):
            future.employee_id = self.bjorn
        future.action_cancel()
        with self.assertRaisesMessage(ValidationError, "is cancelled"):
            self.env["kompetanse.conversation.action"].with_user(
                self.user_manager
            ).create({"conversation_id": future.id, "name": "Late"})
        with self.assertRaisesMessage(UserError, "cannot go from"):
            future.action_hold()
        self.assertEqual(future.state, "cancelled")

    def test_status_only_through_actions(self):
        """A status is the module's: not written, not from a context default
        nor from copy(default=...); the employee reads and comments but holds
        nothing."""
        conversation = self._conversation()
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            conversation.write({"state": "held"})
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.Conversation.with_user(self.user_manager).with_context(
                default_state="held"
            ).create({"employee_id": self.anna.id, "date": self.past})
        with self.assertRaises(UserError):
            conversation.copy(default={"state": "held"})
        # a copy is a new conversation to plan, of what the module sets nothing
        conversation.action_hold()
        again = conversation.copy()
        self.assertEqual(
            (again.state, again.is_due, again.event_id),
            ("planned", False, again.event_id.browse()),
        )
        self.assertEqual(again.employee_id, self.anna)
        as_anna = again.with_user(self.user_employee)
        self.assertEqual(as_anna.summary, again.summary)
        as_anna.message_post(body="Thanks, I will start in March.")
        with self.assertRaises(AccessError):
            as_anna.action_hold()
        with self.assertRaises(AccessError):
            as_anna.write({"note": "<p>mine</p>"})
        self.assertEqual(again.state, "planned")

    def test_new_from_the_form(self):
        """A manager plans a conversation (and a plan) from the form: every
        employee of the user's companies can be chosen before the record has
        a company of its own; the manager proposed is the employee's."""
        for model in ("kompetanse.conversation", "kompetanse.development"):
            views = (
                self.env[model]
                .with_user(self.user_manager)
                .get_views([(False, "form")])
            )
            arch = etree.fromstring(views["views"]["form"]["arch"])
            [node] = arch.xpath("//field[@name='employee_id']")
            self.assertNotIn("company_id", node.get("domain") or "", model)
            # the people the user keeps, not themselves
            self.assertIn("kompetanse_individual_access", node.get("domain"), model)
        with Form(self.Conversation.with_user(self.user_manager)) as form:
            form.employee_id = self.bjorn
            self.assertEqual(form.manager_id, self.boss)
            form.date = self.past
        self.assertEqual(form.record.company_id, self.bjorn.company_id)

    def test_agreed_stays_agreed(self):
        """What was agreed stays with its conversation: not moved to another,
        not changed once cancelled, and once in the plan changed there; the
        employee does not push it into the plan."""
        conversation = self._conversation(
            action_ids=[
                Command.create({"name": "Pair with Cora"}),
                Command.create({"name": "Lead the retro"}),
            ]
        )
        first, second = conversation.action_ids
        other = self._conversation()
        with self.assertRaisesMessage(UserError, "stays with its conversation"):
            first.write({"conversation_id": other.id})
        conversation.action_hold()
        with self.assertRaises(AccessError):
            conversation.with_user(self.user_employee).action_add_to_plan()
        conversation.action_add_to_plan()
        with self.assertRaisesMessage(UserError, "change it there"):
            first.write({"name": "Pair with somebody"})
        with self.assertRaisesMessage(UserError, "change it there"):
            second.unlink()
        other.action_ids = [Command.create({"name": "Read the book"})]
        other.action_cancel()
        with self.assertRaisesMessage(UserError, "stays as it was"):
            other.action_ids.write({"name": "Read another"})
        with self.assertRaisesMessage(UserError, "stays as it was"):
            other.action_ids.unlink()
        self.assertEqual(other.action_ids.name, "Read the book")

    def test_who_sees_the_notes(self):
        """The notes are seen by the employee, the managers above and HR: not
        by a co-worker, another unit's manager or the top leader."""
        conversation = self._conversation(note="<p>Private</p>")
        for user in (self.user_employee, self.user_manager, self.user_hr):
            self.assertEqual(
                conversation.with_user(user).note, conversation.note, user.login
            )
        for user in (self.user_coworker, self.user_other_manager, self.user_top):
            with self.assertRaises(AccessError, msg=user.login):
                conversation.with_user(user).read(["note"])
            self.assertFalse(
                self.Conversation.with_user(user).search(
                    [("id", "=", conversation.id)]
                ),
                user.login,
            )
        # a manager does not plan one for a person outside their reach
        with self.assertRaises(AccessError):
            self._conversation(employee=self.cecilie)

    def test_both_calendars(self):
        """Scheduling puts it in the employee's and the manager's calendars,
        private and without the notes; it moves with the conversation and goes
        when it is cancelled."""
        when = fields.Datetime.now().replace(microsecond=0) + timedelta(days=5)
        conversation = self._conversation(
            date=when, duration=1.5, note="<p>Secret</p>", summary="<p>Said</p>"
        )
        conversation.action_schedule()
        event = conversation.event_id
        self.assertTrue(event)
        self.assertEqual(
            event.partner_ids,
            self.anna.work_contact_id | self.user_manager.partner_id,
        )
        self.assertEqual((event.start, event.stop), (when, when + timedelta(hours=1.5)))
        self.assertEqual(event.privacy, "private")
        self.assertNotIn("Secret", str(event.description or ""))
        # the kind only, and no link to the conversation: Odoo lets anyone
        # search the names and documents of private meetings
        self.assertEqual(event.name, "Development Conversation")
        self.assertFalse(event.res_model or event.res_id)
        conversation.date = when + timedelta(days=1)
        self.assertEqual(event.start, when + timedelta(days=1))
        conversation.action_cancel()
        self.assertFalse(event.exists())
        self.assertFalse(conversation.event_id)

    def test_lock_between_transactions(self):
        """Of two transactions at once, only the first holds a cron's lock
        (PostgreSQL's advisory lock, released when the first ends)."""
        with self.registry.cursor() as first, self.registry.cursor() as second:
            one = api.Environment(first, SUPERUSER_ID, {})
            two = api.Environment(second, SUPERUSER_ID, {})
            self.assertTrue(try_cron_lock(one, DUE_LOCK))
            self.assertFalse(try_cron_lock(two, DUE_LOCK))
            first.rollback()
            self.assertTrue(try_cron_lock(two, DUE_LOCK))
            second.rollback()

    def _due(self):
        """The conversations the reminder planned for the test's people."""
        return self.Conversation.search(
            [
                ("is_due", "=", True),
                (
                    "employee_id",
                    "in",
                    (self.anna | self.bjorn | self.cecilie | self.erik | self.tor).ids,
                ),
            ]
        )

    def test_due_reminder_once(self):
        """G-NL-5: the daily run plans a conversation for each employee whose
        last one is older than a year divided by the company's number, with
        one activity for their manager; a re-run or a run while another holds
        the lock plans nothing twice; holding one resolves the activity."""
        self.env.company.kompetanse_conversations_per_year = 3
        # Bjørn had one 100 days ago: within a third of a year
        self._conversation(
            employee=self.bjorn, date=fields.Datetime.now() - timedelta(days=100)
        ).action_hold()
        # another run at work (another worker or server holds the lock): this
        # one leaves it to that
        with patch(f"{CONVERSATION}.try_cron_lock", return_value=False) as lock:
            self.Conversation._cron_conversations_due()
        lock.assert_called_once_with(self.Conversation.env, DUE_LOCK)
        self.assertFalse(self._due())
        # a manager who is no Kompetanse manager is not reminded
        under_cora = self.env["hr.employee"].create(
            {"name": "Test Under Cora", "parent_id": self.cora.id}
        )
        self.Conversation._cron_conversations_due()
        due = self._due()
        self.assertFalse(
            self.Conversation.search([("employee_id", "=", under_cora.id)])
        )
        # Tor has no manager; Bjørn is not due
        self.assertEqual(due.employee_id, self.anna | self.cecilie | self.erik)
        activities = due.activity_ids
        self.assertEqual(len(activities), 3)
        self.assertEqual(
            {(a.res_id, a.user_id) for a in activities},
            {
                (
                    due.filtered(lambda c: c.employee_id == self.anna).id,
                    self.user_manager,
                ),
                (
                    due.filtered(lambda c: c.employee_id == self.erik).id,
                    self.user_manager,
                ),
                (
                    due.filtered(lambda c: c.employee_id == self.cecilie).id,
                    self.user_other_manager,
                ),
            },
        )
        self.assertEqual(activities.activity_type_id, self.env.ref(DUE_ACTIVITY))
        # on working days, one hour each, from nine where the manager is
        anna_due = due.filtered(lambda c: c.employee_id == self.anna)
        boss_due = due.filtered(lambda c: c.manager_id == self.boss)
        self.assertEqual(len(set(boss_due.mapped("date"))), 2)
        for conversation in due:
            tz = conversation.manager_user_id.tz or "UTC"
            local = fields.Datetime.context_timestamp(
                conversation.with_context(tz=tz), conversation.date
            )
            self.assertLess(local.weekday(), 5)
            self.assertTrue(9 <= local.hour < 15)
        # the employee reads her conversation, not her manager's reminder
        reminder = anna_due.activity_ids.with_user(self.user_employee)
        with self.assertRaisesMessage(AccessError, "only they"):
            reminder.write({"date_deadline": "2030-01-01"})
        with self.assertRaisesMessage(AccessError, "only they"):
            reminder.action_feedback(feedback="done by Anna")
        self.assertTrue(anna_due.activity_ids)
        # nor moves an activity onto another record to read its name or post
        # into it
        own = (
            self.env["mail.activity"]
            .with_user(self.user_employee)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id(
                        self.Conversation._name
                    ),
                    "res_id": anna_due.id,
                    "user_id": self.user_employee.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            )
        )
        cecilie_due = due.filtered(lambda c: c.employee_id == self.cecilie)
        with self.assertRaisesMessage(AccessError, "stays on its record"):
            own.write({"res_id": cecilie_due.id})
        self.assertEqual(own.res_id, anna_due.id)
        own.unlink()  # her own she removes
        # two runs at once: the database holds one planned by the reminder
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Conversation.create(
                {"employee_id": self.anna.id, "date": self.past, "is_due": True}
            )
        self.Conversation._cron_conversations_due()
        self.assertEqual(self._due(), due)
        # the manager holds another conversation with Anna: her reminder is
        # done, the one it planned no longer needed
        self._conversation().action_hold()
        self.assertFalse(anna_due.activity_ids)
        self.assertEqual(anna_due.state, "cancelled")
        # Erik's: the manager moves it to when it took place and holds it
        erik_due = due.filtered(lambda c: c.employee_id == self.erik)
        erik_due.with_user(self.user_manager).date = self.past
        erik_due.with_user(self.user_manager).action_hold()
        self.assertFalse(erik_due.activity_ids)
        self.assertEqual(erik_due.state, "held")
        # nobody is due again within the interval
        self.Conversation._cron_conversations_due()
        self.assertEqual(self._due(), due)
        # twelve a year: Bjørn's of 100 days ago is too old now
        self.env.company.kompetanse_conversations_per_year = 12
        self.Conversation._cron_conversations_due()
        self.assertEqual((self._due() - due).employee_id, self.bjorn)

    def test_coverage(self):
        """G-NL-5: per manager and unit, the employees with as many
        conversations this year as the company asks, of all; each user sees
        the rows of the people they may see; the first screen's figures come
        in a bounded number of queries."""
        self.env.company.kompetanse_conversations_per_year = 1
        now = fields.Datetime.now()
        start = now.replace(month=1, day=1, hour=0, minute=0, second=1)
        self._conversation(date=max(start, now - timedelta(days=1))).action_hold()
        self._conversation(
            employee=self.cecilie,
            user=self.user_hr,
            date=max(start, now - timedelta(days=1)),
        ).action_hold()
        # last year's counts not
        self._conversation(
            employee=self.bjorn, date=start - timedelta(days=2)
        ).action_hold()
        Coverage = self.env["kompetanse.conversation.coverage"]
        people = self.anna | self.bjorn | self.cecilie | self.erik
        rows = Coverage.search([("employee_id", "in", people.ids)])
        self.assertEqual(
            {row.employee_id: (row.held_count, row.is_covered) for row in rows},
            {
                self.anna: (1, True),
                self.bjorn: (0, False),
                self.cecilie: (1, True),
                self.erik: (0, False),
            },
        )
        groups = dict(
            Coverage._read_group(
                [("employee_id", "in", people.ids)],
                ["manager_id"],
                ["covered_count:sum"],
            )
        )
        self.assertEqual(groups, {self.boss: 1, self.olav: 1})
        # Boss sees his four people and himself; not Cecilie (in the web
        # client's context, with the user's time zone)
        as_boss = Coverage.with_user(self.user_manager).with_context(tz="Europe/Oslo")
        self.assertEqual(
            as_boss.search([]).employee_id,
            self.boss | self.anna | self.bjorn | self.erik | self.cora,
        )
        mine = as_boss.kompetanse_my_coverage()
        self.assertEqual(
            mine, {"employees": 4, "covered": 1, "planned": 0, "required": 1}
        )
        # the employee and the top leader manage nobody: nothing to show
        self.assertEqual(
            Coverage.with_user(self.user_employee).search([]).employee_id, self.anna
        )
        self.assertEqual(
            Coverage.with_user(self.user_employee).kompetanse_my_coverage(), {}
        )
        self.assertEqual(Coverage.with_user(self.user_top).kompetanse_my_coverage(), {})

        # the pivot and the first screen query as much for more people
        def pivot():
            return as_boss.web_read_group(
                [],
                ["covered_count:sum", "employee_count:sum"],
                ["manager_id", "department_id"],
                lazy=False,
            )

        small = (self._queries(pivot), self._queries(as_boss.kompetanse_my_coverage))
        # the people the boss sees (one query, between a JIT switch off and
        # back), the grouped read and the names of the managers and units; the
        # first screen's figures in one grouped read (and the company's setting)
        pivot()
        self.env.invalidate_all()
        with self.assertQueryCount(6):
            pivot()
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            as_boss.kompetanse_my_coverage()
        more = self.env["hr.employee"].create(
            [
                {
                    "name": f"Test More {n}",
                    "department_id": self.dept_sub.id,
                    "parent_id": self.boss.id,
                }
                for n in range(4)
            ]
        )
        for employee in more[:2]:
            self._conversation(employee=employee).action_hold()
        self.assertEqual(
            (self._queries(pivot), self._queries(as_boss.kompetanse_my_coverage)),
            small,
        )
        self.assertEqual(as_boss.kompetanse_my_coverage()["employees"], 8)

    def test_this_year_on_the_users_clock(self):
        """G-NL-5: "this year" begins on January 1st where the user is: a
        conversation just after midnight there counts, though UTC is still in
        the old year."""
        Coverage = self.env["kompetanse.conversation.coverage"].with_context(
            tz="Pacific/Kiritimati"  # UTC+14
        )
        start, end = Coverage._kompetanse_year_bounds()
        year = fields.Date.context_today(Coverage).year
        self.assertEqual(start, datetime(year - 1, 12, 31, 10, 0))
        self.assertEqual(end, datetime(year, 12, 31, 10, 0))
        self._conversation(date=start + timedelta(minutes=30)).action_hold()
        self._conversation(
            employee=self.bjorn, date=start - timedelta(minutes=30)
        ).action_hold()
        rows = Coverage.search([("employee_id", "in", (self.anna | self.bjorn).ids)])
        self.assertEqual(
            {row.employee_id: row.held_count for row in rows},
            {self.anna: 1, self.bjorn: 0},
        )

    def _queries(self, function, warm=True):
        """How many queries function makes from an empty record cache, once
        Odoo's own caches (groups, rules) are warm."""
        if warm:
            function()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    @mute_logger("odoo.addons.kompetanse_module.models.kompetanse_conversation")
    def test_due_query_count_flat(self):
        """The daily run makes as many queries for two employees due as for
        four of the same two managers: no query per employee (Odoo notifies
        each manager once)."""
        self.env.company.kompetanse_conversations_per_year = 3

        def two_due():
            try:
                with self.env.cr.savepoint():
                    for employee in self.bjorn | self.erik:
                        self._conversation(
                            employee=employee, user=self.user_hr
                        ).action_hold()
                    count = self._queries(
                        self.Conversation._cron_conversations_due, warm=False
                    )
                    self.assertEqual(self._due().employee_id, self.anna | self.cecilie)
                    raise RuntimeError("undo")
            except RuntimeError:
                self.env.invalidate_all()
            return count

        two_due()  # Odoo's caches warm
        two = two_due()
        four = self._queries(self.Conversation._cron_conversations_due, warm=False)
        self.assertEqual(
            self._due().employee_id, self.anna | self.bjorn | self.cecilie | self.erik
        )
        self.assertEqual(two, four)
