"""Moving many frames at once: read their states, sort the moves, build the ``UPDATE``.

:meth:`~lrc_toolbox.core.job_store.JobStore.set_frames_state` moves up to 100,000 frames in one
transaction, all or none; these helpers do the per-frame work inside that transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from lrc_toolbox.core.job_store_states import FRAME_TRANSITIONS, STICKY_FRAME_STATES
from lrc_toolbox.core.models import FrameState

__all__ = ["frame_update_sql", "preview", "read_frame_states", "sort_frame_moves"]

#: Host parameters per ``IN (...)`` query; far below SQLite's oldest limit of 999.
IN_CHUNK_SIZE: int = 500


def read_frame_states(
    conn: sqlite3.Connection, job_id: str, layer: str, frames: Sequence[int]
) -> dict[int, str]:
    """The stored state (raw column text) of each of ``frames`` that exists in the job's layer.

    Args:
        conn: The connection, inside the caller's transaction.
        job_id: The job.
        layer: The render layer.
        frames: Frame numbers, without duplicates.

    Returns:
        ``{frame: state}``; frames not in the store are absent.
    """
    current: dict[int, str] = {}
    for start in range(0, len(frames), IN_CHUNK_SIZE):
        chunk = frames[start : start + IN_CHUNK_SIZE]
        current.update(
            conn.execute(
                "SELECT frame, state FROM frames WHERE job_id = ? AND layer = ? "
                f"AND frame IN ({', '.join('?' * len(chunk))})",
                (job_id, layer, *chunk),
            ).fetchall()
        )
    return current


def sort_frame_moves(
    current: dict[int, str], frames: Sequence[int], new: FrameState
) -> tuple[list[int], list[str]]:
    """Split ``frames`` into those that move to ``new`` and those the state machine refuses.

    Frames already in ``new`` and sticky frames (a verified image exists) are in neither list:
    they are left alone.

    Args:
        current: Every frame's stored state (see :func:`read_frame_states`).
        frames: The frames asked to move, in the caller's order.
        new: The state asked for.

    Returns:
        ``(changed, refused)``: frames to update, in the order given; ``"<frame> (<state>)"`` for
        each refused frame.
    """
    # Compare raw column strings: this loop runs once per frame, up to 100k times.
    keep = {s.value for s in STICKY_FRAME_STATES} | {new.value}
    sources = {old.value for old, nxt in FRAME_TRANSITIONS.items() if new in nxt}
    changed: list[int] = []
    refused: list[str] = []
    for frame in frames:
        old = current[frame]
        if old in sources:
            changed.append(frame)
        elif old not in keep:
            refused.append(f"{frame} ({old})")
    return changed, refused


def preview(items: Sequence[Any], limit: int = 10) -> str:
    """The first ``limit`` items, comma-separated, and how many more there are."""
    shown = ", ".join(str(item) for item in items[:limit])
    return shown if len(items) <= limit else f"{shown} and {len(items) - limit} more"


def frame_update_sql(
    new: FrameState,
    now: float,
    task_id: str | None,
    gpu: str | None,
    output_path: str | None,
    reason: str | None,
    render_s: float | None = None,
) -> tuple[str, tuple[Any, ...]]:
    """The ``SET`` clause (fixed text, no user data) and its values for a move to ``new``."""
    sets = ["state = ?"]
    values: list[Any] = [new.value]
    if new == FrameState.RENDERING:
        # Entering rendering is an assignment: whatever ran it before no longer applies.
        sets += ["task_id = ?", "gpu = ?", "reason = ?", "attempts = attempts + 1"]
        sets += ["started_at = ?", "ended_at = NULL", "render_s = NULL"]
        values += [task_id, gpu, reason, now]
    else:
        sets += ["task_id = COALESCE(?, task_id)", "gpu = COALESCE(?, gpu)"]
        values += [task_id, gpu]
        # A done frame has no error to show; elsewhere keep the last reason unless told one.
        sets.append("reason = ?" if new == FrameState.DONE else "reason = COALESCE(?, reason)")
        values.append(reason)
        if new == FrameState.PENDING:
            sets.append("ended_at = NULL")
        else:
            sets.append("ended_at = ?")
            values.append(now)
    sets.append("output_path = COALESCE(?, output_path)")
    values.append(output_path)
    if new != FrameState.RENDERING:
        sets.append("render_s = COALESCE(?, render_s)")
        values.append(render_s)
    return ", ".join(sets), tuple(values)
