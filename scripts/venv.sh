# Sourced by run.sh and test.sh: make sure .venv exists, installing Debian's
# venv support first on a machine whose Python lacks it.
make_venv() {
  [ -x .venv/bin/python ] && return 0
  if ! python3 -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's python3-venv"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
}
