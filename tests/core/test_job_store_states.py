"""Job store: the task, job and frame state machines, checked move by move against the spec."""

from __future__ import annotations

import itertools

import job_store_support as support
import pytest
from job_store_support import FakeClock, frame_state, make_job, make_task, start_task

from lrc_toolbox.core.job_store import (
    InvalidTransitionError,
    JobExistsError,
    JobStore,
    NotFoundError,
)
from lrc_toolbox.core.models import FrameState, JobState, TaskState

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


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
        store.task_finished("job1", "t1", state=state, exit_code=1, reason="setup")
    return "t1"


def move_task(store: JobStore, task_id: str, state: TaskState) -> None:
    if state is TaskState.RUNNING:
        start_task(store, task_id)
    else:
        store.task_finished("job1", task_id, state=state, exit_code=0, reason="moved")


@pytest.mark.parametrize(
    ("old", "new"), list(itertools.product(TaskState, TaskState)), ids=lambda s: s.value
)
def test_task_transitions(store: JobStore, old: TaskState, new: TaskState) -> None:
    task_id = put_task_in(store, old)
    before = store.get_task("job1", task_id)
    if (old, new) in EXPECTED_TASK_MOVES:
        move_task(store, task_id, new)
        after = store.get_task("job1", task_id)
        assert after is not None and after.state is new
    else:
        with pytest.raises(InvalidTransitionError, match=f"task {task_id}"):
            move_task(store, task_id, new)
        assert store.get_task("job1", task_id) == before


def test_task_lifecycle_fields(store: JobStore, clock: FakeClock) -> None:
    make_job(store)
    make_task(store)
    queued = store.get_task("job1", "t1")
    assert queued is not None
    assert (queued.state, queued.pid, queued.argv, queued.queued_at) == (
        TaskState.QUEUED,
        None,
        (),
        clock.now,
    )
    clock.advance(5)
    store.task_started(
        "job1", "t1", pid=777, pid_create_time=123.5, argv=["Render", "-r", "sw"], gpu=None, slot=3
    )
    running = store.running_tasks()
    assert [t.task_id for t in running] == ["t1"]
    assert (running[0].pid, running[0].pid_create_time, running[0].gpu, running[0].slot) == (
        777,
        123.5,
        None,
        3,
    )
    assert running[0].started_at == clock.now
    clock.advance(7)
    store.task_finished("job1", "t1", state=TaskState.KILLED, exit_code=-9, reason="hung 600 s")
    done = store.get_task("job1", "t1")
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
    assert store.get_task("job1", "nope") is None


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
    store.task_finished("job1", "t1", state=TaskState.KILLED, exit_code=-9, reason="hung")
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
