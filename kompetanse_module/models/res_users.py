# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

# where a user sits in the organisation: who manages them rests on it
PLACEMENT_FIELDS = ("department_id", "employee_parent_id")


class ResUsers(models.Model):
    _inherit = "res.users"

    # hr_skills relates a user's skills as the superuser, so any internal user
    # read a colleague's skill ids on res.users; read them as the user, as hr
    # does for its own related employee fields, so that the privacy rules apply
    employee_skill_ids = fields.One2many(related_sudo=False)

    def write(self, vals):
        # hr lets employees edit their own department and manager in their
        # profile (setting "Employee Editing"); whose manager sees whom is HR's
        # to decide, as the department tree is
        if (
            set(PLACEMENT_FIELDS) & set(vals)
            and not self.env.su
            and not self.env.user.has_group("hr.group_hr_user")
        ):
            raise AccessError(
                self.env._(
                    "Only HR moves an employee to another department or manager."
                )
            )
        return super().write(vals)
