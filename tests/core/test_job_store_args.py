"""Job store: malformed arguments become one clear ``ValueError``, and nothing is written."""

from __future__ import annotations

import job_store_support as support
import pytest
from job_store_support import make_job, make_task

from lrc_toolbox.core.job_store import InvalidTransitionError, JobExistsError, JobStore
from lrc_toolbox.core.models import TaskState

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


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
        store.task_started(
            "job1", "t1", pid=1, pid_create_time=None, argv=["Render", 3], gpu=None, slot=0
        )
    with pytest.raises(InvalidTransitionError, match="needs a final state"):
        store.task_finished("job1", "t1", state=TaskState.RUNNING, exit_code=None, reason=None)
    with pytest.raises(ValueError, match="limit must be >= 1"):
        store.list_jobs(limit=0)
    with pytest.raises(ValueError, match="older_than_s"):
        store.prune(-1)
