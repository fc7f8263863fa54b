"""Tests for :mod:`lrc_toolbox.core.job_store`: paths, schema, state machines, concurrency."""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from lrc_toolbox.config.batch_render_defaults import DATA_DIR_ENV
from lrc_toolbox.core import job_store as js
from lrc_toolbox.core.job_store import (
    SCHEMA_VERSION,
    DataDirError,
    FrameRecord,
    InvalidTransitionError,
    JobExistsError,
    JobStore,
    JobStoreError,
    NotFoundError,
    data_dir,
    default_store_path,
    new_job_id,
    resolve_data_dir,
)
from lrc_toolbox.core.models import FrameState, JobState, TaskState

REPO_ROOT = Path(__file__).resolve().parents[1]
DAY_S = 86_400.0


# --------------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------------
class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "jobs.sqlite3"


@pytest.fixture
def store(store_path: Path, clock: FakeClock) -> Iterator[JobStore]:
    with JobStore(store_path, clock=clock) as opened:
        yield opened


def make_job(
    store: JobStore,
    job_id: str = "job1",
    frames: dict[str, list[int]] | None = None,
) -> str:
    store.create_job(
        job_id=job_id,
        scene="/proj/scenes/shot010.ma",
        config={"renderer": "redshift", "retries": 2},
        frames=frames if frames is not None else {"MASTER_BG_A": [1, 2, 3, 4]},
        manager_pid=4242,
        manager_create_time=1_700_000_000.5,
    )
    return job_id


def make_task(
    store: JobStore, task_id: str = "t1", job_id: str = "job1", frames: list[int] | None = None
) -> str:
    store.add_task(
        task_id=task_id,
        job_id=job_id,
        layers=["MASTER_BG_A"],
        frames=frames if frames is not None else [1, 2, 3, 4],
        gpu="GPU-1111",
        slot=0,
        attempt=1,
        log_path=f"/logs/{task_id}.log",
        temp_scene="/tmp/shot010_MASTER_BG_A.ma",
    )
    return task_id


def start_task(store: JobStore, task_id: str = "t1", pid: int = 5000) -> None:
    store.task_started(
        task_id,
        pid=pid,
        pid_create_time=1_800_000_100.25,
        argv=["Render", "-r", "redshift", "-s", "1"],
        gpu="GPU-1111",
        slot=0,
    )


def frame_state(store: JobStore, job_id: str, layer: str, frame: int) -> FrameRecord:
    (record,) = [f for f in store.get_frames(job_id, layer) if f.frame == frame]
    return record


# --------------------------------------------------------------------------------------------------
# Where the store lives
# --------------------------------------------------------------------------------------------------
def test_env_var_overrides_everything(tmp_path: Path) -> None:
    env = {DATA_DIR_ENV: str(tmp_path / "custom"), "XDG_DATA_HOME": "/xdg"}
    assert resolve_data_dir(environ=env, platform="linux") == tmp_path / "custom"
    assert resolve_data_dir(environ=env, platform="win32") == tmp_path / "custom"


def test_env_var_expands_user_and_becomes_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir(environ={DATA_DIR_ENV: "~/lrc"}) == tmp_path / "lrc"
    assert resolve_data_dir(environ={DATA_DIR_ENV: "rel/dir"}) == tmp_path / "rel" / "dir"


def test_blank_env_var_is_ignored(tmp_path: Path) -> None:
    got = resolve_data_dir(environ={DATA_DIR_ENV: "  "}, platform="linux", home=tmp_path)
    assert got == tmp_path / ".local" / "share" / "lrc_toolbox"


def test_linux_uses_absolute_xdg_data_home_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    xdg = tmp_path / "xdg"
    got = resolve_data_dir(environ={"XDG_DATA_HOME": str(xdg)}, platform="linux", home=home)
    assert got == xdg / "lrc_toolbox"
    # The XDG spec says a relative value is invalid and must be ignored.
    got = resolve_data_dir(environ={"XDG_DATA_HOME": "rel"}, platform="linux", home=home)
    assert got == home / ".local" / "share" / "lrc_toolbox"
    got = resolve_data_dir(environ={}, platform="linux", home=home)
    assert got == home / ".local" / "share" / "lrc_toolbox"


def test_windows_uses_localappdata(tmp_path: Path) -> None:
    local = tmp_path / "Local"
    got = resolve_data_dir(environ={"LOCALAPPDATA": str(local)}, platform="win32", home=tmp_path)
    assert got == local / "lrc_toolbox"
    got = resolve_data_dir(environ={}, platform="win32", home=tmp_path)
    assert got == tmp_path / "AppData" / "Local" / "lrc_toolbox"


def test_macos_uses_application_support(tmp_path: Path) -> None:
    got = resolve_data_dir(environ={"XDG_DATA_HOME": "/x"}, platform="darwin", home=tmp_path)
    assert got == tmp_path / "Library" / "Application Support" / "lrc_toolbox"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_data_dir_is_created_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    old_umask = os.umask(0o177)  # an odd umask must not leave the folder unusable
    try:
        assert data_dir() == target
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert default_store_path() == target / "jobs.sqlite3"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_existing_data_dir_mode_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "shared"
    target.mkdir(mode=0o755)
    os.chmod(target, 0o755)
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    assert data_dir() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_file_in_place_of_data_dir_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv(DATA_DIR_ENV, str(blocker))
    with pytest.raises(DataDirError, match="not a directory"):
        data_dir()
    monkeypatch.setenv(DATA_DIR_ENV, str(blocker / "sub"))
    with pytest.raises(DataDirError, match="cannot create data folder"):
        data_dir()


