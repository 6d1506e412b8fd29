# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .common import KompetanseDataCommon

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def load_script(version, name):
    path = MIGRATIONS / version / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kompetanse_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(KompetanseDataCommon):
    """The upgrade from 18.0.1.0.0 on a database as that version left it."""

    def test_upgrade_from_18_0_1_0_0(self):
        """The need's way becomes the method's category (mobility is now
        mobilise, and a method decides), the old rules that opened individual
        gaps and effects to the top leader go, and the rules kept are reloaded
        from the module and stay noupdate."""
        env = self.env
        course = env.ref("kompetanse_module.kompetanse_method_course")
        needs = env["kompetanse.need"].create(
            [
                {"name": "Test Old Mobility", "department_id": self.dept_main.id},
                {
                    "name": "Test Old Disagreeing",
                    "department_id": self.dept_main.id,
                    "method_id": course.id,
                },
            ]
        )
        env.flush_all()
        # the database of 18.0.1.0.0: a column 'cover', an old rule and domain
        cr = env.cr
        cr.execute("ALTER TABLE kompetanse_need RENAME COLUMN category TO cover")
        cr.execute(
            SQL(
                "UPDATE kompetanse_need SET cover = %s WHERE id = %s",
                "mobility",
                needs[0].id,
            )
        )
        cr.execute(
            SQL(
                "UPDATE kompetanse_need SET cover = %s WHERE id = %s",
                "recruit",
                needs[1].id,
            )
        )
        rule_user = env.ref("kompetanse_module.kompetanse_gap_report_rule_user")
        rule_user.domain_force = "[('employee_id.user_id', '=', user.id)]"
        old = env["ir.rule"].create(
            {
                "name": "Gaps: HR and the top leader see all",
                "model_id": env.ref("kompetanse_module.model_kompetanse_gap_report").id,
                "domain_force": "[(1, '=', 1)]",
                "groups": [(4, env.ref("kompetanse_module.kompetanse_group_top").id)],
            }
        )
        env["ir.model.data"].create(
            {
                "module": "kompetanse_module",
                "name": "kompetanse_gap_report_rule_hr_top",
                "model": "ir.rule",
                "res_id": old.id,
                "noupdate": True,
            }
        )
        env.flush_all()
        env.invalidate_all()

        load_script("18.0.1.1.0", "pre-migration").migrate(cr, "18.0.1.0.0")
        load_script("18.0.1.1.0", "post-migration").migrate(cr, "18.0.1.0.0")
        env.invalidate_all()

        self.assertEqual(needs.mapped("category"), ["mobilise", "develop"])
        self.assertFalse(old.exists())
        self.assertFalse(
            env.ref(
                "kompetanse_module.kompetanse_gap_report_rule_hr_top",
                raise_if_not_found=False,
            )
        )
        self.assertEqual(
            rule_user.domain_force,
            "[('kompetanse_individual_access', '=', True)]",
        )
        data = env["ir.model.data"].search(
            [("module", "=", "kompetanse_module"), ("model", "=", "ir.rule")]
        )
        self.assertTrue(data)
        self.assertEqual(set(data.mapped("noupdate")), {True})


@tagged("post_install", "-at_install")
class TestMigrationEffects(KompetanseDataCommon):
    """The upgrade to 18.0.1.2.0 on effects as closing a measure left them."""

    def test_before_unknown_is_not_zero(self):
        """An effect whose level before was written as 0 (nothing in the skill
        log before the start) becomes unknown, with no change counted; a known
        level keeps its change."""
        method = self.env["kompetanse.method"].search([], limit=1)
        measure = self.env["kompetanse.measure"].create(
            {"name": "Test Old Measure", "method_id": method.id}
        )
        effects = self.env["kompetanse.measure.effect"].create(
            [
                {
                    "measure_id": measure.id,
                    "employee_id": employee.id,
                    "skill_id": self.python.id,
                    "progress_before": before,
                    "progress_after": 80,
                }
                for employee, before in ((self.anna, 30), (self.bjorn, 0))
            ]
        )
        effects.flush_recordset()
        # as 18.0.1.1.0 left them: no before_known column value, change = after
        self.env.cr.execute(
            SQL(
                "UPDATE kompetanse_measure_effect SET before_known = NULL, "
                "progress_change = progress_after - progress_before WHERE id IN %s",
                tuple(effects.ids),
            )
        )
        effects.invalidate_recordset()
        load_script("18.0.1.2.0", "post-migration").migrate(self.env.cr, "18.0.1.1.0")
        effects.invalidate_recordset()
        self.assertEqual(effects.mapped("before_known"), [True, False])
        self.assertEqual(effects.mapped("progress_change"), [50, 0])


