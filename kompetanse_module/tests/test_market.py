# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestMarket(KompetanseOrgCommon):
    """The labour market per skill, and the target picture's competences few
    people hold: vulnerable, and critical when also scarce."""

    def _assess(self, skill, availability, days_ago=0, user=None):
        return (
            self.env["kompetanse.market.assessment"]
            .with_user(user or self.user_hr)
            .create(
                {
                    "skill_id": skill.id,
                    "availability": availability,
                    "weeks_to_hire": 12,
                    "source": "Test NAV",
                    "date": fields.Date.today() - timedelta(days=days_ago),
                }
            )
        )

    def test_assessments_kept_current(self):
        """G-HR-4: the latest assessment of a skill is in force; one older
        than a year is flagged; HR keeps them, everyone reads them."""
        old = self._assess(self.python, "good", days_ago=400)
        Market = self.env["kompetanse.market.assessment"]
        ours = [("skill_id", "in", (self.python | self.sql).ids)]
        self.assertTrue(old.is_latest)
        self.assertTrue(old.is_outdated)
        self.assertEqual(Market.search([*ours, ("is_outdated", "=", True)]), old)
        new = self._assess(self.python, "scarce", days_ago=10)
        sql = self._assess(self.sql, "limited")
        self.env.invalidate_all()
        self.assertEqual(Market.search([*ours, ("is_latest", "=", True)]), new | sql)
        self.assertEqual(Market.search([*ours, ("is_latest", "=", False)]), old)
        self.assertFalse(new.is_outdated)
        self.assertEqual(
            Market._kompetanse_availability(self.python | self.sql, self.company),
            {self.python.id: "scarce", self.sql.id: "limited"},
        )
        # clear errors
        with self.assertRaisesMessage(ValidationError, "dated in the future"):
            self._assess(self.sql, "good", days_ago=-3)
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            sql.weeks_to_hire = -1
        # rights both ways
        for user in (self.user_employee, self.user_manager, self.user_top):
            new.with_user(user).read(["availability"])
            with self.assertRaises(AccessError):
                new.with_user(user).availability = "good"
            with self.assertRaises(AccessError):
                self._assess(self.sql, "good", user=user)

    def test_vulnerable_and_critical_lines(self):
        """G-HR-4, G-TL-1: a target picture's competence held at the level by
        at most N people (the company's setting, 2) is vulnerable, and critical
        when the labour market is scarce; flagged on the lines, searchable for
        the first screen, and on the needs for its skills."""
        # Python Senior: Bjørn and Cora (David is archived); Norwegian B2: 3+
        target = self._target(
            [
                (self.python, self.senior, 3, False),
                (self.norwegian, self.b2, 3, False),
            ]
        )
        target.action_approve()
        python, norwegian = target.line_ids.sorted(lambda line: line.skill_id.name)[
            ::-1
        ]
        self.assertEqual(python.skill_id, self.python)
        Line = self.env["kompetanse.target.line"].with_user(self.user_top)
        self.assertTrue(python.is_vulnerable)
        self.assertFalse(python.is_critical)
        self.assertFalse(norwegian.is_vulnerable)
        self._assess(self.python, "scarce")
        self.env.invalidate_all()
        self.assertEqual(python.market_availability, "scarce")
        self.assertTrue(python.is_critical)
        # another company's line of the skill, read with ours: its own
        # holders (none) and labour market (good), ours unchanged
        other = self.env["res.company"].create({"name": "Test Other Company"})
        theirs = self._target(
            [(self.python, self.senior, 1, False)], company_id=other.id
        ).line_ids
        self.env["kompetanse.market.assessment"].create(
            {
                "skill_id": self.python.id,
                "company_id": other.id,
                "availability": "good",
                "weeks_to_hire": 4,
                "source": "Test NAV",
                "date": fields.Date.today(),
            }
        )
        self.env.invalidate_all()
        both = python | theirs
        self.assertEqual(both.mapped("current_count"), [2, 0])
        self.assertEqual(both.mapped("market_availability"), ["scarce", "good"])
        self.assertEqual(both.mapped("is_critical"), [True, False])
        ours = [("target_id", "=", target.id)]
        self.assertEqual(Line.search([*ours, ("is_critical", "=", True)]), python)
        self.assertEqual(Line.search([*ours, ("is_vulnerable", "=", False)]), norwegian)
        # the need for the skill says so
        need = (
            self.env["kompetanse.need"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Python Need",
                    "department_id": self.dept_main.id,
                    "skill_ids": [Command.set((self.python | self.sami).ids)],
                }
            )
        )
        self.assertEqual(need.vulnerable_skill_ids, self.python)
        self.assertEqual(need.critical_skill_ids, self.python)
        # a third holder at the level, and it is no longer
        self._give_skills([(self.cecilie, self.python, self.senior)])
        self.env.invalidate_all()
        self.assertFalse(python.is_vulnerable)
        self.assertFalse(python.is_critical)
        self.assertFalse(need.vulnerable_skill_ids)
        # the company's setting decides
        self.company.kompetanse_vulnerable_max = 3
        self.env.invalidate_all()
        self.assertTrue(python.is_critical)
        with self.assertRaisesMessage(ValidationError, "between 0 and 1000"):
            self.company.kompetanse_vulnerable_max = -1

    def test_departure_of_a_last_holder(self):
        """G-HR-4: registering a departure, HR is told which vulnerable
        competences leave: "the last holder of X at level Y"."""
        self._give_skills([(self.anna, self.sql, self.senior)])
        target = self._target(
            [(self.sql, self.senior, 1, False), (self.python, self.senior, 1, False)]
        )
        target.action_approve()
        self._assess(self.sql, "scarce")

        def warning(employee):
            form = Form(
                self.env["hr.departure.wizard"]
                .with_user(self.user_hr)
                .with_context(active_id=employee.id)
            )
            self.assertEqual(form.employee_id, employee)
            return str(form.kompetanse_leaving_warning or "")

        text = warning(self.anna)
        self.assertIn("the last holder of Test SQL at level Senior", text)
        self.assertIn("scarce in the labour market", text)
        # Anna is Junior in Python: not hers to take
        self.assertNotIn("Test Python", text)
        text = warning(self.cora)
        self.assertIn("one of the 2 holders of Test Python at level Senior", text)
        self.assertEqual(warning(self.cecilie), "")
        # who holds what is HR's: another user's onchange learns nothing
        form = self.env["hr.departure.wizard"].with_user(self.user_manager)
        result = form.onchange(
            {"employee_id": self.anna.id},
            ["employee_id"],
            {"employee_id": {}, "kompetanse_leaving_warning": {}},
        )
        self.assertFalse(result["value"].get("kompetanse_leaving_warning"))
