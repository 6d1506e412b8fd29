/** @odoo-module **/
/* Copyright 2026 Kompetanse contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {PivotRenderer} from "@web/views/pivot/pivot_renderer";
import {pivotView} from "@web/views/pivot/pivot_view";
import {registry} from "@web/core/registry";

/**
 * The gap matrix: a pivot whose cells are coloured by the gap they show, from
 * green (no gap) through amber to red (a gap of 50 points or more).
 */
export class GapPivotRenderer extends PivotRenderer {
    static template = "kompetanse_module.GapPivotRenderer";

    gapClass(cell) {
        if (cell.value === undefined || cell.measure !== "gap") {
            return "";
        }
        if (cell.value <= 0) {
            return "o_kompetanse_gap_none";
        }
        if (cell.value < 20) {
            return "o_kompetanse_gap_low";
        }
        if (cell.value < 50) {
            return "o_kompetanse_gap_medium";
        }
        return "o_kompetanse_gap_high";
    }
}

registry.category("views").add("kompetanse_gap_pivot", {
    ...pivotView,
    Renderer: GapPivotRenderer,
});
