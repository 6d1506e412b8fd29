# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..models.kompetanse_method import CATEGORIES


class KompetanseRollupReport(models.Model):
    """Every unit's needs and measures by target picture line and department,
    for HR's rolled-up view of the plans. A measure's cost is split evenly over
    the lines it addresses, so that sums stay true."""

    _name = "kompetanse.rollup.report"
    _description = "Competence Plans Rolled Up"
    _auto = False
    _order = "department_id, target_line_id"
    _depends = {
        "kompetanse.need": [
            "plan_id",
            "department_id",
            "company_id",
            "state",
            "target_line_ids",
            "method_id",
            "category",
        ],
        "kompetanse.measure": [
            "plan_id",
            "department_id",
            "company_id",
            "state",
            "cost_total",
            "target_line_ids",
            "method_id",
        ],
        "kompetanse.target.line": ["target_id", "skill_id"],
    }

    kind = fields.Selection([("need", "Need"), ("measure", "Measure")], readonly=True)
    need_id = fields.Many2one("kompetanse.need", readonly=True)
    measure_id = fields.Many2one("kompetanse.measure", readonly=True)
    plan_id = fields.Many2one("kompetanse.plan", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    target_line_id = fields.Many2one(
        "kompetanse.target.line", string="Target Picture Line", readonly=True
    )
    target_id = fields.Many2one(
        "kompetanse.target", string="Target Picture", readonly=True
    )
    skill_id = fields.Many2one("hr.skill", readonly=True)
    method_id = fields.Many2one("kompetanse.method", readonly=True)
    category = fields.Selection(CATEGORIES, string="Way to Cover It", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Status", readonly=True
    )
    cost = fields.Float(readonly=True)

    @api.model
    def _selection_state(self):
        """The statuses of needs and of measures, as each model names them."""
        states = {}
        for model in ("kompetanse.need", "kompetanse.measure"):
            field = self.env[model]._fields["state"]
            states.update(field._description_selection(self.env))
        return list(states.items())

    @property
    def _table_query(self):
        return SQL(
            """
            -- a row is a need's or a measure's target line (or none): its id
            -- from the record's and the line's, without numbering (and so
            -- sorting) every row of the report on each read
            SELECT ((item.record_id::bigint * bound.lines
                     + COALESCE(item.target_line_id, 0)) * 2
                    + (item.kind = 'measure')::int) AS id,
                   item.*,
                   line.target_id,
                   line.skill_id
              FROM (
                    SELECT 'need' AS kind,
                           need.id AS record_id,
                           need.id AS need_id,
                           NULL::integer AS measure_id,
                           need.plan_id,
                           need.department_id,
                           need.company_id,
                           rel.line_id AS target_line_id,
                           need.method_id,
                           need.category,
                           need.state,
                           0.0 AS cost
                      FROM kompetanse_need need
                 LEFT JOIN kompetanse_need_target_line_rel rel
                        ON rel.need_id = need.id
                 UNION ALL
                    SELECT 'measure',
                           measure.id,
                           NULL::integer,
                           measure.id,
                           measure.plan_id,
                           measure.department_id,
                           measure.company_id,
                           rel.line_id,
                           measure.method_id,
                           measure.category,
                           measure.state,
                           COALESCE(measure.cost_total, 0)
                               / GREATEST(lines.count, 1)
                      FROM kompetanse_measure measure
                 LEFT JOIN kompetanse_measure_target_line_rel rel
                        ON rel.measure_id = measure.id
                      -- how many lines share the cost: counted once for all
                 LEFT JOIN (
                            SELECT measure_id, COUNT(*) AS count
                              FROM kompetanse_measure_target_line_rel
                          GROUP BY measure_id
                           ) lines ON lines.measure_id = measure.id
                   ) AS item
         LEFT JOIN kompetanse_target_line line ON line.id = item.target_line_id
        CROSS JOIN (SELECT COALESCE(MAX(id), 0) + 1 AS lines
                      FROM kompetanse_target_line) bound
            """
        )
