#!/usr/bin/env bash
# The dialog's tests under PySide2 5.15.2.1 on Python 3.10 (Maya 2022-2024's Qt binding).
#
# Creates/reuses .venv-pyside2 with Python 3.10 and runs tests/ui there; extra args go to pytest.
# Python 3.10 is taken from PYTHON310=..., else python3.10 on PATH, else ~/.pyenv/versions/3.10*.
# Without a Python 3.10 the leg is skipped with a clear message (exit 0), as CI asks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

is_py310() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null
}

PY=""
for candidate in "${PYTHON310:-}" "$(command -v python3.10 2>/dev/null || true)" \
                 "$HOME"/.pyenv/versions/3.10*/bin/python; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && is_py310 "$candidate"; then
    PY="$candidate"
    break
  fi
done
if [ -z "$PY" ]; then
  echo "skipping the PySide2 leg: no Python 3.10 (set PYTHON310=/path/to/python3.10)"
  exit 0
fi

VENV=.venv-pyside2
if [ ! -x "$VENV/bin/python" ] || ! is_py310 "$VENV/bin/python"; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
# Reinstall only when pyproject.toml or this script changed since the last install.
stamp="$VENV/.lrc_installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$0" -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  # Not the dev extra: it brings PySide6. This leg pins the binding Maya 2022-2024 ship.
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e . \
    "pytest>=7.4" "pytest-timeout>=2.2" "hypothesis>=6.90" \
    "PySide2==5.15.2.1" "pytest-qt<4.5" "Qt.py>=1.3"
  touch "$stamp"
fi

# Both pytest-qt (QT_API) and Qt.py (QT_PREFERRED_BINDING) must pick PySide2.
export QT_API=pyside2
export QT_PREFERRED_BINDING=PySide2
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec "$VENV/bin/python" -m pytest tests/ui -q -p no:cacheprovider "$@"
