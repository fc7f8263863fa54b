"""Jobs after the fact as the History view shows them: plain rows built from the job store.

The engine describes a stored job as a ``JobSummary`` (per-layer counts by frame state) and, through
``BatchRenderAPI.stored_job``, as a ``StoredJob`` with its task and frame records. The dialog needs
less and in another shape: one :class:`JobRow` per job (frames done/total, failed, orphaned) and,
for the selected job, :class:`JobDetails` (its renders with GPU, attempt, peak GPU memory and log,
its failed frames with reasons, its output and log folders). The functions here make those rows;
they are pure (no Qt, no I/O) so the CLI's numbers and the dialog's are computed the same way and
are tested without a display.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lrc_toolbox.core.models import FrameState, JobState, TaskState
from lrc_toolbox.ui.view_state.frame_map import FrameMapState, StoredFrame

if TYPE_CHECKING:  # only read here: the records come from BatchRenderAPI
    from lrc_toolbox.core.batch_render_api import JobSummary, StoredJob

#: The History list's state for a job stored as running whose manager is gone (resume it).
ORPHANED_STATE = "orphaned"
#: A render that ended without some frames, all of which went to a retry (it did not fail).
REQUEUED_STATE = "requeued"

__all__ = [
    "FINAL_JOB_STATES",
    "ORPHANED_STATE",
    "REQUEUED_STATE",
    "FrameFailure",
    "JobDetails",
    "JobRow",
    "TaskDetail",
    "job_details_from_stored",
    "job_row_from_summary",
    "output_folder_of",
]

#: Job states after which nothing of the job runs any more (the engine's own final states).
FINAL_JOB_STATES: frozenset[str] = frozenset(
    state.value for state in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)
)

#: Frame states that mean "a verified image exists".
_VERIFIED = (FrameState.DONE.value, FrameState.SKIPPED_EXISTING.value)


@dataclass(frozen=True)
class JobRow:
    """One job of the History list.

    Attributes:
        job_id: The engine's job id.
        state: The stored state (``queued``, ``running``, ``succeeded``, ``failed``,
            ``cancelled``).
        scene: The scene file the job rendered.
        created_at: When the job was created (seconds since the epoch).
        ended_at: When it reached a final state, or None.
        frames_done: (layer, frame) pairs with a verified image.
        frames_total: (layer, frame) pairs of the job.
        frames_failed: Pairs that failed for good.
        orphaned: Running in the store but its manager (Maya, a CLI) is gone: renders may still
            be running; resume or cancel it.
        manager_alive: The process that runs the job is still alive.
        running_renders: Renders the store records as running.
        reason: Why the job ended the way it did, if recorded.
    """

    job_id: str
    state: str
    scene: str
    created_at: float
    ended_at: float | None
    frames_done: int
    frames_total: int
    frames_failed: int
    orphaned: bool = False
    manager_alive: bool = False
    running_renders: int = 0
    reason: str | None = None

    @property
    def finished(self) -> bool:
        """True once the job reached a final state."""
        return self.state in FINAL_JOB_STATES

    @property
    def frames_missing(self) -> int:
        """Pairs without a verified image (failed, never rendered, or still to render)."""
        return max(0, self.frames_total - self.frames_done)

    @property
    def can_rerun_failed(self) -> bool:
        """A finished job with frames lacking a verified image (what ``retry`` renders)."""
        return self.finished and self.frames_missing > 0

    @property
    def can_cancel(self) -> bool:
        """Not finished: running here, in another process, or orphaned."""
        return not self.finished

    @property
    def status_text(self) -> str:
        """The state as the list shows it (``orphaned`` wins over the stored ``running``)."""
        return ORPHANED_STATE if self.orphaned else self.state

    def duration_s(self, now: float) -> float | None:
        """Seconds from creation to end (to ``now`` while not finished); None if unknown."""
        end = self.ended_at if self.ended_at is not None else (None if self.finished else now)
        if end is None:
            return None
        return max(0.0, end - self.created_at)


@dataclass(frozen=True)
class TaskDetail:
    """One render (a ``Render`` launch) of a stored job.

    Attributes:
        task_id: Short task id (``t0003``).
        layers: Layer(s) it rendered.
        frames: Frames it rendered.
        state: Task state (``queued``, ``running``, ``succeeded``, ``failed``, ``killed``,
            ``cancelled``).
        gpu: GPU UUID or index it was pinned to (None: CPU).
        attempt: 1 for a first render of these frames, 2+ for retries.
        pid: The render's process id, once launched.
        peak_gpu_memory: Most GPU memory the render used (bytes), when NVML could tell.
        log_path: Its log file.
        started_at: When it was launched (seconds since the epoch).
        ended_at: When it ended.
        exit_code: Its exit status, when known.
        reason: Why it ended the way it did.
        frames_failed_here: Its frames that failed for good in it (0 for a render whose missing
            frames all went to a retry: it did not fail the job).
    """

    task_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    state: str
    gpu: str | None
    attempt: int
    pid: int | None = None
    peak_gpu_memory: int | None = None
    log_path: str | None = None
    started_at: float | None = None
    ended_at: float | None = None
    exit_code: int | None = None
    reason: str | None = None
    frames_failed_here: int = 0

    @property
    def layer_text(self) -> str:
        """Layers joined for display."""
        return " + ".join(self.layers)

    @property
    def state_text(self) -> str:
        """Its state in honest words: a failed render whose frames went to a retry "requeued"."""
        failed = self.state in (TaskState.FAILED, TaskState.KILLED)
        return REQUEUED_STATE if failed and not self.frames_failed_here else self.state

    @property
    def duration_s(self) -> float | None:
        """Seconds the render ran, when both ends are known."""
        if self.started_at is None or self.ended_at is None:
            return None
        return max(0.0, self.ended_at - self.started_at)


@dataclass(frozen=True)
class FrameFailure:
    """A frame of a stored job without a verified image.

    Attributes:
        layer: Its layer.
        frame: Its number.
        reason: Why it failed.
        attempts: How many times a render tried it (2+ means it was retried).
        gpu: The GPU it was last tried on.
        task_id: The render that last tried it (its id within the job).
    """

    layer: str
    frame: int
    reason: str
    attempts: int = 0
    gpu: str | None = None
    task_id: str | None = None


@dataclass(frozen=True)
class JobDetails:
    """Everything the History view shows for one job.

    Attributes:
        job: The job's row.
        tasks: Its renders, in launch order.
        failed_frames: Its frames that failed for good.
        output_folder: Where its images went (the output folder it was given, else the folder
            its verified images share), or None when unknown.
        log_folder: The folder of its task logs, or None before a render started.
        renderer: The renderer it used, as configured.
        frames: Every frame of the job as stored (the frame map).
    """

    job: JobRow
    tasks: tuple[TaskDetail, ...] = ()
    failed_frames: tuple[FrameFailure, ...] = ()
    output_folder: str | None = None
    log_folder: str | None = None
    renderer: str = ""
    frames: tuple[StoredFrame, ...] = ()

    def frame_map(self) -> FrameMapState:
        """The job's frame map: the same picture Active Renders drew while it ran."""
        return FrameMapState.from_frames(
            self.job.job_id,
            self.frames,
            job_state=self.job.state,
            job_reason=self.job.reason,
            tasks=[(task.task_id, task.layers, task.frames) for task in self.tasks],
            renderer=self.renderer,
        )


