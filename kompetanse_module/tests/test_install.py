# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest
from unittest.mock import patch

import psycopg2

from odoo.tests import TransactionCase, tagged
from odoo.tests import common as odoo_test_common
from odoo.tools import mute_logger

from .. import uninstall_hook
from ..models.hr_employee import DEPARTURE_INDEX
from . import common
from .common import BrowserStartRetry

DEPENDENCIES = {
    "hr_skills",
    "hr_recruitment_skills",
    "hr_appraisal_oca",
    "mail",
    "calendar",
}


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_module_and_dependencies_installed(self):
        """The module is installed as an application on top of Odoo's skills,
        recruitment skills, OCA appraisals, mail and the calendar."""
        module = self.env["ir.module.module"].search(
            [("name", "=", "kompetanse_module")]
        )
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.application)
        self.assertEqual(module.license, "LGPL-3")
        self.assertEqual(module.latest_version, "18.0.1.6.0")
        self.assertEqual(set(module.dependencies_id.mapped("name")), DEPENDENCIES)
        dependencies = self.env["ir.module.module"].search(
            [("name", "in", list(DEPENDENCIES))]
        )
        self.assertEqual(
            {dep.name: dep.state for dep in dependencies},
            dict.fromkeys(DEPENDENCIES, "installed"),
        )

    def test_reused_models_available(self):
        """Competences are Odoo's skills and appraisals are OCA's: the models the
        module builds on are in the registry."""
        for model in (
            "hr.skill",
            "hr.skill.level",
            "hr.employee.skill",
            "hr.employee.skill.report",
            "hr.candidate.skill",
            "hr.appraisal",
        ):
            self.assertIn(model, self.env, model)

    def test_departure_index_added_and_removed(self):
        """The module's one index on Odoo's employees (the leavers, for the
        turnover reports) is there, and its uninstall hook drops it; a second
        drop is harmless."""

        def index():
            self.env.cr.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                [DEPARTURE_INDEX],
            )
            return self.env.cr.fetchone()

        self.assertIn("WHERE (departure_date IS NOT NULL)", index()[0])
        uninstall_hook(self.env)
        self.assertIsNone(index())
        uninstall_hook(self.env)
        # as install and upgrade make it
        self.env["hr.employee"].init()
        self.assertTrue(index())

    def _foreign_keys_of_odoos_tables(self):
        ours = [
            model._table
            for model in self.env.registry.values()
            if model._original_module == "kompetanse_module" and model._auto
        ]
        self.env.cr.execute(
            """
            SELECT source.relname, att.attname, con.confdeltype
              FROM pg_constraint con
              JOIN pg_class source ON source.oid = con.conrelid
              JOIN pg_attribute att
                ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
             WHERE con.contype = 'f' AND source.relname NOT IN %s
            """,
            [tuple(ours)],
        )
        return set(self.env.cr.fetchall())

    def test_uninstall_takes_what_names_shipped_data(self):
        """Before Odoo removes what the module shipped, its uninstall hook
        lets people's records that name it go with it: a measure its method,
        an activity its type (Odoo's would keep them, and log errors); Odoo's
        own activities stay."""
        method = self.env.ref("kompetanse_module.kompetanse_method_tasks")
        measure = self.env["kompetanse.measure"].create(
            {"name": "Test Measure", "method_id": method.id}
        )
        employee = self.env["hr.employee"].create({"name": "Test Employee"})
        todo = employee.activity_schedule("mail.mail_activity_data_todo")
        reminder = measure.activity_schedule(
            "kompetanse_module.mail_activity_type_kompetanse_need",
            user_id=self.env.user.id,
        )
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "DELETE FROM kompetanse_method WHERE id = %s", [method.id]
                )
        done = measure.activity_schedule(
            "kompetanse_module.mail_activity_type_kompetanse_need",
            user_id=self.env.user.id,
        )
        done.active = False
        others = self._foreign_keys_of_odoos_tables()
        uninstall_hook(self.env)
        self.assertFalse(reminder.exists())
        self.assertFalse(done.with_context(active_test=False).exists())
        self.assertTrue(todo.exists())
        # nothing of Odoo's own tables is deleted along (an appraisal of a
        # cycle event, a company of its HR contact)
        self.assertEqual(self._foreign_keys_of_odoos_tables(), others)
        self.assertIn(("hr_appraisal", "kompetanse_cycle_event_id", "n"), others)
        method.with_context(_force_unlink=True).unlink()
        self.env.invalidate_all()
        self.assertFalse(measure.exists())

    def test_browser_started_again(self):
        """The tours' browser is given 30 s to start, and started again when
        it does not start or answer, at most three times; a browser that is
        missing is a skip."""
        answers = []

        def tour(message, answers_at=None):
            """A tour whose browser skips with message until answers_at."""

            class Browser:
                def browser_js(self, *args, **kwargs):
                    answers.append(odoo_test_common.CHECK_BROWSER_ITERATIONS)
                    if len(answers) != answers_at:
                        raise unittest.SkipTest(message)
                    return "ran"

            return type("Tour", (BrowserStartRetry, Browser), {})()

        port = "Failed to detect chrome devtools port after 10.0s."
        connection = "Error during Chrome headless connection"
        iterations = odoo_test_common.CHECK_BROWSER_ITERATIONS
        with patch.object(common, "pause") as sleep:
            self.assertEqual(tour(port, answers_at=3).browser_js("/odoo"), "ran")
            self.assertEqual(answers, [300, 300, 300])
            self.assertEqual(sleep.call_count, 2)
            for message, starts in (
                (port, 3),
                (connection, 3),
                ("Chrome executable not found", 1),
                ("websocket-client module is not installed", 1),
            ):
                answers.clear()
                with self.assertRaises(unittest.SkipTest):
                    tour(message).browser_js()
                self.assertEqual(len(answers), starts, message)
        self.assertEqual(odoo_test_common.CHECK_BROWSER_ITERATIONS, iterations)
