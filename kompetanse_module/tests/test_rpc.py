# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import xmlrpc.client
from unittest.mock import patch

from odoo.fields import Command
from odoo.service import model as service_model
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import KompetanseOrgCommon

# what a clear refusal is over RPC; anything else is a server error
CLEAR_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}
FAULT_WARNING, FAULT_ACCESS = 2, 4  # base/controllers/rpc.py


def password(user):
    # as new_test_user sets it
    return user.login + "x" * (8 - len(user.login))


@tagged("post_install", "-at_install")
class TestRpc(HttpCase, KompetanseOrgCommon):
    """The module tried as a hostile client would, over Odoo's JSON-RPC (the web
    client's call_kw, with a context) and XML-RPC, as each group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.role = cls._role(
            "Test RPC Role",
            [(cls.python, cls.senior, "essential")],
            employees=(cls.anna, cls.cora, cls.cecilie),
        )
        cls.target = cls._target([(cls.python, cls.senior, 2, False)])
        cls.target.action_approve()
        cls.empty_target = env["kompetanse.target"].create(
            {"name": "Test Empty", "date_start": "2090-01-01", "date_end": "2090-12-31"}
        )
        cls.role_main = cls._role(
            "Test RPC Main Role", [(cls.sql, cls.junior, "essential")], cls.dept_main
        )
        cls.draft_target = cls._target(
            [(cls.sql, cls.junior, 1, False)],
            name="Test RPC Draft",
            date_start="2092-01-01",
            date_end="2092-12-31",
        )
        cls.plan = env["kompetanse.plan"].create(
            {
                "name": "Test RPC Plan",
                "department_id": cls.dept_main.id,
                "date_start": "2047-01-01",
                "date_end": "2047-12-31",
            }
        )
        cls.approved_plan = cls.plan.copy({"name": "Test RPC Approved Plan"})
        cls.approved_plan.action_submit()
        cls.approved_plan.action_approve()
        cls.need = (
            env["kompetanse.need"]
            .with_user(cls.user_employee)
            .create({"name": "Test RPC Need", "department_id": cls.dept_main.id})
            .with_env(env)
        )
        cls.need.action_submit()
        cls.measure = env["kompetanse.measure"].create(
            {
                "name": "Test RPC Measure",
                "department_id": cls.dept_main.id,
                "employee_ids": [Command.set((cls.anna | cls.cecilie).ids)],
                "skill_ids": [Command.set(cls.python.ids)],
                "cost_per_participant": 100,
                "effect_assessment": "<p>Learnt</p>",
            }
        )
        cls.measure.action_start()
        cls.done_measure = cls.measure.copy({"name": "Test RPC Done"})
        cls.done_measure.action_start()
        cls.done_measure.action_done()
        cls.draft_measure = env["kompetanse.measure"].create(
            {"name": "Test RPC Draft Measure", "department_id": cls.dept_main.id}
        )
        cls.watched = {
            "kompetanse.target": cls.target | cls.empty_target | cls.draft_target,
            "kompetanse.target.line": (cls.target | cls.draft_target).line_ids,
            "kompetanse.role": cls.role | cls.role_main,
            "kompetanse.role.line": cls.role.line_ids,
            "kompetanse.plan": cls.plan | cls.approved_plan,
            "kompetanse.need": cls.need,
            "kompetanse.measure": cls.measure | cls.done_measure | cls.draft_measure,
            "kompetanse.measure.effect": cls.done_measure.effect_ids,
            "hr.department": cls.dept_main | cls.dept_sub | cls.dept_other,
            "hr.employee.skill": (cls.anna | cls.cora).employee_skill_ids,
        }

    # --- helpers ----------------------------------------------------------------

    def _snapshot(self):
        """Every stored value of the watched records, and how many records each
        model has: what 'nothing written' is compared with."""
        self.env.invalidate_all()
        snapshot = {}
        for model, records in self.watched.items():
            names = [
                name
                for name, field in records._fields.items()
                if field.store and name not in ("write_date", "__last_update")
            ]
            snapshot[model] = (
                records.sudo().read(names),
                self.env[model].sudo().with_context(active_test=False).search_count([]),
            )
        return snapshot

    def _call_json(self, user, model, method, args, kwargs=None):
        """call_kw as the web client sends it; the error's class name or None."""
        if getattr(self, "_json_user", None) != user:
            self.authenticate(user.login, password(user))
            self._json_user = user
        try:
            self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            )
        except JsonRpcException as error:
            return str(error)
        return None

    def _call_xml(self, user, model, method, args, kwargs=None):
        """execute_kw over XML-RPC: the fault, or the result."""
        try:
            return True, self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                password(user),
                model,
                method,
                args,
                kwargs or {},
            )
        except xmlrpc.client.Fault as fault:
            return False, fault

    # --- the bypasses -----------------------------------------------------------

    def test_bypasses_refused_over_jsonrpc(self):
        """Each bypass the attacker found is refused over the web client's
        JSON-RPC, as each group, with nothing written."""
        u = self
        bypasses = [
            # an employee accepts his own need, four ways
            (u.user_employee, "kompetanse.need", "write",
             [[u.need.id], {"state": "accepted"}],
             {"context": {"kompetanse_state_change": True}}),
            (u.user_employee, "kompetanse.need", "create",
             [{"name": "X", "department_id": u.dept_main.id, "state": "accepted"}], {}),
            (u.user_employee, "kompetanse.need", "create",
             [{"name": "X", "department_id": u.dept_main.id}],
             {"context": {"default_state": "accepted"}}),
            (u.user_employee, "kompetanse.need", "copy",
             [[u.need.id]], {"default": {"state": "accepted"}}),
            (u.user_employee, "kompetanse.need", "action_accept", [[u.need.id]], {}),
            (u.user_employee, "kompetanse.need", "write",
             [[u.need.id], {"name": "Renamed"}], {}),
            # a manager approves his own plan and changes an approved one
            (u.user_manager, "kompetanse.plan", "write",
             [[u.plan.id], {"state": "approved"}],
             {"context": {"kompetanse_state_change": True}}),
            (u.user_manager, "kompetanse.plan", "action_approve", [[u.plan.id]], {}),
            (u.user_manager, "kompetanse.plan", "copy",
             [[u.plan.id]], {"default": {"state": "approved"}}),
            (u.user_manager, "kompetanse.plan", "write",
             [[u.approved_plan.id], {"date_start": "2047-03-01"}], {}),
            # ... and moves his plan and measure into another unit
            (u.user_manager, "kompetanse.plan", "write",
             [[u.plan.id], {"department_id": u.dept_other.id}], {}),
            (u.user_manager, "kompetanse.measure", "write",
             [[u.measure.id], {"department_id": u.dept_other.id}], {}),
            (u.user_manager, "kompetanse.measure", "create",
             [{"name": "X", "department_id": u.dept_main.id, "state": "done"}], {}),
            (u.user_manager, "kompetanse.measure", "write",
             [[u.done_measure.id], {"cost_fixed": 5}], {}),
            (u.user_manager, "kompetanse.measure.effect", "write",
             [u.done_measure.effect_ids.ids, {"progress_after": 100}], {}),
            (u.user_manager, "hr.department", "write",
             [[u.dept_other.id], {"parent_id": u.dept_main.id}], {}),
            (u.user_manager, "hr.department", "write",
             [[u.dept_other.id], {"manager_id": u.boss.id}], {}),
            (u.user_manager, "hr.skill", "create",
             [{"name": "X", "skill_type_id": u.type_tech.id}], {}),
            # HR creates an approved target picture without the top leader
            (u.user_hr, "kompetanse.target", "create",
             [{"name": "X", "date_start": "2091-01-01", "date_end": "2091-12-31",
               "state": "approved"}], {}),
            (u.user_hr, "kompetanse.target", "create",
             [{"name": "X", "date_start": "2091-01-01", "date_end": "2091-12-31"}],
             {"context": {"default_state": "approved"}}),
            (u.user_hr, "kompetanse.target", "action_approve",
             [[u.empty_target.id]], {}),
            # the top leader turns an approved one back, and approves an empty one
            (u.user_top, "kompetanse.target", "write",
             [[u.target.id], {"state": "draft"}],
             {"context": {"kompetanse_state_change": True}}),
            (u.user_top, "kompetanse.target", "action_approve",
             [[u.empty_target.id]], {}),
            (u.user_top, "kompetanse.target", "copy",
             [[u.target.id]], {"default": {"state": "approved"}}),
            (u.user_top, "kompetanse.measure.effect", "create",
             [{"measure_id": u.done_measure.id, "employee_id": u.anna.id,
               "skill_id": u.sql.id}], {}),
            (u.user_top, "kompetanse.measure.effect", "unlink",
             [u.done_measure.effect_ids.ids], {}),
            (u.user_top, "kompetanse.target.line", "write",
             [u.target.line_ids.ids, {"baseline_count": 0}], {}),
            # numbers past PostgreSQL's integer range, as JSON sends them
            (u.user_top, "kompetanse.target.line", "write",
             [u.draft_target.line_ids.ids, {"needed_count": 2**40}], {}),
            (u.user_top, "kompetanse.target.line", "write",
             [u.draft_target.line_ids.ids, {"priority": -(2**63)}], {}),
            (u.user_manager, "kompetanse.measure", "write",
             [[u.draft_measure.id], {"department_id": 2**40}], {}),
            (u.user_manager, "kompetanse.measure", "write",
             [[u.draft_measure.id], {"cost_fixed": 10**400}], {}),
            # a NUL in a text, which PostgreSQL refuses
            (u.user_manager, "kompetanse.plan", "write",
             [[u.plan.id], {"name": "a\u0000b"}], {}),
            # a manager measures someone of another unit against his role
            (u.user_manager, "kompetanse.role", "write",
             [[u.role_main.id], {"employee_ids": [[4, u.cecilie.id]]}], {}),
            # and moves a need into another unit
            (u.user_employee, "kompetanse.need", "create",
             [{"name": "X", "department_id": u.dept_other.id}], {}),
        ]  # fmt: skip
        before = self._snapshot()
        for user, model, method, args, kwargs in bypasses:
            with self.subTest(user=user.login, model=model, method=method, args=args):
                error = self._call_json(user, model, method, args, kwargs)
                self.assertIn(error, CLEAR_ERRORS)
        self.assertEqual(self._snapshot(), before)

    def test_individual_competence_over_jsonrpc(self):
        """Over JSON-RPC nobody reads another person's competence outside the
        rules: a co-worker, another unit's manager and the top leader get no
        rows of Anna's skills, log, gaps or effects; her manager and HR do."""
        reads = [
            ("hr.employee.skill", "employee_id"),
            ("hr.employee.skill.log", "employee_id"),
            ("hr.employee.skill.report", "employee_id"),
            ("kompetanse.gap.report", "employee_id"),
            ("kompetanse.measure.effect", "employee_id"),
        ]
        for user, sees in (
            (self.user_coworker, False),
            (self.user_other_manager, False),
            (self.user_top, False),
            (self.user_employee, True),
            (self.user_manager, True),
            (self.user_hr, True),
        ):
            self.authenticate(user.login, password(user))
            for model, field in reads:
                with self.subTest(user=user.login, model=model):
                    rows = self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/{model}/search_read",
                        {
                            "model": model,
                            "method": "search_read",
                            "args": [[(field, "=", self.anna.id)], [field]],
                            "kwargs": {"context": {"active_test": False}},
                        },
                    )
                    self.assertEqual(bool(rows), sees)
            # the public profile shows her roles, not her skills or gaps
            profile = self.make_jsonrpc_request(
                "/web/dataset/call_kw/hr.employee.public/read",
                {
                    "model": "hr.employee.public",
                    "method": "read",
                    "args": [
                        [self.anna.id],
                        ["employee_skill_ids", "kompetanse_gap_ids"],
                    ],
                    "kwargs": {},
                },
            )[0]
            self.assertEqual(bool(profile["employee_skill_ids"]), sees, user.login)
            self.assertEqual(bool(profile["kompetanse_gap_ids"]), sees, user.login)

    def test_target_counts_of_small_units_hidden(self):
        """The top leader cannot probe one person's level through a target line
        of a unit too small to show: its counts read as hidden, over JSON-RPC;
        HR, who sees everyone, reads them."""
        lonely = self.env["hr.department"].create({"name": "Test Lonely Unit"})
        self.erik.department_id = lonely  # Erik: Python Junior
        values = {
            "name": "Test Probe",
            "date_start": "2093-01-01",
            "date_end": "2093-12-31",
            "line_ids": [
                Command.create(
                    {
                        "skill_id": self.python.id,
                        "level_id": self.junior.id,
                        "department_id": lonely.id,
                    }
                )
            ],
        }
        for user, hidden in ((self.user_top, True), (self.user_hr, False)):
            self.authenticate(user.login, password(user))
            target_id = self.make_jsonrpc_request(
                "/web/dataset/call_kw/kompetanse.target/create",
                {"model": "kompetanse.target", "method": "create", "args": [values],
                 "kwargs": {}},
            )  # fmt: skip
            lines = self.make_jsonrpc_request(
                "/web/dataset/call_kw/kompetanse.target.line/search_read",
                {
                    "model": "kompetanse.target.line",
                    "method": "search_read",
                    "args": [[("target_id", "=", target_id)]],
                    "kwargs": {
                        "fields": ["current_count", "counts_hidden", "coverage"]
                    },
                },
            )
            self.assertEqual([line["counts_hidden"] for line in lines], [hidden])
            counts = [line["current_count"] for line in lines]
            self.assertEqual(counts, [0] if hidden else [1], user.login)
            coverage = self.make_jsonrpc_request(
                "/web/dataset/call_kw/kompetanse.target/read",
                {"model": "kompetanse.target", "method": "read",
                 "args": [[target_id], ["coverage"]], "kwargs": {}},
            )[0]["coverage"]  # fmt: skip
            self.assertEqual(coverage, 0.0 if hidden else 100.0, user.login)

    def test_gap_report_over_xmlrpc(self):
        """An XML-RPC client reads the gap report and the fields that hold its
        rows: the ids fit in 32 bits."""
        ok, rows = self._call_xml(
            self.user_hr,
            "kompetanse.gap.report",
            "search_read",
            [[("employee_id", "in", (self.anna | self.cora).ids)]],
            {"fields": ["employee_id", "skill_id", "gap"]},
        )
        self.assertTrue(ok, rows)
        self.assertEqual(len(rows), 2)
        ok, employees = self._call_xml(
            self.user_manager,
            "hr.employee.public",
            "read",
            [[self.anna.id], ["kompetanse_gap_ids"]],
        )
        self.assertTrue(ok, employees)
        self.assertEqual(len(employees[0]["kompetanse_gap_ids"]), 1)
        ok, summary = self._call_xml(
            self.user_top,
            "kompetanse.gap.summary",
            "search_read",
            [[]],
            {"fields": ["people_count"]},
        )
        self.assertTrue(ok, summary)

    # --- bad input --------------------------------------------------------------

    def _bad_inputs(self):
        """(user, model, method, args, kwargs): at least a hundred calls that
        must each be refused clearly."""
        u = self
        dept = u.dept_main.id
        plan_values = {
            "name": "X",
            "department_id": dept,
            "date_start": "2047-01-01",
            "date_end": "2047-12-31",
        }
        calls = []

        def add(user, model, method, args, kwargs=None):
            calls.append((user, model, method, args, kwargs or {}))

        # wrong values in write, for each kind of field of each model
        bad_by_field = {
            ("kompetanse.measure", u.draft_measure.id, u.user_manager): {
                "name": ["", "   ", 5, ["x"], {"a": 1}, False],
                "cost_fixed": [math.nan, math.inf, -math.inf, "abc", 1e20, True],
                "cost_per_participant": [math.nan, "12", [1]],
                "date_start": ["2020-13-45", "tomorrow", 12345, True],
                "date_deadline": ["31.12.2047"],
                "method_id": ["abc", -1, 99999999, 1.5, [1], True],
                "department_id": ["abc", 0, float(2**40)],
                "employee_ids": [[(9, 0, 0)], "abc", [(4,)], [(6, 0, "x")],
                                 [(0, 0, "x")], [("a", 1)], 5, [(4, 99999999)],
                                 [(4, "x")]],
                "skill_ids": [[(6, 0, [99999999])], [(3, -1)]],
                "no_such_field": [1],
                "state": ["done", "running"],
                "cost_total": [1],
                "category": ["recruit"],
                "effect_ids": [[(5,)]],
                "need_ids": [[(4, u.need.id)]],
            },
            ("kompetanse.target.line", u.draft_target.line_ids.id, u.user_top): {
                "needed_count": [float(2**40), -float(2**40), "x", 1.5, math.nan],
            },
            ("kompetanse.need", u.need.id, u.user_hr): {
                "category": ["bogus", 5, False],
                "urgency": ["urgent"],
                "rejection_reason": [5],
                "requested_by_id": [u.user_hr.id],
                "measure_id": [u.measure.id],
            },
            ("kompetanse.plan", u.plan.id, u.user_manager): {
                "date_end": ["2046-01-01", "never"],
                "target_id": [99999999, "x"],
                "union_involved": ["yes", 7],
                "need_ids": [[(1, u.need.id, "x")]],
            },
            ("kompetanse.role", u.role.id, u.user_hr): {
                "name": [""],
                "line_ids": [[(0, 0, {"skill_id": u.python.id, "level_id": u.a2.id})],
                             [(0, 0, {"skill_id": u.python.id})]],
                "is_future": [True],
            },
        }  # fmt: skip
        for (model, record_id, user), fields_values in bad_by_field.items():
            for field, values in fields_values.items():
                for value in values:
                    add(user, model, "write", [[record_id], {field: value}])
        # wrong values in create
        for values in (
            {"name": "X", "department_id": dept, "cost_fixed": math.inf},
            {"name": "", "department_id": dept},
            {"name": "X", "department_id": dept, "date_start": "2030-02-01",
             "date_deadline": "2030-01-01"},
            {"name": "X", "department_id": u.dept_other.id},
            {"name": "X", "department_id": dept, "plan_id": u.plan.copy(
                {"department_id": u.dept_other.id}).id},
            "not a dict",
            [1, 2],
        ):  # fmt: skip
            add(u.user_manager, "kompetanse.measure", "create", [values])
        add(
            u.user_manager,
            "kompetanse.plan",
            "create",
            [{**plan_values, "date_end": "x"}],
        )
        add(
            u.user_manager, "kompetanse.plan", "create", [{**plan_values, "name": "  "}]
        )
        add(
            u.user_hr,
            "kompetanse.target.line",
            "create",
            [{"target_id": u.target.id, "skill_id": u.sami.id, "level_id": u.a2.id}],
        )
        add(
            u.user_hr,
            "kompetanse.role.line",
            "create",
            [{"role_id": u.role.id, "skill_id": u.sami.id, "level_id": u.senior.id}],
        )
        add(
            u.user_hr, "kompetanse.method", "create", [{"name": "X", "category": "buy"}]
        )
        add(
            u.user_hr,
            "kompetanse.need",
            "create",
            [
                {
                    "name": "X",
                    "department_id": dept,
                    "category": "recruit",
                    "method_id": u.env.ref(
                        "kompetanse_module.kompetanse_method_course"
                    ).id,
                }
            ],
        )
        # buttons with arguments, on missing records, in the wrong status
        add(u.user_employee, "kompetanse.need", "action_submit", [[u.need.id], True])
        add(
            u.user_employee,
            "kompetanse.need",
            "action_submit",
            [[u.need.id]],
            {"extra": 1},
        )
        add(u.user_manager, "kompetanse.measure", "action_start", [[99999999]])
        add(u.user_manager, "kompetanse.measure", "action_done", [[u.draft_measure.id]])
        add(u.user_manager, "kompetanse.measure", "action_done", [[u.done_measure.id]])
        add(
            u.user_manager,
            "kompetanse.plan",
            "action_propose_needs",
            [[u.approved_plan.id]],
        )
        add(u.user_hr, "kompetanse.need", "action_reject", [[u.need.id]])
        add(
            u.user_top,
            "kompetanse.target",
            "action_archive_target",
            [[u.empty_target.id]],
        )
        add(u.user_top, "kompetanse.target", "action_new_version", [[u.target.id], 1])
        add(u.user_hr, "kompetanse.method", "unlink", [[u.measure.method_id.id]])
        add(u.user_hr, "hr.skill", "unlink", [[u.python.id]])
        add(u.user_hr, "hr.skill.level", "unlink", [[u.senior.id]])
        add(u.user_hr, "hr.skill.type", "unlink", [[u.type_tech.id]])
        add(u.user_hr, "hr.department", "unlink", [[u.dept_main.id]])
        add(u.user_manager, "kompetanse.measure", "unlink", [[u.done_measure.id]])
        add(u.user_top, "kompetanse.target", "unlink", [[u.target.id]])
        # what the attackers found next: values that are no dictionary, ids 0,
        # fields of Odoo's models the module extends, values Odoo would empty
        for values in ("abc", [1, 2], 5, [[]]):
            add(u.user_top, "kompetanse.target.line", "create", [values])
            add(
                u.user_top,
                "kompetanse.target.line",
                "write",
                [u.draft_target.line_ids.ids, values],
            )
        add(u.user_manager, "kompetanse.plan", "create", [5])
        for model, method in (
            ("kompetanse.plan", "action_submit"),
            ("kompetanse.measure", "action_start"),
            ("kompetanse.target", "action_new_version"),
            ("kompetanse.need", "action_accept"),
        ):
            add(u.user_hr, model, method, [[0]])
        add(u.user_hr, "hr.employee", "write", [[u.anna.id], {"role_ids": "abc"}])
        add(
            u.user_hr,
            "hr.employee",
            "write",
            [[u.anna.id], {"role_ids": [(4, float(2**40))]}],
        )
        add(u.user_hr, "hr.job", "create", [{"name": "X", "role_ids": [(4, -3)]}])
        add(
            u.user_hr, "hr.department", "write", [[u.dept_sub.id], {"parent_id": "abc"}]
        )
        add(u.user_hr, "hr.department", "write", [[u.dept_sub.id], {"manager_id": [1]}])
        add(
            u.user_manager,
            "kompetanse.role",
            "write",
            [[u.role.id], {"employee_ids": [(4, u.cecilie.id)]}],
        )
        add(
            u.user_manager,
            "kompetanse.need",
            "create",
            [{"name": "X", "department_id": u.dept_other.id}],
        )
        # searches on the module's own search fields
        for operator, value in (("=", "yes"), ("in", 1), ("like", True), ("=", 0.5),
                                ("in", ["x"]), ("child_of", 1), ("in", [[1]]),
                                ("not in", [[1], {}]), ("=", [[1]])):  # fmt: skip
            add(
                u.user_manager,
                "hr.department",
                "search",
                [[("kompetanse_managed", operator, value)]],
            )
            add(
                u.user_manager,
                "hr.employee.public",
                "search",
                [[("kompetanse_individual_access", operator, value)]],
            )
        return calls

    def test_bad_inputs_over_xmlrpc(self):
        """At least a hundred bad calls over XML-RPC each get a clear error (a
        warning or an access error, never a server error) and leave the data
        as it was."""
        calls = self._bad_inputs()
        self.assertGreaterEqual(len(calls), 100)
        before = self._snapshot()
        for user, model, method, args, kwargs in calls:
            with self.subTest(user=user.login, model=model, method=method, args=args):
                ok, fault = self._call_xml(user, model, method, args, kwargs)
                self.assertFalse(ok, f"accepted: {fault}")
                self.assertIn(
                    fault.faultCode, (FAULT_WARNING, FAULT_ACCESS), fault.faultString
                )
                self.assertNotIn("Traceback", fault.faultString)
        self.assertEqual(self._snapshot(), before)

    # --- the read-only cursor (db_replica_host) -----------------------------------

    def test_reads_on_the_read_only_cursor(self):
        """What the module's screens read over the web client's JSON-RPC runs on
        Odoo's read-only cursor, which db_replica_host points to a replica:
        the gap pivot, the summary, the first screen's lines with their
        coverage and flags, the coverage banner, the roll-up and turnover; and
        nothing of it writes (a write there would be retried on the primary,
        with a warning)."""
        cursors = []
        Counts = type(self.env["kompetanse.target.line"])
        counts = Counts._kompetanse_counts

        def spy(records):
            cursors.append(("coverage", records.env.cr.readonly))
            return counts(records)

        reads = [
            (self.user_manager, "kompetanse.gap.report", "read_group",
             [[], ["gap:avg"], ["department_id", "skill_id"]], {"lazy": False}),
            (self.user_top, "kompetanse.gap.summary", "read_group",
             [[], ["people_count:sum"], ["department_id", "skill_id"]],
             {"lazy": False}),
            (self.user_manager, "kompetanse.target.line", "web_search_read", [],
             {"domain": [["target_id", "=", self.target.id]],
              "specification": {"current_count": {}, "coverage": {},
                                "is_vulnerable": {}, "is_critical": {}}}),
            (self.user_manager, "kompetanse.conversation.coverage",
             "kompetanse_my_coverage", [], {}),
            (self.user_hr, "kompetanse.rollup.report", "read_group",
             [[], ["cost:sum"], ["department_id", "target_line_id"]],
             {"lazy": False}),
            (self.user_hr, "kompetanse.turnover.rate", "read_group",
             [[], ["rate"], ["year"]], {"lazy": False}),
        ]  # fmt: skip
        requests = []
        retrying = service_model.retrying

        def each_request(func, env):
            requests.append(env.cr.readonly)
            return retrying(func, env)

        with (
            patch.object(Counts, "_kompetanse_counts", spy),
            patch.object(service_model, "retrying", each_request),
            self.assertNoLogs("odoo.http", "WARNING"),
        ):
            for user, model, method, args, kwargs in reads:
                with self.subTest(model=model, method=method):
                    self.assertIsNone(
                        self._call_json(user, model, method, args, kwargs)
                    )
                    self.assertIs(requests[-1], True)
            # a write goes to the primary
            self.assertIsNone(
                self._call_json(
                    self.user_manager,
                    "kompetanse.need",
                    "web_save",
                    [[], {"name": "Test Need Over RPC"}],
                    {"specification": {"name": {}}},
                )
            )
            self.assertIs(requests[-1], False)
        self.assertEqual(cursors, [("coverage", True)])
