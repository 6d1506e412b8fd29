# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .common import BrowserStartRetry, KompetanseCommon


class SkillDataMixin:
    @classmethod
    def _create_skill_data(cls, prefix):
        """Two departments with one employee each, both knowing a skill."""
        env = cls.env
        skill_type = env["hr.skill.type"].create(
            {
                "name": f"{prefix} Languages",
                "skill_ids": [
                    Command.create({"name": f"{prefix} Norwegian"}),
                    Command.create({"name": f"{prefix} Sami"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Basic", "level_progress": 30}),
                    Command.create({"name": "Fluent", "level_progress": 90}),
                ],
            }
        )
        departments = env["hr.department"].create(
            [{"name": f"{prefix} Unit"}, {"name": f"{prefix} Other Unit"}]
        )
        employees = env["hr.employee"].create(
            [
                {"name": f"{prefix} Kari", "department_id": departments[0].id},
                {"name": f"{prefix} Ola", "department_id": departments[1].id},
            ]
        )
        env["hr.employee.skill"].create(
            [
                {
                    "employee_id": employee.id,
                    "skill_id": skill_type.skill_ids[0].id,
                    "skill_level_id": level.id,
                    "skill_type_id": skill_type.id,
                }
                for employee, level in zip(
                    employees, skill_type.skill_level_ids, strict=True
                )
            ]
        )
        return skill_type, departments, employees


@tagged("post_install", "-at_install")
class TestMenu(SkillDataMixin, KompetanseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root_menu = cls.env.ref("kompetanse_module.kompetanse_menu_root")
        cls.overview_menu = cls.env.ref(
            "kompetanse_module.kompetanse_skill_overview_menu"
        )
        cls.config_menu = cls.env.ref("kompetanse_module.kompetanse_configuration_menu")
        cls.skill_type, cls.departments, cls.employees = cls._create_skill_data("Menu")

    def _visible(self, user, menu):
        return menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_menu_visible_to_each_group(self):
        """Every internal user, whatever their Kompetanse group, sees the app and
        its first screen."""
        for user in (
            self.user_internal,
            self.user_employee,
            self.user_manager,
            self.user_hr,
            self.user_top,
        ):
            self.assertTrue(self._visible(user, self.root_menu), user.login)
            self.assertTrue(self._visible(user, self.overview_menu), user.login)

    def test_menu_hidden_from_portal(self):
        """A portal user sees no Kompetanse menu and cannot read its report."""
        menus = self.env["ir.ui.menu"].with_user(self.user_portal)
        with self.assertRaises(AccessError):
            menus.load_menus(debug=False)
        # the same visibility rules, computed for the portal user's groups
        visible = menus.sudo()._visible_menu_ids()
        self.assertTrue(visible)
        self.assertNotIn(self.root_menu.id, visible)
        with self.assertRaises(AccessError):
            self.env["hr.employee.skill.report"].with_user(self.user_portal).search([])

    def test_configuration_only_for_hr(self):
        """Configuration is HR's: hidden from employees, managers and the top
        leader."""
        self.assertTrue(self._visible(self.user_hr, self.config_menu))
        for user in (self.user_employee, self.user_manager, self.user_top):
            self.assertFalse(self._visible(user, self.config_menu), user.login)

    def _overview_by_department(self, user):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kompetanse_module.kompetanse_skill_overview_action"
        )
        report = self.env[action["res_model"]].with_user(user)
        rows = report._read_group(
            [
                ("skill_id", "!=", False),
                ("skill_type_id", "=", self.skill_type.id),
            ],
            ["department_id"],
            ["__count", "level_progress:avg"],
        )
        return {dept.name: (count, avg) for dept, count, avg in rows}

    def test_first_screen_shows_skills_by_department(self):
        """HR sees every department's skills with their level on the first
        screen; a manager sees only their own department."""
        self.assertEqual(
            self._overview_by_department(self.user_hr),
            {"Menu Unit": (1, 0.3), "Menu Other Unit": (1, 0.9)},
        )
        manager_employee = self.env["hr.employee"].create(
            {"name": "Menu Boss", "user_id": self.user_manager.id}
        )
        self.departments[1].manager_id = manager_employee
        self.assertEqual(
            self._overview_by_department(self.user_manager),
            {"Menu Other Unit": (1, 0.9)},
        )
        self.assertEqual(self._overview_by_department(self.user_employee), {})


@tagged("post_install", "-at_install")
class TestMenuTour(SkillDataMixin, BrowserStartRetry, HttpCase):
    def test_menu_tour(self):
        """G-TL-1: in the browser, admin opens Kompetanse from the apps menu, sees
        the approved target picture's progress, the gap matrix coloured by gap,
        the skills by department and the configuration."""
        skill_type, departments, employees = self._create_skill_data("Kompetanse Tour")
        norwegian = skill_type.skill_ids[0]
        fluent = skill_type.skill_level_ids.sorted("level_progress")[-1]
        # the first screen shows today's approved target picture: this one
        self.env["kompetanse.target"].search(
            [("state", "=", "approved")]
        )._kompetanse_set_state("archived")
        today = fields.Date.today()
        target = self.env["kompetanse.target"].create(
            {
                "name": "Kompetanse Tour Target",
                "date_start": today - relativedelta(years=1),
                "date_end": today + relativedelta(years=1),
                "line_ids": [
                    Command.create(
                        {
                            "skill_id": norwegian.id,
                            "level_id": fluent.id,
                            "needed_count": 2,
                        }
                    )
                ],
            }
        )
        target.action_approve()
        # Kari (Basic) holds a role that needs Fluent: a gap of 60 points
        self.env["kompetanse.role"].create(
            {
                "name": "Kompetanse Tour Role",
                "employee_ids": [Command.link(employees[0].id)],
                "line_ids": [
                    Command.create({"skill_id": norwegian.id, "level_id": fluent.id})
                ],
            }
        )
        self.start_tour("/odoo", "kompetanse_menu_tour", login="admin")


@tagged("post_install", "-at_install")
class TestPlanTour(SkillDataMixin, BrowserStartRetry, HttpCase):
    def test_plan_tour(self):
        """G-NL-2, G-NL-7: in the browser, a plan proposes needs from the
        unit's gaps and goes to HR; a need is submitted, reviewed and accepted into
        a measure; the rolled-up view shows the unit."""
        skill_type, departments, employees = self._create_skill_data("Tour Plan")
        python = self.env["hr.skill"].create(
            {"name": "Tour Plan Python", "skill_type_id": skill_type.id}
        )
        fluent = skill_type.skill_level_ids.sorted("level_progress")[-1]
        self.env["kompetanse.role"].create(
            {
                "name": "Tour Plan Role",
                "employee_ids": [Command.link(employees[0].id)],
                "line_ids": [
                    Command.create({"skill_id": python.id, "level_id": fluent.id})
                ],
            }
        )
        target = self.env["kompetanse.target"].create(
            {
                "name": "Tour Plan Target",
                "date_start": "2071-01-01",
                "date_end": "2071-12-31",
                "line_ids": [
                    Command.create({"skill_id": python.id, "level_id": fluent.id})
                ],
            }
        )
        target.action_approve()
        plan = self.env["kompetanse.plan"].create(
            {
                "name": "Tour Plan",
                "department_id": departments[0].id,
                "target_id": target.id,
                "date_start": "2071-01-01",
                "date_end": "2071-12-31",
            }
        )
        self.start_tour(
            f"/odoo/action-kompetanse_module.kompetanse_plan_action/{plan.id}",
            "kompetanse_plan_tour",
            login="admin",
        )
        need = plan.need_ids
        self.assertEqual(need.state, "accepted")
        self.assertEqual(need.measure_id.skill_ids, python)
        self.assertEqual(plan.state, "submitted")
