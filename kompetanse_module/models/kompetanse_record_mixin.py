# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import math

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError, ValidationError
from odoo.osv import expression

MODULE = "kompetanse_module"
# PostgreSQL's integer column
INT_MAX = 2**31 - 1
# costs and other amounts: far beyond any real budget, far below what breaks sums
AMOUNT_MAX = 10**15
X2MANY_ARITY = {0: 3, 1: 3, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3}
# the check of a client's value, by field type
VALUE_CHECKERS = {
    "char": "_kompetanse_problem_text",
    "text": "_kompetanse_problem_text",
    "html": "_kompetanse_problem_text",
    "integer": "_kompetanse_problem_integer",
    "float": "_kompetanse_problem_number",
    "monetary": "_kompetanse_problem_number",
    "boolean": "_kompetanse_problem_boolean",
    "date": "_kompetanse_problem_date",
    "datetime": "_kompetanse_problem_date",
    "selection": "_kompetanse_problem_selection",
    "many2one": "_kompetanse_problem_many2one",
    "reference": "_kompetanse_problem_reference",
}
# types whose empty value is refused when the field is required
REQUIRED_TYPES = ("char", "text", "html", "many2one", "selection", "date", "datetime")


def kompetanse_button(method):
    """A method a client calls as a button: on any number of records and with
    no argument; an argument is refused clearly instead of failing in Python."""

    @functools.wraps(method)
    def button(self, *args, **kwargs):
        if args or kwargs:
            raise UserError(
                self.env._(
                    "The button %(button)s takes no arguments.",
                    button=method.__name__,
                )
            )
        # the same record twice is the record once: no side effect twice
        records = self.browse(list(dict.fromkeys(self._ids)))
        if len(records.exists()) != len(records):
            raise MissingError(
                self.env._(
                    "Some of these records do not exist (any more): %(ids)s.",
                    ids=", ".join(str(i) for i in records._ids),
                )
            )
        return method(records)

    return button


def notification(title, message, done):
    """What a button tells the user, then the view reloads: a success when it
    made something (done), else information."""
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "title": title,
            "message": message,
            "type": "success" if done else "info",
            "sticky": False,
            "next": {"type": "ir.actions.client", "tag": "soft_reload"},
        },
    }


def boolean_search(env, label, operator, value, domain):
    """The domain for a search on a computed boolean whose True is domain:
    =, != with a boolean, in and not in with booleans; anything else is a clear
    UserError, not a server error."""

    def is_boolean(item):
        return isinstance(item, bool | int) and item in (0, 1)

    if operator in ("in", "not in") and isinstance(value, list | tuple):
        if all(is_boolean(item) for item in value):
            values = {bool(item) for item in value}
            if len(values) == 1:
                operator, value = ("=" if operator == "in" else "!="), values.pop()
            else:  # none or both: nothing or everything
                everything = len(values) == 2
                positive = everything == (operator == "in")
                return [(1, "=", 1)] if positive else [(0, "=", 1)]
    if operator not in ("=", "!=") or not is_boolean(value):
        raise UserError(
            env._(
                "%(field)s is searched with = or != and True or False, not "
                "%(operator)s %(value)s.",
                field=label,
                operator=operator,
                value=repr(value),
            )
        )
    if (operator == "=") == bool(value):
        return domain
    # "!" negates the next term only: the whole domain, made one term
    return ["!", *expression.normalize_domain(domain)]


