# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestWorkflow(KompetanseOrgCommon):
    """A status changes only through its actions, whatever a client sends; a
    record past its editable status is read-only but for what its next step
    needs; nothing moves out of the user's units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.method_course = cls.env.ref("kompetanse_module.kompetanse_method_course")
        cls.target = cls._target([(cls.python, cls.senior, 2, False)])
        cls.target.action_approve()
        cls.line = cls.target.line_ids

    BASE_VALUES = {
        "kompetanse.plan": {
            "name": "Test Plan",
            "date_start": "2047-01-01",
            "date_end": "2047-12-31",
        },
        "kompetanse.need": {"name": "Test Need"},
        "kompetanse.measure": {"name": "Test Measure"},
        "kompetanse.target": {
            "name": "Test Draft",
            "date_start": "2060-01-01",
            "date_end": "2060-12-31",
        },
    }

    def _create(self, model, user=None, context=None, **values):
        records = self.env[model].with_context(**(context or {}))
        if user:
            records = records.with_user(user)
        base = dict(self.BASE_VALUES[model])
        if model != "kompetanse.target":
            base["department_id"] = self.dept_main.id
        return records.create({**base, **values})

    def _plan(self, user=None, **values):
        return self._create("kompetanse.plan", user, **values)

    def _need(self, user=None, **values):
        return self._create("kompetanse.need", user, **values)

    def _measure(self, user=None, **values):
        return self._create("kompetanse.measure", user, **values)

    def _draft_target(self, user=None):
        return self._create("kompetanse.target", user)

    def test_no_state_outside_the_actions(self):
        """The four bypasses the attacker used are refused for every workflow:
        a context key on write, a state in create, default_state, and
        copy(default=...); nothing is written."""
        cases = [
            ("kompetanse.need", self.user_employee, "accepted"),
            ("kompetanse.plan", self.user_manager, "approved"),
            ("kompetanse.measure", self.user_manager, "done"),
            ("kompetanse.target", self.user_hr, "approved"),
        ]
        for model, user, state in cases:
            record = self._create(model, user)
            initial = record.state
            last_id = self.env[model].search([], order="id desc", limit=1).id
            with self.subTest(model=model):
                with self.assertRaisesMessage(UserError, "set by the module itself"):
                    record.with_context(kompetanse_state_change=True).write(
                        {"state": state}
                    )
                with self.assertRaisesMessage(UserError, "set by the module itself"):
                    self._create(model, user, state=state)
                with self.assertRaisesMessage(UserError, "set by the module itself"):
                    self._create(model, user, context={"default_state": state})
                with self.assertRaisesMessage(UserError, "set by the module itself"):
                    record.copy(default={"state": state})
                self.env.invalidate_all()
                self.assertEqual(record.state, initial)
                self.assertFalse(
                    self.env[model].search_count([("id", ">", last_id)]), model
                )

    def test_employee_cannot_accept_own_need(self):
        """An employee submits his need and cannot review, accept or reject it,
        however he calls it; no measure appears."""
        need = self._need(self.user_employee)
        need.action_submit()
        for action in ("action_review", "action_accept", "action_reject"):
            with self.assertRaises(UserError):  # AccessError is one too
                getattr(need, action)()
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            need.write({"measure_id": self._measure().id})
        self.assertEqual(need.state, "submitted")
        self.assertFalse(need.measure_id)

    def test_manager_cannot_approve_own_plan(self):
        """The manager submits; only HR approves and closes."""
        plan = self._plan(self.user_manager)
        plan.action_submit()
        with self.assertRaisesMessage(AccessError, "You may not move"):
            plan.action_approve()
        plan.with_user(self.user_hr).action_approve()
        with self.assertRaises(AccessError):
            plan.action_close()
        self.assertEqual(plan.state, "approved")

    def test_top_leader_cannot_undo_or_empty_approve(self):
        """The top leader cannot turn an approved target picture back into a
        draft, nor approve one without lines; HR cannot approve."""
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.target.with_user(self.user_top).write({"state": "draft"})
        with self.assertRaisesMessage(UserError, "cannot go from Approved to Draft"):
            self.target.with_user(self.user_top)._kompetanse_set_state("draft")
        empty = self._draft_target(self.user_hr)
        with self.assertRaisesMessage(UserError, "at least one competence line"):
            empty.with_user(self.user_top).action_approve()
        with self.assertRaises(AccessError):
            empty.with_user(self.user_hr).action_approve()
        self.assertEqual(self.target.state, "approved")
        self.assertEqual(empty.state, "draft")

    def test_locked_past_editable_status(self):
        """Past its editable status a record is read-only: the period of an
        approved plan, the name of an accepted need, a done measure; only what
        the next step needs stays open, and only to whom it is for."""
        plan = self._plan(self.user_manager)
        plan.action_submit()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            plan.write({"date_end": "2047-06-30"})
        plan.with_user(self.user_hr).action_approve()
        for user in (self.user_manager, self.user_hr):
            with self.assertRaisesMessage(UserError, "can no longer be changed"):
                plan.with_user(user).write({"date_start": "2047-02-01"})
        need = self._need(self.user_employee)
        need.action_submit()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            need.write({"name": "Renamed"})
        # the reason for a rejection is HR's to write
        with self.assertRaisesMessage(AccessError, "You may not change"):
            need.write({"rejection_reason": "I reject myself"})
        need_hr = need.with_user(self.user_hr)
        need_hr.action_review()
        need_hr.write({"category": "develop", "method_id": self.method_course.id})
        need_hr.action_accept()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            need.write({"name": "Renamed"})
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            need_hr.write({"name": "Renamed"})
        measure = self._measure(self.user_manager, effect_assessment="<p>It worked</p>")
        measure.action_start()
        measure.write({"goal": "Grow"})  # running: still worked on
        measure.action_done()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            measure.write({"cost_fixed": 1})
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            measure.with_user(self.user_hr).unlink()
        self.env.invalidate_all()
        self.assertEqual(plan.date_start.isoformat(), "2047-01-01")
        self.assertEqual(need.name, "Test Need")
        self.assertFalse(measure.cost_fixed)
        # the chatter stays open in every status
        measure.message_post(body="Follow-up in six months")

    def test_nothing_moves_out_of_reach(self):
        """A manager cannot move his plan, need or measure into another unit,
        nor link his measure to another unit's plan."""
        plan = self._plan(self.user_manager)
        need = self._need(self.user_manager)
        measure = self._measure(self.user_manager)
        for record in (plan, measure):
            with self.assertRaises(AccessError):
                record.write({"department_id": self.dept_other.id})
        other_plan = self._plan(department_id=self.dept_other.id)
        with self.assertRaisesMessage(AccessError, "plan you can read"):
            measure.write({"plan_id": other_plan.id})
        with self.assertRaisesMessage(AccessError, "plan you can read"):
            need.write({"plan_id": other_plan.id})
        # HR reads every plan: a unit outside the plan's is refused in words
        with self.assertRaisesMessage(ValidationError, "to belong to the plan"):
            measure.with_user(self.user_hr).write({"plan_id": other_plan.id})
        with self.assertRaisesMessage(ValidationError, "is not part of"):
            need.with_user(self.user_hr).write({"plan_id": other_plan.id})
        # into his own sub-unit is fine
        measure.write({"department_id": self.dept_sub.id, "plan_id": plan.id})
        self.env.invalidate_all()
        self.assertEqual(plan.department_id, self.dept_main)
        self.assertEqual(need.department_id, self.dept_main)
        self.assertEqual(measure.plan_id, plan)

    def test_readonly_fields_are_the_modules(self):
        """Who asked, who approved, which measure a need became, a target line's
        starting point and a version's predecessor are set by the module's
        actions only; also not through a context default."""
        need = self._need(self.user_employee)
        self.assertEqual(need.requested_by_id, self.user_employee)
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            need.write({"requested_by_id": self.user_hr.id})
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.env["kompetanse.need"].with_user(self.user_manager).with_context(
                default_requested_by_id=self.user_hr.id
            ).create({"name": "Test", "department_id": self.dept_main.id})
        draft = self._draft_target(self.user_hr)
        draft_line = (
            self.env["kompetanse.target.line"]
            .with_user(self.user_hr)
            .create(
                {
                    "target_id": draft.id,
                    "skill_id": self.sql.id,
                    "level_id": self.junior.id,
                }
            )
        )
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            draft_line.write({"baseline_count": 99})
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            draft_line.write({"state": "approved"})
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            draft.write({"previous_id": self.target.id})
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self._measure(self.user_manager, cost_total=1)
        with self.assertRaisesMessage(UserError, "cannot be changed"):
            self.line.with_user(self.user_top).write({"needed_count": 9})
        self.env.invalidate_all()
        self.assertEqual(draft_line.baseline_count, 0)
        self.assertEqual(self.target.state, "approved")

    def test_buttons_on_several_records_and_arguments(self):
        """Buttons work on each of several records, and an extra argument gets
        a clear error instead of a server error."""
        needs = self._need(self.user_manager) | self._need(self.user_manager)
        needs.action_submit()
        self.assertEqual(set(needs.mapped("state")), {"submitted"})
        needs_hr = needs.with_user(self.user_hr)
        needs_hr.action_review()
        self.assertIs(needs_hr.action_accept(), True)
        self.assertEqual(len(needs.measure_id), 2)
        with self.assertRaisesMessage(UserError, "takes no arguments"):
            self._need(self.user_manager).action_submit(True)
        with self.assertRaisesMessage(UserError, "takes no arguments"):
            self.target.action_open_lines(extra=1)
        plans = self._plan(self.user_manager) | self._plan(self.user_manager)
        self.assertTrue(plans.action_propose_needs())
        targets = self.target | self._draft_target()
        action = targets.action_open_lines()
        self.assertEqual(action["domain"], [("target_id", "in", targets.ids)])
        other = self._target(
            [(self.sql, self.junior, 1, False)],
            name="Test Other",
            date_start="2030-01-01",
            date_end="2030-12-31",
        )
        other.action_approve()
        versions = (self.target | other).with_user(self.user_hr).action_new_version()
        new = self.env["kompetanse.target"].search(versions["domain"])
        self.assertEqual(new.previous_id, self.target | other)
        self.assertEqual(set(new.mapped("state")), {"draft"})
        departments = (self.dept_main | self.dept_other).with_user(self.user_hr)
        self.assertEqual(
            departments.action_open_kompetanse_gaps()["domain"],
            [("department_id", "child_of", departments.ids)],
        )

    def test_needs_stay_in_their_units(self):
        """A need is reported for the reporter's unit or a unit they manage:
        neither an employee nor a manager moves one to another unit, nor links
        it to a closed plan; HR may move it."""
        need = self._need(self.user_employee)
        with self.assertRaisesMessage(AccessError, "your own unit"):
            need.write({"department_id": self.dept_other.id})
        with self.assertRaisesMessage(AccessError, "your own unit"):
            self._need(self.user_employee, department_id=self.dept_sub.id)
        managers = self._need(self.user_manager, department_id=self.dept_sub.id)
        with self.assertRaisesMessage(AccessError, "your own unit"):
            managers.write({"department_id": self.dept_other.id})
        closed = self._plan()
        closed.action_submit()
        closed.action_approve()
        closed.action_close()
        with self.assertRaisesMessage(ValidationError, "is closed"):
            managers.write({"plan_id": closed.id})
        with self.assertRaisesMessage(ValidationError, "is closed"):
            self._measure(self.user_manager, plan_id=closed.id)
        need.with_user(self.user_hr).write({"department_id": self.dept_other.id})
        self.env.invalidate_all()
        self.assertEqual(managers.department_id, self.dept_sub)
        self.assertEqual(need.department_id, self.dept_other)

    def test_roles_only_for_own_people(self):
        """A manager gives a role of his unit, or takes it, only from the people
        he manages: not someone of another unit, whose levels would then show
        in the summary; HR can."""
        role = self._role(
            "Test Own Role", [(self.sql, self.senior, "essential")], self.dept_main
        )
        role_manager = role.with_user(self.user_manager)
        role_manager.write({"employee_ids": [Command.link(self.anna.id)]})
        with self.assertRaisesMessage(AccessError, "only the people you manage"):
            role_manager.write({"employee_ids": [Command.link(self.cecilie.id)]})
        with self.assertRaisesMessage(AccessError, "only the people you manage"):
            self.env["kompetanse.role"].with_user(self.user_manager).create(
                {
                    "name": "Test Sneaky Role",
                    "department_id": self.dept_main.id,
                    "employee_ids": [Command.set(self.olav.ids)],
                }
            )
        role.with_user(self.user_hr).write(
            {"employee_ids": [Command.link(self.cecilie.id)]}
        )
        with self.assertRaisesMessage(AccessError, "only the people you manage"):
            role_manager.write({"employee_ids": [Command.unlink(self.cecilie.id)]})
        self.env.invalidate_all()
        self.assertEqual(role.employee_ids, self.anna | self.cecilie)

    def test_catalogue_and_methods_keep_what_used_them(self):
        """A method used by a measure keeps its category, and a skill a done
        measure addressed cannot be deleted with its recorded effect."""
        skill = self.env["hr.skill"].create(
            {"name": "Test Deletable", "skill_type_id": self.type_tech.id}
        )
        self.env["hr.employee.skill"].create(
            {
                "employee_id": self.anna.id,
                "skill_id": skill.id,
                "skill_level_id": self.junior.id,
                "skill_type_id": self.type_tech.id,
            }
        )
        method = self.env["kompetanse.method"].create(
            {"name": "Test Method", "category": "develop"}
        )
        measure = self._measure(
            method_id=method.id,
            employee_ids=[Command.set(self.anna.ids)],
            skill_ids=[Command.set(skill.ids)],
            effect_assessment="<p>Done</p>",
        )
        measure.action_start()
        measure.action_done()
        self.assertEqual(len(measure.effect_ids), 1)
        method_hr = method.with_user(self.user_hr)
        with self.assertRaisesMessage(UserError, "archive the method"):
            method_hr.write({"category": "recruit"})
        method_hr.write({"name": "Test Method Renamed"})  # other fields stay open
        with self.assertRaisesMessage(UserError, "is used by"):
            skill.with_user(self.user_hr).unlink()
        with self.assertRaisesMessage(UserError, "is used by"):
            self.type_tech.with_user(self.user_hr).unlink()
        self.env.invalidate_all()
        self.assertEqual(measure.category, "develop")
        self.assertEqual(len(measure.effect_ids), 1)

    def test_new_version_past_the_calendar(self):
        """A new version of a target picture ending at the calendar's end gets
        a clear error, not a server error."""
        late = self._create(
            "kompetanse.target", date_start="9999-01-01", date_end="9999-12-31"
        )
        with self.assertRaisesMessage(UserError, "past the calendar's end"):
            late.with_user(self.user_hr).action_new_version()
        with self.assertRaises(MissingError):
            self.env["kompetanse.target"].browse([0]).action_new_version()
