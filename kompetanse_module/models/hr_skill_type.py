# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .hr_skill import check_catalogue_unused


class HrSkillType(models.Model):
    _inherit = "hr.skill.type"

    # the ESCO skill type ("knowledge", "skill/competence") whose concepts the
    # ESCO import puts in this type, when it made it
    kompetanse_esco_skill_type = fields.Char(string="ESCO Skill Type", copy=False)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for the Competence Catalogue"),
                "template": "/kompetanse_module/static/xls/hr_skill_type.csv",
            }
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_required(self):
        # the database deletes a type's skills and levels with it
        check_catalogue_unused(self.env, "skill_id", self.skill_ids)
        check_catalogue_unused(self.env, "level_id", self.skill_level_ids)
