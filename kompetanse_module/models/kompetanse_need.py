# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

GROUP_HR = "kompetanse_module.kompetanse_group_hr"


class KompetanseNeed(models.Model):
    """A competence need or proposed measure a manager reports to HR (G-NL-7);
    also a need for a tool or process support, with who was consulted (G-HR-7,
    G-HR-8)."""

    _name = "kompetanse.need"
    _description = "Competence Need"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _kompetanse_transitions = {
        "draft": {"submitted": None},
        "submitted": {"in_review": GROUP_HR, "rejected": GROUP_HR},
        "in_review": {"accepted": GROUP_HR, "rejected": GROUP_HR},
        "rejected": {"draft": None},
    }

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    need_type = fields.Selection(
        [
            ("competence", "Competence"),
            ("tool", "Tool"),
            ("process", "Process support"),
        ],
        string="Type",
        default="competence",
        required=True,
    )
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        "kompetanse_need_hr_skill_rel",
        "need_id",
        "skill_id",
        string="Skills",
    )
    target_line_ids = fields.Many2many(
        "kompetanse.target.line",
        "kompetanse_need_target_line_rel",
        "need_id",
        "line_id",
        string="Target Picture Lines",
        check_company=True,
    )
    description = fields.Text()
    urgency = fields.Selection(
        [("low", "Low"), ("normal", "Normal"), ("high", "High")],
        default="normal",
        required=True,
    )
    cover = fields.Selection(
        [
            ("develop", "Develop the employees"),
            ("mobility", "Internal mobility"),
            ("recruit", "Recruit"),
            ("hire_in", "Hire in"),
        ],
        string="Proposed Way to Cover It",
        default="develop",
        required=True,
        help="Developing the people already there comes first (G-0-2).",
    )
    method_id = fields.Many2one("kompetanse.method", string="Proposed Method")
    consulted = fields.Text(
        string="Who Was Consulted",
        help="User involvement: the employees, users or representatives heard.",
    )
    plan_id = fields.Many2one(
        "kompetanse.plan", check_company=True, index="btree_not_null"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("in_review", "In Review"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    rejection_reason = fields.Text(copy=False)
    measure_id = fields.Many2one(
        "kompetanse.measure", readonly=True, copy=False, index="btree_not_null"
    )

    def action_submit(self):
        return self._kompetanse_set_state("submitted")

    def action_review(self):
        return self._kompetanse_set_state("in_review")

    def action_reset_draft(self):
        return self._kompetanse_set_state("draft")

    def action_reject(self):
        for need in self:
            if not (need.rejection_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for rejecting %(name)s: the manager "
                        "reads it.",
                        name=need.name,
                    )
                )
        self._kompetanse_set_state("rejected")
        for need in self:
            need.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (self.env._("Rejected:"), need.rejection_reason),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_accept(self):
        """Accept the needs, each into a measure linked to it."""
        self._kompetanse_set_state("accepted")
        measure_model = self.env["kompetanse.measure"]
        measures = measure_model.create(
            [measure_model._prepare_from_need(need) for need in self]
        )
        for need, measure in zip(self, measures, strict=True):
            need.measure_id = measure
            need.message_post(
                body=self.env._(
                    "Accepted into the measure %(measure)s.", measure=measure.name
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        if len(measures) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "kompetanse.measure",
                "res_id": measures.id,
                "view_mode": "form",
            }
        return True
