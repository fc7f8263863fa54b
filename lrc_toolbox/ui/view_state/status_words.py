"""Honest status words: what a render's row and a job's header say, in a few words.

The rules (what an artist reads in the morning):

* a render whose missing frames all went to a retry did not fail: it reads **"Done, 1 frame
  retried"** when it verified some of its frames, **"Requeued"** when none; only a render with
  frames that failed for good reads **"Failed"** and is drawn red;
* a render the artist stopped reads **"Stopped"** (its unfinished frames are retried);
* a job ends **"All verified"**, **"N frames failed"** or **"Stopped"**, never a bare "failed";
* the column says it in a few words (:attr:`Words.short`); the whole reason is in the tooltip
  (:attr:`Words.full`).

Pure Python (no Qt); the table model and the header colour by :class:`Tone`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from lrc_toolbox.core.models import JobState
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.row_state import RowState
from lrc_toolbox.utils.str_enum import StrEnum

__all__ = ["Tone", "Words", "job_end_words", "task_words"]


class Tone(StrEnum):
    """How a status is coloured: only ``BAD`` is red."""

    PLAIN = "plain"
    ACTIVE = "active"
    GOOD = "good"
    RETRY = "retry"
    MUTED = "muted"
    BAD = "bad"


class TaskRow(Protocol):
    """What the words need of a row (:class:`~lrc_toolbox.ui.view_state.render_rows.TaskRow`)."""

    state: RowState
    attempt: int
    frames: tuple[int, ...]
    current_frame: int | None
    percent: float | None
    reason: str | None
    frames_failed: int
    frames_failed_final: int
    frames_requeued: int

    @property
    def is_waiting_row(self) -> bool:
        """A layer's queued frames, not a render."""
        ...

    @property
    def layer_text(self) -> str:
        """The layer(s)."""
        ...

    @property
    def frames_done(self) -> int:
        """Frames verified."""
        ...

    @property
    def frames_total(self) -> int:
        """Frames of the render."""
        ...


@dataclass(frozen=True)
class Words:
    """A status in a few words, the whole of it, and its colour.

    Attributes:
        short: What the column or header shows.
        full: The tooltip: every reason, in sentences.
        tone: How it is coloured.
    """

    short: str
    full: str
    tone: Tone


def _doing(row: TaskRow) -> str:
    if row.current_frame is None:
        return "starting"
    text = f"frame {row.current_frame}"
    if row.percent is not None:
        text += f" ({row.percent:.0f}%)"
    return text


def _active_words(row: TaskRow) -> Words:
    label = f"Retry {row.attempt}" if row.state is RowState.RETRYING else "Rendering"
    short = f"{label}: {_doing(row)}"
    full = (
        f"{'Retrying' if row.state is RowState.RETRYING else 'Rendering'} "
        f"{row.layer_text}, {_doing(row)}; {row.frames_done} of {row.frames_total} frames "
        "verified so far."
    )
    if row.attempt > 1:
        full += f" Attempt {row.attempt}: an earlier render did not deliver these frames."
    return Words(short, full, Tone.ACTIVE)


def _reason(row: TaskRow) -> str:
    return f" ({row.reason})" if row.reason else ""


def _ended_words(row: TaskRow) -> Words:
    done, total = row.frames_done, row.frames_total
    final = row.frames_failed_final
    requeued = row.frames_requeued
    if row.state is RowState.STOPPED:
        short = "Stopped" + (f", {plural(requeued, 'frame')} requeued" if requeued else "")
        full = f"Stopped{_reason(row)}: {done} of {total} frames verified."
        if requeued:
            full += f" {plural(requeued, 'frame')} went back to the queue for another render."
        return Words(short, full, Tone.MUTED)
    if final:
        short = f"Failed: {plural(final, 'frame')}"
        full = f"{plural(final, 'frame')} failed for good{_reason(row)}."
        if requeued:
            full += f" {plural(requeued, 'other frame')} went to a retry."
        full += f" {done} of {total} frames verified."
        return Words(short, full, Tone.BAD)
    missing = max(row.frames_failed, requeued)
    if row.state is RowState.DONE and not missing:
        note = f" Note: {row.reason}." if row.reason else ""
        return Words("Done", f"All {plural(total, 'frame')} verified.{note}", Tone.GOOD)
    if missing and not requeued:
        # What becomes of them (a retry, or a failure) is said by the events that follow.
        short = f"Ended: {plural(missing, 'frame')} missing"
        full = f"Ended{_reason(row)}: {done} of {total} frames verified."
        return Words(short, full, Tone.MUTED)
    if missing:
        short = f"Done, {plural(missing, 'frame')} retried" if done else "Requeued"
        full = (
            f"This render ended without {plural(missing, 'frame')}{_reason(row)}; "
            f"{'they were' if missing > 1 else 'it was'} sent to another render (a retry), "
            f"nothing failed. {done} of {total} frames verified here."
        )
        return Words(short, full, Tone.RETRY)
    # Failed with nothing missing and nothing final: the job ended around it.
    return Words("Ended", f"Ended{_reason(row)}: {done} of {total} frames verified.", Tone.MUTED)


def task_words(row: TaskRow) -> Words:
    """The Status column of a render's row (or of a layer's queued frames).

    Args:
        row: The row.

    Returns:
        Its words.
    """
    if row.is_waiting_row:
        count = len(row.frames)
        full = f"{plural(count, 'frame')} of {row.layer_text} waiting for a free slot."
        if row.reason:
            full += f" {row.reason}."
        return Words("Queued", full, Tone.PLAIN)
    if row.state.is_active:
        return _active_words(row)
    return _ended_words(row)


def job_end_words(state: JobState | None, failed: int, not_rendered: int = 0) -> Words:
    """How a job ended, for its header and the message bar.

    Args:
        state: The engine's end state (None: it has not ended).
        failed: Frames that failed for good.
        not_rendered: Frames a stopped job never rendered.

    Returns:
        "All verified", "N frames failed" or "Stopped" (with what was left), and the tone.
    """
    if state is None:
        return Words("Rendering", "The job is rendering.", Tone.ACTIVE)
    if state is JobState.SUCCEEDED:
        return Words("All verified", "Every frame has a verified image.", Tone.GOOD)
    if state is JobState.CANCELLED:
        short = "Stopped"
        full = "The job was stopped."
        if not_rendered:
            full += f" {plural(not_rendered, 'frame')} not rendered."
        if failed:
            short += f", {plural(failed, 'frame')} failed"
            full += f" {plural(failed, 'frame')} failed before it stopped."
        return Words(short, full, Tone.BAD if failed else Tone.MUTED)
    short = f"{plural(failed, 'frame')} failed" if failed else "Ended with frames missing"
    full = (
        f"{plural(failed, 'frame')} failed for good; every other frame is verified. "
        "Retry Failed re-renders only those frames."
    )
    return Words(short, full, Tone.BAD)
