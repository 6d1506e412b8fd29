# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class KompetanseConversationCoverage(models.Model):
    """Conversations this year, per active employee: how many were held and
    whether that is as many as the company asks (G-NL-5). Whether someone had
    their conversations is theirs, their managers' and HR's to see: the rows
    follow the individual access of their employee."""

    _name = "kompetanse.conversation.coverage"
    _description = "Conversation Coverage"
    _inherit = ["kompetanse.individual.mixin"]
    _auto = False
    _order = "manager_id, employee_id"
    _depends = {
        "kompetanse.conversation": ["employee_id", "state", "date"],
        "hr.employee": ["active", "department_id", "company_id", "parent_id"],
        "hr.department": ["manager_id"],
        "res.company": ["kompetanse_conversations_per_year"],
        "hr.appraisal": ["employee_id", "state", "date_close", "active"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    manager_id = fields.Many2one("hr.employee", string="Manager", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_count = fields.Integer(string="Headcount", readonly=True)
    held_count = fields.Integer(string="Held", readonly=True)
    planned_count = fields.Integer(string="Planned", readonly=True)
    required_count = fields.Integer(string="A Year", readonly=True, aggregator="max")
    is_covered = fields.Boolean(string="Enough Conversations", readonly=True)
    covered_count = fields.Integer(
        string="With Enough",
        readonly=True,
        help="Employees who had this year as many conversations as the company "
        "asks.",
    )
    coverage = fields.Float(
        string="Coverage (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    last_date = fields.Datetime(string="Last Held", readonly=True, aggregator="max")

    def _kompetanse_year_bounds(self):
        """This year, from January 1st to the next, on the user's clock, as
        the naive UTC datetimes conversations are stored in."""
        Conversation = self.env["kompetanse.conversation"]
        year = fields.Date.context_today(self).year
        tz = self.env.context.get("tz") or self.env.user.tz
        return (
            Conversation._kompetanse_utc(date(year, 1, 1), tz, hour=0),
            Conversation._kompetanse_utc(date(year + 1, 1, 1), tz, hour=0),
        )

    @property
    def _table_query(self):
        start, end = self._kompetanse_year_bounds()
        year = fields.Date.context_today(self).year
        start_day, end_day = date(year, 1, 1), date(year + 1, 1, 1)
        return SQL(
            """
            SELECT employee.id AS id,
                   employee.id AS employee_id,
                   -- who holds the conversations, as they default to
                   COALESCE(
                       employee.parent_id,
                       NULLIF(unit.manager_id, employee.id)
                   ) AS manager_id,
                   employee.department_id AS department_id,
                   employee.company_id AS company_id,
                   1 AS employee_count,
                   COALESCE(held.held_count, 0) AS held_count,
                   COALESCE(held.planned_count, 0) AS planned_count,
                   company.kompetanse_conversations_per_year AS required_count,
                   COALESCE(held.held_count, 0)
                       >= company.kompetanse_conversations_per_year AS is_covered,
                   (COALESCE(held.held_count, 0)
                       >= company.kompetanse_conversations_per_year)::int
                       AS covered_count,
                   CASE WHEN COALESCE(held.held_count, 0)
                             >= company.kompetanse_conversations_per_year
                        THEN 100.0 ELSE 0.0 END AS coverage,
                   held.last_date AS last_date
              FROM hr_employee employee
              JOIN res_company company ON company.id = employee.company_id
         LEFT JOIN hr_department unit ON unit.id = employee.department_id
         LEFT JOIN (
                SELECT held.employee_id,
                       COUNT(*) FILTER (WHERE held.state = 'held') AS held_count,
                       COUNT(*) FILTER (WHERE held.state = 'planned')
                           AS planned_count,
                       MAX(held.date) FILTER (WHERE held.state = 'held')
                           AS last_date
                  FROM (
                        SELECT conversation.employee_id, conversation.state,
                               conversation.date
                          FROM kompetanse_conversation conversation
                         WHERE conversation.state IN ('held', 'planned')
                           AND conversation.date >= %s
                           AND conversation.date < %s
                     -- a done appraisal is a conversation held on its day
                     UNION ALL
                        SELECT appraisal.employee_id, 'held',
                               appraisal.date_close::timestamp
                          FROM hr_appraisal appraisal
                         WHERE appraisal.state = '3_done'
                           AND appraisal.active
                           AND appraisal.date_close >= %s
                           AND appraisal.date_close < %s
                       ) held
              GROUP BY held.employee_id
                   ) held ON held.employee_id = employee.id
             WHERE employee.active
            """,
            start,
            end,
            start_day,
            end_day,
        )

    @api.model
    @api.readonly
    def kompetanse_my_coverage(self, *args, **kwargs):
        """For the first screen: the coverage of the people the user sees
        (their own row left out), in one grouped read; empty for whoever
        manages nobody."""
        if args or kwargs:
            raise UserError(self.env._("This takes no arguments."))
        domain = [("employee_id.user_id", "!=", self.env.uid)]
        [(count, covered, planned, required)] = self._read_group(
            domain,
            aggregates=[
                "__count",
                "covered_count:sum",
                "planned_count:sum",
                "required_count:max",
            ],
        )
        if not count:
            return {}
        return {
            "employees": count,
            "covered": covered,
            "planned": planned,
            "required": required,
        }
