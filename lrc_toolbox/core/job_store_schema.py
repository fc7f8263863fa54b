"""The job store's SQLite schema and the migrations that bring an older file up to date.

The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` holds one step per
version, so later work appends a step (``ALTER TABLE ... ADD COLUMN``) instead of editing one.
"""

from __future__ import annotations

import sqlite3

from lrc_toolbox.config.batch_render_defaults import DATA_DIR_ENV
from lrc_toolbox.core.job_store_errors import JobStoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]


def _unprefixed(column: str) -> str:
    """SQL for ``column`` without a leading ``<job_id>.`` (a task id as versions 1-2 stored it)."""
    prefix = "job_id || '.'"
    return (
        f"CASE WHEN substr({column}, 1, length(job_id) + 1) = {prefix} "
        f"THEN substr({column}, length(job_id) + 2) ELSE {column} END"
    )


# No CHECK constraints on state columns: SQLite cannot alter a CHECK without rebuilding the table,
# and the state machines above are enforced in Python anyway.
_SCHEMA_V1: tuple[str, ...] = (
    """
    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        state TEXT NOT NULL,
        scene TEXT NOT NULL,
        config_json TEXT NOT NULL,
        manager_pid INTEGER,
        manager_create_time REAL,
        host TEXT,
        "user" TEXT,
        reason TEXT,
        ended_at REAL
    )
    """,
    "CREATE INDEX jobs_created_at ON jobs (created_at)",
    "CREATE INDEX jobs_state ON jobs (state)",
    """
    CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        layers_json TEXT NOT NULL,
        frames_json TEXT NOT NULL,
        gpu TEXT,
        slot INTEGER,
        attempt INTEGER NOT NULL,
        state TEXT NOT NULL,
        pid INTEGER,
        pid_create_time REAL,
        exit_code INTEGER,
        reason TEXT,
        log_path TEXT,
        temp_scene TEXT,
        argv_json TEXT,
        queued_at REAL NOT NULL,
        started_at REAL,
        ended_at REAL
    )
    """,
    "CREATE INDEX tasks_job_id ON tasks (job_id)",
    "CREATE INDEX tasks_state ON tasks (state)",
    """
    CREATE TABLE frames (
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        frame INTEGER NOT NULL,
        state TEXT NOT NULL,
        task_id TEXT,
        gpu TEXT,
        output_path TEXT,
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        started_at REAL,
        ended_at REAL,
        PRIMARY KEY (job_id, layer, frame)
    )
    """,
    "CREATE INDEX frames_job_state ON frames (job_id, state)",
)

#: ``MIGRATIONS[i]`` takes a store from ``user_version`` *i* to *i + 1*. Append, never edit.
#: Version 2: peak GPU memory per task (history), when NVML can tell.
_SCHEMA_V2: tuple[str, ...] = ("ALTER TABLE tasks ADD COLUMN peak_gpu_memory INTEGER",)

#: Version 3: a task is keyed by (job id, task id) and its id is the job's own (``t0001``), the
#: one events and the dialog show. Versions 1-2 stored ``<job id>.t0001`` in ``tasks.id`` (unique
#: across jobs) and in ``frames.task_id``; the table is rebuilt (SQLite cannot change a primary
#: key in place) with the column named ``task_id``, rows kept in their order (``rowid``), and the
#: ``<job id>.`` prefix dropped wherever it is there.
_SCHEMA_V3: tuple[str, ...] = (
    """
    CREATE TABLE tasks_v3 (
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        layers_json TEXT NOT NULL,
        frames_json TEXT NOT NULL,
        gpu TEXT,
        slot INTEGER,
        attempt INTEGER NOT NULL,
        state TEXT NOT NULL,
        pid INTEGER,
        pid_create_time REAL,
        exit_code INTEGER,
        reason TEXT,
        log_path TEXT,
        temp_scene TEXT,
        argv_json TEXT,
        queued_at REAL NOT NULL,
        started_at REAL,
        ended_at REAL,
        peak_gpu_memory INTEGER,
        PRIMARY KEY (job_id, task_id)
    )
    """,
    f"""
    INSERT INTO tasks_v3 (job_id, task_id, layers_json, frames_json, gpu, slot, attempt, state,
        pid, pid_create_time, exit_code, reason, log_path, temp_scene, argv_json, queued_at,
        started_at, ended_at, peak_gpu_memory)
    SELECT job_id, {_unprefixed("id")}, layers_json, frames_json, gpu, slot, attempt, state,
        pid, pid_create_time, exit_code, reason, log_path, temp_scene, argv_json, queued_at,
        started_at, ended_at, peak_gpu_memory
    FROM tasks ORDER BY rowid
    """,
    "DROP TABLE tasks",
    "ALTER TABLE tasks_v3 RENAME TO tasks",
    "CREATE INDEX tasks_state ON tasks (state)",
    f"UPDATE frames SET task_id = {_unprefixed('task_id')} WHERE task_id IS NOT NULL",
)

#: Version 4: the last frame a running task keeps after giving its later frames to another task
#: (a tail split), so a job resumed after a crash of its manager stops that render there.
_SCHEMA_V4: tuple[str, ...] = ("ALTER TABLE tasks ADD COLUMN keep_through INTEGER",)

#: Version 5: how long things took, so a later job of the same scene is planned from it
#: (:class:`~lrc_toolbox.core.cost_model.CostHistory`): a verified frame's render seconds (its
#: first log sign to the next frame's) and a task's start-up (launch to its first frame).
_SCHEMA_V5: tuple[str, ...] = (
    "ALTER TABLE frames ADD COLUMN render_s REAL",
    "ALTER TABLE tasks ADD COLUMN startup_s REAL",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    _SCHEMA_V1,
    _SCHEMA_V2,
    _SCHEMA_V3,
    _SCHEMA_V4,
    _SCHEMA_V5,
)

#: The ``user_version`` this code writes and expects.
SCHEMA_VERSION: int = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring a store's schema up to :data:`SCHEMA_VERSION`.

    Runs in one ``BEGIN IMMEDIATE`` transaction and re-reads ``user_version`` inside it, so two
    processes opening a fresh file at once do not both create the tables.

    Args:
        conn: An open connection in autocommit mode (``isolation_level=None``), not inside a
            transaction.

    Returns:
        The schema version the store had before (0 for a new file).

    Raises:
        JobStoreError: The file was written by a newer version of this module (its schema is
            unknown here), or SQLite failed.
    """
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
        # Up to date: no write lock needed, so a read-only copy of a store still opens.
        return SCHEMA_VERSION
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if before > SCHEMA_VERSION:
            raise JobStoreError(
                f"job store schema version {before} is newer than this lrc_toolbox understands "
                f"({SCHEMA_VERSION}); upgrade lrc_toolbox or point {DATA_DIR_ENV} elsewhere"
            )
        for version in range(before, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        if before != SCHEMA_VERSION:
            # user_version is part of the database header, so it commits with the DDL above.
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return before
