# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP_USER = "kompetanse_module.kompetanse_group_user"
GROUP_MANAGER = "kompetanse_module.kompetanse_group_manager"
GROUP_HR = "kompetanse_module.kompetanse_group_hr"
GROUP_TOP = "kompetanse_module.kompetanse_group_top"


class KompetanseCommon(BaseCommon):
    """Users of every Kompetanse group, plus an internal user who was given no
    Kompetanse group explicitly and a portal user."""

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
