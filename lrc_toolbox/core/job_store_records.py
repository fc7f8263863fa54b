"""What the job store hands back: frozen records of jobs, tasks and frames, built from rows.

The records hold plain values (JSON columns parsed, states as enums), so callers never see
``sqlite3.Row`` objects and may keep a record after the store is closed.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from lrc_toolbox.core.models import FrameState, JobState, TaskState

__all__ = [
    "FrameRecord",
    "JobRecord",
    "TaskRecord",
    "frame_record",
    "job_record",
    "task_record",
]


@dataclass(frozen=True)
class JobRecord:
    """One job as stored.

    Attributes:
        id: Job id.
        created_at: Seconds since the epoch.
        updated_at: Last change to the job, one of its tasks or frames.
        state: Job state.
        scene: The scene file the artist rendered (not the temp snapshot).
        config: The render configuration as given to :meth:`JobStore.create_job` (parsed JSON).
        manager_pid: Pid of the process that ran the job, if recorded.
        manager_create_time: That process's create time (psutil), to tell a reused pid apart.
        host: Host name of the machine that created the job.
        user: Login name that created the job.
        reason: Why the job ended the way it did (free text), if given.
        ended_at: When the job reached a final state.
    """

    id: str
    created_at: float
    updated_at: float
    state: JobState
    scene: str
    config: dict[str, Any]
    manager_pid: int | None
    manager_create_time: float | None
    host: str | None
    user: str | None
    reason: str | None
    ended_at: float | None


@dataclass(frozen=True)
class TaskRecord:
    """One task (one ``Render`` process launch) as stored, keyed by ``(job_id, task_id)``.

    Attributes:
        task_id: The task's id within its job (``t0001``); :attr:`id` is a kept alias.
        job_id: Owning job.
        layers: Render layers (artist names) the process renders.
        frames: Frames the process renders.
        gpu: GPU UUID or index it is pinned to; ``None`` for a CPU render.
        slot: Scheduler slot number, if any.
        attempt: Attempt number of this chunk (retries get a higher one).
        state: Task state.
        pid: Process id once running.
        pid_create_time: The process's create time (psutil), to re-attach safely after pid reuse.
        exit_code: Exit status once ended, if known.
        reason: Why it ended (free text), if given.
        log_path: The task's log file.
        temp_scene: The scene snapshot it renders.
        argv: The exact command line launched (empty until started).
        queued_at: When the task was added.
        started_at: When the process was launched.
        ended_at: When the task reached a final state.
        peak_gpu_memory: The most GPU memory its processes used (bytes), when NVML could tell.
        keep_through: The last frame it renders after giving its later frames to another task
            (a tail split), else None.
        startup_s: Seconds from its launch to its first frame, once seen.
    """

    task_id: str
    job_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    gpu: str | None
    slot: int | None
    attempt: int
    state: TaskState
    pid: int | None
    pid_create_time: float | None
    exit_code: int | None
    reason: str | None
    log_path: str | None
    temp_scene: str | None
    argv: tuple[str, ...]
    queued_at: float
    started_at: float | None
    ended_at: float | None
    peak_gpu_memory: int | None = None
    keep_through: int | None = None
    startup_s: float | None = None

    @property
    def id(self) -> str:
        """The task's id (the name this field had before ``task_id``; kept for callers)."""
        return self.task_id


@dataclass(frozen=True)
class FrameRecord:
    """One (layer, frame) of a job as stored.

    Attributes:
        job_id: Owning job.
        layer: Render layer (artist name).
        frame: Frame number.
        state: Frame state; only ``done`` means a verified, non-empty image exists.
        task_id: The task that last rendered (or is rendering) it (its id within the job).
        gpu: The GPU it was last rendered on (``None``: CPU or never).
        output_path: The verified image, once known.
        reason: Why it failed or was retried, if given.
        attempts: How many times it entered ``rendering``.
        started_at: When it last entered ``rendering``.
        ended_at: When it last reached ``done``, ``failed`` or ``skipped_existing``.
        render_s: Seconds its render took, when it was verified with a timing.
    """

    job_id: str
    layer: str
    frame: int
    state: FrameState
    task_id: str | None
    gpu: str | None
    output_path: str | None
    reason: str | None
    attempts: int
    started_at: float | None
    ended_at: float | None
    render_s: float | None = None


def _from_json(text: str | None, default: Any) -> Any:
    return default if text is None else json.loads(text)


def job_record(row: sqlite3.Row) -> JobRecord:
    """The job in a ``jobs`` row."""
    return JobRecord(
        id=row["id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        state=JobState(row["state"]),
        scene=row["scene"],
        config=_from_json(row["config_json"], {}),
        manager_pid=row["manager_pid"],
        manager_create_time=row["manager_create_time"],
        host=row["host"],
        user=row["user"],
        reason=row["reason"],
        ended_at=row["ended_at"],
    )


def task_record(row: sqlite3.Row) -> TaskRecord:
    """The task in a ``tasks`` row."""
    return TaskRecord(
        task_id=row["task_id"],
        job_id=row["job_id"],
        layers=tuple(_from_json(row["layers_json"], [])),
        frames=tuple(_from_json(row["frames_json"], [])),
        gpu=row["gpu"],
        slot=row["slot"],
        attempt=row["attempt"],
        state=TaskState(row["state"]),
        pid=row["pid"],
        pid_create_time=row["pid_create_time"],
        exit_code=row["exit_code"],
        reason=row["reason"],
        log_path=row["log_path"],
        temp_scene=row["temp_scene"],
        argv=tuple(_from_json(row["argv_json"], [])),
        queued_at=row["queued_at"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        peak_gpu_memory=row["peak_gpu_memory"],
        keep_through=row["keep_through"],
        startup_s=row["startup_s"],
    )


def frame_record(row: sqlite3.Row) -> FrameRecord:
    """The frame in a ``frames`` row."""
    return FrameRecord(
        job_id=row["job_id"],
        layer=row["layer"],
        frame=row["frame"],
        state=FrameState(row["state"]),
        task_id=row["task_id"],
        gpu=row["gpu"],
        output_path=row["output_path"],
        reason=row["reason"],
        attempts=row["attempts"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        render_s=row["render_s"],
    )
