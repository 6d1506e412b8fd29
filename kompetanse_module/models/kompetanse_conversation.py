# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from .kompetanse_development import ACTIVITY_KINDS
from .kompetanse_record_mixin import kompetanse_button

_logger = logging.getLogger(__name__)

GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"
DUE_ACTIVITY = "kompetanse_module.mail_activity_type_kompetanse_conversation"
# one lock for the reminders of conversations due: a second run at the same
# time (another worker, another server) leaves the work to the first
DUE_LOCK = 7_400_201

CONVERSATION_KINDS = [
    ("development", "Development Conversation"),
    ("checkin", "Check-in"),
    ("appraisal", "Appraisal"),
]


def try_cron_lock(env, key):
    """Whether this transaction holds the advisory lock key: false while
    another transaction holds it (it commits what both would write)."""
    env.cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s)", key))
    return env.cr.fetchone()[0]


class KompetanseConversation(models.Model):
    """A conversation between an employee and their manager about competence
    and tasks, held several times a year (G-NL-3, G-NL-5). What is said is
    individual competence: the employee reads it and comments, their managers
    and HR keep it. The calendar event of its time carries no notes."""

    _name = "kompetanse.conversation"
    _description = "Conversation"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["employee_id"]
    _check_company_auto = True
    _mail_post_access = "read"
    _kompetanse_scope_fields = ("company_id", "employee_id")
    _kompetanse_owner_field = "employee_id"
    _kompetanse_transitions = {
        "planned": {"held": GROUP_MANAGER, "cancelled": GROUP_MANAGER},
        "cancelled": {"planned": GROUP_MANAGER},
    }
    _kompetanse_editable_states = ("planned",)
    # what was said and agreed is written down after the conversation
    _kompetanse_state_fields = {
        "held": {"summary": None, "note": None, "action_ids": None},
    }
    _kompetanse_deletable_states = ("planned", "cancelled")

    # the company is the employee's: the employees to choose are those of the
    # user's companies (Odoo's rules), not of a company not yet known
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    manager_id = fields.Many2one(
        "hr.employee",
        string="Manager",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        help="Who holds the conversation: the employee's manager unless you "
        "choose another.",
    )
    manager_user_id = fields.Many2one(
        related="manager_id.user_id", string="Manager's User"
    )
    date = fields.Datetime(
        required=True,
        default=lambda self: fields.Datetime.now().replace(
            minute=0, second=0, microsecond=0
        )
        + timedelta(hours=1),
        tracking=True,
        index=True,
    )
    duration = fields.Float(default=1.0, help="In hours.")
    kind = fields.Selection(
        CONVERSATION_KINDS, required=True, default="development", tracking=True
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    is_due = fields.Boolean(
        string="Made by the Reminder",
        readonly=True,
        copy=False,
        help="Planned by the daily reminder because the employee was due a "
        "conversation.",
    )
    summary = fields.Html(
        string="Competence and Tasks",
        help="What was said about the employee's competence, tasks and how "
        "they develop.",
    )
    note = fields.Html(
        string="Private Notes",
        help="Seen only by the employee, their managers and HR; the calendar "
        "event does not carry them.",
    )
    action_ids = fields.One2many(
        "kompetanse.conversation.action", "conversation_id", string="Agreed Actions"
    )
    has_pending_actions = fields.Boolean(
        string="Agreed, Not Yet in the Plan", compute="_compute_has_pending_actions"
    )
    event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        readonly=True,
        ondelete="set null",
        copy=False,
    )
    development_id = fields.Many2one(
        "kompetanse.development",
        string="Development Plan",
        readonly=True,
        ondelete="set null",
        copy=False,
        help="The plan the agreed actions were added to.",
    )

    def init(self):
        # one conversation planned by the reminder per employee at a time,
        # whatever runs at once (the lock keeps a second run from trying)
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS kompetanse_conversation_one_due
                   ON kompetanse_conversation (employee_id)
                   WHERE is_due AND state = 'planned'"""
            )
        )

    @api.depends("employee_id.name", "kind", "date")
    @api.depends_context("lang", "tz")
    def _compute_display_name(self):
        # in the reader's language and on their day, not the writer's
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for conversation in self:
            day = conversation.date and format_date(
                self.env, fields.Datetime.context_timestamp(self, conversation.date)
            )
            conversation.display_name = " – ".join(
                part
                for part in (
                    kinds.get(conversation.kind),
                    conversation.employee_id.name,
                    day,
                )
                if part
            )

    @api.depends("action_ids.goal_id", "action_ids.activity_id")
    def _compute_has_pending_actions(self):
        for conversation in self:
            conversation.has_pending_actions = any(
                not action.in_plan for action in conversation.action_ids
            )

    @api.depends("employee_id")
    def _compute_manager_id(self):
        for conversation in self:
            employee = conversation.employee_id
            managers = (
                employee.parent_id | employee.department_id.manager_id
            ) - employee._origin
            conversation.manager_id = managers[:1]

    @api.constrains("employee_id", "manager_id")
    def _check_manager(self):
        for conversation in self:
            employee, manager = conversation.employee_id, conversation.manager_id
            if manager == employee:
                raise ValidationError(
                    self.env._(
                        "%(name)s: an employee does not hold a conversation with "
                        "themselves; choose their manager.",
                        name=employee.name,
                    )
                )
            # who holds it is invited and reminded: one who may read what is
            # said (a manager above the employee, or HR); without a user, one
            # of the managers above
            user = manager.user_id
            if not manager:
                continue
            allowed = (
                employee.with_user(user).kompetanse_individual_access
                if user
                else manager in employee._kompetanse_managers()
            )
            if not allowed:
                raise ValidationError(
                    self.env._(
                        "%(manager)s is not one of %(employee)s's managers, so "
                        "cannot hold their conversation.",
                        manager=manager.name,
                        employee=employee.name,
                    )
                )

    @api.constrains("date")
    def _check_date(self):
        for conversation in self:
            if not 2000 <= conversation.date.year <= 2200:
                raise ValidationError(
                    self.env._(
                        "%(date)s is not a date a conversation can be held.",
                        date=conversation.date,
                    )
                )

    @api.constrains("duration")
    def _check_duration(self):
        for conversation in self:
            if not 0 < conversation.duration <= 12:
                raise ValidationError(
                    self.env._("A conversation lasts more than 0 and at most 12 hours.")
                )

    def _kompetanse_owner_message(self):
        return self.env._(
            "A conversation stays with its employee; plan a new one for another."
        )

    def write(self, vals):
        result = super().write(vals)
        if isinstance(vals, dict) and {"date", "duration", "manager_id", "kind"} & set(
            vals
        ):
            self.filtered("event_id")._kompetanse_update_events()
        return result

    def unlink(self):
        events = self.sudo().event_id
        result = super().unlink()
        events.unlink()
        return result

    # --- the calendar -----------------------------------------------------------

    def _kompetanse_event_values(self):
        self.ensure_one()
        partners = self.employee_id.work_contact_id | self.manager_user_id.partner_id
        kind = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        return {
            # the kind and the time only, for the two invited: what is said,
            # and that it is a conversation of the module, stays here (Odoo
            # lets anyone search the names and documents of private meetings)
            "name": kind,
            "start": self.date,
            "stop": self.date + timedelta(hours=self.duration),
            "partner_ids": [fields.Command.set(partners.ids)],
            "user_id": (self.manager_user_id or self.env.user).id,
            "privacy": "private",
            "show_as": "busy",
        }

    def _kompetanse_update_events(self):
        for conversation in self:
            conversation.event_id.sudo().write(conversation._kompetanse_event_values())

    @kompetanse_button
    def action_schedule(self):
        """Put the conversation in the employee's and the manager's calendars
        (Odoo's calendar event, with its invitations)."""
        self.check_access("write")
        for conversation in self:
            if conversation.state != "planned":
                raise UserError(
                    self.env._(
                        "%(name)s is not planned, so it is not put in the calendars.",
                        name=conversation.display_name,
                    )
                )
            if conversation.event_id:
                conversation._kompetanse_update_events()
                continue
            event = (
                self.env["calendar.event"]
                .sudo()
                .create(conversation._kompetanse_event_values())
            )
            conversation._kompetanse_write_system({"event_id": event.id})
        return True

    def action_open_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.event_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_open_plan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "kompetanse.development",
            "res_id": self.development_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # --- the workflow -----------------------------------------------------------

    @kompetanse_button
    def action_hold(self):
        self._kompetanse_check_transition("held")
        now = fields.Datetime.now()
        for conversation in self:
            if conversation.date > now:
                raise UserError(
                    self.env._(
                        "%(name)s is in the future: set the date it took place, "
                        "then mark it held.",
                        name=conversation.display_name,
                    )
                )
        self._kompetanse_set_state("held")
        self._kompetanse_resolve_due()
        return True

    @kompetanse_button
    def action_cancel(self):
        self._kompetanse_set_state("cancelled")
        self.sudo().event_id.unlink()
        self.sudo().with_context(mail_activity_automation_skip=False).activity_unlink(
            [DUE_ACTIVITY]
        )
        return True

    @kompetanse_button
    def action_replan(self):
        self._kompetanse_set_state("planned")
        return True

    def _kompetanse_resolve_due(self):
        """A conversation held: the reminders that the employee was due one are
        done, and what the reminder planned, if it is not this one and was
        never put in a calendar, is no longer needed."""
        system = self.sudo().with_context(mail_activity_automation_skip=False)
        system.activity_feedback([DUE_ACTIVITY])
        others = system.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "=", "planned"),
                ("is_due", "=", True),
                ("event_id", "=", False),
                ("id", "not in", self.ids),
            ]
        )
        if others:
            others.activity_feedback([DUE_ACTIVITY])
            others.write({"state": "cancelled"})

    # --- agreed actions into the plan -------------------------------------------

    @kompetanse_button
    def action_add_to_plan(self):
        """The agreed actions become goals and activities of the employee's
        development plan for the conversation's date (a plan for its year is
        made when there is none), once each; then the plan opens."""
        self.check_access("write")
        for conversation in self:
            if conversation.state != "held":
                raise UserError(
                    self.env._(
                        "%(name)s has not been held yet: its agreed actions go to "
                        "the plan once it has.",
                        name=conversation.display_name,
                    )
                )
        # the conversation's year, or up to the last deadline agreed
        plans = self.env["kompetanse.development"]._kompetanse_plans_for(
            [
                (
                    conversation.employee_id,
                    conversation.date.date(),
                    max(
                        filter(None, conversation.action_ids.mapped("deadline")),
                        default=None,
                    ),
                )
                for conversation in self
            ]
        )
        for conversation, plan in zip(self, plans, strict=True):
            conversation._kompetanse_actions_to_plan(plan)
            conversation._kompetanse_write_system({"development_id": plan.id})
        return self.action_open_plan() if len(self) == 1 else True

    def _kompetanse_actions_to_plan(self, plan):
        self.ensure_one()
        actions = self.action_ids.filtered(
            lambda a: not a.goal_id and not a.activity_id
        )
        goals_by_skill = {goal.skill_id: goal for goal in plan.goal_ids}
        new_goals = {}  # skill: (values, the actions that agreed it)
        activity_values, activity_actions = [], []
        linked = []
        for action in actions:
            if action.kind == "goal":
                goal = goals_by_skill.get(action.skill_id)
                if goal:
                    # never twice the same goal: the action follows the one there
                    linked.append((action, {"goal_id": goal.id}))
                elif action.skill_id in new_goals:
                    new_goals[action.skill_id][1].append(action)
                else:
                    new_goals[action.skill_id] = (
                        {
                            "development_id": plan.id,
                            "skill_id": action.skill_id.id,
                            "level_id": action.level_id.id,
                            "reason": "conversation",
                            "deadline": action.deadline or plan.date_end,
                            "note": action.name,
                        },
                        [action],
                    )
            else:
                activity_values.append(
                    {
                        "development_id": plan.id,
                        "name": action.name,
                        "kind": action.activity_kind or "task",
                        "date_start": self.date.date(),
                        "date_end": action.deadline,
                    }
                )
                activity_actions.append(action)
        goals = self.env["kompetanse.development.goal"].create(
            [values for values, _actions in new_goals.values()]
        )
        activities = self.env["kompetanse.development.activity"].create(activity_values)
        for (_values, agreed), goal in zip(new_goals.values(), goals, strict=True):
            linked += [(action, {"goal_id": goal.id}) for action in agreed]
        linked += [
            (action, {"activity_id": activity.id})
            for action, activity in zip(activity_actions, activities, strict=True)
        ]
        by_link = {}
        for action, vals in linked:
            key = tuple(vals.items())
            by_link[key] = by_link.get(key, self.env[action._name]) | action
        for key, actions in by_link.items():
            actions.sudo().write(dict(key))
        if linked:
            self.message_post(
                body=self.env._(
                    "Added to the plan %(plan)s: %(actions)s.",
                    plan=plan.name,
                    actions=", ".join(action.name for action, _vals in linked),
                )
            )

    # --- the daily reminder -----------------------------------------------------

    @api.model
    def _kompetanse_due_employee_ids(self):
        """The active employees with a manager who has a user, who had no
        conversation held within their company's interval (a year divided by
        its conversations a year), have none planned, and for whom the
        reminder planned none within that interval: one query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT employee.id
              FROM hr_employee employee
              JOIN res_company company ON company.id = employee.company_id
              JOIN hr_employee manager ON manager.id = employee.parent_id
                                      AND manager.id != employee.id
                                      AND manager.active
                                      AND manager.company_id = employee.company_id
              JOIN res_users manager_user ON manager_user.id = manager.user_id
                                         AND manager_user.active
             WHERE employee.active
               -- who is reminded can hold it: a Kompetanse manager
               AND EXISTS (
                   SELECT 1 FROM res_groups_users_rel member
                    WHERE member.uid = manager_user.id AND member.gid = %(group)s
               )
               AND NOT EXISTS (
                   SELECT 1
                     FROM kompetanse_conversation conversation
                    CROSS JOIN LATERAL (
                        SELECT make_interval(days => 365 / GREATEST(
                            company.kompetanse_conversations_per_year, 1)) AS span
                    ) due_span
                    WHERE conversation.employee_id = employee.id
                      AND (
                           -- held within the interval
                           (conversation.state = 'held'
                            AND conversation.date >= %(now)s - due_span.span)
                           -- planned for a day not long past nor far ahead
                        OR (conversation.state = 'planned'
                            AND conversation.date BETWEEN %(now)s - due_span.span
                                                      AND %(now)s + due_span.span)
                           -- or the reminder planned one within the interval
                        OR (conversation.is_due
                            AND conversation.create_date >= %(now)s - due_span.span)
                      )
               )
               -- a done appraisal is a conversation held on its day
               AND NOT EXISTS (
                   SELECT 1
                     FROM hr_appraisal appraisal
                    WHERE appraisal.employee_id = employee.id
                      AND appraisal.state = '3_done'
                      AND appraisal.active
                      AND appraisal.date_close >= (%(now)s - make_interval(
                          days => 365 / GREATEST(
                              company.kompetanse_conversations_per_year, 1)))::date
               )
             ORDER BY employee.id
                """,
                now=fields.Datetime.now(),
                group=self.env.ref(GROUP_MANAGER).id,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _kompetanse_utc(self, day, tz, hour=9):
        """The naive UTC datetime of hour o'clock on day in the time zone tz."""
        zone = pytz.timezone(tz or "UTC")
        local = zone.localize(datetime.combine(day, time(hour, 0)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _kompetanse_slots(self, day, tz, count):
        """count hours of working days from day, nine to three where the
        manager is: one conversation each, not all at once."""
        slots = []
        while len(slots) < count:
            if day.weekday() < 5:
                slots += [self._kompetanse_utc(day, tz, hour) for hour in range(9, 15)]
            day += timedelta(days=1)
        return slots[:count]

    @api.model
    def _cron_conversations_due(self):
        """Daily: for each employee due a conversation, one planned
        conversation with an activity for their manager. Under the advisory
        lock, so two runs at once plan nothing twice; a re-run finds them
        planned."""
        if not try_cron_lock(self.env, DUE_LOCK):
            _logger.info("Conversations due: another run is at work, skipped.")
            return
        employees = self.env["hr.employee"].browse(self._kompetanse_due_employee_ids())
        if not employees:
            return
        activity_type = self.env.ref(DUE_ACTIVITY)
        deadline = activity_type._get_date_deadline()
        # the chatter and the activities without a mail each: the managers find
        # them among their activities
        system = self.sudo().with_context(
            mail_create_nosubscribe=True, mail_activity_quick_update=True
        )
        values = []
        for manager, people in employees.grouped("parent_id").items():
            slots = self._kompetanse_slots(deadline, manager.user_id.tz, len(people))
            values += [
                {
                    "employee_id": employee.id,
                    "manager_id": manager.id,
                    "date": slot,
                    "is_due": True,
                }
                for employee, slot in zip(people, slots, strict=True)
            ]
        conversations = system.create(values)
        model_id = self.env["ir.model"]._get_id(self._name)
        system.env["mail.activity"].create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "summary": self.with_context(lang=user.lang).env._(
                        "Conversation due with %(employee)s",
                        employee=conversation.employee_id.name,
                    ),
                    "date_deadline": deadline,
                    "res_model_id": model_id,
                    "res_id": conversation.id,
                    "user_id": user.id,
                    "automated": True,
                }
                for conversation in conversations
                for user in conversation.manager_user_id
            ]
        )
        _logger.info("Conversations due: %d planned.", len(conversations))


