"""The one place a running job writes to its job store and publishes on the event bus.

The supervisor says *what happened* (a frame was verified, a task started, the job ended); the
recorder turns it into the store's state changes and the bus's events, in that order where both
apply, exactly as the JSON Lines output, the dialog and ``resume`` expect them. A job run without
persistence (some tests) gets a :class:`NullJobStore`, so no caller ever asks whether there is a
store.

A task is named by its id within the job (``t0001``) everywhere: in events, in the dialog and in
the store, which keys tasks by ``(job_id, task_id)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.cost_model import CostHistory
from lrc_toolbox.core.models import FrameState, JobState, TaskState
from lrc_toolbox.core.scheduler import TaskSpec

if TYPE_CHECKING:
    from lrc_toolbox.core.job_estimate import JobCounts
    from lrc_toolbox.core.job_store import FrameRecord, JobRecord, JobStore

_LOG = logging.getLogger(__name__)


class JobHistory(Protocol):
    """The read side of a job store the engine uses (earlier jobs' images)."""

    def list_jobs(
        self, limit: int = 50, states: Iterable[JobState] | None = None
    ) -> list[JobRecord]:
        """Jobs, newest first."""
        ...

    def get_frames(
        self, job_id: str, layer: str | None = None, states: Iterable[FrameState] | None = None
    ) -> list[FrameRecord]:
        """A job's frames."""
        ...

    def cost_history(
        self,
        *,
        scene: str,
        renderer: str,
        layers: Iterable[str],
        host: str | None,
        exclude_job: str | None = None,
    ) -> CostHistory:
        """What earlier jobs of a scene measured (start-up, frame times)."""
        ...


class NullJobStore:
    """A job store that keeps nothing: the recorder's store when a job runs without one."""

    path: Path | None = None

    def list_jobs(
        self, limit: int = 50, states: Iterable[JobState] | None = None
    ) -> list[JobRecord]:
        """No earlier jobs."""
        return []

    def get_frames(
        self, job_id: str, layer: str | None = None, states: Iterable[FrameState] | None = None
    ) -> list[FrameRecord]:
        """No frames."""
        return []

    def cost_history(
        self,
        *,
        scene: str,
        renderer: str,
        layers: Iterable[str],
        host: str | None,
        exclude_job: str | None = None,
    ) -> CostHistory:
        """No history."""
        return CostHistory()

    def record_task_startup(self, job_id: str, task_id: str, seconds: float) -> None:
        """Keep nothing."""

    def set_job_state(self, job_id: str, state: JobState, reason: str | None = None) -> None:
        """Keep nothing."""

    def add_task(self, **_fields: object) -> None:
        """Keep nothing."""

    def task_started(self, job_id: str, task_id: str, **_fields: object) -> None:
        """Keep nothing."""

    def task_finished(self, job_id: str, task_id: str, **_fields: object) -> None:
        """Keep nothing."""

    def set_task_peak_gpu_memory(self, job_id: str, task_id: str, peak_bytes: int) -> None:
        """Keep nothing."""

    def set_task_keep_through(self, job_id: str, task_id: str, frame: int) -> None:
        """Keep nothing."""

    def set_frames_state(
        self, job_id: str, layer: str, frames: Iterable[int], state: FrameState, **_fields: object
    ) -> list[int]:
        """Keep nothing."""
        return []


class JobRecorder:
    """Writes one job's state changes to its store and publishes its events.

    Args:
        job_id: The job.
        bus: Where events go.
        store: The job store, or None to keep nothing (a :class:`NullJobStore` is used).
    """

    def __init__(self, job_id: str, bus: ev.EventBus, store: JobStore | None) -> None:
        self.job_id = job_id
        self._bus = bus
        self._store: JobStore | NullJobStore = store if store is not None else NullJobStore()

    @property
    def history(self) -> JobHistory:
        """Earlier jobs, for learning image naming and costs (nothing without a store)."""
        return self._store

    # -- the job ----------------------------------------------------------------------------------
    def job_started(
        self,
        *,
        layers: Mapping[str, list[int]],
        slots: list[str],
        renderer: str,
        render_exe: str,
        log_dir: Path,
        notes: list[str] | None = None,
        output_dir: str | None = None,
    ) -> None:
        """The supervisor took the job: it is running (``notes``: the plan's, for the user)."""
        self._store.set_job_state(self.job_id, JobState.RUNNING)
        path = self._store.path
        self._bus.publish(
            ev.JobStarted(
                job_id=self.job_id,
                layers=dict(layers),
                slots=slots,
                renderer=renderer,
                render_exe=render_exe,
                store_path=str(path) if path is not None else "",
                log_dir=str(log_dir),
                notes=list(notes or []),
                output_dir=output_dir or "",
            )
        )

    def job_state(self, state: JobState, reason: str | None) -> None:
        """Record the job's end state (a failure to write is logged: the summary must still go)."""
        try:
            self._store.set_job_state(self.job_id, state, reason)
        except Exception:  # the summary must still reach the user
            _LOG.exception("could not record the end of job %s", self.job_id)

    def job_finished(
        self,
        *,
        ok: bool,
        state: JobState,
        layers: Mapping[str, dict[str, list[int]]],
        elapsed_s: float,
        reason: str | None,
    ) -> None:
        """Publish the job's last event."""
        self._bus.publish(
            ev.JobFinished(
                job_id=self.job_id,
                ok=ok,
                state=state,
                layers=dict(layers),
                elapsed_s=round(elapsed_s, 3),
                reason=reason,
            )
        )

    def job_progress(self, counts: JobCounts, *, eta_s: float | None, elapsed_s: float) -> None:
        """Publish the job's progress as a whole (nothing is stored: the frames already are)."""
        self._bus.publish(
            ev.JobProgress(
                job_id=self.job_id,
                frames_done=counts.done,
                frames_failed=counts.failed,
                frames_total=counts.total,
                frames_requeued=counts.requeued,
                eta_s=None if eta_s is None else round(eta_s, 1),
                elapsed_s=round(elapsed_s, 3),
            )
        )

    def notice(self, message: str) -> None:
        """Tell the user something that is neither a frame nor a task event."""
        self._bus.publish(ev.Notice(job_id=self.job_id, message=message))

    # -- frames -----------------------------------------------------------------------------------
    def frame_done(
        self,
        layer: str,
        frame: int,
        path: str,
        *,
        task_id: str,
        gpu: str | None,
        render_s: float | None = None,
    ) -> None:
        """A frame of a task was verified (``render_s``: how long it took, when timed)."""
        self._store.set_frames_state(
            self.job_id,
            layer,
            [frame],
            FrameState.DONE,
            task_id=task_id,
            gpu=gpu,
            output_path=path,
            render_s=render_s,
        )
        self._bus.publish(
            ev.FrameDone(job_id=self.job_id, layer=layer, frame=frame, output=path, task_id=task_id)
        )

    def frame_skipped(self, layer: str, frame: int, path: str) -> None:
        """A frame's image existed before the job (``--skip-existing``)."""
        self._store.set_frames_state(
            self.job_id, layer, [frame], FrameState.SKIPPED_EXISTING, output_path=path
        )
        self._bus.publish(
            ev.FrameDone(job_id=self.job_id, layer=layer, frame=frame, output=path, task_id="")
        )

    def frame_requeued(self, layer: str, frame: int, reason: str, *, task_id: str) -> None:
        """A task ended without this frame; it goes back to the queue."""
        self._publish_frame_failed(layer, frame, reason, task_id, will_retry=True)
        self._store.set_frames_state(
            self.job_id,
            layer,
            [frame],
            FrameState.PENDING,
            task_id=task_id,
            reason=reason,
        )

    def frames_failed(
        self,
        layer: str,
        frames: Sequence[int],
        reason: str,
        *,
        task_id: str,
        announce: Iterable[int],
    ) -> None:
        """Frames failed for good.

        Args:
            layer: The layer.
            frames: The frames (the store keeps verified ones done whatever it is told).
            reason: Why.
            task_id: The task they failed in, or "" (cancel, lost slots, a dropped queue).
            announce: The frames to publish a ``frame_failed`` event for (not those done).
        """
        if not frames:
            return
        for frame in announce:
            self._publish_frame_failed(layer, frame, reason, task_id, will_retry=False)
        self._store.set_frames_state(
            self.job_id,
            layer,
            frames,
            FrameState.FAILED,
            task_id=task_id or None,
            reason=reason,
        )

    def _publish_frame_failed(
        self, layer: str, frame: int, reason: str, task_id: str, *, will_retry: bool
    ) -> None:
        self._bus.publish(
            ev.FrameFailed(
                job_id=self.job_id,
                layer=layer,
                frame=frame,
                reason=reason,
                task_id=task_id,
                will_retry=will_retry,
            )
        )

    def progress(
        self,
        task_id: str,
        *,
        layer: str,
        frame: int | None,
        percent: float | None,
        frames_done: int,
        frames_total: int,
    ) -> None:
        """A render's progress on its current frame."""
        self._bus.publish(
            ev.Progress(
                job_id=self.job_id,
                task_id=task_id,
                layer=layer,
                frame=frame,
                percent=percent,
                frames_done=frames_done,
                frames_total=frames_total,
            )
        )

    # -- tasks ------------------------------------------------------------------------------------
    def task_added(self, spec: TaskSpec, log_path: Path) -> None:
        """A task was carved from the queue and is about to launch."""
        self._store.add_task(
            task_id=spec.task_id,
            job_id=self.job_id,
            layers=list(spec.layers),
            frames=spec.frames,
            gpu=spec.slot.cuda_device,
            slot=spec.slot.index,
            attempt=spec.attempt,
            log_path=str(log_path),
            temp_scene=None,
        )

    def task_started(
        self,
        spec: TaskSpec,
        *,
        pid: int | None,
        create_time: float | None,
        argv: list[str],
        log_path: Path,
    ) -> None:
        """A task's render was launched: its frames are rendering."""
        gpu = spec.slot.cuda_device
        self._store.task_started(
            self.job_id,
            spec.task_id,
            pid=pid or 0,
            pid_create_time=create_time,
            argv=argv,
            gpu=gpu,
            slot=spec.slot.index,
        )
        for layer in spec.layers:
            self._store.set_frames_state(
                self.job_id,
                layer,
                spec.frames,
                FrameState.RENDERING,
                task_id=spec.task_id,
                gpu=gpu,
            )
        self._publish_task_started(spec, argv, pid, log_path)

    def task_keeps_through(self, task_id: str, frame: int) -> None:
        """A running task gave its frames after ``frame`` to another task (a tail split).

        Stored before the taker is, so a manager that dies before stopping the task at its
        keep point leaves ``resume`` what it needs to stop it there (no frame rendered twice).
        """
        self._store.set_task_keep_through(self.job_id, task_id, frame)

    def task_startup(self, task_id: str, seconds: float) -> None:
        """A task's render began its first frame ``seconds`` after its launch (stored only)."""
        self._store.record_task_startup(self.job_id, task_id, seconds)

    def task_not_started(self, spec: TaskSpec, log_path: Path) -> None:
        """A task's render could not be launched (its end is recorded when it is finalised)."""
        self._publish_task_started(spec, [], None, log_path)

    def _publish_task_started(
        self, spec: TaskSpec, argv: list[str], pid: int | None, log_path: Path
    ) -> None:
        self._bus.publish(
            ev.TaskStarted(
                job_id=self.job_id,
                task_id=spec.task_id,
                layer=spec.layers[0],
                layers=list(spec.layers),
                frames=spec.frames,
                gpus=[spec.slot.cuda_device] if spec.slot.cuda_device is not None else [],
                slot=spec.slot.label,
                pid=pid,
                argv=list(argv),
                attempt=spec.attempt,
                log_path=str(log_path),
            )
        )

    def task_finished(
        self,
        task_id: str,
        *,
        state: TaskState,
        exit_code: int | None,
        reason: str | None,
        launched: bool,
        peak_gpu_memory: int,
        frames_done: list[int],
        frames_missing: list[int],
    ) -> None:
        """A task's process tree is gone and its frames were decided.

        Args:
            task_id: The task.
            state: Its end state.
            exit_code: Its exit code (None: unknown or never launched).
            reason: Why it ended so, or None.
            launched: A process was started (a task that never launched is stored as failed).
            peak_gpu_memory: Its renders' peak GPU memory in bytes (0: unknown).
            frames_done: Its verified frames.
            frames_missing: Its frames without a verified image.
        """
        if peak_gpu_memory:
            self._store.set_task_peak_gpu_memory(self.job_id, task_id, peak_gpu_memory)
        if launched:
            self._store.task_finished(
                self.job_id, task_id, state=state, exit_code=exit_code, reason=reason
            )
        else:
            self._store.task_finished(
                self.job_id, task_id, state=TaskState.FAILED, exit_code=None, reason=reason
            )
        self._bus.publish(
            ev.TaskFinished(
                job_id=self.job_id,
                task_id=task_id,
                status=state,
                exit_code=exit_code,
                reason=reason,
                frames_done=frames_done,
                frames_missing=frames_missing,
            )
        )

    def log_publisher(self, task_id: str) -> Callable[[str, ev.LogLevel], None] | None:
        """A callback publishing a task's log lines, or None when nobody asked for them."""
        if not self._bus.wants_logs():
            return None
        bus, job_id = self._bus, self.job_id

        def publish(line: str, level: ev.LogLevel) -> None:
            bus.publish(ev.LogLine(job_id=job_id, task_id=task_id, line=line, level=level))

        return publish


__all__ = ["JobHistory", "JobRecorder", "NullJobStore"]