def test_store_without_path_uses_the_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    with JobStore() as opened:
        assert opened.path == tmp_path / "data" / "jobs.sqlite3"
        make_job(opened)
    assert (tmp_path / "data" / "jobs.sqlite3").is_file()


# --------------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------------
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
    monkeypatch.setattr(js, "MIGRATIONS", (*js.MIGRATIONS, extra))
    monkeypatch.setattr(js, "SCHEMA_VERSION", len(js.MIGRATIONS))
    with JobStore(store_path) as second:
        job = second.get_job("job1")
        assert job is not None and job.state is JobState.QUEUED
        assert second.frame_counts("job1")["MASTER_BG_A"][FrameState.PENDING] == 4
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(js.MIGRATIONS)
        assert conn.execute("SELECT priority FROM jobs").fetchall() == [(50,)]


def test_a_version_1_store_is_migrated_to_the_current_schema(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path, isolation_level=None)
    for statement in js.MIGRATIONS[0]:
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


# --------------------------------------------------------------------------------------------------
# Task state machine
# --------------------------------------------------------------------------------------------------
# The spec, written out independently of the module's table.
EXPECTED_TASK_MOVES = {
    (TaskState.QUEUED, TaskState.RUNNING),
    (TaskState.QUEUED, TaskState.CANCELLED),
    (TaskState.QUEUED, TaskState.FAILED),  # launch failure: no process, never running
    (TaskState.RUNNING, TaskState.SUCCEEDED),
    (TaskState.RUNNING, TaskState.FAILED),
    (TaskState.RUNNING, TaskState.KILLED),
    (TaskState.RUNNING, TaskState.CANCELLED),
}


def put_task_in(store: JobStore, state: TaskState) -> str:
    make_job(store)
    make_task(store)
    if state is TaskState.QUEUED:
        return "t1"
    start_task(store)
    if state is not TaskState.RUNNING:
        store.task_finished("t1", state=state, exit_code=1, reason="setup")
    return "t1"


def move_task(store: JobStore, task_id: str, state: TaskState) -> None:
    if state is TaskState.RUNNING:
        start_task(store, task_id)
    else:
        store.task_finished(task_id, state=state, exit_code=0, reason="moved")


@pytest.mark.parametrize(
    ("old", "new"), list(itertools.product(TaskState, TaskState)), ids=lambda s: s.value
)
def test_task_transitions(store: JobStore, old: TaskState, new: TaskState) -> None:
    task_id = put_task_in(store, old)
    before = store.get_task(task_id)
    if (old, new) in EXPECTED_TASK_MOVES:
        move_task(store, task_id, new)
        after = store.get_task(task_id)
        assert after is not None and after.state is new
    else:
        with pytest.raises(InvalidTransitionError, match=f"task {task_id}"):
            move_task(store, task_id, new)
        assert store.get_task(task_id) == before


def test_task_lifecycle_fields(store: JobStore, clock: FakeClock) -> None:
    make_job(store)
    make_task(store)
    queued = store.get_task("t1")
    assert queued is not None
    assert (queued.state, queued.pid, queued.argv, queued.queued_at) == (
        TaskState.QUEUED,
        None,
        (),
        clock.now,
    )
    clock.advance(5)
    store.task_started(
        "t1", pid=777, pid_create_time=123.5, argv=["Render", "-r", "sw"], gpu=None, slot=3
    )
    running = store.running_tasks()
    assert [t.id for t in running] == ["t1"]
    assert (running[0].pid, running[0].pid_create_time, running[0].gpu, running[0].slot) == (
        777,
        123.5,
        None,
        3,
    )
    assert running[0].started_at == clock.now
    clock.advance(7)
    store.task_finished("t1", state=TaskState.KILLED, exit_code=-9, reason="hung 600 s")
    done = store.get_task("t1")
    assert done is not None
    assert (done.state, done.exit_code, done.reason, done.ended_at) == (
        TaskState.KILLED,
        -9,
        "hung 600 s",
        clock.now,
    )
    assert store.running_tasks() == []
    job = store.get_job("job1")
    assert job is not None and job.updated_at == clock.now


def test_unknown_task_and_job_are_not_found(store: JobStore) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        start_task(store, "nope")
    with pytest.raises(NotFoundError, match="no job"):
        make_task(store, job_id="nope")
    assert store.get_task("nope") is None


def test_duplicate_task_is_refused(store: JobStore) -> None:
    make_job(store)
    make_task(store)
    with pytest.raises(JobExistsError, match="t1 already exists"):
        make_task(store)


