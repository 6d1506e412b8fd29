#!/usr/bin/env bash
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Usage: scripts/bench.sh [--employees N] [--replica] [options]   (--help)
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=$(bash "$here/find_python.sh") || exit 3
exec "$python" "$here/kompetanse_dev.py" bench "$@"