def job_row_from_summary(summary: JobSummary) -> JobRow:
    """Turn the engine's summary of a stored job into a History row.

    Args:
        summary: From ``BatchRenderAPI.history`` or ``job_status``.

    Returns:
        The row; skipped-existing frames count as done (their images exist and were verified).
    """
    done = total = failed = 0
    for counts in summary.layers.values():
        done += sum(int(counts.get(state, 0)) for state in _VERIFIED)
        failed += int(counts.get(FrameState.FAILED.value, 0))
        total += sum(int(n) for n in counts.values())
    return JobRow(
        job_id=summary.job_id,
        state=summary.state,
        scene=summary.scene,
        created_at=summary.created_at,
        ended_at=summary.ended_at,
        frames_done=done,
        frames_total=total,
        frames_failed=failed,
        orphaned=summary.orphaned,
        manager_alive=summary.manager_alive,
        running_renders=len(summary.running_tasks),
        reason=summary.reason,
    )


def output_folder_of(config: Mapping[str, Any], outputs: Iterable[str]) -> str | None:
    """Where a job's images are: its output folder, else the folder its images share.

    Args:
        config: The job's stored configuration (``output_dir`` may be empty: Maya's images
            folder was used).
        outputs: Paths of its verified images.

    Returns:
        A folder path, or None when neither is known.
    """
    configured = config.get("output_dir")
    if configured:
        return str(configured)
    folders = sorted({os.path.dirname(path) for path in outputs if path})
    if not folders:
        return None
    try:
        return os.path.commonpath(folders) or folders[0]
    except ValueError:  # images on different drives (Windows): show the first folder
        return folders[0]


def job_details_from_stored(stored: StoredJob) -> JobDetails:
    """Gather a stored job's renders, failed frames and folders for the History view.

    Args:
        stored: The job as ``BatchRenderAPI.stored_job`` read it (summary, job, tasks, frames).

    Returns:
        The details.
    """
    row = job_row_from_summary(stored.summary)
    job = stored.job
    failed_in: dict[str, int] = {}
    for record in stored.frames:
        if record.state is FrameState.FAILED and record.task_id:
            failed_in[record.task_id] = failed_in.get(record.task_id, 0) + 1
    task_details = tuple(
        TaskDetail(
            task_id=task.task_id,
            layers=tuple(task.layers),
            frames=tuple(task.frames),
            state=task.state.value,
            gpu=task.gpu,
            attempt=task.attempt,
            pid=task.pid,
            peak_gpu_memory=task.peak_gpu_memory,
            log_path=task.log_path,
            started_at=task.started_at,
            ended_at=task.ended_at,
            exit_code=task.exit_code,
            reason=task.reason,
            frames_failed_here=failed_in.get(task.task_id, 0),
        )
        for task in stored.tasks
    )
    failures = []
    outputs = []
    frames = tuple(
        StoredFrame(
            layer=record.layer,
            frame=record.frame,
            state=record.state.value,
            attempts=record.attempts,
            reason=record.reason,
            task_id=record.task_id,
        )
        for record in stored.frames
    )
    for record in stored.frames:
        if record.state is FrameState.FAILED:
            failures.append(
                FrameFailure(
                    layer=record.layer,
                    frame=record.frame,
                    reason=record.reason or "failed",
                    attempts=record.attempts,
                    gpu=record.gpu,
                    task_id=record.task_id,
                )
            )
        elif record.state.value in _VERIFIED and record.output_path:
            outputs.append(record.output_path)
    logs = [task.log_path for task in task_details if task.log_path]
    return JobDetails(
        job=row,
        tasks=task_details,
        failed_frames=tuple(failures),
        output_folder=output_folder_of(job.config, outputs),
        log_folder=os.path.dirname(logs[0]) if logs else None,
        renderer=str(job.config.get("renderer") or ""),
        frames=frames,
    )
