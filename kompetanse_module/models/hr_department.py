# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    kompetanse_managed = fields.Boolean(
        string="Managed by Me",
        compute="_compute_kompetanse_managed",
        search="_search_kompetanse_managed",
        help="The current user manages this department or one above it.",
    )
    kompetanse_gap_count = fields.Integer(
        string="Competence Gaps",
        compute="_compute_kompetanse_gap_count",
        groups="kompetanse_module.kompetanse_group_manager",
    )

    def _kompetanse_managed_domain(self):
        managed = (
            self.env["hr.department"]
            .sudo()
            ._search([("manager_id.user_id", "=", self.env.uid)])
        )
        return [("id", "child_of", managed)]

    def _compute_kompetanse_managed(self):
        managed = self.search(self._kompetanse_managed_domain())
        for department in self:
            department.kompetanse_managed = department in managed

    def _search_kompetanse_managed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("Operation not supported: %(operator)s", operator=operator)
            )
        domain = self._kompetanse_managed_domain()
        return domain if (operator == "=") == value else ["!"] + domain

    def _compute_kompetanse_gap_count(self):
        # current gaps of the department and its sub-units, one grouped query
        rows = self.env["kompetanse.gap.report"]._read_group(
            [
                ("department_id", "child_of", self.ids),
                ("gap", ">", 0),
                ("is_future", "=", False),
            ],
            ["department_id"],
            ["__count"],
        )
        counts = {department: count for department, count in rows}
        for department in self:
            department.kompetanse_gap_count = sum(
                count
                for child, count in counts.items()
                if department.parent_path
                and child.parent_path.startswith(department.parent_path)
            )

    def action_open_kompetanse_gaps(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_gap_report_action"
        )
        action["domain"] = [("department_id", "child_of", self.id)]
        action["context"] = {
            "search_default_with_gap": 1,
            "search_default_current_roles": 1,
        }
        return action
