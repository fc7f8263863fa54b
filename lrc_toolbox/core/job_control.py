"""Jobs after the fact: status, history, cancel, retry and resume, from the job store.

A job outlives the process that ran it: renders keep going when Maya crashes or the CLI is killed,
because they write to their own log files. Everything here works from the store alone (plus the
process table), so a new CLI or dialog can pick a job up again:

* ``resume`` re-attaches to the job's renders that still run (pid *and* start time must match, so
  a recycled pid is never adopted), verifies the images of those that ended meanwhile (their logs
  are complete), and renders what was still queued;
* ``cancel`` stops the job: through its manager when that still runs, else by stopping the
  job's surviving render trees itself;
* ``retry`` starts a new job for the frames that failed or are missing;
* ``status`` / ``history`` describe jobs, with per-layer counts and whether the manager is alive.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field
from typing import Any

import psutil

from lrc_toolbox.core.events import TASK_KEY_ALIAS
from lrc_toolbox.core.gpu_leases import is_same_process
from lrc_toolbox.core.job_runner import ResumeState, TaskAttachment
from lrc_toolbox.core.job_store import (
    FrameRecord,
    JobClaimedError,
    JobRecord,
    JobStore,
    TaskRecord,
)
from lrc_toolbox.core.models import FrameState, JobState, RenderConfig, RenderMode, TaskState
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.retention import job_temp_folder
from lrc_toolbox.utils.frame_parser import FrameSet
from lrc_toolbox.utils.render_subprocess import RenderProcess

_FINAL_JOB_STATES = (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)


@dataclass
class JobSummary:
    """One job for ``status`` and ``history``."""

    job_id: str
    state: str
    scene: str
    created_at: float
    ended_at: float | None
    manager_alive: bool
    orphaned: bool  # running in the store, but its manager is gone: resume it
    layers: dict[str, dict[str, int]] = field(default_factory=dict)
    running_tasks: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    notes: list[str] = field(default_factory=list)
    output_dir: str | None = None  # the image folder every render got (-rd)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return dict(self.__dict__)


def config_from_record(job: JobRecord) -> RenderConfig:
    """Rebuild the job's :class:`RenderConfig` from the store."""
    data = dict(job.config)
    known = RenderConfig.__dataclass_fields__
    kwargs = {key: value for key, value in data.items() if key in known}
    kwargs["render_mode"] = RenderMode(kwargs.get("render_mode", RenderMode.SEPARATE.value))
    return RenderConfig(**kwargs)


def manager_alive(job: JobRecord) -> bool:
    """True when the process that runs the job is still the same process."""
    return is_same_process(job.manager_pid, job.manager_create_time)


def summarise(store: JobStore, job: JobRecord) -> JobSummary:
    """Describe a job: state, per-layer frame counts, running tasks, orphaned or not."""
    alive = manager_alive(job)
    counts = store.frame_counts(job.id)
    layers = {
        layer: {state.value: n for state, n in by_state.items() if n}
        for layer, by_state in counts.items()
    }
    running = [
        {
            TASK_KEY_ALIAS: t.task_id,
            "task_id": t.task_id,
            "layers": list(t.layers),
            "frames": list(t.frames),
            "pid": t.pid,
            "gpu": t.gpu,
            "alive": is_same_process(t.pid, t.pid_create_time),
            "log": t.log_path,
        }
        for t in store.get_tasks(job.id)
        if t.state is TaskState.RUNNING
    ]
    return JobSummary(
        job_id=job.id,
        state=job.state.value,
        scene=job.scene,
        created_at=job.created_at,
        ended_at=job.ended_at,
        manager_alive=alive,
        orphaned=job.state not in _FINAL_JOB_STATES and not alive,
        layers=layers,
        running_tasks=running,
        reason=job.reason,
        notes=[str(note) for note in job.config.get("plan_notes") or []],
        output_dir=str(job.config.get("output_dir") or "") or None,
    )


def _task_number(task_id: str) -> int:
    digits = "".join(c for c in task_id if c.isdigit())
    return int(digits) if digits else 0


def get_job_or_fail(store: JobStore, job_id: str) -> JobRecord:
    """The job, or a :class:`PlanError` naming the recent ones."""
    job = store.get_job(job_id)
    if job is None:
        recent = ", ".join(j.id for j in store.list_jobs(limit=5)) or "none"
        raise PlanError(f"no job {job_id} in {store.path} (recent jobs: {recent})")
    return job


