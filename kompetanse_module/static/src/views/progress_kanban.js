/** @odoo-module **/
/* Copyright 2026 Kompetanse contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {Component, onWillStart, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {KanbanController} from "@web/views/kanban/kanban_controller";
import {kanbanView} from "@web/views/kanban/kanban_view";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * For a manager (or HR), above the target picture's progress: how many of
 * their people had this year the conversations the company asks, with a link
 * to the coverage. Nothing for whoever manages nobody.
 */
export class ConversationCoverageBanner extends Component {
    static template = "kompetanse_module.ConversationCoverageBanner";
    static props = {};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({coverage: {}});
        onWillStart(async () => {
            this.state.coverage = await this.orm.call(
                "kompetanse.conversation.coverage",
                "kompetanse_my_coverage",
                []
            );
        });
    }

    get figures() {
        const {employees, covered, required} = this.state.coverage;
        return _t(
            "%(covered)s of the %(employees)s people you follow have had all %(required)s conversations of the year (%(percent)s %)",
            {
                covered,
                employees,
                required,
                percent: employees ? Math.round((100 * covered) / employees) : 0,
            }
        );
    }

    get planned() {
        return _t("conversations planned: %(planned)s", {
            planned: this.state.coverage.planned,
        });
    }

    openCoverage() {
        this.action.doAction(
            "kompetanse_module.kompetanse_conversation_coverage_action"
        );
    }

    openConversations() {
        this.action.doAction("kompetanse_module.kompetanse_conversation_action");
    }
}

export class ProgressKanbanController extends KanbanController {
    static template = "kompetanse_module.ProgressKanbanView";
    static components = {
        ...KanbanController.components,
        ConversationCoverageBanner,
    };
}

registry.category("views").add("kompetanse_progress_kanban", {
    ...kanbanView,
    Controller: ProgressKanbanController,
});
