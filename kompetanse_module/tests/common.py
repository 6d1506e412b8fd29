# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time
import unittest
from contextlib import contextmanager
from unittest.mock import patch

from odoo.fields import Command
from odoo.tests import common as odoo_test_common
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

_logger = logging.getLogger(__name__)
# Odoo waits 10 s for Chromium to open its devtools port, then skips the tour
BROWSER_WAIT = 30
BROWSER_STARTS = 3
# the skips of a browser that is not there (the others are of one that did not
# start or answer in time)
BROWSER_MISSING = ("not found", "not installed")
# the wait between two starts (a test of the retry replaces it)
pause = time.sleep

GROUP_USER = "kompetanse_module.kompetanse_group_user"
GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"
GROUP_HR = "kompetanse_module.kompetanse_group_hr"
GROUP_TOP = "kompetanse_module.kompetanse_group_top"


class KompetanseCommon(BaseCommon):
    """Users of every Kompetanse group, plus an internal user who was given no
    Kompetanse group explicitly and a portal user."""

    @contextmanager
    def assertRaisesMessage(self, exception, fragment):
        """assertRaises (which rolls back to a savepoint, unlike unittest's
        assertRaisesRegex) that also checks what the user is told."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(fragment, str(caught.exception))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = new_test_user(
            cls.env, login="komp_internal", groups="base.group_user"
        )
        cls.user_employee = new_test_user(
            cls.env, login="komp_employee", groups=f"base.group_user,{GROUP_USER}"
        )
        cls.user_manager = new_test_user(
            cls.env, login="komp_manager", groups=f"base.group_user,{GROUP_MANAGER}"
        )
        cls.user_hr = new_test_user(
            cls.env, login="komp_hr", groups=f"base.group_user,{GROUP_HR}"
        )
        cls.user_top = new_test_user(
            cls.env, login="komp_top", groups=f"base.group_user,{GROUP_TOP}"
        )
        cls.user_portal = new_test_user(
            cls.env, login="komp_portal", groups="base.group_portal"
        )


class KompetanseDataCommon(KompetanseCommon):
    """An organisation built in the test: two skill types with their own level
    scales, a unit with a sub-unit and a sibling unit, employees (one archived),
    roles and their holders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env.company
        cls.type_lang, cls.type_tech = env["hr.skill.type"].create(
            [
                {
                    "name": "Test Languages",
                    "skill_ids": [
                        Command.create({"name": "Test Norwegian"}),
                        Command.create({"name": "Test Sami"}),
                    ],
                    "skill_level_ids": [
                        Command.create({"name": "A2", "level_progress": 20}),
                        Command.create({"name": "B2", "level_progress": 60}),
                        Command.create({"name": "C2", "level_progress": 100}),
                    ],
                },
                {
                    "name": "Test Tech",
                    "skill_ids": [
                        Command.create({"name": "Test Python"}),
                        Command.create({"name": "Test SQL"}),
                    ],
                    "skill_level_ids": [
                        Command.create({"name": "Junior", "level_progress": 30}),
                        Command.create({"name": "Senior", "level_progress": 80}),
                    ],
                },
            ]
        )
        cls.norwegian, cls.sami = cls.type_lang.skill_ids
        cls.python, cls.sql = cls.type_tech.skill_ids
        cls.a2, cls.b2, cls.c2 = cls.type_lang.skill_level_ids.sorted("level_progress")
        cls.junior, cls.senior = cls.type_tech.skill_level_ids.sorted("level_progress")

        cls.dept_main = env["hr.department"].create({"name": "Test Main Unit"})
        cls.dept_sub, cls.dept_other = env["hr.department"].create(
            [
                {"name": "Test Sub Unit", "parent_id": cls.dept_main.id},
                {"name": "Test Other Unit"},
            ]
        )
        cls.boss = env["hr.employee"].create(
            {
                "name": "Test Boss",
                "department_id": cls.dept_main.id,
                "user_id": cls.user_manager.id,
            }
        )
        cls.dept_main.manager_id = cls.boss
        cls.anna, cls.bjorn, cls.cecilie, cls.david = env["hr.employee"].create(
            [
                {
                    "name": "Test Anna",
                    "department_id": cls.dept_main.id,
                    "user_id": cls.user_employee.id,
                },
                {"name": "Test Bjørn", "department_id": cls.dept_sub.id},
                {"name": "Test Cecilie", "department_id": cls.dept_other.id},
                {"name": "Test David", "department_id": cls.dept_sub.id},
            ]
        )
        cls._give_skills(
            [
                (cls.anna, cls.norwegian, cls.c2),
                (cls.anna, cls.python, cls.junior),
                (cls.bjorn, cls.norwegian, cls.b2),
                (cls.bjorn, cls.python, cls.senior),
                (cls.cecilie, cls.norwegian, cls.c2),
                (cls.david, cls.norwegian, cls.c2),
                (cls.david, cls.python, cls.senior),
            ]
        )
        cls.david.action_archive()  # archived employees count nowhere

    @classmethod
    def _give_skills(cls, triples):
        cls.env["hr.employee.skill"].create(
            [
                {
                    "employee_id": employee.id,
                    "skill_id": skill.id,
                    "skill_level_id": level.id,
                    "skill_type_id": skill.skill_type_id.id,
                }
                for employee, skill, level in triples
            ]
        )

    @classmethod
    def _role(cls, name, lines, department=False, employees=(), **values):
        return cls.env["kompetanse.role"].create(
            {
                "name": name,
                "department_id": department and department.id,
                "employee_ids": [Command.set([e.id for e in employees])],
                "line_ids": [
                    Command.create(
                        {
                            "skill_id": skill.id,
                            "level_id": level.id,
                            "importance": importance,
                        }
                    )
                    for skill, level, importance in lines
                ],
                **values,
            }
        )

    @classmethod
    def _target(cls, lines, **values):
        return cls.env["kompetanse.target"].create(
            {
                "name": values.pop("name", "Test Target"),
                "date_start": values.pop("date_start", "2047-01-01"),
                "date_end": values.pop("date_end", "2048-12-31"),
                "line_ids": [
                    Command.create(
                        {
                            "skill_id": skill.id,
                            "level_id": level.id,
                            "needed_count": needed,
                            "department_id": department and department.id,
                        }
                    )
                    for skill, level, needed, department in lines
                ],
                **values,
            }
        )


