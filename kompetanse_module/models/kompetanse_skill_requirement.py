# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


def level_type_error(env, level, skill):
    """What a user is told who gives a skill a level of another scale; None
    when the level is of the skill's own type (or there is none)."""
    if not level or level.skill_type_id == skill.skill_type_id:
        return None
    return ValidationError(
        env._(
            "The level %(level)s belongs to %(level_type)s, not to %(skill_type)s, "
            "the type of the skill %(skill)s.",
            level=level.name,
            level_type=level.skill_type_id.name,
            skill_type=skill.skill_type_id.name,
            skill=skill.name,
        )
    )


class KompetanseSkillRequirement(models.AbstractModel):
    """A skill required at a level of the skill's own type: shared by the lines
    of target pictures and role descriptions."""

    _name = "kompetanse.skill.requirement"
    _inherit = ["kompetanse.skill.import"]
    _description = "Skill Requirement"

    skill_type_id = fields.Many2one(
        "hr.skill.type", related="skill_id.skill_type_id", store=True
    )
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="restrict")
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Required Level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="level_id.level_progress")

    @api.onchange("skill_id")
    def _onchange_skill_id(self):
        if self.level_id.skill_type_id != self.skill_id.skill_type_id:
            levels = self.skill_id.skill_type_id.skill_level_ids
            self.level_id = levels.filtered("default_level")[:1] or levels[:1]

    @api.constrains("skill_id", "level_id")
    def _check_level_type(self):
        for line in self:
            error = level_type_error(self.env, line.level_id, line.skill_id)
            if error:
                raise error
