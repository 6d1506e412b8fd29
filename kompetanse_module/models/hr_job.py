# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_job_kompetanse_role_rel",
        "job_id",
        "role_id",
        string="Roles",
        help="The roles this position fills, with their competence "
        "requirements, for those who describe and staff it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self.env["kompetanse.role"]._kompetanse_check_fields_of(
                    self, vals, ["role_ids"]
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.env["kompetanse.role"]._kompetanse_check_fields_of(
                self, vals, ["role_ids"]
            )
        return super().write(vals)
