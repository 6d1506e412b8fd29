# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .kompetanse_skill_import import load_resolved


class KompetanseRole(models.Model):
    """Rollebeskrivelse: a role's purpose, responsibilities and the competences
    it requires. Future roles describe what the unit will need (G-NL-2)."""

    _name = "kompetanse.role"
    _description = "Role Description"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "name"
    _check_company_auto = True
    _kompetanse_system_fields = ("requirements_version",)

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    purpose = fields.Text()
    responsibilities = fields.Html()
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        tracking=True,
        help="The unit the role belongs to; empty for a role across the "
        "organisation.",
    )
    is_future = fields.Boolean(
        string="Future Role",
        tracking=True,
        help="A role the unit will need but does not have yet.",
    )
    valid_from = fields.Date(tracking=True)
    line_ids = fields.One2many(
        "kompetanse.role.line", "role_id", string="Requirements", copy=True
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "hr_employee_kompetanse_role_rel",
        "role_id",
        "employee_id",
        string="Employees",
    )
    job_ids = fields.Many2many(
        "hr.job",
        "hr_job_kompetanse_role_rel",
        "role_id",
        "job_id",
        string="Job Positions",
    )
    employee_count = fields.Integer(compute="_compute_employee_count")
    requirements_version = fields.Integer(
        readonly=True,
        copy=False,
        help="Counts the changes of the requirements: an interview template "
        "reviewed at an earlier count is to review again.",
    )

    @api.depends("employee_ids")
    def _compute_employee_count(self):
        for role in self:
            role.employee_count = len(role.employee_ids)

    @api.model_create_multi
    def create(self, vals_list):
        roles = super().create(vals_list)
        if any("employee_ids" in vals for vals in vals_list):
            roles._kompetanse_check_holders(roles.employee_ids)
        if any("job_ids" in vals for vals in vals_list):
            roles._kompetanse_check_jobs(roles.job_ids)
        roles._kompetanse_add_gap_keys()
        return roles

    def write(self, vals):
        before = self.employee_ids if "employee_ids" in vals else None
        jobs_before = self.job_ids if "job_ids" in vals else None
        result = super().write(vals)
        if jobs_before is not None:
            self._kompetanse_check_jobs(
                (jobs_before - self.job_ids) | (self.job_ids - jobs_before)
            )
        if before is not None:
            self._kompetanse_check_holders(
                (before - self.employee_ids) | (self.employee_ids - before)
            )
        if {"employee_ids", "line_ids", "is_future"} & set(vals):
            self._kompetanse_add_gap_keys()
        if {"line_ids", "active"} & set(vals):
            self.with_context(active_test=False).job_ids._kompetanse_sync_skills()
        if "active" in vals:
            self._kompetanse_requirements_changed()
        return result

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Roles and Requirements"),
                "template": "/kompetanse_module/static/xls/kompetanse_role.csv",
            }
        ]

    @api.model
    def load(self, fields, data):
        """Roles with their requirements in one file: the requirements'
        skills and levels by name, as in an import of the lines alone."""
        resolved = self.env["kompetanse.role.line"]._kompetanse_resolve_import(
            fields,
            data,
            prefix="line_ids/",
            label=self._fields["line_ids"]._description_string(self.env),
        )
        return load_resolved(super().load, fields, data, resolved)

    def _kompetanse_requirements_changed(self):
        for role in self.sudo():
            role.requirements_version += 1

    def _kompetanse_check_jobs(self, changed):
        """A role sets the expected skills of its job positions: a manager
        links it to, or takes it from, only the positions of the units they
        manage; HR any."""
        if self.env.su or not changed:
            return
        if self.env.user.has_group("kompetanse_module.kompetanse_group_hr"):
            return
        managed = (
            self.env["hr.department"].search([("kompetanse_managed", "=", True)]).ids
        )
        outside = changed.sudo().filtered(
            lambda job: job.department_id.id not in managed
        )
        if outside:
            raise AccessError(
                self.env._(
                    "You can link a role to, or take it from, only the job "
                    "positions of the units you manage; not %(jobs)s.",
                    jobs=", ".join(outside.mapped("name")),
                )
            )

    def _kompetanse_check_holders(self, changed):
        """A role sets what its holders are measured against: a manager gives
        or takes it only from the people they see as individuals (their
        chain); HR from anyone."""
        if self.env.su or not changed:
            return
        visible = self.env["hr.employee"]._kompetanse_individual_ids(changed.ids)
        outside = changed.filtered(lambda employee: employee.id not in visible)
        if outside:
            raise AccessError(
                self.env._(
                    "You can give a role to, or take it from, only the people you "
                    "manage; not %(names)s.",
                    names=", ".join(outside.sudo().mapped("name")),
                )
            )

    def action_kompetanse_interview_template(self):
        """The role's interview template: made with a question for each
        requirement, or brought up to date with the ones it lacks (G-HR-3)."""
        Template = self.env["kompetanse.interview.template"]
        templates = Template.search([("role_id", "in", self.ids)])
        missing = self - templates.role_id
        templates |= Template.create(
            [
                {
                    "name": self.env._("Interview: %(role)s", role=role.name),
                    "role_id": role.id,
                }
                for role in missing
            ]
        )
        templates._kompetanse_add_questions()
        if len(templates) != 1:
            return True
        return {
            "type": "ir.actions.act_window",
            "res_model": "kompetanse.interview.template",
            "res_id": templates.id,
            "view_mode": "form",
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_without_interviews(self):
        used = (
            self.env["kompetanse.interview"]
            .sudo()
            .search([("template_id.role_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "Applicants were scored with the interview template of "
                    "%(role)s: archive the role instead of deleting it.",
                    role=used.template_id.role_id.name,
                )
            )

    def _kompetanse_add_gap_keys(self):
        self.env["kompetanse.gap.key"]._kompetanse_add_keys(
            self.sudo().with_context(active_test=False).employee_ids.ids
        )

    @api.constrains("is_future", "valid_from")
    def _check_future(self):
        for role in self.filtered(lambda r: r.is_future and not r.valid_from):
            raise ValidationError(
                self.env._(
                    "The future role %(name)s needs the date it is valid from.",
                    name=role.name,
                )
            )


class KompetanseRoleLine(models.Model):
    """A competence a role requires, at a minimum level."""

    _name = "kompetanse.role.line"
    _inherit = ["kompetanse.skill.requirement", "kompetanse.record.mixin"]
    _description = "Role Requirement"
    _order = "role_id, importance, id"
    _kompetanse_scope_fields = ("role_id",)

    role_id = fields.Many2one(
        "kompetanse.role", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="role_id.company_id", store=True)
    level_id = fields.Many2one(string="Minimum Level")
    importance = fields.Selection(
        [("essential", "Essential"), ("desirable", "Desirable")],
        default="essential",
        required=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.role_id._kompetanse_add_gap_keys()
        lines.role_id.job_ids._kompetanse_sync_skills()
        lines.role_id._kompetanse_requirements_changed()
        return lines

    def write(self, vals):
        roles = self.role_id
        result = super().write(vals)
        if {"role_id", "skill_id"} & set(vals):
            self.role_id._kompetanse_add_gap_keys()
            (roles | self.role_id).job_ids._kompetanse_sync_skills()
        if {"role_id", "skill_id", "level_id", "importance"} & set(vals):
            (roles | self.role_id)._kompetanse_requirements_changed()
        return result

    def unlink(self):
        roles = self.role_id
        jobs = roles.job_ids
        result = super().unlink()
        jobs._kompetanse_sync_skills()
        roles.exists()._kompetanse_requirements_changed()
        return result

    @api.constrains("role_id", "skill_id")
    def _check_duplicate(self):
        for role in self.role_id:
            counts = Counter(line.skill_id for line in role.line_ids)
            duplicates = [skill for skill, count in counts.items() if count > 1]
            if duplicates:
                raise ValidationError(
                    self.env._(
                        "The role %(role)s lists the skill %(skill)s twice.",
                        role=role.name,
                        skill=duplicates[0].name,
                    )
                )
