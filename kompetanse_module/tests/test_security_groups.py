# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from .common import GROUP_HR, GROUP_MANAGER, GROUP_TOP, GROUP_USER, KompetanseCommon


@tagged("post_install", "-at_install")
class TestSecurityGroups(KompetanseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_user = cls.env.ref(GROUP_USER)
        cls.group_manager = cls.env.ref(GROUP_MANAGER)
        cls.group_hr = cls.env.ref(GROUP_HR)
        cls.group_top = cls.env.ref(GROUP_TOP)

    def test_groups_in_kompetanse_category(self):
        """The four groups of DESIGN.md live in the module's categories, each a
        chain, so that the user form offers each as one selection without
        developer mode (as Odoo's own apps)."""
        category = self.env.ref("kompetanse_module.kompetanse_module_category")
        category_top = self.env.ref("kompetanse_module.kompetanse_module_category_top")
        self.assertEqual(category.name, "Kompetanse")
        chain = self.group_user | self.group_manager | self.group_hr
        self.assertEqual(chain.category_id, category)
        self.assertEqual(self.group_top.category_id, category_top)
        self.assertEqual(
            self.env["res.groups"].search([("category_id", "=", category.id)]),
            chain,
        )
        self.assertEqual(
            (chain | self.group_top).mapped("name"),
            ["Employee", "Manager", "HR", "Top leader"],
        )
        kinds = {
            app: (kind, groups)
            for app, kind, groups, __ in self.env[
                "res.groups"
            ].get_groups_by_application()
        }
        self.assertEqual(kinds[category], ("selection", chain))
        self.assertEqual(kinds[category_top], ("selection", self.group_top))
        # and the user form shows them outside developer mode
        admin = self.env.ref("base.user_admin")
        self.assertFalse(admin.has_group("base.group_no_one"))
        arch = (
            self.env["res.users"]
            .with_user(admin)
            .get_views([(self.env.ref("base.view_users_form").id, "form")])["views"][
                "form"
            ]["arch"]
        )
        for groups in (chain, self.group_top):
            field = "sel_groups_" + "_".join(str(i) for i in sorted(groups.ids))
            self.assertIn(f'name="{field}"', arch)

    def test_implied_chain(self):
        """Manager implies Employee (which implies OCA's appraisal user); HR
        and Top leader each imply Manager, and neither implies the other:
        approving and maintaining stay separate."""
        self.assertEqual(self.group_manager.implied_ids, self.group_user)
        self.assertEqual(
            self.group_user.implied_ids,
            self.env.ref("hr_appraisal_oca.group_appraisal_user"),
        )
        self.assertIn(self.group_manager, self.group_hr.implied_ids)
        self.assertIn(self.env.ref("hr.group_hr_user"), self.group_hr.implied_ids)
        self.assertEqual(self.group_top.implied_ids, self.group_manager)
        for group in (self.group_hr, self.group_top):
            self.assertIn(self.group_user, group.trans_implied_ids)
        self.assertNotIn(self.group_top, self.group_hr.trans_implied_ids)
        self.assertNotIn(self.group_hr, self.group_top.trans_implied_ids)
        self.assertNotIn(self.group_manager, self.group_user.trans_implied_ids)

    def test_every_internal_user_is_kompetanse_employee(self):
        """Every internal user, including one created later, is in the Employee
        group; a portal user is in none of the Kompetanse groups."""
        self.assertIn(self.group_user, self.env.ref("base.group_user").implied_ids)
        newcomer = new_test_user(self.env, login="komp_newcomer")
        self.assertTrue(newcomer.has_group(GROUP_USER))
        self.assertTrue(self.user_internal.has_group(GROUP_USER))
        self.assertFalse(self.user_internal.has_group(GROUP_MANAGER))
        for group in (GROUP_USER, GROUP_MANAGER, GROUP_HR, GROUP_TOP):
            self.assertFalse(self.user_portal.has_group(group), group)

    def test_users_get_their_implied_groups(self):
        """A user put in a group gets the groups below it and none above it."""
        self.assertTrue(self.user_manager.has_group(GROUP_USER))
        self.assertFalse(self.user_manager.has_group(GROUP_HR))
        self.assertFalse(self.user_manager.has_group(GROUP_TOP))
        self.assertTrue(self.user_hr.has_group(GROUP_MANAGER))
        self.assertTrue(self.user_hr.has_group("hr.group_hr_user"))
        self.assertFalse(self.user_hr.has_group(GROUP_TOP))
        self.assertTrue(self.user_top.has_group(GROUP_MANAGER))
        self.assertFalse(self.user_top.has_group(GROUP_HR))

    def test_admin_is_hr_and_top_leader(self):
        """The administrator is in HR and Top leader from installation on."""
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group(GROUP_HR))
        self.assertTrue(admin.has_group(GROUP_TOP))
