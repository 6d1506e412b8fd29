#!/usr/bin/env bash
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Usage: scripts/i18n.sh   refresh i18n/kompetanse_module.pot and merge it into nb.po
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=$(bash "$here/find_python.sh") || exit 3
exec "$python" "$here/kompetanse_dev.py" i18n "$@"
