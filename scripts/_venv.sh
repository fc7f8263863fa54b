# Sourced by the other scripts: create/refresh .venv with the package and its test extras.
# Needs Python 3.10+ (Maya 2024 ships 3.10, Maya 2025/2026 ship 3.11). Override with PYTHON=...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
  echo "error: $PY is not Python 3.10 or newer; set PYTHON=/path/to/python3.11" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last install (keeps reruns fast).
stamp=.venv/.lrc_installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log=.venv/pip-install.log
  echo "Installing lrc_toolbox and its test tools into .venv (log: $log)..." >&2
  if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install --disable-pip-version-check -e ".[dev]"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "error: installing into .venv failed (full log: $log)" >&2
    exit 2
  fi
  touch "$stamp"
fi
