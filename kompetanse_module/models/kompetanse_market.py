# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .kompetanse_record_mixin import boolean_search

AVAILABILITY = [("scarce", "Scarce"), ("limited", "Limited"), ("good", "Good")]


class KompetanseMarketAssessment(models.Model):
    """How available a competence is in the labour market, as HR assessed it
    on a date from a source (G-HR-4): the latest assessment of a skill is
    the one in force, and one older than a year is due again."""

    _name = "kompetanse.market.assessment"
    _description = "Labour Market Assessment"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "skill_id"

    skill_id = fields.Many2one(
        "hr.skill", required=True, ondelete="cascade", index=True
    )
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    availability = fields.Selection(AVAILABILITY, required=True, tracking=True)
    weeks_to_hire = fields.Integer(
        string="Typical Time to Hire (Weeks)",
        help="From the announcement to the person starting, as it usually goes.",
    )
    source = fields.Char(
        required=True,
        help="Where the assessment comes from: NAV's statistics, a sector "
        "survey, the agency's own recruitments...",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    note = fields.Text()
    is_latest = fields.Boolean(
        string="In Force",
        compute="_compute_is_latest",
        search="_search_is_latest",
        help="The latest assessment of the skill in the company.",
    )
    is_outdated = fields.Boolean(
        string="Older than a Year",
        compute="_compute_is_outdated",
        search="_search_is_outdated",
    )

    @api.constrains("weeks_to_hire", "date")
    def _check_values(self):
        today = fields.Date.context_today(self)
        for assessment in self:
            if assessment.weeks_to_hire < 0:
                raise ValidationError(
                    self.env._("The time to hire cannot be negative.")
                )
            if assessment.date > today:
                raise ValidationError(
                    self.env._(
                        "The assessment of %(skill)s is dated in the future.",
                        skill=assessment.skill_id.name,
                    )
                )

    def _kompetanse_latest_ids(self):
        """The latest assessment of each skill and company: one query."""
        self.flush_model(["skill_id", "company_id", "date"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (skill_id, company_id) id
                  FROM kompetanse_market_assessment
                 ORDER BY skill_id, company_id, date DESC, id DESC
                """
            )
        )
        return [row[0] for row in rows]

    @api.depends("date", "skill_id", "company_id")
    def _compute_is_latest(self):
        latest = set(self._kompetanse_latest_ids())
        for assessment in self:
            assessment.is_latest = assessment.id in latest

    def _search_is_latest(self, operator, value):
        domain = [("id", "in", self._kompetanse_latest_ids())]
        return boolean_search(self.env, self.env._("In Force"), operator, value, domain)

    def _kompetanse_outdated_limit(self):
        return fields.Date.context_today(self) - relativedelta(years=1)

    @api.depends_context("tz")
    @api.depends("date")
    def _compute_is_outdated(self):
        limit = self._kompetanse_outdated_limit()
        for assessment in self:
            assessment.is_outdated = assessment.date < limit

    def _search_is_outdated(self, operator, value):
        domain = [("date", "<", self._kompetanse_outdated_limit())]
        return boolean_search(
            self.env, self.env._("Older than a Year"), operator, value, domain
        )

    @api.model
    def _kompetanse_availability(self, skills, company):
        """{skill id: availability} of the assessments in force for skills in
        company: one query."""
        if not skills:
            return {}
        self.flush_model(["skill_id", "company_id", "date", "availability"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (skill_id) skill_id, availability
                  FROM kompetanse_market_assessment
                 WHERE skill_id IN %s AND company_id = %s
                 ORDER BY skill_id, date DESC, id DESC
                """,
                tuple(skills.ids),
                company.id,
            )
        )
        return dict(rows)
