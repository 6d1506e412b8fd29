# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Natural keys for Odoo's import of skill levels: a skill by its name within
its type, a level by its name within the skill's type, an employee by name or
work email. Odoo's own import finds a many2one by its name alone, which for a
level ("Good") is ambiguous across skill types and is only refused by the
level's constraint, row by row, without naming the column."""

from odoo import api, models
from odoo.exceptions import UserError


def _key(text):
    return (text or "").strip().casefold()


def _cell(row, index):
    """A cell of a file's row as text (a row may be short, a cell not text)."""
    value = row[index] if index < len(row) else None
    return "" if value is None or value is False else str(value).strip()


def load_resolved(load, fields, data, resolved):
    """Odoo's load (load: the model's super().load) of a file whose named
    columns _kompetanse_resolve_import turned into ids (resolved: its result):
    nothing written while a row is bad."""
    if resolved is None:
        return load(fields, data)
    fields, data, messages = resolved
    if messages:
        return {"ids": False, "messages": messages, "nextrow": 0}
    return load(fields, data)


class _Catalogue:
    """The skill types, skills, levels (and employees) of a file, read once,
    found by name; each failure is an error message on its row and column."""

    def __init__(self, model, columns, with_employees, label=""):
        self.model = model
        # the label of the field the file's lines are in (a role's
        # requirements), before each column's
        self.label_prefix = label
        self.env = env = model.env
        self.type_col, self.skill_col, self.level_col, self.employee_col = columns
        self.messages = []
        types = env["hr.skill.type"].with_context(active_test=False).search([])
        self.types = {}
        for skill_type in types:
            self.types.setdefault(_key(skill_type.name), []).append(skill_type)
        self.skills = {}
        for skill in types.skill_ids:
            self.skills.setdefault(_key(skill.name), []).append(skill)
        self.levels = {
            (level.skill_type_id, _key(level.name)): level
            for level in types.skill_level_ids
        }
        self.employees = {}
        if with_employees:
            # the public profiles: the names and work emails every user reads
            people = (
                env["hr.employee.public"]
                .with_context(active_test=False)
                .search_fetch([], ["name", "work_email"])
            )
            for person in people:
                for key in {_key(person.name), _key(person.work_email)} - {""}:
                    self.employees.setdefault(key, []).append(person)

    def label(self, column):
        label = self.model._fields[column]._description_string(self.env)
        return f"{self.label_prefix} / {label}" if self.label_prefix else label

    def error(self, row, column, message):
        self.messages.append(
            {
                "type": "error",
                # the file's row: after its header line
                "message": self.env._(
                    "Row %(row)s, column %(column)s: %(message)s",
                    row=row + 2,
                    column=self.label(column),
                    message=message,
                ),
                # no "field": Odoo's import screen would fold the messages of
                # a column into "multiple errors" with their rows only; and
                # its "row" the file's, as in the message
                "rows": {"from": row, "to": row},
                "record": row + 2,
            }
        )

    def skill_type(self, row, name):
        found = self.types.get(_key(name), [])
        if len(found) == 1:
            return found[0]
        self.error(
            row,
            self.type_col,
            self.env._(
                "%(count)s skill types are called %(name)s: rename one.",
                count=len(found),
                name=name,
            )
            if found
            else self.env._("there is no skill type %(name)s.", name=name),
        )
        return None

    def skill(self, row, name, skill_type):
        found = [
            skill
            for skill in self.skills.get(_key(name), [])
            if not skill_type or skill.skill_type_id == skill_type
        ]
        if len(found) == 1:
            return found[0]
        _ = self.env._
        if not found and skill_type:
            message = _(
                "there is no skill %(name)s of the type %(type)s.",
                name=name,
                type=skill_type.name,
            )
        elif not found:
            message = _("there is no skill %(name)s.", name=name)
        elif self.model._fields[self.type_col].readonly:
            # the type of a requirement is its skill's: Odoo's import screen
            # does not offer the column
            message = _(
                "%(name)s is a skill of several types (%(types)s): rename one "
                "of them in the catalogue.",
                name=name,
                types=", ".join(skill.skill_type_id.name for skill in found),
            )
        else:
            message = _(
                "%(name)s is a skill of several types (%(types)s): add the "
                "column %(column)s.",
                name=name,
                types=", ".join(skill.skill_type_id.name for skill in found),
                column=self.label(self.type_col),
            )
        self.error(row, self.skill_col, message)
        return None

    def level(self, row, name, skill):
        level = self.levels.get((skill.skill_type_id, _key(name)))
        if not level:
            self.error(
                row,
                self.level_col,
                self.env._(
                    "%(level)s is not a level of %(type)s, the type of %(skill)s "
                    "(its levels: %(levels)s).",
                    level=name,
                    type=skill.skill_type_id.name,
                    skill=skill.name,
                    levels=", ".join(
                        skill.skill_type_id.skill_level_ids.mapped("name")
                    ),
                ),
            )
        return level

    def employee(self, row, name):
        people = self.employees.get(_key(name), [])
        if len(people) == 1:
            return people[0]
        _ = self.env._
        if people:
            message = _(
                "%(count)s employees are called %(name)s: give the work email.",
                count=len(people),
                name=name,
            )
        else:
            message = _(
                "there is no employee %(name)s (by name or work email).", name=name
            )
        self.error(row, self.employee_col, message)
        return None


