# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The benchmark's work inside Odoo (scripts/bench.sh runs it): fill a database
that has kompetanse_module with an agency's data, bulk-inserted, then time the
module's reports beside the plain SQL of the same figures (their floor), count
the queries of its screens, and time its crons.

    python3 scripts/bench_odoo.py -c ODOO_RC --addons-path ... -d DB \
        --employees 5000 --json bench.json

Built in two steps: first 500 employees (the 500-person unit and the
managers), measured; then the rest, measured again: query counts and cron
figures are compared between the two sizes.
"""

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections import namedtuple
from datetime import date, datetime, timedelta
from pathlib import Path

from psycopg2.extras import execute_values

UNIT_SIZE = 500  # the manager's unit: a section of five units of 100
SKILLS, SKILL_TYPES, ROLES, TARGET_LINES = 300, 12, 60, 50
MEASURES, NEEDS, BIG_MEASURE = 2000, 5000, 200
BUDGET_RATIO = 1.5
BUDGET_MISSED = 4  # the exit code when a budget is missed (a crash exits 1)
PER_USER_QUERIES = 12  # what Odoo's mail and the rules do per user given activities
PER_BATCH_QUERIES = 8  # Odoo's INSERTs and UPDATEs per batch of 100 records made
PER_NOTICE_QUERIES = 12  # Odoo's notice to the user of one activity assigned
# ratio: with a floor, the median of the run-by-run ratios of sql to it
Measure = namedtuple("Measure", "wall sql queries ratio", defaults=(None,))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", default="bench.json")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--build-only", action="store_true", help="fill the database, measure nothing"
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure a database built before (at --employees), build nothing",
    )
    return parser.parse_known_args(argv)


# --- building -------------------------------------------------------------------


class Builder:
    """The agency's data. Structure (departments, the catalogue, roles, target
    pictures, users) through the ORM, as a person would make it; the bulk
    (employees, their skills and logs, roles held, plans, measures, needs,
    conversations, leavers) in INSERTs of thousands of rows."""

    def __init__(self, env, seed):
        self.env = env
        self.cr = env.cr
        self.rand = random.Random(seed)
        self.today = date.today()
        self.company = env.ref("base.main_company")
        self.calendar = self.company.resource_calendar_id.id

    def insert(self, table, columns, rows, returning=True):
        if not rows:
            return []
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s"
        if returning:
            sql += " RETURNING id"
        result = execute_values(self.cr, sql, rows, page_size=5000, fetch=returning)
        return [row[0] for row in result] if returning else []

    # structure

    def build_structure(self):
        env = self.env
        Department = env["hr.department"]
        root = Department.create({"name": "Etaten"})
        self.departments = [root]
        self.leaves = []
        self.children = {root.id: []}
        for d in range(1, 6):
            division = Department.create(
                {"name": f"Divisjon {d}", "parent_id": root.id}
            )
            self.departments.append(division)
            self.children[root.id].append(division.id)
            for s in range(1, 5):
                section = Department.create(
                    {"name": f"Seksjon {d}.{s}", "parent_id": division.id}
                )
                self.departments.append(section)
                for u in range(1, 6):
                    unit = Department.create(
                        {"name": f"Enhet {d}.{s}.{u}", "parent_id": section.id}
                    )
                    self.departments.append(unit)
                    self.leaves.append(unit)
        self.unit = self.departments[2]  # Seksjon 1.1: 5 units of 100 people
        self.unit_leaves = self.leaves[:5]
        other = self.leaves[5:]
        self.other_leaves = other
        # the catalogue: skill types with scales of their own
        self.skills, self.levels = [], {}
        for t in range(SKILL_TYPES):
            steps = [25, 50, 75, 100] if t % 2 else [0, 25, 50, 75, 100]
            skill_type = env["hr.skill.type"].create(
                {
                    "name": f"Ferdighetstype {t + 1}",
                    "skill_level_ids": [
                        (0, 0, {"name": f"Nivå {i + 1}", "level_progress": p})
                        for i, p in enumerate(steps)
                    ],
                    "skill_ids": [
                        (0, 0, {"name": f"Ferdighet {t + 1}.{s + 1}"})
                        for s in range(SKILLS // SKILL_TYPES)
                    ],
                }
            )
            levels = skill_type.skill_level_ids.sorted("level_progress")
            for skill in skill_type.skill_ids:
                self.skills.append(skill)
                self.levels[skill.id] = [(lv.id, lv.level_progress) for lv in levels]
        self.type_of = {skill.id: skill.skill_type_id.id for skill in self.skills}
        # roles of 5 to 10 requirements, a tenth of them future roles
        self.roles, self.role_skills = [], {}
        for r in range(ROLES):
            chosen = self.rand.sample(self.skills, self.rand.randint(5, 10))
            role = env["kompetanse.role"].create(
                {
                    "name": f"Rolle {r + 1}",
                    "is_future": r % 10 == 9,
                    "valid_from": self.today + timedelta(days=365)
                    if r % 10 == 9
                    else False,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "skill_id": skill.id,
                                "level_id": self.rand.choice(self.levels[skill.id][1:])[
                                    0
                                ],
                                "importance": self.rand.choice(
                                    ["essential", "desirable"]
                                ),
                            },
                        )
                        for skill in chosen
                    ],
                }
            )
            self.roles.append(role)
            self.role_skills[role.id] = [skill.id for skill in chosen]
        self.current_roles = [r for r in self.roles if not r.is_future]
        self.future_roles = [r for r in self.roles if r.is_future]
        self.build_targets()
        self.build_managers()
        self.build_users()

    def build_targets(self):
        env = self.env
        Target = env["kompetanse.target"]
        year = self.today.year

        def lines(count):
            scopes = [False] + [d.id for d in self.departments[1:26]]
            return [
                (
                    0,
                    0,
                    {
                        "skill_id": skill.id,
                        "level_id": self.rand.choice(self.levels[skill.id][1:])[0],
                        "needed_count": self.rand.randint(5, 200),
                        "department_id": scopes[i % len(scopes)] if i % 3 else False,
                        "priority": self.rand.randint(1, 3),
                    },
                )
                for i, skill in enumerate(self.rand.sample(self.skills, count))
            ]

        self.old_target = Target.create(
            {
                "name": "Målbilde forrige periode",
                "date_start": date(year - 4, 1, 1),
                "date_end": date(year - 1, 12, 31),
                "line_ids": lines(TARGET_LINES),
            }
        )
        self.target = Target.create(
            {
                "name": "Målbilde",
                "date_start": date(year, 1, 1),
                "date_end": date(year + 2, 12, 31),
                "line_ids": lines(TARGET_LINES),
            }
        )
        env.flush_all()
        self.cr.execute(
            "UPDATE kompetanse_target SET state = 'archived' WHERE id = %s",
            [self.old_target.id],
        )
        self.cr.execute(
            "UPDATE kompetanse_target SET state = 'approved', approved_date = %s "
            "WHERE id = %s",
            [date(year, 1, 1), self.target.id],
        )
        env.invalidate_all()

    def employee_rows(self, count, departments, start):
        rows = []
        for i in range(count):
            department = departments[i % len(departments)]
            n = start + i
            rows.append((f"Ansatt {n:05d}", department, n))
        return rows

    def insert_employees(self, rows, parent_of, active=True, departure=None):
        """rows: (name, department id, number); parent_of: department -> the
        manager employee id (None for the managers themselves)."""
        # made in Odoo: most at the go-live five years ago, the rest hired since
        go_live = self.today - timedelta(days=5 * 365)

        def made():
            if self.rand.random() < 0.7:
                return go_live
            return go_live + timedelta(days=self.rand.randint(1, 5 * 365 - 30))

        created = go_live
        resources = self.insert(
            "resource_resource",
            ["name", "active", "company_id", "resource_type", "time_efficiency", "tz",
             "calendar_id", "create_date", "write_date"],
            [(name, active, self.company.id, "user", 100, "Europe/Oslo",
              self.calendar, created, created) for name, _d, _n in rows],
        )  # fmt: skip
        values = []
        for (name, department, number), resource in zip(rows, resources, strict=True):
            leaving = departure(number) if departure else (None, None)
            values.append(
                (name, resource, self.company.id, self.calendar, department,
                 parent_of(department), active, "employee", "single", "kilometers",
                 f"ansatt{number}@etaten.example",
                 go_live if departure else made(), created, leaving[0], leaving[1])
            )  # fmt: skip
        return self.insert(
            "hr_employee",
            ["name", "resource_id", "company_id", "resource_calendar_id",
             "department_id", "parent_id", "active", "employee_type", "marital",
             "distance_home_work_unit", "work_email", "create_date", "write_date",
             "departure_date", "departure_reason_id"],
            values,
        )  # fmt: skip

    def build_managers(self):
        """A manager for every department, reporting to the one above."""
        self.manager_of = {}
        for department in self.departments:
            parent = self.manager_of.get(department.parent_id.id)
            [employee] = self.insert_employees(
                [(f"Leder {department.name}", department.id, 90000 + department.id)],
                lambda _d, parent=parent: parent,
            )
            self.manager_of[department.id] = employee
        self.cr.executemany(
            "UPDATE hr_department SET manager_id = %s WHERE id = %s",
            [(emp, dep) for dep, emp in self.manager_of.items()],
        )
        self.env.invalidate_all()
        self.add_people(list(self.manager_of.values()))

    def build_users(self):
        env = self.env
        Users = env["res.users"].with_context(no_reset_password=True)
        base = env.ref("base.group_user")

        def user(login, group, employee=None):
            new = Users.create(
                {
                    "name": login.capitalize(),
                    "login": login,
                    "password": login,
                    "groups_id": [(6, 0, [base.id, env.ref(group).id])],
                    "tz": "Europe/Oslo",
                }
            )
            if employee:
                env["hr.employee"].browse(employee).user_id = new
            return new

        self.hr = user("bench_hr", "kompetanse_module.kompetanse_group_hr")
        self.top = user("bench_top", "kompetanse_module.kompetanse_group_top")
        # every manager can be reminded: a user in the managers' group
        for department in self.departments:
            login = (
                "bench_manager"
                if department == self.unit
                else f"bench_manager_{department.id}"
            )
            made = user(
                login,
                "kompetanse_module.kompetanse_group_manager",
                self.manager_of[department.id],
            )
            if department == self.unit:
                self.manager = made
        env.flush_all()

    # people

    def add_people(self, employee_ids, leaver=False):
        """Roles, skills with their log over 3 years, conversations: for
        employee_ids, bulk."""
        rand = self.rand
        rel, skills, logs, conversations = [], [], [], []
        year = self.today.year
        departments = dict(self._departments_of(employee_ids))
        for employee in employee_ids:
            roles = rand.sample(self.current_roles, rand.randint(1, 3))
            if rand.random() < 0.1:
                roles.append(rand.choice(self.future_roles))
            rel += [(employee, role.id) for role in roles]
            wanted = {s for role in roles for s in self.role_skills[role.id]}
            held = rand.sample(sorted(wanted), min(len(wanted), 5))
            held += rand.sample([s.id for s in self.skills], 3)
            for skill in dict.fromkeys(held):
                levels = self.levels[skill]
                step = rand.randrange(len(levels))
                level, _progress = levels[step]
                skills.append((employee, skill, level, self.type_of[skill]))
                # the way there: up to two earlier levels over three years
                first = max(step - rand.randint(0, 2), 0)
                for k, past in enumerate(range(first, step + 1)):
                    day = self.today - timedelta(
                        days=1095 - 300 * k - rand.randint(0, 60)
                    )
                    lv, pg = levels[past]
                    logs.append(
                        (employee, departments[employee], skill, lv,
                         self.type_of[skill], pg, day)
                    )  # fmt: skip
            if not leaver:
                manager = self.manager_of.get(departments[employee])
                for day, state in (
                    (date(year - 1, 3, 1), "held"),
                    (date(year - 1, 10, 1), "held"),
                    *([(date(year, 2, 1), "held")] if rand.random() < 0.6 else []),
                    *([(self.today + timedelta(days=20), "planned")]
                      if rand.random() < 0.2 else []),
                ):  # fmt: skip
                    conversations.append(
                        (employee, self.company.id, departments[employee], manager,
                         rand.choice(["development", "checkin"]), state,
                         datetime.combine(day, datetime.min.time()).replace(hour=9),
                         1.0, False)
                    )  # fmt: skip
        self.insert(
            "hr_employee_kompetanse_role_rel", ["employee_id", "role_id"], rel, False
        )
        self.insert(
            "hr_employee_skill",
            ["employee_id", "skill_id", "skill_level_id", "skill_type_id"],
            skills,
            False,
        )
        self.insert(
            "hr_employee_skill_log",
            ["employee_id", "department_id", "skill_id", "skill_level_id",
             "skill_type_id", "level_progress", "date"],
            logs,
            False,
        )  # fmt: skip
        self.insert(
            "kompetanse_conversation",
            ["employee_id", "company_id", "department_id", "manager_id", "kind",
             "state", "date", "duration", "is_due"],
            conversations,
            False,
        )  # fmt: skip
        self.env["kompetanse.gap.key"]._kompetanse_add_keys(employee_ids)
        self.env.invalidate_all()
        return len(skills), len(logs), len(conversations)

    def _departments_of(self, employee_ids):
        self.cr.execute(
            "SELECT id, department_id FROM hr_employee WHERE id IN %s",
            [tuple(employee_ids)],
        )
        return self.cr.fetchall()

    def add_employees(self, count, departments, start):
        rows = self.employee_rows(count, departments, start)
        ids = self.insert_employees(rows, self.manager_of.get)
        figures = self.add_people(ids)
        # leavers: six in a hundred a year over three years, with what they held
        leaving = int(count * 0.06 * 3)
        reasons = self.env["hr.departure.reason"].search([]).ids
        days = {}

        def departure(number):
            days[number] = (
                self.today - timedelta(days=self.rand.randint(1, 1095)),
                self.rand.choice(reasons),
            )
            return days[number]

        left = self.insert_employees(
            self.employee_rows(leaving, departments, start + count),
            self.manager_of.get,
            active=False,
            departure=departure,
        )
        self.add_people(left, leaver=True)
        return ids, figures, len(left)

    # the work of the units

    def build_work(self, employees_by_department):
        rand = self.rand
        plans = self.insert(
            "kompetanse_plan",
            ["company_id", "department_id", "target_id", "name", "state",
             "date_start", "date_end"],
            [(self.company.id, d.id, self.target.id, f"Kompetanseplan {d.name}",
              "draft" if d == self.unit else "approved", self.target.date_start,
              self.target.date_end) for d in self.departments],
        )  # fmt: skip
        self.plan_of = {
            d.id: plan for d, plan in zip(self.departments, plans, strict=True)
        }
        methods = self.env["kompetanse.method"].search([])
        lines = self.target.line_ids.ids
        measure_rows = []
        for i in range(MEASURES):
            department = rand.choice(self.departments)
            method = rand.choice(methods)
            measure_rows.append(
                (self.company.id, method.id, department.id, self.plan_of[department.id],
                 f"Tiltak {i + 1}", method.category,
                 rand.choice(["planned", "running", "done", "cancelled"]),
                 self.today - timedelta(days=rand.randint(0, 700)),
                 rand.randint(0, 200000))
            )  # fmt: skip
        measures = self.insert(
            "kompetanse_measure",
            ["company_id", "method_id", "department_id", "plan_id", "name",
             "category", "state", "date_start", "cost_total"],
            measure_rows,
        )  # fmt: skip
        participants, measure_skills, measure_lines = set(), set(), set()
        for measure, row in zip(measures, measure_rows, strict=True):
            people = employees_by_department.get(row[2], [])
            for employee in rand.sample(people, min(len(people), rand.randint(0, 10))):
                participants.add((measure, employee))
            for skill in rand.sample(self.skills, rand.randint(1, 2)):
                measure_skills.add((measure, skill.id))
            for line in rand.sample(lines, rand.randint(0, 2)):
                measure_lines.add((measure, line))
        # the measure to close: 200 of the unit's people, three skills
        unit_people = [
            e for d in self.unit_leaves for e in employees_by_department.get(d.id, [])
        ]
        [self.big_measure] = self.insert(
            "kompetanse_measure",
            ["company_id", "method_id", "department_id", "plan_id", "name",
             "category", "state", "date_start", "effect_assessment"],
            [(self.company.id, methods[0].id, self.unit.id, self.plan_of[self.unit.id],
              "Tiltak med 200 deltakere", methods[0].category, "running",
              self.today - timedelta(days=365), "<p>Effekten er vurdert.</p>")],
        )  # fmt: skip
        participants |= {
            (self.big_measure, e) for e in rand.sample(unit_people, BIG_MEASURE)
        }
        measure_skills |= {
            (self.big_measure, s.id) for s in rand.sample(self.skills, 3)
        }
        self.insert(
            "kompetanse_measure_hr_employee_rel",
            ["measure_id", "employee_id"],
            sorted(participants),
            False,
        )
        self.insert(
            "kompetanse_measure_hr_skill_rel",
            ["measure_id", "skill_id"],
            sorted(measure_skills),
            False,
        )
        self.insert(
            "kompetanse_measure_target_line_rel",
            ["measure_id", "line_id"],
            sorted(measure_lines),
            False,
        )
        need_rows = []
        for i in range(NEEDS):
            department = rand.choice(self.departments[1:])
            need_rows.append(
                (self.company.id, department.id, self.plan_of[department.id],
                 f"Behov {i + 1}", rand.choice(["competence", "tool", "process"]),
                 rand.choice(["low", "normal", "high"]),
                 rand.choice(["develop", "mobilise", "recruit", "hire_in"]),
                 rand.choice(["draft", "submitted", "in_review", "accepted",
                              "rejected"]))
            )  # fmt: skip
        needs = self.insert(
            "kompetanse_need",
            ["company_id", "department_id", "plan_id", "name", "need_type",
             "urgency", "category", "state"],
            need_rows,
        )  # fmt: skip
        self.insert(
            "kompetanse_need_hr_skill_rel",
            ["need_id", "skill_id"],
            sorted({(n, rand.choice(self.skills).id) for n in needs}),
            False,
        )
        self.insert(
            "kompetanse_need_target_line_rel",
            ["need_id", "line_id"],
            sorted({(n, rand.choice(lines)) for n in needs if rand.random() < 0.5}),
            False,
        )
        # the labour market: two assessments a skill for a third of them, the
        # later in force
        assessed = rand.sample(self.skills, len(self.skills) // 3)
        self.insert(
            "kompetanse_market_assessment",
            ["skill_id", "skill_type_id", "company_id", "availability", "source",
             "date", "weeks_to_hire"],
            [(skill.id, self.type_of[skill.id], self.company.id,
              rand.choice(["scarce", "limited", "good"]), "Egne rekrutteringer",
              self.today - timedelta(days=days), rand.randint(4, 40))
             for skill in assessed for days in (500, rand.randint(1, 300))],
            False,
        )  # fmt: skip
        # the årshjul: an event a department with a reminder due
        cycle = self.env["kompetanse.cycle"].create(
            {"name": "Årshjul", "year": self.today.year}
        )
        self.env.flush_all()
        self.insert(
            "kompetanse_cycle_event",
            ["cycle_id", "company_id", "user_id", "reminder_days", "name", "kind",
             "date"],
            [(cycle.id, self.company.id, self.manager.id, 30,
              f"Medarbeidersamtaler {d.name}",
              "appraisal", self.today + timedelta(days=10)) for d in self.departments],
            False,
        )  # fmt: skip
        self.env.invalidate_all()

    def employees_by_department(self):
        self.cr.execute(
            "SELECT department_id, array_agg(id ORDER BY id) FROM hr_employee "
            "WHERE active GROUP BY department_id"
        )
        return dict(self.cr.fetchall())

    def analyze(self):
        self.cr.execute("ANALYZE")


def build(env, builder, phase, total):
    """Phase 1: structure, the 500-person unit, the work. Phase 2: everyone."""
    started = time.monotonic()
    if phase == 1:
        builder.build_structure()
        ids, figures, leavers = builder.add_employees(
            UNIT_SIZE - len(builder.unit_leaves), [d.id for d in builder.unit_leaves], 1
        )
        builder.build_work(builder.employees_by_department())
    else:
        rest = total - UNIT_SIZE - len(builder.departments)
        ids, figures, leavers = (
            builder.add_employees(
                rest, [d.id for d in builder.other_leaves], 10 * UNIT_SIZE
            )
            if rest > 0
            else ([], (0, 0, 0), 0)
        )
    env.flush_all()
    builder.analyze()
    return {
        "employees": len(ids),
        "employee_skills": figures[0],
        "skill_log": figures[1],
        "conversations": figures[2],
        "leavers": leavers,
        "seconds": round(time.monotonic() - started, 1),
    }


def table_counts(env):
    counts = {}
    for table, where in (
        ("hr_employee", "active"),
        ("hr_employee", "NOT active"),
        ("hr_department", "TRUE"),
        ("hr_skill", "TRUE"),
        ("hr_employee_skill", "TRUE"),
        ("hr_employee_skill_log", "TRUE"),
        ("kompetanse_role", "TRUE"),
        ("hr_employee_kompetanse_role_rel", "TRUE"),
        ("kompetanse_target_line", "TRUE"),
        ("kompetanse_plan", "TRUE"),
        ("kompetanse_measure", "TRUE"),
        ("kompetanse_need", "TRUE"),
        ("kompetanse_conversation", "TRUE"),
        ("kompetanse_gap_key", "TRUE"),
    ):
        env.cr.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}")  # noqa: S608
        key = table if where == "TRUE" else f"{table} ({where.lower()})"
        counts[key] = env.cr.fetchone()[0]
    return counts


# --- measuring ------------------------------------------------------------------

GAP_FLOOR = """
    WITH required AS (
        SELECT rel.employee_id, line.skill_id, MAX(level.level_progress) AS progress
          FROM hr_employee_kompetanse_role_rel rel
          JOIN kompetanse_role role
            ON role.id = rel.role_id AND role.active
           AND NOT COALESCE(role.is_future, FALSE)
          JOIN kompetanse_role_line line ON line.role_id = role.id
          JOIN hr_skill_level level ON level.id = line.level_id
      GROUP BY rel.employee_id, line.skill_id
    )
    -- Odoo keeps one level of a skill per person (a unique index)
    SELECT employee.department_id, required.skill_id, COUNT(*),
           AVG(GREATEST(required.progress - COALESCE(held.level_progress, 0), 0)),
           COUNT(*) FILTER (
               WHERE COALESCE(held.level_progress, 0) < required.progress),
           COUNT(*) FILTER (WHERE eskill.id IS NULL AND required.progress > 0)
      FROM required
      JOIN hr_employee employee
        ON employee.id = required.employee_id AND employee.active
 LEFT JOIN hr_employee_skill eskill
        ON eskill.employee_id = required.employee_id
       AND eskill.skill_id = required.skill_id
 LEFT JOIN hr_skill_level held ON held.id = eskill.skill_level_id
     WHERE %(scope)s
  GROUP BY employee.department_id, required.skill_id
    %(having)s
