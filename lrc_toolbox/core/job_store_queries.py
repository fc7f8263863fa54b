"""The reading half of the job store: jobs, tasks and frames as records, newest first.

:class:`~lrc_toolbox.core.job_store.JobStore` inherits these; each is one short read on the
store's connection, so a history dialog or ``lrc-batch-render status`` never waits for a job.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lrc_toolbox.core.job_store_args import check_int, coerce_state
from lrc_toolbox.core.job_store_connection import StoreConnection
from lrc_toolbox.core.job_store_records import (
    FrameRecord,
    JobRecord,
    TaskRecord,
    frame_record,
    job_record,
    task_record,
)
from lrc_toolbox.core.models import FrameState, JobState, TaskState

__all__ = ["JobStoreQueries"]


class JobStoreQueries:
    """Reads of one store file.

    Args:
        db: The store's open connection.
        path: The store file (for messages).
    """

    def __init__(self, db: StoreConnection, path: Path) -> None:
        self._db = db
        self._path = path

    def get_job(self, job_id: str) -> JobRecord | None:
        """Read one job.

        Args:
            job_id: The job.

        Returns:
            The job, or ``None`` when it is not in the store.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.read() as conn:
            row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else job_record(row)

    def list_jobs(
        self, limit: int = 50, states: Iterable[JobState] | None = None
    ) -> list[JobRecord]:
        """List jobs, newest first.

        Args:
            limit: Most jobs to return (>= 1).
            states: Only jobs in these states (default: all).

        Returns:
            Jobs ordered by creation time, newest first.

        Raises:
            ValueError: ``limit`` is not a positive integer or a state is unknown.
            JobStoreError: SQLite failed.
        """
        check_int(limit, "limit", minimum=1)
        sql = "SELECT * FROM jobs"
        params: list[Any] = []
        if states is not None:
            wanted = sorted({coerce_state(s, JobState, "job state").value for s in states})
            if not wanted:
                return []
            sql += f" WHERE state IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        params.append(limit)
        with self._db.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [job_record(row) for row in rows]

    def get_task(self, job_id: str, task_id: str) -> TaskRecord | None:
        """Read one task.

        Args:
            job_id: The task's job.
            task_id: The task's id within the job (``t0001``).

        Returns:
            The task, or ``None`` when it is not in the store.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM tasks WHERE job_id = ? AND task_id = ?", (job_id, task_id)
            ).fetchone()
        return None if row is None else task_record(row)

    def get_tasks(self, job_id: str) -> list[TaskRecord]:
        """Read a job's tasks in the order they were added.

        Args:
            job_id: The job.

        Returns:
            Its tasks (empty for an unknown job).

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT * FROM tasks WHERE job_id = ? ORDER BY queued_at, rowid", (job_id,)
            ).fetchall()
        return [task_record(row) for row in rows]

    def running_tasks(self) -> list[TaskRecord]:
        """Read every ``running`` task of every job (what a re-attaching process looks for).

        Returns:
            Running tasks, oldest start first.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT * FROM tasks WHERE state = ? ORDER BY started_at, rowid",
                (TaskState.RUNNING.value,),
            ).fetchall()
        return [task_record(row) for row in rows]

    def get_frames(
        self,
        job_id: str,
        layer: str | None = None,
        states: Iterable[FrameState] | None = None,
    ) -> list[FrameRecord]:
        """Read a job's frames in the order the job listed them (layer by layer).

        Args:
            job_id: The job.
            layer: Only this layer (default: all).
            states: Only frames in these states (default: all).

        Returns:
            The frames (empty for an unknown job).

        Raises:
            ValueError: A state is unknown.
            JobStoreError: SQLite failed.
        """
        sql = "SELECT * FROM frames WHERE job_id = ?"
        params: list[Any] = [job_id]
        if layer is not None:
            sql += " AND layer = ?"
            params.append(layer)
        if states is not None:
            wanted = sorted({coerce_state(s, FrameState, "frame state").value for s in states})
            if not wanted:
                return []
            sql += f" AND state IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        sql += " ORDER BY rowid"
        with self._db.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [frame_record(row) for row in rows]

    def frame_counts(self, job_id: str) -> dict[str, dict[FrameState, int]]:
        """Count a job's frames per layer and state.

        Args:
            job_id: The job.

        Returns:
            ``{layer: {state: count}}`` with every :class:`FrameState` present (zeros included),
            layers in the order the job listed them; empty for an unknown job.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT layer, state, COUNT(*) AS n, MIN(rowid) AS first FROM frames "
                "WHERE job_id = ? GROUP BY layer, state",
                (job_id,),
            ).fetchall()
        first_seen: dict[str, int] = {}
        counts: dict[str, dict[FrameState, int]] = {}
        for row in rows:
            layer = row["layer"]
            first_seen[layer] = min(first_seen.get(layer, row["first"]), row["first"])
            per_state = counts.setdefault(layer, dict.fromkeys(FrameState, 0))
            per_state[FrameState(row["state"])] = int(row["n"])
        return {layer: counts[layer] for layer in sorted(counts, key=first_seen.__getitem__)}
