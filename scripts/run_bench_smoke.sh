#!/usr/bin/env bash
# Every benchmark in smoke mode (scripts/bench_*.py --smoke): tiny sizes, a few seconds each, no
# goal asserted. CI runs this so a benchmark that no longer runs (an API it uses moved, a flag
# broke) fails the build instead of being found broken the day someone needs the figures.
#
# A benchmark without a --smoke mode is an error, so a new bench_*.py cannot be left out silently.
# Sets up .venv like the test script; extra arguments are ignored.
set -uo pipefail
source "$(dirname "$0")/_venv.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

status=0
ran=0
for bench in scripts/bench_*.py; do
  name="$(basename "$bench")"
  if ! grep -q -- '--smoke' "$bench"; then
    echo "bench smoke: FAIL $name has no --smoke mode" >&2
    status=1
    continue
  fi
  started=$SECONDS
  if .venv/bin/python "$bench" --smoke >".venv/bench-smoke-${name%.py}.log" 2>&1; then
    echo "bench smoke: ok   $name ($((SECONDS - started)) s)"
    ran=$((ran + 1))
  else
    echo "bench smoke: FAIL $name (exit $?); its output:" >&2
    cat ".venv/bench-smoke-${name%.py}.log" >&2
    status=1
  fi
done
if [ "$ran" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "bench smoke: no benchmark ran (scripts/bench_*.py missing?)" >&2
  status=1
fi
exit "$status"
