# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools.misc import format_date
from odoo.tools.safe_eval import safe_eval

from .common import KompetanseDataCommon


@tagged("post_install", "-at_install")
class TestNewUserFlows(KompetanseDataCommon):
    """What a new user met in the demo, mended: a new version of the target
    picture, the target line picker, today's target picture on the first
    screen, the plan's needs, and HR told of what a unit sends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # whatever target pictures the database has, today's is the test's
        cls.env["kompetanse.target"].search(
            [("state", "=", "approved")]
        )._kompetanse_set_state("archived")
        cls.today = fields.Date.today()
        # no HR contact: every HR user is asked (a test sets one)
        cls.company.kompetanse_hr_user_id = False

    def _approved(self, name, start, end, lines):
        target = self._target(lines, name=name, date_start=start, date_end=end)
        target.with_user(self.user_top).action_approve()
        return target

    def test_new_version_moves_deadlines_and_name(self):
        """G-TL-1: the next version keeps each deadline's place in the period
        and is named after the new period."""
        target = self._target(
            [(self.norwegian, self.b2, 2, False), (self.python, self.senior, 1, False)],
            name="Målbilde 2047–2048",
        )
        target.line_ids[0].deadline = "2047-06-30"
        target.with_user(self.user_top).action_approve()
        action = target.with_user(self.user_hr).action_new_version()
        new = self.env["kompetanse.target"].browse(action["res_id"])
        self.assertEqual(new.name, "Målbilde 2049–2050")
        self.assertEqual(
            new.line_ids.mapped("deadline"), [fields.Date.to_date("2049-06-30"), False]
        )
        new.with_user(self.user_top).action_approve()
        self.assertEqual(new.state, "approved")
        # a name without the years gets the new period
        other = self._target([(self.sami, self.a2, 1, False)], name="Målbilde")
        other.write({"date_start": "2051-01-01", "date_end": "2051-12-31"})
        other.with_user(self.user_top).action_approve()
        action = other.with_user(self.user_hr).action_new_version()
        self.assertEqual(
            self.env["kompetanse.target"].browse(action["res_id"]).name,
            "Målbilde 2052",
        )
        # a year inside the period, and a short year after a long one, move too
        for name, expected in (
            ("Plan 2051", "Plan 2052"),
            ("Plan 2050/51", "Plan 2050/51 2052"),
            ("Plan 2051/52", "Plan 2052/53"),
        ):
            other.sudo().write({"name": name})
            self.assertEqual(
                other._kompetanse_next_name(
                    fields.Date.to_date("2052-01-01"), fields.Date.to_date("2052-12-31")
                ),
                expected,
            )

    def test_dates_in_messages_in_the_users_format(self):
        """A deadline before the period is refused in the user's date format."""
        target = self._target([(self.norwegian, self.b2, 1, False)])
        deadline = fields.Date.to_date("2046-06-30")
        with self.assertRaisesMessage(
            ValidationError, format_date(self.env, deadline)
        ) as caught:
            target.line_ids.deadline = deadline
        self.assertNotIn("2046-06-30", str(caught.exception))
        self.assertFalse(target.line_ids.deadline)

    def test_target_line_picker(self):
        """The picker finds a line by what is typed (skill, unit, target
        picture), offers today's approved target picture first, tells lines
        of different target pictures apart and offers no creation."""
        year = relativedelta(years=1)
        past = self._approved(
            "Test Past",
            self.today - 3 * year,
            self.today - 2 * year,
            [(self.norwegian, self.b2, 1, False), (self.python, self.junior, 1, False)],
        )
        current = self._approved(
            "Test Current",
            self.today - year,
            self.today + year,
            [(self.norwegian, self.b2, 1, False), (self.python, self.junior, 1, False)],
        )
        for model in ("kompetanse.need", "kompetanse.measure"):
            self.assertEqual(
                self.env[model]._fields["target_line_ids"].domain,
                "[('target_id.state', '=', 'approved')]",
            )
        domain = [("target_id.state", "=", "approved")]
        past.with_user(self.user_top).action_archive_target()
        Line = self.env["kompetanse.target.line"].with_user(self.user_manager)
        found = Line.name_search("Test Norwegian", args=domain)
        names = [name for __, name in found if "Test Norwegian" in name]
        self.assertEqual(len(names), 1, "the archived version is not offered")
        self.assertIn("Test Current", names[0])
        later = self._approved(
            "Test Later",
            self.today + 2 * year,
            self.today + 3 * year,
            [(self.norwegian, self.b2, 1, False)],
        )
        found = Line.name_search("Test Norwegian", args=domain)
        self.assertEqual(
            [line_id for line_id, __ in found],
            [current.line_ids[0].id, later.line_ids.id],
        )
        self.assertEqual(len({name for __, name in found}), 2)
        by_unit = Line.name_search("Test Later", args=domain)
        self.assertEqual([line_id for line_id, __ in by_unit], later.line_ids.ids)
        for view in ("kompetanse_need_view_form", "kompetanse_measure_view_form"):
            arch = self.env.ref(f"kompetanse_module.{view}").arch
            field = arch[arch.index('name="target_line_ids"') :][:200]
            self.assertIn("'no_create': True", field)

    def test_first_screen_is_todays_target_picture(self):
        """G-TL-1: the first screen opens today's approved target picture,
        named in the search bar, where the user can switch."""
        year = relativedelta(years=1)
        self._approved(
            "Test Before",
            self.today - 3 * year,
            self.today - 2 * year,
            [(self.norwegian, self.b2, 1, False)],
        )
        current = self._approved(
            "Test Today",
            self.today - year,
            self.today + year,
            [(self.norwegian, self.b2, 1, False)],
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_target_line_action"
        )
        self.assertEqual(action["context"], "{'search_default_current': 1}")
        self.assertIn("form", action["view_mode"], "cards open the line")
        search = self.env.ref("kompetanse_module.kompetanse_target_line_view_search")
        self.assertIn("('target_id.is_current', '=', True)", search.arch)
        Line = self.env["kompetanse.target.line"].with_user(self.user_employee)
        self.assertEqual(
            Line.search([("target_id.is_current", "=", True)]),
            current.line_ids.with_user(self.user_employee),
        )
        self.assertTrue(current.with_user(self.user_employee).is_current)
        # past its period, the nearest approved one is today's
        current.with_user(self.user_top).action_archive_target()
        self.assertEqual(
            Line.search([("target_id.is_current", "=", True)]).target_id.name,
            "Test Before",
        )

    def test_plan_needs_before_submission(self):
        """G-NL-2: proposing needs says what it made and, clicked again, that
        there is nothing new; a plan with draft needs is not submitted or
        approved, and the message names them."""
        self._role(
            "Test Role", [(self.python, self.senior, "essential")], employees=self.anna
        )
        plan = (
            self.env["kompetanse.plan"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Plan",
                    "department_id": self.dept_main.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        )
        result = plan.action_propose_needs()
        self.assertEqual(result["params"]["type"], "success")
        self.assertIn("Close the gap in Test Python", result["params"]["message"])
        self.assertEqual(plan.need_count, 1)
        again = plan.action_propose_needs()
        self.assertEqual(again["params"]["type"], "info")
        self.assertEqual(plan.need_count, 1)
        with self.assertRaisesMessage(UserError, "Close the gap in Test Python"):
            plan.action_submit()
        self.assertEqual(plan.state, "draft")
        plan.need_ids.action_submit()
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        # a draft need reported to the plan later stops the approval too
        self.env["kompetanse.need"].with_user(self.user_manager).create(
            {
                "name": "Test Late",
                "department_id": self.dept_main.id,
                "plan_id": plan.id,
            }
        )
        with self.assertRaisesMessage(UserError, "Test Late"):
            plan.with_user(self.user_hr).action_approve()
        self.assertEqual(plan.state, "submitted")

    def test_hr_is_asked_and_the_manager_told(self):
        """G-NL-7: a submitted need or plan is an activity for HR (the
        company's HR contact, or else every HR user); accepting, rejecting or
        approving tells the manager and closes HR's activity."""
        review = self.env.ref("kompetanse_module.mail_activity_type_kompetanse_need")
        Need = self.env["kompetanse.need"].with_user(self.user_manager)
        need = Need.create({"name": "Test Need", "department_id": self.dept_main.id})
        need.action_submit()
        activities = need.sudo().activity_ids
        self.assertEqual(activities.activity_type_id, review)
        self.assertIn(self.user_hr, activities.user_id)
        self.assertNotIn(self.user_manager, activities.user_id)
        self.assertNotIn(self.env.ref("base.user_root"), activities.user_id)
        self.assertEqual(
            set(activities.mapped("date_deadline")),
            {self.today + relativedelta(days=review.delay_count)},
        )
        # rejected, reworked and submitted again: HR is asked anew
        need.with_user(self.user_hr).rejection_reason = "Unclear"
        need.with_user(self.user_hr).action_reject()
        need.action_reset_draft()
        need.action_submit()
        self.assertEqual(len(need.sudo().activity_ids), len(activities))
        need.with_user(self.user_hr).action_review()
        need.with_user(self.user_hr).action_accept()
        self.assertFalse(need.sudo().activity_ids)
        told = need.sudo().message_ids.filtered(
            lambda m: self.user_manager.partner_id in m.partner_ids
        )
        self.assertIn("Accepted into the measure", told[:1].body)

        self.company.kompetanse_hr_user_id = self.user_hr
        other = Need.create({"name": "Test Other", "department_id": self.dept_main.id})
        other.action_submit()
        self.assertEqual(other.sudo().activity_ids.user_id, self.user_hr)
        other.with_user(self.user_hr).rejection_reason = "Not now"
        other.with_user(self.user_hr).action_reject()
        self.assertFalse(other.sudo().activity_ids)
        self.assertTrue(
            other.sudo().message_ids.filtered(
                lambda m: self.user_manager.partner_id in m.partner_ids
                and "Not now" in m.body
            )
        )

        plan = (
            self.env["kompetanse.plan"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Plan",
                    "department_id": self.dept_main.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        )
        plan.action_submit()
        self.assertEqual(plan.sudo().activity_ids.user_id, self.user_hr)
        plan.action_back_to_draft()  # the manager withdraws it
        self.assertFalse(plan.sudo().activity_ids)
        plan.action_submit()
        self.assertEqual(
            plan.sudo().activity_ids.activity_type_id,
            self.env.ref("kompetanse_module.mail_activity_type_kompetanse_plan"),
        )
        plan.with_user(self.user_hr).action_approve()
        self.assertFalse(plan.sudo().activity_ids)
        self.assertTrue(
            plan.sudo().message_ids.filtered(
                lambda m: self.user_manager.partner_id in m.partner_ids
            )
        )

    def test_my_competence(self):
        """G-NL-3, G-NL-5, G-NL-7: My Competence shows an employee their own
        roles, gaps, measures (tasks, teams, courses), development plan and
        needs, and nobody else's."""
        role = self._role(
            "Test Mine", [(self.python, self.senior, "essential")], employees=self.anna
        )
        self._role(
            "Test Not Mine",
            [(self.python, self.senior, "essential")],
            employees=self.bjorn,
        )
        method = self.env["kompetanse.method"].search([], limit=1)
        measures = self.env["kompetanse.measure"].create(
            [
                {
                    "name": "Test Mine",
                    "method_id": method.id,
                    "employee_ids": [Command.link(self.anna.id)],
                },
                {
                    "name": "Test Theirs",
                    "method_id": method.id,
                    "employee_ids": [Command.link(self.bjorn.id)],
                },
            ]
        )
        need = (
            self.env["kompetanse.need"]
            .with_user(self.user_employee)
            .create({"name": "Test Mine", "department_id": self.dept_main.id})
        )
        self.env["kompetanse.need"].with_user(self.user_manager).create(
            {"name": "Test Theirs", "department_id": self.dept_main.id}
        )
        developments = self.env["kompetanse.development"].create(
            [
                {"employee_id": employee.id, "date_end": "2047-12-31"}
                for employee in (self.anna, self.bjorn)
            ]
        )
        expected = {
            "kompetanse_my_role_action": role,
            "kompetanse_my_measure_action": measures[0],
            "kompetanse_my_need_action": need,
            "kompetanse_my_development_action": developments[0],
        }
        for xmlid, records in expected.items():
            action = self.env["ir.actions.act_window"]._for_xml_id(
                f"kompetanse_module.{xmlid}"
            )
            domain = safe_eval(action["domain"], {"uid": self.user_employee.id})
            found = (
                self.env[action["res_model"]]
                .with_user(self.user_employee)
                .search(domain)
            )
            self.assertEqual(found, records.with_user(self.user_employee), xmlid)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_my_gap_action"
        )
        gaps = (
            self.env["kompetanse.gap.report"]
            .with_user(self.user_employee)
            .search([("employee_id.user_id", "=", self.user_employee.id)])
        )
        self.assertEqual(gaps.employee_id, self.anna)
        self.assertEqual(action["domain"], "[('employee_id.user_id', '=', uid)]")

    def test_settings(self):
        """Settings > Kompetanse keeps the company's options: the smallest group
        shown, the conversations a year and the HR contact."""
        settings = Form(
            self.env["res.config.settings"].with_user(self.env.ref("base.user_admin"))
        )
        settings.kompetanse_min_group_size = 7
        settings.kompetanse_conversations_per_year = 3
        settings.kompetanse_hr_user_id = self.user_hr
        settings.save().execute()
        self.assertEqual(self.company.kompetanse_min_group_size, 7)
        self.assertEqual(self.company.kompetanse_conversations_per_year, 3)
        self.assertEqual(self.company.kompetanse_hr_user_id, self.user_hr)
        with self.assertRaisesMessage(ValidationError, "between 1 and 12"):
            self.company.kompetanse_conversations_per_year = 13
        self.assertEqual(self.company.kompetanse_conversations_per_year, 3)
        with self.assertRaisesMessage(
            ValidationError, "not an active internal user in the Kompetanse"
        ):
            self.company.kompetanse_hr_user_id = self.user_manager
        self.assertEqual(self.company.kompetanse_hr_user_id, self.user_hr)

    def test_review_is_hrs_and_links_are_checked(self):
        """G-NL-7: what a unit sent HR waits for HR whatever its sender does
        (the review activity cannot be changed, closed or deleted by the
        sender, nor skipped by a context key); a button on the same record
        twice acts once; draft target pictures cannot be linked."""
        Need = self.env["kompetanse.need"].with_user(self.user_manager)
        need = Need.create({"name": "Test Need", "department_id": self.dept_main.id})
        need.with_context(mail_activity_automation_skip=True).action_submit()
        activity = need.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.user_hr
        )
        self.assertTrue(activity)
        own = activity.with_user(self.user_manager)
        with self.assertRaisesMessage(AccessError, "only HR changes or closes it"):
            own.write({"user_id": self.user_manager.id})
        with self.assertRaisesMessage(AccessError, "only HR changes or closes it"):
            own.unlink()
        with self.assertRaisesMessage(AccessError, "only HR changes or closes it"):
            need.activity_feedback(
                ["kompetanse_module.mail_activity_type_kompetanse_need"]
            )
        self.assertTrue(activity.exists())
        self.assertEqual(activity.user_id, self.user_hr)
        # HR decides, whatever the context asks of the activities
        need.with_user(self.user_hr).action_review()
        need.with_user(self.user_hr).with_context(
            mail_activity_automation_skip=True
        ).action_accept()
        self.assertFalse(activity.exists())

        twice = Need.create({"name": "Test Twice", "department_id": self.dept_main.id})
        self.env["kompetanse.need"].with_user(self.user_manager).browse(
            [twice.id, twice.id]
        ).action_submit()
        self.assertEqual(
            len(twice.sudo().activity_ids), len(need.sudo()._kompetanse_hr_users())
        )

        draft = self._target([(self.python, self.senior, 1, False)], name="Test Draft")
        with self.assertRaisesMessage(ValidationError, "not a draft"):
            Need.create(
                {
                    "name": "Test Linked",
                    "department_id": self.dept_main.id,
                    "target_line_ids": [Command.set(draft.line_ids.ids)],
                }
            )
        with self.assertRaisesMessage(ValidationError, "not a draft"):
            self.env["kompetanse.plan"].with_user(self.user_manager).create(
                {
                    "name": "Test Plan",
                    "department_id": self.dept_main.id,
                    "target_id": draft.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
        Line = self.env["kompetanse.target.line"].with_user(self.user_hr)
        with self.assertRaisesMessage(UserError, "cannot be made from a name"):
            Line.name_create("Python")
