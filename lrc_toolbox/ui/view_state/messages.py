"""The message bar's longer texts, as pure functions: what the dialog says, tested without Qt.

Each function returns the text (lines joined with ``\\n``) and, where the wording decides it, the
bar's level (``info``, ``success``, ``warning``, ``error``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState
from lrc_toolbox.core.notifications import job_finished_message
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.job_history import JobRow

__all__ = [
    "FARM_FILES_SHOWN",
    "farm_outcome_text",
    "job_finished_text",
    "job_started_text",
    "orphan_offer_text",
]

#: Files of a farm export named in the message (the rest are elided).
FARM_FILES_SHOWN: int = 4


def job_finished_text(event: ev.JobFinished, first_failure_reason: str | None) -> tuple[str, str]:
    """What the bar says when a job ends.

    The same words as the host's notification (tray, Maya's in-view message), then what only the
    dialog can add: the reason of the first failure and what to do about it.

    Args:
        event: The engine's end-of-job event.
        first_failure_reason: The reason of the job's first failed render as the table shows
            it, used when the event names none.

    Returns:
        The text and the level: success, warning (cancelled) or error (frames failed).
    """
    title, body = job_finished_message(event)
    headline = f"{title} (job {event.job_id}): {body}"
    done = sum(len(result.get("done", ())) for result in event.layers.values())
    failed_layers = {
        layer: result.get("failed", ())
        for layer, result in event.layers.items()
        if result.get("failed")
    }
    failed = sum(len(frames) for frames in failed_layers.values())
    if event.ok:
        return headline, "success"
    if event.state is JobState.CANCELLED:
        return (
            f"{headline}\nJob {event.job_id} stopped ({event.reason or 'cancelled'}): "
            f"{plural(done, 'frame')} verified, {plural(failed, 'frame')} not rendered.",
            "warning",
        )
    reason = event.reason or first_failure_reason or "see the task logs"
    layers = ", ".join(sorted(failed_layers))
    return (
        f"{headline}\nJob {event.job_id} finished with {plural(failed, 'failed frame')} "
        f"({layers}): {reason}. Retry Failed (or History › Re-run failed frames) "
        "re-renders only those frames.",
        "error",
    )


def orphan_offer_text(rows: Sequence[JobRow]) -> str:
    """The offer to resume or cancel orphaned jobs (the newest first in ``rows``).

    Args:
        rows: Orphaned jobs, newest first (at least one).

    Returns:
        The text naming the newest job, and how many more History lists.
    """
    newest = rows[0]
    scene = os.path.basename(newest.scene) or newest.scene
    lines = [
        f"Job {newest.job_id} ({scene}, {newest.frames_done:,}/{newest.frames_total:,} "
        "frames verified) lost the process that ran it (Maya or a CLI ended while it "
        "rendered); its renders may still be running.",
        "Resume re-attaches to them and renders what is left; Cancel stops them.",
    ]
    if len(rows) > 1:
        lines.append(f"{plural(len(rows) - 1, 'more orphaned job')} in History.")
    return "\n".join(lines)


def job_started_text(job_id: str, total_frames: int, notes: Sequence[str]) -> str:
    """What the bar says when the engine accepted a job (with its notes)."""
    lines = [f"Started job {job_id}: {plural(total_frames, 'frame')}."]
    lines += [f"Note: {note}" for note in notes]
    return "\n".join(lines)


def farm_outcome_text(message: str, files: Sequence[str]) -> str:
    """What the bar says after a farm submission or dry run: its message and the files written."""
    lines = [message]
    if files:
        lines.append(
            "Files: "
            + ", ".join(files[:FARM_FILES_SHOWN])
            + (" …" if len(files) > FARM_FILES_SHOWN else "")
        )
    return "\n".join(lines)
