# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


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

    @api.model_create_multi
    def create(self, vals_list):
        """A level is given only to someone whose skills the user keeps, and
        refused alike whether or not they hold one: the database's refusal of
        a second level would tell who holds what."""
        if not self.env.su:
            employees = {vals.get("employee_id") for vals in vals_list} - {None, False}
            self._kompetanse_check_keeper(employees)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and vals.get("employee_id"):
            self._kompetanse_check_keeper({vals["employee_id"]})
        return super().write(vals)

    def _kompetanse_check_keeper(self, employee_ids):
        employee_ids = {e for e in employee_ids if isinstance(e, int)}
        visible = self.env["hr.employee"]._kompetanse_individual_ids(employee_ids)
        outside = employee_ids - set(visible)
        if outside:
            names = self.env["hr.employee"].sudo().browse(outside).exists()
            raise AccessError(
                self.env._(
                    "You do not keep the skills of %(employees)s.",
                    employees=", ".join(names.mapped("name")) or "?",
                )
            )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Employees' Skill Levels"),
                "template": "/kompetanse_module/static/xls/hr_employee_skill.csv",
            }
        ]
