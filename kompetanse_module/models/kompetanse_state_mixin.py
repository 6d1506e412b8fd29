# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError, UserError


class KompetanseStateMixin(models.AbstractModel):
    """A workflow whose state changes only through its actions: each allowed
    transition names the group that may make it."""

    _name = "kompetanse.state.mixin"
    _description = "Kompetanse Workflow"

    # {from_state: {to_state: group xmlid or None for anyone who may write}}
    _kompetanse_transitions = {}

    def _kompetanse_set_state(self, state, extra_vals=None):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            allowed = self._kompetanse_transitions.get(record.state, {})
            if state not in allowed:
                raise UserError(
                    self.env._(
                        "%(name)s cannot go from %(old)s to %(new)s.",
                        name=record.display_name,
                        old=labels[record.state],
                        new=labels[state],
                    )
                )
            group = allowed[state]
            if group and not (self.env.su or self.env.user.has_group(group)):
                raise AccessError(
                    self.env._(
                        "You may not move %(name)s to %(new)s.",
                        name=record.display_name,
                        new=labels[state],
                    )
                )
        return self.with_context(kompetanse_state_change=True).write(
            {"state": state, **(extra_vals or {})}
        )

    def write(self, vals):
        if (
            "state" in vals
            and not self.env.context.get("kompetanse_state_change")
            and not self.env.su
        ):
            raise UserError(
                self.env._("Use the buttons of the form to change the status.")
            )
        return super().write(vals)
