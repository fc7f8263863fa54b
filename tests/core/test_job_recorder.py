"""The one writer of a job's store and publisher of its events (with a store and without one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.job_recorder import JobRecorder, NullJobStore
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import FrameState, GPUInfo, JobState, TaskState
from lrc_toolbox.core.scheduler import Slot, TaskSpec
from lrc_toolbox.utils.frame_parser import FrameRun

JOB = "job1"
GPU = GPUInfo(0, "GPU 0", 8 << 30, 8 << 30, (8, 6), uuid="GPU-00000000")
SPEC = TaskSpec("t0001", ("BG",), FrameRun(1, 3, 1), 1, Slot(0, GPU))


def _play(recorder: JobRecorder, log_dir: Path) -> None:
    """One small job's life, as the supervisor reports it."""
    recorder.job_started(
        layers={"BG": [1, 2, 3]},
        slots=["GPU 0"],
        renderer="redshift",
        render_exe="Render",
        log_dir=log_dir,
    )
    log = log_dir / "t0001_BG_a1.log"
    recorder.task_added(SPEC, log)
    recorder.task_started(SPEC, pid=4321, create_time=12.5, argv=["Render", "-r"], log_path=log)
    recorder.progress("t0001", layer="BG", frame=1, percent=50.0, frames_done=0, frames_total=3)
    recorder.frame_done("BG", 1, "/out/BG.0001.exr", task_id="t0001", gpu=SPEC.slot.cuda_device)
    recorder.frame_requeued("BG", 2, "hung", task_id="t0001")
    recorder.frames_failed("BG", [1, 3], "licence", task_id="t0001", announce=[3])
    recorder.task_finished(
        "t0001",
        state=TaskState.FAILED,
        exit_code=1,
        reason="licence",
        launched=True,
        peak_gpu_memory=2048,
        frames_done=[1],
        frames_missing=[2, 3],
    )
    recorder.notice("waiting: GPU 0 is in use")
    recorder.job_state(JobState.FAILED, "licence")
    recorder.job_finished(
        ok=False,
        state=JobState.FAILED,
        layers={"BG": {"done": [1], "failed": [2, 3]}},
        elapsed_s=1.23456,
        reason="licence",
    )


def _events(store: Any, tmp_path: Path) -> list[dict[str, Any]]:
    bus = ev.EventBus()
    seen: list[dict[str, Any]] = []
    bus.subscribe(lambda event: seen.append(event.to_dict()))
    _play(JobRecorder(JOB, bus, store), tmp_path)
    return seen


@pytest.fixture
def store(tmp_path: Path):
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        opened.create_job(
            job_id=JOB,
            scene="/proj/shot.ma",
            config={},
            frames={"BG": [1, 2, 3]},
            manager_pid=1,
            manager_create_time=1.0,
        )
        yield opened


def test_events_are_the_same_with_a_store_and_without_one(store, tmp_path: Path) -> None:
    with_store = _events(store, tmp_path)
    without = _events(None, tmp_path)
    assert [e["event"] for e in with_store] == [
        "job_started",
        "task_started",
        "progress",
        "frame_done",
        "frame_failed",
        "frame_failed",
        "task_finished",
        "notice",
        "summary",
    ]
    assert with_store[0]["store_path"] == str(store.path)
    assert without[0]["store_path"] == ""
    assert with_store[1:] == without[1:]
    # Only the announced frame gets an event; the requeued one says it will be retried.
    failed = [(e["frame"], e["will_retry"]) for e in with_store if e["event"] == "frame_failed"]
    assert failed == [(2, True), (3, False)]
    assert with_store[-1]["elapsed_s"] == 1.235


def test_every_state_change_reaches_the_store(store, tmp_path: Path) -> None:
    _events(store, tmp_path)
    frames = {record.frame: record for record in store.get_frames(JOB, "BG")}
    assert frames[1].state is FrameState.DONE  # a done frame stays done whatever is reported
    assert frames[1].output_path == "/out/BG.0001.exr"
    assert frames[2].state is FrameState.PENDING and frames[2].reason == "hung"
    assert frames[3].state is FrameState.FAILED and frames[3].reason == "licence"
    task = store.get_task(JOB, "t0001")
    assert task is not None
    assert (task.state, task.exit_code, task.pid) == (TaskState.FAILED, 1, 4321)
    job = store.get_job(JOB)
    assert job is not None and (job.state, job.reason) == (JobState.FAILED, "licence")


def test_a_task_that_never_launched_is_stored_failed(store, tmp_path: Path) -> None:
    recorder = JobRecorder(JOB, ev.EventBus(), store)
    recorder.task_added(SPEC, tmp_path / "t.log")
    recorder.task_not_started(SPEC, tmp_path / "t.log")
    recorder.task_finished(
        "t0001",
        state=TaskState.CANCELLED,
        exit_code=None,
        reason="could not start",
        launched=False,
        peak_gpu_memory=0,
        frames_done=[],
        frames_missing=[1, 2, 3],
    )
    task = store.get_task(JOB, "t0001")
    assert task is not None and task.state is TaskState.FAILED


def test_a_failing_store_does_not_stop_the_end_of_the_job(tmp_path: Path) -> None:
    class BrokenStore(NullJobStore):
        def set_job_state(self, job_id: str, state: JobState, reason: str | None = None) -> None:
            raise OSError("disk full")

    recorder = JobRecorder(JOB, ev.EventBus(), BrokenStore())  # type: ignore[arg-type]
    recorder.job_state(JobState.SUCCEEDED, None)  # logged, not raised


def test_log_lines_are_published_only_when_asked_for() -> None:
    bus = ev.EventBus()
    recorder = JobRecorder(JOB, bus, None)
    assert recorder.log_publisher("t0001") is None
    lines: list[ev.Event] = []
    bus.subscribe(lines.append, logs=True)
    publish = recorder.log_publisher("t0001")
    assert publish is not None
    publish("Rendering frame 1", "info")
    assert lines == [
        ev.LogLine(job_id=JOB, task_id="t0001", line="Rendering frame 1", level="info")
    ]


def test_without_a_store_there_is_no_history() -> None:
    history = JobRecorder(JOB, ev.EventBus(), None).history
    assert history.list_jobs(limit=5) == []
    assert history.get_frames(JOB, "BG") == []


def test_job_started_carries_the_plans_notes(tmp_path: Path) -> None:
    bus = ev.EventBus()
    seen: list[ev.Event] = []
    bus.subscribe(seen.append)
    JobRecorder(JOB, bus, None).job_started(
        layers={"BG": [1]},
        slots=["CPU #1"],
        renderer="file",
        render_exe="Render",
        log_dir=tmp_path,
        notes=["BG: renders the current frame 1 because animation is off"],
    )
    (started,) = seen
    assert isinstance(started, ev.JobStarted)
    assert started.notes == ["BG: renders the current frame 1 because animation is off"]
