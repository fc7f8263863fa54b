"""Rows of the Active Renders table, built from engine events (pure Python, no Qt).

One row per task (a render process: layer(s), a run of frames, a GPU slot), plus one *waiting* row
per layer while some of its frames have not been given to a render yet ("Queue" in the spec's
drawing). :class:`TaskRowsState` applies events in order and says which rows changed, appeared
or disappeared; the Qt model only translates that into Qt's row signals.

The rows are the current job's only: when a new job starts, the earlier job's rows go (History
keeps them). A row's progress never goes backwards (a new frame starting at 0% does not undo the
last one's 95%) and reaches 100% only when every frame of the task is verified.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState, TaskState, TaskStatus
from lrc_toolbox.ui.view_state.row_state import STATE_SORT_ORDER, RowState
from lrc_toolbox.ui.view_state.status_words import task_words

__all__ = [
    "STATE_SORT_ORDER",
    "Changes",
    "RowKey",
    "RowListener",
    "RowState",
    "TaskRow",
    "TaskRowsState",
]

RowKey = tuple[str, str, str]  # (job id, task id or "", layer for a waiting row or "")


_FINISHED_STATES: dict[TaskState, RowState] = {
    TaskState.SUCCEEDED: RowState.DONE,
    TaskState.FAILED: RowState.FAILED,
    TaskState.KILLED: RowState.FAILED,
    TaskState.CANCELLED: RowState.STOPPED,
}


@dataclass
class TaskRow:
    """One line of the Active Renders table.

    Attributes:
        job_id: The job the row belongs to.
        task_id: The engine's task id, or ``""`` for a layer's waiting row.
        layers: Layer(s) the task renders (one in separate mode).
        frames: The task's frames (per layer); for a waiting row, the frames still queued.
        state: What the Status column shows.
        gpu: Slot label (``GPU 1``, ``GPU 1 #2``, ``CPU #1``).
        device: What the render is pinned to (GPU UUID or index), None for a CPU render.
        pid: The render's process id, when launched.
        attempt: 1 for a first render of these frames, 2+ for retries.
        done_keys: (layer, frame) pairs verified done by this task.
        reported_done: Done count from the engine's status (a re-opened dialog missed the events).
        frames_failed: Frames the task ended without.
        frames_requeued: Of those, frames handed to a retry.
        frames_failed_final: Of those, frames failed for good.
        current_frame: Frame being rendered.
        percent: Percent of the current frame.
        reason: Why the task failed or stopped (or a note on success).
        log_path: The task's log file.
        last_output: The last image verified (for "open output folder").
        started_at: When the task started (monotonic seconds).
        finished_at: When it ended (monotonic seconds).
        eta_s: The engine's estimate of the time left, when known (None: not measured yet).
        argv: The exact command line.
        shown_fraction: The highest progress shown so far (progress never goes backwards).
    """

    job_id: str
    task_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    state: RowState = RowState.WAITING
    gpu: str = ""
    device: str | None = None
    pid: int | None = None
    attempt: int = 1
    done_keys: set[tuple[str, int]] = field(default_factory=set)
    reported_done: int = 0
    frames_failed: int = 0
    frames_requeued: int = 0
    frames_failed_final: int = 0
    current_frame: int | None = None
    percent: float | None = None
    reason: str | None = None
    log_path: str = ""
    last_output: str = ""
    started_at: float | None = None
    finished_at: float | None = None
    eta_s: float | None = None
    argv: tuple[str, ...] = ()
    shown_fraction: float = 0.0

    @property
    def key(self) -> RowKey:
        """Identity of the row in the table."""
        layer = self.layers[0] if self.is_waiting_row and self.layers else ""
        return (self.job_id, self.task_id, layer)

    @property
    def is_waiting_row(self) -> bool:
        """True for a layer's "still queued" row (no render process)."""
        return not self.task_id

    @property
    def frames_total(self) -> int:
        """(layer, frame) pairs of the task (frames queued, for a waiting row)."""
        return len(self.frames) * max(1, len(self.layers))

    @property
    def frames_done(self) -> int:
        """Frames verified done by this task."""
        return max(len(self.done_keys), self.reported_done)

    @property
    def fraction(self) -> float:
        """Progress 0..1: verified frames plus the current frame's percent, never going back
        while the task runs.

        It is 1.0 only when every frame of the task is verified: a frame that rendered to 100%
        but is not verified yet counts as 99% of itself. Once the task ended it is exactly the
        share of its frames it verified.
        """
        total = self.frames_total
        if self.is_waiting_row or total <= 0:
            return 0.0
        done = min(self.frames_done, total)
        if done >= total:
            return 1.0
        if not self.state.is_active:
            return done / total  # it ended: what it verified, nothing in progress any more
        current = 0.0
        if self.percent is not None:
            current = min(max(self.percent, 0.0), 99.0) / 100.0
        measured = (done + current) / total
        return max(measured, min(self.shown_fraction, (total - 0.01) / total))

    def note_progress(self) -> None:
        """Remember the progress shown now, so that it never goes backwards."""
        self.shown_fraction = max(self.shown_fraction, self.fraction)

    def elapsed_s(self, now: float) -> float | None:
        """Seconds since the task started (until it ended)."""
        if self.started_at is None:
            return None
        end = self.finished_at if self.finished_at is not None else now
        return max(0.0, end - self.started_at)

    def eta(self, now: float) -> float | None:
        """Seconds left: the engine's estimate from measured frame times (None: estimating)."""
        if not self.state.is_active:
            return 0.0 if self.state is RowState.DONE else None
        return self.eta_s

    @property
    def recovering(self) -> bool:
        """An ended task whose missing frames all went to a retry (not a failure)."""
        return (
            not self.state.is_active
            and self.frames_failed_final == 0
            and max(self.frames_failed, self.frames_requeued) > 0
        )

    @property
    def layer_text(self) -> str:
        """Layer column text (several layers joined in combined mode)."""
        return ", ".join(self.layers)

    @property
    def frames_text(self) -> str:
        """Frames column: ``done/total``, or how many are queued for a waiting row (its Status
        says "Queued")."""
        if self.is_waiting_row:
            return str(len(self.frames))
        return f"{self.frames_done}/{self.frames_total}"

    @property
    def status_text(self) -> str:
        """Status column: a few honest words (:func:`~.status_words.task_words`)."""
        return task_words(self).short

    @property
    def status_tooltip(self) -> str:
        """The Status column's tooltip: the whole reason."""
        return task_words(self).full


class RowListener:
    """Told before and after rows are inserted or removed (the Qt model forwards it to views)."""

    def begin_insert(self, index: int) -> None:
        """A row is about to be inserted at ``index``."""

    def end_insert(self) -> None:
        """The row was inserted."""

    def begin_remove(self, index: int) -> None:
        """The row at ``index`` is about to be removed."""

    def end_remove(self) -> None:
        """The row was removed."""

    def begin_reset(self) -> None:
        """Every row is about to be replaced."""

    def end_reset(self) -> None:
        """The rows were replaced."""


class TaskRowsState:
    """The rows of every job seen, updated from events.

    Args:
        clock: Monotonic clock (tests pass a fake one).
        listener: Told about insertions and removals as they happen.
    """

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, listener: RowListener | None = None
    ) -> None:
        self._clock = clock
        self._listener = listener or RowListener()
        self.rows: list[TaskRow] = []
        self._index: dict[RowKey, int] = {}
        self._jobs: dict[str, _JobTrack] = {}
        self.log_dirs: dict[str, str] = {}
        self.current_job = ""

    # -- lookups ----------------------------------------------------------------------------------
    def find(self, job_id: str, task_id: str) -> TaskRow | None:
        """The row of a task, or None."""
        index = self._index.get((job_id, task_id, ""))
        return self.rows[index] if index is not None else None

    def index_of(self, row: TaskRow) -> int:
        """Position of ``row`` in :attr:`rows`."""
        return self._index[row.key]

    def job_ids(self) -> list[str]:
        """Jobs seen, oldest first (the current job last)."""
        return list(self._jobs)

    def switch_to(self, job_id: str) -> bool:
        """Show ``job_id``'s rows only (the earlier job's rows go); True when the job changed."""
        if job_id == self.current_job:
            return False
        self.current_job = job_id
        track = self._jobs.pop(job_id, None)
        self._jobs[job_id] = track if track is not None else _JobTrack()
        kept = [row for row in self.rows if row.job_id == job_id]
        if len(kept) != len(self.rows):
            self._listener.begin_reset()
            self.rows = kept
            self._index = {row.key: position for position, row in enumerate(kept)}
            self._listener.end_reset()
        return True

    def job_summary(self, job_id: str) -> tuple[int, int, int]:
        """(frames done, frames failed for good, frames in total) of a job."""
        track = self._jobs.get(job_id)
        if track is None:
            return (0, 0, 0)
        return track.counts()

    def job_finished(self, job_id: str) -> bool:
        """True once the job's summary event arrived."""
        track = self._jobs.get(job_id)
        return track is not None and track.finished

    def retryable_job(self, job_ids: Iterable[str]) -> str | None:
        """The first of ``job_ids`` that finished with frames failed for good, or None."""
        for job_id in job_ids:
            if self.job_finished(job_id) and self.job_summary(job_id)[1]:
                return job_id
        return None

    # -- applying events --------------------------------------------------------------------------
    def apply(self, events: Iterable[ev.Event]) -> Changes:
        """Apply events in order; return which rows changed, were added or removed."""
        changes = Changes()
        touched_jobs: set[str] = set()
        now = self._clock()
        for event in events:
            handler = _HANDLERS.get(type(event))
            if handler is not None:
                handler(self, event, now, changes)
                if not isinstance(event, ev.Progress):
                    touched_jobs.add(event.job_id)
        for job_id in touched_jobs:
            self._sync_waiting_rows(job_id, changes)
        return changes

    def _add_row(self, row: TaskRow, changes: Changes) -> None:
        self._listener.begin_insert(len(self.rows))
        self._index[row.key] = len(self.rows)
        self.rows.append(row)
        self._listener.end_insert()
        changes.added.append(row)

    def _track(self, job_id: str) -> _JobTrack:
        track = self._jobs.get(job_id)
        if track is None:
            track = self._jobs[job_id] = _JobTrack()
        return track

    def _on_job_started(self, event: ev.JobStarted, now: float, changes: Changes) -> None:
        self.switch_to(event.job_id)
        track = self._track(event.job_id)
        for layer, frames in event.layers.items():
            track.frames[layer] = set(frames)
        if event.log_dir:
            self.log_dirs[event.job_id] = event.log_dir

    def _on_task_started(self, event: ev.TaskStarted, now: float, changes: Changes) -> None:
        layers = tuple(event.layers) or ((event.layer,) if event.layer else ())
        row = self.find(event.job_id, event.task_id)
        if row is None:
            row = TaskRow(
                job_id=event.job_id,
                task_id=event.task_id,
                layers=layers,
                frames=tuple(event.frames),
            )
            self._add_row(row, changes)
        else:
            changes.changed.add(row.key)
        row.gpu = event.slot or ", ".join(event.gpus)
        row.device = event.gpus[0] if event.gpus else None
        row.pid = event.pid
        row.attempt = event.attempt
        row.log_path = event.log_path
        row.argv = tuple(event.argv)
        row.started_at = now
        row.state = RowState.RETRYING if event.attempt > 1 else RowState.RENDERING
        if event.pid is None and not event.argv:
            # The engine publishes a launch failure as a task without a process; its
            # TaskFinished (with the reason) follows.
            row.reason = "could not be launched"
        track = self._track(event.job_id)
        track.running[event.task_id] = [(layer, set(event.frames)) for layer in layers]

    def _on_progress(self, event: ev.Progress, now: float, changes: Changes) -> None:
        row = self.find(event.job_id, event.task_id)
        if row is None or not row.state.is_active:
            return
        row.note_progress()  # before the new frame's percent replaces the last one's
        row.current_frame = event.frame
        row.percent = event.percent
        row.reported_done = max(row.reported_done, event.frames_done)
        row.note_progress()
        changes.changed.add(row.key)

    def _on_frame_done(self, event: ev.FrameDone, now: float, changes: Changes) -> None:
        track = self._track(event.job_id)
        track.done.setdefault(event.layer, set()).add(event.frame)
        track.failed.get(event.layer, set()).discard(event.frame)
        row = self.find(event.job_id, event.task_id) if event.task_id else None
        if row is not None:
            row.done_keys.add((event.layer, event.frame))
            if event.output:
                row.last_output = event.output
            if event.frame == row.current_frame:
                row.percent = None  # counted as verified now, not twice
            row.note_progress()
            changes.changed.add(row.key)

    def _on_frame_failed(self, event: ev.FrameFailed, now: float, changes: Changes) -> None:
        track = self._track(event.job_id)
        failed = track.failed.setdefault(event.layer, set())
        if event.will_retry:
            failed.discard(event.frame)
        else:
            failed.add(event.frame)
        row = self.find(event.job_id, event.task_id) if event.task_id else None
        if row is not None:
            if event.will_retry:
                row.frames_requeued += 1
            else:
                row.frames_failed_final += 1
            changes.changed.add(row.key)

    def _on_task_finished(self, event: ev.TaskFinished, now: float, changes: Changes) -> None:
        track = self._track(event.job_id)
        track.running.pop(event.task_id, None)
        row = self.find(event.job_id, event.task_id)
        if row is None:
            return
        row.note_progress()
        status = event.status
        row.state = (
            RowState.FAILED if status is None else _FINISHED_STATES.get(status, RowState.FAILED)
        )
        row.reason = event.reason
        row.finished_at = now
        row.frames_failed = len(event.frames_missing)
        row.percent = None
        row.eta_s = None
        if row.state is RowState.DONE:
            row.current_frame = None
        changes.changed.add(row.key)

    def _on_job_finished(self, event: ev.JobFinished, now: float, changes: Changes) -> None:
        track = self._track(event.job_id)
        track.finished = True
        track.running.clear()
        for layer, result in event.layers.items():
            track.done[layer] = set(result.get("done", ()))
            track.failed[layer] = set(result.get("failed", ()))
        track.reason = event.reason
        for row in self.rows:
            # A task still shown as running when its job ended was never finished by an event
            # (e.g. the dialog missed it): it is not running any more.
            if row.job_id == event.job_id and row.state.is_active:
                row.state = (
                    RowState.STOPPED if event.state is JobState.CANCELLED else RowState.FAILED
                )
                row.reason = row.reason or event.reason or "the job ended"
                row.finished_at = now
                changes.changed.add(row.key)

    # -- waiting rows -----------------------------------------------------------------------------
    def _sync_waiting_rows(self, job_id: str, changes: Changes) -> None:
        track = self._jobs.get(job_id)
        if track is None:
            return
        for layer in track.frames:
            queued = () if track.finished else track.queued(layer)
            key = (job_id, "", layer)
            index = self._index.get(key)
            if queued and index is None:
                row = TaskRow(job_id=job_id, task_id="", layers=(layer,), frames=queued)
                self._add_row(row, changes)
            elif queued and index is not None:
                row = self.rows[index]
                if row.frames != queued:
                    row.frames = queued
                    changes.changed.add(key)
            elif index is not None:
                self._remove_row(key, changes)

    def _remove_row(self, key: RowKey, changes: Changes) -> None:
        index = self._index[key]
        self._listener.begin_remove(index)
        del self._index[key]
        row = self.rows.pop(index)
        for position in range(index, len(self.rows)):
            self._index[self.rows[position].key] = position
        self._listener.end_remove()
        changes.removed.append((index, row))
        changes.changed.discard(key)

    # -- status snapshots -------------------------------------------------------------------------
    def apply_status(self, job_id: str, tasks: Iterable[TaskStatus]) -> Changes:
        """Merge the engine's status rows: ETAs, and tasks this dialog has no row for yet.

        A dialog opened (or re-created) while a job runs missed the earlier events; the
        engine's snapshot brings those tasks back.
        """
        changes = Changes()
        now = self._clock()
        for status in tasks:
            row = self.find(job_id, status.task_id)
            if row is None:
                row = _row_from_status(job_id, status, now)
                self._add_row(row, changes)
                continue
            if row.state.is_active and status.eta_s != row.eta_s:
                row.eta_s = status.eta_s
                changes.changed.add(row.key)
            if row.pid is None and status.pid is not None:
                row.pid = status.pid
                changes.changed.add(row.key)
            if status.frames_done > row.reported_done:
                row.reported_done = status.frames_done
                changes.changed.add(row.key)
        return changes


