# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import BrowserStartRetry


@tagged("post_install", "-at_install")
class TestRoleTours(BrowserStartRetry, HttpCase):
    """The demo's users, one per role, log in (password = login) and walk
    their main screens and one flow in the browser: what the README promises a
    new user. The demo data is what these tours are about."""

    def _demo(self, name):
        return self.env.ref(f"kompetanse_module.{name}")

    def test_top_leader_tour(self):
        """G-TL-1: the top leader follows today's target picture, reads the gap
        summary and owns the approved version; no configuration."""
        target = self._demo("target_2026_demo")
        self.start_tour("/odoo", "kompetanse_top_tour", login="kari")
        self.assertEqual(target.state, "approved")

    def test_hr_tour(self):
        """G-NL-7: HR finds the submitted need in the pipeline and accepts it
        into a measure; HR makes new versions but does not approve."""
        need = self._demo("need_klarsprak_demo")
        self.assertEqual(need.state, "submitted")
        self.start_tour("/odoo", "kompetanse_hr_tour", login="hanne")
        self.assertEqual(need.state, "accepted")
        self.assertTrue(need.measure_id)
        self.assertFalse(need.activity_ids)

    def test_manager_tour(self):
        """G-NL-2: the manager sees her unit's needs only and proposes needs
        from the gaps of her plan."""
        plan = self._demo("plan_saksbehandling_demo")
        before = len(plan.need_ids)
        self.start_tour("/odoo", "kompetanse_manager_tour", login="sofie")
        self.assertGreater(len(plan.need_ids), before)
        self.assertEqual(
            set(plan.need_ids.mapped("department_id.name"))
            - {
                "Saksbehandling",
                "Klageenheten",
            },
            set(),
        )

    def test_employee_tour(self):
        """G-NL-7: the employee reads his own gaps and proposes a need for his
        unit to HR; plans and configuration are not his."""
        self.start_tour("/odoo", "kompetanse_employee_tour", login="lars")
        need = self.env["kompetanse.need"].search([("name", "=", "Kurs i klarspråk")])
        self.assertEqual(need.state, "submitted")
        self.assertEqual(need.requested_by_id.login, "lars")
        self.assertEqual(
            need.department_id, self._demo("department_saksbehandling_demo")
        )

    def test_conversation_tour(self):
        """G-NL-5, G-NL-3: the manager sees her people's conversations on her
        first screen and a due one among her activities, holds yesterday's
        conversation and turns what was agreed into plan goals and
        activities."""
        conversation = self._demo("conversation_lars_autumn_demo")
        plan = self._demo("development_lars_demo")
        jonas = self._demo("employee_jonas_demo")
        due = self.env["kompetanse.conversation"].search(
            [("employee_id", "=", jonas.id), ("is_due", "=", True)]
        )
        self.assertEqual(due.activity_ids.user_id.login, "sofie")
        self.start_tour("/odoo", "kompetanse_conversation_tour", login="sofie")
        self.assertEqual(conversation.state, "held")
        self.assertEqual(conversation.development_id, plan)
        self.assertIn(self._demo("skill_tjenestedesign_demo"), plan.goal_ids.skill_id)
        self.assertTrue(all(conversation.action_ids.mapped("in_plan")))

    def test_employee_plan_tour(self):
        """G-NL-5: the employee reads his plan and comments on it."""
        plan = self._demo("development_lars_demo")
        self.start_tour("/odoo", "kompetanse_employee_plan_tour", login="lars")
        self.assertIn(
            "arbeidsgruppen i januar", "".join(plan.message_ids.mapped("body"))
        )

    def test_cycle_tour(self):
        """G-HR-1: HR opens this year's årshjul: its months with the events
        beside the deadlines of plans and measures, and a reminder waiting."""
        survey = self._demo("cycle_user_demo")
        self.assertEqual(survey.activity_ids.user_id.login, "hanne")
        self.start_tour("/odoo", "kompetanse_cycle_tour", login="hanne")

    def test_appraisal_tour(self):
        """G-NL-5, G-NL-3: the manager completes an appraisal in Appraisals:
        its assessment becomes the employee's level in place, the skills
        evolution shows it, and the plan has the goal from it."""
        eva = self._demo("employee_eva_demo")
        klarsprak = self._demo("skill_klarsprak_demo")
        before = eva.employee_skill_ids
        self.start_tour("/odoo", "kompetanse_appraisal_tour", login="sofie")
        appraisal = self._demo("appraisal_eva_demo")
        self.assertEqual(appraisal.state, "3_done")
        skill = eva.employee_skill_ids.filtered(lambda s: s.skill_id == klarsprak)
        self.assertEqual(skill.skill_level_id, self._demo("skill_level_fag_god_demo"))
        self.assertEqual(eva.employee_skill_ids & before, before)
        plans = self.env["kompetanse.development"].search(
            [("employee_id", "=", eva.id)]
        )
        self.assertIn(klarsprak, plans.goal_ids.skill_id)

    def test_recruiter_tour(self):
        """G-HR-3, G-NL-6: HR as recruiter makes a role's interview template,
        scores an applicant, sees the applicants ranked by the level-aware
        match and hires one; the employee's skills are her interview's
        levels."""
        tone = self._demo("applicant_tone_demo")
        maja = self._demo("applicant_maja_demo")
        self.start_tour("/odoo", "kompetanse_recruiter_tour", login="hanne")
        role = self._demo("role_klagebehandler_demo")
        template = self.env["kompetanse.interview.template"].search(
            [("role_id", "=", role.id)]
        )
        self.assertEqual(template.question_ids.skill_id, role.line_ids.skill_id)
        self.assertEqual(template.version, 2)
        self.assertEqual(
            {
                s.skill_id.name: s.skill_level_id.name
                for s in maja.candidate_id.candidate_skill_ids
            },
            {
                "Forvaltningsrett": "Svært god",
                "Klarspråk": "Svært god",
                "Dataanalyse": "Grunnleggende",
            },
        )
        employee = tone.employee_id
        self.assertTrue(employee)
        self.assertEqual(
            {s.skill_id: s.skill_level_id for s in employee.employee_skill_ids},
            {
                s.skill_id: s.level_id
                for s in self._demo("interview_tone_demo").score_ids
            },
        )

    def test_departure_tour(self):
        """G-HR-4: HR registers a departure, is told which vulnerable and
        critical competence leaves, and finds the target picture line whose
        coverage fell; the arena's session is in its participants' plans
        (G-HR-6)."""
        ola = self._demo("employee_ola_demo")
        self.start_tour("/odoo/employees", "kompetanse_departure_tour", login="hanne")
        self.assertFalse(ola.active)
        lost = self.env["kompetanse.turnover.skill"].search(
            [("employee_id", "=", ola.id)]
        )
        self.assertIn(self._demo("target_line_infosikkerhet_demo"), lost.target_line_id)
        session = self._demo("arena_session_brev_demo")
        activities = self.env["kompetanse.development.activity"].search(
            [("arena_session_id", "=", session.id)]
        )
        self.assertIn(self._demo("employee_lars_demo"), activities.employee_id)

    def test_critical_tour(self):
        """G-TL-1, G-HR-4: the top leader's first screen shows the critical
        competence; the turnover rates are hers to follow."""
        self.start_tour("/odoo", "kompetanse_critical_tour", login="kari")
