#!/usr/bin/env bash
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# Fails on view and API syntax that Odoo 17/18 refuses or deprecates; no linter
# flags these.
set -u
cd "$(dirname "$0")/.." || exit 2
pattern='<tree[ >/]|\battrs=|\bstates=|def name_get\b|\b_name_search\b|check_access_rights|check_access_rule|user_has_groups|group_operator='
if hits=$(grep -rnE "$pattern" kompetanse_module --include=*.py --include=*.xml --include=*.js); then
    echo "Pre-17/18 syntax found (use <list>, invisible=/readonly=, _compute_display_name,"
    echo "check_access(), has_group(), aggregator=):"
    echo "$hits"
    exit 1
fi
exit 0