def _row_from_status(job_id: str, status: TaskStatus, now: float) -> TaskRow:
    state = {
        TaskState.QUEUED: RowState.WAITING,
        TaskState.RUNNING: RowState.RETRYING if status.attempt > 1 else RowState.RENDERING,
        TaskState.SUCCEEDED: RowState.DONE,
        TaskState.FAILED: RowState.FAILED,
        TaskState.KILLED: RowState.FAILED,
        TaskState.CANCELLED: RowState.STOPPED,
    }[status.state]
    started = now - status.elapsed_s if status.elapsed_s is not None else None
    return TaskRow(
        job_id=job_id,
        task_id=status.task_id,
        layers=tuple(status.layers),
        frames=tuple(status.frames),
        state=state,
        gpu=status.gpu or "",
        pid=status.pid,
        attempt=status.attempt,
        reported_done=status.frames_done,
        frames_failed=status.frames_failed,
        current_frame=status.current_frame,
        percent=status.percent,
        reason=status.reason,
        log_path=status.log_path or "",
        started_at=started,
        finished_at=None if state.is_active else now,
        eta_s=status.eta_s,
    )


@dataclass
class Changes:
    """What one :meth:`TaskRowsState.apply` did."""

    added: list[TaskRow] = field(default_factory=list)
    removed: list[tuple[int, TaskRow]] = field(default_factory=list)  # (old index, row)
    changed: set[RowKey] = field(default_factory=set)

    def __bool__(self) -> bool:
        """True when anything changed."""
        return bool(self.added or self.removed or self.changed)


