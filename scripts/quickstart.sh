#!/usr/bin/env bash
# The main job for a new user: set up .venv, then render every renderable layer of the sample scene
# on two GPU slots. With Maya installed (MAYA_LOCATION, the standard install folders, or Render on
# PATH) it uses the real Render; without Maya it uses the project's Render STAND-IN, which only
# imitates Render (log lines, one placeholder image per frame) so you can see the tool work.
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
args=(--scene examples/shot001.ma --layers all --frames 1-12 --gpus 0,1 --output-dir out/images)
if .venv/bin/python -c 'from lrc_toolbox.core.render_executable import find_render_executable as f; f()' 2>/dev/null; then
  echo "Maya's Render found: rendering the sample scene for real."
else
  echo "No Maya Render found: using the Render STAND-IN (not Maya; placeholder images)."
  args+=(--render-exe .venv/bin/lrc-render-standin)
fi
set -x
.venv/bin/lrc-batch-render "${args[@]}" "$@"
