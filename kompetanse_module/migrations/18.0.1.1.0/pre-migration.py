# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: a need's way to cover it is a method's category (one field,
one set of values); the record rules are reloaded in post-migration."""

from odoo.tools.sql import column_exists


def migrate(cr, version):
    if column_exists(cr, "kompetanse_need", "cover") and not column_exists(
        cr, "kompetanse_need", "category"
    ):
        cr.execute("ALTER TABLE kompetanse_need RENAME COLUMN cover TO category")
        cr.execute(
            "UPDATE kompetanse_need SET category = 'mobilise' "
            "WHERE category = 'mobility'"
        )
