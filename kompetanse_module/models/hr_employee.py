# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
