# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The module's lifecycle, checked by the test command in ``odoo shell`` on
its throwaway database: the phases named in KOMPETANSE_LIFECYCLE_PHASE, in
turn (the shell gives ``env``):

- ``baseline``: Odoo with the module's dependencies only; HR data made as a
  user would (units, people, skills and their log, an appraisal), and what
  Odoo ships as its access (record rules, model access, groups) recorded;
- ``install``, ``uninstall``: as Odoo's Apps do (the registry reloaded);
- ``fill``: the module's records made by HR and a manager, a reminder, a
  user's groups and HR's edits of shipped data (a method, its Norwegian
  name) recorded; the installed version set back so that the upgrade runs a
  migration;
- ``upgraded``: after ``-u`` on the command line: every record, group, edit
  and translation kept, the migration run;
- ``uninstalled``: Odoo's HR data as it was, Odoo's access as Odoo shipped it,
  nothing of the module left in the database;
- ``reinstalled``: installed again on the same database.

The phases share a JSON state file; a failed check raises (the shell exits
non-zero) with what differs."""

import json
import os

import odoo
from odoo.fields import Command

MODULE = "kompetanse_module"
STATE = os.environ["KOMPETANSE_LIFECYCLE_STATE"]
PHASE = os.environ["KOMPETANSE_LIFECYCLE_PHASE"]
# Odoo's HR data, which outlives the module
ODOO_MODELS = (
    "hr.department",
    "hr.employee",
    "hr.skill.type",
    "hr.skill.level",
    "hr.skill",
    "hr.employee.skill",
    "hr.employee.skill.log",
    "hr.appraisal",
    "res.users",
)
# the 18.0.1.5.0 migration's rules, set back as they were before it
MIGRATED_RULES = (
    "kompetanse_gap_report_rule_user",
    "kompetanse_conversation_coverage_rule_user",
)
RULE_BEFORE = "[('employee_id.kompetanse_individual_access', '=', True)]"
RULE_AFTER = "[('kompetanse_individual_access', '=', True)]"
# the Norwegian of the module's Configuration menu (i18n/nb.po)
MENU_NB = "Konfigurasjon"


def load():
    if not os.path.exists(STATE):
        return {}
    with open(STATE, encoding="utf-8") as state:
        return json.load(state)


def save(state):
    with open(STATE, "w", encoding="utf-8") as out:
        json.dump(state, out, indent=1, sort_keys=True)


def check(what, found, expected):
    if found != expected:
        raise AssertionError(f"lifecycle: {what}: {found!r}, expected {expected!r}")
    print(f"lifecycle ok: {what}")


def xmlid_map(env, model):
    """{id: its external id}, Odoo's before the module's where it has both."""
    data = env["ir.model.data"].sudo().search([("model", "=", model)])
    names = {}
    for d in data.sorted(lambda d: d.module == MODULE):
        names.setdefault(d.res_id, f"{d.module}.{d.name}")
    return names


def odoo_access(env):
    """Odoo's own record rules, model access and implied groups, by external
    id (the module's own are not Odoo's)."""
    names = {}
    for model in ("ir.rule", "ir.model.access", "res.groups"):
        names[model] = xmlid_map(env, model)

    def own(model, record):
        name = names[model].get(record.id, "")
        return name and not name.startswith(f"{MODULE}.")

    def groups(records):
        return sorted(names["res.groups"].get(g.id, f"?{g.name}") for g in records)

    rules = env["ir.rule"].sudo().with_context(active_test=False).search([])
    access = env["ir.model.access"].sudo().with_context(active_test=False).search([])
    all_groups = env["res.groups"].sudo().search([])
    return {
        "rules": {
            names["ir.rule"][r.id]: [
                r.model_id.model, r.domain_force, groups(r.groups), r.active,
                r.perm_read, r.perm_write, r.perm_create, r.perm_unlink,
            ]
            for r in rules if own("ir.rule", r)
        },
        "access": {
            names["ir.model.access"][a.id]: [
                a.model_id.model, groups(a.group_id), a.active,
                a.perm_read, a.perm_write, a.perm_create, a.perm_unlink,
            ]
            for a in access if own("ir.model.access", a)
        },
        "implied": {
            names["res.groups"][g.id]: groups(g.implied_ids)
            for g in all_groups if own("res.groups", g)
        },
    }  # fmt: skip


def odoo_data(env):
    """Odoo's HR records: their ids, and the levels people hold."""
    found = {
        model: sorted(env[model].sudo().with_context(active_test=False).search([]).ids)
        for model in ODOO_MODELS
    }
    found["levels"] = sorted(
        [s.employee_id.id, s.skill_id.id, s.skill_level_id.id]
        for s in env["hr.employee.skill"].sudo().search([])
    )
    return found


