# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class KompetanseGapReport(models.Model):
    """Gap analysis: one row per employee and skill their roles require, with
    the level required (the highest over the roles), the level they have and the
    gap. Rows of future roles are kept apart (G-NL-2)."""

    _name = "kompetanse.gap.report"
    _description = "Competence Gap Analysis"
    _auto = False
    _order = "gap desc, employee_id, skill_id"
    # pending writes to these are flushed before the report is read
    _depends = {
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
            ), actual AS (
                SELECT eskill.employee_id,
                       eskill.skill_id,
                       MAX(COALESCE(level.level_progress, 0)) AS progress
                  FROM hr_employee_skill eskill
                  JOIN hr_skill_level level ON level.id = eskill.skill_level_id
              GROUP BY eskill.employee_id, eskill.skill_id
            )
            -- a stable id: the same row keeps it while the data changes
            SELECT req.employee_id::bigint * 4294967296 + req.skill_id * 2
                       + req.is_future::int AS id,
                   req.employee_id,
                   employee.department_id,
                   employee.company_id,
                   req.skill_id,
                   req.skill_type_id,
                   req.required_progress,
                   COALESCE(actual.progress, 0) AS actual_progress,
                   GREATEST(req.required_progress - COALESCE(actual.progress, 0), 0)
                       AS gap,
                   CASE
                       WHEN actual.progress IS NULL AND req.required_progress > 0
                           THEN 'missing'
                       WHEN COALESCE(actual.progress, 0) < req.required_progress
                           THEN 'below'
                       ELSE 'met'
                   END AS status,
                   req.is_essential,
                   req.is_future
              FROM requirement req
              JOIN hr_employee employee
                ON employee.id = req.employee_id AND employee.active
         LEFT JOIN actual
                ON actual.employee_id = req.employee_id
               AND actual.skill_id = req.skill_id
            """
        )
