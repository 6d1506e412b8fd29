# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportKompetanseTarget(models.AbstractModel):
    """The printed målbilde: the records the user may read, or a clear
    AccessError before anything is drawn."""

    _name = "report.kompetanse_module.report_kompetanse_target"
    _description = "Target Picture Report"
    _kompetanse_model = "kompetanse.target"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._kompetanse_model].browse(docids).exists()
        docs.check_access("read")
        return {
            "doc_ids": docs.ids,
            "doc_model": self._kompetanse_model,
            "docs": docs,
            "data": data,
        }


class ReportKompetansePlan(models.AbstractModel):
    """The printed unit competence plan, as the målbilde is printed."""

    _name = "report.kompetanse_module.report_kompetanse_plan"
    _inherit = "report.kompetanse_module.report_kompetanse_target"
    _description = "Unit Competence Plan Report"
    _kompetanse_model = "kompetanse.plan"
