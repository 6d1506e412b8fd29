# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .kompetanse_record_mixin import kompetanse_button

GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"


class KompetanseArena(models.Model):
    """An arena for experience exchange across the units (G-HR-6): who owns
    it, its members and its sessions."""

    _name = "kompetanse.arena"
    _description = "Experience Arena"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "name, id"
    _check_company_auto = True
    # who owns it decides who keeps it: checked again after a write hands it on
    _kompetanse_scope_fields = ("company_id", "owner_id")

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    description = fields.Html()
    member_ids = fields.Many2many(
        "hr.employee",
        "kompetanse_arena_member_rel",
        "arena_id",
        "employee_id",
        string="Members",
        check_company=True,
    )
    skill_ids = fields.Many2many(
        "hr.skill", "kompetanse_arena_hr_skill_rel", "arena_id", "skill_id"
    )
    session_ids = fields.One2many("kompetanse.arena.session", "arena_id")
    session_count = fields.Integer(compute="_compute_session_count")

    @api.ondelete(at_uninstall=False)
    def _unlink_without_held_sessions(self):
        held = self.session_ids.filtered(lambda session: session.state == "held")
        if held:
            raise UserError(
                self.env._(
                    "%(arena)s has held sessions, in its participants' plans: "
                    "archive it instead of deleting it.",
                    arena=held[0].arena_id.name,
                )
            )

    def _compute_session_count(self):
        counts = dict(
            self.env["kompetanse.arena.session"]._read_group(
                [("arena_id", "in", self.ids)], ["arena_id"], ["__count"]
            )
        )
        for arena in self:
            arena.session_count = counts.get(arena._origin, 0)


class KompetanseArenaSession(models.Model):
    """A meeting of an arena: its topic, the skills shared, who presented and
    who took part. Held, it is a development activity (an arena) in each
    participant's plan."""

    _name = "kompetanse.arena.session"
    _description = "Arena Session"
    _inherit = ["kompetanse.state.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _kompetanse_scope_fields = ("arena_id",)
    _kompetanse_owner_field = "arena_id"
    _kompetanse_transitions = {"planned": {"held": None}}
    _kompetanse_editable_states = ("planned",)

    arena_id = fields.Many2one(
        "kompetanse.arena", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="arena_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    topic = fields.Char(required=True)
    skill_ids = fields.Many2many(
        "hr.skill",
        "kompetanse_arena_session_hr_skill_rel",
        "session_id",
        "skill_id",
        string="Skills Shared",
    )
    presenter_ids = fields.Many2many(
        "hr.employee",
        "kompetanse_arena_session_presenter_rel",
        "session_id",
        "employee_id",
        string="Presented By",
    )
    participant_ids = fields.Many2many(
        "hr.employee",
        "kompetanse_arena_session_participant_rel",
        "session_id",
        "employee_id",
        string="Participants",
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("participant_ids")
    def _compute_participant_count(self):
        for session in self:
            session.participant_count = len(session.participant_ids)

    @api.depends("arena_id", "topic")
    def _compute_display_name(self):
        for session in self:
            session.display_name = f"{session.arena_id.name}: {session.topic}"

    @api.constrains("date")
    def _check_date(self):
        for session in self:
            if session.date.year < 2000:
                raise ValidationError(
                    self.env._(
                        "%(date)s is not a day a session of %(arena)s was held.",
                        date=session.date,
                        arena=session.arena_id.name,
                    )
                )

    @api.constrains("participant_ids", "presenter_ids", "arena_id")
    def _check_company(self):
        for session in self:
            people = session.participant_ids | session.presenter_ids
            if people.company_id - session.company_id:
                raise ValidationError(
                    self.env._(
                        "%(session)s is of %(company)s: its people are too.",
                        session=session.display_name,
                        company=session.company_id.name,
                    )
                )

    @kompetanse_button
    def action_held(self):
        """Held: each participant and presenter finds it among the activities
        of the plan holding its day (one made for the year if none), once."""
        for session in self:
            if session.date > fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "%(session)s is in the future: set the day it was held.",
                        session=session.display_name,
                    )
                )
            if not session.participant_ids:
                raise UserError(
                    self.env._(
                        "Who took part in %(session)s? Add the participants first.",
                        session=session.display_name,
                    )
                )
        self._kompetanse_set_state("held")
        self._kompetanse_add_to_plans()
        return True

    def _kompetanse_add_to_plans(self):
        Development = self.env["kompetanse.development"].sudo()
        pairs = [
            (session, employee)
            for session in self
            for employee in session.participant_ids | session.presenter_ids
        ]
        plans = Development._kompetanse_plans_for(
            [(employee, session.date, None) for session, employee in pairs]
        )
        self.env["kompetanse.development.activity"].sudo().create(
            [
                {
                    "development_id": plan.id,
                    "name": session.display_name,
                    "kind": "arena",
                    "arena_session_id": session.id,
                    "date_start": session.date,
                    "date_end": session.date,
                    "state": "done",
                }
                for (session, _employee), plan in zip(pairs, plans, strict=True)
                if session not in plan.activity_line_ids.arena_session_id
            ]
        )
