from . import models
from . import report
from . import wizard

from odoo.tools import SQL

from .models.hr_employee import DEPARTURE_INDEX

MODULE = "kompetanse_module"


def uninstall_hook(env):
    """What the module added to Odoo's own tables goes with it, and nothing
    people made with the module keeps Odoo from removing what it shipped."""
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(DEPARTURE_INDEX)))
    types = env["ir.model.data"].search(
        [("module", "=", MODULE), ("model", "=", "mail.activity.type")]
    )
    type_ids = types.mapped("res_id")
    # the module's reminders go with their activity types (Odoo's activities,
    # done ones too, and its plans and chained types would keep the types:
    # ondelete restrict)
    env["mail.activity"].with_context(active_test=False).search(
        [("activity_type_id", "in", type_ids)]
    ).unlink()
    env["mail.activity.plan.template"].search(
        [("activity_type_id", "in", type_ids)]
    ).unlink()
    env["mail.activity.type"].with_context(active_test=False).search(
        [("triggered_next_type_id", "in", type_ids)]
    ).triggered_next_type_id = False
    # the module's own tables, which Odoo drops after it has deleted what the
    # module shipped: their rows that name a shipped record (a measure its
    # method) go with that record instead of keeping it from being deleted
    tables = [
        model._table
        for model in env.registry.values()
        if model._original_module == MODULE and model._auto and not model._abstract
    ]
    if not tables:
        return
    env.cr.execute(
        SQL(
            """
            SELECT source.relname, con.conname, att.attname, target.relname
              FROM pg_constraint con
              JOIN pg_class source ON source.oid = con.conrelid
              JOIN pg_namespace space ON space.oid = source.relnamespace
              JOIN pg_class target ON target.oid = con.confrelid
              JOIN pg_attribute att
                ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
             WHERE con.contype = 'f'
               AND con.confdeltype != 'c'
               AND space.nspname = current_schema()
               AND source.relname IN %s
            """,
            tuple(tables),
        )
    )
    for table, constraint, column, target in env.cr.fetchall():
        env.cr.execute(
            SQL(
                "ALTER TABLE %s DROP CONSTRAINT %s, ADD CONSTRAINT %s FOREIGN KEY (%s) "
                "REFERENCES %s (id) ON DELETE CASCADE NOT VALID",
                SQL.identifier(table),
                SQL.identifier(constraint),
                SQL.identifier(constraint),
                SQL.identifier(column),
                SQL.identifier(target),
            )
        )
