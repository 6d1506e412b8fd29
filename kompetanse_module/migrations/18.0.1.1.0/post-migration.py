# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: load the record rules of the privacy anew, drop those it no
longer has, and align the way to cover each need with its method.

The rules' file is noupdate, which an update skips: loading it as an
installation does updates the rules it keeps."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, convert_file

MODULE = "kompetanse_module"
# the rules 18.0.1.0.0 had that gave the top leader and any manager of a
# measure the individual gaps and effects
OBSOLETE_RULES = (
    "kompetanse_gap_report_rule_manager",
    "kompetanse_gap_report_rule_hr_top",
    "kompetanse_measure_effect_rule_manager",
    "kompetanse_measure_effect_rule_hr_top",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in OBSOLETE_RULES:
        rule = env.ref(f"{MODULE}.{name}", raise_if_not_found=False)
        if rule:
            rule.unlink()
    convert_file(
        env,
        MODULE,
        "security/kompetanse_security.xml",
        {},
        mode="init",
        noupdate=True,
        kind="data",
    )
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET noupdate = TRUE "
            "WHERE module = %s AND model = %s",
            MODULE,
            "ir.rule",
        )
    )
    # 18.0.1.0.0 let a need's way and its method disagree; the method decides
    cr.execute(
        SQL(
            """
        UPDATE kompetanse_need need
           SET category = method.category
          FROM kompetanse_method method
         WHERE method.id = need.method_id
           AND need.category IS DISTINCT FROM method.category
            """
        )
    )
