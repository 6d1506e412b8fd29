# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kompetanse_min_group_size = fields.Integer(
        string="Smallest Group Shown",
        default=5,
        help="Summaries of individual competence hide a cell of fewer people "
        "than this, so that nobody is recognised in it (as official statistics "
        "do).",
    )

    @api.constrains("kompetanse_min_group_size")
    def _check_kompetanse_min_group_size(self):
        for company in self:
            if not 1 <= company.kompetanse_min_group_size <= 1000:
                raise ValidationError(
                    self.env._(
                        "The smallest group shown must be between 1 and 1000 people."
                    )
                )
