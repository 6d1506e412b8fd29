/** @odoo-module **/
/* Copyright 2026 Kompetanse contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kompetanse_plan_tour", {
    steps: () => [
        {
            content: "Open the plan's gaps",
            trigger: ".o_notebook a.nav-link[name=gaps]",
            run: "click",
        },
        {
            content: "The plan shows the unit's gap",
            trigger: ".o_field_widget[name=gap_ids] td:contains('Tour Plan Kari')",
        },
        {
            content: "Propose needs from the unit's gaps",
            trigger: "button[name=action_propose_needs]",
            run: "click",
        },
        {
            content: "The manager is told what was proposed",
            trigger: ".o_notification:contains('needs proposed from the gaps')",
        },
        {
            // the form reloads after the notice: its count shows the need
            // before the tab is opened, which a reload would close again
            content: "The plan counts its needs",
            trigger: "button[name=action_open_needs] .o_stat_value:contains('1')",
        },
        {
            content: "Open the plan's needs",
            trigger: ".o_notebook a.nav-link[name=needs]",
            run: "click",
        },
        {
            content: "A need for the missing skill is proposed",
            trigger:
                ".o_field_widget[name=need_ids] td:contains('Close the gap in Tour Plan Python')",
        },
        {
            content: "Propose again",
            trigger: "button[name=action_propose_needs]",
            run: "click",
        },
        {
            content: "Nothing new is proposed twice",
            trigger: ".o_notification:contains('Nothing new to propose')",
        },
        {
            content: "Submitting the plan with a draft need",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "is refused, naming the draft need",
            trigger: ".modal .modal-body:contains('Close the gap in Tour Plan Python')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The plan is still a draft",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
        {
            content: "Open the plans and measures menu",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_planning_menu']",
            run: "click",
        },
        {
            content: "Open the needs menu item",
            trigger: "a[data-menu-xmlid='kompetanse_module.kompetanse_need_menu']",
            run: "click",
        },
        {
            content: "Open the proposed need",
            // the needs action's own list, not the plan form's list still on screen
            trigger:
                ".o_view_controller.o_list_view td.o_data_cell:contains('Close the gap in Tour Plan Python')",
            run: "click",
        },
        {
            content: "The manager submits it to HR",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "HR starts the review",
            trigger: "button[name=action_review]",
            run: "click",
        },
        {
            content: "HR accepts it into a measure",
            trigger: "button[name=action_accept]",
            run: "click",
        },
        {
            content: "The measure is open, planned",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Planned')",
        },
        {
            content: "Back to the plans",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_planning_menu']",
            run: "click",
        },
        {
            content: "Open the plans menu item",
            trigger: "a[data-menu-xmlid='kompetanse_module.kompetanse_plan_menu']",
            run: "click",
        },
        {
            content: "Open the plan",
            trigger:
                ".o_view_controller.o_list_view td.o_data_cell:contains('Tour Plan')",
            run: "click",
        },
        {
            content: "Submit the plan to HR, its need submitted",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The plan is submitted",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Submitted to HR')",
        },
        {
            content: "Open the analysis menu",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_analysis_menu']",
            run: "click",
        },
        {
            content: "Open the plans rolled up",
            trigger:
                "a[data-menu-xmlid='kompetanse_module.kompetanse_rollup_report_menu']",
            run: "click",
        },
        {
            content: "The rolled-up view shows the unit",
            trigger: ".o_pivot th:contains('Tour Plan Unit')",
        },
    ],
});
