# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..report.kompetanse_recruitment_report import MATCH_SCORE, match_query


class HrCandidate(models.Model):
    _inherit = "hr.candidate"

    kompetanse_match_score = fields.Float(
        string="Level Match (%)",
        compute="_compute_kompetanse_match_score",
        digits=(16, 1),
        help="Against the position the candidates are matched with: each skill "
        "it requires counts by how much of the required level the candidate has "
        "(an essential one twice as much).",
    )

    @api.depends_context("active_id", "active_model")
    @api.depends("candidate_skill_ids.skill_level_id")
    def _compute_kompetanse_match_score(self):
        """As Odoo's matching score: against the position of the context
        (Matching Candidates opens them with it), one query for all."""
        job_id = self.env.context.get("active_id")
        ids = tuple(candidate.id for candidate in self if isinstance(candidate.id, int))
        scores = {}
        if (
            isinstance(job_id, int)
            and self.env.context.get("active_model") in (None, "hr.job")
            and ids
        ):
            depends = self.env["kompetanse.applicant.match"]._depends
            for model, names in depends.items():
                if model != "hr.applicant":
                    self.env[model].flush_model(names)
            pairs = SQL(
                """
                SELECT candidate.id, candidate.id AS candidate_id,
                       %s AS job_id, candidate.company_id, TRUE AS active
                  FROM hr_candidate candidate
                 WHERE candidate.id IN %s
                """,
                job_id,
                ids,
            )
            scores = dict(
                self.env.execute_query(
                    SQL(
                        "SELECT m.applicant_id, %s FROM (%s) m GROUP BY m.applicant_id",
                        MATCH_SCORE,
                        match_query(pairs),
                    )
                )
            )
        for candidate in self:
            candidate.kompetanse_match_score = float(scores.get(candidate.id, 0.0))