def module_data(env):
    """The ids of every record of the module's own tables."""
    models = (
        env["ir.model"]
        .sudo()
        .search([("model", "=like", "kompetanse.%"), ("transient", "=", False)])
    )
    found = {}
    for model in models.mapped("model"):
        Model = env[model]
        if Model._abstract or not Model._auto:
            continue  # mixins, and the reports (SQL views)
        found[model] = sorted(
            Model.sudo().with_context(active_test=False).search([]).ids
        )
    return found


def as_user(env, login):
    user = env["res.users"].sudo().search([("login", "=", login)])
    return env(user=user.id, su=False)


def user_sees(env):
    """What a plain employee reads in Odoo's apps: counts as Odoo's rules
    give them."""
    user_env = as_user(env, "lc_employee")
    return {
        model: user_env[model].search_count([])
        for model in ("hr.employee.public", "hr.employee.skill", "hr.department",
                      "hr.skill")
    }  # fmt: skip


def user_groups(env):
    names = xmlid_map(env, "res.groups")
    return {
        login: sorted(
            names.get(g.id, g.name)
            for g in env["res.users"].sudo().search([("login", "=", login)]).groups_id
        )
        for login in ("lc_employee", "lc_manager", "lc_hr")
    }


def translations(env):
    method = env.ref(f"{MODULE}.kompetanse_method_tasks")
    menu = env.ref(f"{MODULE}.kompetanse_configuration_menu")
    return {
        "method_en": method.with_context(lang="en_US").name,
        "method_nb": method.with_context(lang="nb_NO").name,
        "menu_nb": menu.with_context(lang="nb_NO").name,
    }


def baseline(env):
    # the module's Norwegian is loaded when it is installed (Odoo's own terms
    # are not the point here)
    env["res.lang"]._activate_lang("nb_NO")
    # with their groups given: Odoo's template for new users makes them
    # administrators of the HR apps
    internal = env.ref("base.group_user")
    hr_user = env.ref("hr.group_hr_user")
    users = env["res.users"].create(
        [
            {"name": "LC Employee", "login": "lc_employee",
             "groups_id": [Command.set(internal.ids)]},
            {"name": "LC Manager", "login": "lc_manager",
             "groups_id": [Command.set(internal.ids)]},
            {"name": "LC HR", "login": "lc_hr",
             "groups_id": [Command.set((internal | hr_user).ids)]},
        ]
    )  # fmt: skip
    unit = env["hr.department"].create({"name": "LC Unit"})
    team = env["hr.department"].create({"name": "LC Team", "parent_id": unit.id})
    skill_type = env["hr.skill.type"].create(
        {
            "name": "LC Fag",
            "skill_level_ids": [
                Command.create({"name": "LC Grunnleggende", "level_progress": 25}),
                Command.create({"name": "LC God", "level_progress": 75}),
            ],
            "skill_ids": [
                Command.create({"name": "LC Forvaltningsrett"}),
                Command.create({"name": "LC Klarspråk"}),
            ],
        }
    )
    low, high = skill_type.skill_level_ids.sorted("level_progress")
    law, plain = skill_type.skill_ids
    employee, manager, hr = env["hr.employee"].create(
        [
            {"name": "LC Eva", "department_id": team.id, "user_id": users[0].id},
            {"name": "LC Ola", "department_id": unit.id, "user_id": users[1].id},
            {"name": "LC Hanne", "department_id": unit.id, "user_id": users[2].id},
        ]
    )
    unit.manager_id = manager
    env["hr.employee.skill"].create(
        [
            {"employee_id": employee.id, "skill_id": law.id, "skill_level_id": low.id,
             "skill_type_id": skill_type.id},
            {"employee_id": manager.id, "skill_id": plain.id, "skill_level_id": high.id,
             "skill_type_id": skill_type.id},
        ]
    )  # fmt: skip
    env["hr.appraisal"].create({"employee_id": employee.id, "date_close": "2027-03-01"})
    env.cr.commit()
    save(
        {
            "access": odoo_access(env),
            "odoo": odoo_data(env),
            "sees": user_sees(env),
            "ids": {"unit": unit.id, "team": team.id, "law": law.id, "good": high.id},
        }
    )


