# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Kompetanse",
    "summary": "Strategic competence management: target picture, gaps, measures",
    "version": "18.0.1.3.0",
    "license": "LGPL-3",
    "category": "Human Resources",
    "author": "Kompetanse contributors",
    "website": "https://github.com/kompetanse/kompetanse_module",
    "maintainers": ["kompetanse"],
    "development_status": "Alpha",
    "depends": [
        "hr_skills",
        "hr_recruitment_skills",
        "hr_appraisal_oca",
        "mail",
        "calendar",
    ],
    "data": [
        "security/kompetanse_groups.xml",
        "security/ir.model.access.csv",
        "security/kompetanse_security.xml",
        "security/kompetanse_development_security.xml",
        "data/kompetanse_method_data.xml",
        "data/kompetanse_mail_data.xml",
        "views/kompetanse_target_views.xml",
        "views/kompetanse_role_views.xml",
        "report/kompetanse_gap_report_views.xml",
        "report/kompetanse_gap_summary_views.xml",
        "report/kompetanse_report_templates.xml",
        "report/kompetanse_reports.xml",
        "views/kompetanse_method_views.xml",
        "views/kompetanse_measure_views.xml",
        "views/kompetanse_need_views.xml",
        "views/kompetanse_plan_views.xml",
        "views/kompetanse_development_views.xml",
        "views/kompetanse_conversation_views.xml",
        "views/kompetanse_cycle_views.xml",
        "views/hr_views.xml",
        "views/res_config_settings_views.xml",
        "views/kompetanse_menus.xml",
    ],
    "demo": [
        "demo/kompetanse_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "kompetanse_module/static/src/views/progress_kanban.*",
            "kompetanse_module/static/src/views/cycle_overview.scss",
        ],
        # the pivot view is in the lazy bundle, so is our gap matrix built on it
        "web.assets_backend_lazy": [
            "kompetanse_module/static/src/views/gap_pivot.*",
        ],
        "web.assets_tests": [
            "kompetanse_module/static/tests/tours/*.js",
        ],
    },
    "images": ["static/description/screenshots/01_progress_top_leader.png"],
    "application": True,
    "installable": True,
}
