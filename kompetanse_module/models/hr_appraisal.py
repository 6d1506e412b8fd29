# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .kompetanse_record_mixin import kompetanse_button, notification

DONE = "3_done"
GROUP_USER = "kompetanse_module.kompetanse_group_user"


class HrAppraisal(models.Model):
    """OCA's appraisal with the employee's competence: their roles, gaps,
    development goals and this year's conversations beside it, and skill
    assessments that update the employee's skills in place when it is done
    (Odoo's skill log keeps the history; nothing is deleted and made again).
    A done appraisal counts as a conversation of the year (G-NL-5)."""

    _inherit = "hr.appraisal"

    kompetanse_cycle_event_id = fields.Many2one(
        "kompetanse.cycle.event",
        string="Appraisal Round",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The round of the annual cycle that made this appraisal.",
    )
    kompetanse_skill_ids = fields.One2many(
        "kompetanse.appraisal.skill",
        "appraisal_id",
        string="Skill Assessments",
        groups=GROUP_USER,
    )
    kompetanse_role_ids = fields.Many2many(
        "kompetanse.role",
        string="Roles",
        compute="_compute_kompetanse",
        groups=GROUP_USER,
    )
    kompetanse_gap_ids = fields.Many2many(
        "kompetanse.gap.report",
        string="Current Gaps",
        compute="_compute_kompetanse",
        groups=GROUP_USER,
    )
    kompetanse_goal_ids = fields.Many2many(
        "kompetanse.development.goal",
        string="Development Goals",
        compute="_compute_kompetanse",
        groups=GROUP_USER,
    )
    kompetanse_conversation_ids = fields.Many2many(
        "kompetanse.conversation",
        string="This Year's Conversations",
        compute="_compute_kompetanse",
        groups=GROUP_USER,
    )

    def init(self):
        # one appraisal of a round per employee, whatever runs at once
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS hr_appraisal_kompetanse_round
                   ON hr_appraisal (kompetanse_cycle_event_id, employee_id)
                   WHERE kompetanse_cycle_event_id IS NOT NULL"""
            )
        )

    @api.depends("employee_id", "date_close")
    @api.depends_context("uid")
    def _compute_kompetanse(self):
        """What the user may see of the employees' competence, in one search
        of each kind for all the appraisals shown."""
        employees = self.employee_id
        found = {}
        for name, model, domain in (
            (
                "gaps",
                "kompetanse.gap.report",
                [("gap", ">", 0), ("is_future", "=", False)],
            ),
            ("goals", "kompetanse.development.goal", []),
            (
                "conversations",
                "kompetanse.conversation",
                [("state", "!=", "cancelled")],
            ),
        ):
            records = self.env[model]
            if records.has_access("read"):
                records = records.search(
                    [("employee_id", "in", employees.ids), *domain]
                )
            found[name] = records.grouped("employee_id")
        for appraisal in self:
            employee = appraisal.employee_id
            year = (appraisal.date_close or fields.Date.context_today(self)).year
            appraisal.kompetanse_role_ids = employee.sudo().role_ids.filtered(
                lambda role: not role.is_future
            )
            appraisal.kompetanse_gap_ids = found["gaps"].get(employee, [])
            appraisal.kompetanse_goal_ids = found["goals"].get(employee, [])
            appraisal.kompetanse_conversation_ids = [
                conversation.id
                for conversation in found["conversations"].get(employee, [])
                if conversation.date.year == year
            ]

    def _kompetanse_check_own_fields(self, vals):
        # the round an appraisal belongs to is the round's to set
        if not self.env.su and "kompetanse_cycle_event_id" in vals:
            raise UserError(
                self.env._(
                    "%(field)s is set by the module itself, not by hand.",
                    field=self._fields["kompetanse_cycle_event_id"]._description_string(
                        self.env
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._kompetanse_check_own_fields(vals)
        appraisals = super().create(vals_list)
        if not self.env.su and appraisals.filtered("kompetanse_cycle_event_id"):
            # nor through a default from the context or a user's default
            self._kompetanse_check_own_fields({"kompetanse_cycle_event_id": True})
        return appraisals

    def _kompetanse_check_assessor(self, message):
        """An appraisal that assesses skills is completed, reopened, moved to
        another employee, archived or deleted by who keeps the assessments:
        the employee's managers in Kompetanse and HR. OCA lets every internal
        user write appraisals; the levels they write into the employee's
        skills are not every user's to set."""
        if self.env.su:
            return
        lines = self.sudo().kompetanse_skill_ids
        if not lines:
            return
        kept = lines.with_env(self.env)._filtered_access("write")
        for appraisal in self:
            theirs = lines.filtered(lambda line, a=appraisal: line.appraisal_id == a)
            if theirs - kept:
                raise UserError(message(appraisal.display_name))

    def write(self, vals):
        if not isinstance(vals, dict):
            return super().write(vals)
        self._kompetanse_check_own_fields(vals)
        if "employee_id" in vals and any(
            appraisal.employee_id.id != vals["employee_id"]
            for appraisal in self.sudo().filtered("kompetanse_skill_ids")
        ):
            raise UserError(
                self.env._(
                    "An appraisal that assesses skills stays with its employee; "
                    "make a new one for another."
                )
            )
        if "state" in vals or "active" in vals:
            self._kompetanse_check_assessor(
                lambda name: self.env._(
                    "%(name)s assesses skills: only the employee's manager or HR "
                    "completes, reopens or archives it.",
                    name=name,
                )
            )
        to_close = (
            self.filtered(lambda appraisal: appraisal.state != DONE)
            if vals.get("state") == DONE
            else self.browse()
        )
        result = super().write(vals)
        to_close._kompetanse_apply_skills()
        return result

    def unlink(self):
        self._kompetanse_check_assessor(
            lambda name: self.env._(
                "%(name)s assesses skills: only the employee's manager or HR "
                "deletes it.",
                name=name,
            )
        )
        return super().unlink()

    def _kompetanse_apply_skills(self):
        """The assessed levels become the employees' skill levels, in place:
        an employee skill of the same skill is written (Odoo logs the change),
        one missing is added; the chatter lists what changed."""
        lines = self.sudo().kompetanse_skill_ids.filtered("level_id")
        if not lines:
            return
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        have = {
            (skill.employee_id, skill.skill_id): skill
            for skill in EmployeeSkill.search(
                [
                    ("employee_id", "in", lines.appraisal_id.employee_id.ids),
                    ("skill_id", "in", lines.skill_id.ids),
                ]
            )
        }
        new_values = []
        to_level = {}  # level: the employee skills it becomes, one write each
        for line in lines:
            employee = line.appraisal_id.employee_id
            current = have.get((employee, line.skill_id))
            if not line.applied:
                # the level before the first completion (a reopened appraisal
                # done again keeps it)
                line.previous_level_id = current.skill_level_id if current else False
            if current and current.skill_level_id != line.level_id:
                to_level[line.level_id] = (
                    to_level.get(line.level_id, EmployeeSkill) | current
                )
            elif not current:
                new_values.append(
                    {
                        "employee_id": employee.id,
                        "skill_id": line.skill_id.id,
                        "skill_type_id": line.skill_id.skill_type_id.id,
                        "skill_level_id": line.level_id.id,
                    }
                )
        for level, skills in to_level.items():
            skills.write({"skill_level_id": level.id})
        EmployeeSkill.create(new_values)
        moved = lines.filtered(lambda line: line.previous_level_id != line.level_id)
        moved.write({"applied": True, "changed": True})
        (lines - moved).write({"applied": True, "changed": False})
        for appraisal in self:
            changed = appraisal.sudo().kompetanse_skill_ids.filtered(
                lambda line: line.applied and line.previous_level_id != line.level_id
            )
            if not changed:
                continue
            items = Markup("").join(
                Markup("<li>%s: %s → %s</li>")
                % (
                    line.skill_id.name,
                    line.previous_level_id.name or self.env._("none"),
                    line.level_id.name,
                )
                for line in changed
            )
            appraisal.sudo().message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (escape(self.env._("The employee's skills were updated:")), items),
                subtype_xmlid="mail.mt_note",
            )

    @kompetanse_button
    def action_kompetanse_goals(self):
        """Development goals from the assessments: a goal for each skill
        assessed above the employee's level now, in the plan covering the
        appraisal's date (a plan for its year when there is none), never twice
        the same skill."""
        self.check_access("write")
        wanted = {}
        for appraisal in self:
            lines = appraisal.kompetanse_skill_ids.filtered(
                lambda line: line.level_id
                and line.level_id.level_progress
                > (line.level_start_id.level_progress or 0)
            )
            if not lines:
                raise UserError(
                    self.env._(
                        "%(name)s assesses no skill above the level the employee "
                        "has: there is no goal to propose.",
                        name=appraisal.display_name,
                    )
                )
            wanted[appraisal] = lines
        plans = self.env["kompetanse.development"]._kompetanse_plans_for(
            [
                (
                    appraisal.employee_id,
                    appraisal.date_close or fields.Date.context_today(self),
                    None,
                )
                for appraisal in wanted
            ]
        )
        values = []
        for (_appraisal, lines), plan in zip(wanted.items(), plans, strict=True):
            have = set(plan.goal_ids.skill_id.ids)
            values += [
                {
                    "development_id": plan.id,
                    "skill_id": line.skill_id.id,
                    "level_id": line.level_id.id,
                    "reason": "appraisal",
                    "deadline": plan.date_end,
                    "note": line.justification,
                }
                for line in lines
                if line.skill_id.id not in have
            ]
        made = self.env["kompetanse.development.goal"].create(values)
        message = (
            self.env._(
                "Goals added to the plan: %(skills)s.",
                skills=", ".join(made.skill_id.mapped("name")),
            )
            if made
            else self.env._("Nothing new: the plan has a goal for each skill already.")
        )
        return notification(self.env._("Development Goals"), message, bool(made))