"""

FIRST_SCREEN_FLOOR = """
    WITH line AS (
        SELECT line.id, line.skill_id, line.department_id, line.needed_count,
               line.priority, required.level_progress AS required, ldept.parent_path
          FROM kompetanse_target_line line
          JOIN hr_skill_level required ON required.id = line.level_id
     LEFT JOIN hr_department ldept ON ldept.id = line.department_id
         WHERE line.target_id = %(target)s
    ), unit AS (
        -- the people counted per unit first
        SELECT edept.parent_path, COUNT(*) AS people, UNSEEN AS unseen
          FROM hr_employee employee
     LEFT JOIN hr_department edept ON edept.id = employee.department_id
         WHERE employee.active AND employee.company_id = %(company)s
      GROUP BY edept.id, edept.parent_path
    ), population AS (
        SELECT line.id, SUM(unit.people) AS people, SUM(unit.unseen) AS unseen
          FROM line
          JOIN unit
            ON line.department_id IS NULL
            OR starts_with(unit.parent_path, line.parent_path)
      GROUP BY line.id
    ), holder AS (
        SELECT line.id,
               COUNT(*) FILTER (
                   WHERE line.department_id IS NULL
                      OR starts_with(edept.parent_path, line.parent_path)
               ) AS current,
               COUNT(*) AS holders
          FROM line
          JOIN hr_employee_skill eskill ON eskill.skill_id = line.skill_id
          JOIN hr_skill_level actual ON actual.id = eskill.skill_level_id
          JOIN hr_employee employee
            ON employee.id = eskill.employee_id AND employee.active
           AND employee.company_id = %(company)s
     LEFT JOIN hr_department edept ON edept.id = employee.department_id
         WHERE actual.level_progress >= line.required
      GROUP BY line.id
    )
    , market AS (
        -- the labour market in force for the skill (critical = vulnerable and
        -- scarce)
        SELECT DISTINCT ON (skill_id) skill_id, availability
          FROM kompetanse_market_assessment
         WHERE company_id = %(company)s
           AND skill_id IN (SELECT skill_id FROM line)
      ORDER BY skill_id, date DESC, id DESC
    )
    SELECT line.id, line.skill_id, line.needed_count,
           COALESCE(holder.current, 0), population.people, population.unseen,
           100.0 * COALESCE(holder.current, 0) / line.needed_count,
           COALESCE(holder.holders, 0), market.availability
      FROM line
 LEFT JOIN population ON population.id = line.id
 LEFT JOIN holder ON holder.id = line.id
 LEFT JOIN market ON market.skill_id = line.skill_id
  ORDER BY line.priority, line.id
