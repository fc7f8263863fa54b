"""The render manager's memory: jobs, tasks and frames in one SQLite file.

The store is what survives a Maya crash. The manager writes every state change here in a short
transaction, so another process can re-open the file after the manager died, show the history,
resume the frames still missing, or re-attach to renders that are still running (found by
``pid`` plus process create time, which together identify a process even after pid reuse).

This module is the store's face: :class:`JobStore` and every name callers import from here. The
parts live beside it, one job each:

* :mod:`~lrc_toolbox.core.job_store_paths`: the per-user data folder and the default store file;
* :mod:`~lrc_toolbox.core.job_store_schema`: the schema and its migrations (``user_version``);
* :mod:`~lrc_toolbox.core.job_store_connection`: the WAL connection, ``BEGIN IMMEDIATE`` writes;
* :mod:`~lrc_toolbox.core.job_store_states`: the state machines as tables (sticky verified frames);
* :mod:`~lrc_toolbox.core.job_store_queries`: the reads (:class:`JobStore` inherits them);
* :mod:`~lrc_toolbox.core.job_store_timings`: render timings, a scene's cost history (inherited);
* :mod:`~lrc_toolbox.core.job_store_records`: the records handed back, built from rows;
* :mod:`~lrc_toolbox.core.job_store_args`: argument checks and new job ids;
* :mod:`~lrc_toolbox.core.job_store_frames`: moving many frames in one transaction;
* :mod:`~lrc_toolbox.core.job_store_errors`: the errors.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lrc_toolbox.core.job_store_args import (
    check_float,
    check_frames,
    check_id,
    check_int,
    check_strings,
    check_text,
    coerce_state,
    login_name,
    new_job_id,
    to_json,
)
from lrc_toolbox.core.job_store_connection import (
    BUSY_NOTICE_S,
    BUSY_TIMEOUT_S,
    MOVE_ASIDE_HINT,
    BusyNotice,
    StoreConnection,
)
from lrc_toolbox.core.job_store_errors import (
    DamagedStoreError,
    DataDirError,
    InvalidTransitionError,
    JobClaimedError,
    JobExistsError,
    JobStoreError,
    NotFoundError,
    StoreBusyError,
)
from lrc_toolbox.core.job_store_frames import (
    frame_update_sql,
    preview,
    read_frame_states,
    sort_frame_moves,
)
from lrc_toolbox.core.job_store_paths import (
    APP_DIR_NAME,
    DATA_DIR_MODE,
    STORE_FILE_NAME,
    data_dir,
    default_store_path,
    ensure_private_dir,
    resolve_data_dir,
)
from lrc_toolbox.core.job_store_records import FrameRecord, JobRecord, TaskRecord
from lrc_toolbox.core.job_store_schema import MIGRATIONS, SCHEMA_VERSION, migrate
from lrc_toolbox.core.job_store_states import (
    FINAL_JOB_STATES,
    FRAME_TRANSITIONS,
    JOB_TRANSITIONS,
    TASK_TRANSITIONS,
    state_names,
)
from lrc_toolbox.core.job_store_timings import JobStoreTimings
from lrc_toolbox.core.models import FrameState, JobState, TaskState

__all__ = [
    "APP_DIR_NAME",
    "BUSY_NOTICE_S",
    "BUSY_TIMEOUT_S",
    "MOVE_ASIDE_HINT",
    "DATA_DIR_MODE",
    "FRAME_TRANSITIONS",
    "JOB_TRANSITIONS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STORE_FILE_NAME",
    "TASK_TRANSITIONS",
    "DamagedStoreError",
    "DataDirError",
    "FrameRecord",
    "InvalidTransitionError",
    "JobClaimedError",
    "JobExistsError",
    "JobRecord",
    "JobStore",
    "JobStoreError",
    "NotFoundError",
    "StoreBusyError",
    "TaskRecord",
    "data_dir",
    "default_store_path",
    "migrate",
    "new_job_id",
    "resolve_data_dir",
]


class JobStore(JobStoreTimings):
    """Thread- and process-safe store of jobs, tasks and frames in one SQLite file.

    Every method is one short transaction. Share one instance between threads freely; other
    processes open their own instance on the same file. The reads (``get_job``, ``list_jobs``,
    ``get_tasks``, ``get_frames``, ``frame_counts``...) come from
    :class:`~lrc_toolbox.core.job_store_queries.JobStoreQueries`, the timings (``cost_history``)
    from :class:`~lrc_toolbox.core.job_store_timings.JobStoreTimings`.

    Args:
        path: Store file; ``None`` for :func:`default_store_path`. Missing parent folders are
            created (mode 0700).
        clock: Source of timestamps (seconds since the epoch); tests pass a fake one.
        on_busy: Told, in one line, when a write has waited :data:`BUSY_NOTICE_S` for another
            process's lock (it then waits up to :data:`BUSY_TIMEOUT_S`).

    Raises:
        DataDirError: The folder for the file cannot be created.
        DamagedStoreError: The file is not a sound SQLite database (move it aside).
        StoreBusyError: Another process held the lock too long.
        JobStoreError: The file is not usable, or has a newer schema.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        on_busy: BusyNotice | None = None,
    ) -> None:
        self._path = default_store_path() if path is None else Path(path).expanduser().absolute()
        if path is not None:
            ensure_private_dir(self._path.parent)
        self._clock = clock
        super().__init__(StoreConnection(self._path, on_busy=on_busy), self._path)

    # ---------------------------------------------------------------------------------- plumbing
    @property
    def path(self) -> Path:
        """The store file."""
        return self._path

    def close(self) -> None:
        """Close the connection. Safe to call twice; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> JobStore:
        """Return the store itself."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the store."""
        self.close()

    def __repr__(self) -> str:
        """Show the file and whether the store is open."""
        state = "open" if self._db.is_open else "closed"
        return f"JobStore({str(self._path)!r}, {state})"

    def _touch_job(self, conn: sqlite3.Connection, job_id: str, now: float) -> None:
        conn.execute("UPDATE jobs SET updated_at = ? WHERE id = ?", (now, job_id))

    # ---------------------------------------------------------------------------------- jobs
    def create_job(
        self,
        *,
        job_id: str,
        scene: str,
        config: Mapping[str, Any],
        frames: Mapping[str, Sequence[int]],
        manager_pid: int | None = None,
        manager_create_time: float | None = None,
    ) -> None:
        """Insert a job (state ``queued``) and all its frames (``pending``) in one transaction.

        Args:
            job_id: Id for the job (see :func:`new_job_id`); path-safe characters only.
            scene: The scene file the artist asked to render.
            config: Render configuration, JSON-serialisable (e.g. ``dataclasses.asdict`` of a
                :class:`~lrc_toolbox.core.models.RenderConfig`).
            frames: Frames per render layer. Duplicate frames within a layer are stored once.
            manager_pid: Pid of the process that runs the job.
            manager_create_time: That process's create time, so a reused pid is not mistaken
                for the manager.

        Raises:
            ValueError: An argument is malformed (bad id, non-integer frame, config not JSON).
            JobExistsError: ``job_id`` is already in the store.
            JobStoreError: SQLite failed.
        """
        check_id(job_id, "job_id")
        check_text(scene, "scene")
        if not isinstance(config, Mapping):
            raise ValueError(f"config must be a mapping, got {type(config).__name__}")
        config_json = to_json(dict(config), "config")
        if not isinstance(frames, Mapping):
            raise ValueError(f"frames must be a mapping of layer -> frames, got {frames!r}")
        rows: list[tuple[str, str, int]] = []
        for layer, layer_frames in frames.items():
            check_text(layer, "layer name")
            rows.extend((job_id, layer, f) for f in check_frames(layer_frames, f"layer {layer}"))
        check_int(manager_pid, "manager_pid", optional=True, minimum=0)
        create_time = check_float(manager_create_time, "manager_create_time")
        host = socket.gethostname() or None
        user = login_name()
        now = self._clock()
        with self._db.write() as conn:
            try:
                conn.execute(
                    "INSERT INTO jobs (id, created_at, updated_at, state, scene, config_json, "
                    'manager_pid, manager_create_time, host, "user") '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        job_id,
                        now,
                        now,
                        JobState.QUEUED.value,
                        scene,
                        config_json,
                        manager_pid,
                        create_time,
                        host,
                        user,
                    ),
                )
            except sqlite3.IntegrityError:
                raise JobExistsError(f"job {job_id} already exists in {self._path}") from None
            conn.executemany(
                "INSERT INTO frames (job_id, layer, frame, state) VALUES (?, ?, ?, 'pending')",
                rows,
            )

    def set_job_state(self, job_id: str, state: JobState, reason: str | None = None) -> None:
        """Move a job to ``state`` (see :data:`JOB_TRANSITIONS`).

        ``running -> running`` changes nothing. Entering a final state stamps ``ended_at``.

        Args:
            job_id: The job.
            state: The new state.
            reason: Why (stored when given; kept otherwise).

        Raises:
            ValueError: ``state`` is not a job state.
            NotFoundError: No such job.
            InvalidTransitionError: The move is not allowed (e.g. from a final state).
            JobStoreError: SQLite failed.
        """
        new = coerce_state(state, JobState, "job state")
        check_text(reason, "reason", optional=True)
        now = self._clock()
        with self._db.write() as conn:
            row = conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")
            current = JobState(row["state"])
            if new not in JOB_TRANSITIONS[current]:
                raise InvalidTransitionError(
                    f"job {job_id}: {current.value} -> {new.value} is not allowed "
                    f"(allowed: {state_names(JOB_TRANSITIONS[current])})"
                )
            if new == current:
                return
            ended_at = now if new in FINAL_JOB_STATES else None
            conn.execute(
                "UPDATE jobs SET state = ?, updated_at = ?, ended_at = ?, "
                "reason = COALESCE(?, reason) WHERE id = ?",
                (new.value, now, ended_at, reason, job_id),
            )

    def claim_manager(
        self,
        job_id: str,
        *,
        pid: int,
        create_time: float | None,
        holder_alive: Callable[[int | None, float | None], bool],
    ) -> None:
        """Become the job's manager, atomically: one write transaction reads and sets it.

        Two processes claiming at once (two ``resume``, ``resume`` and ``cancel``) are serialised
        by the write lock: the second sees the first as the live manager and is refused.

        Args:
            job_id: The job.
            pid: The claiming process (its create time next).
            create_time: Its start time (psutil).
            holder_alive: Whether the recorded manager ``(pid, create_time)`` still runs.

        Raises:
            NotFoundError: No such job.
            JobClaimedError: The job already ended, or another live process manages it.
        """
        with self._db.write() as conn:
            row = conn.execute(
                "SELECT state, manager_pid, manager_create_time FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")
            if JobState(row["state"]) in FINAL_JOB_STATES:
                raise JobClaimedError(f"job {job_id} already ended ({row['state']})", None)
            holder = row["manager_pid"]
            if holder != pid and holder_alive(holder, row["manager_create_time"]):
                raise JobClaimedError(f"job {job_id} is run by process {holder}", holder)
            conn.execute(
                "UPDATE jobs SET manager_pid = ?, manager_create_time = ?, updated_at = ? "
                "WHERE id = ?",
                (int(pid), create_time, self._clock(), job_id),
            )

    def set_manager(self, job_id: str, *, pid: int, create_time: float | None) -> None:
        """Record the process that now runs a job (a resume after the first manager died).

        Args:
            job_id: The job.
            pid: The new manager's pid.
            create_time: Its start time (psutil), to tell a reused pid apart later.

        Raises:
            NotFoundError: No such job.
            JobStoreError: SQLite failed.
        """
        with self._db.write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET manager_pid = ?, manager_create_time = ?, updated_at = ? "
                "WHERE id = ?",
                (int(pid), create_time, self._clock(), job_id),
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")

    def delete_job(self, job_id: str, *, force: bool = False) -> bool:
        """Delete a job with its tasks and frames.

        Args:
            job_id: The job.
            force: Also delete a job that is not final (a manager that died without saying so
                leaves its job ``running`` forever). Without it such a job is refused, because a
                live manager would lose its state.

        Returns:
            True when the job existed.

        Raises:
            InvalidTransitionError: The job is queued or running and ``force`` is false.
            JobStoreError: SQLite failed.
        """
        with self._db.write() as conn:
            row = conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return False
            if not force and JobState(row["state"]) not in FINAL_JOB_STATES:
                raise InvalidTransitionError(
                    f"job {job_id} is {row['state']}; pass force=True to delete an unfinished job"
                )
            conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        return True

    def prune(self, older_than_s: float) -> int:
        """Delete final jobs (with tasks and frames) that ended more than ``older_than_s`` ago.

        Args:
            older_than_s: Age in seconds (>= 0), measured from the job's ``ended_at``.

        Returns:
            How many jobs were deleted.

        Raises:
            ValueError: ``older_than_s`` is negative or not a number.
            JobStoreError: SQLite failed.
        """
        age = check_float(older_than_s, "older_than_s")
        if age is None or age < 0 or age != age:
            raise ValueError(f"older_than_s must be a number >= 0, got {older_than_s!r}")
        cutoff = self._clock() - age
        finals = sorted(s.value for s in FINAL_JOB_STATES)
        with self._db.write() as conn:
            cursor = conn.execute(
                f"DELETE FROM jobs WHERE state IN ({', '.join('?' * len(finals))}) "
                "AND COALESCE(ended_at, updated_at) < ?",
                (*finals, cutoff),
            )
            return cursor.rowcount

    # ---------------------------------------------------------------------------------- tasks
    def add_task(
        self,
        *,
        task_id: str,
        job_id: str,
        layers: Sequence[str],
        frames: Sequence[int],
        gpu: str | None,
        slot: int | None,
        attempt: int,
        log_path: str | None,
        temp_scene: str | None,
    ) -> None:
        """Add a ``queued`` task to a job.

        A task is keyed by its job and its id within the job (``t0001``): two jobs may both have
        a ``t0001``.

        Args:
            task_id: The task's id within its job (path-safe characters).
            job_id: The owning job.
            layers: Render layers (artist names) the process will render.
            frames: Frames it will render.
            gpu: Planned GPU (UUID or index); ``None`` for CPU.
            slot: Planned scheduler slot.
            attempt: Attempt number (>= 0).
            log_path: The log file it will write.
            temp_scene: The scene snapshot it will render.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such job.
            JobExistsError: The job already has a task ``task_id``.
            JobStoreError: SQLite failed.
        """
        check_id(task_id, "task_id")
        layer_list = check_strings(layers, "layers")
        frame_list = check_frames(frames, "task frames")
        check_text(gpu, "gpu", optional=True)
        check_int(slot, "slot", optional=True, minimum=0)
        check_int(attempt, "attempt", minimum=0)
        check_text(log_path, "log_path", optional=True)
        check_text(temp_scene, "temp_scene", optional=True)
        now = self._clock()
        with self._db.write() as conn:
            if conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")
            try:
                conn.execute(
                    "INSERT INTO tasks (job_id, task_id, layers_json, frames_json, gpu, slot, "
                    "attempt, state, log_path, temp_scene, queued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        job_id,
                        task_id,
                        json.dumps(layer_list),
                        json.dumps(frame_list),
                        gpu,
                        slot,
                        attempt,
                        TaskState.QUEUED.value,
                        log_path,
                        temp_scene,
                        now,
                    ),
                )
            except sqlite3.IntegrityError:
                raise JobExistsError(
                    f"task {task_id} already exists in job {job_id} ({self._path})"
                ) from None
            self._touch_job(conn, job_id, now)

    def task_started(
        self,
        job_id: str,
        task_id: str,
        *,
        pid: int,
        pid_create_time: float | None,
        argv: Sequence[str],
        gpu: str | None,
        slot: int | None,
    ) -> None:
        """Record that a task's process was launched (``queued -> running``).

        Args:
            job_id: The task's job.
            task_id: The task's id within the job.
            pid: The launched process's pid.
            pid_create_time: Its create time (psutil ``create_time()``), for re-attach.
            argv: The exact command line.
            gpu: The GPU it was actually pinned to (``None``: CPU); replaces the planned one.
            slot: The slot it actually took; replaces the planned one.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such task.
            InvalidTransitionError: The task is not ``queued``.
            JobStoreError: SQLite failed.
        """
        check_int(pid, "pid", minimum=0)
        create_time = check_float(pid_create_time, "pid_create_time")
        argv_json = json.dumps(check_strings(argv, "argv"))
        check_text(gpu, "gpu", optional=True)
        check_int(slot, "slot", optional=True, minimum=0)
        now = self._clock()
        with self._db.write() as conn:
            self._move_task(conn, job_id, task_id, TaskState.RUNNING)
            conn.execute(
                "UPDATE tasks SET state = ?, pid = ?, pid_create_time = ?, argv_json = ?, "
                "gpu = ?, slot = ?, started_at = ? WHERE job_id = ? AND task_id = ?",
                (
                    TaskState.RUNNING.value,
                    pid,
                    create_time,
                    argv_json,
                    gpu,
                    slot,
                    now,
                    job_id,
                    task_id,
                ),
            )
            self._touch_job(conn, job_id, now)

    def task_finished(
        self,
        job_id: str,
        task_id: str,
        *,
        state: TaskState,
        exit_code: int | None,
        reason: str | None,
    ) -> None:
        """Record how a task ended (a final state; ``queued -> failed`` for a launch failure).

        Args:
            job_id: The task's job.
            task_id: The task's id within the job.
            state: ``succeeded``, ``failed``, ``killed`` or ``cancelled``.
            exit_code: The process's exit status, if there was a process.
            reason: Why (free text), if known.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such task.
            InvalidTransitionError: ``state`` is not reachable from the task's current state
                (a final state never changes; a non-final ``state`` is never reachable here).
            JobStoreError: SQLite failed.
        """
        new = coerce_state(state, TaskState, "task state")
        if not new.is_final:
            raise InvalidTransitionError(
                f"job {job_id} task {task_id}: task_finished needs a final state, got {new.value}"
            )
        check_int(exit_code, "exit_code", optional=True)
        check_text(reason, "reason", optional=True)
        now = self._clock()
        with self._db.write() as conn:
            self._move_task(conn, job_id, task_id, new)
            conn.execute(
                "UPDATE tasks SET state = ?, exit_code = ?, reason = ?, ended_at = ? "
                "WHERE job_id = ? AND task_id = ?",
                (new.value, exit_code, reason, now, job_id, task_id),
            )
            self._touch_job(conn, job_id, now)

    def _move_task(
        self, conn: sqlite3.Connection, job_id: str, task_id: str, new: TaskState
    ) -> None:
        """Check a task move inside a write transaction."""
        row = conn.execute(
            "SELECT state FROM tasks WHERE job_id = ? AND task_id = ?", (job_id, task_id)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no task {task_id!r} of job {job_id!r} in {self._path}")
        current = TaskState(row["state"])
        if new not in TASK_TRANSITIONS[current]:
            raise InvalidTransitionError(
                f"job {job_id} task {task_id}: {current.value} -> {new.value} is not allowed "
                f"(allowed: {state_names(TASK_TRANSITIONS[current])})"
            )

    def set_task_peak_gpu_memory(self, job_id: str, task_id: str, peak_bytes: int) -> None:
        """Record the most GPU memory a task's processes used (kept if a higher value is known).

        Args:
            job_id: The task's job.
            task_id: The task's id within the job.
            peak_bytes: Bytes, as NVML reported them for the render's processes.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.write() as conn:
            conn.execute(
                "UPDATE tasks SET peak_gpu_memory = MAX(COALESCE(peak_gpu_memory, 0), ?) "
                "WHERE job_id = ? AND task_id = ?",
                (int(peak_bytes), job_id, task_id),
            )

    def set_task_keep_through(self, job_id: str, task_id: str, frame: int) -> None:
        """Record the last frame a running task keeps (its later ones went to another task).

        Raises:
            ValueError: ``frame`` is not an integer.
            JobStoreError: SQLite failed.
        """
        check_int(frame, "frame")
        with self._db.write() as conn:
            conn.execute(
                "UPDATE tasks SET keep_through = ? WHERE job_id = ? AND task_id = ?",
                (frame, job_id, task_id),
            )

    # ---------------------------------------------------------------------------------- frames
    def set_frames_state(
        self,
        job_id: str,
        layer: str,
        frames: Iterable[int],
        state: FrameState,
        *,
        task_id: str | None = None,
        gpu: str | None = None,
        output_path: str | None = None,
        reason: str | None = None,
        render_s: float | None = None,
    ) -> list[int]:
        """Move frames of one layer to ``state`` (see :data:`FRAME_TRANSITIONS`), all or none.

        Frames already in ``state`` are left alone. Frames that are ``done`` or
        ``skipped_existing`` are kept as they are whatever is reported (a killed task's frames
        that already have verified images stay done). Any other move the table does not allow
        raises, and then nothing is changed.

        Field rules: entering ``rendering`` bumps ``attempts``, stamps ``started_at``, clears
        ``ended_at`` and ``reason`` and sets ``task_id``/``gpu`` exactly as given (``None`` gpu
        means CPU). Entering ``done``, ``failed`` or ``skipped_existing`` stamps ``ended_at``;
        ``done`` clears an old failure ``reason``. For every other field, ``None`` keeps the
        stored value.

        Args:
            job_id: The job.
            layer: The render layer.
            frames: Frame numbers (duplicates are ignored).
            state: The new state.
            task_id: The task reporting (its id within the job).
            gpu: The GPU it ran on.
            output_path: The verified image (with ``done`` / ``skipped_existing``).
            reason: Why (with ``failed`` or a retry to ``pending``).
            render_s: Seconds the render took (with ``done``; kept for later jobs' plans).

        Returns:
            The frames that changed, in the order given.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such job, or a frame is not in the job's layer.
            InvalidTransitionError: A frame cannot make the move (nothing is changed).
            JobStoreError: SQLite failed.
        """
        new = coerce_state(state, FrameState, "frame state")
        wanted = check_frames(frames, "frames")
        check_text(task_id, "task_id", optional=True)
        check_text(gpu, "gpu", optional=True)
        check_text(output_path, "output_path", optional=True)
        check_text(reason, "reason", optional=True)
        render_s = check_float(render_s, "render_s")
        now = self._clock()
        assignment, values = frame_update_sql(new, now, task_id, gpu, output_path, reason, render_s)
        with self._db.write() as conn:
            current = read_frame_states(conn, job_id, layer, wanted)
            missing = [f for f in wanted if f not in current]
            if missing:
                if conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
                    raise NotFoundError(f"no job {job_id!r} in {self._path}")
                raise NotFoundError(
                    f"job {job_id} layer {layer!r} has no frame(s) {preview(missing)}"
                )
            changed, refused = sort_frame_moves(current, wanted, new)
            if refused:
                raise InvalidTransitionError(
                    f"job {job_id} layer {layer!r}: cannot move frame(s) {preview(refused)} "
                    f"to {new.value}"
                )
            if changed:
                conn.executemany(
                    f"UPDATE frames SET {assignment} WHERE job_id = ? AND layer = ? AND frame = ?",
                    [(*values, job_id, layer, frame) for frame in changed],
                )
                self._touch_job(conn, job_id, now)
        return changed
