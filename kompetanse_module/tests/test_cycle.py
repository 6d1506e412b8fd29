# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.kompetanse_module.models.kompetanse_cycle import (
    REMINDER_ACTIVITY,
    REMINDER_LOCK,
)

from .common import KompetanseOrgCommon

CYCLE = "odoo.addons.kompetanse_module.models.kompetanse_cycle"


@tagged("post_install", "-at_install")
class TestCycle(KompetanseOrgCommon):
    """The årshjul (G-HR-1): a year of dated events tied to the measures and
    plans, its responsible reminded once ahead of each, carried on to the next
    year, read by all and kept by HR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["kompetanse.cycle"])
        # a year of its own: whatever cycles the database has stay apart
        cls.year = 2047
        cls.method = cls.env["kompetanse.method"].search(
            [("category", "=", "develop")], limit=1
        )
        cls.measure_main, cls.measure_other = cls.env["kompetanse.measure"].create(
            [
                {
                    "name": f"Test Measure {dept.name}",
                    "method_id": cls.method.id,
                    "department_id": dept.id,
                    "date_deadline": date(cls.year, 6, 15),
                    "employee_ids": [Command.set(person.ids)],
                }
                for dept, person in (
                    (cls.dept_main, cls.anna),
                    (cls.dept_other, cls.cecilie),
                )
            ]
        )
        cls.cycle = (
            cls.env["kompetanse.cycle"]
            .with_user(cls.user_hr)
            .create(
                {
                    "name": f"Test Årshjul {cls.year}",
                    "year": cls.year,
                    "event_ids": [
                        Command.create(
                            {
                                "name": "Test Appraisal Round",
                                "kind": "appraisal",
                                "date": date(cls.year, 4, 13),
                                "date_end": date(cls.year, 5, 29),
                                "user_id": cls.user_hr.id,
                                "measure_ids": [
                                    Command.set(
                                        (cls.measure_main | cls.measure_other).ids
                                    )
                                ],
                            }
                        ),
                        Command.create(
                            {
                                "name": "Test Budget",
                                "kind": "budget",
                                "date": date(cls.year, 1, 20),
                                "user_id": cls.user_top.id,
                            }
                        ),
                    ],
                }
            )
        )
        cls.appraisal, cls.budget = cls.cycle.event_ids.sorted("name")

    def test_events_within_their_year(self):
        """G-HR-1: an event lies in its cycle's year and ends after it starts;
        a reminder comes 0 to 365 days ahead; a survey links only to an
        employee survey."""
        Event = self.env["kompetanse.cycle.event"].with_user(self.user_hr)
        with self.assertRaisesMessage(ValidationError, f"outside {self.year}"):
            Event.create(
                {
                    "cycle_id": self.cycle.id,
                    "name": "Test Late",
                    "date": date(self.year + 1, 1, 5),
                }
            )
        with self.assertRaisesMessage(ValidationError, f"outside {self.year}"):
            self.appraisal.with_user(self.user_hr).date_end = date(self.year + 1, 1, 2)
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self.appraisal.with_user(self.user_hr).date_end = date(self.year, 4, 1)
        with self.assertRaisesMessage(ValidationError, "between 0 and 365"):
            self.appraisal.with_user(self.user_hr).reminder_days = -1
        # one a year, whatever runs at once: the database refuses a second
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["kompetanse.cycle"].with_user(self.user_hr).create(
                {"name": "Test Twice", "year": self.year}
            )
        with self.assertRaisesMessage(ValidationError, "not a year"):
            self.cycle.with_user(self.user_hr).year = 1900
        self.assertEqual(self.appraisal.date_end, date(self.year, 5, 29))
        # moved in the calendar: its last day is its end
        self.budget.with_user(self.user_hr).write(
            {"date": date(self.year, 1, 21), "date_stop": date(self.year, 1, 23)}
        )
        self.assertEqual(self.budget.date_end, date(self.year, 1, 23))
        self.budget.with_user(self.user_hr).write({"date_stop": date(self.year, 1, 21)})
        self.assertFalse(self.budget.date_end)
        # Surveys is optional: a survey when it is installed, nothing else
        choices = [model for model, __ in Event._selection_survey_ref()]
        self.assertEqual(
            choices, ["survey.survey"] if "survey.survey" in self.env else []
        )
        for wrong in (f"res.users,{self.user_hr.id}", "survey.survey,x", 42):
            with self.assertRaisesMessage(
                ValidationError, "not a record of the choices"
            ):
                self.appraisal.with_user(self.user_hr).write({"survey_ref": wrong})

    def test_next_year(self):
        """G-HR-1: "Make next year's cycle" carries the events a year on, with
        their reminders to come; the measures of this year stay in it; a
        second time says the year exists."""
        self.env["kompetanse.cycle.event"]._cron_reminders()
        action = self.cycle.with_user(self.user_hr).action_make_next_year()
        following = self.env["kompetanse.cycle"].browse(action["res_id"])
        self.assertEqual(following.year, self.year + 1)
        self.assertEqual(following.name, f"Test Årshjul {self.year + 1}")
        self.assertEqual(
            sorted((e.name, e.date, e.date_end) for e in following.event_ids),
            [
                (
                    "Test Appraisal Round",
                    date(self.year + 1, 4, 13),
                    date(self.year + 1, 5, 29),
                ),
                ("Test Budget", date(self.year + 1, 1, 20), False),
            ],
        )
        self.assertFalse(following.event_ids.measure_ids)
        # a year on, on a working day of the same year
        Event = self.env["kompetanse.cycle.event"]
        for day, expected in (
            (date(2026, 12, 11), date(2027, 12, 10)),  # Saturday: the Friday
            (date(2026, 12, 26), date(2027, 12, 27)),  # Sunday: the Monday
            (date(2027, 12, 31), date(2028, 12, 29)),  # Sunday, last day: Friday
            (date(2021, 1, 1), date(2022, 1, 3)),  # Saturday, first day: Monday
            (date(2026, 4, 13), date(2027, 4, 13)),  # a Tuesday stays
        ):
            self.assertEqual(Event._kompetanse_next_year_day(day), expected, day)
        self.assertFalse(any(following.event_ids.mapped("reminded_on")))
        self.assertEqual(following.event_ids.user_id, self.user_hr | self.user_top)
        # an event copied is to be reminded of again
        self.appraisal.sudo().reminded_on = self.today
        copied = self.appraisal.with_user(self.user_hr).copy()
        self.assertEqual((copied.cycle_id, copied.reminded_on), (self.cycle, False))
        with self.assertRaisesMessage(UserError, f"for {self.year + 1} already"):
            self.cycle.with_user(self.user_hr).action_make_next_year()
        with self.assertRaisesMessage(UserError, "Make Next Year"):
            self.cycle.with_user(self.user_hr).copy()
        with self.assertRaises(AccessError):
            following.with_user(self.user_manager).action_make_next_year()

    def test_reminders_once(self):
        """G-HR-1: the responsible gets an activity N days before an event,
        once; a run while another holds the lock reminds nobody; an event
        moved is reminded again before its new date."""
        cycle = self.env["kompetanse.cycle"].create(
            {"name": "Test Soon", "year": self.year + 2}
        )
        soon = date(self.year + 2, 1, 10)
        event = self.env["kompetanse.cycle.event"].create(
            {
                "cycle_id": cycle.id,
                "name": "Test Soon Event",
                "date": soon,
                "reminder_days": 14,
                "user_id": self.user_manager.id,
            }
        )
        self.assertEqual(
            self._remind(soon - timedelta(days=20)), event.browse()
        )  # too early
        # another run holds the lock: this one leaves it to that
        with patch(f"{CYCLE}.try_cron_lock", return_value=False) as lock:
            self.assertEqual(self._remind(soon - timedelta(days=11)), event.browse())
        lock.assert_called_once_with(event.env, REMINDER_LOCK)
        self.assertEqual(self._remind(soon - timedelta(days=11)), event)
        activity = event.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            (activity.user_id, activity.date_deadline, activity.activity_type_id),
            (self.user_manager, soon, self.env.ref(REMINDER_ACTIVITY)),
        )
        self.assertIn("Test Soon Event", activity.summary)
        self.assertEqual(event.reminded_on, soon - timedelta(days=11))
        # once: the next days remind nobody again
        self.assertEqual(self._remind(soon - timedelta(days=10)), event.browse())
        self.assertEqual(len(event.activity_ids), 1)
        # moved: reminded again before the new date
        event.date = soon + timedelta(days=30)
        self.assertFalse(event.activity_ids)
        self.assertFalse(event.reminded_on)
        self.assertEqual(self._remind(soon + timedelta(days=20)), event)
        self.assertEqual(event.activity_ids.date_deadline, soon + timedelta(days=30))

    def test_reminders_tell_each_responsible(self):
        """The daily reminders are made in one run for every event due, and
        each responsible is told of theirs (Odoo's notice of an activity
        assigned), once."""
        cycle = self.env["kompetanse.cycle"].create(
            {"name": "Test Many", "year": self.year + 3}
        )
        events = self.env["kompetanse.cycle.event"].create(
            [
                {
                    "cycle_id": cycle.id,
                    "name": f"Test Many Event {n}",
                    "date": date(self.year + 3, 3, 1),
                    "reminder_days": 14,
                    "user_id": user.id,
                }
                for n, user in enumerate(
                    (self.user_manager, self.user_manager, self.user_hr)
                )
            ]
        )
        self.assertEqual(self._remind(date(self.year + 3, 2, 20)), events)
        self.assertEqual(self._remind(date(self.year + 3, 2, 21)), events.browse())
        for event in events:
            told = self.env["mail.message"].search(
                [
                    ("model", "=", event._name),
                    ("res_id", "=", event.id),
                    ("partner_ids", "in", event.user_id.partner_id.ids),
                ]
            )
            self.assertEqual(len(told), 1, event.name)
            self.assertEqual(event.activity_ids.user_id, event.user_id)

    def _remind(self, day):
        """Run the reminders as on day; the events reminded that run."""
        before = self.env["kompetanse.cycle.event"].search(
            [("reminded_on", "!=", False)]
        )
        self.env["kompetanse.cycle.event"]._cron_reminders(today=day)
        after = self.env["kompetanse.cycle.event"].search(
            [("reminded_on", "!=", False)]
        )
        return after - before

    def test_year_overview(self):
        """G-HR-1: the year month by month shows the events beside the
        deadlines of the unit plans and measures; each reader sees the
        deadlines of those they may read, in a bounded number of queries."""
        plan = self.env["kompetanse.plan"].create(
            {
                "name": "Test Unit Plan",
                "department_id": self.dept_main.id,
                "date_start": date(self.year, 1, 1),
                "date_end": date(self.year, 11, 30),
            }
        )
        plan.action_submit()
        as_hr = self.cycle.with_user(self.user_hr).overview
        for text in (
            "Test Appraisal Round",
            "Test Budget",
            "Test Measure Test Main Unit",
            "Test Measure Test Other Unit",
            "Test Unit Plan",
        ):
            self.assertIn(text, as_hr)
        # months in order, each event in its months (April and May), with
        # its end
        self.assertEqual(as_hr.count("Test Appraisal Round"), 2)
        self.assertIn("until 05/29/2047", as_hr)
        self.assertLess(as_hr.index("Test Budget"), as_hr.index("Test Appraisal Round"))
        self.assertLess(
            as_hr.index("Test Appraisal Round"), as_hr.index("Test Unit Plan")
        )
        # Anna sees her own measure, not the other unit's nor the unit plan
        as_anna = self.cycle.with_user(self.user_employee)
        overview = as_anna.overview
        self.assertIn("Test Appraisal Round", overview)
        self.assertIn("Test Measure Test Main Unit", overview)
        self.assertNotIn("Test Measure Test Other Unit", overview)
        self.assertNotIn("Test Unit Plan", overview)
        # the event's measures as she may read them
        self.assertEqual(
            as_anna.event_ids.filtered(lambda e: e.kind == "appraisal").measure_ids,
            self.measure_main,
        )
        as_anna.invalidate_recordset()
        with self.assertQueryCount(9):
            as_anna.read(["overview"])

    def test_read_by_all_kept_by_hr(self):
        """The årshjul is read by everyone in Kompetanse and kept by HR: a
        manager or the top leader cannot change it, nor a portal user read
        it."""
        for user in (self.user_employee, self.user_manager, self.user_top):
            self.assertEqual(self.cycle.with_user(user).event_ids, self.cycle.event_ids)
            with self.assertRaises(AccessError):
                self.appraisal.with_user(user).write({"name": "Test Mine"})
            with self.assertRaises(AccessError):
                self.env["kompetanse.cycle"].with_user(user).create(
                    {"name": "Test Not Mine", "year": 2060}
                )
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_portal).read(["name"])
        # an employee reads no unit plan: the event's form leaves them out
        as_anna = self.env["kompetanse.cycle.event"].with_user(self.user_employee)
        arch = as_anna.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="plan_ids"', arch)
        self.assertIn('name="measure_ids"', arch)
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).read(["plan_ids"])
        # nor by grouping: Odoo's grouped read checks no field groups itself
        with self.assertRaises(AccessError):
            as_anna.read_group([], ["name"], ["plan_ids"])
        self.assertTrue(as_anna.read_group([], ["name"], ["kind"]))
        self.appraisal.with_user(self.user_hr).write({"name": "Test Appraisals"})
        self.assertEqual(self.appraisal.name, "Test Appraisals")
        # the reminder's day is the module's to set
        with self.assertRaises(UserError):
            self.appraisal.with_user(self.user_hr).write({"reminded_on": self.today})
