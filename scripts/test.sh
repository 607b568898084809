#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine (PostgreSQL from
# Debian, the Python packages into .venv), checks lint and types, runs every test.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not postgres"`.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
command -v runuser >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

. scripts/venv.sh
make_venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"

.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
exec .venv/bin/pytest "$@"
