# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kompetanse_measure import MEASURE_STATES
from .kompetanse_record_mixin import kompetanse_button, notification

# why a goal: the gap of a role held now or to come, the målbilde, or a wish
REASONS = [
    ("role", "Gap of a current role"),
    ("future_role", "Future role"),
    ("target", "Target picture"),
    ("wish", "Own wish"),
    ("conversation", "Agreed in a conversation"),
    ("appraisal", "Assessed in an appraisal"),
]
# the 70-20-10 kinds of an agreed activity
ACTIVITY_KINDS = [
    ("task", "Task assignment"),
    ("team", "Team or project"),
    ("mentoring", "Mentoring"),
    ("arena", "Arena"),
    ("course", "Course"),
]


class KompetanseDevelopment(models.Model):
    """An employee's individual development plan for a period: goals (skill
    and target level) and the activities agreed to reach them (G-NL-3,
    G-NL-4, G-NL-5). Individual competence: the employee reads it and
    comments, the manager chain and HR keep it."""

    _name = "kompetanse.development"
    _description = "Individual Development Plan"
    _inherit = ["kompetanse.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # the employee comments the plan they may only read
    _mail_post_access = "read"
    # whose plan it is decides who sees it: checked again after a write
    _kompetanse_scope_fields = ("company_id", "employee_id")
    # a plan is one person's: it does not move to another
    _kompetanse_owner_field = "employee_id"

    name = fields.Char(compute="_compute_name", store=True)
    # the company is the employee's (no company to check the choice against)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End", required=True)
    goal_ids = fields.One2many(
        "kompetanse.development.goal", "development_id", string="Goals"
    )
    activity_line_ids = fields.One2many(
        "kompetanse.development.activity",
        "development_id",
        string="Development Activities",
    )
    progress = fields.Float(
        compute="_compute_progress",
        help="The goals' progress, on average: how far the employee's levels "
        "have come towards the levels aimed at.",
    )
    goal_count = fields.Integer(compute="_compute_progress")
    goals_met = fields.Integer(compute="_compute_progress")

    @api.depends("employee_id.name", "date_start", "date_end")
    def _compute_name(self):
        for plan in self:
            years = sorted(
                {date.year for date in (plan.date_start, plan.date_end) if date}
            )
            period = "–".join(str(year) for year in years)
            plan.name = f"{plan.employee_id.name or ''} {period}".strip()

    @api.depends("goal_ids.progress", "goal_ids.is_met")
    def _compute_progress(self):
        for plan in self:
            goals = plan.goal_ids
            plan.goal_count = len(goals)
            plan.goals_met = len(goals.filtered("is_met"))
            plan.progress = sum(goals.mapped("progress")) / len(goals) if goals else 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self.filtered(lambda p: p.date_start and p.date_end):
            if plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The development plan %(name)s ends before it starts.",
                        name=plan.name,
                    )
                )
        self.goal_ids._check_deadline()

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        # the measures the employee already takes part in join the new plan
        measures = self.env["kompetanse.measure"].search(
            [
                ("employee_ids", "in", plans.employee_id.ids),
                ("category", "=", "develop"),
                ("state", "in", ("planned", "running")),
            ]
        )
        self._kompetanse_add_measure(measures)
        return plans

    def _kompetanse_owner_message(self):
        return self.env._(
            "A development plan stays with its employee; make a new plan for another."
        )

    @kompetanse_button
    def action_propose_goals(self):
        """One goal per skill the employee's roles require above their level,
        never twice the same skill in a plan."""
        self.check_access("write")
        goal_model = self.env["kompetanse.development.goal"]
        values = []
        # the gaps of all the plans' employees, in one search
        all_gaps = self.env["kompetanse.gap.report"].search(
            [("employee_id", "in", self.employee_id.ids), ("gap", ">", 0)]
        )
        gaps_by_employee = all_gaps.grouped("employee_id")
        for plan in self:
            gaps = gaps_by_employee.get(plan.employee_id, all_gaps.browse())
            have = set(plan.goal_ids.skill_id.ids)
            # a current role's gap first, then a future role's
            for gap in gaps.sorted(lambda g: (g.is_future, g.skill_id.name)):
                if gap.skill_id.id in have:
                    continue
                level = gap.skill_id.skill_type_id.skill_level_ids.filtered(
                    lambda lv, gap=gap: lv.level_progress >= gap.required_progress
                ).sorted("level_progress")[:1]
                if not level:
                    continue
                have.add(gap.skill_id.id)
                values.append(
                    {
                        "development_id": plan.id,
                        "skill_id": gap.skill_id.id,
                        "level_id": level.id,
                        "reason": "future_role" if gap.is_future else "role",
                        "deadline": plan.date_end,
                    }
                )
        goals = goal_model.create(values)
        if goals:
            message = self.env._(
                "Goals proposed from the gaps: %(skills)s.",
                skills=", ".join(goal.skill_id.name for goal in goals),
            )
        else:
            message = self.env._(
                "Nothing new to propose: every skill with a gap has a goal already."
            )
        return notification(self.env._("Propose Goals from Gaps"), message, bool(goals))

    @api.model
    def _kompetanse_plans_for(self, wanted, create=True):
        """For each (employee, day, last deadline) of wanted, the plan the
        user keeps that holds the day (the latest begun); with create, one is
        made for the day's year (to the last deadline) when there is none.
        One search for all."""
        plans = self.search(
            [("employee_id", "in", list({employee.id for employee, *_ in wanted}))],
            order="date_start desc, id desc",
        )._filtered_access("write")
        found = []
        for employee, day, until in wanted:
            plan = plans.filtered(
                lambda p, e=employee, d=day: p.employee_id == e
                and p.date_start <= d <= p.date_end
            )[:1]
            if not plan and create:
                end = day.replace(month=12, day=31)
                plan = self.create(
                    {
                        "employee_id": employee.id,
                        "date_start": day.replace(month=1, day=1),
                        "date_end": max(end, until or end),
                    }
                )
                plans |= plan
            found.append(plan)
        return found

    @api.model
    def _kompetanse_add_measure(self, measures):
        """A measure's participants find it among the activities of their
        current plan (once)."""
        today = fields.Date.context_today(self)
        # development measures: recruiting or phasing out is no one's activity
        measures = measures.filtered(lambda m: m.category == "develop")
        if not measures:
            return
        # the plans the writer keeps (the system's are all) of all the
        # participants, in one search
        pairs = [
            (measure, employee)
            for measure in measures
            for employee in measure.employee_ids
        ]
        plans = self._kompetanse_plans_for(
            [
                (employee, measure.date_start or today, None)
                for measure, employee in pairs
            ],
            create=False,
        )
        values = [
            {
                "development_id": plan.id,
                "name": measure.name,
                "measure_id": measure.id,
                "kind": measure.method_id._kompetanse_activity_kind(),
                "date_start": measure.date_start,
                "date_end": measure.date_deadline,
            }
            for (measure, _employee), plan in zip(pairs, plans, strict=True)
            if plan and measure not in plan.activity_line_ids.measure_id
        ]
        self.env["kompetanse.development.activity"].create(values)


