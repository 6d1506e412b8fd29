#!/usr/bin/env bash
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# Prints the path of a Python interpreter that imports Odoo 18, or explains what
# is missing and exits 3. The first python3 on PATH need not be the one that has
# Odoo (CI runs in a clean environment), so several usual places are tried.
# Set KOMPETANSE_PYTHON to choose one yourself.
set -u

candidates=()
[ -n "${KOMPETANSE_PYTHON:-}" ] && candidates+=("$KOMPETANSE_PYTHON")
for name in python3 python; do
    path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
# The interpreter named in the shebang of an installed odoo launcher.
for name in odoo odoo-bin; do
    path=$(command -v "$name" 2>/dev/null) || continue
    shebang=$(head -n 1 "$path" 2>/dev/null)
    case "$shebang" in
        "#!"*python*) candidates+=("$(echo "${shebang#\#!}" | awk '{print $1}')") ;;
    esac
done
home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
for path in "$home"/.pyenv/versions/*/bin/python3 /root/.pyenv/versions/*/bin/python3 \
    /opt/odoo*/venv/bin/python3 /opt/odoo*/.venv/bin/python3 \
    /usr/local/bin/python3 /usr/bin/python3; do
    candidates+=("$path")
done

for python in "${candidates[@]}"; do
    [ -x "$python" ] || continue
    if "$python" -c 'import sys, odoo.release as r; sys.exit(r.version_info[0] != 18)' \
        >/dev/null 2>&1; then
        echo "$python"
        exit 0
    fi
done

cat >&2 <<'MSG'
kompetanse: no Python interpreter here imports Odoo 18.0.
  Tried: $KOMPETANSE_PYTHON, python3/python on PATH, the odoo launcher's interpreter,
  ~/.pyenv/versions/*/bin/python3, /opt/odoo*/venv, /usr/local/bin/python3, /usr/bin/python3.
  Install Odoo 18.0 (Community) so that `python3 -c "import odoo"` works, for example
  `pip install -e <odoo-18-source> --config-settings editable_mode=compat` after its
  requirements, or point KOMPETANSE_PYTHON at the interpreter that has it.
MSG
exit 3