"""

ROLLUP_FLOOR = """
    SELECT item.department_id, item.line_id, COUNT(*), SUM(item.cost)
      FROM (
            SELECT need.department_id, rel.line_id, 0.0 AS cost
              FROM kompetanse_need need
         LEFT JOIN kompetanse_need_target_line_rel rel ON rel.need_id = need.id
         UNION ALL
            SELECT measure.department_id, rel.line_id,
                   COALESCE(measure.cost_total, 0) / GREATEST(lines.count, 1)
              FROM kompetanse_measure measure
         LEFT JOIN kompetanse_measure_target_line_rel rel
                ON rel.measure_id = measure.id
         LEFT JOIN (SELECT measure_id, COUNT(*) AS count
                      FROM kompetanse_measure_target_line_rel GROUP BY measure_id
                   ) lines ON lines.measure_id = measure.id
           ) item
  GROUP BY item.department_id, item.line_id
"""

COVERAGE_FLOOR = """
    SELECT employee.department_id, COUNT(*),
           SUM((COALESCE(held.count, 0)
                >= company.kompetanse_conversations_per_year)::int),
           SUM(COALESCE(held.count, 0))
      FROM hr_employee employee
      JOIN res_company company ON company.id = employee.company_id
 LEFT JOIN (
            SELECT employee_id, COUNT(*) AS count
              FROM (SELECT employee_id FROM kompetanse_conversation
                     WHERE state = 'held' AND date >= %(start)s AND date < %(end)s
                 UNION ALL
                    SELECT employee_id FROM hr_appraisal
                     WHERE state = '3_done' AND active
                       AND date_close >= %(start)s AND date_close < %(end)s) held
          GROUP BY employee_id
           ) held ON held.employee_id = employee.id
     WHERE employee.active AND %(scope)s
  GROUP BY employee.department_id
