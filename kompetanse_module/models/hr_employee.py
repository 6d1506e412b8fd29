# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .kompetanse_record_mixin import boolean_search

GROUP_HR_USER = "hr.group_hr_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # the same fields are on hr.employee.public: employees read each other's roles
    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_employee_kompetanse_role_rel",
        "employee_id",
        "role_id",
        string="Roles",
        domain="[('company_id', 'in', [company_id, False])]",
    )
    kompetanse_gap_ids = fields.One2many(
        "kompetanse.gap.report", "employee_id", string="Competence Gaps"
    )
    kompetanse_individual_access = fields.Boolean(
        string="Individual Competence Visible to Me",
        compute="_compute_kompetanse_individual_access",
        search="_search_kompetanse_individual_access",
        help="Whether you see this employee's skills, gaps and development: you "
        "are the employee, one of their managers (up the manager chain, or of "
        "their department or a department above it), or HR.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        if any(vals.get("role_ids") for vals in vals_list):
            self.env["kompetanse.gap.key"]._kompetanse_add_keys(employees.ids)
        return employees

    def write(self, vals):
        result = super().write(vals)
        if "role_ids" in vals:
            self.env["kompetanse.gap.key"]._kompetanse_add_keys(self.ids)
        return result

    @api.model
    def _kompetanse_individual_domain(self):
        """The employees whose individual competence the current user sees:
        their own, those below them in the manager chain (parent_id), those of
        the departments they manage and their sub-units; HR sees all. The top
        leader group grants nothing by itself."""
        if self.env.user.has_group(GROUP_HR_USER):
            return [(1, "=", 1)]
        employees = self.env["hr.employee"].sudo().with_context(active_test=False)
        mine = employees.search([("user_id", "=", self.env.uid)])
        managed = self.env["hr.department"]._kompetanse_managed_ids()
        return [
            "|",
            "|",
            ("user_id", "=", self.env.uid),
            ("parent_id", "child_of", mine.ids),
            ("department_id", "child_of", managed),
        ]

    @api.model
    def _kompetanse_individual_ids(self, ids):
        """Those of ids whose individual competence the current user sees."""
        return set(
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", list(ids)), *self._kompetanse_individual_domain()])
            .ids
        )

    def _compute_kompetanse_individual_access(self):
        visible = self._kompetanse_individual_ids(self._origin.ids)
        for employee in self:
            employee.kompetanse_individual_access = employee._origin.id in visible

    def _search_kompetanse_individual_access(self, operator, value):
        return boolean_search(
            self.env,
            self._fields["kompetanse_individual_access"]._description_string(self.env),
            operator,
            value,
            self._kompetanse_individual_domain(),
        )
