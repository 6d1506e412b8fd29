# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    kompetanse_match_ids = fields.One2many(
        "kompetanse.applicant.match",
        "applicant_id",
        string="Competence Match",
        readonly=True,
    )
    kompetanse_match_score = fields.Float(
        string="Level Match (%)",
        compute="_compute_kompetanse_match_score",
        digits=(16, 1),
        help="Each skill the position requires counts by how much of the required "
        "level the applicant was assessed at (an essential one twice as much).",
    )
    kompetanse_interview_count = fields.Integer(
        string="Interviews Scored", compute="_compute_kompetanse_interview_count"
    )

    @api.depends_context("uid")
    def _compute_kompetanse_match_score(self):
        Ranking = self.env["kompetanse.applicant.ranking"]
        scores = {}
        if self.ids and Ranking.has_access("read"):
            scores = {
                row["id"]: row["match_score"]
                for row in Ranking.with_context(active_test=False).search_read(
                    [("id", "in", self.ids)], ["match_score"]
                )
            }
        for applicant in self:
            applicant.kompetanse_match_score = scores.get(applicant._origin.id, 0.0)

    @api.depends_context("uid")
    def _compute_kompetanse_interview_count(self):
        Interview = self.env["kompetanse.interview"]
        counts = {}
        if Interview.has_access("read"):
            counts = dict(
                Interview._read_group(
                    [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
                )
            )
        for applicant in self:
            applicant.kompetanse_interview_count = counts.get(applicant._origin, 0)

    def action_kompetanse_interview(self):
        """Score this applicant: the user's interview, made if not yet."""
        self.ensure_one()
        templates = self.env["kompetanse.interview.template"].search_count(
            [("role_id", "in", self.job_id.role_ids.ids)], limit=1
        )
        if not templates:
            raise self.job_id._kompetanse_no_template_error()
        interview = self.env["kompetanse.interview"].search(
            [("applicant_id", "=", self.id), ("interviewer_id", "=", self.env.uid)],
            limit=1,
        )
        action = {
            "type": "ir.actions.act_window",
            "res_model": "kompetanse.interview",
            "view_mode": "form",
            "name": self.env._("Interview Scores"),
        }
        if interview:
            action["res_id"] = interview.id
        else:
            action["context"] = {"default_applicant_id": self.id}
        return action

    def action_kompetanse_interviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_interview_action"
        )
        action["domain"] = [("applicant_id", "=", self.id)]
        action["context"] = {"default_applicant_id": self.id}
        return action