# --------------------------------------------------------------------------------------------------
# Job state machine
# --------------------------------------------------------------------------------------------------
EXPECTED_JOB_MOVES = {
    (JobState.QUEUED, JobState.RUNNING),
    (JobState.QUEUED, JobState.CANCELLED),
    (JobState.QUEUED, JobState.FAILED),  # died while preparing (snapshot, no GPU)
    (JobState.RUNNING, JobState.RUNNING),  # no-op
    (JobState.RUNNING, JobState.SUCCEEDED),
    (JobState.RUNNING, JobState.FAILED),
    (JobState.RUNNING, JobState.CANCELLED),
}


@pytest.mark.parametrize(
    ("old", "new"), list(itertools.product(JobState, JobState)), ids=lambda s: s.value
)
def test_job_transitions(store: JobStore, old: JobState, new: JobState) -> None:
    make_job(store)
    if old is not JobState.QUEUED:
        store.set_job_state("job1", JobState.RUNNING)
    if old not in (JobState.QUEUED, JobState.RUNNING):
        store.set_job_state("job1", old, reason="setup")
    before = store.get_job("job1")
    if (old, new) in EXPECTED_JOB_MOVES:
        store.set_job_state("job1", new)
        after = store.get_job("job1")
        assert after is not None and after.state is new
        if old == new:
            assert after == before
    else:
        with pytest.raises(InvalidTransitionError, match="job job1"):
            store.set_job_state("job1", new)
        assert store.get_job("job1") == before


def test_job_final_state_stamps_end_and_reason(store: JobStore, clock: FakeClock) -> None:
    make_job(store)
    created = store.get_job("job1")
    assert created is not None and created.ended_at is None
    clock.advance(3)
    store.set_job_state("job1", JobState.RUNNING)
    clock.advance(60)
    store.set_job_state("job1", JobState.FAILED, reason="3 frames failed after 2 retries")
    job = store.get_job("job1")
    assert job is not None
    assert (job.state, job.reason, job.ended_at, job.created_at) == (
        JobState.FAILED,
        "3 frames failed after 2 retries",
        clock.now,
        created.created_at,
    )


def test_set_job_state_errors(store: JobStore) -> None:
    with pytest.raises(NotFoundError):
        store.set_job_state("ghost", JobState.RUNNING)
    make_job(store)
    with pytest.raises(ValueError, match="job state must be one of"):
        store.set_job_state("job1", "sleeping")  # type: ignore[arg-type]
    store.set_job_state("job1", "running")  # type: ignore[arg-type]  # plain values are accepted
    job = store.get_job("job1")
    assert job is not None and job.state is JobState.RUNNING


# --------------------------------------------------------------------------------------------------
# Frame state machine
# --------------------------------------------------------------------------------------------------
EXPECTED_FRAME_MOVES = {
    (FrameState.PENDING, FrameState.RENDERING),
    (FrameState.PENDING, FrameState.SKIPPED_EXISTING),
    (FrameState.PENDING, FrameState.FAILED),  # given up unrendered (cancel, launch failure)
    (FrameState.RENDERING, FrameState.PENDING),
    (FrameState.RENDERING, FrameState.DONE),
    (FrameState.RENDERING, FrameState.FAILED),
    (FrameState.FAILED, FrameState.PENDING),
    (FrameState.FAILED, FrameState.SKIPPED_EXISTING),
}
#: Moves that change nothing and raise nothing: same state, or a verified image already exists.
EXPECTED_FRAME_NOOPS = {(s, s) for s in FrameState} | {
    (old, new) for old in (FrameState.DONE, FrameState.SKIPPED_EXISTING) for new in FrameState
}

FRAME_PATHS = {
    FrameState.PENDING: [],
    FrameState.RENDERING: [FrameState.RENDERING],
    FrameState.DONE: [FrameState.RENDERING, FrameState.DONE],
    FrameState.FAILED: [FrameState.RENDERING, FrameState.FAILED],
    FrameState.SKIPPED_EXISTING: [FrameState.SKIPPED_EXISTING],
}


@pytest.mark.parametrize(
    ("old", "new"), list(itertools.product(FrameState, FrameState)), ids=lambda s: s.value
)
def test_frame_transitions(store: JobStore, old: FrameState, new: FrameState) -> None:
    make_job(store)
    for step in FRAME_PATHS[old]:
        assert store.set_frames_state("job1", "MASTER_BG_A", [2], step) == [2]
    before = store.get_frames("job1")
    if (old, new) in EXPECTED_FRAME_NOOPS:
        assert store.set_frames_state("job1", "MASTER_BG_A", [2], new) == []
        assert store.get_frames("job1") == before
    elif (old, new) in EXPECTED_FRAME_MOVES:
        assert store.set_frames_state("job1", "MASTER_BG_A", [2], new) == [2]
        assert frame_state(store, "job1", "MASTER_BG_A", 2).state is new
    else:
        with pytest.raises(InvalidTransitionError, match=r"frame\(s\) 2 \("):
            store.set_frames_state("job1", "MASTER_BG_A", [2], new)
        assert store.get_frames("job1") == before


def test_a_batch_with_one_forbidden_frame_changes_nothing(store: JobStore) -> None:
    make_job(store)
    store.set_frames_state("job1", "MASTER_BG_A", [1, 2], FrameState.RENDERING)
    before = store.get_frames("job1")
    with pytest.raises(InvalidTransitionError, match=r"3 \(pending\)"):
        store.set_frames_state("job1", "MASTER_BG_A", [1, 2, 3], FrameState.DONE)
    assert store.get_frames("job1") == before


