# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .kompetanse_conversation import try_cron_lock
from .kompetanse_record_mixin import kompetanse_button

_logger = logging.getLogger(__name__)

REMINDER_ACTIVITY = "kompetanse_module.mail_activity_type_kompetanse_cycle"
REMINDER_LOCK = 7_400_202

EVENT_KINDS = [
    ("appraisal", "Appraisal Round"),
    ("survey", "Employee Survey"),
    ("exit", "Exit Evaluations"),
    ("user", "User Evaluations"),
    ("plan", "Plan Deadline"),
    ("budget", "Budget"),
    ("pay", "Pay Settlement"),
    ("custom", "Other"),
]


class KompetanseCycle(models.Model):
    """The årshjul: a year of the organisation's recurring events, to which
    the competence measures and plans are tied (G-HR-1)."""

    _name = "kompetanse.cycle"
    _description = "Annual Cycle"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    event_ids = fields.One2many("kompetanse.cycle.event", "cycle_id", string="Events")
    event_count = fields.Integer(compute="_compute_event_count")
    overview = fields.Html(
        string="Year Overview",
        compute="_compute_overview",
        sanitize=False,
        help="The year month by month: the årshjul's events, and the deadlines "
        "of the unit plans and measures you see.",
    )

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(company_id, year)",
            "A company has one annual cycle a year.",
        ),
    ]

    @api.depends("event_ids")
    def _compute_event_count(self):
        counts = dict(
            self.env["kompetanse.cycle.event"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        )
        for cycle in self:
            cycle.event_count = counts.get(cycle._origin, 0)

    @api.constrains("year")
    def _check_year(self):
        for cycle in self:
            if not 2000 <= cycle.year <= 2200:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a year an annual cycle can be made for.",
                        year=cycle.year,
                    )
                )
        self.event_ids._check_in_year()

    def _kompetanse_deadlines(self):
        """The unit plans ending and the measures due in the cycles' years,
        of those the user may read (an employee reads no unit plan: none to
        show, not an error): a search of each for all cycles."""
        years = self.mapped("year")
        first, last = date(min(years), 1, 1), date(max(years), 12, 31)
        found = []
        for model, field, domain in (
            ("kompetanse.plan", "date_end", [("state", "!=", "draft")]),
            (
                "kompetanse.measure",
                "date_deadline",
                [("state", "in", ("planned", "running"))],
            ),
        ):
            records = self.env[model]
            if records.has_access("read"):
                records = records.search(
                    [
                        ("company_id", "in", self.company_id.ids),
                        (field, ">=", first),
                        (field, "<=", last),
                        *domain,
                    ]
                )
            found.append(records)
        return found

    @api.depends_context("uid", "lang")
    @api.depends(
        "year",
        "event_ids.date",
        "event_ids.name",
        "event_ids.kind",
        "event_ids.user_id",
    )
    def _compute_overview(self):
        cycles = self.filtered("year")
        (self - cycles).overview = False
        if not cycles:
            return
        plans, measures = cycles._kompetanse_deadlines()
        kinds = dict(
            self.env["kompetanse.cycle.event"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        for cycle in cycles:
            by_month = {month: [] for month in range(1, 13)}
            for event in cycle.event_ids.filtered("date"):
                last = event.date_stop or event.date
                # an event of several months shows in each
                for month in range(event.date.month, last.month + 1):
                    first = month == event.date.month
                    what = kinds.get(event.kind, "")
                    if event.date_end:
                        what = self.env._(
                            "%(kind)s, until %(day)s",
                            kind=what,
                            day=format_date(self.env, event.date_end),
                        )
                    by_month[month].append(
                        {
                            "day": event.date.day if first else 0,
                            "label": str(event.date.day) if first else "…",
                            "name": event.name,
                            "what": what,
                            "who": event.user_id.name or "",
                            "css": f"o_kompetanse_cycle_{event.kind}",
                        }
                    )
            deadlines = [
                (
                    plan.date_end,
                    plan.name,
                    self.env._("Unit plan ends"),
                    plan.department_id,
                )
                for plan in plans
                if plan.company_id == cycle.company_id
            ] + [
                (
                    measure.date_deadline,
                    measure.name,
                    self.env._("Measure deadline"),
                    measure.responsible_id,
                )
                for measure in measures
                if measure.company_id == cycle.company_id
            ]
            for day, name, what, who in deadlines:
                if day.year == cycle.year:
                    by_month[day.month].append(
                        {
                            "day": day.day,
                            "label": str(day.day),
                            "name": name,
                            "what": what,
                            "who": who.name or "",
                            "css": "o_kompetanse_cycle_deadline",
                        }
                    )
            months = [
                {
                    "name": format_date(
                        self.env, date(cycle.year, month, 1), date_format="LLLL"
                    ).capitalize(),
                    "items": sorted(items, key=lambda item: item["day"]),
                }
                for month, items in by_month.items()
            ]
            cycle.overview = self.env["ir.qweb"]._render(
                "kompetanse_module.kompetanse_cycle_overview",
                {"months": months},
            )

    def copy_data(self, default=None):
        # "Make Next Year" is how a cycle is carried on: a copy would clash
        # with its own year
        raise UserError(
            self.env._('Use "Make Next Year\'s Cycle" to carry an annual cycle on.')
        )

    @kompetanse_button
    def action_make_next_year(self):
        """The next year's cycle with the events a year on (their reminders
        still to come; the measures and plans of this year stay here)."""
        self.check_access("write")
        self.browse().check_access("create")
        made = self.browse()
        for cycle in self:
            year = cycle.year + 1
            if self.search_count(
                [("company_id", "=", cycle.company_id.id), ("year", "=", year)]
            ):
                raise UserError(
                    self.env._(
                        "%(company)s has an annual cycle for %(year)s already.",
                        company=cycle.company_id.name,
                        year=year,
                    )
                )
            name = cycle.name.replace(str(cycle.year), str(year))
            if name == cycle.name:
                name = f"{cycle.name} {year}"
            made |= self.create(
                {
                    "name": name,
                    "year": year,
                    "company_id": cycle.company_id.id,
                    "event_ids": [
                        fields.Command.create(event._kompetanse_next_year_values())
                        for event in cycle.event_ids
                    ],
                }
            )
        if len(made) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": made.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return True

    def action_open_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_cycle_event_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {
            "default_cycle_id": self.id,
            "initial_date": f"{self.year}-01-01",
        }
        return action


class KompetanseCycleEvent(models.Model):
    """A dated event of the årshjul, its responsible reminded ahead of it."""

    _name = "kompetanse.cycle.event"
    _description = "Annual Cycle Event"
    _inherit = ["kompetanse.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date, id"
    _check_company_auto = True
    _kompetanse_scope_fields = ("cycle_id",)

    cycle_id = fields.Many2one(
        "kompetanse.cycle",
        string="Annual Cycle",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(EVENT_KINDS, required=True, default="custom")
    date = fields.Date(required=True, tracking=True)
    date_end = fields.Date(string="Until")
    # the calendar's end: the last day, which moving the event in the
    # calendar writes back as its end
    date_stop = fields.Date(
        string="Last Day",
        compute="_compute_date_stop",
        inverse="_inverse_date_stop",
        store=True,
        readonly=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        # who is reminded must be able to open the event
        domain=lambda self: [
            ("share", "=", False),
            (
                "groups_id",
                "in",
                self.env.ref("kompetanse_module.kompetanse_group_user").ids,
            ),
        ],
        tracking=True,
    )
    reminder_days = fields.Integer(
        string="Remind Days Before",
        default=14,
        help="An activity for the responsible this many days before the event "
        "(0: none).",
    )
    reminded_on = fields.Date(
        readonly=True, copy=False, help="When the responsible was reminded (once)."
    )
    measure_ids = fields.Many2many(
        "kompetanse.measure",
        string="Measures",
        domain="[('company_id', '=', company_id)]",
        help="The competence measures this event concerns.",
    )
    plan_ids = fields.Many2many(
        "kompetanse.plan",
        string="Unit Plans",
        # who reads no unit plan reads the event without them
        groups="kompetanse_module.kompetanse_group_manager,"
        "kompetanse_module.kompetanse_group_top",
        domain="[('company_id', '=', company_id)]",
        help="The unit competence plans this event concerns.",
    )
    survey_ref = fields.Reference(
        selection="_selection_survey_ref",
        string="Survey",
        help="The Odoo survey of an employee survey, when the Surveys app is "
        "installed.",
    )
    note = fields.Html()
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        domain="[('company_id', 'in', [company_id, False])]",
        help="An appraisal round's units (their sub-units with them): "
        '"Create the Round\'s Appraisals" makes one for each of their '
        "employees.",
    )
    appraisal_ids = fields.One2many(
        "hr.appraisal", "kompetanse_cycle_event_id", string="Appraisals"
    )
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")

    @api.depends("appraisal_ids")
    def _compute_appraisal_count(self):
        counts = dict(
            self.env["hr.appraisal"]._read_group(
                [("kompetanse_cycle_event_id", "in", self.ids)],
                ["kompetanse_cycle_event_id"],
                ["__count"],
            )
        )
        for event in self:
            event.appraisal_count = counts.get(event._origin, 0)

    @kompetanse_button
    def action_create_appraisals(self):
        """An appraisal round: one appraisal for each active employee of its
        units and their sub-units who has a manager, with that manager, due at
        the round's end; run again, it makes only those still missing."""
        self.check_access("write")
        Appraisal = self.env["hr.appraisal"]
        for event in self:
            if event.kind != "appraisal" or not event.department_ids:
                raise UserError(
                    self.env._(
                        "%(name)s: an appraisal round with its units makes "
                        "appraisals.",
                        name=event.name,
                    )
                )
            employees = self.env["hr.employee"].search(
                [
                    ("department_id", "child_of", event.department_ids.ids),
                    ("company_id", "=", event.company_id.id),
                ]
            )
            have = set(
                Appraisal.with_context(active_test=False)
                .search([("kompetanse_cycle_event_id", "=", event.id)])
                .employee_id.ids
            )
            # as the system, once the round's keeper is checked: the round an
            # appraisal belongs to is the module's to set
            Appraisal.sudo().create(
                [
                    {
                        "created_by": self.env.uid,
                        "employee_id": employee.id,
                        "manager_ids": [
                            fields.Command.set((employee.parent_id - employee).ids)
                        ],
                        "date_close": event.date_end or event.date,
                        "kompetanse_cycle_event_id": event.id,
                    }
                    for employee in employees
                    # an appraisal is held with a manager
                    if employee.id not in have
                    and employee.parent_id
                    and employee.parent_id != employee
                ]
            )
        return self.action_open_appraisals() if len(self) == 1 else True

    def action_open_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_appraisal_oca.hr_appraisal_action_form"
        )
        action["domain"] = [("kompetanse_cycle_event_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        # grouped by the unit plans, Odoo leaves out the check of the field's
        # groups: who may not read the field does not group by it either
        names = {
            spec.split(":")[0].split(".")[0]
            for spec in (*groupby, *aggregates)
            if spec != "__count"
        }
        self.check_field_access_rights("read", sorted(names & set(self._fields)))
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)

    @api.depends("date", "date_end")
    def _compute_date_stop(self):
        for event in self:
            event.date_stop = event.date_end or event.date

    def _inverse_date_stop(self):
        for event in self:
            event.date_end = (
                event.date_stop
                if event.date_stop and event.date_stop != event.date
                else False
            )

    @api.model
    def _selection_survey_ref(self):
        # Surveys is optional: linked when installed, no dependency on it
        if "survey.survey" in self.env:
            return [("survey.survey", self.env["ir.model"]._get("survey.survey").name)]
        return []

    @api.constrains("date", "date_end", "cycle_id")
    def _check_in_year(self):
        for event in self:
            year = event.cycle_id.year
            if event.date.year != year or (
                event.date_end and event.date_end.year != year
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s is outside %(year)s, the year of its annual "
                        "cycle.",
                        name=event.name,
                        year=year,
                    )
                )
            if event.date_end and event.date_end < event.date:
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=event.name)
                )

    @api.constrains("reminder_days")
    def _check_reminder_days(self):
        for event in self:
            if not 0 <= event.reminder_days <= 365:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a reminder comes between 0 and 365 days before.",
                        name=event.name,
                    )
                )

    @api.constrains("survey_ref", "kind")
    def _check_survey(self):
        for event in self.filtered("survey_ref"):
            if event.kind != "survey":
                raise ValidationError(
                    self.env._(
                        "%(name)s: only an employee survey links a survey.",
                        name=event.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if isinstance(vals, dict) and {"date", "reminder_days"} & set(vals):
            # moved: the responsible is reminded again before the new date
            self.sudo().with_context(
                mail_activity_automation_skip=False
            ).activity_unlink([REMINDER_ACTIVITY])
            self.sudo().write({"reminded_on": False})
        return result

    @api.model
    def _kompetanse_next_year_day(self, day):
        """day a year on, on a working day: a Saturday to the Friday before, a
        Sunday to the Monday after, within the year."""
        following = day + relativedelta(years=1)
        shift = {5: -1, 6: 1}.get(following.weekday(), 0)
        moved = following + timedelta(days=shift)
        if moved.year != following.year:
            moved = following + timedelta(days=-2 if shift > 0 else 2)
        return moved

    def _kompetanse_next_year_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "kind": self.kind,
            "date": self._kompetanse_next_year_day(self.date),
            "date_end": self.date_end and self._kompetanse_next_year_day(self.date_end),
            "user_id": self.user_id.id,
            "reminder_days": self.reminder_days,
            "note": self.note,
            "department_ids": [fields.Command.set(self.department_ids.ids)],
        }

    @api.model
    def _cron_reminders(self, today=None):
        """Daily: an activity for the responsible of each event whose reminder
        day has come (as of today), once, in one create. Under the advisory
        lock, so two runs at once remind nobody twice."""
        if not try_cron_lock(self.env, REMINDER_LOCK):
            _logger.info("Annual cycle reminders: another run is at work, skipped.")
            return
        today = today or fields.Date.context_today(self)
        events = self.sudo().search(
            [
                ("reminded_on", "=", False),
                ("reminder_days", ">", 0),
                ("user_id", "!=", False),
                ("date", ">=", today),
                ("date", "<=", today + timedelta(days=365)),
            ]
        )
        events = events.filtered(
            lambda e: e.date - timedelta(days=e.reminder_days) <= today
        )
        if not events:
            return
        activity_type = self.env.ref(REMINDER_ACTIVITY)
        model_id = self.env["ir.model"]._get_id(self._name)
        values = [
            {
                "activity_type_id": activity_type.id,
                "summary": event.name,
                "date_deadline": event.date,
                "res_model_id": model_id,
                "res_id": event.id,
                "user_id": event.user_id.id,
                "automated": True,
            }
            for event in events
        ]
        # in one create; Odoo tells each responsible of their activity (a
        # reminder is one a day for a few events, not one per employee)
        self.env["mail.activity"].sudo().create(values)
        events.write({"reminded_on": today})
        _logger.info("Annual cycle reminders: %d sent.", len(events))
