# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ESCO, the EU's classification of skills, as published in CSV (one file per
language): each row a concept with its URI, preferred label, alternative
labels, skill type ("knowledge", "skill/competence") and description. The
wizard brings a file, or a part of it, into the catalogue; a skill keeps its
concept URI, so a new release, or the file of another language, updates the
skills instead of adding them again."""

import base64
import binascii
import csv
import io
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# the columns read; ESCO's files have more (reuseLevel, status, ...)
ESCO_REQUIRED = ("conceptUri", "preferredLabel")
ESCO_COLUMNS = (*ESCO_REQUIRED, "altLabels", "skillType", "description")
# the rows named in one error message at most
ESCO_ROWS_SHOWN = 10
# a description or a label of more is not a skill's (a file of another kind;
# Python's csv refuses a cell of more than 128 KiB itself)
ESCO_CELL_MAX = 10000
# what the wizard itself writes: its progress and its counts
ESCO_RESULT_FIELDS = ("state", "new_count", "update_count", "same_count")


class KompetanseEscoImport(models.TransientModel):
    _name = "kompetanse.esco.import"
    _description = "Import of ESCO Skills"

    # in the table, not an attachment: a value that is not base64 is told
    # in words by the wizard, not refused by the attachment's decoding
    file = fields.Binary(string="ESCO File", required=True, attachment=False)
    file_name = fields.Char()
    lang = fields.Selection(
        selection="_get_languages",
        string="Language of the File",
        required=True,
        default=lambda self: self.env.lang or "en_US",
        help="The skills' names and descriptions are written in this language; "
        "the file of another language adds the translations of the same skills.",
    )
    target = fields.Selection(
        [
            ("type", "Into one skill type"),
            ("esco_type", "A skill type per ESCO skill type"),
        ],
        string="Skills Go",
        required=True,
        default="type",
    )
    skill_type_id = fields.Many2one(
        "hr.skill.type",
        string="Skill Type",
        help="The type, with its levels, the new skills are added to.",
    )
    scale_type_id = fields.Many2one(
        "hr.skill.type",
        string="Levels From",
        help="The skill type whose levels the new types made for ESCO's skill "
        "types get.",
    )
    esco_skill_type = fields.Selection(
        [
            ("knowledge", "Knowledge"),
            ("skill/competence", "Skill/competence"),
        ],
        string="Only ESCO Skill Type",
        help="Empty: every row of the file.",
    )
    keywords = fields.Char(
        help="Only the concepts whose preferred or alternative labels contain "
        "one of these words (separated by commas). Empty: every row.",
    )
    new_count = fields.Integer(string="New Skills", readonly=True)
    update_count = fields.Integer(string="Skills Updated", readonly=True)
    same_count = fields.Integer(string="Skills Unchanged", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("preview", "Preview"), ("done", "Done")],
        default="draft",
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._kompetanse_check_result_fields(vals_list)
        wizards = super().create(vals_list)
        # nor through a default of the client's context
        forged = wizards.filtered(
            lambda wizard: wizard.state != "draft"
            or wizard.new_count
            or wizard.update_count
            or wizard.same_count
        )
        forged._kompetanse_result(
            {"state": "draft", "new_count": 0, "update_count": 0, "same_count": 0}
        )
        return wizards

    def write(self, vals):
        if not self.env.context.get("kompetanse_esco_result"):
            self._kompetanse_check_result_fields([vals])
        return super().write(vals)

    def _kompetanse_check_result_fields(self, vals_list):
        for vals in vals_list:
            for name in set(vals) & set(ESCO_RESULT_FIELDS):
                raise UserError(
                    self.env._(
                        "%(field)s is set by the module itself, not by hand.",
                        field=self._fields[name]._description_string(self.env),
                    )
                )

    def _kompetanse_result(self, values):
        self.with_context(kompetanse_esco_result=True).write(values)

    @api.model
    def _get_languages(self):
        return self.env["res.lang"].get_installed()

    @api.onchange(
        "file",
        "lang",
        "target",
        "skill_type_id",
        "scale_type_id",
        "esco_skill_type",
        "keywords",
    )
    def _onchange_reset_preview(self):
        if self.state == "preview":
            self.state = "draft"

    def action_preview(self):
        """Count what the import would do, writing nothing."""
        self.ensure_one()
        self._kompetanse_apply(write=False)
        self._kompetanse_result({"state": "preview"})
        return self._kompetanse_reopen()

    def action_import(self):
        self.ensure_one()
        self._kompetanse_apply(write=True)
        self._kompetanse_result({"state": "done"})
        return self._kompetanse_reopen()

    def _kompetanse_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import ESCO Skills"),
        }

    def _kompetanse_rows(self):
        """The file's concepts to import: [(row number, {column: text})]."""
        try:
            content = base64.b64decode(self.file or b"", validate=True)
            text = content.decode("utf-8-sig")
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "The file is not a CSV file in UTF-8, as ESCO publishes them."
                )
            ) from error
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in ESCO_REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column %(columns)s; an ESCO file has the "
                    "columns %(expected)s.",
                    columns=", ".join(missing),
                    expected=", ".join(ESCO_COLUMNS),
                )
            )
        keywords = [
            word.strip().casefold()
            for word in (self.keywords or "").split(",")
            if word.strip()
        ]
        rows, bad = [], []
        try:
            for number, row in enumerate(reader, start=2):
                concept = {c: (row.get(c) or "").strip() for c in ESCO_COLUMNS}
                if not all(concept[c] for c in ESCO_REQUIRED) or any(
                    len(value) > ESCO_CELL_MAX for value in concept.values()
                ):
                    bad.append(number)
                    continue
                if (
                    self.esco_skill_type
                    and concept["skillType"] != self.esco_skill_type
                ):
                    continue
                labels = f"{concept['preferredLabel']}\n{concept['altLabels']}"
                if keywords and not any(w in labels.casefold() for w in keywords):
                    continue
                rows.append((number, concept))
        except csv.Error as error:
            raise UserError(
                self.env._(
                    "The file cannot be read as CSV after row %(row)s: %(error)s",
                    row=reader.line_num,
                    error=error,
                )
            ) from error
        if bad:
            raise UserError(
                self.env._(
                    "Rows %(rows)s have no %(columns)s (or a cell too long): "
                    "nothing was imported.",
                    rows=", ".join(map(str, bad[:ESCO_ROWS_SHOWN]))
                    + ("…" if len(bad) > ESCO_ROWS_SHOWN else ""),
                    columns=" / ".join(ESCO_REQUIRED),
                )
            )
        uris = Counter(concept["conceptUri"] for __, concept in rows)
        twice = sorted(uri for uri, count in uris.items() if count > 1)
        if twice:
            raise UserError(
                self.env._(
                    "The file has the concept %(uri)s more than once.", uri=twice[0]
                )
            )
        return rows

    def _kompetanse_types(self, rows, write):
        """{ESCO skill type: hr.skill.type} the new skills of each row go to."""
        if self.target == "type":
            if not self.skill_type_id:
                raise UserError(self.env._("Choose the skill type the skills go to."))
            return dict.fromkeys(
                {concept["skillType"] for __, concept in rows}, self.skill_type_id
            )
        if not self.scale_type_id.skill_level_ids:
            raise UserError(
                self.env._("Choose the skill type whose levels the new ESCO types get.")
            )
        Type = self.env["hr.skill.type"].with_context(lang=self.lang)
        types = {}
        # ESCO's two skill types by the wizard's names of them, translated
        labels = dict(self._fields["esco_skill_type"]._description_selection(self.env))
        for esco_type in sorted({concept["skillType"] for __, concept in rows}):
            # found again by ESCO's own name of it, in any language
            found = Type.search(
                [("kompetanse_esco_skill_type", "=", esco_type or "-")], limit=1
            )
            if not found and write:
                found = Type.create(
                    {
                        "name": self.env._(
                            "ESCO: %(type)s",
                            type=labels.get(esco_type, esco_type)
                            or self.env._("other"),
                        ),
                        "kompetanse_esco_skill_type": esco_type or "-",
                        "skill_level_ids": [
                            fields.Command.create(
                                {
                                    "name": level.name,
                                    "level_progress": level.level_progress,
                                    "default_level": level.default_level,
                                }
                            )
                            for level in self.scale_type_id.skill_level_ids
                        ],
                    }
                )
            types[esco_type] = found
        return types

    def _kompetanse_apply(self, write):
        """New, updated and unchanged skills of the file; written if write.
        A skill is the file's by its concept URI, or, the first time, by its
        name within the type the file's skills go to."""
        rows = self._kompetanse_rows()
        types = self._kompetanse_types(rows, write)
        Skill = self.env["hr.skill"].with_context(lang=self.lang)
        known = {
            skill.kompetanse_esco_uri: skill
            for skill in Skill.search_fetch(
                [("kompetanse_esco_uri", "in", [c["conceptUri"] for __, c in rows])],
                ["kompetanse_esco_uri"],
            )
        }
        unnamed = Skill.search_fetch(
            [
                ("kompetanse_esco_uri", "=", False),
                ("skill_type_id", "in", [t.id for t in types.values() if t]),
            ],
            ["name", "skill_type_id"],
        )
        by_name = {(s.skill_type_id, s.name.casefold()): s for s in unnamed}
        found = {}
        new = []
        for __, concept in rows:
            skill_type = types[concept["skillType"]]
            skill = known.get(concept["conceptUri"]) or by_name.pop(
                (skill_type, concept["preferredLabel"].casefold()), None
            )
            values = {
                "name": concept["preferredLabel"],
                "kompetanse_esco_uri": concept["conceptUri"],
                "kompetanse_esco_alt_labels": concept["altLabels"],
                "kompetanse_esco_description": concept["description"],
            }
            if skill:
                # a skill keeps the type HR gave it; its texts are the file's
                found[skill] = values
            else:
                new.append({**values, "skill_type_id": skill_type.id})
        stored = self._kompetanse_stored(Skill.union(*found))
        for skill, values in found.items():
            name = stored[skill.id]["name"]
            if name and name.casefold() == values["name"].casefold():
                # HR's capitals are kept (ESCO writes its labels in lower case)
                values["name"] = name
        changed = {
            skill: values
            for skill, values in found.items()
            if any(
                (stored[skill.id][key] or "") != value for key, value in values.items()
            )
        }
        self._kompetanse_check_names(new, changed)
        if write:
            Skill.create(new)
            for skill, values in changed.items():
                self._kompetanse_update(skill, values, stored[skill.id])
        self._kompetanse_result(
            {
                "new_count": len(new),
                "update_count": len(changed),
                "same_count": len(found) - len(changed),
            }
        )

    def _kompetanse_update(self, skill, values, stored):
        """The file's texts in its language only: Odoo's write in English
        also rewrites the translations that read as the old English text
        (a name that is the same in Norwegian would be lost). stored: the
        skill's texts in the file's language, None where it has none."""
        translated = {k: v for k, v in values.items() if skill._fields[k].translate}
        skill.write({k: v for k, v in values.items() if k not in translated})
        for name, value in translated.items():
            if (stored[name] or "") == value or not value:
                continue
            if skill._fields[name]._get_stored_translations(skill):
                skill.update_field_translations(name, {self.lang: value})
            else:
                skill.write({name: value})

    def _kompetanse_check_names(self, new, changed):
        """Two skills of one name in a type could no longer be told apart
        (by people, nor by the import of levels by name): a concept whose
        name another skill of its type has is refused, with nothing written."""
        targets = [(values["skill_type_id"], values) for values in new] + [
            (skill.skill_type_id.id, values) for skill, values in changed.items()
        ]
        type_ids = {type_id for type_id, __ in targets if type_id}
        if not type_ids:
            return
        moving = {skill.id for skill in changed}
        taken = {
            (skill.skill_type_id.id, skill.name.casefold()): skill
            for skill in self.env["hr.skill"]
            .with_context(lang=self.lang)
            .search_fetch(
                [("skill_type_id", "in", list(type_ids))], ["name", "skill_type_id"]
            )
            if skill.id not in moving
        }
        seen = set()
        for type_id, values in targets:
            key = (type_id, values["name"].casefold())
            if key in taken or key in seen:
                other = taken.get(key)
                raise UserError(
                    self.env._(
                        "The skill type %(type)s already has a skill %(name)s "
                        "(%(other)s): the concept %(uri)s would be a second one "
                        "of that name. Nothing was imported.",
                        type=self.env["hr.skill.type"].browse(type_id).name,
                        name=values["name"],
                        other=(other and other.kompetanse_esco_uri)
                        or self.env._("in the file too"),
                        uri=values["kompetanse_esco_uri"],
                    )
                )
            seen.add(key)

    def _kompetanse_stored(self, skills):
        """{skill id: {field: its text in the file's language}}, in one query:
        a name read in another language than it was written in is Odoo's
        fallback, which the file's name is to replace, not to equal."""
        if not skills:
            return {}
        translated = (
            "name",
            "kompetanse_esco_alt_labels",
            "kompetanse_esco_description",
        )
        skills.flush_recordset([*translated, "kompetanse_esco_uri"])
        self.env.cr.execute(
            SQL(
                "SELECT id, kompetanse_esco_uri, %s FROM hr_skill WHERE id IN %s",
                SQL(", ").join(
                    SQL("%s ->> %s", SQL.identifier(field), self.lang)
                    for field in translated
                ),
                tuple(skills.ids),
            )
        )
        return {
            row[0]: dict(
                zip(("kompetanse_esco_uri", *translated), row[1:], strict=True)
            )
            for row in self.env.cr.fetchall()
        }
