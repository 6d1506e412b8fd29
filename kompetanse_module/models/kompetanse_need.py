# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .kompetanse_method import CATEGORIES
from .kompetanse_record_mixin import kompetanse_button

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
    # the reporter edits a draft; once submitted, HR may still write the reason
    # for a rejection and, in review, choose how the need is covered, which the
    # measure made on acceptance takes
    _kompetanse_editable_states = ("draft",)
    _kompetanse_state_fields = {
        "submitted": {"rejection_reason": GROUP_HR},
        "in_review": {
            "rejection_reason": GROUP_HR,
            "category": GROUP_HR,
            "method_id": GROUP_HR,
            "job_id": GROUP_HR,
        },
    }
    _kompetanse_deletable_states = ("draft", "rejected")
    _kompetanse_review_activity = "kompetanse_module.mail_activity_type_kompetanse_need"

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
        "hr.department",
        required=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
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
        domain="[('target_id.state', '=', 'approved')]",
    )
    description = fields.Text()
    urgency = fields.Selection(
        [("low", "Low"), ("normal", "Normal"), ("high", "High")],
        default="normal",
        required=True,
    )
    # the way to cover it is a method's category: one idea, one set of values
    category = fields.Selection(
        CATEGORIES,
        string="Proposed Way to Cover It",
        compute="_compute_category",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        default="develop",
        tracking=True,
        help="Developing the people already there comes first.",
    )
    method_id = fields.Many2one(
        "kompetanse.method",
        string="Proposed Method",
        domain="[('category', '=', category)]",
        tracking=True,
    )
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
        group_expand=True,
    )
    rejection_reason = fields.Text(copy=False)
    measure_id = fields.Many2one(
        "kompetanse.measure", readonly=True, copy=False, index="btree_not_null"
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        copy=False,
        check_company=True,
        index="btree_not_null",
        tracking=True,
        help="For a need to recruit for: the position it is recruited to. Left "
        "empty, accepting the need opens a new position.",
    )
    vulnerable_skill_ids = fields.Many2many(
        "hr.skill",
        string="Vulnerable Skills",
        compute="_compute_vulnerable_skill_ids",
        help="Skills of the need that the target picture requires and few people "
        "hold at the level: one leaving can take them.",
    )
    critical_skill_ids = fields.Many2many(
        "hr.skill",
        string="Critical Skills",
        compute="_compute_vulnerable_skill_ids",
        help="Vulnerable skills that are also scarce in the labour market.",
    )
    engagement_ids = fields.One2many(
        "kompetanse.engagement",
        "need_id",
        string="Engagements",
        readonly=True,
        groups="kompetanse_module.kompetanse_group_manager,"
        "kompetanse_module.kompetanse_group_top",
    )

    @api.depends("method_id")
    def _compute_category(self):
        for need in self:
            if need.method_id:
                need.category = need.method_id.category
            elif not need.category:
                need.category = "develop"

    @api.onchange("category")
    def _onchange_category(self):
        if self.method_id.category != self.category:
            self.method_id = False

    @api.constrains("target_line_ids")
    def _check_target_lines_approved(self):
        for record in self:
            record.target_line_ids._kompetanse_check_linkable(record)

    @api.constrains("category", "method_id")
    def _check_method_category(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        for need in self.filtered("method_id"):
            if need.method_id.category != need.category:
                raise ValidationError(
                    self.env._(
                        "%(need)s: the method %(method)s belongs to %(method_way)s, "
                        "not to %(way)s.",
                        need=need.name,
                        method=need.method_id.name,
                        method_way=labels[need.method_id.category],
                        way=labels[need.category],
                    )
                )

    @api.constrains("plan_id", "department_id")
    def _check_plan_unit(self):
        for need in self.filtered("plan_id"):
            if not need.plan_id.has_access("read"):
                raise AccessError(
                    self.env._(
                        "%(record)s can belong only to a plan you can read.",
                        record=need.name,
                    )
                )
        # as the system: the plan's unit may be above the user's
        for need in self.sudo().filtered("plan_id"):
            if not need.department_id._kompetanse_is_within(need.plan_id.department_id):
                raise ValidationError(
                    self.env._(
                        "%(need)s is for %(unit)s, which is not part of %(plan_unit)s, "
                        "the unit of the plan %(plan)s.",
                        need=need.name,
                        unit=need.department_id.name,
                        plan_unit=need.plan_id.department_id.name,
                        plan=need.plan_id.name,
                    )
                )

    @api.constrains("plan_id")
    def _check_plan_open(self):
        for need in self.sudo().filtered(lambda n: n.plan_id.state == "closed"):
            raise ValidationError(
                self.env._(
                    "The plan %(plan)s is closed: report %(need)s to a current one.",
                    plan=need.plan_id.name,
                    need=need.name,
                )
            )

    def _kompetanse_check_own_units(self):
        """A need is reported for the reporter's own unit or a unit they
        manage; HR decides on all. So nothing moves to another unit."""
        if self.env.su or self.env.user.has_group(GROUP_HR):
            return
        mine = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "=", self.env.uid)])
            .department_id
        )
        managed = self.env["hr.department"].search([("kompetanse_managed", "=", True)])
        for need in self:
            if need.department_id not in mine | managed:
                raise AccessError(
                    self.env._(
                        "You report needs for your own unit or the units you "
                        "manage, not for %(unit)s.",
                        unit=need.department_id.sudo().name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and isinstance(vals_list, list):
            for vals in vals_list:
                if isinstance(vals, dict) and vals.get("job_id"):
                    self._kompetanse_check_job_chooser()
        needs = super().create(vals_list)
        needs._kompetanse_check_own_units()
        return needs

    def _kompetanse_check_job_chooser(self):
        """The position recruited to is HR's choice: accepting the need adds
        one more to recruit there."""
        if not self.env.user.has_group(GROUP_HR):
            raise AccessError(
                self.env._("HR chooses the position a need is recruited to.")
            )

    def _kompetanse_check_write(self, vals):
        result = super()._kompetanse_check_write(vals)
        if "job_id" in vals:
            self._kompetanse_check_job_chooser()
        return result

    def write(self, vals):
        result = super().write(vals)
        if isinstance(vals, dict) and "department_id" in vals:
            self._kompetanse_check_own_units()
        return result

    @kompetanse_button
    def action_submit(self):
        self._kompetanse_set_state("submitted")
        self._kompetanse_ask_hr(lambda env: env._("Review the competence need"))
        return True

    @kompetanse_button
    def action_review(self):
        return self._kompetanse_set_state("in_review")

    @kompetanse_button
    def action_reset_draft(self):
        self._kompetanse_set_state("draft")
        self._kompetanse_withdraw()
        return True

    @kompetanse_button
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
        self._kompetanse_tell(
            lambda need: need.requested_by_id.partner_id,
            lambda need: Markup("<p>%s</p><p>%s</p>")
            % (self.env._("Rejected:"), need.rejection_reason),
        )
        return True

    @kompetanse_button
    def action_accept(self):
        """Accept the needs, each into a measure linked to it, by the method
        chosen or else the first method of the way to cover it."""
        self._kompetanse_check_transition("accepted")
        measure_model = self.env["kompetanse.measure"]
        values = [measure_model._prepare_from_need(need) for need in self]
        self._kompetanse_set_state("accepted")
        measures = measure_model.create(values)
        for need, measure in zip(self, measures, strict=True):
            need._kompetanse_write_system({"measure_id": measure.id})
        self.filtered(lambda need: need.category == "recruit")._kompetanse_open_jobs()
        self._kompetanse_tell(
            lambda need: need.requested_by_id.partner_id,
            lambda need: self.env._(
                "Accepted into the measure %(measure)s.", measure=need.measure_id.name
            ),
        )
        if len(self) == 1 and self.category == "hire_in":
            return self.action_new_engagement()
        if len(measures) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "kompetanse.measure",
                "res_id": measures.id,
                "view_mode": "form",
            }
        return True

    @api.depends("skill_ids", "target_line_ids")
    def _compute_vulnerable_skill_ids(self):
        """From the lines of approved target pictures of the needs' skills:
        one search, the lines' flags computed together."""
        lines = (
            self.env["kompetanse.target.line"]
            .sudo()
            .search(
                [
                    ("state", "=", "approved"),
                    "|",
                    ("skill_id", "in", self.skill_ids.ids),
                    ("id", "in", self.target_line_ids.ids),
                ]
            )
        )
        vulnerable = lines.filtered("is_vulnerable")
        for need in self:
            mine = vulnerable.filtered(
                lambda line, need=need: line.company_id == need.company_id
                and (line.skill_id in need.skill_ids or line in need.target_line_ids)
            )
            need.vulnerable_skill_ids = mine.skill_id
            need.critical_skill_ids = mine.filtered("is_critical").skill_id

    def _kompetanse_open_jobs(self):
        """Needs accepted to recruit: the position chosen, or a new one, serves
        the need and its target picture lines, and recruits one more."""
        Job = self.env["hr.job"].sudo()
        for need in self:
            job = need.job_id.sudo()
            if not job:
                job = Job.create(
                    {
                        "name": need.name,
                        "department_id": need.department_id.id,
                        "company_id": need.company_id.id,
                        "no_of_recruitment": 0,
                    }
                )
                need._kompetanse_write_system({"job_id": job.id})
            job.write(
                {
                    "no_of_recruitment": job.no_of_recruitment + 1,
                    "kompetanse_target_line_ids": [
                        Command.link(line.id) for line in need.target_line_ids
                    ],
                }
            )
            job.message_post(
                body=self.env._(
                    "Opened for the competence need %(need)s.", need=need.name
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_new_engagement(self):
        """An accepted need to hire in for: a new engagement, filled from it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "kompetanse.engagement",
            "view_mode": "form",
            "name": self.env._("Hire In"),
            "context": {
                "default_name": self.name,
                "default_need_id": self.id,
                "default_measure_id": self.measure_id.id,
                "default_department_id": self.department_id.id,
                "default_company_id": self.company_id.id,
                "default_skill_ids": self.skill_ids.ids,
                "default_target_line_ids": self.target_line_ids.ids,
            },
        }
