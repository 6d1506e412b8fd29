# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class KompetanseGapSummary(models.Model):
    """The gap analysis in aggregate, for whoever may not see individuals (the
    top leader among them): per department and skill of the current roles, how
    many people the roles ask it of and how many are below. A cell of fewer
    people than the company's smallest group shown is left out, as official
    statistics do, so that nobody is recognised in it; totals then count the
    cells shown. Future roles are left out: a cell of them beside the current
    one, of almost the same people, would tell the difference."""

    _name = "kompetanse.gap.summary"
    _description = "Competence Gap Summary"
    _auto = False
    _order = "department_id, skill_id"
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
        "res.company": ["kompetanse_min_group_size"],
    }

    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    people_count = fields.Integer(string="People", readonly=True)
    below_count = fields.Integer(
        string="Below the Level",
        readonly=True,
        help="People below the level their roles require, those who lack the "
        "skill included.",
    )
    missing_count = fields.Integer(
        string="Without the Skill",
        readonly=True,
    )
    met_count = fields.Integer(string="At the Level", readonly=True)
    gap_avg = fields.Float(
        string="Average Gap (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )

    @property
    def _table_query(self):
        gap_query = self.env["kompetanse.gap.report"]._table_query
        return SQL(
            """
            SELECT MIN(gap.id) AS id,
                   gap.department_id,
                   gap.company_id,
                   gap.skill_id,
                   gap.skill_type_id,
                   COUNT(*) AS people_count,
                   COUNT(*) FILTER (WHERE gap.status != 'met') AS below_count,
                   COUNT(*) FILTER (WHERE gap.status = 'missing') AS missing_count,
                   COUNT(*) FILTER (WHERE gap.status = 'met') AS met_count,
                   AVG(gap.gap) AS gap_avg
              FROM (%s) AS gap
              JOIN res_company company ON company.id = gap.company_id
             WHERE NOT gap.is_future
          GROUP BY gap.department_id, gap.company_id, gap.skill_id,
                   gap.skill_type_id, company.kompetanse_min_group_size
            HAVING COUNT(*)
                   >= GREATEST(COALESCE(company.kompetanse_min_group_size, 5), 1)
            """,
            gap_query,
        )
