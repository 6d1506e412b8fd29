# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# the module's records that keep a skill or level they name: requirements, and
# what measures and needs address and their recorded effect
REQUIREMENT_MODELS = {
    "skill_id": (
        ("kompetanse.role.line", "skill_id"),
        ("kompetanse.target.line", "skill_id"),
        ("kompetanse.measure", "skill_ids"),
        ("kompetanse.need", "skill_ids"),
        ("kompetanse.measure.effect", "skill_id"),
        ("kompetanse.interview.question", "skill_id"),
        ("kompetanse.engagement", "skill_ids"),
    ),
    "level_id": (
        ("kompetanse.role.line", "level_id"),
        ("kompetanse.target.line", "level_id"),
        ("kompetanse.interview.score", "level_id"),
    ),
}


def check_catalogue_unused(env, kind, records):
    """Refuse, in words, to delete skills or levels the module's records still
    name: the database would refuse a requirement's with an integrity error,
    and would silently take them from measures and their recorded effect."""
    for model, field in REQUIREMENT_MODELS[kind]:
        used = env[model].sudo().search([(field, "in", records.ids)], limit=1)
        if used:
            raise UserError(
                env._(
                    "%(record)s is used by %(line)s (%(model)s); remove it there "
                    "first, or archive the skill type.",
                    record=(used[field] & records)[:1].display_name,
                    line=used.display_name,
                    model=env[model]._description,
                )
            )


class HrSkill(models.Model):
    """The skill catalogue is HR's: the target picture, roles and gaps rest on
    it. Odoo lets every internal user create a skill; only HR may here."""

    _inherit = "hr.skill"

    # ESCO's concept of the skill, when it came from ESCO (the import wizard
    # finds it again by it)
    kompetanse_esco_uri = fields.Char(string="ESCO Concept URI", copy=False)
    kompetanse_esco_alt_labels = fields.Text(
        string="Alternative Labels", translate=True
    )
    kompetanse_esco_description = fields.Text(string="Description", translate=True)

    _sql_constraints = [
        (
            "kompetanse_esco_uri_unique",
            "unique (kompetanse_esco_uri)",
            "An ESCO concept is one skill of the catalogue.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.user.has_group("hr.group_hr_user")):
            raise AccessError(
                self.env._(
                    "Only HR adds skills to the catalogue; ask HR for the skill "
                    "you miss."
                )
            )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_required(self):
        check_catalogue_unused(self.env, "skill_id", self)