def fill(env):
    state = load()
    ids = state["ids"]
    env.ref("base.user_admin").write(
        {"groups_id": [Command.link(env.ref(f"{MODULE}.kompetanse_group_top").id)]}
    )
    for login, group in (("lc_manager", "manager"), ("lc_hr", "hr")):
        env["res.users"].search([("login", "=", login)]).groups_id = [
            Command.link(env.ref(f"{MODULE}.kompetanse_group_{group}").id)
        ]
    hr_env = as_user(env, "lc_hr")
    target = hr_env["kompetanse.target"].create(
        {
            "name": "LC Målbilde",
            "date_start": "2027-01-01",
            "date_end": "2029-12-31",
            "line_ids": [
                Command.create(
                    {"skill_id": ids["law"], "level_id": ids["good"], "needed_count": 2}
                )
            ],
        }
    )
    hr_env["kompetanse.role"].create(
        {
            "name": "LC Saksbehandler",
            "department_id": ids["team"],
            "employee_ids": [
                Command.set(env["hr.employee"].search([("name", "=", "LC Eva")]).ids)
            ],
            "line_ids": [
                Command.create({"skill_id": ids["law"], "level_id": ids["good"]})
            ],
        }
    )
    manager_env = as_user(env, "lc_manager")
    need = manager_env["kompetanse.need"].create(
        {"name": "LC Behov", "department_id": ids["team"]}
    )
    # a reminder of the module's, and a to-do of Odoo's on an employee
    lc_hr = env["res.users"].search([("login", "=", "lc_hr")])
    need.sudo().activity_schedule(
        f"{MODULE}.mail_activity_type_kompetanse_need", user_id=lc_hr.id
    )
    todo = (
        env["hr.employee"]
        .search([("name", "=", "LC Eva")])
        .activity_schedule("mail.mail_activity_data_todo", user_id=lc_hr.id)
    )
    hr_env["kompetanse.measure"].create(
        {
            "name": "LC Tiltak",
            "department_id": ids["team"],
            "skill_ids": [Command.set(target.line_ids.skill_id.ids)],
        }
    )
    # HR's edits of shipped data (noupdate), in English and in Norwegian
    method = hr_env.ref(f"{MODULE}.kompetanse_method_tasks")
    method.with_context(lang="en_US").name = "LC Tasks, as HR calls them"
    method.with_context(lang="nb_NO").name = "LC Oppgaver, slik HR sier det"
    # as if installed before 18.0.1.5.0: the upgrade is to run its migration
    rules = env["ir.rule"].browse(
        env.ref(f"{MODULE}.{name}").id for name in MIGRATED_RULES
    )
    rules.domain_force = RULE_BEFORE
    env["ir.module.module"].search(
        [("name", "=", MODULE)]
    ).latest_version = "18.0.1.4.0"
    env.cr.commit()
    state["ids"]["todo"] = todo.id
    state.update(
        module=module_data(env),
        odoo_filled=odoo_data(env),
        groups=user_groups(env),
        translations=translations(env),
    )
    made = [m for m in ("kompetanse.target.line", "kompetanse.role.line",
                        "kompetanse.need", "kompetanse.measure", "kompetanse.method")
            if state["module"].get(m)]  # fmt: skip
    check("the module's records made", len(made), 5)
    check(
        "HR's edits made",
        [state["translations"]["method_en"], state["translations"]["method_nb"]],
        ["LC Tasks, as HR calls them", "LC Oppgaver, slik HR sier det"],
    )
    # what the checks after the uninstall undo: the module's access and
    # privacy rules change what Odoo gives
    check("the module adds to Odoo's groups", odoo_access(env) != state["access"], True)
    check("a plain employee reads less with it", user_sees(env) != state["sees"], True)
    save(state)


