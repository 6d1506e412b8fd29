# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .kompetanse_record_mixin import boolean_search, kompetanse_button

GROUP_HR_USER = "hr.group_hr_user"
# what the record rules of the module rest on: who manages which units
TREE_FIELDS = (
    "parent_id",
    "manager_id",
    "company_id",
    "active",
    "child_ids",
    "master_department_id",
)


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

    @api.model
    def _kompetanse_managed_ids(self):
        """Ids of the active departments the current user manages: as an
        active employee of theirs (in any of their companies), named manager."""
        active = {"active_test": True}
        mine = (
            self.env["hr.employee"]
            .sudo()
            .with_context(**active)
            ._search([("user_id", "=", self.env.uid)])
        )
        return (
            self.env["hr.department"]
            .sudo()
            .with_context(**active)
            ._search([("manager_id", "in", mine)])
        )

    def _kompetanse_managed_domain(self):
        return [("id", "child_of", self._kompetanse_managed_ids())]

    def _kompetanse_is_within(self, other):
        """Whether self (one department or none) is the department other or
        one of its sub-units."""
        return bool(
            self
            and other
            and self.parent_path
            and other.parent_path
            and self.parent_path.startswith(other.parent_path)
        )

    @api.depends_context("uid")
    def _compute_kompetanse_managed(self):
        managed = self.search(self._kompetanse_managed_domain())
        for department in self:
            department.kompetanse_managed = department in managed

    def _search_kompetanse_managed(self, operator, value):
        return boolean_search(
            self.env,
            self._fields["kompetanse_managed"]._description_string(self.env),
            operator,
            value,
            self._kompetanse_managed_domain(),
        )

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

    # --- the tree the rules rest on is HR's -------------------------------------

    def _kompetanse_check_tree_change(self, names):
        if self.env.su or self.env.user.has_group(GROUP_HR_USER):
            return
        changed = [name for name in TREE_FIELDS if name in names]
        if changed:
            raise AccessError(
                self.env._(
                    "Only HR changes the department tree and its managers "
                    "(%(fields)s).",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in changed
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._kompetanse_check_tree_change(TREE_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        self._kompetanse_check_tree_change(vals)
        if not self.env.su:
            # a value Odoo would take as empty (a text for the parent) must not
            # cut a unit loose from the tree
            self.env["kompetanse.role"]._kompetanse_check_fields_of(
                self, vals, ["parent_id", "manager_id"]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_hr(self):
        self._kompetanse_check_tree_change(TREE_FIELDS)
        # plans, needs and engagements keep their unit (the database would
        # refuse)
        for model in ("kompetanse.plan", "kompetanse.need", "kompetanse.engagement"):
            used = (
                self.env[model]
                .sudo()
                .search([("department_id", "in", self.ids)], limit=1)
            )
            if used:
                raise UserError(
                    self.env._(
                        "%(department)s has %(record)s (%(model)s); archive the "
                        "department instead.",
                        department=used.department_id.display_name,
                        record=used.display_name,
                        model=self.env[model]._description,
                    )
                )

    @kompetanse_button
    def action_open_kompetanse_gaps(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_gap_report_action"
        )
        # the same matrix as the menu's, with the unit as a filter the user
        # sees: one figure for one thing on every screen
        action["context"] = {
            "search_default_department_id": self.ids[0] if len(self) == 1 else False,
            "search_default_current_roles": 1,
        }
        if len(self) > 1:
            action["domain"] = [("department_id", "child_of", self.ids)]
        return action
