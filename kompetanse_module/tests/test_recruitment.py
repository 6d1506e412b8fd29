# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, new_test_user, tagged

from .common import GROUP_HR, KompetanseOrgCommon

RECRUITER = "hr_recruitment.group_hr_recruitment_user"
INTERVIEWER = "hr_recruitment.group_hr_recruitment_interviewer"


class RecruitmentCommon(KompetanseOrgCommon):
    """A position in Test Main Unit filling a role that requires Norwegian at
    C2 (essential) and Python at Senior (desirable), with two applicants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.user_recruiter = new_test_user(
            env, login="komp_recruiter", groups=f"base.group_user,{RECRUITER}"
        )
        cls.user_interviewer = new_test_user(
            env, login="komp_interviewer", groups=f"base.group_user,{INTERVIEWER}"
        )
        cls.user_stranger = new_test_user(
            env, login="komp_stranger", groups=f"base.group_user,{INTERVIEWER}"
        )
        cls.user_hr_recruiter = new_test_user(
            env,
            login="komp_hr_recruiter",
            groups=f"base.group_user,{GROUP_HR},{RECRUITER},hr.group_hr_user",
        )
        cls.case_role = cls._role(
            "Test Case Officer",
            [
                (cls.norwegian, cls.c2, "essential"),
                (cls.python, cls.senior, "desirable"),
            ],
            cls.dept_main,
        )
        cls.job = env["hr.job"].create(
            {
                "name": "Test Case Officer Position",
                "department_id": cls.dept_main.id,
                "role_ids": [Command.set(cls.case_role.ids)],
                "interviewer_ids": [Command.set(cls.user_interviewer.ids)],
                "no_of_recruitment": 1,
            }
        )
        cls.ida, cls.jon = cls._applicants(cls.job, ["Test Ida", "Test Jon"])

    @classmethod
    def _applicants(cls, job, names):
        candidates = cls.env["hr.candidate"].create(
            [{"partner_name": name} for name in names]
        )
        return cls.env["hr.applicant"].create(
            [
                {"candidate_id": candidate.id, "job_id": job.id}
                for candidate in candidates
            ]
        )

    @classmethod
    def _candidate_skills(cls, applicant, pairs):
        cls.env["hr.candidate.skill"].create(
            [
                {
                    "candidate_id": applicant.candidate_id.id,
                    "skill_id": skill.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_level_id": level.id,
                }
                for skill, level in pairs
            ]
        )


@tagged("post_install", "-at_install")
class TestRecruitment(RecruitmentCommon):
    def test_job_skills_follow_roles(self):
        """G-NL-6: a position's expected skills are its roles' requirements,
        kept as they change; no second list to keep by hand."""
        self.assertEqual(self.job.skill_ids, self.norwegian | self.python)
        self.case_role.line_ids = [
            Command.create({"skill_id": self.sql.id, "level_id": self.junior.id})
        ]
        self.assertEqual(self.job.skill_ids, self.norwegian | self.python | self.sql)
        self.case_role.line_ids.filtered(
            lambda line: line.skill_id == self.sql
        ).unlink()
        self.assertEqual(self.job.skill_ids, self.norwegian | self.python)
        job = self.job.with_user(self.user_recruiter)
        with self.assertRaisesMessage(UserError, "follow the roles"):
            job.write({"skill_ids": [Command.set(self.sami.ids)]})
        self.assertEqual(self.job.skill_ids, self.norwegian | self.python)
        # a position without roles keeps its own list
        plain = self.env["hr.job"].create(
            {"name": "Test Plain", "skill_ids": [Command.set(self.sami.ids)]}
        )
        plain.with_user(self.user_recruiter).skill_ids = self.sql
        self.assertEqual(plain.skill_ids, self.sql)

    def test_job_requirement_takes_highest_level(self):
        """G-NL-6: two roles of a position: the higher level, essential when
        either says so."""
        self.job.role_ids |= self._role(
            "Test Second Role",
            [(self.python, self.junior, "essential")],
            self.dept_main,
        )
        requirements = self.job.kompetanse_requirement_ids
        python = requirements.filtered(lambda r: r.skill_id == self.python)
        self.assertEqual(python.level_id, self.senior)
        self.assertEqual(python.importance, "essential")
        self.assertEqual(len(requirements), 2)

    def test_level_aware_match_and_ranking(self):
        """G-NL-6: each applicant matched per required skill by level, scored
        by importance beside Odoo's own count, and ranked by it."""
        self._candidate_skills(
            self.ida, [(self.norwegian, self.c2), (self.python, self.junior)]
        )
        self._candidate_skills(self.jon, [(self.norwegian, self.b2)])
        matches = {
            (m.applicant_id, m.skill_id): m for m in self.ida.kompetanse_match_ids
        }
        self.assertEqual(matches[self.ida, self.norwegian].status, "met")
        below = matches[self.ida, self.python]
        self.assertEqual(
            (below.status, below.required_level_id, below.level_id, below.gap),
            ("below", self.senior, self.junior, 50),
        )
        jon_python = self.jon.kompetanse_match_ids.filtered(
            lambda m: m.skill_id == self.python
        )
        self.assertEqual((jon_python.status, jon_python.progress), ("missing", 0))
        # essential counts twice: Ida (2 x 1 + 30/80) / 3, Jon (2 x 0.6) / 3
        self.assertAlmostEqual(self.ida.kompetanse_match_score, 79.2, places=1)
        self.assertAlmostEqual(self.jon.kompetanse_match_score, 40.0, places=1)
        # the candidates, as Odoo's Matching Candidates opens them for a position
        candidates = (self.ida | self.jon).candidate_id
        self.assertEqual(
            candidates.with_context(active_id=self.job.id).mapped(
                "kompetanse_match_score"
            ),
            [79.2, 40.0],
        )
        self.assertEqual(candidates.mapped("kompetanse_match_score"), [0.0, 0.0])
        ranking = self.env["kompetanse.applicant.ranking"].search(
            [("job_id", "=", self.job.id)]
        )
        self.assertEqual(ranking.applicant_id, self.ida | self.jon)
        self.assertEqual(ranking[0].applicant_id, self.ida)
        self.assertEqual(ranking.mapped("skill_score"), [100.0, 50.0])
        self.assertEqual(ranking.mapped("met_count"), [1, 0])
        # one level more for Jon turns the order
        self.jon.candidate_skill_ids.skill_level_id = self.c2
        self._candidate_skills(self.jon, [(self.python, self.senior)])
        self.env.invalidate_all()
        ranking = self.env["kompetanse.applicant.ranking"].search(
            [("job_id", "=", self.job.id)]
        )
        self.assertEqual(ranking[0].applicant_id, self.jon)
        self.assertEqual(ranking[0].match_score, 100.0)

    def test_ranking_queries_do_not_grow(self):
        """The ranked list and the scores are read in a bounded number of
        queries, the same for 2 applicants as for 6."""
        Ranking = self.env["kompetanse.applicant.ranking"].with_user(
            self.user_recruiter
        )

        def read():
            self.env.invalidate_all()
            rows = Ranking.search_read([("job_id", "=", self.job.id)], ["match_score"])
            applicants = Ranking.env["hr.applicant"].browse([r["id"] for r in rows])
            applicants.mapped("kompetanse_match_score")
            return len(rows)

        read()
        with self.assertQueryCount(2):
            self.assertEqual(read(), 2)
        self._applicants(self.job, [f"Test More {n}" for n in range(4)])
        with self.assertQueryCount(2):
            self.assertEqual(read(), 6)

    def test_internal_candidates_first(self):
        """G-0-2, G-NL-6: before recruiting, the employees of other units who
        meet the requirements, or are within one level, are shown, each to who
        may see their competence."""
        # Erik (other unit) meets them, Bjørn (sub-unit) is one level below
        # in Norwegian, Cecilie lacks Python, Cora is of the unit itself
        self._give_skills([(self.erik, self.norwegian, self.c2)])
        self.env["hr.employee.skill"].search(
            [("employee_id", "=", self.erik.id), ("skill_id", "=", self.python.id)]
        ).skill_level_id = self.senior
        self._give_skills([(self.cora, self.norwegian, self.c2)])
        Match = self.env["kompetanse.internal.match"]
        rows = Match.with_user(self.user_hr).search([("job_id", "=", self.job.id)])
        found = {row.employee_id: row.status for row in rows}
        self.assertEqual(found, {self.erik: "meets", self.bjorn: "nearly"})
        self.assertEqual(self.job.with_user(self.user_hr).kompetanse_internal_count, 2)
        # the manager above them sees them; another unit's manager, the top
        # leader and a co-worker do not
        self.assertEqual(
            Match.with_user(self.user_manager)
            .search([("job_id", "=", self.job.id)])
            .employee_id,
            self.erik | self.bjorn,
        )
        # Erik's unit's manager sees him, not Bjørn
        self.assertEqual(
            Match.with_user(self.user_other_manager)
            .search([("job_id", "=", self.job.id)])
            .employee_id,
            self.erik,
        )
        for user in (self.user_top, self.user_coworker, self.user_employee):
            self.assertFalse(
                Match.with_user(user).search([("job_id", "=", self.job.id)]), user.login
            )
            self.assertEqual(self.job.with_user(user).kompetanse_internal_count, 0)
        # as many as the smallest group shown are an aggregate: their number,
        # not who they are
        self.company.kompetanse_min_group_size = 2
        self.env.invalidate_all()
        self.assertEqual(self.job.with_user(self.user_top).kompetanse_internal_count, 2)
        self.assertFalse(
            Match.with_user(self.user_top).search([("job_id", "=", self.job.id)])
        )
        # the action opens them for the job
        action = self.job.with_user(self.user_hr).action_kompetanse_internal()
        self.assertEqual(action["domain"], [("job_id", "=", self.job.id)])

    def test_need_to_recruit_opens_a_position(self):
        """G-HR-2: a need accepted to recruit opens a position serving the
        need and its target picture lines, or links the one HR chose."""
        target = self._target([(self.norwegian, self.c2, 2, False)])
        target.action_approve()
        Need = self.env["kompetanse.need"].with_user(self.user_manager)
        needs = Need.create(
            [
                {
                    "name": name,
                    "department_id": self.dept_main.id,
                    "category": "recruit",
                    "target_line_ids": [Command.set(target.line_ids.ids)],
                }
                for name in ("Test Jurist", "Test Second Jurist")
            ]
        )
        needs.action_submit()
        needs = needs.with_user(self.user_hr)
        needs.action_review()
        needs[0].action_accept()
        job = needs[0].job_id
        self.assertEqual(job.name, "Test Jurist")
        self.assertEqual(job.department_id, self.dept_main)
        self.assertEqual(job.no_of_recruitment, 1)
        self.assertEqual(job.kompetanse_target_line_ids, target.line_ids)
        self.assertEqual(job.kompetanse_need_ids, needs[0])
        # HR chooses the same position for the second: one more to recruit
        needs[1].job_id = job
        needs[1].action_accept()
        self.assertEqual(job.no_of_recruitment, 2)
        self.assertEqual(job.kompetanse_need_ids, needs)
        # the manager chooses no position, not even in a draft
        with self.assertRaisesMessage(AccessError, "HR chooses the position"):
            Need.create(
                {
                    "name": "Test Own Choice",
                    "department_id": self.dept_main.id,
                    "job_id": job.id,
                }
            )
        # nor in review
        other = Need.create({"name": "Test Third", "department_id": self.dept_main.id})
        other.action_submit()
        other.with_user(self.user_hr).action_review()
        with self.assertRaisesMessage(AccessError, "You may not change"):
            other.job_id = job

    def test_need_to_hire_in_opens_an_engagement(self):
        """G-HR-2: a need accepted to hire in opens an engagement filled from
        the need."""
        need = self.env["kompetanse.need"].create(
            {
                "name": "Test Architect",
                "department_id": self.dept_main.id,
                "category": "hire_in",
                "skill_ids": [Command.set(self.python.ids)],
            }
        )
        need.action_submit()
        need = need.with_user(self.user_hr)
        need.action_review()
        action = need.action_accept()
        self.assertEqual(action["res_model"], "kompetanse.engagement")
        partner = self.env["res.partner"].create({"name": "Test Consultancy"})
        form = Form(
            self.env["kompetanse.engagement"]
            .with_user(self.user_hr)
            .with_context(**action["context"])
        )
        form.partner_id = partner
        form.date_start = "2047-01-01"
        form.date_end = "2047-06-30"
        engagement = form.save()
        self.assertEqual(engagement.need_id, need)
        self.assertEqual(engagement.measure_id, need.measure_id)
        self.assertEqual(engagement.skill_ids, self.python)
        self.assertEqual(need.engagement_ids, engagement)
        self.assertEqual(need.measure_id.engagement_ids, engagement)


