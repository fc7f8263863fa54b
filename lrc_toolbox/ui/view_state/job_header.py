"""The line above Active Renders: which job, how it is doing, how much is left, and when it ends.

Built from the frame map's counts (the same numbers the map draws), the engine's
:class:`~lrc_toolbox.core.events.JobProgress` (its time left, from the learned start-up and frame
times) and the job's end. Honest numbers:

* the bar is verified frames over all frames, and shows 100% only when every frame is verified
  (119 of 120 reads 99%, not a rounded 100%);
* the time left reads "estimating…" until the engine has timed a frame, and counts down between
  the engine's updates;
* the state is "Rendering", then "All verified", "N frames failed" or "Stopped"
  (:func:`~lrc_toolbox.ui.view_state.status_words.job_end_words`).

Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState
from lrc_toolbox.ui.view_state.formatting import format_duration, plural
from lrc_toolbox.ui.view_state.frame_map import FrameCell
from lrc_toolbox.ui.view_state.status_words import Tone, Words, job_end_words

__all__ = ["ESTIMATING", "NO_JOB", "JobHeader", "ProgressClock", "job_header", "percent_floor"]

#: What the time left reads before the engine has timed a frame.
ESTIMATING = "estimating…"
#: The header before any job.
NO_JOB = "No job yet: configure one and press Start. Earlier jobs are in History."


def percent_floor(done: int, total: int) -> int:
    """Whole percent of ``done`` over ``total``, rounded down: 100 only when all are done."""
    if total <= 0:
        return 0
    return min(100, done * 100 // total)


@dataclass(frozen=True)
class JobHeader:
    """What the header shows.

    Attributes:
        title: The job's name (scene and id).
        state: Its state in a few words, with the tooltip and tone.
        counts_text: Frames by state (``17 verified · 1 retrying · 2 failed · 5 rendering``).
        fraction: Verified frames over all frames (the bar).
        bar_text: The bar's text (``17 / 72 frames verified (23%)``).
        eta_text: ``ETA 3:12``, ``ETA estimating…``, or the time it took once it ended.
        eta_tooltip: Where the time left comes from.
    """

    title: str
    state: Words
    counts_text: str
    fraction: float
    bar_text: str
    eta_text: str
    eta_tooltip: str


class ProgressClock:
    """The engine's latest time left for a job, counted down until the next one arrives."""

    def __init__(self) -> None:
        self.job_id = ""
        self._eta_s: float | None = None
        self._at = 0.0
        self.elapsed_s = 0.0
        self._elapsed_at = 0.0

    def update(self, event: ev.JobProgress, now: float) -> None:
        """Take the engine's latest estimate (``now``: the dialog's monotonic clock)."""
        if event.job_id != self.job_id:
            self.job_id = event.job_id
        self._eta_s = event.eta_s
        self._at = now
        self.elapsed_s = event.elapsed_s
        self._elapsed_at = now

    def reset(self, job_id: str) -> None:
        """A new job: nothing estimated yet."""
        self.job_id = job_id
        self._eta_s = None
        self.elapsed_s = 0.0

    def eta_s(self, now: float) -> float | None:
        """Seconds left now, or None while estimating."""
        if self._eta_s is None:
            return None
        return max(0.0, self._eta_s - (now - self._at))


def _counts_text(counts: Mapping[FrameCell, int]) -> str:
    parts = [f"{counts.get(FrameCell.VERIFIED, 0):,} verified"]
    for cell, word in (
        (FrameCell.RENDERING, "rendering"),
        (FrameCell.RETRYING, "retrying"),
        (FrameCell.FAILED, "failed"),
        (FrameCell.STOPPED, "not rendered"),
    ):
        count = counts.get(cell, 0)
        if cell is FrameCell.RENDERING:
            count += counts.get(FrameCell.ASSIGNED, 0)
            word = "in renders"
        if count:
            parts.append(f"{count:,} {word}")
    queued = counts.get(FrameCell.QUEUED, 0)
    if queued:
        parts.append(f"{queued:,} queued")
    return " · ".join(parts)


def job_header(
    *,
    job_id: str,
    label: str,
    counts: Mapping[FrameCell, int],
    total: int,
    finished: bool,
    end_state: JobState | None,
    eta_s: float | None,
    took_s: float | None = None,
) -> JobHeader:
    """The header of the job shown in Active Renders.

    Args:
        job_id: The job ("" before any: the header invites to start one).
        label: The job's scene, as the dialog names it ("" when unknown).
        counts: Frames per state (from the frame map).
        total: Frames of the job.
        finished: The job ended.
        end_state: How it ended.
        eta_s: The time left now, or None while estimating.
        took_s: How long it ran, once it ended.

    Returns:
        The header.
    """
    if not job_id:
        idle = Words("", NO_JOB, Tone.PLAIN)
        return JobHeader(NO_JOB, idle, "", 0.0, "", "", "")
    title = f"{label} · job {job_id}" if label else f"Job {job_id}"
    verified = counts.get(FrameCell.VERIFIED, 0)
    failed = counts.get(FrameCell.FAILED, 0)
    if finished:
        state = job_end_words(end_state, failed, counts.get(FrameCell.STOPPED, 0))
    else:
        state = Words("Rendering", "The job is rendering.", Tone.ACTIVE)
        if failed:
            state = Words(
                f"Rendering, {plural(failed, 'frame')} failed",
                f"The job is rendering; {plural(failed, 'frame')} failed for good so far.",
                Tone.BAD,
            )
    bar_text = f"{verified:,} / {total:,} frames verified ({percent_floor(verified, total)}%)"
    if finished:
        eta_text = f"took {format_duration(took_s)}" if took_s is not None else ""
        eta_tip = "How long the job ran."
    elif eta_s is None:
        eta_text = f"ETA {ESTIMATING}"
        eta_tip = (
            "The time left is estimated from the measured start-up and frame times of this "
            "job's renders: it shows once a frame has been timed."
        )
    else:
        eta_text = f"ETA {format_duration(eta_s)}"
        eta_tip = (
            "Time left, from the measured start-up and per-layer frame times of this job's "
            "renders, shared by its GPUs."
        )
    return JobHeader(
        title=title,
        state=state,
        counts_text=_counts_text(counts),
        fraction=verified / total if total else 0.0,
        bar_text=bar_text,
        eta_text=eta_text,
        eta_tooltip=eta_tip,
    )
