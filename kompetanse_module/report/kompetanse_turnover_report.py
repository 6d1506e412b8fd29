# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Turnover (G-HR-4): who left, the competences that left with them and the
target picture lines whose coverage fell, and the turnover rate per unit and
year. Who left and why is HR's to see; the rates are aggregates."""

from odoo import api, fields, models
from odoo.tools import SQL

LEAVERS = SQL(
    """
    SELECT employee.id AS employee_id, employee.departure_date,
           employee.departure_reason_id, employee.department_id,
           employee.company_id
      FROM hr_employee employee
     WHERE NOT employee.active AND employee.departure_date IS NOT NULL
    """
)


class KompetanseTurnoverSkill(models.Model):
    """A competence a leaver took: their level of each skill on the day they
    left (the skill log), and each line of an approved target picture it
    counted for (the line's skill at or above its level, in its unit or the
    whole organisation, of a target picture in force that day), whose
    coverage fell by one."""

    _name = "kompetanse.turnover.skill"
    _description = "Competence Lost"
    _auto = False
    _order = "departure_date desc, employee_id, skill_id"
    _depends = {
        "hr.employee": [
            "active",
            "departure_date",
            "departure_reason_id",
            "department_id",
            "company_id",
        ],
        "hr.employee.skill.log": ["employee_id", "skill_id", "skill_level_id", "date"],
        "kompetanse.target.line": [
            "skill_id",
            "level_id",
            "department_id",
            "target_id",
        ],
        "kompetanse.target": ["state", "company_id", "date_start", "date_end"],
        "hr.skill.level": ["level_progress"],
        "hr.department": ["parent_path"],
    }

    employee_id = fields.Many2one("hr.employee", string="Leaver", readonly=True)
    departure_date = fields.Date(readonly=True)
    departure_reason_id = fields.Many2one("hr.departure.reason", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    level_id = fields.Many2one("hr.skill.level", string="Level", readonly=True)
    level_progress = fields.Integer(string="Level (%)", readonly=True, aggregator="avg")
    target_line_id = fields.Many2one(
        "kompetanse.target.line",
        string="Target Picture Line",
        readonly=True,
        help="A line of an approved target picture this person counted for.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH leaver AS (%(leavers)s),
            held AS (
                SELECT DISTINCT ON (log.employee_id, log.skill_id)
                       leaver.*, log.skill_id, log.skill_type_id,
                       log.skill_level_id AS level_id, level.level_progress
                  FROM leaver
                  JOIN hr_employee_skill_log log
                    ON log.employee_id = leaver.employee_id
                   AND log.date <= leaver.departure_date
                  JOIN hr_skill_level level ON level.id = log.skill_level_id
                 ORDER BY log.employee_id, log.skill_id, log.date DESC, log.id DESC
            )
            SELECT ROW_NUMBER() OVER (
                       ORDER BY held.employee_id, held.skill_id, line.id
                   )::int AS id,
                   held.employee_id, held.departure_date,
                   held.departure_reason_id, held.department_id, held.company_id,
                   held.skill_id, held.skill_type_id, held.level_id,
                   held.level_progress, line.id AS target_line_id
              FROM held
              LEFT JOIN hr_department edept ON edept.id = held.department_id
              LEFT JOIN (
                    SELECT line.*, required.level_progress AS required_progress,
                           target.company_id AS target_company_id,
                           target.date_start AS target_start,
                           target.date_end AS target_end,
                           ldept.parent_path AS unit_path
                      FROM kompetanse_target_line line
                      JOIN kompetanse_target target
                        ON target.id = line.target_id
                       AND target.state IN ('approved', 'archived')
                      JOIN hr_skill_level required ON required.id = line.level_id
                      LEFT JOIN hr_department ldept ON ldept.id = line.department_id
                   ) line
                ON line.skill_id = held.skill_id
               AND line.target_company_id = held.company_id
               AND held.level_progress >= line.required_progress
               AND held.departure_date BETWEEN line.target_start AND line.target_end
               AND (line.department_id IS NULL
                    OR starts_with(edept.parent_path, line.unit_path))
            """,
            leavers=LEAVERS,
        )


class KompetanseTurnoverRate(models.Model):
    """Per unit and year: who left, the average headcount (at the year's
    start and its end, or today) and the turnover rate. A unit's row of
    fewer people than the smallest group shown is HR's only."""

    _name = "kompetanse.turnover.rate"
    _description = "Turnover Rate"
    _auto = False
    _order = "year desc, department_id"
    _depends = {
        "hr.employee": [
            "active",
            "departure_date",
            "department_id",
            "company_id",
            "create_date",
        ],
        "res.company": ["kompetanse_min_group_size"],
    }

    year = fields.Integer(readonly=True, aggregator=None)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    leaver_count = fields.Integer(string="Leavers", readonly=True)
    headcount = fields.Float(
        string="Average Headcount",
        readonly=True,
        digits=(16, 1),
        help="The people of the unit at the year's start and at its end (or "
        "today), averaged; an employee counts from the day their record was "
        "made in Odoo.",
    )
    large_enough = fields.Boolean(
        string="Large Enough to Show",
        readonly=True,
        help="The unit's average headcount is at least the company's smallest "
        "group shown.",
    )
    rate = fields.Float(
        string="Turnover (%)",
        readonly=True,
        aggregator="max",
        digits=(16, 1),
        help="Leavers of the year per average headcount.",
    )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """A group's rate is its leavers per its headcount, not the average of
        its units' rates."""
        names = [spec.split(":")[0].split("(")[0].strip() for spec in fields]
        if "rate" not in names:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        # the sums the rate is made of, beside what the caller asked (its own
        # "rate" spec stays, so an order by it still reads)
        extra = [
            spec
            for spec, name in (
                ("leaver_count:sum", "leaver_count"),
                ("headcount:sum", "headcount"),
            )
            if name not in names
        ]
        groups = super().read_group(
            domain, list(fields) + extra, groupby, offset, limit, orderby, lazy
        )
        for group in groups:
            headcount = group.get("headcount") or 0
            group["rate"] = (
                round(100.0 * (group.get("leaver_count") or 0) / headcount, 1)
                if headcount
                else 0.0
            )
        return groups

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        # the years of departures and this one, as constants: a set of years
        # the planner can count (a DISTINCT over the employees in the query is
        # estimated at hundreds of years, the report planned - and compiled -
        # for millions of rows)
        self.env["hr.employee"].flush_model(["departure_date"])
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT EXTRACT(YEAR FROM departure_date)::int "
                "FROM hr_employee WHERE departure_date IS NOT NULL"
            )
        )
        years = sorted({year for (year,) in rows} | {today.year})
        return SQL(
            """
            WITH years AS (
                SELECT year FROM (VALUES %(years)s) AS known (year)
            ),
            bounds AS (
                SELECT year, make_date(year, 1, 1) AS first,
                       LEAST(make_date(year, 12, 31), %(today)s::date) AS last
                  FROM years WHERE make_date(year, 1, 1) <= %(today)s::date
            ),
            -- the employees counted by what decides whether they count in a
            -- year: people who joined (in Odoo) the same day and left the same
            -- day are one row, however many
            people AS (
                SELECT employee.department_id, employee.company_id,
                       employee.create_date::date AS since,
                       employee.departure_date, employee.active,
                       COUNT(*) AS count
                  FROM hr_employee employee
                 WHERE employee.department_id IS NOT NULL
              GROUP BY employee.department_id, employee.company_id,
                       employee.create_date::date, employee.departure_date,
                       employee.active
            ),
            counted AS (
                SELECT bounds.year, people.department_id, people.company_id,
                       COALESCE(SUM(people.count) FILTER (
                           WHERE people.since <= bounds.first
                             AND (people.departure_date IS NULL
                                  OR people.departure_date > bounds.first)
                             AND (people.active OR people.departure_date
                                  IS NOT NULL)
                       ), 0) AS at_start,
                       COALESCE(SUM(people.count) FILTER (
                           WHERE people.since <= bounds.last
                             AND (people.departure_date IS NULL
                                  OR people.departure_date > bounds.last)
                             AND (people.active OR people.departure_date
                                  IS NOT NULL)
                       ), 0) AS at_end,
                       COALESCE(SUM(people.count) FILTER (
                           WHERE NOT people.active
                             AND people.departure_date
                                 BETWEEN bounds.first AND bounds.last
                       ), 0) AS leavers
                  FROM bounds
                 CROSS JOIN people
                 GROUP BY bounds.year, people.department_id, people.company_id
            )
            SELECT ROW_NUMBER() OVER (ORDER BY year, department_id)::int AS id,
                   year, department_id, company_id,
                   leavers AS leaver_count,
                   (at_start + at_end) / 2.0 AS headcount,
                   CASE WHEN at_start + at_end > 0
                        THEN ROUND(100.0 * leavers / ((at_start + at_end) / 2.0), 1)
                        ELSE 0 END AS rate,
                   (at_start + at_end) / 2.0 >= company.kompetanse_min_group_size
                       AS large_enough
              FROM counted
              JOIN res_company company ON company.id = counted.company_id
             WHERE at_start + at_end + leavers > 0
            """,
            years=SQL(", ").join(SQL("(%s)", year) for year in years),
            today=today,
        )
