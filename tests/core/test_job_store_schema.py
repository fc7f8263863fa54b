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
from lrc_toolbox.core.models import FrameState, JobState

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_schema_version_tables_and_wal(store: JobStore) -> None:
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
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
            "id",
            "job_id",
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
        ]
        key_columns = sorted((row[5], row[1]) for row in conn.execute("PRAGMA table_info(frames)"))
        assert [name for position, name in key_columns if position] == ["job_id", "layer", "frame"]
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
        store.set_task_peak_gpu_memory("t1", 3 << 30)
        store.set_task_peak_gpu_memory("t1", 1 << 30)  # a lower sample keeps the peak
        task = store.get_task("t1")
        assert task is not None and task.peak_gpu_memory == 3 << 30


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