def test_cancelled_job_gives_up_pending_frames_without_an_attempt(store: JobStore) -> None:
    make_job(store)
    store.set_frames_state("job1", "MASTER_BG_A", [1], FrameState.RENDERING)
    store.set_frames_state("job1", "MASTER_BG_A", [1], FrameState.DONE)
    changed = store.set_frames_state(
        "job1", "MASTER_BG_A", [1, 2, 3, 4], FrameState.FAILED, reason="cancelled by the user"
    )
    assert changed == [2, 3, 4]
    by_frame = {f.frame: f for f in store.get_frames("job1")}
    assert by_frame[1].state is FrameState.DONE
    assert [(by_frame[f].state, by_frame[f].attempts) for f in (2, 3, 4)] == [
        (FrameState.FAILED, 0)
    ] * 3
    assert by_frame[2].reason == "cancelled by the user"


def test_killed_task_keeps_its_verified_frames_done(store: JobStore) -> None:
    make_job(store)
    make_task(store)
    start_task(store)
    frames = [1, 2, 3, 4]
    store.set_frames_state("job1", "MASTER_BG_A", frames, FrameState.RENDERING, task_id="t1")
    store.set_frames_state(
        "job1", "MASTER_BG_A", [1], FrameState.DONE, output_path="/img/shot.0001.exr"
    )
    store.set_frames_state(
        "job1", "MASTER_BG_A", [2], FrameState.DONE, output_path="/img/shot.0002.exr"
    )
    store.task_finished("t1", state=TaskState.KILLED, exit_code=-9, reason="hung")
    changed = store.set_frames_state(
        "job1", "MASTER_BG_A", frames, FrameState.FAILED, task_id="t1", reason="task killed"
    )
    assert changed == [3, 4]
    by_frame = {f.frame: f for f in store.get_frames("job1")}
    assert by_frame[1].state is FrameState.DONE
    assert by_frame[1].output_path == "/img/shot.0001.exr"
    assert by_frame[1].reason is None
    assert by_frame[2].state is FrameState.DONE
    assert by_frame[3].state is by_frame[4].state is FrameState.FAILED
    assert by_frame[3].reason == "task killed"
    # Even a later "rendering" or "pending" report leaves a done frame alone.
    assert store.set_frames_state("job1", "MASTER_BG_A", [1, 2], FrameState.PENDING) == []
    assert store.frame_counts("job1")["MASTER_BG_A"][FrameState.DONE] == 2


def test_retry_path_counts_attempts(store: JobStore, clock: FakeClock) -> None:
    make_job(store)
    layer = "MASTER_BG_A"
    store.set_frames_state("job1", layer, [3], FrameState.RENDERING, task_id="t1", gpu="GPU-A")
    first_start = clock.now
    clock.advance(10)
    store.set_frames_state("job1", layer, [3], FrameState.FAILED, reason="no image written")
    failed = frame_state(store, "job1", layer, 3)
    assert (failed.state, failed.attempts, failed.reason, failed.task_id, failed.gpu) == (
        FrameState.FAILED,
        1,
        "no image written",
        "t1",
        "GPU-A",
    )
    assert (failed.started_at, failed.ended_at) == (first_start, clock.now)
    clock.advance(1)
    store.set_frames_state("job1", layer, [3], FrameState.PENDING)
    pending = frame_state(store, "job1", layer, 3)
    assert (pending.state, pending.attempts, pending.reason, pending.ended_at) == (
        FrameState.PENDING,
        1,
        "no image written",
        None,
    )
    clock.advance(1)
    store.set_frames_state("job1", layer, [3], FrameState.RENDERING, task_id="t2", gpu="GPU-B")
    rendering = frame_state(store, "job1", layer, 3)
    assert (rendering.attempts, rendering.task_id, rendering.gpu, rendering.reason) == (
        2,
        "t2",
        "GPU-B",
        None,
    )
    assert rendering.started_at == clock.now
    clock.advance(30)
    store.set_frames_state("job1", layer, [3], FrameState.DONE, output_path="/img/shot.0003.exr")
    done = frame_state(store, "job1", layer, 3)
    assert (done.state, done.attempts, done.task_id, done.output_path, done.ended_at) == (
        FrameState.DONE,
        2,
        "t2",
        "/img/shot.0003.exr",
        clock.now,
    )


def test_cpu_render_clears_the_gpu_of_an_earlier_attempt(store: JobStore) -> None:
    make_job(store)
    layer = "MASTER_BG_A"
    store.set_frames_state("job1", layer, [1], FrameState.RENDERING, task_id="t1", gpu="0")
    store.set_frames_state("job1", layer, [1], FrameState.PENDING)
    store.set_frames_state("job1", layer, [1], FrameState.RENDERING, task_id="t2", gpu=None)
    assert frame_state(store, "job1", layer, 1).gpu is None


def test_skip_existing_from_pending_and_failed(store: JobStore) -> None:
    make_job(store)
    layer = "MASTER_BG_A"
    store.set_frames_state("job1", layer, [2], FrameState.RENDERING)
    store.set_frames_state("job1", layer, [2], FrameState.FAILED)
    changed = store.set_frames_state(
        "job1", layer, [1, 2], FrameState.SKIPPED_EXISTING, output_path="/img/x.exr"
    )
    assert changed == [1, 2]
    counts = store.frame_counts("job1")[layer]
    assert counts[FrameState.SKIPPED_EXISTING] == 2 and counts[FrameState.PENDING] == 2


