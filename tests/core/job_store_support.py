"""Fixtures and helpers for the job store tests (imported by name, like ``farm_fixtures``).

Test modules import the ``*_fixture`` functions they use; pytest knows them by their ``name``
(``clock``, ``store_path``, ``store``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lrc_toolbox.core.job_store import FrameRecord, JobStore

DAY_S = 86_400.0


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(name="clock")
def clock_fixture() -> FakeClock:
    """A fake wall clock for the store."""
    return FakeClock()


@pytest.fixture(name="store_path")
def store_path_fixture(tmp_path: Path) -> Path:
    """A store file in a folder that does not exist yet."""
    return tmp_path / "store" / "jobs.sqlite3"


@pytest.fixture(name="store")
def store_fixture(store_path: Path, clock: FakeClock) -> Iterator[JobStore]:
    """An open store on the fake clock, closed after the test."""
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


def start_task(store: JobStore, task_id: str = "t1", pid: int = 5000, job_id: str = "job1") -> None:
    store.task_started(
        job_id,
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
