# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import GROUP_TOP, GROUP_USER, KompetanseOrgCommon


@tagged("post_install", "-at_install")
class TestPrivacy(KompetanseOrgCommon):
    """Individual competence (skills, skill log, gap rows, measure effects) is
    seen by the employee, their managers up the chain and HR only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role = cls._role(
            "Test Privacy Role",
            [(cls.python, cls.senior, "essential")],
            employees=(cls.anna, cls.bjorn, cls.cecilie, cls.cora, cls.erik),
        )
        cls.people = cls.anna | cls.bjorn | cls.cecilie | cls.cora | cls.erik
        cls.names = {
            "anna": cls.anna,
            "bjorn": cls.bjorn,
            "cecilie": cls.cecilie,
            "cora": cls.cora,
            "erik": cls.erik,
        }
        # who sees whom, as DESIGN.md (Status and privacy) says
        cls.expected = {
            "employee": {"anna"},  # herself
            "coworker": {"cora"},  # herself, not Anna beside her
            # his unit (Cora beside Anna), its sub-unit, and Erik by the chain
            "manager": {"anna", "bjorn", "cora", "erik"},
            "other_manager": {"cecilie", "erik"},  # his unit
            "top": set(),  # the top leader group grants nothing by itself
            "hr": {"anna", "bjorn", "cecilie", "cora", "erik"},
            "internal": set(),
        }

    def _users(self):
        return {
            "employee": self.user_employee,
            "coworker": self.user_coworker,
            "manager": self.user_manager,
            "other_manager": self.user_other_manager,
            "top": self.user_top,
            "hr": self.user_hr,
            "internal": self.user_internal,
        }

    def _seen(self, model, user, field="employee_id"):
        # as a new request does: the record cache is not per user
        self.env.invalidate_all()
        records = (
            self.env[model].with_user(user).search([(field, "in", self.people.ids)])
        )
        return {
            name
            for name, employee in self.names.items()
            if employee in records.mapped(field)
        }

    def test_odoo_skills_and_log(self):
        """Odoo's employee skills, their history and the skills report are
        individual: each user sees exactly the people of the rule."""
        for model in (
            "hr.employee.skill",
            "hr.employee.skill.log",
            "hr.employee.skill.report",
        ):
            for key, user in self._users().items():
                self.assertEqual(
                    self._seen(model, user), self.expected[key], f"{model} {key}"
                )

    def test_public_profile_and_employee_form(self):
        """A co-worker's public profile shows no skills and no gaps; the
        manager reads them on the profile of his people."""
        public = self.env["hr.employee.public"]
        anna = public.with_user(self.user_coworker).browse(self.anna.id)
        self.assertFalse(anna.employee_skill_ids)
        self.assertFalse(anna.kompetanse_gap_ids)
        self.assertEqual(anna.role_ids, self.role)  # roles are not private
        self.env.invalidate_all()  # as the manager's own request
        anna = public.with_user(self.user_manager).browse(self.anna.id)
        self.assertEqual(anna.employee_skill_ids.skill_id, self.norwegian | self.python)
        self.assertEqual(anna.kompetanse_gap_ids.skill_id, self.python)
        self.assertTrue(anna.kompetanse_individual_access)
        self.env.invalidate_all()
        self.assertFalse(
            public.with_user(self.user_top)
            .browse(self.anna.id)
            .kompetanse_individual_access
        )
        # nor through the user, where hr_skills relates the skills
        self.env.invalidate_all()
        users = self.env["res.users"]
        self.assertFalse(
            users.with_user(self.user_coworker)
            .browse(self.user_employee.id)
            .employee_skill_ids
        )
        self.env.invalidate_all()
        self.assertEqual(
            len(
                users.with_user(self.user_manager)
                .browse(self.user_employee.id)
                .employee_skill_ids
            ),
            2,
        )
        self.env.invalidate_all()
        own = users.with_user(self.user_employee).browse(self.user_employee.id)
        self.assertEqual(
            own.read(["employee_skill_ids"])[0]["employee_skill_ids"],
            self.anna.employee_skill_ids.ids,
        )
        # HR reads the employee form itself
        self.env.invalidate_all()
        hr_anna = self.env["hr.employee"].with_user(self.user_hr).browse(self.anna.id)
        self.assertEqual(len(hr_anna.employee_skill_ids), 2)

    def test_gap_rows_and_measure_effects(self):
        """Gap rows and a measure's effects follow the same rule; a manager who
        adds someone outside his chain to a measure does not see their levels."""
        for key, user in self._users().items():
            self.assertEqual(
                self._seen("kompetanse.gap.report", user), self.expected[key], key
            )
        measure = (
            self.env["kompetanse.measure"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Test Mixed Course",
                    "department_id": self.dept_main.id,
                    "employee_ids": [Command.set((self.anna | self.cecilie).ids)],
                    "skill_ids": [Command.set(self.python.ids)],
                    "effect_assessment": "<p>Both learnt</p>",
                }
            )
        )
        measure.action_start()
        measure.action_done()
        self.assertEqual(len(measure.sudo().effect_ids), 2)
        seen = {
            key: {
                name
                for name, employee in self.names.items()
                if employee
                in self.env["kompetanse.measure.effect"]
                .with_user(user)
                .search([("measure_id", "=", measure.id)])
                .employee_id
            }
            for key, user in self._users().items()
        }
        self.assertEqual(seen["manager"], {"anna"})  # not Cecilie, another's
        self.assertEqual(seen["employee"], {"anna"})
        self.assertEqual(seen["other_manager"], {"cecilie"})
        self.assertEqual(seen["top"], set())
        self.assertEqual(seen["hr"], {"anna", "cecilie"})
        # nobody writes an effect by hand, the top leader and HR included
        effect = measure.sudo().effect_ids[:1]
        for user in (self.user_top, self.user_hr, self.user_manager):
            with self.assertRaises(AccessError):
                effect.with_user(user).write({"progress_after": 100})
            with self.assertRaises(AccessError):
                self.env["kompetanse.measure.effect"].with_user(user).create(
                    {
                        "measure_id": measure.id,
                        "employee_id": self.anna.id,
                        "skill_id": self.sql.id,
                    }
                )
            with self.assertRaises(AccessError):
                effect.with_user(user).unlink()

    def test_top_leader_as_manager(self):
        """A top leader who also manages a unit sees its people as its manager
        does, and no one else."""
        self.dept_sub.manager_id = self.tor
        self.assertEqual(self._seen("hr.employee.skill", self.user_top), {"bjorn"})
        self.assertEqual(self._seen("kompetanse.gap.report", self.user_top), {"bjorn"})

    def test_chain_follows_changes(self):
        """Access follows the tree at once: a new department manager sees the
        unit, the one replaced no longer does."""
        self.assertIn(
            "cecilie", self._seen("hr.employee.skill", self.user_other_manager)
        )
        self.dept_other.manager_id = self.cora
        self.cecilie.parent_id = False
        self.assertEqual(
            self._seen("hr.employee.skill", self.user_other_manager), set()
        )
        self.assertEqual(
            self._seen("hr.employee.skill", self.user_coworker),
            {"cora", "cecilie", "erik"},
        )

    def test_employee_reads_own_skills(self):
        """The employee reads their own skills and their history, and neither
        of a co-worker's."""
        skills = self.env["hr.employee.skill"].with_user(self.user_employee)
        self.assertEqual(
            skills.search([("employee_id", "=", self.anna.id)]).skill_id,
            self.norwegian | self.python,
        )
        logs = self.env["hr.employee.skill.log"].with_user(self.user_employee)
        self.assertTrue(logs.search([("employee_id", "=", self.anna.id)]))
        self.assertFalse(logs.search([("employee_id", "=", self.cora.id)]))
        cora_skill = self.cora.employee_skill_ids
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            cora_skill.with_user(self.user_employee).read(["skill_level_id"])
        with self.assertRaises(AccessError):
            cora_skill.with_user(self.user_employee).write(
                {"skill_level_id": self.junior.id}
            )

    def test_summary_hides_small_cells(self):
        """The top leader sees the gaps in aggregate: per department and skill,
        a cell of fewer people than the company's smallest group is hidden."""
        # five in the Other Unit need Python Senior; four of them are below
        newcomers = self.env["hr.employee"].create(
            [
                {"name": f"Test Newcomer {i}", "department_id": self.dept_other.id}
                for i in range(3)
            ]
        )
        self.role.employee_ids |= newcomers
        summary = self.env["kompetanse.gap.summary"].with_user(self.user_top)
        domain = [("skill_id", "=", self.python.id)]
        rows = summary.search(domain)
        # Other Unit: Cecilie, Erik and three newcomers; Main Unit has 2, Sub 1
        self.assertEqual(rows.department_id, self.dept_other)
        self.assertEqual(rows.people_count, 5)
        self.assertEqual(rows.below_count, 5)
        self.assertEqual(rows.missing_count, 4)
        self.assertEqual(rows.met_count, 0)
        self.assertLess(max(rows.ids), 2**31)
        # the setting: with 2, the Main Unit's cell (Anna and Cora) shows too
        self.env.company.kompetanse_min_group_size = 2
        rows = summary.search(domain)
        self.assertEqual(rows.department_id, self.dept_other | self.dept_main)
        main = rows.filtered(lambda r: r.department_id == self.dept_main)
        self.assertEqual((main.people_count, main.below_count), (2, 1))
        with self.assertRaisesMessage(ValidationError, "between 1 and 1000"):
            self.env.company.kompetanse_min_group_size = 0

    def test_gap_ids_fit_in_32_bits_and_stay(self):
        """The gap report's ids fit in 32 bits and stay the same while the data
        changes around the row."""
        report = self.env["kompetanse.gap.report"]
        row = report.search(
            [("employee_id", "=", self.anna.id), ("skill_id", "=", self.python.id)]
        )
        self.assertEqual(len(row), 1)
        first_id = row.id
        self.assertLess(max(report.search([]).ids), 2**31)
        # other data changes: a new role, a new requirement, a new level
        self._role(
            "Test Other", [(self.sql, self.junior, "essential")], employees=(self.anna,)
        )
        self.role.line_ids = [
            Command.create({"skill_id": self.norwegian.id, "level_id": self.c2.id})
        ]
        self.anna.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.python
        ).skill_level_id = self.senior
        self.env.invalidate_all()
        row = report.search(
            [("employee_id", "=", self.anna.id), ("skill_id", "=", self.python.id)]
        )
        self.assertEqual(row.id, first_id)
        self.assertEqual(row.status, "met")
        self.assertEqual(
            set(
                report.search([("employee_id", "=", self.anna.id)]).mapped(
                    "skill_id.name"
                )
            ),
            {"Test Python", "Test SQL", "Test Norwegian"},
        )


