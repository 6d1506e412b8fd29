/** @odoo-module **/
/* Copyright 2026 Kompetanse contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kompetanse_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kompetanse app",
            trigger: ".o_app[data-menu-xmlid='kompetanse_module.kompetanse_menu_root']",
            run: "click",
        },
        {
            content: "The first screen is today's target picture, named on its cards",
            trigger: ".o_searchview_facet",
        },
        {
            content: "Its line shows the coverage and the target picture's period",
            trigger:
                ".o_kanban_record:contains('Kompetanse Tour Norwegian'):contains('Kompetanse Tour Target') .o_progressbar",
        },
        {
            content: "The card opens the line",
            trigger: ".o_kanban_record:contains('Kompetanse Tour Norwegian')",
            run: "click",
        },
        {
            content: "The line's form shows what is needed",
            trigger: ".o_form_view .o_field_widget[name=needed_count]:contains('2')",
        },
        {
            content: "Back to the progress",
            trigger:
                ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "Open the analysis menu",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_analysis_menu']",
            run: "click",
        },
        {
            content: "Open the gap analysis",
            trigger:
                "a[data-menu-xmlid='kompetanse_module.kompetanse_gap_report_menu']",
            run: "click",
        },
        {
            content: "The gap matrix colours the tour unit's gap",
            trigger: ".o_pivot td.o_kompetanse_gap_high",
        },
        {
            content: "Open the analysis menu again",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_analysis_menu']",
            run: "click",
        },
        {
            content: "Open the skills by department",
            trigger:
                "a[data-menu-xmlid='kompetanse_module.kompetanse_skill_overview_menu']",
            run: "click",
        },
        {
            content: "The skills pivot shows the tour's department",
            trigger: ".o_pivot_view .o_pivot th:contains('Kompetanse Tour Unit')",
        },
        {
            content: "The tour's skill type is a column of the pivot",
            trigger: ".o_pivot_view .o_pivot th:contains('Kompetanse Tour Languages')",
        },
        {
            content: "Open the configuration menu",
            trigger:
                "button[data-menu-xmlid='kompetanse_module.kompetanse_configuration_menu']",
            run: "click",
        },
        {
            content: "Open the skill types",
            trigger:
                "a[data-menu-xmlid='kompetanse_module.kompetanse_skill_type_menu']",
            run: "click",
        },
        {
            content: "The skill types list shows the tour's skill type",
            trigger: ".o_list_view td:contains('Kompetanse Tour Languages')",
        },
    ],
});