@tagged("post_install", "-at_install")
class TestMigrationJobSkills(KompetanseDataCommon):
    """The upgrade to 18.0.1.4.0 on positions whose skills were kept by hand."""

    def test_positions_take_their_roles_skills(self):
        """G-NL-6: a position's hand-kept skills become its roles' after the
        upgrade; a position without roles keeps its own."""
        role = self._role("Test Old Role", [(self.python, self.senior, "essential")])
        job, plain = self.env["hr.job"].create(
            [
                {"name": "Test Old Position", "role_ids": [Command.set(role.ids)]},
                {"name": "Test Plain Position"},
            ]
        )
        # as 18.0.1.3.0 left them: skills by hand
        for record, skills in ((job, self.sami | self.sql), (plain, self.sami)):
            self.env.cr.execute(
                SQL("DELETE FROM hr_job_hr_skill_rel WHERE hr_job_id = %s", record.id)
            )
            for skill in skills:
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO hr_job_hr_skill_rel VALUES (%s, %s)",
                        record.id,
                        skill.id,
                    )
                )
        (job | plain).invalidate_recordset()
        load_script("18.0.1.4.0", "post-migration").migrate(self.env.cr, "18.0.1.3.0")
        (job | plain).invalidate_recordset()
        self.assertEqual(job.skill_ids, self.python)
        self.assertEqual(plain.skill_ids, self.sami)


@tagged("post_install", "-at_install")
class TestMigrationReportRules(KompetanseDataCommon):
    """The upgrade to 18.0.1.5.0 on the report rules as 18.0.1.4.0 left them."""

    def test_report_rules_read_their_own_column(self):
        """The gap analysis and the coverage search their own column after the
        upgrade, and show the manager the same people; a rule an
        administrator changed stays as they left it."""
        old = "[('employee_id.kompetanse_individual_access', '=', True)]"
        gap = self.env.ref("kompetanse_module.kompetanse_gap_report_rule_user")
        coverage = self.env.ref(
            "kompetanse_module.kompetanse_conversation_coverage_rule_user"
        )
        self._role(
            "Test Old Role",
            [(self.python, self.senior, "essential")],
            employees=self.anna | self.cecilie,
        )
        Gap = self.env["kompetanse.gap.report"].with_user(self.user_manager)
        Coverage = self.env["kompetanse.conversation.coverage"].with_user(
            self.user_manager
        )
        new = "[('kompetanse_individual_access', '=', True)]"
        # as 18.0.1.4.0 left them: the gap rule through the employee, the
        # coverage rule changed by an administrator
        edited = (
            "[('employee_id.kompetanse_individual_access', '=', True), (1, '=', 1)]"
        )
        gap.domain_force, coverage.domain_force = old, edited
        self.env.flush_all()
        self.env.registry.clear_cache()
        seen = Gap.search([]).employee_id
        self.assertIn(self.anna, seen)
        self.assertNotIn(self.cecilie, seen)
        load_script("18.0.1.5.0", "post-migration").migrate(self.env.cr, "18.0.1.4.0")
        (gap | coverage).invalidate_recordset()
        self.env.registry.clear_cache()
        self.assertEqual(gap.domain_force, new)
        self.assertEqual(coverage.domain_force, edited)
        self.assertEqual(Gap.search([]).employee_id, seen)
        # the coverage rule as the module shipped it is migrated too
        coverage.domain_force = old
        self.env.flush_all()
        self.env.registry.clear_cache()
        before = Coverage.search([]).employee_id
        self.assertIn(self.anna, before)
        self.assertNotIn(self.cecilie, before)
        load_script("18.0.1.5.0", "post-migration").migrate(self.env.cr, "18.0.1.4.0")
        coverage.invalidate_recordset()
        self.env.registry.clear_cache()
        self.assertEqual(coverage.domain_force, new)
        self.assertEqual(Coverage.search([]).employee_id, before)
