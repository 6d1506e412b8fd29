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
            content: "Submit the plan to HR",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The plan is submitted",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Submitted to HR')",
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
