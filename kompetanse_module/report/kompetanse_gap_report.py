# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

# the rows the gap analysis has: per employee, a skill one of their roles
# requires, apart for future roles
REQUIREMENT_ROWS = """
    SELECT DISTINCT rel.employee_id,
           line.skill_id,
           COALESCE(role.is_future, FALSE) AS is_future
      FROM hr_employee_kompetanse_role_rel rel
      JOIN kompetanse_role role ON role.id = rel.role_id
      JOIN kompetanse_role_line line ON line.role_id = role.id
"""


class KompetanseGapKey(models.Model):
    """The id of each row of the gap analysis: one per employee, skill and
    current or future role, kept while the data changes, and small enough for
    XML-RPC clients (32 bits). Rows are added when roles, their requirements
    or their holders change; a key outlives its row, so a row that comes back
    gets its id back."""

    _name = "kompetanse.gap.key"
    _description = "Gap Analysis Row Key"
    _log_access = False

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", readonly=True
    )
    skill_id = fields.Many2one(
        "hr.skill", required=True, ondelete="cascade", readonly=True
    )
    is_future = fields.Boolean(string="Future Role", readonly=True)

    _sql_constraints = [
        (
            "row_uniq",
            "unique(employee_id, skill_id, is_future)",
            "A row of the gap analysis has one key.",
        ),
    ]

    def init(self):
        # keys for the data already there (install, upgrade)
        self._kompetanse_add_keys()

    @api.model
    def _kompetanse_add_keys(self, employee_ids=None):
        """Add the missing keys, for the rows of employee_ids or of everyone.
        One INSERT ... SELECT: the rows come from the role tables."""
        for model in ("hr.employee", "kompetanse.role", "kompetanse.role.line"):
            self.env[model].flush_model()
        where = SQL("TRUE")
        if employee_ids is not None:
            if not employee_ids:
                return
            where = SQL("rel.employee_id IN %s", tuple(employee_ids))
        self.env.cr.execute(
            SQL(
                """
            INSERT INTO kompetanse_gap_key (employee_id, skill_id, is_future)
                 SELECT row.employee_id, row.skill_id, row.is_future
                   FROM (%s WHERE %s) AS row
            ON CONFLICT (employee_id, skill_id, is_future) DO NOTHING
                """,
                SQL(REQUIREMENT_ROWS),
                where,
            )
        )


class KompetanseGapReport(models.Model):
    """Gap analysis: one row per employee and skill their roles require, with
    the level required (the highest over the roles), the level they have and the
    gap. Rows of future roles are kept apart (G-NL-2)."""

    _name = "kompetanse.gap.report"
    _description = "Competence Gap Analysis"
    _inherit = ["kompetanse.individual.mixin"]
    _auto = False
    _order = "gap desc, employee_id, skill_id"
    # pending writes to these are flushed before the report is read
    _depends = {
        "kompetanse.gap.key": ["employee_id", "skill_id", "is_future"],
        "hr.employee": ["active", "department_id", "company_id", "role_ids"],
        "hr.employee.skill": ["employee_id", "skill_id", "skill_level_id"],
        "hr.skill.level": ["level_progress"],
        "kompetanse.role": ["active", "is_future", "employee_ids"],
        "kompetanse.role.line": [
            "role_id",
            "skill_id",
            "skill_type_id",
            "level_id",
            "importance",
        ],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    required_progress = fields.Integer(
        string="Required Level (%)", readonly=True, aggregator="max"
    )
    actual_progress = fields.Integer(
        string="Current Level (%)", readonly=True, aggregator="avg"
    )
    gap = fields.Integer(string="Gap (%)", readonly=True, aggregator="avg")
    status = fields.Selection(
        [("met", "Met"), ("below", "Below"), ("missing", "Missing")],
        readonly=True,
    )
    is_essential = fields.Boolean(string="Essential", readonly=True)
    is_future = fields.Boolean(string="Future Role", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH requirement AS (
                SELECT rel.employee_id,
                       line.skill_id,
                       line.skill_type_id,
                       COALESCE(role.is_future, FALSE) AS is_future,
                       MAX(COALESCE(level.level_progress, 0)) AS required_progress,
                       BOOL_OR(line.importance = 'essential') AS is_essential
                  FROM hr_employee_kompetanse_role_rel rel
                  JOIN kompetanse_role role ON role.id = rel.role_id AND role.active
                  JOIN kompetanse_role_line line ON line.role_id = role.id
                  JOIN hr_skill_level level ON level.id = line.level_id
              GROUP BY rel.employee_id, line.skill_id, line.skill_type_id,
                       COALESCE(role.is_future, FALSE)
            )
            -- a stable 32-bit id: the row's key (kompetanse.gap.key)
            SELECT gap_key.id,
                   req.employee_id,
                   employee.department_id,
                   employee.company_id,
                   req.skill_id,
                   req.skill_type_id,
                   req.required_progress,
                   COALESCE(held.level_progress, 0) AS actual_progress,
                   GREATEST(req.required_progress - COALESCE(held.level_progress, 0), 0)
                       AS gap,
                   CASE
                       WHEN eskill.id IS NULL AND req.required_progress > 0
                           THEN 'missing'
                       WHEN COALESCE(held.level_progress, 0) < req.required_progress
                           THEN 'below'
                       ELSE 'met'
                   END AS status,
                   req.is_essential,
                   req.is_future
              FROM requirement req
              JOIN hr_employee employee
                ON employee.id = req.employee_id AND employee.active
              -- a LEFT JOIN on the key's unique index: PostgreSQL leaves it
              -- out of a query that does not read the id (the aggregates)
         LEFT JOIN kompetanse_gap_key gap_key
                ON gap_key.employee_id = req.employee_id
               AND gap_key.skill_id = req.skill_id
               AND gap_key.is_future = req.is_future
              -- Odoo keeps one level of a skill per employee (a unique
              -- index): their row, not a count of everyone's
         LEFT JOIN hr_employee_skill eskill
                ON eskill.employee_id = req.employee_id
               AND eskill.skill_id = req.skill_id
         LEFT JOIN hr_skill_level held ON held.id = eskill.skill_level_id
            """
        )