def claim_job(store: JobStore, job: JobRecord) -> JobRecord:
    """Become the manager of ``job`` (for ``resume`` or ``cancel``), or say who is.

    Atomic (one write transaction): of two processes claiming a job at once, exactly one wins;
    the other gets one line.

    Returns:
        The job as stored after the claim.

    Raises:
        PlanError: The job ended, or another live process runs it.
    """
    me = psutil.Process()
    try:
        store.claim_manager(
            job.id, pid=me.pid, create_time=me.create_time(), holder_alive=is_same_process
        )
    except JobClaimedError as exc:
        if exc.holder_pid is None:
            raise PlanError(
                f"{exc}; use 'retry {job.id}' to render its failed frames again"
            ) from exc
        raise PlanError(
            f"{exc}: it is being rendered or resumed there (cancel it to stop it)"
        ) from exc
    return get_job_or_fail(store, job.id)


def load_resume_state(store: JobStore, job: JobRecord) -> ResumeState:
    """Read where a job stood: verified frames, final failures, pending frames, its renders.

    Raises:
        PlanError: The job already ended, or its manager still runs it.
    """
    if job.state in _FINAL_JOB_STATES:
        raise PlanError(
            f"job {job.id} already ended ({job.state.value}); "
            f"use 'retry {job.id}' to render its failed frames again"
        )
    if manager_alive(job) and job.manager_pid != os.getpid():
        raise PlanError(
            f"job {job.id} is still running in process {job.manager_pid}: "
            "nothing to resume (cancel it first to take it over)"
        )
    done: dict[str, dict[int, str]] = {}
    failed: dict[str, dict[int, str]] = {}
    pending: dict[str, set[int]] = {}
    attempts: dict[str, dict[int, int]] = {}
    tasks = store.get_tasks(job.id)
    attached = [_attached(t) for t in tasks if t.state is TaskState.RUNNING and t.pid]
    # A render that gave its later frames away keeps only those up to its keep point: the rest
    # belong to its taker, or go back to the queue when the taker never started.
    in_running = {(layer, frame) for t in attached for layer in t.layers for frame in t.kept_frames}
    for record in store.get_frames(job.id):
        attempts.setdefault(record.layer, {})[record.frame] = record.attempts
        if record.state in (FrameState.DONE, FrameState.SKIPPED_EXISTING):
            done.setdefault(record.layer, {})[record.frame] = record.output_path or ""
        elif record.state is FrameState.FAILED:
            failed.setdefault(record.layer, {})[record.frame] = record.reason or "failed"
        elif (record.layer, record.frame) not in in_running:
            pending.setdefault(record.layer, set()).add(record.frame)
    for task in tasks:
        if task.state is TaskState.QUEUED:
            store.task_finished(
                job.id,
                task.task_id,
                state=TaskState.CANCELLED,
                exit_code=None,
                reason="never started: its manager stopped first",
            )
    numbers = [_task_number(t.task_id) for t in tasks] or [0]
    folders = {
        str(folder): None
        for t in tasks
        if t.argv and (folder := job_temp_folder(t.argv[-1])) is not None
    }
    return ResumeState(
        old_temp_folders=tuple(folders),
        done=done,
        failed=failed,
        pending={layer: FrameSet(frames) for layer, frames in pending.items()},
        attempts=attempts,
        attached=attached,
        next_task_number=max(numbers) + 1,
    )


def _attached(task: TaskRecord) -> TaskAttachment:
    return TaskAttachment(
        task_id=task.task_id,
        layers=tuple(task.layers),
        frames=tuple(task.frames),
        attempt=task.attempt,
        slot_index=task.slot,
        gpu=task.gpu,
        pid=int(task.pid or 0),
        create_time=task.pid_create_time,
        log_path=task.log_path or "",
        keep_through=task.keep_through,
        # The process's own start (else the store's stamp of it): its images count from there.
        launched_wall=task.pid_create_time if task.pid_create_time else task.started_at,
    )


def frames_to_retry(store: JobStore, job: JobRecord) -> dict[str, str]:
    """Per layer, the frames of ``job`` without a verified image (failed or never rendered).

    Raises:
        PlanError: Nothing to retry, or the job is still running.
    """
    if job.state not in _FINAL_JOB_STATES:
        raise PlanError(
            f"job {job.id} is still {job.state.value}: wait for it, cancel it, or resume it"
        )
    missing: dict[str, list[int]] = {}
    for record in store.get_frames(job.id):
        if record.state not in (FrameState.DONE, FrameState.SKIPPED_EXISTING):
            missing.setdefault(record.layer, []).append(record.frame)
    if not missing:
        raise PlanError(f"job {job.id}: every frame has a verified image; nothing to retry")
    return {layer: FrameSet(frames).to_string() for layer, frames in missing.items()}