@tagged("post_install", "-at_install")
class TestInterview(RecruitmentCommon):
    def _template(self, user=None):
        role = self.case_role.with_user(user or self.user_recruiter)
        action = role.action_kompetanse_interview_template()
        return self.env["kompetanse.interview.template"].browse(action["res_id"])

    def test_template_from_role(self):
        """G-HR-3: a recruiter makes a role's interview template in one
        action: a question per requirement with an anchor per level."""
        template = self._template()
        self.assertEqual(template.role_id, self.case_role)
        questions = template.question_ids
        self.assertEqual(questions.skill_id, self.norwegian | self.python)
        norwegian = questions.filtered(lambda q: q.skill_id == self.norwegian)
        self.assertEqual(
            norwegian.anchor_ids.level_id.ids, (self.a2 | self.b2 | self.c2).ids
        )
        self.assertEqual(norwegian.required_level_id, self.c2)
        self.assertIn("Test Norwegian", norwegian.name)
        self.assertTrue(all(anchor.name for anchor in norwegian.anchor_ids))
        # run again after a new requirement: only the new question is added
        self.case_role.line_ids = [
            Command.create({"skill_id": self.sql.id, "level_id": self.junior.id})
        ]
        self.assertEqual(self._template(), template)
        self.assertEqual(len(template.question_ids), 3)
        self.assertEqual(len(norwegian.anchor_ids), 3)
        # one current template per role
        with self.assertRaisesMessage(ValidationError, "has an interview template"):
            self.env["kompetanse.interview.template"].create(
                {"name": "Test Twice", "role_id": self.case_role.id}
            )
        # an anchor at a level of another skill type
        with self.assertRaisesMessage(ValidationError, "belongs to Test Tech"):
            norwegian.anchor_ids[:1].level_id = self.senior

    def test_template_kept_current(self):
        """G-HR-3: a template is flagged for review when never reviewed, not
        reviewed in twelve months, or its role changed since; reviewing makes a
        new version."""
        template = self._template()
        Template = self.env["kompetanse.interview.template"]
        due = [("id", "=", template.id), ("review_due", "=", True)]
        self.assertTrue(template.review_due)
        self.assertEqual(template.review_reason, "Never reviewed")
        self.assertTrue(Template.search(due))
        template.with_user(self.user_recruiter).action_mark_reviewed()
        self.assertEqual(
            (template.version, template.last_reviewed, template.reviewer_id),
            (2, fields.Date.today(), self.user_recruiter),
        )
        self.assertFalse(template.review_due)
        self.assertFalse(Template.search(due))
        # a change of the role's requirements after the review, the same day
        self.case_role.line_ids.filtered(
            lambda line: line.skill_id == self.norwegian
        ).level_id = self.b2
        self.assertEqual(
            template.review_reason, "The role changed after the last review"
        )
        self.assertTrue(Template.search(due))
        template.with_user(self.user_recruiter).action_mark_reviewed()
        self.assertFalse(Template.search(due))
        # who holds the role is no change of its requirements
        self.case_role.employee_ids = self.anna
        self.assertFalse(template.review_due)
        # a requirement removed is
        self.case_role.line_ids.filtered(
            lambda line: line.skill_id == self.python
        ).unlink()
        self.assertTrue(template.review_due)
        template.with_user(self.user_recruiter).action_mark_reviewed()
        # and a year without a review
        template.sudo().last_reviewed = fields.Date.today() - timedelta(days=400)
        self.assertEqual(template.review_reason, "Not reviewed in a year")
        self.assertTrue(Template.search(due))
        # nobody sets the review by hand
        with self.assertRaisesMessage(UserError, "set by the module"):
            template.with_user(self.user_recruiter).write({"version": 9})

    def test_scores_become_skills_and_reach_the_employee(self):
        """G-HR-3: an interviewer scores each question; done, the levels are
        the applicant's assessed skills, and on hire the employee's, with the
        skill log."""
        template = self._template()
        self._candidate_skills(self.ida, [(self.norwegian, self.b2)])
        Interview = self.env["kompetanse.interview"].with_user(self.user_interviewer)
        interview = Interview.create({"applicant_id": self.ida.id})
        self.assertEqual(interview.template_id, template)
        self.assertEqual(interview.score_ids.question_id, template.question_ids)
        with self.assertRaisesMessage(UserError, "Score every question"):
            interview.action_done()
        scores = {score.skill_id: score for score in interview.score_ids}
        with self.assertRaisesMessage(ValidationError, "belongs to Test Tech"):
            scores[self.norwegian].level_id = self.senior
        scores[self.norwegian].level_id = self.c2
        scores[self.python].level_id = self.senior
        interview.action_done()
        self.assertEqual(interview.state, "done")
        held = {s.skill_id: s.skill_level_id for s in self.ida.candidate_skill_ids}
        self.assertEqual(held, {self.norwegian: self.c2, self.python: self.senior})
        self.assertIn("C2 (was B2)", self.ida.message_ids[0].body)
        self.assertEqual(self.ida.kompetanse_match_score, 100.0)
        # done is done: the scores stay, the status only by its action
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            scores[self.python].level_id = self.junior
        with self.assertRaisesMessage(AccessError, "You may not move"):
            interview.action_reset()
        # hired: Odoo copies the assessed skills to the employee, logged
        applicant = self.ida.with_user(self.user_hr_recruiter)
        applicant.stage_id = self.env["hr.recruitment.stage"].search(
            [("hired_stage", "=", True)], limit=1
        )
        action = applicant.create_employee_from_applicant()
        employee = self.env["hr.employee"].browse(action["res_id"])
        self.assertEqual(
            {s.skill_id: s.skill_level_id for s in employee.employee_skill_ids},
            held,
        )
        logs = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", employee.id)]
        )
        self.assertEqual(logs.skill_id, self.norwegian | self.python)

    def test_scored_templates_are_kept(self):
        """G-HR-3: a template, question or role applicants were scored with is
        archived, not deleted: the scores stay."""
        template = self._template()
        interview = (
            self.env["kompetanse.interview"]
            .with_user(self.user_interviewer)
            .create({"applicant_id": self.ida.id})
        )
        interview.score_ids.level_id = False
        for score in interview.score_ids:
            score.level_id = score.question_id.anchor_ids[-1:].level_id
        interview.action_done()
        recruiter = self.user_recruiter
        with self.assertRaisesMessage(UserError, "archive it instead"):
            template.with_user(recruiter).unlink()
        with self.assertRaisesMessage(UserError, "the question stays"):
            template.question_ids[:1].with_user(recruiter).unlink()
        with self.assertRaisesMessage(UserError, "archive the role"):
            self.case_role.unlink()
        self.assertEqual(len(interview.score_ids), 2)
        # a question not scored yet goes, with its empty scores
        draft = (
            self.env["kompetanse.interview"]
            .with_user(self.user_recruiter)
            .create({"applicant_id": self.jon.id})
        )
        self.assertEqual(len(draft.score_ids), 2)
        template.with_user(recruiter).action_mark_reviewed()
        template.with_user(recruiter).action_archive()
        self.assertFalse(template.active)

    def test_scores_stay_whose_they_are(self):
        """G-HR-3: an interview is not handed to another interviewer, nor given
        to someone who does not interview; a done interview takes no new
        scores; a position without a template says so; a template keeps its
        role."""
        template = self._template()
        Interview = self.env["kompetanse.interview"]
        interview = Interview.with_user(self.user_interviewer).create(
            {"applicant_id": self.ida.id}
        )
        self.job.interviewer_ids |= self.user_stranger
        with self.assertRaises(AccessError):
            interview.with_user(
                self.user_interviewer
            ).interviewer_id = self.user_stranger
        with self.assertRaisesMessage(ValidationError, "does not interview"):
            Interview.with_user(self.user_recruiter).create(
                {"applicant_id": self.jon.id, "interviewer_id": self.user_employee.id}
            )
        for score in interview.score_ids:
            score.level_id = score.question_id.anchor_ids[-1:].level_id
        question = interview.score_ids[:1].question_id
        interview.score_ids[:1].unlink()
        interview.with_user(self.user_interviewer).action_done()
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            self.env["kompetanse.interview.score"].with_user(
                self.user_recruiter
            ).create({"interview_id": interview.id, "question_id": question.id})
        # who may not write it hears no more than that
        theirs = Interview.with_user(self.user_recruiter).create(
            {"applicant_id": self.jon.id}
        )
        with self.assertRaises(AccessError):
            self.env["kompetanse.interview.score"].with_user(
                self.user_interviewer
            ).create({"interview_id": theirs.id, "question_id": question.id})
        # a position filling no role with a template
        plain = self.env["hr.job"].create({"name": "Test No Template"})
        (applicant,) = self._applicants(plain, ["Test Nobody"])
        with self.assertRaisesMessage(ValidationError, "fills no role with an"):
            Interview.with_user(self.user_recruiter).create(
                {"applicant_id": applicant.id}
            )
        with self.assertRaisesMessage(UserError, "stays as the record was made"):
            template.with_user(self.user_recruiter).role_id = self._role(
                "Test Other Role", [], self.dept_main
            )

    def test_hr_scores_and_applies(self):
        """G-HR-3: HR without Odoo's recruitment rights scores an applicant
        and the levels reach the applicant."""
        self._template()
        interview = (
            self.env["kompetanse.interview"]
            .with_user(self.user_hr)
            .create({"applicant_id": self.ida.id})
        )
        for score in interview.score_ids:
            score.level_id = score.question_id.required_level_id
        interview.action_done()
        self.assertEqual(
            self.ida.candidate_skill_ids.skill_level_id, self.c2 | self.senior
        )

    def test_catalogue_and_units_in_use_are_kept(self):
        """A skill asked about, a level given in a score, a unit with hiring-in
        are not deleted from under them: the user is told why."""
        template = self._template()
        interview = (
            self.env["kompetanse.interview"]
            .with_user(self.user_recruiter)
            .create({"applicant_id": self.ida.id})
        )
        interview.score_ids.filtered(
            lambda score: score.skill_id == self.norwegian
        ).level_id = self.a2
        self.case_role.line_ids.filtered(
            lambda line: line.skill_id == self.sami
        ).unlink()
        self.env["kompetanse.interview.question"].create(
            {"template_id": template.id, "skill_id": self.sami.id, "name": "Test"}
        )
        with self.assertRaisesMessage(UserError, "is used by"):
            self.sami.unlink()
        with self.assertRaisesMessage(UserError, "is used by"):
            self.a2.unlink()
        self.env["kompetanse.engagement"].create(
            {
                "name": "Test Unit Engagement",
                "partner_id": self.env["res.partner"].create({"name": "Test S"}).id,
                "department_id": self.dept_other.id,
                "date_start": "2047-01-01",
                "date_end": "2047-02-01",
            }
        )
        with self.assertRaisesMessage(UserError, "archive the department"):
            self.dept_other.unlink()

    def test_score_interview_needs_a_template(self):
        """G-HR-3: Score Interview on a position without a template says what
        to do first."""
        with self.assertRaisesMessage(UserError, "fills no role with an"):
            self.ida.with_user(self.user_recruiter).action_kompetanse_interview()
        self._template()
        action = self.ida.with_user(self.user_recruiter).action_kompetanse_interview()
        self.assertEqual(action["context"], {"default_applicant_id": self.ida.id})

    def test_scores_are_private(self):
        """G-HR-3: interview scores are seen by HR, the recruiters, the
        interviewers and the hiring manager; an interviewer scores only their
        own applicants; nobody else reads them."""
        self._template()
        interview = (
            self.env["kompetanse.interview"]
            .with_user(self.user_interviewer)
            .create({"applicant_id": self.ida.id})
        )
        self.assertEqual(self.job.manager_id, self.boss)
        for user in (
            self.user_recruiter,
            self.user_hr,
            self.user_manager,
            self.user_interviewer,
        ):
            interview.with_user(user).read(["note"])
            interview.score_ids.with_user(user).read(["level_id"])
        for user in (
            self.user_stranger,
            self.user_employee,
            self.user_other_manager,
            self.user_top,
            self.user_coworker,
        ):
            with self.assertRaises(AccessError, msg=user.login):
                interview.with_user(user).read(["note"])
            with self.assertRaises(AccessError, msg=user.login):
                interview.score_ids.with_user(user).read(["level_id"])
        # the hiring manager reads, does not score
        with self.assertRaises(AccessError):
            interview.with_user(self.user_manager).note = "Test"
        # an interviewer scores only as themselves, and only their applicants
        Interview = self.env["kompetanse.interview"]
        with self.assertRaises(AccessError):
            Interview.with_user(self.user_stranger).create(
                {"applicant_id": self.jon.id}
            )
        with self.assertRaisesMessage(ValidationError, "does not interview"):
            Interview.with_user(self.user_interviewer).create(
                {"applicant_id": self.jon.id, "interviewer_id": self.user_stranger.id}
            )
        theirs = Interview.with_user(self.user_recruiter).create(
            {"applicant_id": self.jon.id}
        )
        self.assertIn(theirs, Interview.with_user(self.user_interviewer).search([]))
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_interviewer).note = "Test"
        # the status only through its action
        with self.assertRaisesMessage(UserError, "set by the module"):
            interview.with_user(self.user_interviewer).write({"state": "done"})
        with self.assertRaisesMessage(UserError, "set by the module"):
            Interview.with_user(self.user_recruiter).with_context(
                default_state="done"
            ).create({"applicant_id": self.jon.id, "interviewer_id": self.user_hr.id})