def upgraded(env):
    state = load()
    check("every record of the module kept", module_data(env), state["module"])
    check("Odoo's HR records kept", odoo_data(env), state["odoo_filled"])
    check("the users' groups kept", user_groups(env), state["groups"])
    found = translations(env)
    check("HR's edits and the translations kept", found, state["translations"])
    check("the Norwegian terms loaded", found["menu_nb"], MENU_NB)
    rules = [env.ref(f"{MODULE}.{name}").domain_force for name in MIGRATED_RULES]
    check("the migration ran", rules, [RULE_AFTER] * len(MIGRATED_RULES))
    module = env["ir.module.module"].search([("name", "=", MODULE)])
    check("the version", module.latest_version, module.installed_version)


def fresh(env):
    """An environment of the registry Odoo loaded after an install or an
    uninstall (the old one knows the models that were)."""
    return odoo.api.Environment(env.cr, odoo.SUPERUSER_ID, {})


def install(env):
    env["ir.module.module"].search([("name", "=", MODULE)]).button_immediate_install()
    return fresh(env)


def uninstall(env):
    env["ir.module.module"].search([("name", "=", MODULE)]).button_immediate_uninstall()
    return fresh(env)


def uninstalled(env):
    state = load()
    module = env["ir.module.module"].search([("name", "=", MODULE)])
    check("the module", module.state, "uninstalled")
    check("Odoo's HR records as they were", odoo_data(env), state["odoo_filled"])
    check("Odoo's access as Odoo shipped it", odoo_access(env), state["access"])
    check(
        "Odoo's activities kept, the module's gone",
        env["mail.activity"].search([]).ids,
        [state["ids"]["todo"]],
    )
    check("a plain employee reads as before the module", user_sees(env), state["sees"])
    env.cr.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE "
        "'%%kompetanse%%' UNION SELECT table_name || '.' || column_name FROM "
        "information_schema.columns WHERE column_name LIKE '%%kompetanse%%' "
        "UNION SELECT conname FROM pg_constraint WHERE conname LIKE '%%kompetanse%%'"
    )
    check("no table, column or constraint of the module", env.cr.fetchall(), [])
    env.cr.execute("SELECT count(*) FROM ir_model_data WHERE module = %s", [MODULE])
    check("no record of the module", env.cr.fetchone()[0], 0)
    env.cr.execute(
        "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'kompetanse%%'"
    )
    check("no index of the module", env.cr.fetchall(), [])


def reinstalled(env):
    state = load()
    module = env["ir.module.module"].search([("name", "=", MODULE)])
    check("installed again", module.state, "installed")
    check("Odoo's HR records as they were", odoo_data(env), state["odoo_filled"])
    check(
        "the shipped methods back",
        bool(env.ref(f"{MODULE}.kompetanse_method_tasks", raise_if_not_found=False)),
        True,
    )
    check(
        "the Norwegian terms back",
        translations(env)["menu_nb"],
        MENU_NB,
    )


PHASES = {
    "baseline": baseline,
    "install": install,
    "fill": fill,
    "upgraded": upgraded,
    "uninstall": uninstall,
    "uninstalled": uninstalled,
    "reinstalled": reinstalled,
}
# the phases of this run, in turn, in one shell (the shell gives env)
current = env  # noqa: F821
for phase in PHASE.split(","):
    current = PHASES[phase](current) or current
    current.cr.commit()