@tagged("post_install", "-at_install")
class TestFoundationsAreHrs(KompetanseOrgCommon):
    """The department tree, its managers and the skill catalogue, on which the
    rules rest, are HR's alone to change."""

    def test_department_tree(self):
        """A manager cannot re-parent a department, name its manager or archive
        it; HR can."""
        for user in (self.user_manager, self.user_top, self.user_employee):
            other = self.dept_other.with_user(user)
            for values in (
                {"parent_id": self.dept_main.id},
                {"manager_id": self.boss.id},
                {"active": False},
            ):
                with self.assertRaisesMessage(AccessError, "Only HR changes"):
                    other.write(values)
            with self.assertRaisesMessage(AccessError, "Only HR changes"):
                self.dept_main.with_user(user).write(
                    {"child_ids": [Command.link(self.dept_other.id)]}
                )
        self.env.invalidate_all()
        self.assertFalse(self.dept_other.parent_id)
        self.assertEqual(self.dept_other.manager_id, self.olav)
        self.dept_other.with_user(self.user_hr).write({"parent_id": self.dept_main.id})
        self.assertEqual(self.dept_other.parent_id, self.dept_main)
        # and the rules follow: Boss now manages the Other Unit too
        self.assertIn(
            self.dept_other,
            self.env["hr.department"]
            .with_user(self.user_manager)
            .search([("kompetanse_managed", "=", True)]),
        )

    def test_skill_catalogue(self):
        """Only HR adds skills; nobody else changes types, levels or skills."""
        for user in (self.user_employee, self.user_manager, self.user_top):
            with self.assertRaisesMessage(AccessError, "Only HR adds skills"):
                self.env["hr.skill"].with_user(user).create(
                    {"name": "Test Sneaky", "skill_type_id": self.type_tech.id}
                )
            with self.assertRaises(AccessError):
                self.python.with_user(user).name = "Renamed"
            with self.assertRaises(AccessError):
                self.senior.with_user(user).level_progress = 10
            with self.assertRaises(AccessError):
                self.type_tech.with_user(user).name = "Renamed"
        skill = (
            self.env["hr.skill"]
            .with_user(self.user_hr)
            .create({"name": "Test Rust", "skill_type_id": self.type_tech.id})
        )
        self.assertEqual(skill.skill_type_id, self.type_tech)

    def test_managed_search_operators(self):
        """Managed by Me answers =, !=, in and not in with booleans, and refuses
        anything else with a clear message."""
        departments = self.env["hr.department"].with_user(self.user_manager)
        scope = [("id", "in", (self.dept_main | self.dept_sub | self.dept_other).ids)]
        mine = self.dept_main | self.dept_sub
        for domain, expected in (
            ([("kompetanse_managed", "=", True)], mine),
            ([("kompetanse_managed", "!=", True)], self.dept_other),
            ([("kompetanse_managed", "=", False)], self.dept_other),
            ([("kompetanse_managed", "in", [True])], mine),
            ([("kompetanse_managed", "not in", [True])], self.dept_other),
            ([("kompetanse_managed", "in", [True, False])], mine | self.dept_other),
            ([("kompetanse_managed", "=", 1)], mine),
        ):
            self.assertEqual(departments.search(scope + domain), expected, domain)
        for operator, value in (
            ("=", "yes"),
            ("in", 1),
            ("in", ["yes"]),
            ("like", True),
            ("=", None),
        ):
            with self.assertRaisesMessage(UserError, "Managed by Me is searched"):
                departments.search([("kompetanse_managed", operator, value)])

    def test_new_user_sees_nothing_individual(self):
        """A newly created internal user, in the Employee group by default,
        sees no one's individual competence."""
        newcomer = new_test_user(self.env, login="komp_newcomer_privacy")
        self.assertTrue(newcomer.has_group(GROUP_USER))
        self.assertFalse(newcomer.has_group(GROUP_TOP))
        self.assertFalse(
            self.env["hr.employee.skill"]
            .with_user(newcomer)
            .search([("employee_id", "in", (self.anna | self.cora).ids)])
        )