@tagged("post_install", "-at_install")
class TestEngagement(RecruitmentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env["res.partner"].create({"name": "Test Consultancy"})

    def _engagement(self, user=None, **values):
        return (
            self.env["kompetanse.engagement"]
            .with_user(user or self.user_hr)
            .create(
                {
                    "name": "Test Data Platform",
                    "partner_id": self.supplier.id,
                    "department_id": self.dept_main.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-06-30",
                    "rate": 1500,
                    "hours": 100,
                    **values,
                }
            )
        )

    def test_cost_and_transfer_assessed_at_the_end(self):
        """G-HR-2: an engagement's cost, and its knowledge transfer assessed
        before it ends; ended, it stays as it was."""
        engagement = self._engagement(
            transfer_ids=[
                Command.create(
                    {
                        "employee_id": self.anna.id,
                        "name": "Test Runbook",
                        "date_deadline": "2047-06-01",
                    }
                )
            ]
        )
        self.assertEqual(engagement.cost, 150000)
        engagement.write({"cost_type": "fixed", "amount_fixed": 90000})
        self.assertEqual(engagement.cost, 90000)
        engagement.action_start()
        with self.assertRaisesMessage(UserError, "Assess the knowledge transfer"):
            engagement.action_end()
        engagement.transfer_result = "partly"
        with self.assertRaisesMessage(UserError, "was not done"):
            engagement.action_end()
        engagement.transfer_note = "Test: the runbook, not the on-call."
        engagement.action_end()
        self.assertEqual(engagement.state, "ended")
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            engagement.name = "Test Renamed"
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            engagement.transfer_ids.name = "Test Other"
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            engagement.write(
                {
                    "transfer_ids": [
                        Command.create({"employee_id": self.anna.id, "name": "X"})
                    ]
                }
            )
        # the assessment may still be corrected by HR, not undone
        engagement.transfer_note = "Test: corrected."
        with self.assertRaisesMessage(ValidationError, "Assess the knowledge"):
            engagement.transfer_result = False
        with self.assertRaisesMessage(ValidationError, "was not done"):
            engagement.transfer_note = " "
        self.assertEqual(engagement.transfer_result, "partly")

    def test_clear_errors(self):
        """G-HR-2: bad dates, negative costs and a status set by hand are
        refused in words; nothing is saved."""
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self._engagement(date_end="2046-01-01")
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            self._engagement(hours=-5)
        with self.assertRaisesMessage(ValidationError, "is due before"):
            self._engagement(
                transfer_ids=[
                    Command.create(
                        {
                            "employee_id": self.anna.id,
                            "name": "Test Early",
                            "date_deadline": "2046-12-01",
                        }
                    )
                ]
            )
        with self.assertRaisesMessage(UserError, "set by the module"):
            self._engagement(state="ended")
        with self.assertRaisesMessage(UserError, "set by the module"):
            self.env["kompetanse.engagement"].with_user(self.user_hr).with_context(
                default_state="running"
            ).create(
                {
                    "name": "Test",
                    "partner_id": self.supplier.id,
                    "department_id": self.dept_main.id,
                    "date_start": "2047-01-01",
                    "date_end": "2047-02-01",
                }
            )
        engagement = self._engagement()
        with self.assertRaisesMessage(UserError, "set by the module"):
            engagement.copy(default={"state": "ended"})
        with self.assertRaisesMessage(UserError, "set by the module"):
            engagement.write({"state": "ended"})
        with self.assertRaisesMessage(UserError, "cannot go from"):
            engagement.action_end()
        self.assertEqual(
            self.env["kompetanse.engagement"].search_count(
                [("name", "=", "Test Data Platform")]
            ),
            1,
        )

    def test_past_end_without_assessment_warns(self):
        """G-HR-2: an engagement running past its end unassessed is flagged."""
        today = fields.Date.today()
        late = self._engagement(
            date_start=today - timedelta(days=60), date_end=today - timedelta(days=1)
        )
        current = self._engagement(
            date_start=today - timedelta(days=60), date_end=today + timedelta(days=1)
        )
        self.assertTrue(late.is_overdue)
        self.assertFalse(current.is_overdue)
        Engagement = self.env["kompetanse.engagement"]
        mine = [("partner_id", "=", self.supplier.id)]
        self.assertEqual(Engagement.search([*mine, ("is_overdue", "=", True)]), late)
        self.assertEqual(
            Engagement.search([*mine, ("is_overdue", "=", False)]), current
        )
        late.action_start()
        late.transfer_result = "done"
        late.action_end()
        self.assertFalse(Engagement.search([*mine, ("is_overdue", "=", True)]))

    def test_who_keeps_engagements(self):
        """G-HR-2: HR keeps hiring-in; a manager reads their units', the top
        leader all; nobody else."""
        mine = self._engagement()
        other = self._engagement(department_id=self.dept_other.id)
        Engagement = self.env["kompetanse.engagement"]
        ours = [("partner_id", "=", self.supplier.id)]
        self.assertEqual(Engagement.with_user(self.user_manager).search(ours), mine)
        self.assertEqual(
            Engagement.with_user(self.user_other_manager).search(ours), other
        )
        self.assertEqual(Engagement.with_user(self.user_top).search(ours), mine | other)
        self.assertFalse(Engagement.with_user(self.user_employee).has_access("read"))
        with self.assertRaises(AccessError):
            mine.with_user(self.user_manager).name = "Test"
        with self.assertRaises(AccessError):
            self._engagement(user=self.user_manager)
        with self.assertRaises(AccessError):
            mine.with_user(self.user_top).action_start()

    def test_develop_recruit_hire_in_side_by_side(self):
        """G-HR-2: recruitment, hiring-in and development by target picture
        line, with counts and costs; a cost over two lines split between
        them."""
        target = self._target(
            [
                (self.norwegian, self.c2, 2, False),
                (self.python, self.senior, 1, False),
            ]
        )
        target.action_approve()
        line_no, line_py = target.line_ids.sorted(lambda line: line.skill_id.name)
        method = self.env["kompetanse.method"].search(
            [("category", "=", "develop")], limit=1
        )
        self.env["kompetanse.measure"].create(
            {
                "name": "Test Course",
                "method_id": method.id,
                "department_id": self.dept_main.id,
                "cost_fixed": 1000,
                "target_line_ids": [Command.set(line_no.ids)],
            }
        )
        self.job.kompetanse_target_line_ids = line_no
        self._engagement(
            cost_type="fixed",
            amount_fixed=2000,
            target_line_ids=[Command.set((line_no | line_py).ids)],
        )
        Report = self.env["kompetanse.acquisition.report"].with_user(self.user_top)
        rows = Report._read_group(
            [("target_id", "=", target.id)],
            ["target_line_id", "kind"],
            ["record_count:sum", "cost:sum", "position_count:sum"],
        )
        found = {
            (line, kind): (count, cost, positions)
            for line, kind, count, cost, positions in rows
        }
        self.assertEqual(
            found,
            {
                (line_no, "develop"): (1, 1000, 0),
                (line_no, "recruit"): (1, 0, 1),
                (line_no, "hire_in"): (0.5, 1000, 0),
                (line_py, "hire_in"): (0.5, 1000, 0),
            },
        )
        # a position serving no line shows by its skills
        by_skill = Report.search([("job_id", "=", self.job.id)])
        self.assertEqual(by_skill.target_line_id, line_no)
        self.job.kompetanse_target_line_ids = False
        self.env.invalidate_all()
        by_skill = Report.search([("job_id", "=", self.job.id)])
        self.assertEqual(by_skill.skill_id, self.norwegian | self.python)
        self.assertFalse(by_skill.target_line_id)
        # HR and the top leader; not the managers
        Report.with_user(self.user_hr).search([])
        with self.assertRaises(AccessError):
            Report.with_user(self.user_manager).search([])
