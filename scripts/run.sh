#!/usr/bin/env bash
# Installs selfkind into .venv and starts it on the embedded SQLite journal.
# Arguments go to selfkind, e.g. `bash scripts/run.sh break`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
make_venv
.venv/bin/python -m pip install -q --disable-pip-version-check .
exec .venv/bin/selfkind "$@"
