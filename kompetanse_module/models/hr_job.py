# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CHECKED_FIELDS = ["role_ids", "kompetanse_target_line_ids"]


class HrJob(models.Model):
    _inherit = "hr.job"

    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_job_kompetanse_role_rel",
        "job_id",
        "role_id",
        string="Roles",
        help="The roles this position fills, with their competence "
        "requirements, for those who describe and staff it. The expected "
        "skills follow them.",
    )
    kompetanse_requirement_ids = fields.One2many(
        "kompetanse.job.requirement",
        "job_id",
        string="Required Competence",
        readonly=True,
    )
    kompetanse_target_line_ids = fields.Many2many(
        "kompetanse.target.line",
        "hr_job_kompetanse_target_line_rel",
        "job_id",
        "line_id",
        string="Target Picture Lines",
        domain="[('target_id.state', '=', 'approved')]",
        help="The lines of the target picture this recruitment serves.",
    )
    kompetanse_need_ids = fields.One2many(
        "kompetanse.need", "job_id", string="Competence Needs", readonly=True
    )
    kompetanse_internal_count = fields.Integer(
        string="Internal Candidates",
        compute="_compute_kompetanse_internal_count",
        help="Employees of other units who meet the requirements, or nearly.",
    )
    kompetanse_template_ids = fields.Many2many(
        "kompetanse.interview.template",
        string="Interview Templates",
        compute="_compute_kompetanse_template_ids",
    )

    @api.depends_context("uid")
    def _compute_kompetanse_internal_count(self):
        """Who they are is individual: the user counts those they may see, and
        sees the whole number when it is as large as the company's smallest
        group shown (an aggregate, as the gap summary's)."""
        Match = self.env["kompetanse.internal.match"]
        domain = [("job_id", "in", self.ids)]
        visible = {}
        if Match.has_access("read"):
            visible = dict(Match._read_group(domain, ["job_id"], ["__count"]))
        total = dict(Match.sudo()._read_group(domain, ["job_id"], ["__count"]))
        for job in self:
            count = visible.get(job._origin, 0)
            whole = total.get(job._origin, 0)
            if whole >= job.sudo().company_id.kompetanse_min_group_size:
                count = whole
            job.kompetanse_internal_count = count

    @api.depends_context("uid")
    @api.depends("role_ids")
    def _compute_kompetanse_template_ids(self):
        Template = self.env["kompetanse.interview.template"]
        templates = Template.browse()
        if Template.has_access("read"):
            templates = Template.search([("role_id", "in", self.role_ids.ids)])
        for job in self:
            job.kompetanse_template_ids = templates.filtered(
                lambda template, job=job: template.role_id in job.role_ids
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self.env["kompetanse.role"]._kompetanse_check_fields_of(
                    self, vals, CHECKED_FIELDS
                )
        jobs = super().create(vals_list)
        jobs._kompetanse_sync_skills()
        return jobs

    def write(self, vals):
        if not self.env.su:
            self.env["kompetanse.role"]._kompetanse_check_fields_of(
                self, vals, CHECKED_FIELDS
            )
        result = super().write(vals)
        if "role_ids" in vals:
            self._kompetanse_sync_skills()
        elif "skill_ids" in vals and not self.env.su:
            if any(
                job.skill_ids != job._kompetanse_role_skills()
                for job in self
                if job._kompetanse_all_roles()
            ):
                raise UserError(self._kompetanse_skills_message())
        return result

    def _kompetanse_skills_message(self):
        return self.env._(
            "The expected skills of a position that fills roles follow the roles' "
            "requirements: change those, or the roles."
        )

    def _kompetanse_all_roles(self):
        """The roles the position fills, archived ones included: a position
        that fills roles follows them, even when they are all archived."""
        self.ensure_one()
        return self.with_context(active_test=False).role_ids

    def _kompetanse_role_skills(self):
        return self._kompetanse_all_roles().filtered("active").line_ids.skill_id

    def _kompetanse_sync_skills(self):
        """Odoo's expected skills of a position are the skills its active
        roles require: Odoo's candidate search and score keep working from
        them."""
        for job in self.sudo():
            if not job._kompetanse_all_roles():
                continue
            skills = job._kompetanse_role_skills()
            if job.skill_ids != skills:
                job.skill_ids = skills

    def _kompetanse_job_action(self, xmlid, name):
        """One of the module's reports, for this position."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("job_id", "=", self.id)]
        action["display_name"] = name
        return action

    def action_kompetanse_internal(self):
        """Before recruiting: who inside, in other units, already has it."""
        return self._kompetanse_job_action(
            "kompetanse_module.kompetanse_internal_match_action",
            self.env._("Internal Candidates for %(job)s", job=self.name),
        )

    def action_kompetanse_ranking(self):
        return self._kompetanse_job_action(
            "kompetanse_module.kompetanse_applicant_ranking_action",
            self.env._("Applicants for %(job)s by Competence", job=self.name),
        )

    def _kompetanse_no_template_error(self, error=UserError):
        """What the user is told who would score for a position whose roles
        have no interview template."""
        return error(
            self.env._(
                "The position %(job)s fills no role with an interview template: make "
                "one from its role first (Interview Template on the role).",
                job=self.name or "-",
            )
        )
