# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KompetanseDataCommon


@tagged("post_install", "-at_install")
class TestRole(KompetanseDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_sub = cls._role(
            "Sub Role", [(cls.python, cls.senior, "essential")], cls.dept_sub
        )
        cls.role_other = cls._role(
            "Other Role", [(cls.python, cls.junior, "essential")], cls.dept_other
        )
        cls.role_org = cls._role("Org Role", [(cls.norwegian, cls.b2, "essential")])

    def test_roles_on_employee_and_job(self):
        """G-NL-2: employees hold roles and positions fill them, both ways."""
        job = self.env["hr.job"].create(
            {"name": "Test Developer", "role_ids": [Command.link(self.role_sub.id)]}
        )
        self.anna.role_ids = self.role_sub | self.role_org
        self.assertEqual(self.role_sub.employee_ids, self.anna)
        self.assertEqual(self.role_sub.employee_count, 1)
        self.assertEqual(self.role_sub.job_ids, job)
        # everyone reads the roles of a colleague on the public profile
        public = self.env["hr.employee.public"].with_user(self.user_employee)
        self.assertEqual(
            public.browse(self.anna.id).role_ids, self.role_sub | self.role_org
        )

    def test_employee_fields_readable_by_colleagues(self):
        """The module's employee fields are on the public profile too, so that an
        internal user without HR rights can read them (as hr's own
        test_employee_fields_groups demands of every employee field)."""
        self.bjorn.role_ids = self.role_sub
        employees = self.env["hr.employee"].with_user(self.user_internal)
        data = employees.browse(self.bjorn.id).read(["role_ids", "kompetanse_gap_ids"])
        self.assertEqual(data[0]["role_ids"], self.role_sub.ids)
        for name in ("role_ids", "kompetanse_gap_ids"):
            self.assertIn(name, self.env["hr.employee.public"]._fields)

    def test_future_role_needs_date(self):
        """G-NL-2: a future role says from when the unit will need it."""
        with self.assertRaisesMessage(ValidationError, "valid from"):
            self._role("Future", [], self.dept_sub, is_future=True)
        role = self._role(
            "Future", [], self.dept_sub, is_future=True, valid_from="2030-01-01"
        )
        self.assertTrue(role.is_future)

    def test_requirement_validation(self):
        """A level of another skill type and a skill listed twice are refused, and
        the saved requirements stay."""
        lines = self.env["kompetanse.role.line"]
        with self.assertRaisesMessage(ValidationError, "belongs to Test Languages"):
            lines.create(
                {
                    "role_id": self.role_sub.id,
                    "skill_id": self.sql.id,
                    "level_id": self.b2.id,
                }
            )
        with self.assertRaisesMessage(ValidationError, "twice"):
            lines.create(
                {
                    "role_id": self.role_sub.id,
                    "skill_id": self.python.id,
                    "level_id": self.junior.id,
                }
            )
        self.env.invalidate_all()  # what the database kept, as the next request sees it
        self.assertEqual(self.role_sub.line_ids.level_id, self.senior)

    def test_rights_manager_maintains_own_departments(self):
        """Managers maintain the roles of the departments they manage, sub-units
        included, and no others."""
        roles = self.env["kompetanse.role"].with_user(self.user_manager)
        role = roles.create(
            {
                "name": "Manager's Role",
                "department_id": self.dept_main.id,
                "line_ids": [
                    Command.create(
                        {"skill_id": self.sql.id, "level_id": self.junior.id}
                    )
                ],
            }
        )
        self.role_sub.with_user(self.user_manager).write({"purpose": "Build things"})
        self.role_sub.line_ids.with_user(self.user_manager).level_id = self.junior
        self.assertEqual(self.role_sub.purpose, "Build things")
        with self.assertRaises(AccessError):
            self.role_other.with_user(self.user_manager).write({"purpose": "No"})
        with self.assertRaises(AccessError):
            self.role_org.with_user(self.user_manager).write({"purpose": "No"})
        with self.assertRaises(AccessError):
            roles.create({"name": "Elsewhere", "department_id": self.dept_other.id})
        with self.assertRaises(AccessError):
            self.role_other.line_ids.with_user(self.user_manager).unlink()
        role.with_user(self.user_manager).unlink()
        self.assertFalse(role.exists())

    def test_rights_read_and_maintain(self):
        """Employees and the top leader read every role description but change
        none; HR maintains all; a portal user reads none."""
        for user in (self.user_employee, self.user_top):
            roles = self.env["kompetanse.role"].with_user(user)
            found = roles.search([("id", "in", (self.role_sub | self.role_org).ids)])
            self.assertEqual(len(found), 2, user.login)
            self.assertEqual(len(found.line_ids), 2, user.login)
            with self.assertRaises(AccessError):
                self.role_org.with_user(user).write({"purpose": "No"})
        with self.assertRaises(AccessError):
            self.env["kompetanse.role"].with_user(self.user_employee).create(
                {"name": "Mine"}
            )
        self.role_other.with_user(self.user_hr).write({"purpose": "HR's word"})
        self.env["kompetanse.role"].with_user(self.user_hr).create({"name": "New"})
        self.assertEqual(self.role_other.purpose, "HR's word")
        with self.assertRaises(AccessError):
            self.role_org.with_user(self.user_portal).read(["name"])