"""

TURNOVER_FLOOR = """
    WITH years AS (
        SELECT year, make_date(year, 1, 1) AS first,
               LEAST(make_date(year, 12, 31), CURRENT_DATE) AS last
          FROM generate_series(%(first)s, %(last)s) AS year
    ), people AS (
        -- who joined and left the same unit on the same days counted once
        SELECT department_id, create_date::date AS since, departure_date, active,
               COUNT(*) AS count
          FROM hr_employee
         WHERE department_id IS NOT NULL
      GROUP BY department_id, create_date::date, departure_date, active
    )
    SELECT years.year, people.department_id,
           SUM(people.count) FILTER (
               WHERE NOT people.active
                 AND people.departure_date BETWEEN years.first AND years.last),
           (SUM(people.count) FILTER (
                WHERE people.since <= years.first
                  AND (people.departure_date IS NULL
                       OR people.departure_date > years.first)
                  AND (people.active OR people.departure_date IS NOT NULL))
            + SUM(people.count) FILTER (
                WHERE people.since <= years.last
                  AND (people.departure_date IS NULL
                       OR people.departure_date > years.last)
                  AND (people.active OR people.departure_date IS NOT NULL))) / 2.0
      FROM years CROSS JOIN people
  GROUP BY years.year, people.department_id
