# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KompetanseExitEvaluation(models.Model):
    """What a leaver tells HR (G-HR-4): why they leave, what would have kept
    them, and to whom their competence was handed over; one of the årshjul's
    exit evaluations. Individual: HR's alone."""

    _name = "kompetanse.exit.evaluation"
    _description = "Exit Evaluation"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _kompetanse_scope_fields = ("employee_id",)
    _kompetanse_owner_field = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee",
        string="Leaver",
        required=True,
        index=True,
        ondelete="cascade",
        context={"active_test": False},
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    departure_date = fields.Date(related="employee_id.departure_date")
    departure_reason_id = fields.Many2one(
        related="employee_id.departure_reason_id", string="Departure Reason"
    )
    date = fields.Date(
        string="Held On", required=True, default=fields.Date.context_today
    )
    cycle_event_id = fields.Many2one(
        "kompetanse.cycle.event",
        string="Annual Cycle",
        domain="[('kind', '=', 'exit')]",
        help="The årshjul's exit evaluations this one belongs to.",
    )
    reasons = fields.Text(string="Why They Leave")
    would_have_kept = fields.Text(string="What Would Have Kept Them")
    handover_ids = fields.One2many(
        "kompetanse.exit.handover", "evaluation_id", string="Competence Handed Over"
    )

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = self.env._(
                "Exit evaluation: %(name)s", name=evaluation.employee_id.name or ""
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for evaluation in self:
            if evaluation.date > today:
                raise ValidationError(
                    self.env._(
                        "The exit evaluation of %(name)s is dated in the future.",
                        name=evaluation.employee_id.name,
                    )
                )

    @api.constrains("cycle_event_id")
    def _check_cycle_event(self):
        for evaluation in self.filtered("cycle_event_id"):
            if evaluation.cycle_event_id.kind != "exit":
                raise ValidationError(
                    self.env._(
                        "%(event)s is not the årshjul's exit evaluations.",
                        event=evaluation.cycle_event_id.name,
                    )
                )


class KompetanseExitHandover(models.Model):
    """A competence a leaver handed over, and to whom."""

    _name = "kompetanse.exit.handover"
    _description = "Competence Handed Over"
    _inherit = ["kompetanse.record.mixin"]
    _order = "evaluation_id, id"
    _check_company_auto = True
    _kompetanse_scope_fields = ("evaluation_id",)
    _kompetanse_owner_field = "evaluation_id"

    evaluation_id = fields.Many2one(
        "kompetanse.exit.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    employee_id = fields.Many2one(
        "hr.employee", string="To Whom", required=True, check_company=True
    )
    note = fields.Char(string="How")

    @api.constrains("employee_id", "evaluation_id")
    def _check_receiver(self):
        for handover in self:
            if handover.employee_id == handover.evaluation_id.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot hand %(skill)s over to themselves.",
                        name=handover.employee_id.name,
                        skill=handover.skill_id.name,
                    )
                )
