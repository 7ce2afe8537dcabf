#!/usr/bin/env bash
# Install graphkit and everything it needs into .venv/ in the repository root.
# Usage: scripts/bootstrap.sh [--browser]
#   --browser   also install Debian's chromium with apt-get when /usr/bin/chromium is missing
#               and raptor2-utils (rapper, for the RDF tests) when rapper is missing
# Idempotent: a hash of pyproject.toml and requirements.lock, kept in .venv/, skips reinstalling when neither
# changed. Set PYTHON to choose the interpreter (default: python3.11).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

browser=false
for arg in "$@"; do
    case "$arg" in
    --browser) browser=true ;;
    -h | --help)
        sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "bootstrap.sh: unknown option '$arg' (known: --browser)" >&2
        exit 2
        ;;
    esac
done

python="${PYTHON:-python3.11}"
venv_is_311() { .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }

if [ -d .venv ] && ! venv_is_311; then
    # .venv holds nothing but what this script installs, so a wrong or broken one is rebuilt.
    echo "bootstrap.sh: .venv is not a working Python 3.11 venv; recreating it" >&2
    rm -rf .venv
fi
if [ ! -d .venv ]; then
    if ! command -v "$python" >/dev/null; then
        echo "bootstrap.sh: '$python' not found; install Python 3.11 or set PYTHON=/path/to/python3.11" >&2
        exit 1
    fi
    "$python" -m venv .venv
fi

marker=.venv/.bootstrap-hash
wanted="$(cat pyproject.toml requirements.lock | sha256sum | cut -d ' ' -f 1)"
if [ "$(cat "$marker" 2>/dev/null || true)" != "$wanted" ]; then
    pip=(.venv/bin/python -m pip --disable-pip-version-check)
    # Every file pip fetches must match a sha256 in the lock (scripts/lock.sh writes them). pip itself comes
    # first, from the lock: older pips refuse hashed requirements that a dependency names with extras.
    pip_lock="$(mktemp)"
    awk '/^pip==/ { on = 1 } on { print } on && !/\\$/ { exit }' requirements.lock >"$pip_lock"
    "${pip[@]}" install --require-hashes --no-deps -r "$pip_lock"
    rm -f "$pip_lock"
    "${pip[@]}" install --require-hashes -r requirements.lock
    # The lock already holds every dependency; --no-deps keeps pip from resolving anything else.
    "${pip[@]}" install --no-deps -e '.[dev]'
    echo "$wanted" >"$marker"
else
    echo "bootstrap.sh: .venv is up to date"
fi

# The "graphkit" Jupyter kernel runs notebooks/ with this venv's Python (Jupyter started from .venv finds it
# in .venv/share/jupyter; tests/test_notebooks.py uses it too).
if [ ! -f .venv/share/jupyter/kernels/graphkit/kernel.json ]; then
    .venv/bin/python -m ipykernel install --prefix .venv --name graphkit --display-name "Python 3 (graphkit)"
fi

if $browser && [ ! -x /usr/bin/chromium ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # Playwright (a pip package in the lock) drives this chromium and never downloads a browser; the font
    # package gives screenshots readable text on minimal systems.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core
fi

# The RDF tests check our Turtle with an independent parser: rapper, from Debian's raptor2-utils.
if $browser && ! command -v rapper >/dev/null; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q raptor2-utils
fi
