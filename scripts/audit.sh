#!/usr/bin/env bash
# Known vulnerabilities in the locked dependency set, by pip-audit (PyPI's advisory data).
#
#   bash scripts/audit.sh          audit requirements.lock; exit 1 on any known vulnerability
#                                  and on any pin that could not be audited (--strict)
#   bash scripts/audit.sh lock     rewrite requirements.lock from the venv, then audit it
#   AUDIT_STRICT=0 bash scripts/audit.sh   report unaudited pins without failing
#
# pip-audit reads advisories from PyPI's per-release JSON API; where that API is
# not reachable every pin comes back "not found on PyPI" and a plain run would
# say "No known vulnerabilities found": --strict turns that false green red.
#
# The lock is the dependency closure of `crisisdesk[test]` as installed in .venv
# (walked through each installed package's own requirements, markers evaluated),
# pinned to the versions the tests ran with.  Not `pip freeze`: the venv also
# holds tools (pip-audit itself, anything installed by hand) that the project
# does not depend on.  Not pip-compile: it would pin the newest releases, not
# the ones tested.  pip-audit is not a project dependency; it is installed into
# the venv here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
LOCK=requirements.lock

if [ "${1:-}" = "lock" ]; then
  "$PY" - "$LOCK" <<'PYEOF'
import sys
from importlib import metadata
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

def closure(root: str, extras: set[str]) -> dict[str, str]:
    pinned: dict[str, str] = {}
    todo = [(root, frozenset(extras))]
    seen = set()
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        dist = metadata.distribution(name)
        if canonicalize_name(name) != "crisisdesk":
            pinned[canonicalize_name(dist.metadata["Name"])] = dist.version
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (wanted or {""})):
                continue
            todo.append((req.name, frozenset(req.extras)))
    return pinned

pins = closure("crisisdesk", {"test"})
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("# crisisdesk[test] as installed and tested: `bash scripts/audit.sh lock` rewrites this file.\n")
    for name in sorted(pins):
        out.write(f"{name}=={pins[name]}\n")
print(f"wrote {len(pins)} pins to {sys.argv[1]}")
PYEOF
fi

"$PY" -m pip_audit --version >/dev/null 2>&1 || "$PY" -m pip install --quiet pip-audit
STRICT=(--strict)
[ "${AUDIT_STRICT:-1}" = "0" ] && STRICT=()
"$PY" -m pip_audit --requirement "$LOCK" --no-deps --disable-pip --progress-spinner off --desc on "${STRICT[@]}"
