# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.5.0: the gap analysis and the conversation coverage are read through
their own individual-access column.

Their record rules (noupdate) searched the employee's flag through a subquery
on the employees; they now search the report's own column, which PostgreSQL
takes into the report's grouped rows. The same people are visible. A rule an
administrator has changed is left as it is."""

OLD = "[('employee_id.kompetanse_individual_access', '=', True)]"
NEW = "[('kompetanse_individual_access', '=', True)]"
RULES = (
    "kompetanse_gap_report_rule_user",
    "kompetanse_conversation_coverage_rule_user",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_rule rule
           SET domain_force = %s
          FROM ir_model_data data
         WHERE data.model = 'ir.rule'
           AND data.module = 'kompetanse_module'
           AND data.name IN %s
           AND data.res_id = rule.id
           AND rule.domain_force = %s
        """,
        (NEW, RULES, OLD),
    )
