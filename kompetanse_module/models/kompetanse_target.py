# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL
from odoo.tools.misc import format_date

from .kompetanse_market import AVAILABILITY
from .kompetanse_record_mixin import boolean_search, kompetanse_button

GROUP_TOP = "kompetanse_module.kompetanse_group_top"


class KompetanseTarget(models.Model):
    """Målbilde: the competences the organisation must have, at what level, how
    many people, by when and why (G-0-1, G-TL-1, G-TL-2)."""

    _name = "kompetanse.target"
    _description = "Competence Target Picture"
    _inherit = ["kompetanse.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _kompetanse_transitions = {
        "draft": {"approved": GROUP_TOP},
        "approved": {"archived": GROUP_TOP},
    }
    # approved and archived versions are read-only; the next period gets a new
    # version (action_new_version), so no field stays open past the draft
    _kompetanse_editable_states = ("draft",)

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("archived", "Archived")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    goals = fields.Html(
        string="Organisation Goals",
        help="The goals of the organisation this target picture serves, in order "
        "of priority.",
    )
    line_ids = fields.One2many(
        "kompetanse.target.line", "target_id", string="Lines", copy=True
    )
    line_count = fields.Integer(compute="_compute_coverage")
    coverage = fields.Float(
        compute="_compute_coverage",
        help="People at the required level over people needed, summed over the "
        "lines (each line counts up to what it needs).",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    is_current = fields.Boolean(
        string="Today's Target Picture",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The approved target picture whose period holds today (or else "
        "the approved one nearest to today).",
    )
    previous_id = fields.Many2one(
        "kompetanse.target",
        string="Previous Version",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.depends("line_ids.current_count", "line_ids.needed_count")
    @api.depends_context("uid")
    def _compute_coverage(self):
        for target in self:
            # the lines whose figures are hidden count neither way
            lines = target.line_ids.filtered(lambda line: not line.counts_hidden)
            needed = sum(lines.mapped("needed_count"))
            covered = sum(min(line.current_count, line.needed_count) for line in lines)
            target.line_count = len(target.line_ids)
            target.coverage = 100.0 * covered / needed if needed else 0.0

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_is_current(self):
        current = self._kompetanse_current()
        for target in self:
            target.is_current = target == current

    def _search_is_current(self, operator, value):
        return boolean_search(
            self.env,
            self._fields["is_current"]._description_string(self.env),
            operator,
            value,
            [("id", "in", self._kompetanse_current().ids)],
        )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for target in self:
            if target.date_end < target.date_start:
                raise ValidationError(
                    self.env._(
                        "The target picture %(name)s ends before it starts.",
                        name=target.name,
                    )
                )

    @api.constrains("state", "date_start", "date_end", "company_id")
    def _check_one_approved(self):
        for target in self.filtered(lambda t: t.state == "approved"):
            overlapping = self.search(
                [
                    ("id", "!=", target.id),
                    ("state", "=", "approved"),
                    ("company_id", "=", target.company_id.id),
                    ("date_start", "<=", target.date_end),
                    ("date_end", ">=", target.date_start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(company)s already has the approved target picture "
                        "%(other)s for an overlapping period; archive it first.",
                        company=target.company_id.name,
                        other=overlapping.name,
                    )
                )

    def _check_lines_editable(self):
        if any(target.state != "draft" for target in self):
            raise UserError(
                self.env._(
                    "The lines of an approved or archived target picture cannot be "
                    "changed. Make a new version of it instead."
                )
            )

    def _check_can_approve(self):
        for target in self:
            if target.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft target picture can be approved; %(name)s is "
                        "%(state)s.",
                        name=target.name,
                        state=dict(
                            target._fields["state"]._description_selection(self.env)
                        )[target.state],
                    )
                )
            if not target.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one competence line to %(name)s before "
                        "approving it.",
                        name=target.name,
                    )
                )

    @kompetanse_button
    def action_approve(self):
        self._kompetanse_check_transition("approved")
        self._check_can_approve()
        # the starting point the progress is measured from (G-TL-1), counted
        # over everyone, whoever approves
        for line in self.line_ids.sudo():
            line.baseline_count = line.current_count
        # a new version replaces the one it was made from
        self.previous_id.filtered(
            lambda t: t.state == "approved"
        )._kompetanse_set_state("archived")
        return self._kompetanse_set_state(
            "approved",
            {
                "approved_by_id": self.env.user.id,
                "approved_date": fields.Date.context_today(self),
            },
        )

    @kompetanse_button
    def action_archive_target(self):
        return self._kompetanse_set_state("archived")

    @kompetanse_button
    def action_new_version(self):
        """Copy each into a draft for the next period, so the target picture
        stays current (G-TL-1)."""
        new_versions = self.browse()
        for target in self:
            length = relativedelta(target.date_end, target.date_start)
            try:
                date_start = target.date_end + relativedelta(days=1)
                date_end = date_start + length
                # the lines keep their place in the period: each deadline moves
                # as far as the period does
                shift = relativedelta(date_start, target.date_start)
                lines = [
                    Command.create(
                        {
                            **line.copy_data()[0],
                            "target_id": False,
                            "deadline": line.deadline and line.deadline + shift,
                        }
                    )
                    for line in target.line_ids
                ]
            except (OverflowError, ValueError) as error:
                raise UserError(
                    self.env._(
                        "The period after %(name)s ends past the calendar's end; "
                        "correct its dates first.",
                        name=target.name,
                    )
                ) from error
            new = target.copy(
                {
                    "name": target._kompetanse_next_name(date_start, date_end),
                    "date_start": date_start,
                    "date_end": date_end,
                    "line_ids": lines,
                }
            )
            new._kompetanse_write_system({"previous_id": target.id})
            new_versions |= new
        action = {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "target": "current",
        }
        if len(new_versions) == 1:
            return {**action, "res_id": new_versions.id, "view_mode": "form"}
        return {
            **action,
            "name": self.env._("New Versions"),
            "domain": [("id", "in", new_versions.ids)],
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
        }

    def _kompetanse_next_name(self, date_start, date_end):
        """The name of the next version: the years of the old period moved as
        far as the period moves ("2027–2029", "2025/26"), or the new period
        added when the name has none."""
        self.ensure_one()
        shift = date_start.year - self.date_start.year
        first, last = self.date_start.year, self.date_end.year

        def move(match):
            year = int(match.group(1))
            if not first <= year <= last:
                return match.group(0)
            moved = str(year + shift)
            if match.group(3):  # a short year after it: 2025/26
                short = (int(match.group(1)[:2] + match.group(3)) + shift) % 100
                moved += f"{match.group(2)}{short:02d}"
            return moved

        name, count = re.subn(
            r"(?<!\d)(\d{4})(?:([/–-])(\d{2})(?!\d))?", move, self.name
        )
        if count and name != self.name:
            return name
        period = (
            str(date_start.year)
            if date_start.year == date_end.year
            else f"{date_start.year}–{date_end.year}"
        )
        return f"{self.name} {period}"

    @api.model
    def _kompetanse_current(self):
        """The approved target picture of today, or else the approved one
        nearest to today."""
        today = fields.Date.context_today(self)
        approved = self.search(
            [("state", "=", "approved"), ("company_id", "in", self.env.companies.ids)]
        )
        current = approved.filtered(lambda t: t.date_start <= today <= t.date_end)
        if current:
            return current[0]
        return approved.sorted(
            lambda t: min(
                abs((t.date_start - today).days), abs((t.date_end - today).days)
            )
        )[:1]

    @kompetanse_button
    def action_open_lines(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_target_line_action"
        )
        action["domain"] = [("target_id", "in", self.ids)]
        if len(self) == 1:
            action["context"] = {"default_target_id": self.id}
        return action


