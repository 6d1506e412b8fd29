# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_employee_kompetanse_role_rel",
        "employee_id",
        "role_id",
        string="Roles",
        readonly=True,
    )
    kompetanse_gap_ids = fields.One2many(
        "kompetanse.gap.report", "employee_id", string="Competence Gaps", readonly=True
    )
    # the public profile has the same ids as the employee: the same answer
    kompetanse_individual_access = fields.Boolean(
        string="Individual Competence Visible to Me",
        compute="_compute_kompetanse_individual_access",
        search="_search_kompetanse_individual_access",
    )

    @api.depends_context("uid")
    def _compute_kompetanse_individual_access(self):
        visible = self.env["hr.employee"]._kompetanse_individual_ids(self._origin.ids)
        for public in self:
            public.kompetanse_individual_access = public._origin.id in visible

    def _search_kompetanse_individual_access(self, operator, value):
        return self.env["hr.employee"]._search_kompetanse_individual_access(
            operator, value
        )
