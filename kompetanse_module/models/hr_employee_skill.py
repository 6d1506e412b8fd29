# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class HrEmployeeSkill(models.Model):
    """Employees' levels, imported by name: the employee by name or work
    email, the skill within its type, the level within the skill's type."""

    _name = "hr.employee.skill"
    _inherit = ["hr.employee.skill", "kompetanse.skill.import"]

    _kompetanse_import_columns = (
        "skill_type_id",
        "skill_id",
        "skill_level_id",
        "employee_id",
    )
    _kompetanse_import_required = ("skill_id", "skill_level_id")
    _kompetanse_import_add_type = True

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Employees' Skill Levels"),
                "template": "/kompetanse_module/static/xls/hr_employee_skill.csv",
            }
        ]
