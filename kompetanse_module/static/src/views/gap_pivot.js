/** @odoo-module **/
/* Copyright 2026 Kompetanse contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {GraphRenderer} from "@web/views/graph/graph_renderer";
import {PivotRenderer} from "@web/views/pivot/pivot_renderer";
import {graphView} from "@web/views/graph/graph_view";
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

/** The list's colours for each status: missing red, below amber, met green. */
const STATUS_COLORS = {
    missing: "#dc3545",
    below: "#ffc107",
    met: "#28a745",
};

export class GapGraphRenderer extends GraphRenderer {
    getBarChartData() {
        const data = super.getBarChartData();
        const selection = this.model.metaData.fields.status?.selection || [];
        const byLabel = Object.fromEntries(
            selection.map(([key, label]) => [label, STATUS_COLORS[key]])
        );
        for (const dataset of data.datasets) {
            const color = byLabel[dataset.label];
            if (color) {
                dataset.backgroundColor = color;
            }
        }
        return data;
    }
}

registry.category("views").add("kompetanse_gap_graph", {
    ...graphView,
    Renderer: GapGraphRenderer,
});
