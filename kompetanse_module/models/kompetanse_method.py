# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .kompetanse_record_mixin import kompetanse_button

CATEGORIES = [
    ("develop", "Develop"),
    ("mobilise", "Mobilise"),
    ("recruit", "Recruit"),
    ("hire_in", "Hire in"),
    ("phase_out", "Phase out"),
]


class KompetanseMethod(models.Model):
    """How competence is built, moved, bought, borrowed or phased out (G-HR-5).
    Developing the people already there comes first (G-0-2)."""

    _name = "kompetanse.method"
    _inherit = ["kompetanse.record.mixin"]
    _description = "Competence Method"
    _order = "category_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        CATEGORIES,
        required=True,
        default="develop",
        group_expand=True,
    )
    category_sequence = fields.Integer(compute="_compute_category_sequence", store=True)
    learning_form = fields.Selection(
        [
            ("work", "70: through work tasks"),
            ("others", "20: through others"),
            ("formal", "10: formal learning"),
        ],
        help="For development, the 70-20-10 form: through work tasks, through "
        "others (team, project, mentoring, arena) or formal learning.",
    )
    description = fields.Html(translate=True)
    measure_count = fields.Integer(compute="_compute_measure_count")

    @api.depends("category")
    def _compute_category_sequence(self):
        order = [key for key, __ in CATEGORIES]
        for method in self:
            method.category_sequence = order.index(method.category)

    def _compute_measure_count(self):
        rows = self.env["kompetanse.measure"]._read_group(
            [("method_id", "in", self.ids)], ["method_id"], ["__count"]
        )
        counts = {method.id: count for method, count in rows}
        for method in self:
            method.measure_count = counts.get(method.id, 0)

    def _kompetanse_activity_kind(self):
        """The kind of development activity a measure of this method is."""
        self.ensure_one()
        name = (self.with_context(lang="en_US").name or "").lower()
        if self.learning_form == "work":
            return "task"
        if self.learning_form == "formal":
            return "course"
        if "mentor" in name:
            return "mentoring"
        if "arena" in name:
            return "arena"
        return "team" if self.learning_form == "others" else "task"

    def write(self, vals):
        if isinstance(vals, dict) and "category" in vals:
            self._kompetanse_check_unused(
                self.filtered(lambda method: method.category != vals["category"])
            )
        return super().write(vals)

    def _kompetanse_check_unused(self, methods):
        """A method that measures or needs use keeps its category: their way
        of covering the need is recorded through it."""
        for model in ("kompetanse.measure", "kompetanse.need"):
            domain = [("method_id", "in", methods.ids)]
            record = self.env[model].sudo().search(domain, limit=1)
            if record:
                raise UserError(
                    self.env._(
                        "The method %(method)s is used by %(record)s; archive the "
                        "method and make a new one instead.",
                        method=record.method_id.name,
                        record=record.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self._kompetanse_check_unused(self)

    @api.onchange("category")
    def _onchange_category(self):
        if self.category != "develop":
            self.learning_form = False

    @kompetanse_button
    def action_open_measures(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_measure_action"
        )
        action["domain"] = [("method_id", "in", self.ids)]
        if len(self) == 1:
            action["context"] = {"default_method_id": self.id}
        return action
