#!/usr/bin/env bash
# The whole test suite: sets up .venv (first run only) and runs pytest. Extra args go to pytest.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
exec .venv/bin/python -m pytest "$@"
