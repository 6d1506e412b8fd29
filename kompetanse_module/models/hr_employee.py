# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL, create_index

GROUP_HR_USER = "hr.group_hr_user"
# the module's index on Odoo's employees, dropped when it is uninstalled: the
# leavers, for the turnover reports (their years, the leavers of a year)
DEPARTURE_INDEX = "kompetanse_hr_employee_departure_date_index"


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "kompetanse.individual.mixin"]
    _kompetanse_individual_column = "id"

    # the same fields are on hr.employee.public: employees read each other's roles
    role_ids = fields.Many2many(
        "kompetanse.role",
        "hr_employee_kompetanse_role_rel",
        "employee_id",
        "role_id",
        string="Roles",
        domain="[('company_id', 'in', [company_id, False])]",
    )
    kompetanse_gap_ids = fields.One2many(
        "kompetanse.gap.report", "employee_id", string="Competence Gaps"
    )

    def init(self):
        result = super().init()
        create_index(
            self.env.cr,
            DEPARTURE_INDEX,
            self._table,
            ["departure_date"],
            where="departure_date IS NOT NULL",
        )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self.env["kompetanse.role"]._kompetanse_check_fields_of(
                    self, vals, ["role_ids"]
                )
        employees = super().create(vals_list)
        if any(vals.get("role_ids") for vals in vals_list):
            self.env["kompetanse.gap.key"]._kompetanse_add_keys(employees.ids)
        return employees

    def write(self, vals):
        if not self.env.su:
            self.env["kompetanse.role"]._kompetanse_check_fields_of(
                self, vals, ["role_ids"]
            )
        result = super().write(vals)
        if "role_ids" in vals:
            self.env["kompetanse.gap.key"]._kompetanse_add_keys(self.ids)
        return result

    @api.model
    def _kompetanse_individual_domain(self):
        """The employees whose individual competence the current user sees:
        their own, those below them in the manager chain (parent_id), those of
        the departments they manage and their sub-units; HR sees all. Managing
        is done by an active employee of the user, of an active department. The
        top leader group grants nothing by itself."""
        if self.env.user.has_group(GROUP_HR_USER):
            return [(1, "=", 1)]
        # the chain has no parent_path: one recursive query, not one per level
        return [("id", "in", self._kompetanse_individual_visible_ids())]

    @api.model
    def _kompetanse_individual_visible_ids(self):
        """The ids of _kompetanse_individual_domain (not for HR), in one
        recursive query run on its own: the rules and reports that use them
        get a list whose size PostgreSQL knows, where a recursive subquery
        inside theirs would be estimated at many times the company and planned
        (and compiled) accordingly."""
        self.env["hr.employee"].flush_model(
            ["user_id", "parent_id", "department_id", "active"]
        )
        self.env["hr.department"].flush_model(["parent_path", "manager_id", "active"])
        # a recursive query is estimated at many times its rows; cheap as it is,
        # that estimate would have PostgreSQL compile it (JIT) each time: off
        # for this query, then as it was
        [(previous, __)] = self.env.execute_query(
            SQL(
                "SELECT was.jit, set_config('jit', 'off', true) "
                "FROM (SELECT current_setting('jit') AS jit OFFSET 0) was"
            )
        )
        try:
            rows = self._kompetanse_individual_rows()
        finally:
            self.env.cr.execute(SQL("SELECT set_config('jit', %s, true)", previous))
        # the parts overlap (one's own unit, the chain within it): merged
        # here, where a UNION would have PostgreSQL size a hash table for the
        # recursive part's estimate, many times the company
        return sorted({row[0] for row in rows})

    @api.model
    def _kompetanse_individual_rows(self):
        """The rows of _kompetanse_individual_visible_ids: the user's own
        employees, those below them in the manager chain, and the people of
        the active departments they manage and below (an id may come twice)."""
        uid = self.env.uid
        return self.env.execute_query(
            SQL(
                """
            WITH RECURSIVE mine AS (
                SELECT id FROM hr_employee WHERE user_id = %s AND active
            ), chain AS (
                SELECT id FROM hr_employee WHERE parent_id IN (SELECT id FROM mine)
                 UNION
                SELECT employee.id
                  FROM hr_employee employee
                  JOIN chain ON employee.parent_id = chain.id
            )
            SELECT id FROM hr_employee WHERE user_id = %s
             UNION ALL
            SELECT id FROM chain
             UNION ALL
            SELECT employee.id
              FROM hr_employee employee
              JOIN hr_department unit ON unit.id = employee.department_id
              JOIN hr_department managed
                ON starts_with(unit.parent_path, managed.parent_path)
             WHERE managed.active
               AND managed.manager_id IN (SELECT id FROM mine)
                """,
                uid,
                uid,
            )
        )

    def _kompetanse_managers(self):
        """The employee's managers: up the manager chain, and the managers of
        their department and the departments above it."""
        self.ensure_one()
        managers = self.browse()
        boss = self.sudo().parent_id
        while boss and boss not in managers and boss != self:
            managers |= boss
            boss = boss.parent_id
        units = self.sudo().department_id
        if units:
            ids = [int(unit) for unit in units.parent_path.split("/") if unit]
            managers |= self.env["hr.department"].sudo().browse(ids).manager_id
        return (managers - self).with_env(self.env)

    @api.model
    def _kompetanse_individual_ids(self, ids):
        """Those of ids whose individual competence the current user sees."""
        return set(
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", list(ids)), *self._kompetanse_individual_domain()])
            .ids
        )