@dataclass
class _JobTrack:
    """Per job: every frame, and which are done, failed for good or being rendered."""

    frames: dict[str, set[int]] = field(default_factory=dict)
    done: dict[str, set[int]] = field(default_factory=dict)
    failed: dict[str, set[int]] = field(default_factory=dict)
    running: dict[str, list[tuple[str, set[int]]]] = field(default_factory=dict)
    finished: bool = False
    reason: str | None = None

    def queued(self, layer: str) -> tuple[int, ...]:
        """Frames of ``layer`` not done, not failed for good and not in a running task."""
        left = set(self.frames.get(layer, ()))
        left -= self.done.get(layer, set())
        left -= self.failed.get(layer, set())
        for parts in self.running.values():
            for name, frames in parts:
                if name == layer:
                    left -= frames
        return tuple(sorted(left))

    def counts(self) -> tuple[int, int, int]:
        total = sum(len(frames) for frames in self.frames.values())
        done = sum(
            len(self.done.get(layer, set()) & frames) for layer, frames in self.frames.items()
        )
        failed = sum(
            len(self.failed.get(layer, set()) & frames) for layer, frames in self.frames.items()
        )
        return done, failed, total


#: The handler of each event class. Each takes the class it is filed under (a dispatch table can
#: only say "some event": ``Any`` there, the key decides).
_HANDLERS: dict[type[ev.Event], Callable[[TaskRowsState, Any, float, Changes], None]] = {
    ev.JobStarted: TaskRowsState._on_job_started,
    ev.TaskStarted: TaskRowsState._on_task_started,
    ev.Progress: TaskRowsState._on_progress,
    ev.FrameDone: TaskRowsState._on_frame_done,
    ev.FrameFailed: TaskRowsState._on_frame_failed,
    ev.TaskFinished: TaskRowsState._on_task_finished,
    ev.JobFinished: TaskRowsState._on_job_finished,
}
