# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from .kompetanse_record_mixin import kompetanse_button, notification

GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"
GROUP_HR = "kompetanse_module.kompetanse_group_hr"


class KompetansePlan(models.Model):
    """A unit's competence plan for a period, in line with the target picture
    (G-NL-1, G-NL-2)."""

    _name = "kompetanse.plan"
    _description = "Unit Competence Plan"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _kompetanse_transitions = {
        "draft": {"submitted": GROUP_MANAGER},
        "submitted": {"approved": GROUP_HR, "draft": GROUP_MANAGER},
        "approved": {"closed": GROUP_HR},
    }
    # the manager writes the draft; HR approves it as submitted or sends it
    # back; an approved plan stands, and its unit reports new needs to it
    _kompetanse_editable_states = ("draft",)
    _kompetanse_review_activity = "kompetanse_module.mail_activity_type_kompetanse_plan"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True
    )
    target_id = fields.Many2one(
        "kompetanse.target",
        string="Target Picture",
        check_company=True,
        domain="[('state', '=', 'approved')]",
        default=lambda self: self.env["kompetanse.target"].search(
            [("state", "=", "approved")], limit=1
        ),
    )
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    direction = fields.Html(
        string="Direction and Challenges",
        help="Where the unit is going, and how challenges and overarching "
        "guidelines affect its competence needs.",
    )
    involvement = fields.Html(
        string="Employee Involvement",
        help="How the employees were involved: when, who, what they said.",
    )
    involvement_date = fields.Date()
    union_involved = fields.Boolean(string="Union Representatives Involved")
    gap_ids = fields.One2many(
        "kompetanse.gap.report",
        compute="_compute_gap_ids",
        string="Gaps of the Unit",
    )
    need_ids = fields.One2many("kompetanse.need", "plan_id", string="Needs")
    measure_ids = fields.One2many("kompetanse.measure", "plan_id", string="Measures")
    need_count = fields.Integer(compute="_compute_counts")
    measure_count = fields.Integer(compute="_compute_counts")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted to HR"),
            ("approved", "Approved"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )

    @api.depends("department_id")
    def _compute_gap_ids(self):
        gaps = self.env["kompetanse.gap.report"].search(
            [
                ("department_id", "child_of", self.department_id.ids),
                ("gap", ">", 0),
                ("is_future", "=", False),
            ]
        )
        for plan in self:
            plan.gap_ids = gaps.filtered(
                lambda gap, plan=plan: gap.department_id.parent_path.startswith(
                    plan.department_id.parent_path or "-"
                )
            )

    @api.constrains("target_id")
    def _check_target_approved(self):
        # a plan follows an approved target picture (or one archived since): a
        # draft is not yet the organisation's, nor readable by the units
        for plan in self.filtered("target_id"):
            if plan.target_id.sudo().state == "draft":
                raise ValidationError(
                    self.env._(
                        "%(plan)s can follow an approved target picture only, not "
                        "a draft.",
                        plan=plan.name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self:
            if plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The plan %(name)s ends before it starts.", name=plan.name
                    )
                )

    @api.depends("need_ids", "measure_ids")
    def _compute_counts(self):
        needs = dict(
            self.env["kompetanse.need"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        measures = dict(
            self.env["kompetanse.measure"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.need_count = needs.get(plan, 0)
            plan.measure_count = measures.get(plan, 0)

    def _kompetanse_managers(self):
        """Who hears back from HR besides the plan's followers (its author
        among them): the unit's manager."""
        self.ensure_one()
        return self.department_id.manager_id.user_id.partner_id

    def _kompetanse_check_no_draft_needs(self):
        # the drafts the user sees: those the user may submit or delete
        for plan in self:
            drafts = plan.need_ids.filtered(lambda need: need.state == "draft")
            if drafts:
                raise UserError(
                    self.env._(
                        "The needs of %(plan)s are still drafts: %(needs)s. Submit "
                        "them to HR, or delete them, first.",
                        plan=plan.name,
                        needs=", ".join(drafts.mapped("name")),
                    )
                )

    @kompetanse_button
    def action_submit(self):
        self._kompetanse_check_transition("submitted")
        self._kompetanse_check_no_draft_needs()
        self._kompetanse_set_state("submitted")
        self._kompetanse_ask_hr(lambda env: env._("Approve the competence plan"))
        return True

    @kompetanse_button
    def action_back_to_draft(self):
        self._kompetanse_set_state("draft")
        self._kompetanse_withdraw()
        return True

    @kompetanse_button
    def action_approve(self):
        self._kompetanse_check_transition("approved")
        self._kompetanse_check_no_draft_needs()
        self._kompetanse_set_state("approved")
        self._kompetanse_tell(
            lambda plan: plan._kompetanse_managers(),
            lambda plan: self.env._("%(plan)s is approved.", plan=plan.name),
        )
        return True

    @kompetanse_button
    def action_close(self):
        return self._kompetanse_set_state("closed")

    @kompetanse_button
    def action_propose_needs(self):
        needs = self.env["kompetanse.need"]
        for plan in self:
            needs |= plan._propose_needs()
        if needs:
            message = self.env._(
                "%(count)s needs proposed from the gaps, as drafts: %(names)s.",
                count=len(needs),
                names=", ".join(needs.mapped("name")),
            )
        else:
            message = self.env._(
                "Nothing new to propose: every skill with a gap has a need already."
            )
        return notification(self.env._("Propose Needs from Gaps"), message, bool(needs))

    @kompetanse_button
    def action_open_needs(self):
        return self._kompetanse_open("kompetanse.need", self.env._("Needs"))

    @kompetanse_button
    def action_open_measures(self):
        return self._kompetanse_open("kompetanse.measure", self.env._("Measures"))

    def _kompetanse_open(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "domain": [("plan_id", "in", self.ids)],
            "context": {
                "default_plan_id": self.id,
                "default_department_id": self.department_id.id,
            }
            if len(self) == 1
            else {},
        }

    def _propose_needs(self):
        """One draft need per skill the unit lacks, from its current gaps, for
        the skills no need of the plan covers yet."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(plan)s is %(state)s: propose needs while it is a draft.",
                    plan=self.name,
                    state=self._kompetanse_state_label(self.state),
                )
            )
        self.check_access("write")
        by_skill = defaultdict(lambda: self.env["kompetanse.gap.report"])
        for gap in self.gap_ids:
            by_skill[gap.skill_id] |= gap
        covered = self.need_ids.skill_ids
        values = []
        for skill, gaps in by_skill.items():
            if skill in covered:
                continue
            # the target lines of the skill that cover where these people work:
            # the whole organisation, or a unit their department is part of
            lines = self.target_id.line_ids.filtered(
                lambda line, skill=skill, gaps=gaps: line.skill_id == skill
                and (
                    not line.department_id
                    or any(
                        gap.department_id._kompetanse_is_within(line.department_id)
                        for gap in gaps
                    )
                )
            )
            values.append(
                {
                    "name": self.env._("Close the gap in %(skill)s", skill=skill.name),
                    "plan_id": self.id,
                    "department_id": self.department_id.id,
                    "company_id": self.company_id.id,
                    "skill_ids": [Command.set(skill.ids)],
                    "target_line_ids": [Command.set(lines.ids)],
                    # counts, not names and levels: a need is read by more
                    # people than the gaps (the top leader, a measure's
                    # participants); the plan's gaps show who
                    "description": self.env._(
                        "People below the level their roles require in "
                        "%(skill)s: %(count)s (the plan's gaps show who).",
                        count=len(gaps.employee_id),
                        skill=skill.name,
                    ),
                    "category": "develop",
                }
            )
        return self.env["kompetanse.need"].create(values)
