"""Job store: records round-trip, listing, reopening, deleting and pruning jobs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import job_store_support as support
import pytest
from job_store_support import DAY_S, FakeClock, make_job, make_task, start_task

from lrc_toolbox.core.job_store import InvalidTransitionError, JobStore, JobStoreError
from lrc_toolbox.core.models import FrameState, JobState, TaskState

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


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
    store.task_started(
        "job1", "job1-t001", pid=31337, pid_create_time=1.25, argv=argv, gpu="0", slot=1
    )

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
    start_task(store, "a1", pid=11, job_id="jobA")
    start_task(store, "b2", pid=22, job_id="jobB")
    assert sorted((t.job_id, t.task_id, t.pid) for t in store.running_tasks()) == [
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