class KompetanseSkillImport(models.AbstractModel):
    """For models with a skill and its level (employees' skills, role
    requirements, target picture lines): ``load`` finds those columns by
    name first, reports every bad row with its column, and writes nothing
    when one is bad (Odoo's "Test" shows them all)."""

    _name = "kompetanse.skill.import"
    _description = "Skill Levels Imported by Name"

    # the model's columns: skill type, skill, level, employee (or None)
    _kompetanse_import_columns = ("skill_type_id", "skill_id", "level_id", None)
    # the columns that must not be empty in a row of the file
    _kompetanse_import_required = ("skill_id", "level_id")
    # whether the skill type is a field of its own, set from the skill when
    # the file has no such column
    _kompetanse_import_add_type = False

    @api.model
    def load(self, fields, data):
        return load_resolved(
            super().load, fields, data, self._kompetanse_resolve_import(fields, data)
        )

    def _kompetanse_resolve_import(self, fields, data, prefix="", label=""):
        """(fields, data, errors) with the skill type, skill, level and
        employee columns given by name turned into ids; None when the file
        names none of them by name (ids, external ids: Odoo's import as is).
        With a prefix ("line_ids/"), the columns are those of this model's
        records inside another's import, under the label of its field."""
        if (
            not isinstance(fields, list | tuple)
            or not all(isinstance(field, str) for field in fields)
            or not isinstance(data, list | tuple)
            or not all(isinstance(row, list | tuple) for row in data)
        ):
            raise UserError(
                self.env._(
                    "An import is a list of field names and a list of rows, each "
                    "a list of cells."
                )
            )
        columns = self._kompetanse_import_columns
        type_col, skill_col, level_col, employee_col = columns
        index = {
            column: fields.index(prefix + column)
            for column in columns
            if column and prefix + column in fields
        }
        if skill_col not in index:
            # a level or a type is named within a skill: none named, none found
            index.pop(level_col, None)
            index.pop(type_col, None)
        if not index:
            return None
        add_type = (
            self._kompetanse_import_add_type
            and skill_col in index
            and type_col not in index
        )
        if add_type:
            fields = [*fields, prefix + type_col]
            index[type_col] = len(fields) - 1
        catalogue = _Catalogue(self, columns, employee_col in index, label)
        pairs = {}
        rows = []
        for number, row in enumerate(data):
            row = list(row) + [""] * (len(fields) - len(row))
            rows.append(row)
            value = {column: _cell(row, i) for column, i in index.items()}
            if prefix and not any(value.values()):
                # a row of the outer record's without a line of ours
                continue
            empty = [
                column
                for column in (*self._kompetanse_import_required, employee_col)
                if column in index and not value[column]
            ]
            for column in empty:
                catalogue.error(number, column, self.env._("it is empty."))
            if empty:
                continue
            found = self._kompetanse_import_row(catalogue, number, value)
            if found is None:
                continue
            for column, record in found.items():
                row[index[column]] = str(record.id) if record else ""
            if {employee_col, skill_col} <= set(found):
                self._kompetanse_import_pair(catalogue, pairs, number, found)
        self._kompetanse_import_held(catalogue, pairs)
        catalogue.messages.sort(key=lambda message: message["record"])
        if type_col in index and self._fields[type_col].readonly:
            # the type named a skill; the field is the skill's (related):
            # written, it would change the skill's type
            drop = index.pop(type_col)
            fields = fields[:drop] + fields[drop + 1 :]
            rows = [row[:drop] + row[drop + 1 :] for row in rows]
            index = {c: i - (i > drop) for c, i in index.items()}
        named = {prefix + column for column in index}
        fields = [f"{field}/.id" if field in named else field for field in fields]
        return fields, rows, catalogue.messages

    def _kompetanse_import_row(self, catalogue, number, value):
        """{column: record} of a row's named columns, or None if one is bad."""
        type_col, skill_col, level_col, employee_col = self._kompetanse_import_columns
        found = {}
        skill_type = None
        if value.get(type_col):
            skill_type = catalogue.skill_type(number, value[type_col])
            if not skill_type:
                return None
        if skill_col in value:
            skill = catalogue.skill(number, value[skill_col], skill_type)
            if not skill:
                return None
            found[skill_col] = skill
            if type_col in value:
                found[type_col] = skill.skill_type_id
            if level_col in value:
                found[level_col] = catalogue.level(number, value[level_col], skill)
                if not found[level_col]:
                    return None
        if employee_col in value:
            found[employee_col] = catalogue.employee(number, value[employee_col])
            if not found[employee_col]:
                return None
        return found

    def _kompetanse_import_pair(self, catalogue, pairs, number, found):
        """A person's skill twice in the file is an error on the second row."""
        __, skill_col, __, employee_col = self._kompetanse_import_columns
        # by ids: the employee found is their public profile (same id)
        employee, skill = found[employee_col], found[skill_col]
        key = (employee.id, skill.id)
        if key in pairs:
            catalogue.error(
                number,
                skill_col,
                self.env._(
                    "%(employee)s and %(skill)s are also on row %(row)s.",
                    employee=employee.name,
                    skill=skill.name,
                    row=pairs[key][0] + 2,
                ),
            )
        else:
            pairs[key] = (number, employee.name, skill.name)

    def _kompetanse_import_held(self, catalogue, pairs):
        """A level the person already has: one query for the whole file, for
        the people whose skills the user sees; the others' rows are refused
        alike, whatever they hold (the database's own refusal of a second
        level would tell it, before the access check)."""
        if not pairs:
            return
        __, skill_col, __, employee_col = self._kompetanse_import_columns
        visible = self.env["hr.employee"]._kompetanse_individual_ids(
            {employee for employee, __ in pairs}
        )
        for key, (number, employee, __) in list(pairs.items()):
            if key[0] not in visible:
                catalogue.error(
                    number,
                    employee_col,
                    self.env._(
                        "you do not keep the skills of %(employee)s.",
                        employee=employee,
                    ),
                )
                del pairs[key]
        if not pairs:
            return
        held = self.sudo().search_fetch(
            [
                (employee_col, "in", list({e for e, __ in pairs})),
                (skill_col, "in", list({s for __, s in pairs})),
            ],
            [employee_col, skill_col],
        )
        for record in held:
            key = (record[employee_col].id, record[skill_col].id)
            if key in pairs:
                number, employee, skill = pairs[key]
                catalogue.error(
                    number,
                    skill_col,
                    self.env._(
                        "%(employee)s already has a level of %(skill)s: change it "
                        "on the employee.",
                        employee=employee,
                        skill=skill,
                    ),
                )