"""

LOST_FLOOR = """
    WITH held AS (
        SELECT DISTINCT ON (log.employee_id, log.skill_id)
               log.employee_id, log.skill_id, employee.departure_date,
               employee.company_id, employee.department_id, level.level_progress
          FROM hr_employee employee
          JOIN hr_employee_skill_log log
            ON log.employee_id = employee.id AND log.date <= employee.departure_date
          JOIN hr_skill_level level ON level.id = log.skill_level_id
         WHERE NOT employee.active AND employee.departure_date IS NOT NULL
      ORDER BY log.employee_id, log.skill_id, log.date DESC, log.id DESC
    )
    SELECT line.id, COUNT(DISTINCT held.employee_id)
      FROM held
 LEFT JOIN hr_department edept ON edept.id = held.department_id
      JOIN kompetanse_target_line line ON line.skill_id = held.skill_id
      JOIN kompetanse_target target
        ON target.id = line.target_id
       AND target.state IN ('approved', 'archived')
       AND target.company_id = held.company_id
       AND held.departure_date BETWEEN target.date_start AND target.date_end
      JOIN hr_skill_level required
        ON required.id = line.level_id
       AND held.level_progress >= required.level_progress
 LEFT JOIN hr_department ldept ON ldept.id = line.department_id
     WHERE line.department_id IS NULL
        OR starts_with(edept.parent_path, ldept.parent_path)
  GROUP BY line.id
"""

EFFECT_FLOOR = """
    SELECT emp.employee_id, skill.skill_id,
           (SELECT log.level_progress FROM hr_employee_skill_log log
             WHERE log.employee_id = emp.employee_id AND log.skill_id = skill.skill_id
               AND log.date < %(start)s ORDER BY log.date DESC LIMIT 1),
           (SELECT MAX(level.level_progress) FROM hr_employee_skill eskill
              JOIN hr_skill_level level ON level.id = eskill.skill_level_id
             WHERE eskill.employee_id = emp.employee_id
               AND eskill.skill_id = skill.skill_id)
      FROM kompetanse_measure_hr_employee_rel emp
      JOIN kompetanse_measure_hr_skill_rel skill ON skill.measure_id = emp.measure_id
     WHERE emp.measure_id = %(measure)s
"""

MANAGER_PEOPLE = """
    WITH RECURSIVE me AS (
        SELECT id FROM hr_employee WHERE user_id = %(uid)s AND active
    ), below AS (
        SELECT report.id FROM hr_employee report JOIN me ON report.parent_id = me.id
         UNION
        SELECT report.id
          FROM hr_employee report JOIN below ON report.parent_id = below.id
    )
    SELECT id FROM below
     UNION ALL
    SELECT member.id
      FROM hr_department managed
      JOIN me ON me.id = managed.manager_id
      JOIN hr_department unit ON unit.parent_path LIKE managed.parent_path || '%%'
      JOIN hr_employee member ON member.department_id = unit.id
     WHERE managed.active
"""

PROPOSE_FLOOR = """
    SELECT gap.skill_id, COUNT(DISTINCT gap.employee_id)
      FROM (%(gaps)s) gap
     GROUP BY gap.skill_id
"""


def timed(call, spent):
    """call, adding the seconds it takes to spent[0]."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    return wrapper


def read_view(model, spec, domain=None, ids=None):
    """What the web client does to open a list (ids None) or a form."""

    def work(env):
        if ids:
            return env[model].browse(ids).web_read(spec)
        return env[model].web_search_read(domain or [], spec, limit=80)

    return work