class KompetanseDevelopmentLine(models.AbstractModel):
    """What goals and activities share: the plan they belong to, whose
    employee decides who sees them (the record rules), checked again when a
    line moves to another plan."""

    _name = "kompetanse.development.line"
    _inherit = ["kompetanse.record.mixin"]
    _description = "Development Plan Line"
    _kompetanse_scope_fields = ("development_id",)

    development_id = fields.Many2one(
        "kompetanse.development",
        string="Development Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(related="development_id.employee_id", store=True)
    company_id = fields.Many2one(related="development_id.company_id", store=True)


class KompetanseDevelopmentGoal(models.Model):
    """A goal of a development plan: a skill and the level aimed at, by when
    and why."""

    _name = "kompetanse.development.goal"
    _inherit = ["kompetanse.skill.requirement", "kompetanse.development.line"]
    _description = "Development Goal"
    _order = "development_id, deadline, id"

    level_id = fields.Many2one(string="Target Level")
    deadline = fields.Date()
    reason = fields.Selection(REASONS, required=True, default="wish")
    target_line_id = fields.Many2one(
        "kompetanse.target.line",
        string="Target Picture Line",
        domain="[('skill_id', '=', skill_id), ('target_id.state', '=', 'approved')]",
    )
    note = fields.Text()
    current_progress = fields.Integer(
        string="Level Now (%)",
        compute="_compute_progress",
        help="The employee's level in the skill now, from their skills.",
    )
    progress = fields.Float(string="Goal Progress", compute="_compute_progress")
    is_met = fields.Boolean(string="Met", compute="_compute_progress")

    @api.depends("skill_id.name", "level_id.name")
    def _compute_display_name(self):
        for goal in self:
            goal.display_name = f"{goal.skill_id.name} ({goal.level_id.name})"

    @api.depends(
        "employee_id.employee_skill_ids.skill_level_id.level_progress",
        "skill_id",
        "level_id.level_progress",
    )
    def _compute_progress(self):
        for goal in self:
            levels = (
                goal.employee_id.sudo()
                .employee_skill_ids.filtered(
                    lambda es, goal=goal: es.skill_id == goal.skill_id
                )
                .skill_level_id
            )
            now = max(levels.mapped("level_progress") or [0])
            aim = goal.level_id.level_progress
            goal.current_progress = now
            goal.is_met = bool(goal.level_id) and now >= aim
            goal.progress = (
                100.0 if goal.is_met else (100.0 * now / aim if aim else 0.0)
            )

    @api.constrains("deadline", "development_id")
    def _check_deadline(self):
        for goal in self.filtered("deadline"):
            plan = goal.development_id
            if not plan.date_start <= goal.deadline <= plan.date_end:
                raise ValidationError(
                    self.env._(
                        "%(skill)s: the deadline is outside the plan's period.",
                        skill=goal.skill_id.name,
                    )
                )

    @api.constrains("target_line_id")
    def _check_target_line(self):
        # a line of an approved target picture (or one archived since): a
        # draft is not yet the organisation's, nor readable by the units
        for goal in self.filtered("target_line_id"):
            line = goal.target_line_id.sudo()
            if line.target_id.state == "draft" or line.skill_id != goal.skill_id:
                raise ValidationError(
                    self.env._(
                        "%(skill)s: the goal can follow a line of an approved "
                        "target picture for the same skill only.",
                        skill=goal.skill_id.name,
                    )
                )

    @api.constrains("skill_id", "development_id")
    def _check_duplicate(self):
        for plan in self.development_id:
            skills = plan.goal_ids.skill_id
            if len(skills) != len(plan.goal_ids):
                raise ValidationError(
                    self.env._(
                        "%(plan)s already has a goal for this skill.", plan=plan.name
                    )
                )


class KompetanseDevelopmentActivity(models.Model):
    """An activity agreed in a development plan, of a 70-20-10 kind, perhaps
    part of a measure."""

    _name = "kompetanse.development.activity"
    _inherit = ["kompetanse.development.line"]
    _description = "Development Activity"
    _order = "development_id, date_start, id"

    name = fields.Char(required=True)
    kind = fields.Selection(ACTIVITY_KINDS, required=True, default="task")
    goal_id = fields.Many2one(
        "kompetanse.development.goal",
        domain="[('development_id', '=', development_id)]",
        ondelete="set null",
    )
    measure_id = fields.Many2one("kompetanse.measure", ondelete="set null")
    arena_session_id = fields.Many2one(
        "kompetanse.arena.session", string="Arena Session", ondelete="set null"
    )
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    # an activity runs as a measure does
    state = fields.Selection(MEASURE_STATES, default="planned", required=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for activity in self:
            if (
                activity.date_start
                and activity.date_end
                and activity.date_end < activity.date_start
            ):
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=activity.name)
                )

    @api.constrains("measure_id", "development_id")
    def _check_measure_of_employee(self):
        # a measure the employee takes part in and the writer may read
        self.measure_id.check_access("read")
        for activity in self.filtered("measure_id"):
            if activity.employee_id not in activity.measure_id.sudo().employee_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(employee)s does not take part in that measure.",
                        name=activity.name,
                        employee=activity.employee_id.name,
                    )
                )

    @api.constrains("goal_id", "development_id")
    def _check_goal_of_plan(self):
        for activity in self.filtered("goal_id"):
            if activity.goal_id.development_id != activity.development_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the goal belongs to another plan.",
                        name=activity.name,
                    )
                )
