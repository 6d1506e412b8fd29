# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kompetanse_vulnerable_max = fields.Integer(
        related="company_id.kompetanse_vulnerable_max", readonly=False
    )
    kompetanse_min_group_size = fields.Integer(
        related="company_id.kompetanse_min_group_size", readonly=False
    )
    kompetanse_hr_user_id = fields.Many2one(
        related="company_id.kompetanse_hr_user_id", readonly=False
    )
    kompetanse_conversations_per_year = fields.Integer(
        related="company_id.kompetanse_conversations_per_year", readonly=False
    )