class Bench:
    def __init__(self, registry, uid_of, runs):
        self.registry = registry
        self.uid_of = uid_of
        self.runs = runs
        self.rows = []

    def _env(self, cr, login):
        from odoo import api

        uid = self.uid_of[login]
        return api.Environment(cr, uid, {"lang": "en_US", "tz": "Europe/Oslo"})

    def _once(self, work):
        """One run of work(cursor) in a cursor rolled back: its wall time, the
        time its queries took (sent and fetched), its query count."""
        from odoo import api

        with self.registry.cursor() as cr:
            api.Environment(cr, 1, {}).invalidate_all()
            spent = [0.0]
            cr.execute = timed(cr.execute, spent)
            cr.fetchall = timed(cr.fetchall, spent)
            before = cr.sql_log_count
            started = time.perf_counter()
            work(cr)
            wall = time.perf_counter() - started
            count = cr.sql_log_count - before
            del cr.execute, cr.fetchall
            cr.rollback()
        return wall * 1000, spent[0] * 1000, count

    def measure(self, work, runs=None, versus=None):
        """Medians over runs (after a warm-up run) of work(cursor): a Measure;
        with versus (another work, the floor), the two alternate run by run,
        so that both meet the same machine, and the floor's median SQL time
        comes with it; the ratio is then the median of each run's to its own
        floor's (this machine has slow spells: a report and the floor run
        beside it meet the same one)."""
        runs = runs or self.runs
        walls, sqls, queries, floors = [], [], [], []
        for attempt in range(runs + 1):
            wall, sql, count = self._once(work)
            floor = self._once(versus)[1] if versus else None
            if attempt:  # the first run warms the caches
                walls.append(wall)
                sqls.append(sql)
                queries.append(count)
                floors.append(floor)
        measure = Measure(
            statistics.median(walls), statistics.median(sqls), max(queries)
        )
        if versus:
            ratios = [sql / floor for sql, floor in zip(sqls, floors, strict=True)]
            measure = measure._replace(ratio=statistics.median(ratios))
            return measure, statistics.median(floors)
        return measure

    @staticmethod
    def plain(sql, params=None):
        """The floor: the plain SQL, sent and fetched."""

        def work(cr):
            cr.execute(sql, params or {})
            cr.fetchall()

        return work

    def floor(self, sql, params=None):
        return self.measure(self.plain(sql, params)).sql

    def versus(self, login, call, sql, params=None, floor=None):
        """call as login beside the plain SQL of the same figures (or floor,
        a work of plain SQL)."""

        def work(cr):
            call(self._env(cr, login))

        return self.measure(work, versus=floor or self.plain(sql, params))

    def add(self, figure, measure, floor_ms=None, budget=None):
        """A row of the table; the budget ratio is the report's queries (as the
        ORM sends them, record rules in) over the floor's, run by run when the
        floor ran beside it."""
        ratio = measure.ratio
        if ratio is None and floor_ms:
            ratio = measure.sql / floor_ms
        row = {
            "figure": figure,
            "ms": round(measure.wall, 1),
            "sql_ms": round(measure.sql, 1),
            "floor_ms": round(floor_ms, 1) if floor_ms else None,
            "ratio": round(ratio, 2) if ratio else None,
            "wall_ratio": round(measure.wall / floor_ms, 2) if floor_ms else None,
            "queries": measure.queries,
            "budget": budget,
        }
        if budget == "ratio":
            row["ok"] = ratio is not None and ratio <= BUDGET_RATIO
        self.rows.append(row)
        print(
            f"  {figure:<64} {measure.wall:8.1f} {measure.sql:8.1f} "
            + (f"{floor_ms:8.1f} {ratio:5.2f}" if floor_ms else f"{'-':>8} {'-':>5}")
            + f" {measure.queries:>7}",
            flush=True,
        )
        return row

    def spec(self, login, model, view_type):
        """The web client's specification of the view, as login sees it (read
        once, as the client loads its views once)."""
        with self.registry.cursor() as cr:
            return spec_of(self._env(cr, login), model, view_type)

    def orm(self, login, call):
        def work(cr):
            call(self._env(cr, login))

        return self.measure(work)


