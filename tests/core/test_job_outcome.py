"""The job's frame tally and its end state (pure)."""

from __future__ import annotations

from lrc_toolbox.core.job_outcome import FrameTally
from lrc_toolbox.core.models import JobState

PLANNED = {"BG": [1, 2, 3], "FG": [1]}


def test_a_done_frame_stays_done_and_a_retry_that_works_clears_the_failure() -> None:
    tally = FrameTally(PLANNED)
    tally.mark_done("BG", 1, "/o/bg.1.exr")
    assert tally.mark_failed("BG", [1, 2], "licence") == [2]  # only 2 is announced
    assert tally.failed["BG"] == {2: "licence"}
    tally.mark_done("BG", 2, "/o/bg.2.exr")
    assert tally.failed["BG"] == {}


def test_a_resumed_tally_starts_from_the_store() -> None:
    tally = FrameTally(PLANNED, done={"BG": {1: "/o/1"}}, failed={"FG": {1: "crash"}})
    result = tally.result(PLANNED, elapsed_s=1.0, error=None, cancel_reason=None)
    assert result.done == {"BG": [1], "FG": []}
    assert result.failed == {"BG": [2, 3], "FG": [1]}
    assert result.reasons[("FG", 1)] == "crash"
    assert result.reasons[("BG", 2)] == "not rendered"


def test_end_states() -> None:
    tally = FrameTally(PLANNED)
    for layer, frames in PLANNED.items():
        for frame in frames:
            tally.mark_done(layer, frame, f"/o/{layer}.{frame}")
    ok = tally.result(PLANNED, elapsed_s=2.0, error=None, cancel_reason=None)
    assert (ok.ok, ok.state, ok.reason, ok.elapsed_s) == (True, JobState.SUCCEEDED, None, 2.0)
    crashed = tally.result(PLANNED, elapsed_s=2.0, error=RuntimeError("x"), cancel_reason=None)
    assert (crashed.ok, crashed.state) == (False, JobState.FAILED)
    assert crashed.reason == "internal error: RuntimeError('x')"
    partial = FrameTally(PLANNED)
    cancelled = partial.result(PLANNED, elapsed_s=0.0, error=None, cancel_reason="user")
    assert (cancelled.state, cancelled.reason) == (JobState.CANCELLED, "user")
    assert partial.result(PLANNED, elapsed_s=0, error=None, cancel_reason=None).state is (
        JobState.FAILED
    )
    # Cancelled after every frame was done: the job still succeeded.
    assert tally.result(PLANNED, elapsed_s=0, error=None, cancel_reason="user").ok