def test_set_frames_state_returns_changed_frames_in_given_order(store: JobStore) -> None:
    make_job(store, frames={"L": list(range(1, 11))})
    store.set_frames_state("job1", "L", [5], FrameState.RENDERING)
    assert store.set_frames_state("job1", "L", [9, 5, 1, 9], FrameState.RENDERING) == [9, 1]


def test_unknown_frames_layers_and_jobs(store: JobStore) -> None:
    make_job(store)
    with pytest.raises(NotFoundError, match=r"no frame\(s\) 99"):
        store.set_frames_state("job1", "MASTER_BG_A", [1, 99], FrameState.RENDERING)
    with pytest.raises(NotFoundError, match="layer 'nope'"):
        store.set_frames_state("job1", "nope", [1], FrameState.RENDERING)
    with pytest.raises(NotFoundError, match="no job 'ghost'"):
        store.set_frames_state("ghost", "MASTER_BG_A", [1], FrameState.RENDERING)
    # Nothing moved: the check happens before any update.
    assert store.frame_counts("job1")["MASTER_BG_A"][FrameState.PENDING] == 4


def test_frame_counts_and_filters(store: JobStore) -> None:
    make_job(store, frames={"zeta": [1, 2, 3], "alpha": [10, 20]})
    store.set_frames_state("job1", "zeta", [1, 2], FrameState.RENDERING)
    store.set_frames_state("job1", "zeta", [1], FrameState.DONE)
    counts = store.frame_counts("job1")
    assert list(counts) == ["zeta", "alpha"]  # the job's layer order, not alphabetical
    assert counts["zeta"] == {
        FrameState.PENDING: 1,
        FrameState.RENDERING: 1,
        FrameState.DONE: 1,
        FrameState.FAILED: 0,
        FrameState.SKIPPED_EXISTING: 0,
    }
    assert counts["alpha"][FrameState.PENDING] == 2
    assert [f.frame for f in store.get_frames("job1", "alpha")] == [10, 20]
    assert [(f.layer, f.frame) for f in store.get_frames("job1")] == [
        ("zeta", 1),
        ("zeta", 2),
        ("zeta", 3),
        ("alpha", 10),
        ("alpha", 20),
    ]
    pending = store.get_frames("job1", states=[FrameState.PENDING])
    assert [(f.layer, f.frame) for f in pending] == [("zeta", 3), ("alpha", 10), ("alpha", 20)]
    assert store.get_frames("job1", states=[]) == []
    assert store.frame_counts("ghost") == {}
    assert store.get_frames("ghost") == []


# --------------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"job_id": ""}, "job_id must be"),
        ({"job_id": "../etc"}, "job_id must be"),
        ({"job_id": "a b"}, "job_id must be"),
        ({"scene": ""}, "scene must be"),
        ({"config": {"bad": object()}}, "config cannot be stored as JSON"),
        ({"config": {"nan": float("nan")}}, "config cannot be stored as JSON"),
        ({"config": ["not", "a", "mapping"]}, "config must be a mapping"),
        ({"frames": {"L": [1, "2"]}}, "frame must be an integer"),
        ({"frames": {"L": [1, True]}}, "frame must be an integer"),
        ({"frames": {"L": [2**63]}}, "64-bit"),
        ({"frames": {"L": "1-10"}}, "sequence of integers"),
        ({"frames": {"": [1]}}, "layer name must be"),
        ({"frames": [1, 2]}, "frames must be a mapping"),
        ({"manager_pid": -1}, "manager_pid must be >= 0"),
    ],
)
def test_create_job_rejects_bad_input(store: JobStore, kwargs: dict, message: str) -> None:
    args = {"job_id": "j", "scene": "s.ma", "config": {}, "frames": {"L": [1]}} | kwargs
    with pytest.raises(ValueError, match=message):
        store.create_job(**args)
    assert store.list_jobs() == []


def test_duplicate_job_is_refused_and_duplicate_frames_are_stored_once(store: JobStore) -> None:
    make_job(store, frames={"L": [3, 1, 3, 2, 1]})
    assert [f.frame for f in store.get_frames("job1")] == [3, 1, 2]
    with pytest.raises(JobExistsError, match="job1 already exists"):
        make_job(store)
    assert isinstance(JobExistsError("x"), ValueError)


def test_other_bad_input(store: JobStore) -> None:
    make_job(store)
    make_task(store)
    with pytest.raises(ValueError, match="frame state must be one of"):
        store.set_frames_state("job1", "MASTER_BG_A", [1], "done?")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="attempt must be >= 0"):
        store.add_task(
            task_id="t9",
            job_id="job1",
            layers=["L"],
            frames=[1],
            gpu=None,
            slot=None,
            attempt=-1,
            log_path=None,
            temp_scene=None,
        )
    with pytest.raises(ValueError, match="argv must hold strings only"):
        store.task_started("t1", pid=1, pid_create_time=None, argv=["Render", 3], gpu=None, slot=0)
    with pytest.raises(InvalidTransitionError, match="needs a final state"):
        store.task_finished("t1", state=TaskState.RUNNING, exit_code=None, reason=None)
    with pytest.raises(ValueError, match="limit must be >= 1"):
        store.list_jobs(limit=0)
    with pytest.raises(ValueError, match="older_than_s"):
        store.prune(-1)


