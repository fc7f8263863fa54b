"""One task's state while it runs and after it ends, owned by the supervisor thread.

Plain data plus the views the policies need: what the chunk policy needs to balance the queue
(:meth:`TaskRun.load`), what the watchdog decides on (:meth:`TaskRun.watchdog_view`)
and what the outcome rules decide on (:meth:`TaskRun.finished`). Every time in it comes from
the job's one :class:`~lrc_toolbox.core.clock.Clock` (monotonic).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core.gpu_leases import Lease
from lrc_toolbox.core.models import TaskState
from lrc_toolbox.core.planner import PlannedLayer, is_still_task
from lrc_toolbox.core.scheduler import TaskLoad, TaskSpec
from lrc_toolbox.core.task_outcome import FrameKey, TaskEnd
from lrc_toolbox.core.watchdog import TaskView
from lrc_toolbox.utils.frame_parser import FrameRun
from lrc_toolbox.utils.render_subprocess import RenderProcess


@dataclass
class TaskRun:
    """A task of the job: its spec, its process and what its log and images told so far.

    Attributes:
        spec: What it renders, where.
        layers: Its planned layers.
        log_path: Its log file.
        launched_at: Launch (or re-attach) time.
        process: Its render, or None when the launch failed.
        render_started_at: First sign of rendering.
        last_output_at: When the supervisor last saw its log grow.
        output_mark: The process's last-growth marker seen then (only compared for change).
        last_image_at: Its last reported image, or when the disk last showed it alive.
        current_layer: Layer of the frame being rendered.
        current_frame: Frame being rendered.
        percent: Progress of that frame.
        last_percent_published: Last whole percent published (progress events are coalesced).
        open_frame: The frame being rendered, until the renderer moves on.
        open_since: When it began.
        images: Image paths reported per (layer, frame).
        done: Verified (layer, frame) with their image.
        bad: What was wrong with a frame's reported image when it was checked.
        fatal_reason: A fatal log line's reason.
        fatal_deterministic: That line means a retry cannot help.
        stop_state: How the supervisor stopped it, then its end state.
        stop_reason: Why, then the end reason.
        launch_error: Why the render could not be started.
        lease: Its GPU slot lease.
        errors: The last error line logged per (layer, frame).
        keep_through: The last frame it renders when it gave its later frames to another task
            (a tail split), else None: it is stopped right after that frame is verified.
        handed_over: What it gave away and to whom (for its end reason).
        trim_stopping: It is being stopped because it reached ``keep_through``.
        begun: How many of its kept frames (of its first layer) have begun.
        timed: Its notes teach the cost model. False for a render re-attached after a crash of
            its manager: its log is replayed from the start in a moment, so the times of the
            replayed lines (start-up and frames near 0 s) say nothing about the render.
        launched_wall: A re-attached render's own launch on the wall clock (its process's start),
            from which its images are fresh (a still's image written before the manager died is
            its work); None: ``launched_at``.
        frame_seconds: How long each frame it closed took to render (kept with the frame in the
            job store, for later jobs' plans).
    """

    spec: TaskSpec
    layers: list[PlannedLayer]
    log_path: Path
    launched_at: float
    process: RenderProcess | None = None
    render_started_at: float | None = None
    last_output_at: float | None = None
    output_mark: float | None = None
    last_image_at: float | None = None
    current_layer: str | None = None
    current_frame: int | None = None
    percent: float | None = None
    last_percent_published: int | None = None
    open_frame: FrameKey | None = None
    open_since: float | None = None
    images: dict[FrameKey, list[str]] = field(default_factory=dict)
    done: dict[FrameKey, str] = field(default_factory=dict)
    bad: dict[FrameKey, str] = field(default_factory=dict)
    fatal_reason: str | None = None
    fatal_deterministic: bool = False
    stop_state: TaskState | None = None
    stop_reason: str | None = None
    launch_error: str | None = None
    lease: Lease | None = None
    errors: dict[FrameKey, str] = field(default_factory=dict)
    keep_through: int | None = None
    handed_over: list[str] = field(default_factory=list)
    trim_stopping: bool = False
    begun: int = 0
    timed: bool = True
    launched_wall: float | None = None
    frame_seconds: dict[FrameKey, float] = field(default_factory=dict)
    _frames: tuple[int, ...] | None = field(default=None, repr=False)

    @property
    def task_id(self) -> str:
        """The task's id."""
        return self.spec.task_id

    @property
    def run(self) -> FrameRun:
        """The frames it renders: its spec's run, up to ``keep_through`` after a tail split."""
        run = self.spec.run
        if self.keep_through is None:
            return run
        index = run.index_of(self.keep_through)
        return run if index is None else run.cut(index + 1)[0]

    @property
    def still(self) -> bool:
        """It renders a still: no ``-s/-e``, one image without a frame number, which only counts
        when it was written after the launch (every still render overwrites the same name)."""
        return is_still_task(self.layers, self.spec.run)

    @property
    def frames(self) -> tuple[int, ...]:
        """The frames it renders (cached: asked for on every status refresh)."""
        if self._frames is None:
            self._frames = tuple(self.run.frames())
        return self._frames

    @property
    def keys(self) -> list[FrameKey]:
        """Every (layer, frame) of the task, in render order."""
        return [(layer.name, frame) for layer in self.layers for frame in self.frames]

    @property
    def key_count(self) -> int:
        """How many (layer, frame) it renders."""
        return len(self.layers) * len(self.run)

    def has_key(self, key: FrameKey) -> bool:
        """Whether (layer, frame) is one of its kept frames, in O(1)."""
        return self.run.index_of(key[1]) is not None and any(
            layer.name == key[0] for layer in self.layers
        )

    def keep_only_through(self, frame: int, note: str) -> None:
        """Render up to ``frame`` and no further (its later frames went to another task)."""
        self.keep_through = frame
        self._frames = None
        self.handed_over.append(note)

    def load(self) -> TaskLoad:
        """What the work queue needs to know about this task to balance the rest (or split it)."""
        per_layer = max(1, len(self.layers))
        left = max(0, self.key_count - len(self.done)) // per_layer
        run = self.run
        unstarted = None
        if len(self.layers) == 1 and self.begun < len(run) and not self.trim_stopping:
            unstarted = FrameRun(run.frame_at(self.begun), run.end, run.step)
        return TaskLoad(
            layers=tuple(layer.name for layer in self.layers),
            frames_left=left,
            started_s=self.launched_at,
            first_frame_seen=self.render_started_at is not None,
            task_id=self.task_id,
            unstarted=unstarted,
            frame_started_s=self.open_since if self.open_frame is not None else None,
        )

    def note_begun(self, frame: int) -> None:
        """A frame began: the frames before it in its run have begun too."""
        index = self.run.index_of(frame)
        if index is not None and index + 1 > self.begun:
            self.begun = index + 1

    def reached_keep_point(self) -> bool:
        """True once a split task should stop: its last kept frame is verified, or it went past."""
        last = self.keep_through
        if last is None or self.trim_stopping or self.stop_state is not None:
            return False
        if any((layer.name, last) in self.done for layer in self.layers):
            return True
        if self.open_frame is None:
            return False
        now_index = self.spec.run.index_of(self.open_frame[1])
        last_index = self.spec.run.index_of(last)
        return now_index is not None and last_index is not None and now_index > last_index

    def observe_output(self, now: float) -> None:
        """Note the time when the render's log has grown since the last look.

        The process stamps growth on its own clock; that stamp is only compared with the one
        seen last time, and the time recorded is ``now`` on the job's clock, so the watchdog never
        mixes two clocks.
        """
        mark = self.process.last_output_monotonic if self.process is not None else None
        if mark is not None and mark != self.output_mark:
            self.output_mark = mark
            self.last_output_at = now

    def watchdog_view(self, gpu_lost_reason: str | None) -> TaskView:
        """The task as the watchdog sees it (the disk is looked at only when it asks)."""
        return TaskView(
            launched_at=self.launched_at,
            render_started_at=self.render_started_at,
            last_output_at=self.last_output_at,
            last_image_at=self.last_image_at,
            stopping=self.stop_state is not None or self.trim_stopping,
            fatal_reason=self.fatal_reason,
            gpu_lost_reason=gpu_lost_reason,
        )

    def finished(
        self,
        *,
        why_missing: Mapping[FrameKey, str],
        naming_known: frozenset[str],
        attempts: Mapping[FrameKey, int],
        retries: int,
    ) -> TaskEnd:
        """The task as the outcome rules see it, once its process tree is gone."""
        return TaskEnd(
            keys=tuple(self.keys),
            verified=frozenset(self.done),
            exit_code=self.process.returncode if self.process is not None else None,
            why_missing=why_missing,
            launch_error=self.launch_error,
            fatal_reason=self.fatal_reason,
            fatal_deterministic=self.fatal_deterministic,
            stop_state=self.stop_state,
            stop_reason=self.stop_reason,
            last_errors=dict(self.errors),
            naming_known=naming_known,
            attempts=attempts,
            retries=retries,
            handed_over="; ".join(self.handed_over) or None,
        )


__all__ = ["TaskRun"]


def own_pids(running: Iterable[TaskRun]) -> set[int]:
    """This manager's pid and every pid of its running renders' trees (known descendants too).

    NVML's busy-GPU check must not count our own renders as someone else's processes.
    """
    pids = {os.getpid()}
    for task in running:
        if task.process is not None and task.process.pid:
            pids.add(task.process.pid)
            pids.update(task.process.known_descendant_pids)
    return pids
