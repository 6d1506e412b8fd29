# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _kompetanse_is_review(self):
        """Whether the activity is the one with which its document asks HR to
        review it (the workflow's ``_kompetanse_review_activity``)."""
        self.ensure_one()
        model = self.env.get(self.res_model)
        xmlid = getattr(model, "_kompetanse_review_activity", None)
        return bool(xmlid) and self.activity_type_id == self.env.ref(xmlid)

    def _kompetanse_check_move(self, vals):
        """An activity stays on its record: moved onto another, Odoo checks
        nothing of where it lands, so the name of a record the user may not
        read, and the chatter it posts to, would be theirs."""
        if self.env.su or not {"res_model", "res_model_id", "res_id"} & set(vals):
            return
        model = vals.get("res_model")
        if "res_model_id" in vals:
            model = self.env["ir.model"].sudo().browse(vals["res_model_id"]).model
        models_concerned = set(self.sudo().mapped("res_model")) | {model or ""}
        if any(name and name.startswith("kompetanse.") for name in models_concerned):
            raise AccessError(
                self.env._("An activity stays on its record; plan a new one instead.")
            )

    def _kompetanse_check_review(self, operation="write"):
        """What a unit sent HR waits for HR: the review activities are the
        assignee's and HR's to change, to mark done or to delete, not the
        sender's (who may write the document and so, in Odoo, its
        activities). The other activities of the module's documents are their
        assignee's and those who may write the document: an employee who
        reads and comments their own plan or conversation does not move or
        close what their manager is to do."""
        if self.env.su:
            return
        # who may not touch the activity at all hears Odoo's own refusal first,
        # nothing of the activity
        self.check_access(operation)
        if self.env.user.has_group("kompetanse_module.kompetanse_group_hr"):
            return
        others = self.sudo().filtered(
            lambda activity: activity.user_id != self.env.user
            and (activity.res_model or "").startswith("kompetanse.")
        )
        theirs = others.filtered(lambda activity: activity._kompetanse_is_review())
        if theirs:
            raise AccessError(
                self.env._(
                    "%(activity)s waits for %(user)s in HR: only HR changes or "
                    "closes it.",
                    activity=theirs[0].activity_type_id.name,
                    user=theirs[0].user_id.name,
                )
            )
        for model, activities in others.grouped("res_model").items():
            documents = self.env[model].browse(activities.mapped("res_id")).exists()
            if documents - documents._filtered_access("write"):
                raise AccessError(
                    self.env._(
                        "This activity is %(user)s's: only they, whoever keeps "
                        "the record, and HR change or close it.",
                        user=activities[0].user_id.name,
                    )
                )

    def write(self, vals):
        self._kompetanse_check_move(vals)
        self._kompetanse_check_review()
        return super().write(vals)

    def unlink(self):
        self._kompetanse_check_review("unlink")
        return super().unlink()

    def action_archive(self):
        self._kompetanse_check_review()
        return super().action_archive()