# --------------------------------------------------------------------------------------------------
# Records, listing, reopening
# --------------------------------------------------------------------------------------------------
def test_records_round_trip_json_fields(store: JobStore, clock: FakeClock) -> None:
    config = {
        "scene_file": "/proj/shot 010/ünïcode.ma",
        "layers": ["MASTER_BG_A", "env:trees"],
        "gpus": None,
        "extra_args": ["-preRender", 'print("hi")'],
        "output_settings": {"nested": {"list": [1, 2.5, True]}},
    }
    store.create_job(
        job_id="job1",
        scene="/proj/shot 010/ünïcode.ma",
        config=config,
        frames={"env:trees": [-5, 0, 1001]},
    )
    store.add_task(
        task_id="job1-t001",
        job_id="job1",
        layers=["env:trees", "MASTER_BG_A"],
        frames=[1001, -5, 0],
        gpu="GPU-8f3c2e4a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
        slot=2,
        attempt=3,
        log_path="/logs/job1 t001.log",
        temp_scene="/tmp/job1/env_trees.ma",
    )
    argv = ["C:\\Program Files\\Autodesk\\Maya2025\\bin\\Render.exe", "-rl", "env:trees", "a b"]
    store.task_started("job1-t001", pid=31337, pid_create_time=1.25, argv=argv, gpu="0", slot=1)

    job = store.get_job("job1")
    assert job is not None
    assert job.config == config
    assert (job.manager_pid, job.manager_create_time) == (None, None)
    assert job.host and isinstance(job.host, str)
    (task,) = store.get_tasks("job1")
    assert task.layers == ("env:trees", "MASTER_BG_A")
    assert task.frames == (1001, -5, 0)
    assert task.argv == tuple(argv)
    assert (task.gpu, task.slot, task.attempt, task.state) == ("0", 1, 3, TaskState.RUNNING)
    assert [f.frame for f in store.get_frames("job1")] == [-5, 0, 1001]
    assert isinstance(store.get_frames("job1")[0].state, FrameState)
    with pytest.raises(AttributeError):
        job.state = JobState.FAILED  # type: ignore[misc]  # frozen


def test_reopen_after_close_keeps_everything(store_path: Path, clock: FakeClock) -> None:
    with JobStore(store_path, clock=clock) as first:
        make_job(first)
        make_task(first)
        start_task(first)
        first.set_job_state("job1", JobState.RUNNING)
        first.set_frames_state("job1", "MASTER_BG_A", [1, 2], FrameState.RENDERING, task_id="t1")
        first.set_frames_state("job1", "MASTER_BG_A", [1], FrameState.DONE, output_path="/i/1")
        snapshot = (first.get_job("job1"), first.get_tasks("job1"), first.get_frames("job1"))
    with pytest.raises(JobStoreError, match="closed"):
        first.get_job("job1")
    first.close()  # a second close is harmless
    with JobStore(store_path, clock=clock) as second:
        assert (second.get_job("job1"), second.get_tasks("job1"), second.get_frames("job1")) == (
            snapshot
        )
        (running,) = second.running_tasks()
        assert (running.pid, running.pid_create_time) == (5000, 1_800_000_100.25)


def test_list_jobs_newest_first_with_filters(store: JobStore, clock: FakeClock) -> None:
    for index in range(5):
        make_job(store, f"job{index}")
        clock.advance(1)
    store.set_job_state("job1", JobState.CANCELLED)
    store.set_job_state("job3", JobState.RUNNING)
    assert [j.id for j in store.list_jobs()] == ["job4", "job3", "job2", "job1", "job0"]
    assert [j.id for j in store.list_jobs(limit=2)] == ["job4", "job3"]
    assert [j.id for j in store.list_jobs(states=[JobState.CANCELLED, JobState.RUNNING])] == [
        "job3",
        "job1",
    ]
    assert store.list_jobs(states=[]) == []


def test_running_tasks_across_jobs(store: JobStore) -> None:
    make_job(store, "jobA")
    make_job(store, "jobB")
    make_task(store, "a1", "jobA")
    make_task(store, "b1", "jobB")
    make_task(store, "b2", "jobB")
    start_task(store, "a1", pid=11)
    start_task(store, "b2", pid=22)
    assert sorted((t.job_id, t.id, t.pid) for t in store.running_tasks()) == [
        ("jobA", "a1", 11),
        ("jobB", "b2", 22),
    ]


def test_delete_job(store: JobStore) -> None:
    make_job(store)
    make_task(store)
    with pytest.raises(InvalidTransitionError, match="force=True"):
        store.delete_job("job1")
    assert store.delete_job("job1", force=True) is True
    assert store.get_job("job1") is None
    assert store.get_tasks("job1") == [] and store.get_frames("job1") == []
    assert store.delete_job("job1") is False


