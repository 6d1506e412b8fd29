# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    # the public profile has the same ids as the employee: the same answer
    _name = "hr.employee.public"
    _inherit = ["hr.employee.public", "kompetanse.individual.mixin"]
    _kompetanse_individual_column = "id"

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
