# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .kompetanse_record_mixin import boolean_search, kompetanse_button, notification
from .kompetanse_skill_requirement import level_type_error

GROUP_RECRUITER = "hr_recruitment.group_hr_recruitment_user"
GROUP_HR = "kompetanse_module.kompetanse_group_hr"
REVIEW_MONTHS = 12


class KompetanseInterviewTemplate(models.Model):
    """A competence-based interview guide for a role: a question per required
    skill, with what an answer at each level sounds like. Used for recruiting
    and hiring in alike, and kept current (G-HR-3): reviewed at least once a
    year and after every change of its role's requirements."""

    _name = "kompetanse.interview.template"
    _description = "Interview Template"
    _inherit = ["kompetanse.record.mixin", "mail.thread"]
    _order = "name, id"
    _kompetanse_scope_fields = ("role_id",)
    _kompetanse_owner_field = "role_id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    role_id = fields.Many2one(
        "kompetanse.role", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="role_id.company_id", store=True)
    department_id = fields.Many2one(related="role_id.department_id", store=True)
    introduction = fields.Html(
        help="How the interview opens: the position, the unit, how it goes."
    )
    question_ids = fields.One2many(
        "kompetanse.interview.question", "template_id", string="Questions", copy=True
    )
    question_count = fields.Integer(compute="_compute_question_count")
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    last_reviewed = fields.Date(readonly=True, copy=False, tracking=True)
    # the role's count of requirement changes the review saw
    reviewed_version = fields.Integer(readonly=True, copy=False)
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewed By", readonly=True, copy=False
    )
    review_due = fields.Boolean(
        string="To Review",
        compute="_compute_review_due",
        search="_search_review_due",
        help="Never reviewed, not reviewed in a year, or its role's "
        "requirements changed after the last review.",
    )
    review_reason = fields.Char(compute="_compute_review_due")

    @api.depends("question_ids")
    def _compute_question_count(self):
        for template in self:
            template.question_count = len(template.question_ids)

    def _kompetanse_changed_roles(self):
        """The templates whose role's requirements changed after their last
        review: one query."""
        if not self.ids:
            return set()
        self.env["kompetanse.role"].flush_model(["requirements_version"])
        self.flush_model(["reviewed_version", "last_reviewed", "role_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT template.id
                  FROM kompetanse_interview_template template
                  JOIN kompetanse_role role ON role.id = template.role_id
                 WHERE template.id IN %s
                   AND role.requirements_version > template.reviewed_version
                """,
                tuple(self.ids),
            )
        )
        return {row[0] for row in rows}

    @api.depends_context("tz")
    @api.depends("last_reviewed", "reviewed_version", "role_id.requirements_version")
    def _compute_review_due(self):
        limit = fields.Date.context_today(self) - relativedelta(months=REVIEW_MONTHS)
        for template in self:
            changed = template.role_id.requirements_version > template.reviewed_version
            if not template.last_reviewed:
                reason = self.env._("Never reviewed")
            elif template.last_reviewed < limit:
                reason = self.env._("Not reviewed in a year")
            elif changed:
                reason = self.env._("The role changed after the last review")
            else:
                reason = False
            template.review_due = bool(reason)
            template.review_reason = reason

    def _search_review_due(self, operator, value):
        limit = fields.Date.context_today(self) - relativedelta(months=REVIEW_MONTHS)
        templates = self.with_context(active_test=False).search(
            [("last_reviewed", ">=", limit)]
        )
        changed = templates._kompetanse_changed_roles()
        domain = [
            "|",
            "|",
            ("last_reviewed", "=", False),
            ("last_reviewed", "<", limit),
            ("id", "in", list(changed)),
        ]
        return boolean_search(
            self.env, self.env._("To Review"), operator, value, domain
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_unused(self):
        used = (
            self.env["kompetanse.interview"]
            .sudo()
            .search_count([("template_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "Applicants were scored with this template: archive it "
                    "instead of deleting it."
                )
            )

    @api.constrains("role_id", "active")
    def _check_one_per_role(self):
        counts = dict(
            self.sudo()
            .with_context(active_test=True)
            ._read_group(
                [("role_id", "in", self.role_id.ids)], ["role_id"], ["__count"]
            )
        )
        for role, count in counts.items():
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "The role %(role)s has an interview template already; keep "
                        "one current template per role.",
                        role=role.name,
                    )
                )

    def _kompetanse_add_questions(self):
        """A question, with an anchor per level of its type, for each of the
        role's requirements the template does not ask about yet."""
        Question = self.env["kompetanse.interview.question"]
        values = []
        for template in self:
            asked = template.question_ids.skill_id
            sequence = max(template.question_ids.mapped("sequence") or [0])
            for line in template.role_id.line_ids:
                if line.skill_id in asked:
                    continue
                sequence += 10
                values.append(Question._kompetanse_prepare(template, line, sequence))
        return Question.create(values)

    @kompetanse_button
    def action_update_questions(self):
        added = self._kompetanse_add_questions()
        return self._kompetanse_notify_added(added)

    def _kompetanse_notify_added(self, added):
        if added:
            message = self.env._(
                "%(count)s questions added for requirements the template did not "
                "ask about yet.",
                count=len(added),
            )
        else:
            message = self.env._(
                "The template asks about every requirement of its role."
            )
        return notification(self.env._("Interview Template"), message, bool(added))

    @kompetanse_button
    def action_mark_reviewed(self):
        """The template was read through and is current: a new version."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        for template in self:
            template.sudo().write(
                {
                    "version": template.version + 1,
                    "last_reviewed": today,
                    "reviewed_version": template.role_id.requirements_version,
                    "reviewer_id": self.env.uid,
                }
            )
        return True


class KompetanseInterviewQuestion(models.Model):
    """A question about one skill, with its level anchors."""

    _name = "kompetanse.interview.question"
    _description = "Interview Question"
    _inherit = ["kompetanse.record.mixin"]
    _order = "template_id, sequence, id"
    _kompetanse_scope_fields = ("template_id",)
    _kompetanse_owner_field = "template_id"

    template_id = fields.Many2one(
        "kompetanse.interview.template",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="restrict")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", store=True)
    name = fields.Text(string="Question", required=True)
    anchor_ids = fields.One2many(
        "kompetanse.interview.anchor", "question_id", string="Level Anchors", copy=True
    )
    required_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Required",
        compute="_compute_required_level_id",
        help="The level the role requires of this skill.",
    )

    _sql_constraints = [
        (
            "skill_uniq",
            "unique(template_id, skill_id)",
            "A template asks about each skill once.",
        ),
    ]

    @api.depends("template_id.role_id.line_ids.level_id", "skill_id")
    def _compute_required_level_id(self):
        for question in self:
            line = question.template_id.role_id.line_ids.filtered(
                lambda role_line, q=question: role_line.skill_id == q.skill_id
            )
            question.required_level_id = line.level_id[:1]

    @api.ondelete(at_uninstall=False)
    def _unlink_unscored(self):
        scored = (
            self.env["kompetanse.interview.score"]
            .sudo()
            ._read_group(
                [("question_id", "in", self.ids), ("interview_id.state", "=", "done")],
                ["question_id"],
            )
        )
        if scored:
            raise UserError(
                self.env._(
                    "Applicants were scored on %(question)s: the question stays with "
                    "their scores; archive the template to use a new one.",
                    question=scored[0][0].skill_id.name,
                )
            )
        # scores of interviews still being scored go with their question
        self.env["kompetanse.interview.score"].sudo().search(
            [("question_id", "in", self.ids)]
        ).unlink()

    @api.model
    def _kompetanse_anchor_text(self, skill, level):
        """What an answer at a level sounds like, by how far up its scale the
        level is; HR rewrites them for the role."""
        progress = level.level_progress
        if progress < 34:
            text = self.env._(
                "Describes %(skill)s in general terms and has used it with help "
                "from others.",
                skill=skill.name,
            )
        elif progress < 67:
            text = self.env._(
                "Gives own examples of using %(skill)s alone in ordinary tasks, "
                "and what they learned from them.",
                skill=skill.name,
            )
        elif progress < 100:
            text = self.env._(
                "Gives examples of demanding tasks solved with %(skill)s, chooses "
                "between approaches and explains why.",
                skill=skill.name,
            )
        else:
            text = self.env._(
                "Has taught or led others in %(skill)s and improved how the work "
                "is done.",
                skill=skill.name,
            )
        return text

    @api.model
    def _kompetanse_prepare(self, template, line, sequence):
        skill = line.skill_id
        return {
            "template_id": template.id,
            "sequence": sequence,
            "skill_id": skill.id,
            "name": self.env._(
                "Tell about a time you used %(skill)s at work: what was the task, "
                "what did you do yourself, and what came of it?",
                skill=skill.name,
            ),
            "anchor_ids": [
                fields.Command.create(
                    {
                        "level_id": level.id,
                        "name": self._kompetanse_anchor_text(skill, level),
                    }
                )
                for level in skill.skill_type_id.skill_level_ids.sorted(
                    "level_progress"
                )
            ],
        }

    def _kompetanse_check_write(self, vals):
        result = super()._kompetanse_check_write(vals)
        if "skill_id" in vals and self.anchor_ids:
            new = self.env["hr.skill"].browse(vals["skill_id"])
            if any(q.skill_type_id != new.skill_type_id for q in self):
                raise UserError(
                    self.env._(
                        "The anchors are levels of %(type)s: ask about another "
                        "skill in a new question.",
                        type=self.skill_type_id[:1].name,
                    )
                )
        return result


class KompetanseInterviewAnchor(models.Model):
    """What an answer at one level of the question's skill sounds like."""

    _name = "kompetanse.interview.anchor"
    _description = "Level Anchor"
    _inherit = ["kompetanse.record.mixin"]
    _order = "question_id, level_progress, id"
    _kompetanse_scope_fields = ("question_id",)
    _kompetanse_owner_field = "question_id"

    question_id = fields.Many2one(
        "kompetanse.interview.question",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="question_id.company_id", store=True)
    skill_type_id = fields.Many2one(related="question_id.skill_type_id")
    level_id = fields.Many2one(
        "hr.skill.level",
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="level_id.level_progress", store=True)
    name = fields.Text(string="An Answer at This Level", required=True)

    _sql_constraints = [
        (
            "level_uniq",
            "unique(question_id, level_id)",
            "A question has one anchor for each level.",
        ),
    ]

    @api.constrains("level_id", "question_id")
    def _check_level_type(self):
        for anchor in self:
            error = level_type_error(
                self.env, anchor.level_id, anchor.question_id.skill_id
            )
            if error:
                raise error


class KompetanseInterview(models.Model):
    """An interviewer's scores for an applicant, a level per question. Once
    done, the levels become the applicant's assessed skills (the candidate's
    skills in Odoo), which reach the employee on hire. The scores are
    individual: HR, the recruiters, the interviewers and the hiring manager
    see them, nobody else."""

    _name = "kompetanse.interview"
    _description = "Interview Scores"
    _inherit = ["kompetanse.state.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # whose scores they are decides who may write them: checked again after
    # a write moves them to another interviewer
    _kompetanse_scope_fields = ("applicant_id", "interviewer_id")
    _kompetanse_owner_field = "applicant_id"
    _kompetanse_transitions = {
        "draft": {"done": None},
        "done": {"draft": GROUP_RECRUITER},
    }
    _kompetanse_editable_states = ("draft",)

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, ondelete="cascade", index=True
    )
    candidate_id = fields.Many2one(related="applicant_id.candidate_id")
    job_id = fields.Many2one(related="applicant_id.job_id", store=True)
    company_id = fields.Many2one(related="applicant_id.company_id", store=True)
    template_id = fields.Many2one(
        "kompetanse.interview.template",
        string="Template",
        compute="_compute_template_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
        check_company=True,
        domain="[('role_id', 'in', job_role_ids)]",
    )
    job_role_ids = fields.Many2many(related="job_id.role_ids", string="Roles")
    interviewer_id = fields.Many2one(
        "res.users",
        string="Interviewer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    score_ids = fields.One2many(
        "kompetanse.interview.score", "interview_id", string="Scores"
    )
    note = fields.Text(string="Overall Impression")
    state = fields.Selection(
        [("draft", "Being Scored"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("applicant_id")
    def _compute_template_id(self):
        templates = self.env["kompetanse.interview.template"].search(
            [("role_id", "in", self.job_id.role_ids.ids)]
        )
        for interview in self:
            if interview.template_id.role_id in interview.job_id.role_ids:
                continue
            interview.template_id = templates.filtered(
                lambda t, i=interview: t.role_id in i.job_id.role_ids
            )[:1]

    @api.model
    def _kompetanse_score_commands(self, template):
        return [fields.Command.clear()] + [
            fields.Command.create({"question_id": question.id})
            for question in template.question_ids
        ]

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.score_ids.question_id.template_id != self.template_id:
            self.score_ids = self._kompetanse_score_commands(self.template_id)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(GROUP_HR):
            # scores are given to the applicants one may see: an interviewer
            # of another position learns nothing from the checks below
            self._kompetanse_parents_of(vals_list).check_access("read")
        interviews = super().create(vals_list)
        # a question per line to score, unless the client sent its own
        for interview, vals in zip(interviews, vals_list, strict=True):
            if "score_ids" not in vals:
                interview.score_ids = self._kompetanse_score_commands(
                    interview.template_id
                )
        return interviews

    def write(self, vals):
        result = super().write(vals)
        if "template_id" in vals and "score_ids" not in vals:
            for interview in self:
                if interview.score_ids.question_id.template_id != interview.template_id:
                    interview.score_ids = self._kompetanse_score_commands(
                        interview.template_id
                    )
        return result

    @api.constrains("applicant_id", "template_id")
    def _check_template(self):
        for interview in self:
            if not interview.template_id:
                raise interview.job_id._kompetanse_no_template_error(ValidationError)
            if interview.template_id.role_id not in interview.job_id.role_ids:
                raise ValidationError(
                    self.env._(
                        "The template %(template)s is for the role %(role)s, which "
                        "the position %(job)s does not fill.",
                        template=interview.template_id.name,
                        role=interview.template_id.role_id.name,
                        job=interview.job_id.name or "-",
                    )
                )

    @api.constrains("interviewer_id", "applicant_id")
    def _check_interviewer(self):
        """Scores are given by who interviews: an interviewer of the applicant
        or the position, a recruiter or HR."""
        for interview in self.sudo():
            applicant, user = interview.applicant_id, interview.interviewer_id
            interviewers = applicant.interviewer_ids | applicant.job_id.interviewer_ids
            if user.share or not (
                user in interviewers
                or user.has_group(GROUP_RECRUITER)
                or user.has_group(GROUP_HR)
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s does not interview %(applicant)s: make them an "
                        "interviewer of the applicant or the position first.",
                        user=user.name,
                        applicant=applicant.partner_name or applicant.display_name,
                    )
                )

    @api.depends("applicant_id", "interviewer_id")
    def _compute_display_name(self):
        for interview in self:
            interview.display_name = self.env._(
                "%(applicant)s, by %(interviewer)s",
                applicant=interview.applicant_id.sudo().partner_name
                or interview.applicant_id.sudo().display_name,
                interviewer=interview.interviewer_id.sudo().name,
            )

    @kompetanse_button
    def action_done(self):
        """The scores are final: each level becomes the applicant's assessed
        level of its skill, as the user (Odoo's rights on candidates)."""
        for interview in self:
            unscored = interview.score_ids.filtered(lambda s: not s.level_id)
            if unscored or not interview.score_ids:
                raise UserError(
                    self.env._(
                        "Score every question of %(name)s, or remove the ones not "
                        "asked: %(questions)s.",
                        name=interview.display_name,
                        questions=", ".join(unscored.skill_id.mapped("name"))
                        or self.env._("no questions"),
                    )
                )
        self._kompetanse_check_transition("done")
        self._kompetanse_apply_scores()
        return self._kompetanse_set_state("done")

    @kompetanse_button
    def action_reset(self):
        return self._kompetanse_set_state("draft")

    def _kompetanse_apply_scores(self):
        """Each score's level becomes the candidate's level of its skill (the
        later interview of the batch wins), in one create and a write per
        level; as the system, once action_done has checked the user may write
        the interviews: the candidate's skills are what the interview found."""
        CandidateSkill = self.env["hr.candidate.skill"].sudo()
        held = {
            (skill.candidate_id.id, skill.skill_id.id): skill
            for skill in CandidateSkill.search(
                [("candidate_id", "in", self.candidate_id.ids)]
            )
        }
        # the level each skill stands at as the batch goes, and the last score
        level_now = {key: skill.skill_level_id for key, skill in held.items()}
        final = {}
        for interview in self:
            changes = []
            for score in interview.score_ids:
                key = (interview.candidate_id.id, score.skill_id.id)
                before = level_now.get(key)
                if before != score.level_id:
                    changes.append((score, before))
                level_now[key] = score.level_id
                final[key] = score
            interview._kompetanse_log_scores(changes)
        to_create, to_write = [], {}
        for (candidate_id, skill_id), score in final.items():
            existing = held.get((candidate_id, skill_id))
            if not existing:
                to_create.append(
                    {
                        "candidate_id": candidate_id,
                        "skill_type_id": score.skill_type_id.id,
                        "skill_id": skill_id,
                        "skill_level_id": score.level_id.id,
                    }
                )
            elif existing.skill_level_id != score.level_id:
                to_write.setdefault(score.level_id, CandidateSkill)
                to_write[score.level_id] |= existing
        for level, skills in to_write.items():
            skills.write({"skill_level_id": level.id})
        CandidateSkill.create(to_create)

    def _kompetanse_log_scores(self, changes):
        if not changes:
            return
        items = Markup().join(
            Markup("<li>%s</li>")
            % (
                self.env._(
                    "%(skill)s: %(level)s (was %(before)s)",
                    skill=score.skill_id.name,
                    level=score.level_id.name,
                    before=before.name,
                )
                if before
                else self.env._(
                    "%(skill)s: %(level)s",
                    skill=score.skill_id.name,
                    level=score.level_id.name,
                )
            )
            for score, before in changes
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._(
                "Assessed levels from the interview by %(interviewer)s:",
                interviewer=self.interviewer_id.name,
            ),
            items,
        )
        # on the applicant, where Odoo's recruiters follow it; as the system,
        # for an interviewer who only reads it
        self.applicant_id.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")


class KompetanseInterviewScore(models.Model):
    """The level an interviewer gives an applicant's answer to a question."""

    _name = "kompetanse.interview.score"
    _description = "Interview Score"
    _inherit = ["kompetanse.record.mixin"]
    _order = "interview_id, sequence, id"
    _kompetanse_scope_fields = ("interview_id",)
    _kompetanse_owner_field = "interview_id"
    _kompetanse_parent_field = "score_ids"

    interview_id = fields.Many2one(
        "kompetanse.interview", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    question_id = fields.Many2one(
        "kompetanse.interview.question", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="question_id.sequence", store=True)
    # the question as it was asked: a later edit of the template leaves it
    question = fields.Text(
        string="Asked", compute="_compute_question", store=True, readonly=True
    )
    skill_id = fields.Many2one(related="question_id.skill_id", store=True)
    skill_type_id = fields.Many2one(related="question_id.skill_type_id")
    anchor_ids = fields.One2many(related="question_id.anchor_ids")
    required_level_id = fields.Many2one(related="question_id.required_level_id")
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Heard",
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "question_uniq",
            "unique(interview_id, question_id)",
            "An interview scores each question once.",
        ),
    ]

    @api.depends("question_id")
    def _compute_question(self):
        for score in self:
            score.question = score.question_id.name

    @api.constrains("level_id", "question_id", "interview_id")
    def _check_level(self):
        for score in self:
            if score.question_id.template_id != score.interview_id.template_id:
                raise ValidationError(
                    self.env._(
                        "The question about %(skill)s is not in the template of "
                        "%(name)s.",
                        skill=score.skill_id.name,
                        name=score.interview_id.display_name,
                    )
                )
            error = level_type_error(self.env, score.level_id, score.skill_id)
            if error:
                raise error