def test_prune_removes_old_final_jobs_only(store: JobStore, clock: FakeClock) -> None:
    make_job(store, "old-done")
    make_task(store, "t-old", "old-done")
    store.set_job_state("old-done", JobState.RUNNING)
    store.set_job_state("old-done", JobState.SUCCEEDED)
    make_job(store, "old-cancelled")
    store.set_job_state("old-cancelled", JobState.CANCELLED)
    make_job(store, "old-running")  # a manager that died: not final, so kept
    store.set_job_state("old-running", JobState.RUNNING)
    make_job(store, "old-queued")
    clock.advance(10 * DAY_S)
    make_job(store, "recent-failed")
    store.set_job_state("recent-failed", JobState.FAILED)
    clock.advance(1 * DAY_S)

    assert store.prune(older_than_s=7 * DAY_S) == 2
    assert sorted(j.id for j in store.list_jobs()) == ["old-queued", "old-running", "recent-failed"]
    assert store.get_tasks("old-done") == [] and store.frame_counts("old-done") == {}
    with sqlite3.connect(store.path) as conn:  # the cascade really removed the children
        assert conn.execute(
            "SELECT COUNT(*) FROM frames WHERE job_id LIKE 'old-d%'"
        ).fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM tasks").fetchone() == (0,)
    assert store.prune(older_than_s=7 * DAY_S) == 0
    assert store.prune(older_than_s=0) == 1


def test_new_job_id_format_and_order() -> None:
    first = new_job_id(now=1_795_445_553.0)  # 2026-11-23 14:52:33 UTC
    assert re.fullmatch(r"20261123-145233-[0-9a-f]{6}", first)
    later = new_job_id(now=1_795_445_554.0)
    assert first < later
    assert new_job_id() != new_job_id()
    assert re.fullmatch(r"\d{8}-\d{6}-[0-9a-f]{6}", new_job_id())


# --------------------------------------------------------------------------------------------------
# Size and concurrency
# --------------------------------------------------------------------------------------------------
def test_hundred_thousand_frames(store: JobStore) -> None:
    frames = {"beauty": list(range(1, 60_001)), "crypto": list(range(1, 40_001))}
    make_job(store, frames=frames)
    counts = store.frame_counts("job1")
    assert counts["beauty"][FrameState.PENDING] == 60_000
    assert counts["crypto"][FrameState.PENDING] == 40_000
    changed = store.set_frames_state("job1", "beauty", frames["beauty"], FrameState.RENDERING)
    assert len(changed) == 60_000
    assert store.frame_counts("job1")["beauty"][FrameState.RENDERING] == 60_000
    assert len(store.get_frames("job1", states=[FrameState.PENDING])) == 40_000


def thread_worker(
    store: JobStore, worker: int, frames: list[int], errors: list[BaseException]
) -> None:
    try:
        layer = f"layer{worker}"
        store.set_job_state("job1", JobState.RUNNING)  # every worker says so: a no-op after one
        for attempt in (1, 2):
            task_id = f"w{worker}-a{attempt}"
            store.add_task(
                task_id=task_id,
                job_id="job1",
                layers=[layer],
                frames=frames,
                gpu=str(worker),
                slot=worker,
                attempt=attempt,
                log_path=None,
                temp_scene=None,
            )
            store.task_started(
                task_id, pid=1000 + worker, pid_create_time=None, argv=["Render"], gpu=None, slot=0
            )
            for frame in frames:
                store.set_frames_state(
                    "job1", layer, [frame], FrameState.RENDERING, task_id=task_id
                )
                target = FrameState.FAILED if attempt == 1 else FrameState.DONE
                store.set_frames_state("job1", layer, [frame], target)
                if attempt == 1:
                    store.set_frames_state("job1", layer, [frame], FrameState.PENDING)
            state = TaskState.FAILED if attempt == 1 else TaskState.SUCCEEDED
            store.task_finished(task_id, state=state, exit_code=0, reason=None)
    except BaseException as exc:  # noqa: BLE001 - errors cross threads as data
        errors.append(exc)


def check_concurrent_result(store: JobStore, workers: int, frames: list[int]) -> None:
    counts = store.frame_counts("job1")
    for worker in range(workers):
        assert counts[f"layer{worker}"][FrameState.DONE] == len(frames)
    assert {f.attempts for f in store.get_frames("job1")} == {2}
    tasks = store.get_tasks("job1")
    assert len(tasks) == 2 * workers
    assert sorted(t.state.value for t in tasks) == sorted(["failed", "succeeded"] * workers)


