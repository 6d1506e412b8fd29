# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    # Odoo binds its default to its function, not to the method: bound to the
    # method here, so that its override below (and any other) is used
    departure_date = fields.Date(
        default=lambda self: self._get_default_departure_date()
    )

    kompetanse_leaving_warning = fields.Html(
        string="Competence Leaving",
        compute="_compute_kompetanse_leaving_warning",
        sanitize=False,
        help="The target picture's competences few people hold at the required "
        "level that leave with the employee.",
    )

    def _get_default_departure_date(self):
        """The employee's planned departure, else today where the user is:
        Odoo's is the server's date (UTC), and the user, and the skill log
        whose levels the leaver takes, count days in the user's time zone."""
        if self.env.context.get("active_id"):
            planned = self._get_employee_departure_date()
            if planned:
                return planned
        return fields.Date.context_today(self)

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_kompetanse_leaving_warning(self):
        """Before HR registers a departure: the competences of the approved
        target pictures the employee holds at the level that are vulnerable
        once they are gone. Who holds what is individual: HR's to read, as the
        wizard is."""
        if not self.env.user.has_group("hr.group_hr_user"):
            self.kompetanse_leaving_warning = False
            return
        for wizard in self:
            employee = wizard.employee_id.sudo()
            lines = self.env["kompetanse.target.line"].sudo()
            if employee:
                lines = lines.search(
                    [
                        ("state", "=", "approved"),
                        ("company_id", "=", employee.company_id.id),
                        ("skill_id", "in", employee.employee_skill_ids.skill_id.ids),
                    ]
                )
            held = {s.skill_id: s.skill_level_id for s in employee.employee_skill_ids}
            # holders (all of the organisation) and the labour market, as the
            # lines' own figures count them
            counts = lines._kompetanse_counts() if lines else {}
            items = []
            for line in lines:
                level = held.get(line.skill_id)
                if not level or level.level_progress < line.level_id.level_progress:
                    continue
                __, __, __, count, market, __, most = counts.get(
                    line.id, (0, 0, 0, 0, None, 1, 0)
                )
                # vulnerable once they are gone
                if count - 1 > most:
                    continue
                if count <= 1:
                    text = self.env._(
                        "Leaving: the last holder of %(skill)s at level %(level)s.",
                        skill=line.skill_id.name,
                        level=line.level_id.name,
                    )
                else:
                    text = self.env._(
                        "Leaving: one of the %(count)s holders of %(skill)s at level "
                        "%(level)s.",
                        count=count,
                        skill=line.skill_id.name,
                        level=line.level_id.name,
                    )
                if market == "scarce":
                    text += " " + self.env._("It is scarce in the labour market.")
                items.append(Markup("<li>%s</li>") % text)
            wizard.kompetanse_leaving_warning = (
                Markup("<ul class='mb-0'>%s</ul>") % Markup().join(dict.fromkeys(items))
                if items
                else False
            )
