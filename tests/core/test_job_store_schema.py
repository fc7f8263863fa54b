"""Job store: schema, WAL, migrations (``user_version``), files it must refuse."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import job_store_support as support
import pytest
from job_store_support import make_job

from lrc_toolbox.core import job_store_schema as schema
from lrc_toolbox.core.job_store import SCHEMA_VERSION, JobStore, JobStoreError
from lrc_toolbox.core.models import FrameState, JobState, TaskState

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_schema_version_tables_and_wal(store: JobStore) -> None:
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert columns(conn, "jobs") == [
            "id",
            "created_at",
            "updated_at",
            "state",
            "scene",
            "config_json",
            "manager_pid",
            "manager_create_time",
            "host",
            "user",
            "reason",
            "ended_at",
        ]
        assert columns(conn, "tasks") == [
            "job_id",
            "task_id",
            "layers_json",
            "frames_json",
            "gpu",
            "slot",
            "attempt",
            "state",
            "pid",
            "pid_create_time",
            "exit_code",
            "reason",
            "log_path",
            "temp_scene",
            "argv_json",
            "queued_at",
            "started_at",
            "ended_at",
            "peak_gpu_memory",
            "keep_through",
            "startup_s",
        ]
        assert columns(conn, "frames") == [
            "job_id",
            "layer",
            "frame",
            "state",
            "task_id",
            "gpu",
            "output_path",
            "reason",
            "attempts",
            "started_at",
            "ended_at",
            "render_s",
        ]
        key_columns = sorted((row[5], row[1]) for row in conn.execute("PRAGMA table_info(frames)"))
        assert [name for position, name in key_columns if position] == ["job_id", "layer", "frame"]
        # A task is keyed by its job and its id within the job (two jobs both have a t0001).
        key_columns = sorted((row[5], row[1]) for row in conn.execute("PRAGMA table_info(tasks)"))
        assert [name for position, name in key_columns if position] == ["job_id", "task_id"]
        index_columns = conn.execute("PRAGMA index_info(frames_job_state)").fetchall()
        assert [row[2] for row in index_columns] == ["job_id", "state"]


def test_a_later_migration_adds_a_column_and_keeps_data(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with JobStore(store_path) as first:
        make_job(first)
    extra = ("ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 50",)
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, extra))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with JobStore(store_path) as second:
        job = second.get_job("job1")
        assert job is not None and job.state is JobState.QUEUED
        assert second.frame_counts("job1")["MASTER_BG_A"][FrameState.PENDING] == 4
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert conn.execute("SELECT priority FROM jobs").fetchall() == [(50,)]


def test_a_version_1_store_is_migrated_to_the_current_schema(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path, isolation_level=None)
    for statement in schema.MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with JobStore(store_path) as store:
        make_job(store)
        store.add_task(
            task_id="t1",
            job_id="job1",
            layers=["MASTER_BG_A"],
            frames=[1],
            gpu="0",
            slot=0,
            attempt=1,
            log_path=None,
            temp_scene=None,
        )
        store.set_task_peak_gpu_memory("job1", "t1", 3 << 30)
        store.set_task_peak_gpu_memory("job1", "t1", 1 << 30)  # a lower sample keeps the peak
        task = store.get_task("job1", "t1")
        assert task is not None and task.peak_gpu_memory == 3 << 30


def _old_store(store_path: Path, version: int) -> sqlite3.Connection:
    """A store file as lrc_toolbox wrote it at schema ``version`` (an open autocommit connection)."""
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path, isolation_level=None)
    for step in schema.MIGRATIONS[:version]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version:d}")
    return conn


def test_a_version_2_store_keys_its_tasks_by_job_and_short_id_after_migration(
    store_path: Path,
) -> None:
    """Version 2 stored ``<job>.t0001`` in tasks and frames; version 3 keys tasks by (job, t0001)."""
    conn = _old_store(store_path, 2)
    for job_id in ("job1", "job.with.dots"):
        conn.execute(
            "INSERT INTO jobs (id, created_at, updated_at, state, scene, config_json) "
            "VALUES (?, 1.0, 1.0, 'running', 's.ma', '{}')",
            (job_id,),
        )
        conn.execute(
            "INSERT INTO frames (job_id, layer, frame, state, task_id, attempts) "
            "VALUES (?, 'BG', 1, 'done', ?, 1)",
            (job_id, f"{job_id}.t0001"),
        )
        conn.execute(
            "INSERT INTO frames (job_id, layer, frame, state, attempts) "
            "VALUES (?, 'BG', 2, 'pending', 0)",
            (job_id,),
        )
        for number, state in ((2, "running"), (1, "succeeded")):  # rowid order differs from ids
            conn.execute(
                "INSERT INTO tasks (id, job_id, layers_json, frames_json, gpu, slot, attempt, "
                "state, pid, log_path, argv_json, queued_at, peak_gpu_memory) "
                "VALUES (?, ?, '[\"BG\"]', '[1]', '0', 0, 1, ?, 4242, '/l.log', '[\"Render\"]', "
                "5.0, 7)",
                (f"{job_id}.t{number:04d}", job_id, state),
            )
    conn.execute(
        "INSERT INTO tasks (id, job_id, layers_json, frames_json, attempt, state, queued_at) "
        "VALUES ('odd', 'job1', '[]', '[]', 1, 'queued', 6.0)"  # no prefix: kept as it is
    )
    conn.close()
    with JobStore(store_path) as store:
        for job_id in ("job1", "job.with.dots"):
            tasks = store.get_tasks(job_id)
            assert [t.task_id for t in tasks][:2] == ["t0002", "t0001"]
            assert [t.job_id for t in tasks] == [job_id] * len(tasks)
            first = store.get_task(job_id, "t0002")
            assert first is not None and first.state is TaskState.RUNNING
            assert (first.pid, first.peak_gpu_memory, first.argv) == (4242, 7, ("Render",))
            frames = {f.frame: f.task_id for f in store.get_frames(job_id)}
            assert frames == {1: "t0001", 2: None}
        assert [t.task_id for t in store.get_tasks("job1")] == ["t0002", "t0001", "odd"]
        assert {(t.job_id, t.task_id) for t in store.running_tasks()} == {
            ("job1", "t0002"),
            ("job.with.dots", "t0002"),
        }
        # The migrated store works on: a new task, moves by (job, task), cascade on delete.
        store.add_task(
            task_id="t0003",
            job_id="job1",
            layers=["BG"],
            frames=[2],
            gpu=None,
            slot=None,
            attempt=1,
            log_path=None,
            temp_scene=None,
        )
        store.task_finished("job1", "t0002", state=TaskState.SUCCEEDED, exit_code=0, reason=None)
        task = store.get_task("job1", "t0002")
        assert task is not None and task.state is TaskState.SUCCEEDED
        other = store.get_task("job.with.dots", "t0002")
        assert other is not None and other.state is TaskState.RUNNING
        store.set_job_state("job1", JobState.SUCCEEDED)
        assert store.delete_job("job1")
        assert store.get_tasks("job1") == []
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(tasks)")}
        assert "tasks_state" in indexes


def test_a_version_3_store_gets_a_keep_point_per_task(store_path: Path) -> None:
    """Version 4 stores where a split task stops (resume stops it there after a crash)."""
    conn = _old_store(store_path, 3)
    conn.execute(
        "INSERT INTO jobs (id, created_at, updated_at, state, scene, config_json) "
        "VALUES ('job1', 1.0, 1.0, 'running', 's.ma', '{}')"
    )
    conn.execute(
        "INSERT INTO tasks (job_id, task_id, layers_json, frames_json, attempt, state, pid, "
        "queued_at) VALUES ('job1', 't0001', '[\"BG\"]', '[1, 2, 3]', 1, 'running', 42, 5.0)"
    )
    conn.close()
    with JobStore(store_path) as store:
        task = store.get_task("job1", "t0001")
        assert task is not None and task.keep_through is None and task.pid == 42
        store.set_task_keep_through("job1", "t0001", 2)
        task = store.get_task("job1", "t0001")
        assert task is not None and task.keep_through == 2


def test_a_version_4_store_gets_timing_columns_empty(store_path: Path) -> None:
    """Version 5 keeps render and start-up seconds (a later job's history); old rows have none."""
    conn = _old_store(store_path, 4)
    conn.execute(
        "INSERT INTO jobs (id, created_at, updated_at, state, scene, config_json) "
        "VALUES ('job1', 1.0, 1.0, 'done', 's.ma', '{}')"
    )
    conn.execute(
        "INSERT INTO tasks (job_id, task_id, layers_json, frames_json, attempt, state, pid, "
        "queued_at, keep_through) "
        "VALUES ('job1', 't0001', '[\"BG\"]', '[1, 2]', 1, 'succeeded', 42, 5.0, 2)"
    )
    conn.execute(
        "INSERT INTO frames (job_id, layer, frame, state, attempts) "
        "VALUES ('job1', 'BG', 1, 'done', 1)"
    )
    conn.close()
    with JobStore(store_path) as store:
        task = store.get_task("job1", "t0001")
        assert task is not None and task.startup_s is None and task.keep_through == 2
        (frame,) = store.get_frames("job1")
        assert frame.render_s is None and frame.state is FrameState.DONE
        store.record_task_startup("job1", "t0001", 1.5)
        task = store.get_task("job1", "t0001")
        assert task is not None and task.startup_s == 1.5


def test_store_from_a_newer_version_is_refused(store_path: Path) -> None:
    JobStore(store_path).close()
    with sqlite3.connect(store_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(JobStoreError, match="newer than this lrc_toolbox"):
        JobStore(store_path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "jobs.sqlite3"
    bogus.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(JobStoreError, match=re.escape(str(bogus))):
        JobStore(bogus)
