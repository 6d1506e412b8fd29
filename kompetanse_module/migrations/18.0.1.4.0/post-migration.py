# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.4.0: a position that fills roles expects the skills they require.

Before, a position's expected skills (hr_recruitment_skills) were kept by hand
beside its roles; they now follow the roles, so they are made to agree once."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    jobs = (
        env["hr.job"]
        .with_context(active_test=False)
        .search([("role_ids", "!=", False)])
    )
    jobs._kompetanse_sync_skills()
