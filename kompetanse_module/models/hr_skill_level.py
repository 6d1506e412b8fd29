# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .hr_skill import check_catalogue_unused


class HrSkillLevel(models.Model):
    _inherit = "hr.skill.level"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_required(self):
        check_catalogue_unused(self.env, "level_id", self)
