"""Engine messages in the dialog's words: its fields and buttons, never a CLI flag or a file.

The engine speaks to every front at once, and its messages name the command line's flags
("Name GPUs with --gpus 0,1 ... or lower --reserve-gpus") or, for a TD, the module a limit lives
in. The artist in the dialog has no command line: :func:`in_dialog_words` rewrites such a
message to name what they can change (*Only these GPUs* under Advanced, *Keep GPUs free*). The
sentences the engine is known to say get a whole new wording (:data:`SENTENCES`); any other flag
becomes its field's name (:data:`FLAG_FIELDS`), and a source file named in passing is left out.

Every message the dialog shows goes through here: the message bar, the System Resources notes,
the frame field's verdict, the layer list's note, and the status tooltips. Pure Python, no Qt.
"""

from __future__ import annotations

import re

__all__ = ["FLAG_FIELDS", "NOT_IN_THE_DIALOG", "SENTENCES", "in_dialog_words"]

#: Each command-line flag and the dialog field (or button) that sets the same thing.
FLAG_FIELDS: dict[str, str] = {
    "--scene": "the scene (Open…)",
    "--layer": "Render Layers",
    "--layers": "Render Layers",
    "--frames": "Frame Range",
    "--step": "Step",
    "--renderer": "Renderer",
    "--render-exe": "Render executable (Advanced)",
    "--gpu": "Only these GPUs (Advanced)",
    "--gpus": "Only these GPUs (Advanced)",
    "--gpu-count": "GPU Allocation",
    "--reserve-gpus": "Keep GPUs free (Advanced)",
    "--renders-per-gpu": "Renders per GPU",
    "--cpu-threads": "CPU Threads",
    "--mode": "Mode",
    "--chunk-size": "Chunk size (Advanced)",
    "--output-dir": "Output Folder",
    "--retries": "Retries (Advanced)",
    "--hang-timeout": "Hang timeout (Advanced)",
    "--start-timeout": "Start timeout (Advanced)",
    "--max-task-time": "the longest time a render may take",
    "--skip-existing": "Skip frames whose images exist (Advanced)",
    "--keep-temp": "Keep temp scenes (Advanced)",
    # Farm submission: the button, and what a TD sets up for it (no field in the dialog).
    "--submit": "Submit to farm",
    "--farm-render": "the workers' Render (a farm setting)",
    "--farm-out": "the farm files folder (a farm setting)",
    "--farm-job-name": "the farm job name (a farm setting)",
    "--conda-packages": "the farm's conda packages (a farm setting)",
    "--show": "the OpenCue show (a farm setting)",
    "--shot": "the OpenCue shot (a farm setting)",
    "--cue-spec-version": "the OpenCue spec version (a farm setting)",
    "--concurrent-tasks": "Deadline's concurrent tasks (a farm setting)",
}

#: Command-line options with no field in the dialog (they never appear in its messages).
NOT_IN_THE_DIALOG: frozenset[str] = frozenset(
    {
        "--version",
        "--help",
        "--project",
        "--store",
        "--json",
        "--dry-run",
        "--list-layers",
        "--notify",
    }
)

#: Whole sentences the engine says, reworded for the dialog (pattern -> replacement).
SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Name GPUs with --gpus 0,1 to use them anyway, or lower --reserve-gpus"),
        "Type their numbers (0,1) in Only these GPUs (Advanced) to use them anyway, or lower "
        "Keep GPUs free (Advanced)",
    ),
    (
        re.compile(r"Point at it with --render-exe (\S+) (\([^)]*\))?,?\s*"),
        r"Choose it with Browse… next to Render executable (Advanced): \1 \2, ",
    ),
    (
        re.compile(
            r"raise the limit, which is configurable \(max_frames=, default MAX_FRAMES in "
            r"[\w/\\.]+\.py\)"
        ),
        "render fewer frames per job (your pipeline TD can raise this limit)",
    ),
    (
        re.compile(r"name the layers to render with --layer NAME"),
        "type the layer names in Render Layers",
    ),
    (
        re.compile(r"name layers with --layer NAME"),
        "tick the layers to render in Render Layers",
    ),
    (
        re.compile(r"render explicitly \(--layer NAME\)"),
        "render by name in Render Layers",
    ),
    (re.compile(r"give --frames"), "type the frames in Frame Range"),
)

_FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*)(?:[ =](?:NAME|N|PATH|FILE|\d[\d,]*))?")
#: A source file or module path named in passing (``lrc_toolbox/config/x.py``, ``(see x.py)``).
_SOURCE_FILE = re.compile(r"\s*\((?:[^()]*?)[\w/\\.-]+\.py(?:[^()]*?)\)|\s*\b[\w/\\.-]+\.py\b")


def _field(match: re.Match[str]) -> str:
    flag = match.group(1)
    return FLAG_FIELDS.get(flag, "the settings" if flag not in NOT_IN_THE_DIALOG else "")


def in_dialog_words(message: str) -> str:
    """``message`` with CLI flags replaced by the dialog's field names, and no source files.

    Args:
        message: A message from the engine (or the dialog's own, which passes unchanged).

    Returns:
        The message as the dialog shows it.
    """
    if "--" not in message and ".py" not in message:
        return message
    for pattern, replacement in SENTENCES:
        message = pattern.sub(replacement, message)
    message = _FLAG.sub(_field, message)
    message = _SOURCE_FILE.sub("", message)
    return re.sub(r"(?<=\S) {2,}", " ", message).replace(" ,", ",").strip()
