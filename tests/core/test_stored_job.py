"""BatchRenderAPI.stored_job: one job's summary, record, tasks and frames, read from the store.

The History view reaches stored jobs only through the API (it never opens the store); this reads
a job written straight into a store, as a crashed or finished manager leaves it (no process runs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lrc_toolbox.api import BatchRenderAPI
from lrc_toolbox.core.job_store import JobStore, new_job_id
from lrc_toolbox.core.models import FrameState, JobState
from lrc_toolbox.core.planner import PlanError


def write_job(store_path: Path) -> str:
    """A job of two frames with one render: frame 1 verified, frame 2 failed."""
    job_id = new_job_id()
    with JobStore(store_path) as store:
        store.create_job(
            job_id=job_id,
            scene="/shows/s/shot001.ma",
            config={"renderer": "redshift", "output_dir": "/out"},
            frames={"BG": [1, 2]},
            manager_pid=999_999_999,
            manager_create_time=1.0,
        )
        store.set_job_state(job_id, JobState.RUNNING)
        store.add_task(
            task_id="t0001",
            job_id=job_id,
            layers=["BG"],
            frames=[1, 2],
            gpu="0",
            slot=0,
            attempt=1,
            log_path="/logs/t0001.log",
            temp_scene=None,
        )
        store.set_frames_state(job_id, "BG", [1, 2], FrameState.RENDERING, gpu="0")
        store.set_frames_state(job_id, "BG", [1], FrameState.DONE, output_path="/out/BG/1.exr")
        store.set_frames_state(job_id, "BG", [2], FrameState.FAILED, reason="CUDA error")
        store.set_job_state(job_id, JobState.FAILED, "1 frame failed")
    return job_id


def test_a_stored_job_comes_with_its_summary_tasks_and_frames(tmp_path) -> None:
    store_path = tmp_path / "jobs.sqlite3"
    job_id = write_job(store_path)
    stored = BatchRenderAPI(store_path=store_path).stored_job(job_id)
    assert stored.summary.job_id == job_id and stored.summary.state == "failed"
    assert stored.summary.layers == {"BG": {"done": 1, "failed": 1}}
    assert stored.job.config["renderer"] == "redshift"
    assert [task.task_id for task in stored.tasks] == ["t0001"]
    states = {record.frame: record.state for record in stored.frames}
    assert states == {1: FrameState.DONE, 2: FrameState.FAILED}


def test_an_unknown_job_names_the_recent_ones(tmp_path) -> None:
    store_path = tmp_path / "jobs.sqlite3"
    job_id = write_job(store_path)
    with pytest.raises(PlanError, match=f"no job nope in .*recent jobs: {job_id}"):
        BatchRenderAPI(store_path=store_path).stored_job("nope")


def test_a_running_task_is_named_by_its_id_within_the_job(tmp_path) -> None:
    """Store, summary and ``status --json`` use ``t0001``; ``task`` repeats it for old scripts."""
    store_path = tmp_path / "jobs.sqlite3"
    job_id = new_job_id()
    with JobStore(store_path) as store:
        store.create_job(job_id=job_id, scene="/s/shot.ma", config={}, frames={"BG": [1]})
        store.set_job_state(job_id, JobState.RUNNING)
        store.add_task(
            task_id="t0001",
            job_id=job_id,
            layers=["BG"],
            frames=[1],
            gpu="0",
            slot=0,
            attempt=1,
            log_path="/logs/t0001.log",
            temp_scene=None,
        )
        store.task_started(
            job_id, "t0001", pid=999_999_999, pid_create_time=1.0, argv=["Render"], gpu="0", slot=0
        )
    stored = BatchRenderAPI(store_path=store_path).stored_job(job_id)
    (running,) = stored.summary.running_tasks
    assert running["task_id"] == running["task"] == "t0001"
    assert running["alive"] is False
    assert stored.tasks[0].task_id == stored.tasks[0].id == "t0001"
