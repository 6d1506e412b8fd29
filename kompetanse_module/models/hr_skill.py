# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

# the module's requirement lines, which keep a skill and level they name
REQUIREMENT_MODELS = ("kompetanse.role.line", "kompetanse.target.line")


def check_catalogue_unused(env, field, records):
    """Refuse, in words, to delete skills or levels the module's requirement
    lines still name (the database would refuse with an integrity error)."""
    for model in REQUIREMENT_MODELS:
        used = env[model].sudo().search([(field, "in", records.ids)], limit=1)
        if used:
            raise UserError(
                env._(
                    "%(record)s is required by %(line)s (%(model)s); remove it "
                    "there first, or archive the skill type.",
                    record=used[field].display_name,
                    line=used.display_name,
                    model=env[model]._description,
                )
            )


class HrSkill(models.Model):
    """The skill catalogue is HR's: the target picture, roles and gaps rest on
    it. Odoo lets every internal user create a skill; only HR may here."""

    _inherit = "hr.skill"

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
