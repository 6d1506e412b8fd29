# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL

from .kompetanse_record_mixin import kompetanse_button

GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"
MEASURE_STATES = [
    ("planned", "Planned"),
    ("running", "Running"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class KompetanseMeasure(models.Model):
    """Kompetansetiltak: the action plan register. Task assignments and
    cross-disciplinary teams or projects are measures too (G-NL-3, G-NL-4)."""

    _name = "kompetanse.measure"
    _description = "Competence Measure"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id desc"
    _check_company_auto = True

    _kompetanse_transitions = {
        "planned": {"running": GROUP_MANAGER, "cancelled": GROUP_MANAGER},
        "running": {"done": GROUP_MANAGER, "cancelled": GROUP_MANAGER},
        "cancelled": {"planned": GROUP_MANAGER},
    }
    # planned and running measures are worked on (participants join, costs are
    # known); a done measure keeps its effect as recorded, a cancelled one goes
    # back to planned to be changed
    _kompetanse_editable_states = ("planned", "running")
    _kompetanse_deletable_states = ("planned", "cancelled")

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    method_id = fields.Many2one(
        "kompetanse.method",
        required=True,
        tracking=True,
        default=lambda self: self.env["kompetanse.method"].search([], limit=1),
        help="Developing the people already there is offered first.",
    )
    category = fields.Selection(related="method_id.category", store=True)
    goal = fields.Text(help="What the measure shall achieve.")
    success_criteria = fields.Text()
    evaluation_method = fields.Text(
        string="How It Will Be Evaluated",
    )
    department_id = fields.Many2one("hr.department", check_company=True, tracking=True)
    employee_ids = fields.Many2many(
        "hr.employee",
        "kompetanse_measure_hr_employee_rel",
        "measure_id",
        "employee_id",
        string="Participants",
        check_company=True,
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    responsible_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_deadline = fields.Date(string="Deadline", tracking=True)
    cost_per_participant = fields.Monetary()
    cost_fixed = fields.Monetary(
        string="Fixed Cost", help="Costs that do not depend on the participants."
    )
    cost_total = fields.Monetary(
        string="Total Cost", compute="_compute_cost_total", store=True
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        "kompetanse_measure_hr_skill_rel",
        "measure_id",
        "skill_id",
        string="Skills Addressed",
    )
    target_line_ids = fields.Many2many(
        "kompetanse.target.line",
        "kompetanse_measure_target_line_rel",
        "measure_id",
        "line_id",
        string="Target Picture Lines",
        check_company=True,
        domain="[('target_id.state', '=', 'approved')]",
    )
    plan_id = fields.Many2one(
        "kompetanse.plan", check_company=True, index="btree_not_null"
    )
    need_ids = fields.One2many(
        "kompetanse.need", "measure_id", string="Needs", readonly=True
    )
    engagement_ids = fields.One2many(
        "kompetanse.engagement",
        "measure_id",
        string="Engagements",
        readonly=True,
        groups="kompetanse_module.kompetanse_group_manager,"
        "kompetanse_module.kompetanse_group_top",
    )
    state = fields.Selection(
        MEASURE_STATES,
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    effect_assessment = fields.Html(
        help="The written assessment of the effect, made on closing."
    )
    effect_ids = fields.One2many(
        "kompetanse.measure.effect", "measure_id", string="Effect", readonly=True
    )

    @api.depends("employee_ids")
    def _compute_participant_count(self):
        for measure in self:
            measure.participant_count = len(measure.employee_ids)

    @api.depends("cost_per_participant", "cost_fixed", "employee_ids")
    def _compute_cost_total(self):
        for measure in self:
            measure.cost_total = (
                measure.cost_fixed
                + measure.cost_per_participant * len(measure.employee_ids)
            )

    @api.constrains("target_line_ids")
    def _check_target_lines_approved(self):
        for record in self:
            record.target_line_ids._kompetanse_check_linkable(record)

    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for measure in self:
            if (
                measure.date_start
                and measure.date_deadline
                and measure.date_deadline < measure.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The measure %(name)s has its deadline before its start.",
                        name=measure.name,
                    )
                )

    @api.constrains("cost_per_participant", "cost_fixed")
    def _check_costs(self):
        for measure in self:
            if measure.cost_per_participant < 0 or measure.cost_fixed < 0:
                raise ValidationError(
                    self.env._(
                        "The costs of the measure %(name)s cannot be negative.",
                        name=measure.name,
                    )
                )

    @api.constrains("plan_id", "department_id")
    def _check_plan_unit(self):
        for measure in self.filtered("plan_id"):
            if not measure.plan_id.has_access("read"):
                raise AccessError(
                    self.env._(
                        "%(record)s can belong only to a plan you can read.",
                        record=measure.name,
                    )
                )
        # as the system: the plan's unit may be above the user's
        for measure in self.sudo().filtered("plan_id"):
            if not measure.department_id._kompetanse_is_within(
                measure.plan_id.department_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(measure)s must be for %(plan_unit)s or one of its "
                        "sub-units to belong to the plan %(plan)s.",
                        measure=measure.name,
                        plan_unit=measure.plan_id.department_id.name,
                        plan=measure.plan_id.name,
                    )
                )

    @api.constrains("plan_id")
    def _check_plan_open(self):
        for measure in self.sudo().filtered(lambda m: m.plan_id.state == "closed"):
            raise ValidationError(
                self.env._(
                    "The plan %(plan)s is closed: link %(measure)s to a current one.",
                    plan=measure.plan_id.name,
                    measure=measure.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        measures = super().create(vals_list)
        self.env["kompetanse.development"]._kompetanse_add_measure(
            measures.filtered("employee_ids")
        )
        return measures

    def write(self, vals):
        result = super().write(vals)
        if isinstance(vals, dict) and "employee_ids" in vals:
            # who joins finds the measure in their development plan (G-NL-3);
            # who leaves it finds its activity cancelled
            self.env["kompetanse.development"]._kompetanse_add_measure(self)
            activities = (
                self.env["kompetanse.development.activity"]
                .sudo()
                .search(
                    [
                        ("measure_id", "in", self.ids),
                        ("state", "in", ("planned", "running")),
                    ]
                )
            )
            activities.filtered(
                lambda a: a.employee_id not in a.measure_id.employee_ids
            ).write({"state": "cancelled"})
        return result

    @kompetanse_button
    def action_start(self):
        return self._kompetanse_set_state("running")

    @kompetanse_button
    def action_cancel(self):
        return self._kompetanse_set_state("cancelled")

    @kompetanse_button
    def action_reset(self):
        return self._kompetanse_set_state("planned")

    @kompetanse_button
    def action_done(self):
        """Close the measure with its effect: the participants' levels in the
        addressed skills before it started and now, from the skill log."""
        for measure in self:
            if (
                not measure.effect_assessment
                or not measure.effect_assessment.striptags()
            ):
                raise UserError(
                    self.env._(
                        "Write the assessment of the effect of %(name)s before "
                        "closing it.",
                        name=measure.name,
                    )
                )
        self._kompetanse_set_state("done")
        self.sudo()._create_effects()
        return True

    def _create_effects(self):
        measures = self.filtered(lambda m: m.employee_ids and m.skill_ids)
        if not measures:
            return
        self.env["hr.employee.skill.log"].flush_model()
        self.env["hr.employee.skill"].flush_model()
        # the last logged level before the start, and the level now, for every
        # participant and addressed skill, in one query
        self.env.cr.execute(
            SQL(
                """
            SELECT measure.id, emp.employee_id, skill.skill_id,
                   (SELECT log.level_progress
                      FROM hr_employee_skill_log log
                     WHERE log.employee_id = emp.employee_id
                       AND log.skill_id = skill.skill_id
                       AND log.date < COALESCE(measure.date_start, CURRENT_DATE)
                  ORDER BY log.date DESC
                     LIMIT 1),
                   (SELECT level.level_progress
                      FROM hr_employee_skill eskill
                      JOIN hr_skill_level level ON level.id = eskill.skill_level_id
                     WHERE eskill.employee_id = emp.employee_id
                       AND eskill.skill_id = skill.skill_id
                  ORDER BY level.level_progress DESC
                     LIMIT 1)
              FROM kompetanse_measure measure
              JOIN kompetanse_measure_hr_employee_rel emp
                ON emp.measure_id = measure.id
              JOIN kompetanse_measure_hr_skill_rel skill
                ON skill.measure_id = measure.id
             WHERE measure.id IN %s
                """,
                tuple(measures.ids),
            )
        )
        rows = self.env.cr.fetchall()
        measures.effect_ids.unlink()
        self.env["kompetanse.measure.effect"].create(
            [
                {
                    "measure_id": measure_id,
                    "employee_id": employee_id,
                    "skill_id": skill_id,
                    # nothing logged before the start is unknown, not 0
                    "before_known": before is not None,
                    "progress_before": before or 0,
                    "progress_after": after or 0,
                }
                for measure_id, employee_id, skill_id, before, after in rows
            ]
        )

    @api.model
    def _prepare_from_need(self, need):
        """A measure's values from an accepted need: its method, or else the
        first method of the way it is to be covered (never another way)."""
        method = need.method_id or self.env["kompetanse.method"].search(
            [("category", "=", need.category)], limit=1
        )
        if not method:
            labels = dict(need._fields["category"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "No method for %(way)s exists to accept %(need)s with; HR adds "
                    "one under Plans and Measures > Methods.",
                    way=labels[need.category],
                    need=need.name,
                )
            )
        values = {
            "name": need.name,
            "department_id": need.department_id.id,
            "skill_ids": [Command.set(need.skill_ids.ids)],
            "target_line_ids": [Command.set(need.target_line_ids.ids)],
            "goal": need.description,
            "plan_id": need.plan_id.id,
            "company_id": need.company_id.id,
            "method_id": method.id,
        }
        return values


class KompetanseMeasureEffect(models.Model):
    """A participant's level in an addressed skill before and after a measure:
    individual competence, recorded by closing the measure and never by hand."""

    _name = "kompetanse.measure.effect"
    _inherit = ["kompetanse.record.mixin"]
    _description = "Competence Measure Effect"
    _order = "measure_id, employee_id, skill_id"

    measure_id = fields.Many2one(
        "kompetanse.measure", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    before_known = fields.Boolean(
        string="Level Before Known",
        help="The skill log has a level from before the measure started; when "
        "it has not, the level before is unknown and no change is counted.",
    )
    # an average would count the unknown levels as 0: no aggregate
    progress_before = fields.Integer(string="Level Before (%)", aggregator=None)
    progress_after = fields.Integer(string="Level After (%)", aggregator="avg")
    progress_change = fields.Integer(
        string="Change (points)",
        compute="_compute_progress_change",
        store=True,
        aggregator=None,
    )

    @api.depends("progress_before", "progress_after", "before_known")
    def _compute_progress_change(self):
        for effect in self:
            effect.progress_change = (
                effect.progress_after - effect.progress_before
                if effect.before_known
                else 0
            )
