"""Tests for a layer's queued frames kept as runs (pure data structure, no processes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.pending_frames import PendingRuns
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet


def test_takes_heads_of_the_first_run_and_counts() -> None:
    pending = PendingRuns(FrameSet.parse("1-10,20-22"))
    assert len(pending) == 13
    assert pending.take(4) == FrameRun(1, 4)
    assert pending.take(100) == FrameRun(5, 10)  # never crosses into the next run
    assert pending.first_run() == FrameRun(20, 22)
    assert len(pending) == 3
    assert pending.take(3) == FrameRun(20, 22)
    assert not pending and pending.first_run() is None
    with pytest.raises(IndexError):
        pending.take(1)


def test_frames_coming_back_join_the_run_they_continue() -> None:
    pending = PendingRuns(FrameSet.parse("5-10"))
    pending.add([4])  # a retried frame right before the run: one task again, not two
    assert pending.runs() == [FrameRun(4, 10)]
    pending.add([11, 12])
    assert pending.runs() == [FrameRun(4, 12)]
    pending.add([20])
    assert pending.runs() == [FrameRun(4, 12), FrameRun(20, 20)]
    pending.add([1])
    assert pending.runs() == [FrameRun(1, 1), FrameRun(4, 12), FrameRun(20, 20)]
    assert len(pending) == 11


def test_a_run_and_frames_between_runs_bridge_them() -> None:
    pending = PendingRuns(FrameSet.parse("1-3,7-9"))
    pending.add_run(FrameRun(4, 6))
    assert pending.runs() == [FrameRun(1, 9)]
    stepped = PendingRuns(FrameSet.parse("1-9x2"))  # 1, 3, 5, 7, 9
    stepped.add([11])
    assert stepped.runs() == [FrameRun(1, 11, 2)]


def test_queued_frames_are_never_added_twice() -> None:
    pending = PendingRuns(FrameSet.parse("1-10"))
    pending.add([3, 4, 11])
    pending.add_run(FrameRun(10, 12))
    assert list(pending) == list(range(1, 13))
    assert len(pending) == 12


def test_contains_remove_and_clear() -> None:
    pending = PendingRuns(FrameSet.parse("1-10x3,50"))  # 1, 4, 7, 10, 50
    assert 4 in pending and 50 in pending
    assert 5 not in pending and 51 not in pending and "4" not in pending
    pending.remove([4, 50])
    assert list(pending) == [1, 7, 10]
    assert pending.clear() == [1, 7, 10]
    assert len(pending) == 0 and list(pending) == []


@settings(max_examples=150, deadline=None)
@given(
    start=st.sets(st.integers(-30, 120), max_size=60),
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("take"), st.integers(1, 12)),
            st.tuples(st.just("add"), st.sets(st.integers(-40, 130), max_size=8)),
            st.tuples(st.just("remove"), st.sets(st.integers(-40, 130), max_size=8)),
        ),
        max_size=30,
    ),
)
def test_property_behaves_like_a_sorted_set(
    start: set[int], steps: list[tuple[str, object]]
) -> None:
    pending = PendingRuns(FrameSet(start))
    model = set(start)
    for action, arg in steps:
        if action == "take":
            if not model:
                continue
            run = pending.take(arg)  # type: ignore[arg-type]
            taken = run.frames()
            # The head of the model in order, one constant step, at most ``arg`` frames.
            assert taken == sorted(model)[: len(taken)]
            assert 1 <= len(taken) <= arg  # type: ignore[operator]
            model -= set(taken)
        elif action == "add":
            pending.add(arg)  # type: ignore[arg-type]
            model |= arg  # type: ignore[operator]
        else:
            pending.remove(arg)  # type: ignore[arg-type]
            model -= arg  # type: ignore[operator]
        assert list(pending) == sorted(model)
        assert len(pending) == len(model)
        runs = pending.runs()
        assert all(a.end < b.start for a, b in zip(runs, runs[1:], strict=False))


def test_a_returning_run_does_not_join_a_queued_frame_around_another_returning_one() -> None:
    # Found by the property test: -2,0 (step 2) continues the queued 2, but the returning 1 lies
    # between them; joining them interleaved the runs and handed frames out of order.
    pending = PendingRuns(FrameSet({2}))
    pending.add({-2, 0, 1, 2, 3, 4, 5})
    assert list(pending) == [-2, 0, 1, 2, 3, 4, 5]
    runs = pending.runs()
    assert all(a.end < b.start for a, b in zip(runs, runs[1:], strict=False))
    assert [pending.take(10).frames() for _ in range(len(runs))] == [r.frames() for r in runs]
