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
    shipped = env["ir.model.data"].search([("module", "=", MODULE)])
    # the module's reminders go with their activity types (which Odoo's
    # activities would otherwise keep: their type is ondelete restrict)
    types = shipped.filtered(lambda data: data.model == "mail.activity.type")
    env["mail.activity"].sudo().search(
        [("activity_type_id", "in", types.mapped("res_id"))]
    ).unlink()
    # people's records that name what the module shipped (a measure its
    # method) are deleted with it, as Odoo drops their tables right after:
    # else they keep Odoo from deleting the shipped records first
    fields_data = shipped.filtered(lambda data: data.model == "ir.model.fields")
    others = env["ir.model.data"].search(
        [
            ("model", "=", "ir.model.fields"),
            ("res_id", "in", fields_data.mapped("res_id")),
            ("module", "!=", MODULE),
        ]
    )
    models_data = shipped.filtered(lambda data: data.model == "ir.model")
    tables = {
        env[model]._table
        for model in env["ir.model"]
        .browse(models_data.mapped("res_id"))
        .mapped("model")
        if model in env and env[model]._auto and not env[model]._abstract
    }
    columns = [
        (env[field.model]._table, field.name)
        for field in env["ir.model.fields"].browse(
            set(fields_data.mapped("res_id")) - set(others.mapped("res_id"))
        )
        if field.ttype == "many2one"
        and field.store
        and field.model in env
        and env[field.model]._table in tables
    ]
    if not columns:
        return
    env.cr.execute(
        SQL(
            """
            SELECT con.conrelid::regclass::text, con.conname, att.attname,
                   con.confrelid::regclass::text
              FROM pg_constraint con
              JOIN pg_attribute att
                ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
             WHERE con.contype = 'f'
               AND con.confdeltype != 'c'
               AND (con.conrelid::regclass::text, att.attname) IN %s
               AND con.confrelid::regclass::text IN %s
            """,
            tuple(columns),
            tuple(tables),
        )
    )
    for table, constraint, column, target in env.cr.fetchall():
        env.cr.execute(
            SQL(
                "ALTER TABLE %s DROP CONSTRAINT %s, ADD CONSTRAINT %s FOREIGN KEY (%s) "
                "REFERENCES %s (id) ON DELETE CASCADE",
                SQL.identifier(table),
                SQL.identifier(constraint),
                SQL.identifier(constraint),
                SQL.identifier(column),
                SQL.identifier(target),
            )
        )