#: Beyond the renders' stop grace, how long ``cancel`` waits for a live manager to exit.
MANAGER_STOP_MARGIN_S = 20.0


def _wait_until_gone(pid: int, create_time: float | None, timeout_s: float) -> bool:
    """Wait for a process to end; True when it did within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while is_same_process(pid, create_time):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def cancel_job(store: JobStore, job: JobRecord, *, grace_s: float = 10.0) -> str:
    """Stop a job. Returns what was done, in words.

    With its manager alive, the manager is asked to stop (SIGTERM: it stops every render tree
    and records the outcome) and waited for. With the manager gone (or gone without recording
    the end), the job's surviving renders (checked by pid and start time) are stopped here and
    the job is marked cancelled; this process claims the job first, so a ``resume`` started at
    the same moment is refused (or this cancel is, when the resume claimed it first).

    Raises:
        PlanError: The job already ended.
    """
    if job.state in _FINAL_JOB_STATES:
        raise PlanError(f"job {job.id} already ended ({job.state.value})")
    if manager_alive(job) and job.manager_pid and job.manager_pid != os.getpid():
        pid = job.manager_pid
        os.kill(pid, signal.SIGTERM)
        if not _wait_until_gone(pid, job.manager_create_time, grace_s + MANAGER_STOP_MARGIN_S):
            return f"asked the manager of job {job.id} (pid {pid}) to stop it; it is stopping"
        job = get_job_or_fail(store, job.id)
        if job.state is JobState.CANCELLED:
            return f"job {job.id} cancelled: its manager (pid {pid}) stopped it"
        if job.state in _FINAL_JOB_STATES:
            # The stop came as the job ended on its own (every frame verified, or failed).
            return (
                f"job {job.id} had already {job.state.value} when its manager (pid {pid}) "
                "was asked to stop it"
            )
        # The manager ended without recording the end (stopped before its job started): the
        # cancellation is finished here, so the job never stays "running" with no manager.
    # No live manager: this process becomes it, so a `resume` started meanwhile cannot run
    # the job while its renders are being stopped here (one of the two is refused).
    job = claim_job(store, job)
    stopped = []
    for task in store.get_tasks(job.id):
        if task.state is not TaskState.RUNNING:
            if task.state is TaskState.QUEUED:
                store.task_finished(
                    job.id,
                    task.task_id,
                    state=TaskState.CANCELLED,
                    exit_code=None,
                    reason="cancelled",
                )
            continue
        if is_same_process(task.pid, task.pid_create_time) and task.log_path:
            process = RenderProcess.attach(
                pid=int(task.pid or 0),
                create_time=task.pid_create_time or 0.0,
                log_path=task.log_path,
                name=task.task_id,
            )
            process.terminate(grace_s)
            stopped.append(str(task.pid))
        store.task_finished(
            job.id,
            task.task_id,
            state=TaskState.CANCELLED,
            exit_code=None,
            reason="cancelled after its manager had stopped",
        )
    pending = [
        r for r in store.get_frames(job.id) if r.state in (FrameState.PENDING, FrameState.RENDERING)
    ]
    by_layer: dict[str, list[int]] = {}
    for record in pending:
        by_layer.setdefault(record.layer, []).append(record.frame)
    for layer, frames in by_layer.items():
        store.set_frames_state(job.id, layer, frames, FrameState.FAILED, reason="cancelled")
    store.set_job_state(job.id, JobState.CANCELLED, "cancelled by the user")
    what = f"stopped renders {', '.join(stopped)}" if stopped else "no render was running"
    return f"job {job.id} cancelled ({what})"


@dataclass
class StoredJob:
    """Everything the store keeps of one job, read at once (for history views).

    Attributes:
        summary: State, per-layer counts, running tasks, orphaned or not.
        job: The job's record (its configuration among others).
        tasks: Its task records, in launch order.
        frames: Its frame records.
    """

    summary: JobSummary
    job: JobRecord
    tasks: list[TaskRecord]
    frames: list[FrameRecord]


def load_stored_job(store: JobStore, job_id: str) -> StoredJob:
    """Read one job with its tasks and frames.

    Raises:
        PlanError: Unknown job (the message names the recent ones).
    """
    job = get_job_or_fail(store, job_id)
    return StoredJob(
        summary=summarise(store, job),
        job=job,
        tasks=store.get_tasks(job_id),
        frames=store.get_frames(job_id),
    )