class KompetanseAppraisalSkill(models.Model):
    """A skill assessed in an appraisal: the level the employee had when it
    started, the level proposed (of the skill's own type) and why. When the
    appraisal is done, the proposed level becomes the employee's."""

    _name = "kompetanse.appraisal.skill"
    _inherit = ["kompetanse.skill.requirement", "kompetanse.record.mixin"]
    _description = "Skill Assessment"
    _order = "appraisal_id, id"
    _kompetanse_scope_fields = ("appraisal_id",)
    _kompetanse_owner_field = "appraisal_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    appraisal_state = fields.Selection(related="appraisal_id.state")
    level_id = fields.Many2one(string="Proposed Level")
    level_start_id = fields.Many2one(
        "hr.skill.level",
        string="Level at the Start",
        compute="_compute_level_start_id",
        store=True,
        help="The employee's level in the skill when the assessment was made.",
    )
    previous_level_id = fields.Many2one(
        "hr.skill.level", string="Level Before", readonly=True, copy=False
    )
    applied = fields.Boolean(readonly=True, copy=False)
    changed = fields.Boolean(
        readonly=True, copy=False, help="The appraisal changed the employee's level."
    )
    appraisal_date = fields.Date(related="appraisal_id.date_close", string="Date")
    justification = fields.Text()

    @api.depends("skill_id", "appraisal_id")
    def _compute_level_start_id(self):
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        found = {
            (skill.employee_id, skill.skill_id): skill.skill_level_id
            for skill in EmployeeSkill.search(
                [
                    ("employee_id", "in", self.appraisal_id.employee_id.ids),
                    ("skill_id", "in", self.skill_id.ids),
                ]
            )
        }
        for line in self:
            line.level_start_id = found.get(
                (line.appraisal_id.employee_id, line.skill_id), False
            )

    @api.constrains("skill_id", "appraisal_id")
    def _check_duplicate(self):
        for appraisal in self.appraisal_id:
            lines = appraisal.sudo().kompetanse_skill_ids
            if len(lines.skill_id) != len(lines):
                raise ValidationError(
                    self.env._(
                        "%(name)s assesses each skill once.",
                        name=appraisal.display_name,
                    )
                )

    def _kompetanse_check_done(self):
        for line in self:
            if line.appraisal_id.state == DONE:
                raise UserError(
                    self.env._(
                        "%(name)s is done: its assessments stay as they updated "
                        "the skills.",
                        name=line.appraisal_id.display_name,
                    )
                )

    def _kompetanse_owner_message(self):
        return self.env._("An assessment stays with its appraisal; add it to another.")

    def _kompetanse_check_write(self, vals):
        result = super()._kompetanse_check_write(vals)
        self._kompetanse_check_done()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines._kompetanse_check_done()
        return lines

    def unlink(self):
        if not self.env.su:
            self._kompetanse_check_done()
        return super().unlink()
