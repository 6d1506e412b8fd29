# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kompetanse_min_group_size = fields.Integer(
        string="Smallest Group Shown",
        default=5,
        help="Summaries of individual competence hide a cell of fewer people "
        "than this, so that nobody is recognised in it (as official statistics "
        "do).",
    )

    kompetanse_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Contact",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("kompetanse_module.kompetanse_group_hr").ids,
            )
        ],
        help="Who gets the activity when a unit submits a need or a plan; when "
        "empty, every HR user of the company.",
    )
    kompetanse_vulnerable_max = fields.Integer(
        string="Vulnerable at",
        default=2,
        help="A competence of the target picture is vulnerable when at most this "
        "many people hold it at the required level, and critical when it is "
        "also scarce in the labour market.",
    )
    kompetanse_conversations_per_year = fields.Integer(
        string="Conversations a Year",
        default=3,
        help="How many development conversations each employee should have in "
        "a year.",
    )

    @api.constrains("kompetanse_hr_user_id")
    def _check_kompetanse_hr_user_id(self):
        for company in self.filtered("kompetanse_hr_user_id"):
            user = company.kompetanse_hr_user_id
            if (
                not user.active
                or user.share
                or not user.has_group("kompetanse_module.kompetanse_group_hr")
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an active internal user in the Kompetanse "
                        "HR group, so cannot be the HR contact who reviews needs "
                        "and plans.",
                        user=company.kompetanse_hr_user_id.name,
                    )
                )

    @api.constrains("kompetanse_conversations_per_year")
    def _check_kompetanse_conversations_per_year(self):
        for company in self:
            if not 1 <= company.kompetanse_conversations_per_year <= 12:
                raise ValidationError(
                    self.env._("The conversations a year must be between 1 and 12.")
                )

    @api.constrains("kompetanse_vulnerable_max")
    def _check_kompetanse_vulnerable_max(self):
        for company in self:
            if not 0 <= company.kompetanse_vulnerable_max <= 1000:
                raise ValidationError(
                    self.env._(
                        "A competence is vulnerable at between 0 and 1000 holders."
                    )
                )

    @api.constrains("kompetanse_min_group_size")
    def _check_kompetanse_min_group_size(self):
        for company in self:
            if not 1 <= company.kompetanse_min_group_size <= 1000:
                raise ValidationError(
                    self.env._(
                        "The smallest group shown must be between 1 and 1000 people."
                    )
                )