@pytest.mark.parametrize("separate_connections", [False, True], ids=["shared", "per-thread"])
def test_concurrent_threads_lose_nothing(store_path: Path, separate_connections: bool) -> None:
    workers, frames = 6, list(range(1, 26))
    with JobStore(store_path) as main:
        main.create_job(
            job_id="job1",
            scene="s.ma",
            config={},
            frames={f"layer{w}": frames for w in range(workers)},
        )
        stores = [JobStore(store_path) if separate_connections else main for _ in range(workers)]
        errors: list[BaseException] = []
        threads = [
            threading.Thread(target=thread_worker, args=(stores[w], w, frames, errors))
            for w in range(workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if separate_connections:
            for other in stores:
                other.close()
        assert errors == []
        check_concurrent_result(main, workers, frames)


CHILD_SCRIPT = textwrap.dedent(
    """
    import sys, psutil
    from lrc_toolbox.core.job_store import JobStore
    from lrc_toolbox.core.models import FrameState, JobState, TaskState

    path, worker, n_frames = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print("READY", flush=True)
    sys.stdin.readline()  # start together, so the writers really contend
    store = JobStore(path)  # may be the first open of a fresh file: migration race
    store.create_job(
        job_id=f"own{worker}", scene="s.ma", config={}, frames={"L": range(1, n_frames + 1)}
    )
    layer, frames = "L", list(range(1, n_frames + 1))
    for frame in frames:
        store.set_frames_state(f"own{worker}", layer, [frame], FrameState.RENDERING)
        store.set_frames_state(f"own{worker}", layer, [frame], FrameState.FAILED)
        store.set_frames_state(f"own{worker}", layer, [frame], FrameState.PENDING)
        store.set_frames_state(f"own{worker}", layer, [frame], FrameState.RENDERING)
        store.set_frames_state(f"own{worker}", layer, [frame], FrameState.DONE)
    # Leave one task running, as a manager that dies would, with what re-attach needs.
    store.add_task(task_id=f"live{worker}", job_id=f"own{worker}", layers=[layer], frames=frames,
                   gpu=None, slot=None, attempt=1, log_path=None, temp_scene=None)
    me = psutil.Process()
    store.task_started(f"live{worker}", pid=me.pid, pid_create_time=me.create_time(),
                       argv=sys.argv, gpu=None, slot=None)
    print(f"DONE {me.pid} {me.create_time()!r}", flush=True)
    """
)


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "jobs.sqlite3"  # not created yet: the children race to create it
    workers, n_frames = 3, 60
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD_SCRIPT, str(path), str(worker), str(n_frames)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(tmp_path),
        )
        for worker in range(workers)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [child.communicate(timeout=110) for child in children]
    for child, (_out, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err
    identities = {}
    for out, _err in results:
        _tag, pid, create_time = out.split()
        identities[int(pid)] = float(create_time)

    with JobStore(path) as store:
        for worker in range(workers):
            frames = store.get_frames(f"own{worker}")
            assert len(frames) == n_frames
            assert {(f.state, f.attempts) for f in frames} == {(FrameState.DONE, 2)}
        running = store.running_tasks()
        assert {t.pid: t.pid_create_time for t in running} == identities
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


OPEN_RACE_SCRIPT = textwrap.dedent(
    """
    import sys
    from lrc_toolbox.core.job_store import JobStore

    worker, paths = sys.argv[1], sys.argv[2:]
    print("READY", flush=True)
    sys.stdin.readline()
    for path in paths:  # every child walks the same fresh files in the same order
        with JobStore(path) as store:
            store.create_job(job_id=f"w{worker}", scene="s.ma", config={}, frames={"L": [1]})
    """
)


def test_many_processes_open_fresh_stores_together(tmp_path: Path) -> None:
    # Converting a fresh file to WAL takes an exclusive lock without running the busy handler;
    # before the store retried that step, about 1 open in 60 failed with "database is locked".
    workers = 6
    paths = [str(tmp_path / f"store{index}" / "jobs.sqlite3") for index in range(8)]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_RACE_SCRIPT, str(worker), *paths],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
            cwd=str(tmp_path),
        )
        for worker in range(workers)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        _out, err = child.communicate(timeout=110)
        assert child.returncode == 0, err
    for path in paths:
        with JobStore(path) as store:
            assert sorted(j.id for j in store.list_jobs()) == [f"w{w}" for w in range(workers)]


def test_a_writer_waits_for_another_connection_lock(store: JobStore) -> None:
    make_job(store)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("UPDATE jobs SET reason = 'held by another process'")
    errors: list[BaseException] = []

    def write() -> None:
        try:
            store.set_job_state("job1", JobState.RUNNING, reason="after the lock")
        except BaseException as exc:  # noqa: BLE001 - errors cross threads as data
            errors.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    # The writer is stuck in the busy handler (30 s); without it, it would have failed at once.
    writer.join(1.0)
    assert writer.is_alive()
    assert errors == []
    blocker.execute("COMMIT")
    blocker.close()
    writer.join()
    assert errors == []
    job = store.get_job("job1")
    assert job is not None and (job.state, job.reason) == (JobState.RUNNING, "after the lock")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_forked_child_cannot_use_the_parents_connection(store: JobStore) -> None:
    make_job(store)
    pid = os.fork()
    if pid == 0:  # child: must refuse, and must never touch the shared SQLite handle
        try:
            store.list_jobs()
        except JobStoreError as exc:
            os._exit(0 if "open a new JobStore" in str(exc) else 2)
        os._exit(1)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert [j.id for j in store.list_jobs()] == ["job1"]


def test_records_hold_plain_json_values(store: JobStore) -> None:
    """Records carry only plain values, so the CLI can dump them as JSON."""
    make_job(store)
    make_task(store)
    job = store.get_job("job1")
    task = store.get_task("t1")
    assert job is not None and task is not None
    json.dumps(vars(job))
    json.dumps(vars(task))
    json.dumps([vars(f) for f in store.get_frames("job1")])
