# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Recruitment by the target picture: what a position requires (from the roles
it fills), how each applicant matches it level by level, who inside already
meets it, and recruitment, hiring-in and development side by side."""

from odoo import api, fields, models
from odoo.tools import SQL

IMPORTANCE = [("essential", "Essential"), ("desirable", "Desirable")]
# an essential requirement weighs this many times a desirable one
ESSENTIAL_WEIGHT = 2


def requirement_query():
    """Per position and skill, the highest level its active roles require,
    essential when any of them says so."""
    return SQL(
        """
        SELECT DISTINCT ON (rel.job_id, line.skill_id)
               rel.job_id,
               line.skill_id,
               line.skill_type_id,
               line.level_id,
               level.level_progress AS required_progress,
               CASE WHEN BOOL_OR(line.importance = 'essential')
                         OVER (PARTITION BY rel.job_id, line.skill_id)
                    THEN 'essential' ELSE 'desirable' END AS importance
          FROM hr_job_kompetanse_role_rel rel
          JOIN kompetanse_role role ON role.id = rel.role_id AND role.active
          JOIN kompetanse_role_line line ON line.role_id = role.id
          JOIN hr_skill_level level ON level.id = line.level_id
         ORDER BY rel.job_id, line.skill_id, level.level_progress DESC, line.level_id
        """
    )


class KompetanseJobRequirement(models.Model):
    """A skill a position requires, at the highest level of its roles."""

    _name = "kompetanse.job.requirement"
    _description = "Position Requirement"
    _auto = False
    _order = "job_id, importance desc, required_progress desc, skill_id"
    _depends = {
        "hr.job": ["role_ids", "company_id"],
        "kompetanse.role": ["active"],
        "kompetanse.role.line": ["role_id", "skill_id", "level_id", "importance"],
        "hr.skill.level": ["level_progress", "skill_type_id"],
    }

    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    level_id = fields.Many2one("hr.skill.level", string="Required Level", readonly=True)
    required_progress = fields.Integer(
        string="Required (%)", readonly=True, aggregator="avg"
    )
    importance = fields.Selection(IMPORTANCE, readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY req.job_id, req.skill_id)::int AS id,
                   req.*, job.company_id
              FROM (%s) req
              JOIN hr_job job ON job.id = req.job_id
            """,
            requirement_query(),
        )


APPLICANTS = SQL(
    "SELECT id, candidate_id, job_id, company_id, active FROM hr_applicant"
)


def match_query(pairs=APPLICANTS):
    """Per applicant (or pair of candidate and position given as pairs: id,
    candidate_id, job_id, company_id, active) and requirement of the position:
    the level assessed (the candidate's skill), the gap and the weighted part
    of the score."""
    return SQL(
        """
        SELECT applicant.id AS applicant_id,
               applicant.candidate_id,
               applicant.job_id,
               applicant.company_id,
               applicant.active,
               req.skill_id,
               req.skill_type_id,
               req.level_id AS required_level_id,
               req.required_progress,
               req.importance,
               held.skill_level_id AS level_id,
               COALESCE(level.level_progress, 0) AS progress,
               GREATEST(req.required_progress - COALESCE(level.level_progress, 0), 0)
                   AS gap,
               CASE WHEN held.id IS NULL THEN 'missing'
                    WHEN level.level_progress >= req.required_progress THEN 'met'
                    ELSE 'below' END AS status,
               CASE WHEN req.importance = 'essential' THEN %(weight)s ELSE 1 END
                   AS weight,
               CASE WHEN held.id IS NULL THEN 0
                    WHEN req.required_progress <= 0 THEN 1
                    ELSE LEAST(level.level_progress::numeric
                               / req.required_progress, 1) END AS fulfilment
          FROM (%(pairs)s) applicant
          JOIN (%(requirements)s) req ON req.job_id = applicant.job_id
          LEFT JOIN hr_candidate_skill held
                 ON held.candidate_id = applicant.candidate_id
                AND held.skill_id = req.skill_id
          LEFT JOIN hr_skill_level level ON level.id = held.skill_level_id
        """,
        weight=ESSENTIAL_WEIGHT,
        requirements=requirement_query(),
        pairs=pairs,
    )


# the level match of the rows m of match_query, grouped by applicant or pair
MATCH_SCORE = SQL("ROUND(100 * SUM(m.weight * m.fulfilment) / SUM(m.weight), 1)")


