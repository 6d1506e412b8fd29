# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .kompetanse_record_mixin import boolean_search


class KompetanseIndividualMixin(models.AbstractModel):
    """Whether the current user sees a row's employee as an individual (their
    skills, gaps and development), computed and searched on the column that
    holds the employee: ``id`` for the employees and their public profiles,
    ``employee_id`` for the reports of one row per employee (and more).
    Searched as a plain list of employees on that column, so that PostgreSQL
    takes the filter into a report's grouped rows (a record rule on
    employee_id.kompetanse_individual_access would go through a subquery on
    the employees), and a manager's read of a few hundred people reads only
    theirs. Not stored: a stored field here would need a column in the
    reports' SQL views."""

    _name = "kompetanse.individual.mixin"
    _description = "Individual Competence Access"
    # the column holding the row's employee
    _kompetanse_individual_column = "employee_id"

    kompetanse_individual_access = fields.Boolean(
        string="Individual Competence Visible to Me",
        compute="_compute_kompetanse_individual_access",
        search="_search_kompetanse_individual_access",
        help="Whether you see this employee's skills, gaps and development: you "
        "are the employee, one of their managers (up the manager chain, or of "
        "their department or a department above it), or HR.",
    )

    @api.depends_context("uid")
    def _compute_kompetanse_individual_access(self):
        column = self._kompetanse_individual_column
        employee_of = {
            row: row._origin.id if column == "id" else row[column].id for row in self
        }
        visible = self.env["hr.employee"]._kompetanse_individual_ids(
            set(employee_of.values()) - {False}
        )
        for row, employee_id in employee_of.items():
            row.kompetanse_individual_access = employee_id in visible

    def _search_kompetanse_individual_access(self, operator, value):
        domain = self.env["hr.employee"]._kompetanse_individual_domain()
        if domain != [(1, "=", 1)]:
            domain = [(self._kompetanse_individual_column, "in", domain[0][2])]
        return boolean_search(
            self.env,
            self._fields["kompetanse_individual_access"]._description_string(self.env),
            operator,
            value,
            domain,
        )