class KompetanseConversationAction(models.Model):
    """What employee and manager agreed in a conversation: a goal (a skill and
    the level aimed at) or an activity of a 70-20-10 kind, which lands in the
    development plan in one click."""

    _name = "kompetanse.conversation.action"
    _inherit = ["kompetanse.skill.requirement", "kompetanse.record.mixin"]
    _description = "Agreed Action"
    _order = "conversation_id, id"
    _kompetanse_scope_fields = ("conversation_id",)
    _kompetanse_owner_field = "conversation_id"

    conversation_id = fields.Many2one(
        "kompetanse.conversation",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(related="conversation_id.employee_id", store=True)
    company_id = fields.Many2one(related="conversation_id.company_id", store=True)
    name = fields.Char(string="Agreed", required=True)
    kind = fields.Selection(
        [("goal", "Goal"), ("activity", "Activity")],
        required=True,
        default="activity",
    )
    activity_kind = fields.Selection(ACTIVITY_KINDS, default="task")
    skill_id = fields.Many2one(required=False)
    level_id = fields.Many2one(required=False, string="Target Level")
    deadline = fields.Date()
    goal_id = fields.Many2one(
        "kompetanse.development.goal", readonly=True, ondelete="set null", copy=False
    )
    activity_id = fields.Many2one(
        "kompetanse.development.activity",
        readonly=True,
        ondelete="set null",
        copy=False,
    )
    in_plan = fields.Boolean(string="In the Plan", compute="_compute_in_plan")

    @api.depends("goal_id", "activity_id")
    def _compute_in_plan(self):
        for action in self:
            action.in_plan = bool(action.goal_id or action.activity_id)

    @api.constrains("kind", "skill_id", "level_id")
    def _check_level_type(self):
        for action in self.filtered(lambda a: a.kind == "goal"):
            if not action.skill_id or not action.level_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a goal names a skill and the level aimed at.",
                        name=action.name,
                    )
                )
        # an activity may name a skill without a level; a level is of its type
        return super(
            KompetanseConversationAction, self.filtered("level_id")
        )._check_level_type()

    @api.constrains("conversation_id")
    def _check_conversation_open(self):
        for action in self:
            if action.conversation_id.state == "cancelled":
                raise ValidationError(
                    self.env._(
                        "%(name)s is cancelled: nothing is agreed in it.",
                        name=action.conversation_id.display_name,
                    )
                )

    @api.constrains("deadline", "conversation_id")
    def _check_deadline(self):
        for action in self.filtered("deadline"):
            if action.deadline < action.conversation_id.date.date():
                raise ValidationError(
                    self.env._(
                        "%(name)s: the deadline is before the conversation.",
                        name=action.name,
                    )
                )

    def _kompetanse_check_kept(self):
        """What was agreed stays as agreed: not in a cancelled conversation,
        and once in the plan, it is changed there."""
        for action in self:
            if action.conversation_id.state == "cancelled":
                raise UserError(
                    self.env._(
                        "%(name)s is cancelled: what was agreed in it stays as it was.",
                        name=action.conversation_id.display_name,
                    )
                )
            if action.in_plan:
                raise UserError(
                    self.env._(
                        "%(name)s is in the development plan: change it there.",
                        name=action.name,
                    )
                )

    def _kompetanse_owner_message(self):
        return self.env._(
            "What was agreed stays with its conversation; add it to another instead."
        )

    def _kompetanse_check_write(self, vals):
        result = super()._kompetanse_check_write(vals)
        self._kompetanse_check_kept()
        return result

    def unlink(self):
        if not self.env.su:
            self._kompetanse_check_kept()
        return super().unlink()