class KompetanseTargetLine(models.Model):
    """One competence of the target picture: skill, required level, how many
    people need it, where, by when and why."""

    _name = "kompetanse.target.line"
    _inherit = ["kompetanse.skill.requirement", "kompetanse.record.mixin"]
    _description = "Competence Target Line"
    _order = "target_id, priority, id"
    _check_company_auto = True

    target_id = fields.Many2one(
        "kompetanse.target", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="target_id.company_id", store=True)
    state = fields.Selection(related="target_id.state")
    target_date_start = fields.Date(related="target_id.date_start")
    target_date_end = fields.Date(related="target_id.date_end")
    priority = fields.Integer(
        default=10, help="Order of the leadership's main priorities."
    )
    needed_count = fields.Integer(
        string="People Needed",
        default=1,
        required=True,
        help="How many people need this skill at or above the required level.",
    )
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        help="The unit that needs it; empty for the whole organisation.",
    )
    deadline = fields.Date()
    rationale = fields.Text(help="Why: the goal of the organisation it serves.")
    current_count = fields.Integer(
        string="People Now",
        compute="_compute_current_count",
        help="Active employees of the company (or of the unit and its sub-units) "
        "whose level in the skill is at or above the required level.",
    )
    coverage = fields.Float(compute="_compute_current_count")
    # how many were there at approval: read through progress_count, which hides
    # it with the other figures where the group is too small to be shown
    baseline_count = fields.Integer(
        string="People at Approval",
        readonly=True,
        copy=False,
        groups="hr.group_hr_user",
        help="People at the required level when the target picture was approved.",
    )
    progress_count = fields.Integer(
        string="Change since Approval",
        compute="_compute_current_count",
        help="People at the required level now, less those at approval.",
    )
    counts_hidden = fields.Boolean(
        string="Too Few to Show",
        compute="_compute_current_count",
        help="The unit has fewer people than the smallest group shown, and you "
        "may not see all of them as individuals: its figures are hidden.",
    )

    is_vulnerable = fields.Boolean(
        string="Vulnerable",
        compute="_compute_current_count",
        search="_search_is_vulnerable",
        help="At most as many people as the company's setting hold the skill at "
        "the required level, in the whole organisation: one leaving can take it.",
    )
    market_availability = fields.Selection(
        AVAILABILITY,
        string="Labour Market",
        compute="_compute_current_count",
        help="The availability in the labour market, by the assessment in force.",
    )
    is_critical = fields.Boolean(
        string="Critical",
        compute="_compute_current_count",
        search="_search_is_critical",
        help="Vulnerable, and scarce in the labour market.",
    )

    _rec_names_search = ["skill_id.name", "department_id.name", "target_id.name"]

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Target Picture Lines"),
                "template": "/kompetanse_module/static/xls/kompetanse_target_line.csv",
            }
        ]

    @api.depends(
        "skill_id.name", "level_id.name", "department_id.name", "target_id.name"
    )
    def _compute_display_name(self):
        for line in self:
            scope = line.department_id.name or self.env._("the whole organisation")
            line.display_name = (
                f"{line.skill_id.name} ({line.level_id.name}), {scope} · "
                f"{line.target_id.name}"
            )

    @api.model
    def name_create(self, name):
        raise UserError(
            self.env._(
                "A competence line is added in its target picture, with its skill, "
                "level and unit; it cannot be made from a name."
            )
        )

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """The picker offers the lines of today's approved target picture
        first, then the other approved ones."""
        if not isinstance(args, list | tuple | type(None)) or not isinstance(
            limit, int | type(None)
        ):
            # what Odoo makes of other values, it says itself
            return super().name_search(name, args, operator, limit)
        domain = list(args or [])
        current = self.env["kompetanse.target"]._kompetanse_current()
        first = []
        if current:
            first = super().name_search(
                name, domain + [("target_id", "=", current.id)], operator, limit
            )
            domain += [("target_id", "!=", current.id)]
            if limit:
                limit -= len(first)
                if limit <= 0:
                    return first
        return first + super().name_search(name, domain, operator, limit)

    @api.depends(
        "skill_id",
        "level_id",
        "department_id",
        "target_id.company_id",
        "baseline_count",
        "needed_count",
        "state",
    )
    @api.depends_context("uid")
    def _compute_current_count(self):
        """The line's coverage and its flags, from one grouped query for all the
        saved lines (_kompetanse_counts), which also reads the labour market in
        force and the company's settings."""
        saved = self._origin.filtered("id")
        counts = saved._kompetanse_counts() if saved else {}
        baselines = {line.id: line.baseline_count for line in self.sudo()}
        # a line being edited has the counts of what is saved while it counts
        # the same people; a new or changed one counts nobody yet, and has the
        # labour market and the settings read
        counted = {
            line: counts[line._origin.id]
            for line in self
            if line._origin.id in counts
            and (
                line.id == line._origin.id
                or (line.skill_id, line.level_id, line.department_id)
                == (
                    line._origin.skill_id,
                    line._origin.level_id,
                    line._origin.department_id,
                )
            )
        }
        uncounted = self.filtered(lambda line: line not in counted)
        Market = self.env["kompetanse.market.assessment"]
        availability = {
            company: Market._kompetanse_availability(uncounted.skill_id, company)
            for company in uncounted.target_id.company_id
        }
        for line in self:
            if line in counted:
                current, population, unseen, holders, market, min_size, most = counted[
                    line
                ]
            else:
                company = line.target_id.company_id
                current = population = unseen = holders = 0
                market = availability.get(company, {}).get(line.skill_id.id)
                min_size = company.kompetanse_min_group_size
                most = company.kompetanse_vulnerable_max
            # a count over fewer people than the smallest group shown tells of
            # individuals: shown only to those who see them all (G-TL-1 follows
            # the figures of the groups large enough)
            line.counts_hidden = bool(unseen) and population < (min_size or 1)
            if line.counts_hidden:
                current = 0
            line.current_count = current
            line.progress_count = (
                current - baselines[line.id]
                if line.state != "draft" and not line.counts_hidden
                else 0
            )
            line.coverage = (
                100.0 * current / line.needed_count if line.needed_count > 0 else 0.0
            )
            # vulnerable: few hold it in the whole organisation, whoever asks
            line.is_vulnerable = line in counted and holders <= (most or 0)
            line.market_availability = market
            line.is_critical = line.is_vulnerable and market == "scarce"

    def _kompetanse_flagged(self, flag):
        """The lines the user reads that carry the flag: computed for them all
        at once, as the flag is."""
        return self.search([]).filtered(flag).ids

    def _search_is_vulnerable(self, operator, value):
        domain = [("id", "in", self._kompetanse_flagged("is_vulnerable"))]
        return boolean_search(
            self.env, self.env._("Vulnerable"), operator, value, domain
        )

    def _search_is_critical(self, operator, value):
        domain = [("id", "in", self._kompetanse_flagged("is_critical"))]
        return boolean_search(self.env, self.env._("Critical"), operator, value, domain)

    def _kompetanse_counts(self):
        """{line id: (people at the level, people in its scope, people in its
        scope whose individual competence the user does not see, people of
        the whole organisation at the level, the labour market in force for
        the skill, the company's smallest group shown and most holders of a
        vulnerable skill)}, in one grouped query: level comparison and the
        unit's sub-units (parent_path) are not expressible as one ORM
        read_group."""
        unseen = SQL("0")
        if not self.env.su:  # the system (recording a baseline) sees everyone
            individual = self.env["hr.employee"]._kompetanse_individual_domain()
            if individual != [(1, "=", 1)]:
                seen = tuple(individual[0][2])
                unseen = (
                    SQL("COUNT(*) FILTER (WHERE employee.id NOT IN %s)", seen)
                    if seen
                    else SQL("COUNT(*)")
                )
        for model in (
            "kompetanse.target",
            "kompetanse.target.line",
            "hr.employee",
            "hr.employee.skill",
            "hr.department",
            "hr.skill.level",
            "kompetanse.market.assessment",
        ):
            self.env[model].flush_model()
        self.env["res.company"].flush_model(
            ["kompetanse_min_group_size", "kompetanse_vulnerable_max"]
        )
        # the people in scope counted per unit first (a few hundred rows, not
        # one per line and person), the holders from the line's skill
        rows = self.env.execute_query(
            SQL(
                """
            -- materialized: read once by the four parts below
            WITH line AS MATERIALIZED (
                SELECT line.id, line.skill_id, line.department_id,
                       target.company_id, ldept.parent_path,
                       COALESCE(required.level_progress, 0) AS required,
                       COALESCE(company.kompetanse_min_group_size, 1) AS min_size,
                       COALESCE(company.kompetanse_vulnerable_max, 0) AS most
                  FROM kompetanse_target_line line
                  JOIN kompetanse_target target ON target.id = line.target_id
                  JOIN res_company company ON company.id = target.company_id
                  JOIN hr_skill_level required ON required.id = line.level_id
             LEFT JOIN hr_department ldept ON ldept.id = line.department_id
                 WHERE line.id IN %s
            ), unit AS (
                SELECT employee.company_id, edept.parent_path,
                       COUNT(*) AS people, %s AS unseen
                  FROM hr_employee employee
             LEFT JOIN hr_department edept ON edept.id = employee.department_id
                 WHERE employee.active
              GROUP BY employee.company_id, edept.id, edept.parent_path
            ), population AS (
                SELECT line.id, SUM(unit.people) AS people,
                       SUM(unit.unseen) AS unseen
                  FROM line
                  JOIN unit
                    ON unit.company_id = line.company_id
                   AND (line.department_id IS NULL
                        OR starts_with(unit.parent_path, line.parent_path))
              GROUP BY line.id
            ), holder AS (
                -- Odoo keeps one level of a skill per employee: a row each;
                -- those in the line's scope, and in the whole organisation,
                -- per company (matched to the line's below: compared here,
                -- the planner would guess a few rows of thousands)
                SELECT line.id, employee.company_id,
                       COUNT(*) FILTER (
                           WHERE line.department_id IS NULL
                              OR starts_with(edept.parent_path, line.parent_path)
                       ) AS current,
                       COUNT(*) AS holders
                  FROM line
                  JOIN hr_employee_skill eskill ON eskill.skill_id = line.skill_id
                  JOIN hr_skill_level actual ON actual.id = eskill.skill_level_id
                  JOIN hr_employee employee
                    ON employee.id = eskill.employee_id AND employee.active
             LEFT JOIN hr_department edept ON edept.id = employee.department_id
                 WHERE COALESCE(actual.level_progress, 0) >= line.required
              GROUP BY line.id, employee.company_id
            ), market AS (
                -- the assessment in force: the latest of the skill's (as
                -- kompetanse.market.assessment._kompetanse_availability)
                SELECT DISTINCT ON (assessment.skill_id, assessment.company_id)
                       assessment.skill_id, assessment.company_id,
                       assessment.availability
                  FROM kompetanse_market_assessment assessment
                 WHERE (assessment.skill_id, assessment.company_id) IN (
                           SELECT skill_id, company_id FROM line)
              ORDER BY assessment.skill_id, assessment.company_id,
                       assessment.date DESC, assessment.id DESC
            )
            SELECT line.id,
                   COALESCE(holder.current, 0)::int,
                   COALESCE(population.people, 0)::int,
                   COALESCE(population.unseen, 0)::int,
                   COALESCE(holder.holders, 0)::int,
                   market.availability, line.min_size, line.most
              FROM line
         LEFT JOIN population ON population.id = line.id
         LEFT JOIN holder
                ON holder.id = line.id AND holder.company_id = line.company_id
         LEFT JOIN market
                ON market.skill_id = line.skill_id
               AND market.company_id = line.company_id
                """,
                tuple(self.ids),
                unseen,
            )
        )
        return {line_id: tuple(values) for line_id, *values in rows}

    def _kompetanse_check_linkable(self, record):
        """Refuse linking record (a need, a measure) to these lines unless
        their target picture is approved (or archived since): a draft is not
        yet the organisation's, nor readable by the units."""
        if any(line.target_id.state == "draft" for line in self.sudo()):
            raise ValidationError(
                self.env._(
                    "%(record)s can be linked to the lines of an approved "
                    "target picture only, not a draft.",
                    record=record.display_name,
                )
            )

    @api.constrains("needed_count")
    def _check_needed_count(self):
        for line in self.filtered(lambda line: line.needed_count < 1):
            raise ValidationError(
                self.env._(
                    "%(skill)s: at least one person must be needed.",
                    skill=line.skill_id.name,
                )
            )

    @api.constrains("deadline", "target_id")
    def _check_deadline(self):
        for line in self.filtered("deadline"):
            if line.deadline < line.target_id.date_start:
                raise ValidationError(
                    self.env._(
                        "%(skill)s: the deadline %(deadline)s is before the target "
                        "picture starts (%(start)s).",
                        skill=line.skill_id.name,
                        deadline=format_date(self.env, line.deadline),
                        start=format_date(self.env, line.target_id.date_start),
                    )
                )

    @api.constrains("skill_id", "department_id", "target_id")
    def _check_duplicate(self):
        targets = self.target_id
        seen = set()
        for line in targets.line_ids:
            key = (line.target_id.id, line.skill_id.id, line.department_id.id)
            if key in seen:
                raise ValidationError(
                    self.env._(
                        "%(target)s already has a line for %(skill)s in %(scope)s.",
                        target=line.target_id.name,
                        skill=line.skill_id.name,
                        scope=line.department_id.name
                        or self.env._("the whole organisation"),
                    )
                )
            seen.add(key)

    @api.model_create_multi
    def create(self, vals_list):
        # what is not a dictionary, or no id, the record checks refuse in words
        if not isinstance(vals_list, list | tuple):
            return super().create(vals_list)
        target_ids = {
            vals["target_id"]
            for vals in vals_list
            if isinstance(vals, dict) and isinstance(vals.get("target_id"), int)
        }
        self.env["kompetanse.target"].browse(
            target_ids
        ).exists()._check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.target_id._check_lines_editable()
        if isinstance(vals, dict) and isinstance(vals.get("target_id"), int):
            self.env["kompetanse.target"].browse(
                vals["target_id"]
            ).exists()._check_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.target_id._check_lines_editable()
