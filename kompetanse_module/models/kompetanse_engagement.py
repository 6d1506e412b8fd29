# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kompetanse_record_mixin import boolean_search, kompetanse_button

GROUP_HR = "kompetanse_module.kompetanse_group_hr"


class KompetanseEngagement(models.Model):
    """Innleie: competence hired in from a supplier for a period, justified by
    a need, a gap or a target picture line (G-HR-2), with a plan to transfer
    what the consultant knows to the unit, assessed when it ends."""

    _name = "kompetanse.engagement"
    _description = "Hiring-in Engagement"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _kompetanse_transitions = {
        "planned": {"running": GROUP_HR, "cancelled": GROUP_HR},
        "running": {"ended": GROUP_HR, "cancelled": GROUP_HR},
        "cancelled": {"planned": GROUP_HR},
    }
    _kompetanse_editable_states = ("planned", "running")
    # the assessment of the knowledge transfer is written as it ends
    _kompetanse_state_fields = {
        "ended": {"transfer_result": GROUP_HR, "transfer_note": GROUP_HR},
    }
    _kompetanse_deletable_states = ("planned", "cancelled")

    name = fields.Char(string="Assignment", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        tracking=True,
        check_company=True,
    )
    person = fields.Char(
        string="Consultant", help="Who the supplier sends, as the contract names them."
    )
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True
    )
    responsible_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        "kompetanse_engagement_hr_skill_rel",
        "engagement_id",
        "skill_id",
        string="Skills",
    )
    target_line_ids = fields.Many2many(
        "kompetanse.target.line",
        "kompetanse_engagement_target_line_rel",
        "engagement_id",
        "line_id",
        string="Target Picture Lines",
        check_company=True,
        domain="[('target_id.state', '=', 'approved')]",
    )
    need_id = fields.Many2one(
        "kompetanse.need", string="Need", check_company=True, index="btree_not_null"
    )
    measure_id = fields.Many2one(
        "kompetanse.measure",
        string="Measure",
        check_company=True,
        index="btree_not_null",
    )
    interview_template_id = fields.Many2one(
        "kompetanse.interview.template",
        string="Interview Template",
        check_company=True,
        help="The interview guide the consultant was chosen by, as for a "
        "recruitment.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    cost_type = fields.Selection(
        [("rate", "Hourly Rate"), ("fixed", "Fixed Price")],
        required=True,
        default="rate",
    )
    rate = fields.Monetary(string="Hourly Rate")
    hours = fields.Float()
    amount_fixed = fields.Monetary(string="Fixed Price")
    cost = fields.Monetary(compute="_compute_cost", store=True)
    transfer_ids = fields.One2many(
        "kompetanse.engagement.transfer",
        "engagement_id",
        string="Knowledge Transfer",
        copy=True,
    )
    transfer_result = fields.Selection(
        [("done", "Done"), ("partly", "Partly"), ("not", "Not Done")],
        string="Transfer Assessed",
        copy=False,
        tracking=True,
    )
    transfer_note = fields.Text(string="Assessment", copy=False)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("running", "Running"),
            ("ended", "Ended"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    is_overdue = fields.Boolean(
        string="Past Its End",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="The engagement has run past its end and is not ended with its "
        "knowledge transfer assessed.",
    )

    @api.depends("cost_type", "rate", "hours", "amount_fixed")
    def _compute_cost(self):
        for engagement in self:
            if engagement.cost_type == "fixed":
                engagement.cost = engagement.amount_fixed
            else:
                engagement.cost = engagement.rate * engagement.hours

    @api.depends_context("tz")
    @api.depends("state", "date_end")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for engagement in self:
            engagement.is_overdue = (
                engagement.state in ("planned", "running")
                and bool(engagement.date_end)
                and engagement.date_end < today
            )

    def _search_is_overdue(self, operator, value):
        domain = [
            ("state", "in", ("planned", "running")),
            ("date_end", "<", fields.Date.context_today(self)),
        ]
        return boolean_search(
            self.env, self.env._("Past Its End"), operator, value, domain
        )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for engagement in self:
            if engagement.date_end < engagement.date_start:
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=engagement.name)
                )

    @api.constrains("rate", "hours", "amount_fixed")
    def _check_cost(self):
        for engagement in self:
            if min(engagement.rate, engagement.hours, engagement.amount_fixed) < 0:
                raise ValidationError(
                    self.env._(
                        "The rate, hours and price of %(name)s cannot be negative.",
                        name=engagement.name,
                    )
                )

    @kompetanse_button
    def action_start(self):
        return self._kompetanse_set_state("running")

    def _kompetanse_check_assessed(self):
        """An ended engagement has its knowledge transfer assessed, with a
        note unless it was done."""
        for engagement in self:
            if not engagement.transfer_result:
                raise ValidationError(
                    self.env._(
                        "Assess the knowledge transfer of %(name)s before ending it: "
                        "done, partly or not.",
                        name=engagement.name,
                    )
                )
            if (
                engagement.transfer_result != "done"
                and not (engagement.transfer_note or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Say what of the knowledge transfer of %(name)s was not "
                        "done, and what follows from it.",
                        name=engagement.name,
                    )
                )

    @api.constrains("state", "transfer_result", "transfer_note")
    def _check_assessed(self):
        self.filtered(lambda e: e.state == "ended")._kompetanse_check_assessed()

    @kompetanse_button
    def action_end(self):
        """End it: the knowledge transfer is assessed first."""
        self._kompetanse_check_transition("ended")
        self._kompetanse_check_assessed()
        return self._kompetanse_set_state("ended")

    @kompetanse_button
    def action_cancel(self):
        return self._kompetanse_set_state("cancelled")

    @kompetanse_button
    def action_reset(self):
        return self._kompetanse_set_state("planned")


class KompetanseEngagementTransfer(models.Model):
    """What a consultant hands over, to whom, by when."""

    _name = "kompetanse.engagement.transfer"
    _description = "Knowledge Transfer"
    _inherit = ["kompetanse.record.mixin"]
    _order = "date_deadline, id"
    _kompetanse_scope_fields = ("engagement_id",)
    _kompetanse_owner_field = "engagement_id"
    _kompetanse_parent_field = "transfer_ids"

    engagement_id = fields.Many2one(
        "kompetanse.engagement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="engagement_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee", string="To Whom", required=True, check_company=True
    )
    name = fields.Char(string="What", required=True)
    date_deadline = fields.Date(string="By")
    done = fields.Boolean()

    @api.constrains("date_deadline")
    def _check_deadline(self):
        for transfer in self.filtered("date_deadline"):
            engagement = transfer.engagement_id
            if transfer.date_deadline < engagement.date_start:
                raise ValidationError(
                    self.env._(
                        "The knowledge transfer %(what)s is due before %(name)s "
                        "starts.",
                        what=transfer.name,
                        name=engagement.name,
                    )
                )
