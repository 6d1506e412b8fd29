# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class KompetanseArenaParticipation(models.Model):
    """Sessions held and the people taking part, per arena and unit
    (G-HR-6): how far the experience travels across the units. Counts only,
    no names."""

    _name = "kompetanse.arena.participation"
    _description = "Arena Participation"
    _auto = False
    _order = "date desc, arena_id, department_id"
    _depends = {
        "kompetanse.arena.session": [
            "arena_id",
            "date",
            "state",
            "participant_ids",
            "company_id",
        ],
        "hr.employee": ["department_id"],
    }

    session_id = fields.Many2one("kompetanse.arena.session", readonly=True)
    arena_id = fields.Many2one("kompetanse.arena", readonly=True)
    date = fields.Date(readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    participant_count = fields.Integer(string="Participants", readonly=True)
    session_count = fields.Integer(
        string="Sessions",
        readonly=True,
        help="Counted once per session, on the row of its first unit.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (
                       ORDER BY session.id, employee.department_id
                   )::int AS id,
                   session.id AS session_id, session.arena_id, session.date,
                   employee.department_id, session.company_id,
                   COUNT(*) AS participant_count,
                   CASE WHEN ROW_NUMBER() OVER (
                            PARTITION BY session.id
                            ORDER BY employee.department_id NULLS LAST
                        ) = 1 THEN 1 ELSE 0 END AS session_count
              FROM kompetanse_arena_session session
              JOIN kompetanse_arena_session_participant_rel rel
                ON rel.session_id = session.id
              JOIN hr_employee employee ON employee.id = rel.employee_id
             WHERE session.state = 'held'
             GROUP BY session.id, session.arena_id, session.date,
                      employee.department_id, session.company_id
            """
        )
