# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_job_kompetanse_role_rel",
        "job_id",
        "role_id",
        string="Roles",
        help="The roles this position fills: recruitment inherits their "
        "competence requirements.",
    )
