"""The job as a whole: frames verified, failed, waiting for a retry, and when the job should end.

The estimate of the time left uses what the cost model learned while rendering (the start-up time
of a launch and each layer's frame time, :class:`~lrc_toolbox.core.scheduler.CostModel`) and
nothing else: until one frame has been timed there is no estimate (``None``, shown as
"estimating..."), because a guess from the priors is what made every task read "4:30" while its
renders were still starting.

The rules, pure (no clock, no threads):

* the work left is the running tasks' frames not verified yet (plus what is left of a launch's
  start-up for a task whose first frame has not begun), the queued frames, and one start-up for
  every launch the queued frames will still need (at the job's frames per launch so far);
* that work is shared by the slots, and the job cannot end before its longest running task:
  ``eta = max(work / slots, longest running task left)``.

:class:`JobProgressReporter` decides when the supervisor publishes a
:class:`~lrc_toolbox.core.events.JobProgress`: when a frame was verified or failed (at once,
unless the last publication is under :data:`JOB_PROGRESS_MIN_GAP_S` old: frames decided in a burst
go out together), every :data:`JOB_PROGRESS_INTERVAL_S` while anything runs (the time left moves),
and once at the end (the supervisor's final call).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from lrc_toolbox.core.scheduler import CostModel, TaskLoad

__all__ = [
    "JOB_PROGRESS_INTERVAL_S",
    "JOB_PROGRESS_MIN_GAP_S",
    "JobCounts",
    "JobProgressReporter",
    "estimate_eta_s",
]

#: A job's progress is published at least this often while it runs (seconds).
JOB_PROGRESS_INTERVAL_S: float = 1.0
#: Shortest time between two publications when frames are decided in a burst (the dialog's
#: bridge shows at most ~10 updates a second anyway).
JOB_PROGRESS_MIN_GAP_S: float = 0.1


@dataclass(frozen=True)
class JobCounts:
    """(layer, frame) pairs of a job by what became of them.

    Attributes:
        done: Pairs with a verified image.
        failed: Pairs failed for good.
        total: Every pair of the job.
        requeued: Queued pairs that an earlier task already tried (waiting for a retry).
    """

    done: int
    failed: int
    total: int
    requeued: int = 0


def estimate_eta_s(
    *,
    cost: CostModel,
    layers: Iterable[str],
    queued: Mapping[str, int],
    running: Sequence[TaskLoad],
    slots: int,
    frames_per_launch: float,
    now: float,
) -> float | None:
    """Seconds until the job should end, or None before any frame was timed.

    Args:
        cost: The job's cost model (learned start-up and per-layer frame times).
        layers: The job's layers.
        queued: Frames still queued per layer.
        running: The running tasks, as the work queue sees them.
        slots: Slots the job renders on (at least one is assumed).
        frames_per_launch: Frames a launch has rendered so far on average (a chunk).
        now: The job clock's monotonic time (start-ups in progress are measured from it).

    Returns:
        The estimate in seconds (0 when nothing is left), or None when nothing was measured.
    """
    if not any(cost.is_measured(layer) for layer in layers):
        return None
    startup = cost.startup_s()
    longest = 0.0
    running_left = 0.0
    for task in running:
        left = task.frames_left * sum(cost.frame_s(layer) for layer in task.layers)
        if not task.first_frame_seen:
            left += max(0.0, startup - (now - task.started_s))
        left = max(0.0, left)
        running_left += left
        longest = max(longest, left)
    queued_frames = sum(queued.values())
    queued_work = sum(count * cost.frame_s(layer) for layer, count in queued.items())
    launches = math.ceil(queued_frames / max(1.0, frames_per_launch)) if queued_frames else 0
    work = running_left + queued_work + launches * startup
    return max(work / max(1, slots), longest)


class ProgressSink(Protocol):
    """Where the reporter publishes (the job's recorder)."""

    def job_progress(self, counts: JobCounts, *, eta_s: float | None, elapsed_s: float) -> None:
        """Publish the job's progress."""
        ...


class JobProgressReporter:
    """Publishes the job's progress when its counts change, and every so often while it runs.

    Args:
        sink: Where the progress goes (the recorder).
        interval_s: Longest time between two publications while the job runs.
    """

    def __init__(
        self,
        sink: ProgressSink,
        interval_s: float = JOB_PROGRESS_INTERVAL_S,
        min_gap_s: float = JOB_PROGRESS_MIN_GAP_S,
    ) -> None:
        self._sink = sink
        self._interval_s = interval_s
        self._min_gap_s = min_gap_s
        self._last_counts: tuple[int, int] | None = None
        self._last_at: float | None = None

    def due(self, counts: tuple[int, int], now: float) -> bool:
        """True when (done, failed) changed or the interval passed since the last publication.

        A change is published at once unless the last publication is under ``min_gap_s`` old
        (frames that end together): then it goes out with the first call after the gap, so a
        job of thousands of quick frames does not publish (and estimate) once per frame.
        """
        if self._last_at is None:
            return True
        since = now - self._last_at
        if counts != self._last_counts:
            return since >= self._min_gap_s
        return since >= self._interval_s

    def publish(
        self, counts: JobCounts, *, eta_s: float | None, elapsed_s: float, now: float
    ) -> None:
        """Publish now and remember what and when."""
        self._last_counts = (counts.done, counts.failed)
        self._last_at = now
        self._sink.job_progress(counts, eta_s=eta_s, elapsed_s=elapsed_s)
