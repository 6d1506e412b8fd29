# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import KompetanseOrgCommon

USERS = ("employee", "manager", "hr", "top", "portal")
# Odoo's recruitment groups, for the module's recruitment models
ALL_USERS = (*USERS, "recruiter", "interviewer")
NOBODY = frozenset()


class Rollback(Exception):
    """Raised to undo an attempt that succeeded."""


@tagged("post_install", "-at_install")
class TestAccessMatrix(KompetanseOrgCommon):
    """Every model x every group x read/create/write/unlink, with data of the
    user's own unit or person ("mine": Test Main Unit, Anna) and of another
    unit or person ("other": Test Other Unit, Cecilie). Each cell says who may;
    everyone else gets an AccessError, and nothing an attempt did stays."""

    # (model, scope): {operation: users allowed}
    MATRIX = {
        # an approved version is read-only for all (the workflow's lock, tested
        # in test_workflow): here who reads it
        ("kompetanse.target", "approved"): {
            "_ops": ("read",),
            "read": {"employee", "manager", "hr", "top"},
        },
        ("kompetanse.target", "draft"): {
            "read": {"hr", "top"},
            "create": {"hr", "top"},
            "write": {"hr", "top"},
            "unlink": {"hr", "top"},
        },
        ("kompetanse.target.line", "approved"): {
            "_ops": ("read",),
            "read": {"employee", "manager", "hr", "top"},
        },
        ("kompetanse.target.line", "draft"): {
            "read": {"hr", "top"},
            "create": {"hr", "top"},
            "write": {"hr", "top"},
            "unlink": {"hr", "top"},
        },
        ("kompetanse.role", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.role", "other"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.role.line", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.role.line", "other"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.method", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.plan", "mine"): {
            "read": {"manager", "hr", "top"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.plan", "other"): {
            "read": {"hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        # mine: Anna's need for her unit; other: somebody else's, another unit's.
        # Anyone proposes needs for their own unit or the units they manage.
        ("kompetanse.need", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"employee", "manager", "hr"},
            "write": {"employee", "manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.need", "other"): {
            "read": {"hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        # mine: a measure of the main unit Anna takes part in
        ("kompetanse.measure", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.measure", "other"): {
            "read": {"hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        # individual competence: the person, the manager chain, HR; no writer
        ("kompetanse.measure.effect", "mine"): {"read": {"employee", "manager", "hr"}},
        ("kompetanse.measure.effect", "other"): {"read": {"hr"}},
        ("kompetanse.gap.report", "mine"): {"read": {"employee", "manager", "hr"}},
        ("kompetanse.gap.report", "other"): {"read": {"hr"}},
        # Odoo's skill records: who reads them is the module's privacy; who
        # writes them stays as hr_skills has it (an employee's own change goes
        # through their preferences, which write the history as the system)
        ("hr.employee.skill", "mine"): {
            "_ops": ("read", "write", "unlink"),
            "read": {"employee", "manager", "hr"},
            "write": {"hr"},
            "unlink": {"employee", "hr"},
        },
        ("hr.employee.skill", "other"): {
            "_ops": ("read", "write", "unlink"),
            "read": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("hr.employee.skill.log", "mine"): {
            "_ops": ("read", "write", "unlink"),
            "read": {"employee", "manager", "hr"},
            "write": {"hr"},
        },
        ("hr.employee.skill.log", "other"): {
            "_ops": ("read", "write", "unlink"),
            "read": {"hr"},
            "write": {"hr"},
        },
        # aggregates: for all who use the app; the roll-up for managers up
        ("kompetanse.gap.summary", "mine"): {
            "read": {"employee", "manager", "hr", "top"}
        },
        ("kompetanse.rollup.report", "mine"): {"read": {"manager", "hr", "top"}},
        ("kompetanse.rollup.report", "other"): {"read": {"hr", "top"}},
        ("kompetanse.gap.key", "mine"): {"read": {"hr"}},
        # a development plan is individual competence: the employee reads it,
        # the managers above and HR keep it
        **{
            (model, "mine"): {
                "read": {"employee", "manager", "hr"},
                "create": {"manager", "hr"},
                "write": {"manager", "hr"},
                "unlink": {"manager", "hr"},
            }
            for model in (
                "kompetanse.development",
                "kompetanse.development.goal",
                "kompetanse.development.activity",
            )
        },
        **{
            (model, "other"): {
                "read": {"hr"},
                "create": {"hr"},
                "write": {"hr"},
                "unlink": {"hr"},
            }
            for model in (
                "kompetanse.development",
                "kompetanse.development.goal",
                "kompetanse.development.activity",
            )
        },
        # conversations and what was agreed in them: the same people
        **{
            (model, scope): cells
            for model in ("kompetanse.conversation", "kompetanse.conversation.action")
            for scope, cells in (
                (
                    "mine",
                    {
                        "read": {"employee", "manager", "hr"},
                        "create": {"manager", "hr"},
                        "write": {"manager", "hr"},
                        "unlink": {"manager", "hr"},
                    },
                ),
                (
                    "other",
                    {
                        "read": {"hr"},
                        "create": {"hr"},
                        "write": {"hr"},
                        "unlink": {"hr"},
                    },
                ),
            )
        },
        # an appraisal's assessments: the employee reads hers once it is done
        # (test_appraisal), the managers above and HR keep them
        ("kompetanse.appraisal.skill", "mine"): {
            "read": {"manager", "hr"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.appraisal.skill", "other"): {
            "read": {"hr"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.conversation.coverage", "mine"): {
            "read": {"employee", "manager", "hr"}
        },
        ("kompetanse.conversation.coverage", "other"): {"read": {"hr"}},
        # the årshjul is the organisation's: all read it, HR keeps it
        ("kompetanse.cycle", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.cycle.event", "mine"): {
            "read": {"employee", "manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.job.requirement", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr", "top", "recruiter", "interviewer"},
        },
        ("kompetanse.applicant.match", "mine"): {
            "_users": ALL_USERS,
            "read": {"recruiter", "interviewer"},
        },
        ("kompetanse.applicant.match", "other"): {
            "_users": ALL_USERS,
            "read": {"recruiter"},
        },
        ("kompetanse.applicant.ranking", "mine"): {
            "_users": ALL_USERS,
            "read": {"recruiter", "interviewer"},
        },
        ("kompetanse.applicant.ranking", "other"): {
            "_users": ALL_USERS,
            "read": {"recruiter"},
        },
        # whether someone inside meets a position is their individual data
        ("kompetanse.internal.match", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr"},
        },
        ("kompetanse.internal.match", "other"): {
            "_users": ALL_USERS,
            "read": {"hr"},
        },
        ("kompetanse.acquisition.report", "mine"): {
            "_users": ALL_USERS,
            "read": {"hr", "top"},
        },
        ("kompetanse.interview.template", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.template", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.question", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.question", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.anchor", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.anchor", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        # interview scores: HR, recruiters, the interviewer, the hiring manager
        ("kompetanse.interview", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter", "interviewer"},
            "write": {"hr", "recruiter", "interviewer"},
            "unlink": {"hr", "recruiter", "interviewer"},
        },
        ("kompetanse.interview", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "recruiter"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        ("kompetanse.interview.score", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "recruiter", "interviewer"},
            "create": {"hr", "recruiter", "interviewer"},
            "write": {"hr", "recruiter", "interviewer"},
            "unlink": {"hr", "recruiter", "interviewer"},
        },
        ("kompetanse.interview.score", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "recruiter"},
            "create": {"hr", "recruiter"},
            "write": {"hr", "recruiter"},
            "unlink": {"hr", "recruiter"},
        },
        # who left, what they took and why: HR's; the rates also the top
        # leader's (groups large enough, here 1)
        ("kompetanse.turnover.skill", "mine"): {
            "_users": ALL_USERS,
            "read": {"hr"},
        },
        ("kompetanse.turnover.rate", "mine"): {
            "_users": ALL_USERS,
            "read": {"hr", "top"},
        },
        ("kompetanse.exit.evaluation", "mine"): {
            "_users": ALL_USERS,
            "read": {"hr"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.exit.handover", "mine"): {
            "_users": ALL_USERS,
            "read": {"hr"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        # arenas are open; their owner (the manager) and HR keep them
        ("kompetanse.arena", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr", "top", "recruiter", "interviewer"},
            # the top leader opens arenas as a manager does
            "create": {"manager", "hr", "top"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.arena.session", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr", "top", "recruiter", "interviewer"},
            "create": {"manager", "hr"},
            "write": {"manager", "hr"},
            "unlink": {"manager", "hr"},
        },
        ("kompetanse.arena.participation", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr", "top", "recruiter", "interviewer"},
        },
        # the labour market is everyone's to read
        ("kompetanse.market.assessment", "mine"): {
            "_users": ALL_USERS,
            "read": {"employee", "manager", "hr", "top", "recruiter", "interviewer"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.engagement", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.engagement", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.engagement.transfer", "mine"): {
            "_users": ALL_USERS,
            "read": {"manager", "hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
        ("kompetanse.engagement.transfer", "other"): {
            "_users": ALL_USERS,
            "read": {"hr", "top"},
            "create": {"hr"},
            "write": {"hr"},
            "unlink": {"hr"},
        },
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.env.company.kompetanse_min_group_size = 1
        cls.method = env["kompetanse.method"].create(
            {"name": "Test Unused Method", "category": "develop"}
        )
        cls.role_mine = cls._role(
            "Test Matrix Role",
            [(cls.python, cls.senior, "essential")],
            cls.dept_main,
            employees=(cls.anna, cls.cecilie),
        )
        cls.role_other = cls._role(
            "Test Matrix Other Role",
            [(cls.sql, cls.senior, "essential")],
            cls.dept_other,
        )
        cls.approved = cls._target(
            [(cls.python, cls.senior, 1, False)], name="Test Approved"
        )
        cls.approved.action_approve()
        cls.draft = cls._target(
            [(cls.sql, cls.junior, 1, False)],
            name="Test Draft Target",
            date_start="2070-01-01",
            date_end="2070-12-31",
        )
        cls.plans = {
            scope: env["kompetanse.plan"].create(
                {
                    "name": f"Test Plan {scope}",
                    "department_id": dept.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                }
            )
            for scope, dept in (("mine", cls.dept_main), ("other", cls.dept_other))
        }
        cls.needs = {
            "mine": env["kompetanse.need"]
            .with_user(cls.user_employee)
            .create({"name": "Test Need mine", "department_id": cls.dept_main.id})
            .with_env(env),
            "other": env["kompetanse.need"].create(
                {"name": "Test Need other", "department_id": cls.dept_other.id}
            ),
        }
        # the measures use a shipped method: the test's own stays unused
        shipped = env["kompetanse.method"].search(
            [("id", "!=", cls.method.id)], limit=1
        )
        cls.measures = {
            scope: env["kompetanse.measure"].create(
                {
                    "name": f"Test Measure {scope}",
                    "method_id": shipped.id,
                    "department_id": dept.id,
                    "employee_ids": [Command.set(employee.ids)],
                    "skill_ids": [Command.set(cls.python.ids)],
                    "target_line_ids": [Command.set(cls.approved.line_ids.ids)],
                    "effect_assessment": "<p>Done</p>",
                }
            )
            for scope, dept, employee in (
                ("mine", cls.dept_main, cls.anna),
                ("other", cls.dept_other, cls.cecilie),
            )
        }
        closed = env["kompetanse.measure"].create(
            {
                "name": "Test Closed",
                "method_id": shipped.id,
                "department_id": cls.dept_main.id,
                "employee_ids": [Command.set((cls.anna | cls.cecilie).ids)],
                "skill_ids": [Command.set(cls.python.ids)],
                "effect_assessment": "<p>Done</p>",
            }
        )
        closed.action_start()
        closed.action_done()
        cls.effects = {
            "mine": closed.effect_ids.filtered(lambda e: e.employee_id == cls.anna),
            "other": closed.effect_ids.filtered(lambda e: e.employee_id == cls.cecilie),
        }
        cls.developments = {
            scope: env["kompetanse.development"].create(
                {
                    "employee_id": person.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-12-31",
                    "goal_ids": [
                        Command.create(
                            {"skill_id": cls.python.id, "level_id": cls.senior.id}
                        )
                    ],
                    "activity_line_ids": [Command.create({"name": "Test Task"})],
                }
            )
            for scope, person in (("mine", cls.anna), ("other", cls.cecilie))
        }
        cls.conversations = {
            scope: env["kompetanse.conversation"].create(
                {
                    "employee_id": person.id,
                    "manager_id": manager.id,
                    "date": "2030-03-01 10:00:00",
                    "action_ids": [Command.create({"name": "Test Agreed"})],
                }
            )
            for scope, person, manager in (
                ("mine", cls.anna, cls.boss),
                ("other", cls.cecilie, cls.olav),
            )
        }
        cls.assessments = {
            scope: env["kompetanse.appraisal.skill"].create(
                {
                    "appraisal_id": env["hr.appraisal"]
                    .create(
                        {
                            "employee_id": person.id,
                            "manager_ids": [Command.set(manager.ids)],
                            "date_close": "2030-03-01",
                        }
                    )
                    .id,
                    "skill_id": cls.python.id,
                    "level_id": cls.senior.id,
                }
            )
            for scope, person, manager in (
                ("mine", cls.anna, cls.boss),
                ("other", cls.cecilie, cls.olav),
            )
        }
        cls.cycle = env["kompetanse.cycle"].create(
            {
                "name": "Test Cycle",
                "year": 2047,
                "event_ids": [
                    Command.create({"name": "Test Event", "date": "2047-04-01"})
                ],
            }
        )
        cls._recruitment_data()
        cls.users = {
            "recruiter": cls.user_recruiter,
            "interviewer": cls.user_interviewer,
            "employee": cls.user_employee,
            "manager": cls.user_manager,
            "hr": cls.user_hr,
            "top": cls.user_top,
            "portal": cls.user_portal,
        }

    @classmethod
    def _recruitment_data(cls):
        """A position in each unit (the interviewer interviews for Test Main
        Unit's), with a template, an applicant, an interview of it, and a
        hiring-in engagement in each unit."""
        env = cls.env
        cls.user_recruiter = new_test_user(
            env,
            login="komp_matrix_recruiter",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_user",
        )
        cls.user_interviewer = new_test_user(
            env,
            login="komp_matrix_interviewer",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        # Anna meets the other unit's position, Cecilie the own unit's
        cls.jobs, cls.templates, cls.applicants, cls.interviews = {}, {}, {}, {}
        cls.interview_templates = {}
        cls.engagements = {}
        supplier = env["res.partner"].create({"name": "Test Matrix Supplier"})
        for scope, dept, skill, level in (
            ("mine", cls.dept_main, cls.norwegian, cls.c2),
            ("other", cls.dept_other, cls.python, cls.junior),
        ):
            role = cls._role(
                f"Test Job Role {scope}", [(skill, level, "essential")], dept
            )
            job = env["hr.job"].create(
                {
                    "name": f"Test Job {scope}",
                    "department_id": dept.id,
                    "role_ids": [Command.set(role.ids)],
                    "no_of_recruitment": 1,
                    "kompetanse_target_line_ids": [
                        Command.set(cls.approved.line_ids.ids)
                    ],
                    "interviewer_ids": [
                        Command.set(cls.user_interviewer.ids if scope == "mine" else [])
                    ],
                }
            )
            # the cells' template is of a role no interview uses; the
            # interviews use the position's own
            extra = cls._role(
                f"Test Extra Role {scope}", [(skill, level, "essential")], dept
            )
            template, interview_template = env["kompetanse.interview.template"].create(
                [
                    {
                        "name": f"Test Template {scope} {kind}",
                        "role_id": owner.id,
                        "question_ids": [
                            Command.create(
                                {
                                    "skill_id": skill.id,
                                    "name": "Test Question",
                                    "anchor_ids": [
                                        Command.create(
                                            {
                                                "level_id": level.id,
                                                "name": "Test Anchor",
                                            }
                                        )
                                    ],
                                }
                            ),
                            Command.create(
                                {
                                    "skill_id": cls.sami.id,
                                    "name": "Test Second Question",
                                }
                            ),
                        ],
                    }
                    for kind, owner in (("cell", extra), ("interview", role))
                ]
            )
            cls.interview_templates[scope] = interview_template
            applicant = env["hr.applicant"].create(
                {
                    "candidate_id": env["hr.candidate"]
                    .create({"partner_name": f"Test Applicant {scope}"})
                    .id,
                    "job_id": job.id,
                }
            )
            interview = env["kompetanse.interview"].create(
                {
                    "applicant_id": applicant.id,
                    "interviewer_id": (
                        cls.user_interviewer if scope == "mine" else cls.user_recruiter
                    ).id,
                }
            )
            # one question left to score, for the cell that creates a score
            interview.score_ids.filtered(lambda s: s.skill_id == cls.sami).unlink()
            cls.jobs[scope], cls.templates[scope] = job, template
            cls.applicants[scope], cls.interviews[scope] = applicant, interview
            cls.engagements[scope] = env["kompetanse.engagement"].create(
                {
                    "name": f"Test Engagement {scope}",
                    "partner_id": supplier.id,
                    "department_id": dept.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-06-30",
                    "transfer_ids": [
                        Command.create(
                            {
                                "employee_id": (
                                    cls.anna if scope == "mine" else cls.cecilie
                                ).id,
                                "name": "Test Handover",
                            }
                        )
                    ],
                }
            )
        cls.supplier = supplier
        cls.leaver = env["hr.employee"].create(
            {"name": "Test Leaver", "department_id": cls.dept_main.id}
        )
        cls._give_skills([(cls.leaver, cls.python, cls.senior)])
        # the day of the skill log (Odoo's, in the user's time zone: not
        # always the server's date) is the day the leaver left
        left_on = (
            env["hr.employee.skill.log"]
            .search([("employee_id", "=", cls.leaver.id)], limit=1)
            .date
        )
        cls.leaver.write({"departure_date": left_on, "active": False})
        cls.exit_evaluation = env["kompetanse.exit.evaluation"].create(
            {
                "employee_id": cls.leaver.id,
                "handover_ids": [
                    Command.create(
                        {"skill_id": cls.python.id, "employee_id": cls.anna.id}
                    )
                ],
            }
        )
        # the cells' arena has a planned session; another one was held
        cls.arena, cls.held_arena = env["kompetanse.arena"].create(
            [
                {
                    "name": name,
                    "owner_id": cls.user_manager.id,
                    "session_ids": [
                        Command.create(
                            {
                                "topic": "Test Topic",
                                "date": "2026-01-10",
                                "participant_ids": [Command.set(cls.anna.ids)],
                            }
                        )
                    ],
                }
                for name in ("Test Arena", "Test Held Arena")
            ]
        )
        cls.held_arena.session_ids.sudo()._kompetanse_set_state("held")
        cls.market = env["kompetanse.market.assessment"].create(
            {"skill_id": cls.python.id, "availability": "limited", "source": "Test"}
        )

    # --- the records and values of each cell -----------------------------------

    def _own_record(self, model, scope):
        """The record of a cell made in setUpClass, or None."""
        target = self.approved if scope == "approved" else self.draft
        role = self.role_mine if scope == "mine" else self.role_other
        conversation = self.conversations.get(scope)
        plan = self.developments.get(scope)
        makers = {
            "kompetanse.target": lambda: target,
            "kompetanse.target.line": lambda: target.line_ids,
            "kompetanse.role": lambda: role,
            "kompetanse.role.line": lambda: role.line_ids,
            "kompetanse.method": lambda: self.method,
            "kompetanse.plan": lambda: self.plans[scope],
            "kompetanse.need": lambda: self.needs[scope],
            "kompetanse.measure": lambda: self.measures[scope],
            "kompetanse.measure.effect": lambda: self.effects[scope],
            "kompetanse.development": lambda: plan,
            "kompetanse.development.goal": lambda: plan.goal_ids,
            "kompetanse.development.activity": lambda: plan.activity_line_ids,
            "kompetanse.conversation": lambda: conversation,
            "kompetanse.conversation.action": lambda: conversation.action_ids,
            "kompetanse.appraisal.skill": lambda: self.assessments.get(scope),
            "kompetanse.cycle": lambda: self.cycle,
            "kompetanse.cycle.event": lambda: self.cycle.event_ids,
            "kompetanse.interview.template": lambda: self.templates[scope],
            "kompetanse.interview.question": lambda: self.templates[scope].question_ids[
                :1
            ],
            "kompetanse.interview.anchor": lambda: self.templates[
                scope
            ].question_ids.anchor_ids,
            "kompetanse.interview": lambda: self.interviews[scope],
            "kompetanse.interview.score": lambda: self.interviews[scope].score_ids,
            "kompetanse.market.assessment": lambda: self.market,
            "kompetanse.exit.evaluation": lambda: self.exit_evaluation,
            "kompetanse.exit.handover": lambda: self.exit_evaluation.handover_ids,
            "kompetanse.arena": lambda: self.arena,
            "kompetanse.arena.session": lambda: self.arena.session_ids,
            "kompetanse.engagement": lambda: self.engagements[scope],
            "kompetanse.engagement.transfer": lambda: self.engagements[
                scope
            ].transfer_ids,
        }
        maker = makers.get(model)
        return maker() if maker else None

    def _record(self, model, scope):
        person = self.anna if scope == "mine" else self.cecilie
        own = self._own_record(model, scope)
        if own is not None:
            return own
        if model == "kompetanse.rollup.report":
            return self.env[model].search(
                [
                    ("measure_id", "=", self.measures[scope].id),
                ],
                limit=1,
            )
        if model == "kompetanse.turnover.skill":
            return self.env[model].search([("employee_id", "=", self.leaver.id)])
        if model == "kompetanse.turnover.rate":
            return self.env[model].search(
                [("department_id", "=", self.dept_main.id)], limit=1
            )
        if model == "kompetanse.arena.participation":
            return self.env[model].search(
                [("arena_id", "=", self.held_arena.id)], limit=1
            )
        if model == "kompetanse.job.requirement":
            return self.env[model].search([("job_id", "=", self.jobs[scope].id)])
        if model in ("kompetanse.applicant.match", "kompetanse.applicant.ranking"):
            return self.env[model].search(
                [("applicant_id", "=", self.applicants[scope].id)]
            )
        if model == "kompetanse.internal.match":
            # Anna, of Test Main Unit, meets the other unit's position
            job = self.jobs["other" if scope == "mine" else "mine"]
            return self.env[model].search(
                [("job_id", "=", job.id), ("employee_id", "=", person.id)]
            )
        if model == "kompetanse.acquisition.report":
            return self.env[model].search(
                [("measure_id", "=", self.measures[scope].id)], limit=1
            )
        if model == "kompetanse.conversation.coverage":
            return self.env[model].search([("employee_id", "=", person.id)])
        if model == "kompetanse.gap.summary":
            return self.env[model].search(
                [
                    ("skill_id", "=", self.python.id),
                    ("department_id", "=", self.dept_main.id),
                ]
            )
        domain = [("employee_id", "=", person.id)]
        if model in ("kompetanse.gap.report", "kompetanse.gap.key"):
            domain.append(("skill_id", "=", self.python.id))
        elif model in ("hr.employee.skill", "hr.employee.skill.log"):
            domain.append(("skill_id", "=", self.norwegian.id))
        return self.env[model].search(domain, limit=1)

    def _create_values(self, model, scope):
        dept = self.dept_main if scope == "mine" else self.dept_other
        unit = scope if scope in ("mine", "other") else "mine"
        plan = self.developments.get(scope, self.developments["mine"])
        values = {
            "kompetanse.target": {
                "name": "Test New",
                "date_start": "2080-01-01",
                "date_end": "2080-12-31",
            },
            "kompetanse.target.line": {
                "target_id": self.draft.id,
                "skill_id": self.sami.id,
                "level_id": self.a2.id,
            },
            "kompetanse.role": {"name": "Test New Role", "department_id": dept.id},
            "kompetanse.role.line": {
                "role_id": (self.role_mine if scope == "mine" else self.role_other).id,
                "skill_id": self.sami.id,
                "level_id": self.a2.id,
            },
            "kompetanse.method": {"name": "Test New Method", "category": "develop"},
            "kompetanse.plan": {
                "name": "Test New Plan",
                "department_id": dept.id,
                "date_start": "2048-01-01",
                "date_end": "2048-12-31",
            },
            "kompetanse.need": {"name": "Test New Need", "department_id": dept.id},
            "kompetanse.measure": {
                "name": "Test New Measure",
                "department_id": dept.id,
            },
            "kompetanse.development": {
                "employee_id": (self.anna if scope == "mine" else self.cecilie).id,
                "date_start": "2048-01-01",
                "date_end": "2048-12-31",
            },
            "kompetanse.development.goal": {
                "development_id": plan.id,
                "skill_id": self.sami.id,
                "level_id": self.a2.id,
            },
            "kompetanse.development.activity": {
                "development_id": plan.id,
                "name": "Test New Task",
            },
            "kompetanse.conversation": {
                "employee_id": (self.anna if scope == "mine" else self.cecilie).id,
                "date": "2030-05-01 10:00:00",
            },
            "kompetanse.conversation.action": {
                "conversation_id": self.conversations.get(
                    scope, self.conversations["mine"]
                ).id,
                "name": "Test New Agreed",
            },
            "kompetanse.appraisal.skill": {
                "appraisal_id": self.assessments.get(
                    scope, self.assessments["mine"]
                ).appraisal_id.id,
                "skill_id": self.sami.id,
                "level_id": self.a2.id,
            },
            "kompetanse.interview.template": {
                "name": "Test New Template",
                "role_id": (self.role_mine if scope == "mine" else self.role_other).id,
            },
            "kompetanse.interview.question": {
                "template_id": self.templates[unit].id,
                "skill_id": self.sql.id,
                "name": "Test New Question",
            },
            "kompetanse.interview.anchor": {
                "question_id": self.templates[unit].question_ids[:1].id,
                "level_id": (self.b2 if scope == "mine" else self.senior).id,
                "name": "Test New Anchor",
            },
            "kompetanse.interview": {"applicant_id": self.applicants[unit].id},
            "kompetanse.interview.score": {
                "interview_id": self.interviews[unit].id,
                "question_id": self.interview_templates[unit]
                .question_ids.filtered(lambda q: q.skill_id == self.sami)
                .id,
            },
            "kompetanse.exit.evaluation": {"employee_id": self.leaver.id},
            "kompetanse.exit.handover": {
                "evaluation_id": self.exit_evaluation.id,
                "skill_id": self.sql.id,
                "employee_id": self.anna.id,
            },
            "kompetanse.arena.session": {
                "arena_id": self.arena.id,
                "topic": "Test New Topic",
            },
            "kompetanse.market.assessment": {
                "skill_id": self.sql.id,
                "availability": "good",
                "source": "Test New",
            },
            "kompetanse.engagement": {
                "name": "Test New Engagement",
                "partner_id": self.supplier.id,
                "department_id": dept.id,
                "date_start": "2047-01-01",
                "date_end": "2047-02-01",
            },
            "kompetanse.engagement.transfer": {
                "engagement_id": self.engagements[unit].id,
                "employee_id": self.anna.id,
                "name": "Test New Handover",
            },
            "kompetanse.cycle": {"name": "Test New Cycle", "year": 2048},
            "kompetanse.cycle.event": {
                "cycle_id": self.cycle.id,
                "name": "Test New Event",
                "date": "2047-05-01",
            },
        }
        return values.get(model, {"name": "Test"})

    def _write_values(self, model, record):
        if model in ("hr.employee.skill", "hr.employee.skill.log"):
            return {"skill_level_id": record.skill_level_id.id}
        return {
            "kompetanse.target.line": {"needed_count": 3},
            "kompetanse.role.line": {"importance": "desirable"},
            "kompetanse.measure.effect": {"progress_after": 5},
            "kompetanse.gap.report": {"gap": 0},
            "kompetanse.gap.summary": {"people_count": 0},
            "kompetanse.rollup.report": {"cost": 1},
            "kompetanse.gap.key": {"is_future": True},
            "kompetanse.development": {"date_end": "2047-11-30"},
            "kompetanse.development.goal": {"note": "Test changed"},
            "kompetanse.conversation": {"summary": "<p>Test changed</p>"},
            "kompetanse.appraisal.skill": {"justification": "Test changed"},
            "kompetanse.conversation.coverage": {"held_count": 3},
            "kompetanse.job.requirement": {"required_progress": 1},
            "kompetanse.applicant.match": {"gap": 0},
            "kompetanse.applicant.ranking": {"match_score": 1},
            "kompetanse.internal.match": {"met_count": 0},
            "kompetanse.acquisition.report": {"cost": 1},
            "kompetanse.interview": {"note": "Test changed"},
            "kompetanse.market.assessment": {"source": "Test changed"},
            "kompetanse.exit.evaluation": {"reasons": "Test changed"},
            "kompetanse.exit.handover": {"note": "Test changed"},
            "kompetanse.arena.session": {"topic": "Test changed"},
            "kompetanse.turnover.skill": {"level_progress": 1},
            "kompetanse.turnover.rate": {"rate": 1},
            "kompetanse.arena.participation": {"participant_count": 1},
            "kompetanse.interview.score": {"note": "Test changed"},
            "hr.employee.skill": {"skill_level_id": self.junior.id},
            "hr.employee.skill.log": {"skill_level_id": self.junior.id},
        }.get(model, {"name": "Test Changed"})

    # --- attempts ---------------------------------------------------------------

    def _allowed(self, attempt):
        """Whether the attempt passes the access checks; nothing of it stays."""
        try:
            with self.env.cr.savepoint():
                attempt()
                self.env.flush_all()
                raise Rollback()
        except Rollback:
            allowed = True
        except AccessError:
            allowed = False
        self.env.invalidate_all()
        return allowed

    def _attempts(self, model, scope, user):
        record = self._record(model, scope)
        self.assertTrue(record, f"{model} {scope}: no record to try")
        records = self.env[model].with_user(user)
        values = self._write_values(model, record)
        field = next(iter(values))
        return {
            "read": lambda: record.with_user(user).read([field]),
            "create": lambda: records.create(self._create_values(model, scope)),
            "write": lambda: record.with_user(user).write(values),
            "unlink": lambda: record.with_user(user).unlink(),
        }

    def test_access_matrix(self):
        """Each group can do what the matrix says, and cannot do the rest."""
        wrong = []
        for (model, scope), cells in self.MATRIX.items():
            for user_key in cells.get("_users", USERS):
                user = self.users[user_key]
                attempts = self._attempts(model, scope, user)
                operations = cells.get("_ops", ("read", "create", "write", "unlink"))
                for operation in operations:
                    expected = user_key in cells.get(operation, NOBODY)
                    got = self._allowed(attempts[operation])
                    if got != expected:
                        wrong.append(
                            f"{model} {scope} {operation} as {user_key}: "
                            f"{'allowed' if got else 'refused'}, expected "
                            f"{'allowed' if expected else 'refused'}"
                        )
        self.assertFalse(wrong, "\n".join(wrong))

    def test_matrix_covers_every_model(self):
        """The matrix lists every model of the module and Odoo's individual
        skill models, so that a new model cannot go untested."""
        own = set(
            self.env["ir.model"]
            .search([("model", "=like", "kompetanse.%"), ("transient", "=", False)])
            .filtered(lambda m: not m.model.endswith("mixin"))
            .mapped("model")
        )
        abstract = {name for name in own if self.env[name]._abstract}
        tested = {model for model, __ in self.MATRIX}
        self.assertEqual(own - abstract - tested, set())