class KompetanseRecordMixin(models.AbstractModel):
    """What every model of the module checks of a client's values, in create,
    write and copy, whatever the view shows:

    - a value of the wrong type, out of PostgreSQL's range, not finite, or
      naming a record that does not exist, is a ValidationError in the user's
      language, before anything is written;
    - a required text is not blank;
    - a read-only field (a status, who approved, what an action linked) is set
      by the module's actions only: neither in the values of create and write,
      nor through a default from the context or copy();
    - after a write that moves a record (its unit, company, ...), the user must
      still be allowed to write it where it went.

    The module's own actions write read-only fields through ``sudo()``, after
    checking who may; no context key opens anything."""

    _name = "kompetanse.record.mixin"
    _description = "Kompetanse Record Checks"

    # fields the record rules rest on: after a write of one of them, the user
    # must still have write access where the record went
    _kompetanse_scope_fields = ("company_id", "department_id")
    # the field naming whose or whose part a record is, which it keeps once
    # made (a plan its employee, a line its parent)
    _kompetanse_owner_field = None
    # the one2many of the owner (_kompetanse_owner_field) a line belongs to:
    # the line is made, changed and deleted by whoever may write the owner,
    # while the owner's workflow still lets that field change
    _kompetanse_parent_field = None
    # read-only fields the module itself moves while a record is created (a
    # count of its lines' changes): refused in a client's values, not compared
    # with their default afterwards
    _kompetanse_system_fields = ()

    # --- the values a client sends ---------------------------------------------

    def _kompetanse_client_fields(self):
        """Fields of this module's own, which the checks below are about; the
        fields of Odoo's mixins (chatter, activities) keep Odoo's own rules."""
        return {
            name: field
            for name, field in self._fields.items()
            if not field.automatic
            and (field._module == MODULE or MODULE in (field._modules or ()))
        }

    def _kompetanse_invalid(self, field, problem):
        return ValidationError(
            self.env._(
                "%(field)s: %(problem)s",
                field=field._description_string(self.env),
                problem=problem,
            )
        )

    def _kompetanse_check_values(self, vals, creating=False, refs=None):
        """Raise a clear ValidationError for the first bad value of vals. The
        records it refers to are checked to exist, or added to refs (a dict
        {comodel: ids}) for the caller to check those of many at once."""
        if not isinstance(vals, dict):
            raise ValidationError(self.env._("The values must be a dictionary."))
        own = self._kompetanse_client_fields()
        if creating:
            self._kompetanse_check_required(vals, own)
        missing_ids = {} if refs is None else refs
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field %(field)s.",
                        model=self._description,
                        field=name,
                    )
                )
            if name not in own:
                continue
            if field.readonly and not field.inverse:
                raise UserError(
                    self.env._(
                        "%(field)s is set by the module itself, not by hand.",
                        field=field._description_string(self.env),
                    )
                )
            for comodel, ids in self._kompetanse_check_value(field, value).items():
                missing_ids.setdefault(comodel, set()).update(ids)
        if refs is None:
            self._kompetanse_check_exist(missing_ids)

    @api.model
    def _kompetanse_check_exist(self, refs):
        """Raise unless every {comodel: ids} referred to exists."""
        for comodel, ids in refs.items():
            existing = self.env[comodel].sudo().browse(ids).exists()
            if len(existing) != len(ids):
                raise ValidationError(
                    self.env._(
                        "No %(model)s with the id %(ids)s exists.",
                        model=self.env[comodel]._description,
                        ids=", ".join(
                            str(i) for i in sorted(set(ids) - set(existing.ids))
                        ),
                    )
                )

    def _kompetanse_check_required(self, vals, own):
        """A required field left out, that no default fills: say so rather
        than let the database refuse the row."""
        missing = [
            name
            for name, field in own.items()
            if field.required and field.store and not field.compute and name not in vals
        ]
        if missing:
            defaults = self.default_get(missing)
            for name in missing:
                if defaults.get(name) in (None, False, ""):
                    raise self._kompetanse_invalid(
                        own[name], self.env._("it may not be empty.")
                    )

    def _kompetanse_check_value(self, field, value):
        """Check one value; return {comodel: ids} it refers to."""
        if field.type in ("one2many", "many2many"):
            return self._kompetanse_check_commands(field, value)
        checker = VALUE_CHECKERS.get(field.type)
        empty = value is None or value is False
        if empty:
            problem = (
                self.env._("it may not be empty.")
                if field.required and field.type in REQUIRED_TYPES
                else None
            )
        else:
            problem = checker and getattr(self, checker)(field, value)
        if problem:
            raise self._kompetanse_invalid(field, problem)
        if field.type == "many2one" and not empty:
            record_id = value.id if isinstance(value, models.BaseModel) else value
            return {field.comodel_name: {record_id}} if record_id else {}
        if field.type == "reference" and isinstance(value, str) and value:
            model, record_id = value.split(",")
            return {model: {int(record_id)}}
        return {}

    def _kompetanse_problem_text(self, field, value):
        if not isinstance(value, str):
            return self.env._("a text is expected.")
        if "\x00" in value:
            return self.env._("a text may not contain the character NUL.")
        if field.required and not value.strip():
            return self.env._("it may not be empty.")
        return None

    def _kompetanse_problem_integer(self, field, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.env._("a whole number is expected.")
        if isinstance(value, float) and (
            not math.isfinite(value) or value != int(value)
        ):
            return self.env._("a whole number is expected.")
        if abs(value) > INT_MAX:
            return self.env._(
                "%(value)s is too large (at most %(max)s).", value=value, max=INT_MAX
            )
        return None

    def _kompetanse_problem_number(self, field, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.env._("a number is expected.")
        if isinstance(value, float) and not math.isfinite(value):
            return self.env._("a finite number is expected.")
        if abs(value) >= AMOUNT_MAX:
            return self.env._("%(value)s is too large.", value=value)
        return None

    def _kompetanse_problem_boolean(self, field, value):
        if value not in (0, 1):
            return self.env._("true or false is expected.")
        return None

    def _kompetanse_problem_date(self, field, value):
        convert = (
            fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
        )
        try:
            converted = convert(value)
        except (TypeError, ValueError):
            converted = None
        if not converted:
            return self.env._("%(value)s is not a date.", value=value)
        return None

    def _kompetanse_problem_selection(self, field, value):
        keys = [key for key, __ in field._description_selection(self.env)]
        if value not in keys:
            return self.env._("%(value)s is not one of the choices.", value=value)
        return None

    def _kompetanse_problem_many2one(self, field, value):
        if isinstance(value, models.BaseModel):
            # a record, as Python code may give it
            if value._name == field.comodel_name and len(value) <= 1:
                return None
            return self.env._("the id of a record is expected.")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return self.env._("the id of a record is expected.")
        return None

    def _kompetanse_problem_reference(self, field, value):
        """A reference is "model,id" of a model among the field's choices."""
        if isinstance(value, models.BaseModel) and len(value) == 1:
            value = f"{value._name},{value.id}"
        choices = [key for key, __ in field._description_selection(self.env)]
        model, __, record_id = str(value).partition(",")
        if (
            not isinstance(value, str)
            or model not in choices
            or not record_id.isdigit()
            or not 0 < int(record_id) <= INT_MAX
        ):
            return self.env._("%(value)s is not a record of the choices.", value=value)
        return None

    def _kompetanse_check_commands(self, field, value):
        env = self.env
        bad = self._kompetanse_invalid(field, env._("a list of commands is expected."))
        if value is False or value is None:
            return {}
        if not isinstance(value, list | tuple):
            raise bad
        ids = set()

        def add_id(record_id):
            if (
                isinstance(record_id, bool)
                or not isinstance(record_id, int)
                or record_id <= 0
            ):
                raise self._kompetanse_invalid(
                    field, env._("the id of a record is expected.")
                )
            ids.add(record_id)

        for command in value:
            if isinstance(command, int) and field.type == "many2many":
                add_id(command)  # a plain list of ids, as Odoo takes it
                continue
            if not isinstance(command, list | tuple) or not command:
                raise bad
            code = command[0]
            if isinstance(code, bool) or code not in X2MANY_ARITY:
                raise self._kompetanse_invalid(
                    field, env._("%(command)s is not a command.", command=code)
                )
            if len(command) < X2MANY_ARITY[code]:
                raise bad
            if code in (0, 1) and not isinstance(command[2], dict):
                raise bad
            if code in (1, 2, 3, 4):
                add_id(command[1])
            if code == 6:
                if not isinstance(command[2], list | tuple):
                    raise bad
                for record_id in command[2]:
                    add_id(record_id)
        return {field.comodel_name: ids} if ids else {}

    @api.model
    def _kompetanse_check_fields_of(self, model, vals, names):
        """The checks above, for the fields names of another model (Odoo's,
        extended by the module) that a client writes in vals."""
        if not isinstance(vals, dict):
            raise ValidationError(self.env._("The values must be a dictionary."))
        refs = {}
        for name in names:
            if name in vals:
                found = self._kompetanse_check_value(model._fields[name], vals[name])
                for comodel, ids in found.items():
                    refs.setdefault(comodel, set()).update(ids)
        self._kompetanse_check_exist(refs)

    def _kompetanse_check_defaults(self, records):
        """After create: a read-only field holds its own default, whatever came
        from the context (default_<field>), from copy(default=...) or a user's
        saved default."""
        own = self._kompetanse_client_fields()
        guarded = [
            field
            for field in own.values()
            if field.readonly
            and field.store
            and field.name not in self._kompetanse_system_fields
            and not field.compute
            and not field.inverse
            and field.type not in ("one2many",)
        ]
        for record in records:
            for field in guarded:
                default = field.default(record) if field.default else False
                expected = field.convert_to_record(
                    field.convert_to_cache(default, record), record
                )
                if record[field.name] != expected:
                    raise UserError(
                        self.env._(
                            "%(field)s is set by the module itself, not by hand.",
                            field=field._description_string(self.env),
                        )
                    )

    def _creation_message(self):
        """For the models with a chatter: the model's name in the language of
        the words around it. Without a language in the context (data loaded at
        install), Odoo's ``_`` writes in the user's language and the ORM reads
        the name in English ("Competence Need opprettet")."""
        lang = self.env.lang or self.env["res.users"].context_get().get("lang")
        return super(
            KompetanseRecordMixin, self.with_context(lang=lang)
        )._creation_message()

    def _kompetanse_check_write(self, vals):
        """A hook for what a model checks of a client's write besides its
        values (the workflow: what a status still lets change). Here: a record
        keeps what it belongs to (``_kompetanse_owner_field``)."""
        name = self._kompetanse_owner_field
        if name and name in vals:
            value = vals[name]
            value = value.id if isinstance(value, models.BaseModel) else value
            if any(record[name].id != value for record in self):
                raise UserError(self._kompetanse_owner_message())
        self._kompetanse_check_parent()

    def _kompetanse_check_parent(self, parents=None):
        """A line changes as part of its owner (``_kompetanse_parent_field``):
        the user may write the owner, and its status lets the lines change."""
        if not self._kompetanse_parent_field:
            return
        if parents is None:
            parents = self[self._kompetanse_owner_field]
        parents.check_access("write")
        parents._kompetanse_check_write({self._kompetanse_parent_field: True})

    def _kompetanse_parents_of(self, vals_list):
        """The owners named in create values, before the rows exist: who may
        not write them learns nothing of their lines from a constraint."""
        name = self._kompetanse_owner_field
        ids = {
            vals.get(name)
            for vals in vals_list
            if isinstance(vals, dict) and isinstance(vals.get(name), int)
        }
        return self.env[self._fields[name].comodel_name].browse(ids).exists()

    def _kompetanse_owner_message(self):
        """What the user is told who moves a record to another owner."""
        field = self._fields[self._kompetanse_owner_field]
        return self.env._(
            "%(field)s stays as the record was made; make a new one instead.",
            field=field._description_string(self.env),
        )

    # --- CRUD ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # who may not create hears that first, not what is wrong with values
            self.browse().check_access("create")
            if not isinstance(vals_list, list | tuple):
                raise ValidationError(self.env._("The values must be a dictionary."))
            refs = {}
            for vals in vals_list:
                self._kompetanse_check_values(vals, creating=True, refs=refs)
            # one query per model referred to, however many records
            self._kompetanse_check_exist(refs)
            if self._kompetanse_parent_field:
                self._kompetanse_check_parent(self._kompetanse_parents_of(vals_list))
        records = super().create(vals_list)
        if not self.env.su:
            self._kompetanse_check_defaults(records)
        return records

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        self.check_access("write")
        self._kompetanse_check_values(vals)
        self._kompetanse_check_write(vals)
        result = super().write(vals)
        if set(vals) & set(self._kompetanse_scope_fields):
            # the rules are checked on the records before a write; check them
            # again where the write put them, so nothing moves out of reach
            self.check_access("write")
        return result

    def unlink(self):
        if not self.env.su:
            self._kompetanse_check_parent()
        return super().unlink()
