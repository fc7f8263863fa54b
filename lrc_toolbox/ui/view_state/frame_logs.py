"""One frame's log lines: the part of each render's log that was about that frame.

A render's log is one stream for all the frames of its chunk. The renderer's own line rules (the
profiles of :mod:`lrc_toolbox.renderers`, the same the engine reads progress with) say where each
frame starts; the lines from there to the next frame's start are that frame's. A frame tried by
several renders (a retry) gets the part of each, oldest first, under a marker naming the render.
When a render's kept lines never reach the frame (it crashed before, or the lines were too old to
keep), its last lines are shown instead, and the marker says so: the crash is usually there.

Pure Python, no Qt: the Logs panel shows the records this returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from lrc_toolbox.renderers import get_profile, profile_names
from lrc_toolbox.renderers.base import LogParser
from lrc_toolbox.ui.view_state.log_buffer import TEXT, LogRecord

__all__ = [
    "FRAME_MARKER_LEVEL",
    "LAST_LINES_SHOWN",
    "frame_log_records",
    "frame_part",
    "new_parser",
]

#: Lines of a render shown when its kept lines never reach the frame.
LAST_LINES_SHOWN: int = 40
#: Level of the markers between the parts (the Logs panel draws it like its own notes).
FRAME_MARKER_LEVEL: str = "marker"


def new_parser(renderer: str) -> LogParser:
    """A line parser for ``renderer``'s logs (every renderer's rules when it is unknown)."""
    return get_profile(renderer if renderer in profile_names() else "file").new_parser()


def frame_part(lines: Iterable[str], frame: int, parser: LogParser) -> list[int] | None:
    """Positions of the lines about ``frame`` in one render's lines, or None if it never started.

    Args:
        lines: The render's lines, in order.
        frame: The frame.
        parser: A fresh parser for the render's renderer.

    Returns:
        The positions (from the line that starts the frame to the line before the next frame
        starts), or None when no line starts it.
    """
    wanted: list[int] | None = None
    for position, line in enumerate(lines):
        parser.feed(line)
        if parser.current_frame == frame:
            if wanted is None:
                wanted = []
            wanted.append(position)
    return wanted


def _marker(job_id: str, task_id: str, text: str) -> LogRecord:
    return (job_id, task_id, text, FRAME_MARKER_LEVEL)


def frame_log_records(
    *,
    job_id: str,
    layer: str,
    frame: int,
    tasks: Sequence[str],
    lines_of: Callable[[str], Sequence[LogRecord]],
    renderer: str,
) -> list[LogRecord]:
    """The log lines about one frame, from every render that tried it.

    Args:
        job_id: The job.
        layer: The frame's layer (named in the markers).
        frame: The frame.
        tasks: The renders that tried it, oldest first.
        lines_of: A render's kept lines (records of the log buffer).
        renderer: The job's renderer profile name (how frames start in its logs).

    Returns:
        Records, with a marker before each render's part.
    """
    if not tasks:
        return [_marker(job_id, "", f"── {layer} frame {frame}: no render has tried it yet ──")]
    shown: list[LogRecord] = []
    for attempt, task_id in enumerate(tasks, start=1):
        records = lines_of(task_id)
        head = f"── {layer} frame {frame} · {task_id} (attempt {attempt})"
        positions = frame_part((record[TEXT] for record in records), frame, new_parser(renderer))
        if positions:
            shown.append(_marker(job_id, task_id, f"{head} ──"))
            shown.extend(records[position] for position in positions)
        elif records:
            shown.append(
                _marker(
                    job_id,
                    task_id,
                    f"{head}: it did not start this frame in the lines kept; its last "
                    f"{min(LAST_LINES_SHOWN, len(records))} lines ──",
                )
            )
            shown.extend(records[-LAST_LINES_SHOWN:])
        else:
            shown.append(_marker(job_id, task_id, f"{head}: no lines kept (Open log file) ──"))
    return shown
