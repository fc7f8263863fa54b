"""Tests for the tail split policy: which running task gives frames to an idle slot (pure logic)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.scheduler import CostModel, TaskLoad
from lrc_toolbox.core.tail_split import (
    SplitCandidate,
    SplitPolicy,
    candidates_from_loads,
    plan_splits,
)
from lrc_toolbox.utils.frame_parser import FrameRun

_FRAMES = FrameRun(5, 24)


def _victim(
    task_id: str = "t0001",
    frames: FrameRun = _FRAMES,
    frame_s: float = 1.0,
    free_at: float = 10.0,
    *,
    in_startup: bool = False,
) -> SplitCandidate:
    return SplitCandidate(task_id, "CHAR", frames, frame_s, free_at, in_startup=in_startup)


def _finisher(task_id: str, end: float) -> SplitCandidate:
    """A task that cannot give frames away and ends at ``end``."""
    return SplitCandidate(task_id, "", None, 1.0, end, fixed_end_s=end)


def test_nothing_to_do_without_an_idle_slot_or_a_long_task() -> None:
    assert plan_splits([_victim()], idle_slots=0, now=10.0, startup_s=2.0) == []
    # Ends before a new task could even start: nothing gained.
    short = _victim(frames=FrameRun(5, 5), free_at=10.5)
    assert plan_splits([short], idle_slots=1, now=10.0, startup_s=2.0) == []


def test_one_idle_slot_halves_the_remaining_time_around_the_start_up() -> None:
    # 20 unstarted frames of 1 s after the current frame (ends at 10): alone it ends at 30.
    # Split: the victim keeps k frames (ends 10 + k), the taker starts at 10 + 2 s start-up and
    # renders 20 - k: balanced at k = 11 (victim ends 21, taker 21).
    (cut,) = plan_splits([_victim()], idle_slots=1, now=10.0, startup_s=2.0)
    assert cut.task_id == "t0001" and cut.layer == "CHAR"
    assert cut.handed == FrameRun(16, 24)
    assert cut.victim_end_s == pytest.approx(21.0)
    assert cut.taker_end_s == pytest.approx(21.0)
    assert cut.gain_s == pytest.approx(9.0)


def test_several_idle_slots_cut_one_long_task_into_several_pieces() -> None:
    # Three idle slots and 20 s of frames left: a four-way split, the pieces are suffixes, each
    # before the previous one, and nobody ends much later than the others.
    cuts = plan_splits([_victim()], idle_slots=3, now=10.0, startup_s=2.0)
    assert len(cuts) == 3
    handed = [cut.handed for cut in cuts]
    assert handed[0].end == 24
    for later, earlier in zip(handed, handed[1:], strict=False):
        assert earlier.end + 1 == later.start
    kept_end = 10.0 + (handed[-1].start - 5)  # frames 5.. before the last piece
    ends = [kept_end] + [cut.taker_end_s for cut in cuts]
    assert max(ends) - min(ends) <= 1.0 + 1e-9  # within one frame
    assert max(ends) <= 17.0  # (20 frames + 3 start-ups) / 4 slots = 16.5 after now


def test_an_idle_slot_takes_only_its_share_when_another_slot_frees_soon() -> None:
    # Another task ends at 12: it will take a piece too, so the idle slot takes less than half.
    alone = plan_splits([_victim()], idle_slots=1, now=10.0, startup_s=2.0)
    shared = plan_splits(
        [_victim(), _finisher("t0002", 12.0)], idle_slots=1, now=10.0, startup_s=2.0
    )
    assert len(shared) == 1
    assert len(shared[0].handed) < len(alone[0].handed)


def test_one_idle_slot_serves_the_task_that_ends_last_first() -> None:
    early = _victim("t0001", FrameRun(5, 14))  # ends at 20
    late = _victim("t0002", FrameRun(5, 24))  # ends at 30
    (cut,) = plan_splits([early, late], idle_slots=1, now=10.0, startup_s=2.0)
    assert cut.task_id == "t0002"


def test_two_long_tasks_and_one_idle_slot_level_both() -> None:
    # Both end at 30; one taker can take a piece of each (a start-up each): it does not halve
    # the first one and leave the second untouched, it takes only what brings both down to the
    # same level, so it can come back for the other.
    a = _victim("t0001", FrameRun(5, 24))
    b = _victim("t0002", FrameRun(105, 124))
    (cut,) = plan_splits([a, b], idle_slots=1, now=10.0, startup_s=2.0)
    assert len(cut.handed) < 10
    assert cut.victim_end_s < 30.0


def test_a_cut_that_does_not_pay_is_not_made() -> None:
    # Three frames of 1 s left and a 2 s start-up: a taker would end no sooner than the task
    # itself, so nothing moves.
    assert (
        plan_splits([_victim(frames=FrameRun(5, 7))], idle_slots=1, now=10.0, startup_s=2.0) == []
    )
    # Four frames: moving one gains a second (both end at 13 instead of 14)...
    victim = _victim(frames=FrameRun(5, 8))
    (cut,) = plan_splits([victim], idle_slots=1, now=10.0, startup_s=2.0)
    assert cut.handed == FrameRun(8, 8) and cut.gain_s == pytest.approx(1.0)
    # ...unless a cut must gain more than that (0.6 of a start-up: 1.2 s).
    strict = SplitPolicy(min_gain_fraction=0.6)
    assert plan_splits([victim], idle_slots=1, now=10.0, startup_s=2.0, policy=strict) == []


def test_a_task_in_its_start_up_keeps_at_least_one_frame() -> None:
    # Not rendering yet: it still gives frames away, but never all of them.
    victim = _victim(frames=FrameRun(1, 2), frame_s=30.0, free_at=12.0, in_startup=True)
    cuts = plan_splits([victim], idle_slots=3, now=10.0, startup_s=2.0)
    assert sum(len(cut.handed) for cut in cuts) <= 1
    assert all(cut.handed.start >= 2 for cut in cuts)


def test_stepped_runs_are_cut_on_their_step() -> None:
    victim = _victim(frames=FrameRun(5, 43, 2))  # 20 frames: 5, 7 ... 43
    (cut,) = plan_splits([victim], idle_slots=1, now=10.0, startup_s=2.0)
    assert cut.handed.step == 2 and (cut.handed.start - 5) % 2 == 0 and cut.handed.end == 43


def test_candidates_cut_nothing_on_a_guess() -> None:
    cost = CostModel(startup_prior_s=1.0, frame_prior_s=1.0)
    load = TaskLoad(
        ("CHAR",),
        20,
        started_s=0.0,
        first_frame_seen=True,
        task_id="t0001",
        unstarted=FrameRun(5, 24),
        frame_started_s=9.5,
    )
    # Nothing measured yet: the frames cannot move.
    (guess,) = candidates_from_loads([load], cost, now=10.0)
    assert not guess.splittable
    cost.record_startup(1.0)
    cost.record_frame("CHAR", 1.0)
    (known,) = candidates_from_loads([load], cost, now=10.0)
    assert known.splittable
    assert known.free_at_s == pytest.approx(10.5)  # its current frame began at 9.5
    assert known.end_s == pytest.approx(30.5)


def test_candidates_of_tasks_in_start_up_and_of_several_layers() -> None:
    cost = CostModel(startup_prior_s=3.0, frame_prior_s=1.0)
    cost.record_startup(3.0)
    cost.record_frame("CHAR", 1.0)
    cost.record_frame("BG", 1.0)
    starting = TaskLoad(("CHAR",), 10, started_s=9.0, task_id="t1", unstarted=FrameRun(1, 10))
    combined = TaskLoad(("CHAR", "BG"), 10, started_s=9.0, task_id="t2", unstarted=FrameRun(1, 10))
    first, second = candidates_from_loads([starting, combined], cost, now=10.0)
    assert first.in_startup and first.free_at_s == pytest.approx(12.0)
    assert not second.splittable  # one process, two layers: it cannot hand frames of one away
    assert second.end_s == pytest.approx(12.0 + 10 * 2.0)


@settings(max_examples=200, deadline=None)
@given(
    tasks=st.lists(
        st.tuples(
            st.integers(0, 40),  # first unstarted frame
            st.integers(1, 30),  # unstarted frames
            st.integers(1, 3),  # step
            st.floats(0.1, 5.0),  # seconds per frame
            st.floats(0.0, 4.0),  # until its current frame ends
            st.booleans(),  # in start-up
        ),
        min_size=1,
        max_size=6,
    ),
    idle=st.integers(1, 5),
    startup=st.floats(0.1, 10.0),
)
def test_property_cuts_are_disjoint_suffixes_that_pay(
    tasks: list[tuple[int, int, int, float, float, bool]], idle: int, startup: float
) -> None:
    now = 100.0
    candidates = [
        SplitCandidate(
            f"t{i}",
            "L",
            FrameRun(first, first + (count - 1) * step, step),
            frame_s,
            now + until,
            in_startup=starting,
        )
        for i, (first, count, step, frame_s, until, starting) in enumerate(tasks)
    ]
    cuts = plan_splits(candidates, idle_slots=idle, now=now, startup_s=startup)
    assert len(cuts) <= idle
    by_id = {c.task_id: c for c in candidates}
    handed: dict[str, list[int]] = {}
    for cut in cuts:
        victim = by_id[cut.task_id]
        assert victim.unstarted is not None
        frames = cut.handed.frames()
        assert set(frames) <= set(victim.unstarted.frames())
        assert not set(frames) & set(handed.get(cut.task_id, []))
        handed.setdefault(cut.task_id, []).extend(frames)
        assert cut.gain_s >= SplitPolicy().min_gain_s(startup, victim.frame_s) - 1e-9
    for task_id, frames in handed.items():
        unstarted = by_id[task_id].unstarted
        assert unstarted is not None
        all_frames = unstarted.frames()
        # What a task gives away is the end of what it has not started: it keeps a prefix.
        assert sorted(frames) == all_frames[len(all_frames) - len(frames) :]
        if by_id[task_id].in_startup:
            assert len(frames) < len(all_frames)
