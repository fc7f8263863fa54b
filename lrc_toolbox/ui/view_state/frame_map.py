"""The frame map's state: every frame of every layer of one job, by what became of it.

One cell per (layer, frame): queued, in a render (its chunk was given to a render that has not
reached it yet), rendering (with the percent of that frame), verified, retrying (an attempt lost
it and it waits for another), failed (for good) or not rendered (the job was stopped). Each frame
also keeps how many renders were given it (its attempts), the tasks that tried it and the last
reason it was lost, for the hover text and for finding its log lines.

The state is built from the engine's events for the running job (:meth:`FrameMapState.apply`),
or from the job store for a past job (:meth:`FrameMapState.from_frames`), so Active Renders and
History draw the same picture. It is sized for 10,000+ frames: the states are one ``bytearray``
per layer (counted at C speed), the rest is kept only for frames that have it, and every change
is recorded as a dirty cell so the painted map redraws only those (:meth:`take_dirty`).

Pure Python, no Qt; :mod:`lrc_toolbox.ui.widgets.frame_map_view` paints it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import FrameState, JobState

__all__ = [
    "CELL_WORDS",
    "FrameCell",
    "FrameInfo",
    "FrameMapState",
    "LayerFrames",
    "StoredFrame",
]


class FrameCell(enum.IntEnum):
    """What one cell of the map shows (small ints: kept in a ``bytearray``)."""

    QUEUED = 0
    ASSIGNED = 1
    RENDERING = 2
    VERIFIED = 3
    RETRYING = 4
    FAILED = 5
    STOPPED = 6


#: The legend's and the hover text's word for each cell state.
CELL_WORDS: dict[FrameCell, str] = {
    FrameCell.QUEUED: "queued",
    FrameCell.ASSIGNED: "in a render, next",
    FrameCell.RENDERING: "rendering",
    FrameCell.VERIFIED: "verified",
    FrameCell.RETRYING: "retrying",
    FrameCell.FAILED: "failed",
    FrameCell.STOPPED: "not rendered (stopped)",
}

_IN_A_RENDER = (FrameCell.ASSIGNED, FrameCell.RENDERING)
#: A stored frame's state as a cell (``pending`` depends on its attempts and the job's end).
_STORED_CELLS: dict[FrameState, FrameCell] = {
    FrameState.RENDERING: FrameCell.ASSIGNED,
    FrameState.DONE: FrameCell.VERIFIED,
    FrameState.SKIPPED_EXISTING: FrameCell.VERIFIED,
    FrameState.FAILED: FrameCell.FAILED,
}
#: Why a frame the job never reached is not rendered.
NOT_RENDERED_REASON = "not rendered: the job ended first"


@dataclass(frozen=True)
class StoredFrame:
    """One frame of a stored job, as the History tab receives it (plain values).

    Attributes:
        layer: Its layer.
        frame: Its number.
        state: The stored :class:`~lrc_toolbox.core.models.FrameState` value.
        attempts: How many renders were given it.
        reason: Why it failed or was retried, if recorded.
        task_id: The render that last tried it.
    """

    layer: str
    frame: int
    state: str
    attempts: int = 0
    reason: str | None = None
    task_id: str | None = None


@dataclass(frozen=True)
class FrameInfo:
    """Everything the map knows about one frame (the hover text and the log lookup).

    Attributes:
        layer: Its layer.
        frame: Its number.
        cell: Its state.
        attempts: Renders given it (0: none yet).
        tasks: The tasks that tried it, oldest first.
        reason: The last reason it was lost or failed, if any.
        percent: Percent of the frame while it renders.
        existing: Its image existed before the job (skip existing).
    """

    layer: str
    frame: int
    cell: FrameCell
    attempts: int = 0
    tasks: tuple[str, ...] = ()
    reason: str | None = None
    percent: float | None = None
    existing: bool = False

    @property
    def retried(self) -> bool:
        """More than one render was given this frame."""
        return self.attempts > 1


@dataclass
class LayerFrames:
    """The frames of one layer, in order, with their cells and what is known of each."""

    name: str
    frames: tuple[int, ...]
    cells: bytearray = field(default_factory=bytearray)
    index: dict[int, int] = field(default_factory=dict)
    attempts: dict[int, int] = field(default_factory=dict)
    # Tuples of strings, not lists: the cyclic garbage collector stops tracking them, so 10,000
    # frames add nothing to each full collection (which holds the GIL: the GUI would stall).
    tasks: dict[int, tuple[str, ...]] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)
    percent: dict[int, float] = field(default_factory=dict)
    existing: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.frames = tuple(sorted(set(self.frames)))
        self.index = {frame: position for position, frame in enumerate(self.frames)}
        if len(self.cells) != len(self.frames):
            self.cells = bytearray(len(self.frames))

    def cell(self, frame: int) -> FrameCell | None:
        """The cell of ``frame``, or None when the layer does not have it."""
        position = self.index.get(frame)
        return None if position is None else FrameCell(self.cells[position])

    def count(self, cell: FrameCell) -> int:
        """Frames in state ``cell``."""
        return self.cells.count(cell)


class FrameMapState:
    """Every frame of one job (the running one, or a stored one).

    Attributes:
        job_id: The job shown ("" before the first one).
        layers: The job's layers, in the job's order.
        version: Grows with every change (views repaint when it moved).
        finished: The job ended (its last event arrived, or it is stored as ended).
        end_state: How it ended, once it did.
        renderer: The job's renderer profile (how its logs say a frame starts).
    """

    def __init__(self) -> None:
        self.job_id = ""
        self.renderer = ""
        self.layers: dict[str, LayerFrames] = {}
        self.version = 0
        self.finished = False
        self.end_state: JobState | None = None
        self._dirty: set[tuple[str, int]] = set()
        self._relayout = True
        self._running: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        self._current: dict[str, tuple[str, int]] = {}

    # -- reading ----------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """Frames of the job (every layer)."""
        return sum(len(layer.frames) for layer in self.layers.values())

    def counts(self) -> dict[FrameCell, int]:
        """Frames per cell state, over every layer."""
        return {
            cell: sum(layer.count(cell) for layer in self.layers.values()) for cell in FrameCell
        }

    def retried_verified(self) -> int:
        """Verified frames that needed more than one render."""
        return sum(
            1
            for layer in self.layers.values()
            for frame, attempts in layer.attempts.items()
            if attempts > 1 and layer.cell(frame) is FrameCell.VERIFIED
        )

    def info(self, layer: str, frame: int) -> FrameInfo | None:
        """What is known about one frame, or None when the job has no such frame."""
        frames = self.layers.get(layer)
        cell = frames.cell(frame) if frames is not None else None
        if frames is None or cell is None:
            return None
        return FrameInfo(
            layer=layer,
            frame=frame,
            cell=cell,
            attempts=frames.attempts.get(frame, 0),
            tasks=frames.tasks.get(frame, ()),
            reason=frames.reasons.get(frame),
            percent=frames.percent.get(frame) if cell is FrameCell.RENDERING else None,
            existing=frame in frames.existing,
        )

    def take_dirty(self) -> tuple[bool, set[tuple[str, int]]]:
        """(the layout changed, cells changed as (layer, position)) since the last call."""
        relayout, dirty = self._relayout, self._dirty
        self._relayout, self._dirty = False, set()
        return relayout, dirty

    # -- building ---------------------------------------------------------------------------------
    def reset(self, job_id: str, layers: Mapping[str, Iterable[int]]) -> None:
        """Show a new job: every frame queued."""
        self.job_id = job_id
        self.layers = {name: LayerFrames(name, tuple(frames)) for name, frames in layers.items()}
        self.finished = False
        self.end_state = None
        self._running.clear()
        self._current.clear()
        self._dirty.clear()
        self._relayout = True
        self.version += 1

    @classmethod
    def from_frames(
        cls,
        job_id: str,
        frames: Sequence[StoredFrame],
        *,
        job_state: str,
        job_reason: str | None = None,
        tasks: Sequence[tuple[str, Sequence[str], Sequence[int]]] = (),
        renderer: str = "",
    ) -> FrameMapState:
        """The map of a stored job (History): the same picture as while it ran.

        Args:
            job_id: The job.
            frames: Its frames as stored.
            job_state: Its stored state (a pending frame of a running job waits; of an ended
                job it was never rendered).
            job_reason: Why it ended (a stopped job's frames failed with this reason were
                stopped, not failed by a render).
            tasks: Its renders in launch order, as (task id, layers, frames): which renders
                tried each frame (for its log lines).
            renderer: Its renderer profile.
        """
        by_layer: dict[str, list[StoredFrame]] = {}
        for record in frames:
            by_layer.setdefault(record.layer, []).append(record)
        state = cls()
        state.reset(job_id, {name: [r.frame for r in rows] for name, rows in by_layer.items()})
        ended = job_state in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)
        stopped = job_state == JobState.CANCELLED
        for name, rows in by_layer.items():
            layer = state.layers[name]
            for record in rows:
                cell = _stored_cell(record, ended=ended)
                if stopped and cell is FrameCell.FAILED and record.reason == job_reason:
                    cell = FrameCell.STOPPED
                layer.cells[layer.index[record.frame]] = cell
                if record.attempts:
                    layer.attempts[record.frame] = record.attempts
                if record.task_id and not tasks:
                    layer.tasks[record.frame] = (record.task_id,)
                if record.reason and cell is not FrameCell.VERIFIED:
                    layer.reasons[record.frame] = record.reason
                elif record.reason and record.attempts > 1:
                    layer.reasons[record.frame] = record.reason  # why it needed a retry
                if record.state == FrameState.SKIPPED_EXISTING:
                    layer.existing.add(record.frame)
        for task_id, names, task_frames in tasks:
            for name in names:
                tried_layer = state.layers.get(name)
                if tried_layer is None:
                    continue
                for frame in task_frames:
                    tried = tried_layer.tasks.get(frame, ())
                    if task_id not in tried and frame in tried_layer.index:
                        tried_layer.tasks[frame] = (*tried, task_id)
        state.finished = ended
        state.end_state = JobState(job_state) if ended else None
        state.renderer = renderer
        return state

    # -- events -----------------------------------------------------------------------------------
    def apply(self, events: Iterable[ev.Event]) -> bool:
        """Apply the engine's events in order; True when anything changed."""
        before = self.version
        for event in events:
            handler = _HANDLERS.get(type(event))
            if handler is None:
                continue
            if isinstance(event, ev.JobStarted):
                handler(self, event)
            elif event.job_id == self.job_id:
                handler(self, event)
        return self.version != before

    def _set(
        self, layer: LayerFrames, frame: int, cell: FrameCell, percent: float | None = None
    ) -> None:
        position = layer.index.get(frame)
        if position is None:
            return
        if layer.cells[position] == FrameCell.VERIFIED and cell is not FrameCell.VERIFIED:
            return  # a verified frame stays verified (the store's sticky state)
        old_percent = layer.percent.get(frame)
        if percent is None:
            layer.percent.pop(frame, None)
        else:
            layer.percent[frame] = percent
        if layer.cells[position] != cell or old_percent != percent:
            layer.cells[position] = cell
            self._dirty.add((layer.name, position))
            self.version += 1

    def _on_job_started(self, event: ev.JobStarted) -> None:
        self.reset(event.job_id, event.layers)
        self.renderer = event.renderer

    def _on_task_started(self, event: ev.TaskStarted) -> None:
        names = tuple(event.layers) or ((event.layer,) if event.layer else ())
        frames = tuple(event.frames)
        self._running[event.task_id] = [(name, frames) for name in names]
        for name in names:
            layer = self.layers.get(name)
            if layer is None:
                continue
            for frame in frames:
                if frame not in layer.index:
                    continue
                tried = layer.tasks.get(frame, ())
                if event.task_id not in tried:
                    layer.tasks[frame] = (*tried, event.task_id)
                    layer.attempts[frame] = max(layer.attempts.get(frame, 0) + 1, event.attempt)
                self._set(layer, frame, FrameCell.ASSIGNED)

    def _on_progress(self, event: ev.Progress) -> None:
        if event.frame is None or event.task_id not in self._running:
            return
        name = event.layer or self._running[event.task_id][0][0]
        previous = self._current.get(event.task_id)
        if previous is not None and previous != (name, event.frame):
            old = self.layers.get(previous[0])
            if old is not None and old.cell(previous[1]) is FrameCell.RENDERING:
                self._set(old, previous[1], FrameCell.ASSIGNED)
        self._current[event.task_id] = (name, event.frame)
        layer = self.layers.get(name)
        if layer is not None:
            percent = None if event.percent is None else max(0.0, min(100.0, event.percent))
            self._set(layer, event.frame, FrameCell.RENDERING, percent)

    def _on_frame_done(self, event: ev.FrameDone) -> None:
        layer = self.layers.get(event.layer)
        if layer is None:
            return
        if not event.task_id:
            layer.existing.add(event.frame)
        self._set(layer, event.frame, FrameCell.VERIFIED)

    def _on_frame_failed(self, event: ev.FrameFailed) -> None:
        layer = self.layers.get(event.layer)
        if layer is None:
            return
        if event.reason:
            layer.reasons[event.frame] = event.reason
        self._set(layer, event.frame, FrameCell.RETRYING if event.will_retry else FrameCell.FAILED)

    def _on_task_finished(self, event: ev.TaskFinished) -> None:
        self._current.pop(event.task_id, None)
        # Its frames left in a render go back to the queue; the frame_failed events that follow
        # say which are retried and which failed for good.
        for name, frames in self._running.pop(event.task_id, []):
            layer = self.layers.get(name)
            if layer is None:
                continue
            for frame in frames:
                if layer.cell(frame) in _IN_A_RENDER:
                    self._set(layer, frame, FrameCell.QUEUED)

    def _on_job_finished(self, event: ev.JobFinished) -> None:
        self.finished = True
        self.end_state = event.state
        stopped = event.state is JobState.CANCELLED
        self._running.clear()
        self._current.clear()
        for name, result in event.layers.items():
            layer = self.layers.get(name)
            if layer is None:
                continue
            for frame in result.get("done", ()):
                self._set(layer, frame, FrameCell.VERIFIED)
            for frame in result.get("failed", ()):
                cell = layer.cell(frame)
                if cell is FrameCell.FAILED and not (
                    stopped and layer.reasons.get(frame) == event.reason
                ):
                    continue
                if not stopped:
                    layer.reasons.setdefault(frame, NOT_RENDERED_REASON)
                self._set(layer, frame, FrameCell.STOPPED if stopped else FrameCell.FAILED)
        self.version += 1


def _stored_cell(record: StoredFrame, *, ended: bool) -> FrameCell:
    state = FrameState(record.state)
    cell = _STORED_CELLS.get(state)
    if cell is FrameCell.ASSIGNED and ended:
        return FrameCell.STOPPED  # stored as rendering, but nothing of the job runs any more
    if cell is not None:
        return cell
    if ended:
        return FrameCell.STOPPED  # pending at the end: never rendered
    return FrameCell.RETRYING if record.attempts else FrameCell.QUEUED


#: The handler of each event class (the key decides which class it takes: ``Any`` here).
_HANDLERS: dict[type[ev.Event], Callable[[FrameMapState, Any], None]] = {
    ev.JobStarted: FrameMapState._on_job_started,
    ev.TaskStarted: FrameMapState._on_task_started,
    ev.Progress: FrameMapState._on_progress,
    ev.FrameDone: FrameMapState._on_frame_done,
    ev.FrameFailed: FrameMapState._on_frame_failed,
    ev.TaskFinished: FrameMapState._on_task_finished,
    ev.JobFinished: FrameMapState._on_job_finished,
}