class KompetanseApplicantMatch(models.Model):
    """How an applicant matches one requirement of the position, by level."""

    _name = "kompetanse.applicant.match"
    _description = "Applicant Skill Match"
    _auto = False
    _order = "applicant_id, importance desc, gap desc, skill_id"
    _depends = {
        **KompetanseJobRequirement._depends,
        "hr.applicant": ["job_id", "candidate_id", "company_id", "active"],
        "hr.candidate.skill": ["candidate_id", "skill_id", "skill_level_id"],
    }

    applicant_id = fields.Many2one("hr.applicant", readonly=True)
    candidate_id = fields.Many2one("hr.candidate", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    active = fields.Boolean(readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    required_level_id = fields.Many2one(
        "hr.skill.level", string="Required Level", readonly=True
    )
    required_progress = fields.Integer(
        string="Required (%)", readonly=True, aggregator="avg"
    )
    level_id = fields.Many2one("hr.skill.level", string="Assessed Level", readonly=True)
    progress = fields.Integer(string="Assessed (%)", readonly=True, aggregator="avg")
    gap = fields.Integer(string="Gap (%)", readonly=True, aggregator="avg")
    status = fields.Selection(
        [("met", "Met"), ("below", "Below"), ("missing", "Missing")], readonly=True
    )
    importance = fields.Selection(IMPORTANCE, readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY m.applicant_id, m.skill_id)::int AS id,
                   m.applicant_id, m.candidate_id, m.job_id, m.company_id, m.active,
                   m.skill_id, m.skill_type_id, m.required_level_id,
                   m.required_progress, m.level_id, m.progress, m.gap, m.status,
                   m.importance
              FROM (%s) m
            """,
            match_query(),
        )


class KompetanseApplicantRanking(models.Model):
    """Applicants of a position ranked by the level-aware match: each
    requirement counts by how much of its level is met, an essential one
    twice; beside it the share of the required skills they have at all, which
    is how Odoo scores a candidate."""

    _name = "kompetanse.applicant.ranking"
    _description = "Applicant Ranking"
    _auto = False
    _order = "match_score desc, met_count desc, applicant_id"
    _depends = {
        **KompetanseApplicantMatch._depends,
        "hr.applicant": [
            "job_id",
            "candidate_id",
            "company_id",
            "active",
            "department_id",
            "stage_id",
        ],
    }

    applicant_id = fields.Many2one("hr.applicant", readonly=True)
    candidate_id = fields.Many2one("hr.candidate", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    stage_id = fields.Many2one("hr.recruitment.stage", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    active = fields.Boolean(readonly=True)
    match_score = fields.Float(
        string="Level Match (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Each required skill counts by how much of the required level the "
        "applicant was assessed at (an essential one twice as much).",
    )
    skill_score = fields.Float(
        string="Skills Held (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="The share of the required skills the applicant has at any level, "
        "as Odoo's matching score counts them.",
    )
    required_count = fields.Integer(string="Required", readonly=True)
    met_count = fields.Integer(string="Met", readonly=True)
    below_count = fields.Integer(string="Below", readonly=True)
    missing_count = fields.Integer(string="Missing", readonly=True)

    @api.depends("applicant_id")
    def _compute_display_name(self):
        for row in self:
            row.display_name = row.applicant_id.display_name

    def action_open_applicant(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.applicant",
            "res_id": self.applicant_id.id,
            "view_mode": "form",
        }

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT m.applicant_id AS id,
                   m.applicant_id,
                   m.candidate_id,
                   m.job_id,
                   applicant.department_id,
                   applicant.stage_id,
                   m.company_id,
                   m.active,
                   %(score)s AS match_score,
                   ROUND(100.0 * COUNT(*) FILTER (WHERE m.status != 'missing')
                         / COUNT(*), 1) AS skill_score,
                   COUNT(*) AS required_count,
                   COUNT(*) FILTER (WHERE m.status = 'met') AS met_count,
                   COUNT(*) FILTER (WHERE m.status = 'below') AS below_count,
                   COUNT(*) FILTER (WHERE m.status = 'missing') AS missing_count
              FROM (%(matches)s) m
              JOIN hr_applicant applicant ON applicant.id = m.applicant_id
             GROUP BY m.applicant_id, m.candidate_id, m.job_id, m.company_id,
                      m.active, applicant.department_id, applicant.stage_id
            """,
            score=MATCH_SCORE,
            matches=match_query(),
        )


class KompetanseInternalMatch(models.Model):
    """Employees of other units who already meet a position's requirements,
    or nearly (every required skill at most one level below): to develop or
    move internally before recruiting (G-0-2, G-NL-6). Whether someone meets
    them is individual: rows follow the individual access of the employee."""

    _name = "kompetanse.internal.match"
    _description = "Internal Candidate"
    _auto = False
    _order = "job_id, status, met_count desc, employee_id"
    _depends = {
        **KompetanseJobRequirement._depends,
        "hr.employee": ["active", "department_id", "job_id", "company_id"],
        "hr.employee.skill": ["employee_id", "skill_id", "skill_level_id"],
        "hr.job": ["department_id", "company_id", "role_ids"],
    }

    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    required_count = fields.Integer(string="Required", readonly=True)
    met_count = fields.Integer(string="Met", readonly=True)
    status = fields.Selection(
        [("nearly", "Within One Level"), ("meets", "Meets All")], readonly=True
    )

    @api.depends("employee_id")
    def _compute_display_name(self):
        for row in self:
            row.display_name = row.employee_id.display_name

    def action_open_employee(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.employee",
            "res_id": self.employee_id.id,
            "view_mode": "form",
        }

    @property
    def _table_query(self):
        return SQL(
            """
            WITH req AS (%s),
            needed AS (
                SELECT job_id, COUNT(*) AS required_count FROM req GROUP BY job_id
            ),
            ranked AS (
                SELECT id, ROW_NUMBER() OVER (
                           PARTITION BY skill_type_id ORDER BY level_progress, id
                       ) AS rank
                  FROM hr_skill_level
            )
            SELECT ROW_NUMBER() OVER (ORDER BY req.job_id, held.employee_id)::int
                       AS id,
                   req.job_id,
                   held.employee_id,
                   employee.department_id,
                   employee.company_id,
                   needed.required_count,
                   COUNT(*) FILTER (WHERE held_rank.rank >= req_rank.rank)
                       AS met_count,
                   CASE WHEN COUNT(*) FILTER (WHERE held_rank.rank >= req_rank.rank)
                             = needed.required_count
                        THEN 'meets' ELSE 'nearly' END AS status
              FROM req
              JOIN needed ON needed.job_id = req.job_id
              JOIN hr_job job ON job.id = req.job_id
              JOIN hr_employee_skill held ON held.skill_id = req.skill_id
              JOIN hr_employee employee
                ON employee.id = held.employee_id
               AND employee.active
               AND employee.company_id = job.company_id
               AND employee.department_id IS DISTINCT FROM job.department_id
               AND employee.job_id IS DISTINCT FROM job.id
              JOIN ranked held_rank ON held_rank.id = held.skill_level_id
              JOIN ranked req_rank ON req_rank.id = req.level_id
             WHERE held_rank.rank >= req_rank.rank - 1
             GROUP BY req.job_id, held.employee_id, employee.department_id,
                      employee.company_id, needed.required_count
            HAVING COUNT(*) = needed.required_count
            """,
            requirement_query(),
        )


class KompetanseAcquisitionReport(models.Model):
    """Develop, recruit and hire in side by side, by target picture line and
    skill, for the whole organisation (G-HR-2): the development measures, the
    positions recruited to and the hiring-in engagements, each counted for the
    lines (or, without a line, the skills) it serves. A cost shared by several
    lines is split evenly among them, so the totals add up."""

    _name = "kompetanse.acquisition.report"
    _description = "Develop, Recruit and Hire In"
    _auto = False
    _order = "target_line_id, kind, name"
    _depends = {
        "kompetanse.measure": [
            "name",
            "state",
            "category",
            "cost_total",
            "department_id",
            "company_id",
            "target_line_ids",
            "skill_ids",
        ],
        "hr.job": [
            "name",
            "active",
            "no_of_recruitment",
            "department_id",
            "company_id",
            "kompetanse_target_line_ids",
            "skill_ids",
        ],
        "kompetanse.engagement": [
            "name",
            "state",
            "cost",
            "department_id",
            "company_id",
            "target_line_ids",
            "skill_ids",
        ],
        "kompetanse.target.line": ["skill_id", "target_id"],
        "kompetanse.target": ["state"],
    }

    kind = fields.Selection(
        [("develop", "Develop"), ("recruit", "Recruit"), ("hire_in", "Hire in")],
        string="Way",
        readonly=True,
    )
    name = fields.Char(readonly=True)
    target_line_id = fields.Many2one(
        "kompetanse.target.line", string="Target Picture Line", readonly=True
    )
    target_id = fields.Many2one(
        "kompetanse.target", string="Target Picture", readonly=True
    )
    skill_id = fields.Many2one("hr.skill", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    measure_id = fields.Many2one("kompetanse.measure", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    engagement_id = fields.Many2one("kompetanse.engagement", readonly=True)
    record_count = fields.Float(
        string="Count",
        readonly=True,
        digits=(16, 1),
        help="Measures, positions and engagements; one serving several lines "
        "counts a share on each.",
    )
    position_count = fields.Float(string="Positions", readonly=True, digits=(16, 1))
    cost = fields.Monetary(readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH source AS (
                SELECT 'develop' AS kind, measure.id AS res_id, measure.name,
                       measure.department_id, measure.company_id,
                       0 AS positions, COALESCE(measure.cost_total, 0) AS cost
                  FROM kompetanse_measure measure
                 WHERE measure.state != 'cancelled'
                   AND measure.category IN ('develop', 'mobilise')
                UNION ALL
                SELECT 'recruit', job.id,
                       COALESCE(job.name->>%(lang)s, job.name->>'en_US'),
                       job.department_id, job.company_id,
                       job.no_of_recruitment, 0
                  FROM hr_job job
                 WHERE job.active AND job.no_of_recruitment > 0
                UNION ALL
                SELECT 'hire_in', engagement.id, engagement.name,
                       engagement.department_id, engagement.company_id,
                       0, COALESCE(engagement.cost, 0)
                  FROM kompetanse_engagement engagement
                 WHERE engagement.state != 'cancelled'
            ),
            served AS (
                SELECT rel.* FROM (
                    SELECT 'develop' AS kind, measure_id AS res_id, line_id
                      FROM kompetanse_measure_target_line_rel
                    UNION ALL
                    SELECT 'recruit', job_id, line_id
                      FROM hr_job_kompetanse_target_line_rel
                    UNION ALL
                    SELECT 'hire_in', engagement_id, line_id
                      FROM kompetanse_engagement_target_line_rel
                ) rel
                -- the lines of target pictures in force or in the making
                JOIN kompetanse_target_line line ON line.id = rel.line_id
                JOIN kompetanse_target target
                  ON target.id = line.target_id AND target.state != 'archived'
            ),
            skills AS (
                SELECT 'develop' AS kind, measure_id AS res_id, skill_id
                  FROM kompetanse_measure_hr_skill_rel
                UNION ALL
                SELECT 'recruit', hr_job_id, hr_skill_id
                  FROM hr_job_hr_skill_rel
                UNION ALL
                SELECT 'hire_in', engagement_id, skill_id
                  FROM kompetanse_engagement_hr_skill_rel
            ),
            rows AS (
                SELECT source.*, served.line_id, line.skill_id,
                       COUNT(*) OVER (PARTITION BY source.kind, source.res_id)
                           AS shares
                  FROM source
                  JOIN served ON served.kind = source.kind
                             AND served.res_id = source.res_id
                  JOIN kompetanse_target_line line ON line.id = served.line_id
                UNION ALL
                SELECT source.*, NULL, skills.skill_id,
                       COUNT(*) OVER (PARTITION BY source.kind, source.res_id)
                  FROM source
                  JOIN skills ON skills.kind = source.kind
                             AND skills.res_id = source.res_id
                 WHERE NOT EXISTS (
                       SELECT 1 FROM served
                        WHERE served.kind = source.kind
                          AND served.res_id = source.res_id)
                UNION ALL
                -- serving neither a line nor a skill, it still counts
                SELECT source.*, NULL, NULL, 1
                  FROM source
                 WHERE NOT EXISTS (
                       SELECT 1 FROM served
                        WHERE served.kind = source.kind
                          AND served.res_id = source.res_id)
                   AND NOT EXISTS (
                       SELECT 1 FROM skills
                        WHERE skills.kind = source.kind
                          AND skills.res_id = source.res_id)
            )
            SELECT ROW_NUMBER() OVER (
                       ORDER BY rows.kind, rows.res_id, rows.line_id, rows.skill_id
                   )::int AS id,
                   rows.kind,
                   rows.name,
                   rows.line_id AS target_line_id,
                   line.target_id,
                   rows.skill_id,
                   rows.department_id,
                   rows.company_id,
                   CASE WHEN rows.kind = 'develop' THEN rows.res_id END
                       AS measure_id,
                   CASE WHEN rows.kind = 'recruit' THEN rows.res_id END AS job_id,
                   CASE WHEN rows.kind = 'hire_in' THEN rows.res_id END
                       AS engagement_id,
                   1.0 / rows.shares AS record_count,
                   rows.positions::numeric / rows.shares AS position_count,
                   rows.cost / rows.shares AS cost
              FROM rows
              LEFT JOIN kompetanse_target_line line ON line.id = rows.line_id
            """,
            lang=self.env.lang or "en_US",
        )