class KompetanseOrgCommon(KompetanseDataCommon):
    """The data of KompetanseDataCommon with people around Anna, to prove who
    sees whose individual competence:

    - Test Boss (user_manager) manages Test Main Unit, above Test Sub Unit;
    - Test Cora (user_coworker) works beside Anna in Test Main Unit;
    - Test Olav (user_other_manager) manages Test Other Unit;
    - Test Tor (user_top) is the top leader and manages no unit;
    - Test Erik, in Test Other Unit, reports to Test Boss (parent_id), so Boss
      sees him through the manager chain though his unit is another's.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.user_coworker = new_test_user(
            env, login="komp_coworker", groups=f"base.group_user,{GROUP_USER}"
        )
        cls.user_other_manager = new_test_user(
            env, login="komp_other_manager", groups=f"base.group_user,{GROUP_MANAGER}"
        )
        cls.cora, cls.olav, cls.tor, cls.erik = env["hr.employee"].create(
            [
                {
                    "name": "Test Cora",
                    "department_id": cls.dept_main.id,
                    "user_id": cls.user_coworker.id,
                },
                {
                    "name": "Test Olav",
                    "department_id": cls.dept_other.id,
                    "user_id": cls.user_other_manager.id,
                },
                {"name": "Test Tor", "user_id": cls.user_top.id},
                {
                    "name": "Test Erik",
                    "department_id": cls.dept_other.id,
                    "parent_id": cls.boss.id,
                },
            ]
        )
        cls.dept_other.manager_id = cls.olav
        # the manager chain: Anna and Bjørn report to Boss as their units do
        (cls.anna | cls.bjorn).parent_id = cls.boss
        cls.cecilie.parent_id = cls.olav
        cls._give_skills(
            [
                (cls.cora, cls.python, cls.senior),
                (cls.erik, cls.python, cls.junior),
            ]
        )


class BrowserStartRetry:
    """For the tours (before HttpCase): Chromium is given BROWSER_WAIT seconds
    to open its devtools port (Odoo gives it 10, which its first start of a
    run here has missed now and then), and a browser that does not start or
    answer is started again, up to BROWSER_STARTS times, rather than the tour
    being skipped. Odoo starts the browser first thing in browser_js, before
    anything of the tour is done; a browser that is missing is a skip."""

    def browser_js(self, *args, **kwargs):
        for start in range(1, BROWSER_STARTS + 1):
            try:
                with patch.object(
                    odoo_test_common,
                    "CHECK_BROWSER_ITERATIONS",
                    int(BROWSER_WAIT / odoo_test_common.CHECK_BROWSER_SLEEP),
                ):
                    return super().browser_js(*args, **kwargs)
            except unittest.SkipTest as skip:
                missing = any(word in str(skip) for word in BROWSER_MISSING)
                if missing or start == BROWSER_STARTS:
                    raise
                _logger.info("the browser did not start (%s): started again", skip)
                pause(start)
        return None
