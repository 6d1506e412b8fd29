# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import KompetanseDataCommon


@tagged("post_install", "-at_install")
class TestTarget(KompetanseDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target = cls._target(
            [
                (cls.norwegian, cls.b2, 4, False),
                (cls.norwegian, cls.c2, 2, cls.dept_main),
                (cls.python, cls.senior, 1, cls.dept_main),
                (cls.python, cls.junior, 3, cls.dept_sub),
            ]
        )

    def test_coverage_figures(self):
        """G-0-1, G-TL-1: coverage counts the active employees of the company, or of
        the unit and its sub-units, at or above the required level."""
        lines = self.target.line_ids
        # B2 org-wide: Anna C2, Bjørn B2, Cecilie C2 (David is archived)
        # C2 in the main unit and its sub-unit: Anna only (Bjørn is B2)
        # Senior Python in the main unit: Bjørn, in the sub-unit
        # Junior Python in the sub-unit only: Bjørn (Anna is in the main unit)
        self.assertEqual(lines.mapped("current_count"), [3, 1, 1, 1])
        self.assertEqual(
            [round(c, 2) for c in lines.mapped("coverage")], [75.0, 50.0, 100.0, 33.33]
        )
        # each line counts up to what it needs: (3 + 1 + 1 + 1) / (4 + 2 + 1 + 3)
        self.assertAlmostEqual(self.target.coverage, 60.0)
        # the people of another company count for its lines, not these
        other = self.env["res.company"].create({"name": "Test Other Company"})
        stranger = self.env["hr.employee"].create(
            {"name": "Test Stranger", "company_id": other.id}
        )
        self._give_skills([(stranger, self.norwegian, self.c2)])
        lines.invalidate_recordset()
        self.assertEqual(lines.mapped("current_count"), [3, 1, 1, 1])
        # ... and are not holders of the skill here
        current, __, __, holders, *__ = lines._kompetanse_counts()[lines[0].id]
        self.assertEqual((current, holders), (3, 3))
        self.assertEqual(self.target.line_count, 4)
        self.assertEqual(
            lines.mapped("display_name")[:2],
            [
                "Test Norwegian (B2), the whole organisation · Test Target",
                "Test Norwegian (C2), Test Main Unit · Test Target",
            ],
        )

    def test_counts_while_editing(self):
        """G-TL-1: a line edited in the form keeps its figures while it counts
        the same people; given another skill, it counts nobody until saved."""
        form = Form(self.target)
        with form.line_ids.edit(0) as line:
            line.needed_count = 6
            self.assertEqual(line.current_count, 3)
            self.assertEqual(line.coverage, 50.0)
            line.skill_id = self.python
            line.level_id = self.junior
            self.assertEqual(line.current_count, 0)
        form.save()
        self.assertEqual(self.target.line_ids[0].current_count, 2)

    def test_coverage_follows_skills(self):
        """G-TL-1: the progress follows the employees' skills as they change."""
        line = self.target.line_ids[1]
        self.bjorn.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.norwegian
        ).skill_level_id = self.c2
        self.target.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual(line.current_count, 2)
        self.assertEqual(line.coverage, 100.0)

    def test_progress_since_approval(self):
        """G-TL-1: approval records the starting point, and the leadership follows
        the change since then."""
        lines = self.target.line_ids
        self.assertEqual(lines.mapped("progress_count"), [0, 0, 0, 0])
        self.target.with_user(self.user_top).action_approve()
        self.assertEqual(lines.mapped("baseline_count"), [3, 1, 1, 1])
        newcomer = self.env["hr.employee"].create(
            {"name": "Test Newcomer", "department_id": self.dept_sub.id}
        )
        self._give_skills([(newcomer, self.norwegian, self.b2)])
        lines.invalidate_recordset()
        self.assertEqual(lines.mapped("current_count"), [4, 1, 1, 1])
        self.assertEqual(lines.mapped("progress_count"), [1, 0, 0, 0])

    def test_lines_ordered_by_priority(self):
        """G-TL-2: the leader orders the lines by priority."""
        first, second = self.target.line_ids[:2]
        second.priority, first.priority = 1, 5
        self.target.invalidate_recordset(["line_ids"])
        self.assertEqual(self.target.line_ids[0], second)

    def test_approve_and_lock(self):
        """G-TL-1: the top leader approves; an approved target picture is read-only."""
        self.target.with_user(self.user_top).action_approve()
        self.assertEqual(self.target.state, "approved")
        self.assertEqual(self.target.approved_by_id, self.user_top)
        self.assertTrue(self.target.approved_date)
        with self.assertRaises(UserError):
            self.target.with_user(self.user_hr).write({"name": "Changed"})
        with self.assertRaises(UserError):
            self.target.line_ids[0].with_user(self.user_top).needed_count = 10
        with self.assertRaises(UserError):
            self.env["kompetanse.target.line"].create(
                {
                    "target_id": self.target.id,
                    "skill_id": self.sami.id,
                    "level_id": self.a2.id,
                }
            )
        with self.assertRaises(UserError):
            self.target.line_ids[0].unlink()
        with self.assertRaises(UserError):
            self.target.unlink()
        self.assertEqual(self.target.name, "Test Target")
        self.assertEqual(len(self.target.line_ids), 4)

    def test_new_version(self):
        """G-TL-1: an approved target picture is copied into a draft for the next
        period; approving it archives the one it replaces."""
        self.target.with_user(self.user_top).action_approve()
        action = self.target.with_user(self.user_hr).action_new_version()
        new = self.env["kompetanse.target"].browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.previous_id, self.target)
        self.assertEqual(str(new.date_start), "2049-01-01")
        self.assertEqual(str(new.date_end), "2050-12-31")
        self.assertEqual(
            new.line_ids.mapped("needed_count"),
            self.target.line_ids.mapped("needed_count"),
        )
        new.line_ids[0].needed_count = 6  # the draft is editable
        new.write({"date_start": "2048-06-01"})  # overlaps the approved one
        new.with_user(self.user_top).action_approve()
        self.assertEqual(new.state, "approved")
        self.assertEqual(self.target.state, "archived")

    def test_one_approved_per_period(self):
        """G-TL-1: one approved target picture per company for overlapping periods."""
        self.target.with_user(self.user_top).action_approve()
        other = self._target(
            [(self.sami, self.a2, 1, False)],
            name="Overlapping",
            date_start="2048-01-01",
            date_end="2049-12-31",
        )
        with self.assertRaises(ValidationError):
            other.with_user(self.user_top).action_approve()
        self.assertEqual(other.state, "draft")
        later = self._target(
            [(self.sami, self.a2, 1, False)],
            name="Later",
            date_start="2049-01-01",
            date_end="2049-12-31",
        )
        later.with_user(self.user_top).action_approve()
        self.assertEqual(later.state, "approved")

    def test_illegal_transitions(self):
        """Approving an empty or non-draft target picture, archiving a draft, or
        creating one approved are refused with a clear error."""
        empty = self._target([], name="Empty")
        with self.assertRaisesMessage(UserError, "at least one competence line"):
            empty.with_user(self.user_top).action_approve()
        with self.assertRaisesMessage(UserError, "cannot go from Draft to Archived"):
            self.target.with_user(self.user_top).action_archive_target()
        self.target.with_user(self.user_top).action_approve()
        with self.assertRaisesMessage(UserError, "cannot go from Approved to Approved"):
            self.target.with_user(self.user_top).action_approve()
        with self.assertRaises(UserError):
            self.env["kompetanse.target"].with_user(self.user_top).create(
                {
                    "name": "Approved at birth",
                    "date_start": "2050-01-01",
                    "date_end": "2050-12-31",
                    "state": "approved",
                }
            )
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.target.with_user(self.user_top).write({"state": "draft"})
        self.target.with_user(self.user_top).action_archive_target()
        self.assertEqual(self.target.state, "archived")
        with self.assertRaisesMessage(UserError, "cannot go from Archived"):
            self.target.with_user(self.user_top).action_approve()
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            self.target.with_user(self.user_hr).write({"approved_by_id": False})

    def test_validation_errors(self):
        """A level of another skill type, a duplicate line in one scope, nobody
        needed, dates out of order and a deadline before the start are refused,
        and what was saved stays."""
        line_model = self.env["kompetanse.target.line"]
        base = {"target_id": self.target.id, "skill_id": self.sami.id}
        refused = [
            ("belongs to Test Tech", {"level_id": self.senior.id}),
            (
                "already has a line",
                {"skill_id": self.norwegian.id, "level_id": self.a2.id},
            ),
            ("at least one person", {"level_id": self.a2.id, "needed_count": 0}),
            ("before the target", {"level_id": self.a2.id, "deadline": "2046-12-31"}),
        ]
        for message, values in refused:
            with self.assertRaisesMessage(ValidationError, message):
                line_model.create({**base, **values})
            self.env.invalidate_all()  # as the next request sees the database
        # the same skill for another scope is no duplicate
        line_model.create(
            {
                **base,
                "skill_id": self.norwegian.id,
                "level_id": self.a2.id,
                "department_id": self.dept_other.id,
            }
        )
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self.target.write({"date_end": "2046-06-30"})
        self.env.invalidate_all()
        self.assertEqual(str(self.target.date_end), "2048-12-31")
        self.assertEqual(len(self.target.line_ids), 5)

    def test_error_in_norwegian(self):
        """A user's mistake gets its message in the user's language."""
        self.env["res.lang"]._activate_lang("nb_NO")
        nb_target = self.target.with_context(lang="nb_NO")
        with self.assertRaisesMessage(ValidationError, "slutter før det starter"):
            nb_target.write({"date_end": "2046-06-30"})

    def test_form_onchange_level(self):
        """Choosing a skill proposes a level of that skill's own scale."""
        with Form(self.target) as form:
            with form.line_ids.new() as line:
                line.skill_id = self.sami
                self.assertEqual(line.level_id.skill_type_id, self.type_lang)
                line.skill_id = self.sql
                self.assertEqual(line.level_id.skill_type_id, self.type_tech)
        self.assertEqual(self.target.line_ids[-1].skill_id, self.sql)

    def test_rights_hr_drafts_top_approves(self):
        """HR drafts and maintains but cannot approve or archive; the top leader
        approves."""
        target = (
            self.env["kompetanse.target"]
            .with_user(self.user_hr)
            .create(
                {
                    "name": "HR draft",
                    "date_start": "2051-01-01",
                    "date_end": "2051-12-31",
                    "line_ids": [
                        Command.create(
                            {"skill_id": self.sami.id, "level_id": self.a2.id}
                        )
                    ],
                }
            )
        )
        target.line_ids.needed_count = 2
        with self.assertRaises(AccessError):
            target.action_approve()
        with self.assertRaisesMessage(UserError, "set by the module itself"):
            target.write({"approved_by_id": self.user_hr.id})
        self.assertEqual(target.state, "draft")
        target.with_user(self.user_top).action_approve()
        with self.assertRaises(AccessError):
            target.with_user(self.user_hr).action_archive_target()
        self.assertEqual(target.state, "approved")

    def test_rights_employees_read_approved(self):
        """Employees and managers read the approved target picture only, and
        change nothing; a portal user reads nothing."""
        draft = self._target([(self.sami, self.a2, 1, False)], name="Draft")
        self.target.with_user(self.user_top).action_approve()
        ours_ids = (self.target | draft).ids
        ours = [("id", "in", ours_ids)]
        for user in (self.user_employee, self.user_manager):
            targets = self.env["kompetanse.target"].with_user(user)
            self.assertEqual(targets.search(ours), self.target, user.login)
            self.assertEqual(
                self.env["kompetanse.target.line"]
                .with_user(user)
                .search([("target_id", "in", ours_ids)]),
                self.target.line_ids,
            )
            with self.assertRaises(AccessError):
                draft.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                targets.create(
                    {"name": "X", "date_start": "2051-01-01", "date_end": "2051-12-31"}
                )
            with self.assertRaises(AccessError):
                draft.with_user(user).action_approve()
        for user in (self.user_hr, self.user_top):
            found = self.env["kompetanse.target"].with_user(user).search(ours)
            self.assertEqual(found, self.target | draft, user.login)
        with self.assertRaises(AccessError):
            self.env["kompetanse.target"].with_user(self.user_portal).search(ours)
