# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

# fields of Odoo's chatter and activities: following, commenting and planning
# stay possible in every status
MAIL_PREFIXES = ("message_", "activity_", "website_message_")
GROUP_HR_XMLID = "kompetanse_module.kompetanse_group_hr"


class KompetanseStateMixin(models.AbstractModel):
    """A workflow: the status (a read-only ``state`` field) changes only through
    the actions, each transition naming the group that may make it; past its
    editable statuses a record is read-only, except the fields its next step
    needs.

    A model sets:

    - ``_kompetanse_transitions``: {from: {to: group xmlid, or None for whoever
      may write the record}};
    - ``_kompetanse_editable_states``: the statuses in which any field may change
      (by whoever the record rules let write);
    - ``_kompetanse_state_fields``: {status: {field: group xmlid or None}}, the
      fields that may still change in a status past the editable ones, because
      its next step needs them;
    - ``_kompetanse_deletable_states``: the statuses in which it may be deleted
      (the editable ones when not set).

    Nothing a client sends opens more: the status is checked in create, write
    and copy (read-only fields, see kompetanse.record.mixin), and the actions
    write it with ``sudo()`` after checking the transition, the group and the
    user's write access to each record."""

    _name = "kompetanse.state.mixin"
    _inherit = ["kompetanse.record.mixin"]
    _description = "Kompetanse Workflow"

    _kompetanse_transitions = {}
    _kompetanse_editable_states = ()
    _kompetanse_state_fields = {}
    _kompetanse_deletable_states = None
    # the activity type HR gets for what a unit submits (models with a chatter)
    _kompetanse_review_activity = None

    def _kompetanse_state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _kompetanse_check_transition(self, state):
        """Raise unless the user may move every record of self to state."""
        for record in self:
            allowed = self._kompetanse_transitions.get(record.state, {})
            if state not in allowed:
                raise UserError(
                    self.env._(
                        "%(name)s cannot go from %(old)s to %(new)s.",
                        name=record.display_name,
                        old=self._kompetanse_state_label(record.state),
                        new=self._kompetanse_state_label(state),
                    )
                )
            group = allowed[state]
            if group and not (self.env.su or self.env.user.has_group(group)):
                raise AccessError(
                    self.env._(
                        "You may not move %(name)s to %(new)s.",
                        name=record.display_name,
                        new=self._kompetanse_state_label(state),
                    )
                )
        # the record rules: a transition is a write by the user
        self.check_access("write")

    def _kompetanse_set_state(self, state, extra_vals=None):
        """The only way a status changes: check, then write as the system."""
        self._kompetanse_check_transition(state)
        # the chatter records every change of status, whatever the client's
        # context asked of the tracking
        system = self.sudo().with_context(tracking_disable=False, mail_notrack=False)
        return system.write({"state": state, **(extra_vals or {})})

    def _kompetanse_write_system(self, vals):
        """Write fields that only the module's actions set (links, dates of
        approval), after the action has checked that the user may."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _kompetanse_hr_users(self):
        """Who hears of what a unit sends HR: the company's HR contact, or else
        its HR users."""
        self.ensure_one()
        company = self.company_id
        if company.kompetanse_hr_user_id:
            return company.kompetanse_hr_user_id
        group = self.env.ref(GROUP_HR_XMLID)
        return group.sudo().users.filtered(
            lambda user: user.active
            and not user._is_superuser()
            and company in user.company_ids
        )

    def _kompetanse_ask_hr(self, summary):
        """An activity for HR on each record, due after the activity type's
        delay, as Odoo's apps ask the one who is to act (G-NL-7): one create
        for all. summary(env) gives its summary in the language of env."""
        activity_type = self.env.ref(self._kompetanse_review_activity)
        deadline = activity_type._get_date_deadline()
        model_id = self.env["ir.model"]._get_id(self._name)
        values = [
            {
                "activity_type_id": activity_type.id,
                # in the language of who is to act, not of who sent it
                "summary": summary(self.with_context(lang=user.lang).env),
                "date_deadline": deadline,
                "res_model_id": model_id,
                "res_id": record.id,
                "user_id": user.id,
                # as activity_schedule marks them, so that activity_feedback
                # and activity_unlink find them
                "automated": True,
            }
            for record in self.sudo()
            for user in record._kompetanse_hr_users()
        ]
        self.env["mail.activity"].sudo().create(values)

    def _kompetanse_tell(self, partners, body):
        """HR has decided: its activities are done, and the reporter hears
        what came of it."""
        # whatever the client's context asks of the activity automation
        system = self.sudo().with_context(mail_activity_automation_skip=False)
        system.activity_feedback([self._kompetanse_review_activity])
        for record, record_system in zip(self, system, strict=True):
            record_system.message_post(
                body=body(record),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partners(record).ids,
            )

    def _kompetanse_withdraw(self):
        """Back to draft before HR decided: nothing waits for HR any more."""
        self.sudo().with_context(mail_activity_automation_skip=False).activity_unlink(
            [self._kompetanse_review_activity]
        )

    def _kompetanse_check_write(self, vals):
        super()._kompetanse_check_write(vals)
        names = {name for name in vals if not name.startswith(MAIL_PREFIXES)}
        if not names:
            return
        for record in self:
            if record.state in self._kompetanse_editable_states:
                continue
            open_fields = self._kompetanse_state_fields.get(record.state, {})
            for name in names:
                if name not in open_fields:
                    raise UserError(
                        self.env._(
                            "%(name)s is %(state)s: %(field)s can no longer be "
                            "changed.",
                            name=record.display_name,
                            state=self._kompetanse_state_label(record.state),
                            field=self._fields[name]._description_string(self.env),
                        )
                    )
                group = open_fields[name]
                if group and not self.env.user.has_group(group):
                    raise AccessError(
                        self.env._(
                            "You may not change %(field)s of %(name)s.",
                            name=record.display_name,
                            field=self._fields[name]._description_string(self.env),
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_deletable_state(self):
        deletable = (
            self._kompetanse_editable_states
            if self._kompetanse_deletable_states is None
            else self._kompetanse_deletable_states
        )
        for record in self:
            if record.state not in deletable:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s and cannot be deleted.",
                        name=record.display_name,
                        state=self._kompetanse_state_label(record.state),
                    )
                )
