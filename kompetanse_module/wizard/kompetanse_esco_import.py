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


class KompetanseEscoImport(models.TransientModel):
    _name = "kompetanse.esco.import"
    _description = "Import of ESCO Skills"

    file = fields.Binary(string="ESCO File", required=True)
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

    @api.model
    def _get_languages(self):
        return self.env["res.lang"].get_installed()

    @api.onchange("file", "lang", "target", "skill_type_id", "esco_skill_type")
    def _onchange_reset_preview(self):
        if self.state == "preview":
            self.state = "draft"

    def action_preview(self):
        """Count what the import would do, writing nothing."""
        self.ensure_one()
        self._kompetanse_apply(write=False)
        self.state = "preview"
        return self._kompetanse_reopen()

    def action_import(self):
        self.ensure_one()
        self._kompetanse_apply(write=True)
        self.state = "done"
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
        uris = [concept["conceptUri"] for __, concept in rows]
        twice = sorted({uri for uri in uris if uris.count(uri) > 1})
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
        for esco_type in sorted({concept["skillType"] for __, concept in rows}):
            name = self.env._("ESCO: %(type)s", type=esco_type or self.env._("other"))
            found = Type.with_context(active_test=False).search(
                [("name", "=", name)], limit=1
            )
            if not found and write:
                found = Type.create(
                    {
                        "name": name,
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
        changed = {
            skill: values
            for skill, values in found.items()
            if any(
                (stored[skill.id][key] or "") != value for key, value in values.items()
            )
        }
        if write:
            Skill.create(new)
            for skill, values in changed.items():
                skill.write(values)
        self.write(
            {
                "new_count": len(new),
                "update_count": len(changed),
                "same_count": len(found) - len(changed),
            }
        )

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
