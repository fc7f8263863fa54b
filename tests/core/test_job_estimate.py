"""The job's progress and time left: from measured times only, shared by the slots, published
when frames are decided and about once a second."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.job_estimate import (
    JobCounts,
    JobProgressReporter,
    estimate_eta_s,
)
from lrc_toolbox.core.job_recorder import JobRecorder
from lrc_toolbox.core.scheduler import CostModel, TaskLoad


def _measured(frame_s: float = 10.0, startup_s: float = 20.0) -> CostModel:
    cost = CostModel()
    cost.record_frame("BG", frame_s)
    cost.record_startup(startup_s)
    return cost


def test_no_estimate_until_a_frame_was_timed() -> None:
    cost = CostModel()  # priors only
    running = [TaskLoad(("BG",), frames_left=5, started_s=0.0)]
    kwargs = dict(layers=["BG"], queued={"BG": 10}, slots=2, frames_per_launch=5, now=3.0)
    assert estimate_eta_s(cost=cost, running=running, **kwargs) is None
    cost.record_startup(20.0)  # a start-up alone is not a frame time
    assert estimate_eta_s(cost=cost, running=running, **kwargs) is None
    cost.record_frame("BG", 10.0)
    assert estimate_eta_s(cost=cost, running=running, **kwargs) is not None


def test_work_left_is_shared_by_the_slots_with_a_start_up_per_launch_to_come() -> None:
    cost = _measured(frame_s=10.0, startup_s=20.0)
    running = [
        TaskLoad(("BG",), frames_left=3, started_s=0.0, first_frame_seen=True),  # 30 s left
        TaskLoad(("BG",), frames_left=2, started_s=95.0),  # 15 s of start-up left + 20 s
    ]
    eta = estimate_eta_s(
        cost=cost,
        layers=["BG"],
        queued={"BG": 10},  # 100 s of frames, 2 launches of 5 frames: 40 s of start-ups
        running=running,
        slots=2,
        frames_per_launch=5,
        now=100.0,
    )
    assert eta == pytest.approx((30 + 35 + 100 + 40) / 2)


def test_the_job_cannot_end_before_its_longest_render() -> None:
    cost = _measured(frame_s=10.0)
    running = [TaskLoad(("BG",), frames_left=20, started_s=0.0, first_frame_seen=True)]
    eta = estimate_eta_s(
        cost=cost, layers=["BG"], queued={}, running=running, slots=8, frames_per_launch=20, now=1
    )
    assert eta == pytest.approx(200.0)  # one render of 200 s: eight slots do not shorten it


def test_an_unmeasured_layer_takes_the_measured_layers_frame_time() -> None:
    cost = _measured(frame_s=10.0, startup_s=0.0)
    eta = estimate_eta_s(
        cost=cost,
        layers=["BG", "FX"],
        queued={"FX": 4},
        running=[],
        slots=1,
        frames_per_launch=4,
        now=0.0,
    )
    assert eta == pytest.approx(40.0)


def test_nothing_left_is_zero() -> None:
    eta = estimate_eta_s(
        cost=_measured(),
        layers=["BG"],
        queued={},
        running=[],
        slots=1,
        frames_per_launch=1,
        now=0.0,
    )
    assert eta == 0.0


class _Sink:
    def __init__(self) -> None:
        self.published: list[tuple[JobCounts, float | None]] = []

    def job_progress(self, counts: JobCounts, *, eta_s: float | None, elapsed_s: float) -> None:
        self.published.append((counts, eta_s))


def test_progress_is_due_when_a_frame_is_decided_or_a_second_passed() -> None:
    sink = _Sink()
    reporter = JobProgressReporter(sink, interval_s=1.0)
    assert reporter.due((0, 0), now=0.0)  # the first one
    reporter.publish(JobCounts(0, 0, 10), eta_s=None, elapsed_s=0.0, now=0.0)
    assert not reporter.due((0, 0), now=0.5)
    assert reporter.due((1, 0), now=0.5)  # a frame verified: at once
    assert reporter.due((0, 1), now=0.5)  # a frame failed: at once
    assert reporter.due((0, 0), now=1.0)  # the time left moves
    assert sink.published == [(JobCounts(0, 0, 10), None)]


def test_the_recorder_publishes_job_progress(tmp_path: Path) -> None:
    bus = ev.EventBus()
    seen: list[ev.Event] = []
    bus.subscribe(seen.append)
    JobRecorder("job1", bus, None).job_progress(
        JobCounts(done=3, failed=1, total=10, requeued=2), eta_s=12.345, elapsed_s=4.56789
    )
    (event,) = seen
    assert isinstance(event, ev.JobProgress)
    assert event.to_dict() == {
        "event": "job_progress",
        "job_id": "job1",
        "frames_done": 3,
        "frames_failed": 1,
        "frames_total": 10,
        "frames_requeued": 2,
        "eta_s": 12.3,
        "elapsed_s": 4.568,
    }


def test_a_burst_of_decided_frames_is_published_once_per_gap() -> None:
    reporter = JobProgressReporter(_Sink(), interval_s=1.0, min_gap_s=0.1)
    assert reporter.due((0, 0), now=0.0)
    reporter.publish(JobCounts(0, 0, 10), eta_s=None, elapsed_s=0.0, now=0.0)
    assert not reporter.due((1, 0), now=0.05)  # a frame decided just after: held back
    assert reporter.due((1, 0), now=0.1)  # goes out once the gap has passed