def spec_of(env, model, view_type, view_id=None):
    """The specification the web client reads a view with: its fields, the
    many2one's display names, the x2many's fields of their sub-view."""
    from lxml import etree

    views = env[model].get_views([(view_id, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    fields_of = views["models"]

    def walk(node, model_name):
        spec = {}
        for child in node.iterchildren():
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field":
                name = child.get("name")
                field = fields_of[model_name].get(name, {})
                if field.get("type") == "many2one":
                    spec[name] = {"fields": {"display_name": {}}}
                elif field.get("type") in ("one2many", "many2many"):
                    sub = next(
                        (c for c in child if c.tag in ("list", "kanban", "form")), None
                    )
                    relation = field["relation"]
                    spec[name] = {
                        "fields": walk(sub, relation)
                        if sub is not None
                        else {"display_name": {}},
                        **({"limit": 40} if sub is not None else {}),
                    }
                else:
                    spec[name] = {}
            else:
                spec.update(walk(child, model_name))
        return spec

    return walk(arch, model)


def measure_reports(bench, ctx):
    from odoo.tools import SQL

    unit_path = ctx["unit_path"]

    # the manager's people, as the design has it: those below them in the
    # manager chain, and the people of the units they manage and below; the
    # floor of a manager's figure finds them (MANAGER_PEOPLE), then reads the
    # figures of these people, as plain SQL would
    def manager_floor(sql, params=None, login="bench_manager"):
        manager = bench.uid_of[login]

        def work(cr):
            # as the module does: a recursive query's row estimate would have
            # PostgreSQL compile it (JIT), which costs more than it runs
            cr.execute("SET LOCAL jit = off")
            cr.execute(MANAGER_PEOPLE, {"uid": manager})
            # the two parts overlap, merged here as the module does (a UNION
            # would size a hash table for the recursive part's estimate);
            # nobody: an id no employee has
            people = ", ".join(map(str, sorted({r[0] for r in cr.fetchall()}))) or "0"
            cr.execute("SET LOCAL jit TO DEFAULT")
            cr.execute(sql.replace("MANAGER_PEOPLE", people), params or {})
            cr.fetchall()

        return work

    manager_scope = "employee.id IN (MANAGER_PEOPLE)"

    def read_group(model, domain, aggregates, groupby):
        """The ORM's aggregation, record rules applied: what read_group (the
        pivot's call) is made of, before Odoo formats each group."""
        return lambda env: env[model]._read_group(domain, groupby, aggregates)

    gap = read_group(
        "kompetanse.gap.report",
        [("is_future", "=", False)],
        ["__count", "gap:avg"],
        ["department_id", "skill_id"],
    )
    # HR; the manager of the 500-person section; the director, who manages
    # the root unit and sees everyone through the chain and the units
    readers = (
        ("bench_hr", "TRUE", "HR"),
        ("bench_manager", manager_scope, "manager of 500"),
        (ctx["director"], manager_scope, "director, root manager"),
    )
    for login, scope, who in readers:
        sql = GAP_FLOOR % {"scope": scope, "having": ""}
        own = manager_floor(sql, login=login) if login != "bench_hr" else None
        m, floor = bench.versus(login, gap, sql, floor=own)
        bench.add(f"gap matrix, department x skill ({who})", m, floor, "ratio")
        # the pivot's own call: the same, then Odoo's formatting of each cell
        # (its domain, the names): Python work per group, Odoo's own
        groups = []

        def pivot(env, groups=groups):
            groups[:] = env["kompetanse.gap.report"].read_group(
                [("is_future", "=", False)],
                ["gap:avg"],
                ["department_id", "skill_id"],
                lazy=False,
            )

        m = bench.orm(login, pivot)
        bench.add(f"  the pivot's read_group, {len(groups)} cells", m, floor)

    target, company = ctx["target"], ctx["company"]

    for login in ("bench_hr", "bench_manager", "bench_top"):
        model = "kompetanse.target.line"
        first_screen = read_view(
            model, bench.spec(login, model, "kanban"), [("target_id", "=", target)]
        )
        # who does not see everyone is also told which counts would name people
        unseen = (
            "0"
            if login == "bench_hr"
            else "COUNT(*) FILTER (WHERE employee.id NOT IN (MANAGER_PEOPLE))"
        )
        sql = FIRST_SCREEN_FLOOR.replace("UNSEEN", unseen)
        params = {"target": target, "company": company}
        own = manager_floor(sql, params, login) if login != "bench_hr" else None
        m, floor = bench.versus(login, first_screen, sql, params, floor=own)
        bench.add(f"first screen, målbilde lines ({login[6:]})", m, floor, "ratio")

    summary = read_group(
        "kompetanse.gap.summary",
        [],
        ["people_count:sum", "below_count:sum", "missing_count:sum"],
        ["department_id", "skill_id"],
    )
    m, floor = bench.versus(
        "bench_top",
        summary,
        GAP_FLOOR
        % {
            "scope": "TRUE",
            "having": "HAVING COUNT(*) >= (SELECT GREATEST(COALESCE("
            "kompetanse_min_group_size, 5), 1) FROM res_company WHERE id = 1)",
        },
    )
    bench.add("aggregate gap summary (top leader)", m, floor, "ratio")

    rollup = read_group(
        "kompetanse.rollup.report",
        [],
        ["__count", "cost:sum"],
        ["department_id", "target_line_id"],
    )
    m, floor = bench.versus("bench_hr", rollup, ROLLUP_FLOOR)
    bench.add("roll-up of plans (HR)", m, floor, "ratio")

    year = date.today().year
    bounds = {
        "start": datetime(year - 1, 12, 31, 23),
        "end": datetime(year, 12, 31, 23),
    }
    coverage = read_group(
        "kompetanse.conversation.coverage",
        [],
        ["employee_count:sum", "covered_count:sum", "held_count:sum"],
        ["department_id"],
    )
    for login, scope, who in readers:
        sql = COVERAGE_FLOOR % {"scope": scope, "start": "%(start)s", "end": "%(end)s"}
        own = manager_floor(sql, bounds, login) if login != "bench_hr" else None
        m, floor = bench.versus(login, coverage, sql, bounds, floor=own)
        bench.add(f"conversation coverage ({who})", m, floor, "ratio")

    rate = read_group(
        "kompetanse.turnover.rate",
        [],
        ["leaver_count:sum", "headcount:sum"],
        ["department_id", "year"],
    )
    m, floor = bench.versus(
        "bench_hr", rate, TURNOVER_FLOOR, {"first": year - 3, "last": year}
    )
    bench.add("turnover by unit and year (HR)", m, floor, "ratio")
    lost = read_group(
        "kompetanse.turnover.skill",
        [("target_line_id", "!=", False)],
        ["employee_id:count_distinct"],
        ["target_line_id"],
    )
    m, floor = bench.versus("bench_hr", lost, LOST_FLOOR)
    bench.add("competence lost by målbilde line (HR)", m, floor, "ratio")

    # actions
    def propose(env):
        plan = env["kompetanse.plan"].browse(ctx["unit_plan"])
        plan.action_propose_needs()

    m = bench.orm("bench_manager", propose)
    gaps = (
        "SELECT gap.employee_id, gap.skill_id FROM "
        + "(%s) gap" % env_gap_sql(bench)
        + " JOIN hr_employee e ON e.id = gap.employee_id "
        f"JOIN hr_department d ON d.id = e.department_id AND d.parent_path LIKE "
        f"'{unit_path}%%' WHERE gap.status != 'met' AND NOT gap.is_future"
    )
    floor = bench.floor(PROPOSE_FLOOR % {"gaps": gaps})
    bench.add("propose needs from gaps, 500-person unit", m, floor)

    def close(env):
        measure = env["kompetanse.measure"].browse(ctx["big_measure"])
        measure.action_done()

    m = bench.orm("bench_hr", close)
    floor = bench.floor(
        EFFECT_FLOOR, {"measure": ctx["big_measure"], "start": ctx["big_start"]}
    )
    bench.add("close a measure of 200 participants", m, floor)
    del SQL


def env_gap_sql(bench):
    with bench.registry.cursor() as cr:
        from odoo import api

        env = api.Environment(cr, 1, {})
        return cr.mogrify(env["kompetanse.gap.report"]._table_query).decode()


def measure_screens(bench, ctx, size):
    """Query counts of the screens, to compare between the sizes."""
    results = {}

    for login in ("bench_hr", "bench_manager"):
        # who is not an HR officer reads Odoo's public profile of employees
        model = "hr.employee" if login == "bench_hr" else "hr.employee.public"

        form = bench.spec(login, model, "form")
        for figure, work in (
            ("employee form", read_view(model, form, ids=[ctx["sample_employee"]])),
            *(
                (f"list of {what}", read_view(name, bench.spec(login, name, "list")))
                for what, name in (
                    ("plans", "kompetanse.plan"),
                    ("needs", "kompetanse.need"),
                    ("measures", "kompetanse.measure"),
                )
            ),
        ):
            m = bench.orm(login, work)
            name = f"{figure}, 80 rows ({login[6:]})".replace("form, 80 rows", "form")
            results[name] = m.queries
            bench.add(f"{name} at {size}", m, None, "flat")
    return results


def measure_crons(bench, size):
    """The daily crons as the cron worker runs them (superuser), with what
    they made: conversations planned, activities."""
    results = {}
    for figure, model, method in (
        (
            "cron: conversations due",
            "kompetanse.conversation",
            "_cron_conversations_due",
        ),
        ("cron: annual cycle reminders", "kompetanse.cycle.event", "_cron_reminders"),
    ):
        made = []

        def work(cr, model=model, method=method, made=made):
            from odoo import api

            env = api.Environment(cr, 1, {})
            getattr(env[model], method)()
            env.flush_all()
            cr.execute(
                "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM mail_activity "
                "WHERE create_date = (now() AT TIME ZONE 'UTC')"
            )
            made[:] = cr.fetchall()[0]

        m = bench.measure(work, runs=max(bench.runs // 2, 1))
        results[figure] = (m, made[0], made[1])
        bench.add(
            f"{figure} at {size} ({made[0]} activities, {made[1]} users)",
            m,
            None,
            "linear",
        )
    return results


def context_of(env):
    """What the figures work on, found by name in a built database."""
    Department = env["hr.department"]
    unit = Department.search([("name", "=", "Seksjon 1.1")])
    first_unit = Department.search([("name", "=", "Enhet 1.1.1")])
    target = env["kompetanse.target"].search([("state", "=", "approved")])
    measure = env["kompetanse.measure"].search(
        [("name", "=", "Tiltak med 200 deltakere")]
    )
    plan = env["kompetanse.plan"].search([("department_id", "=", unit.id)])
    root = Department.search([("name", "=", "Etaten")])
    return {
        "director": root.manager_id.user_id.login,
        "unit_path": unit.parent_path,
        "target": target.id,
        "company": target.company_id.id,
        "unit_plan": plan.id,
        "big_measure": measure.id,
        "big_start": measure.date_start,
        "sample_employee": first_unit.manager_id.id,
        "departments": Department.search_count([]),
    }


def main(argv=None):
    args, odoo_args = parse_args(argv if argv is not None else sys.argv[1:])
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(odoo_args)
    registry = Registry(odoo.tools.config["db_name"])
    result = {"employees": args.employees, "built": {}}
    header = (
        f"  {'figure':<64} {'ms':>8} {'sql ms':>8} {'floor ms':>8} {'ratio':>5} "
        f"{'queries':>7}"
    )
    builder = small = None
    size = None
    if not args.measure_only:
        with registry.cursor() as cr:
            builder = Builder(api.Environment(cr, 1, {}), args.seed)
            print("building: the structure and the 500-person unit", flush=True)
            result["built"]["phase 1"] = build(builder.env, builder, 1, args.employees)
            cr.commit()
    with registry.cursor() as cr:
        env = api.Environment(cr, 1, {})
        ctx = context_of(env)
        uid_of = {
            user.login: user.id
            for user in env["res.users"].search([("login", "=like", "bench_%")])
        }
    bench = Bench(registry, uid_of, args.runs)
    if builder and not args.build_only:
        size = UNIT_SIZE + ctx["departments"]
        print(f"measuring at {size} employees\n{header}", flush=True)
        small = measure_screens(bench, ctx, size), measure_crons(bench, size)
    if builder:
        with registry.cursor() as cr:
            builder.env, builder.cr = api.Environment(cr, 1, {}), cr
            print(f"building: everyone ({args.employees} employees)", flush=True)
            result["built"]["phase 2"] = build(builder.env, builder, 2, args.employees)
            cr.commit()
    with registry.cursor() as cr:
        result["tables"] = table_counts(api.Environment(cr, 1, {}))
    print(json.dumps(result["tables"], indent=1), flush=True)
    if args.build_only:
        return 0
    print(f"measuring at {args.employees} employees\n{header}", flush=True)
    measure_reports(bench, ctx)
    big = (
        measure_screens(bench, ctx, args.employees),
        measure_crons(bench, args.employees),
    )
    failures = check_budgets(bench, small, big, args.employees, size)
    result["figures"] = bench.rows
    result["budget_failures"] = failures
    Path(args.json).write_text(json.dumps(result, indent=1, default=str))
    print(f"wrote {args.json}", flush=True)
    for failure in failures:
        print(f"BUDGET MISSED: {failure}", flush=True)
    if not failures:
        print("every budget holds", flush=True)
    return BUDGET_MISSED if failures else 0


def check_budgets(bench, small, big, employees, size):
    failures = [
        f"{row['figure']}: {row['ratio']}x its floor (budget {BUDGET_RATIO}x)"
        for row in bench.rows
        if row.get("budget") == "ratio" and not row["ok"]
    ]
    if small is None:  # --measure-only: one size, nothing to compare with
        return failures
    screens_small, crons_small = small
    screens_big, crons_big = big
    for name, queries in screens_big.items():
        if queries != screens_small[name]:
            failures.append(
                f"{name}: {screens_small[name]} queries at {size}, {queries} at "
                f"{employees}"
            )
    for name, (measured, made, users) in crons_big.items():
        small, __, __ = crons_small[name]
        # no query per employee: Odoo's mail subscribes each user to what they
        # are given (a few queries per user), Odoo inserts in batches of 100
        # rows (a few tables each), and the annual cycle's reminders, one per
        # event due (not per employee), each tell their responsible (Odoo's
        # notice of an activity assigned: a message, its notification)
        notices = made if "annual cycle" in name else 0
        allowed = (
            PER_USER_QUERIES * users
            + PER_BATCH_QUERIES * math.ceil(made / 100)
            + PER_NOTICE_QUERIES * notices
            + 50
        )
        if measured.queries > allowed:
            failures.append(
                f"{name}: {measured.queries} queries for {made} activities of "
                f"{users} users at {employees} (allowed {allowed})"
            )
        # linear in employees: per employee no slower at the large size than
        # twice the small
        if measured.wall / employees > 2 * max(small.wall, 1) / size:
            failures.append(
                f"{name}: {small.wall:.0f} ms at {size}, {measured.wall:.0f} at "
                f"{employees}"
            )
    bench.rows.append({"figure": "budgets", "failures": failures})
    return failures


if __name__ == "__main__":
    sys.exit(main())
