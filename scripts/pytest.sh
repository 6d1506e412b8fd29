#!/usr/bin/env bash
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Usage: scripts/pytest.sh [--db NAME] [pytest arguments]   pytest-odoo on an existing database
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=$(bash "$here/find_python.sh") || exit 3
exec "$python" "$here/kompetanse_dev.py" pytest "$@"
