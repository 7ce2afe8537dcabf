#!/usr/bin/env bash
# Audit requirements.lock for known vulnerabilities with pip-audit, installed from the package index into a
# throw-away venv (never into .venv). Asks PyPI's vulnerability data first, then OSV.
# Exit 1 when a locked package has a known vulnerability. When no vulnerability service answers (offline,
# pip-audit not installable, or an index that serves no vulnerability data, where every package comes back
# "not found"), it prints a NOTICE and exits 0: the network never fails CI. The whole audit gets AUDIT_SECONDS
# (default 60); what has not answered by then counts as unreachable. Set PYTHON to choose the interpreter
# (default: python3.11).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3.11}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

deadline=$((SECONDS + ${AUDIT_SECONDS:-60}))
left() { echo $((deadline - SECONDS > 1 ? deadline - SECONDS : 1)); }

skip() {
    echo "audit.sh: NOTICE: dependency audit skipped: $*" >&2
    exit 0
}

"$python" -m venv "$tmp/venv" >/dev/null 2>&1 || skip "could not create a venv with '$python'"
timeout "$(left)" "$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check --timeout 20 --retries 1 \
    pip-audit >"$tmp/install.log" 2>&1 || skip "pip-audit could not be installed (package index unreachable?)"

# Reads pip-audit's JSON: prints the vulnerabilities found, and exits 0 (audited, none), 4 (vulnerable) or
# 3 (nothing audited: the service answered for no package).
summary='
import json, sys
deps = json.load(open(sys.argv[1]))["dependencies"]
audited = [d for d in deps if not d.get("skip_reason")]
vulnerable = [d for d in audited if d.get("vulns")]
for d in vulnerable:
    for v in d["vulns"]:
        fixes = ", ".join(v.get("fix_versions") or []) or "none yet"
        print("audit.sh: %s==%s: %s (fixed in: %s)" % (d["name"], d["version"], v["id"], fixes))
if not audited:
    sys.exit(3)
print("audit.sh: %s: %d of %d locked packages audited, %d with known vulnerabilities"
      % (sys.argv[2], len(audited), len(deps), len(vulnerable)))
for d in deps:
    if d.get("skip_reason"):
        print("audit.sh: not audited: %s" % d["skip_reason"])
sys.exit(4 if vulnerable else 0)
'

tried=()
for service in pypi osv; do
    out="$tmp/$service.json"
    timeout "$(left)" "$tmp/venv/bin/pip-audit" --vulnerability-service "$service" --disable-pip \
        --requirement "$root/requirements.lock" --progress-spinner off --timeout 10 \
        --format json --output "$out" >"$tmp/$service.log" 2>&1
    [ $? -eq 124 ] && echo "timed out after ${AUDIT_SECONDS:-60} s in all" >>"$tmp/$service.log"
    if [ -s "$out" ]; then
        "$tmp/venv/bin/python" -c "$summary" "$out" "$service"
        case $? in
        0) exit 0 ;;
        4) exit 1 ;;
        3) tried+=("$service: no package found") ;;
        *) tried+=("$service: its report could not be read") ;;
        esac
    else
        tried+=("$service: $(grep -v '^\s*$' "$tmp/$service.log" | tail -n 1 | cut -c 1-160)")
    fi
done
skip "no vulnerability service answered ($(printf '%s; ' "${tried[@]}" | sed 's/; $//'))"
