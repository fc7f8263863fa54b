"""The level plan: who does what until the end, once the costs are known (pure arithmetic)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.level_plan import Lane, LevelPlan, Source, plan_level

_EPS = 1e-6


def _moved_from(plan: LevelPlan, origin: tuple[str, int]) -> int:
    """Frames the plan's new tasks take from one origin."""
    return sum(
        piece.frames for lane in plan.lanes for piece in lane.pieces if piece.origin == origin
    )


def test_no_lanes_no_plan() -> None:
    assert plan_level([], [Source("BG", 10, 1.0)], startup_s=1.0) is None


def test_idle_lanes_share_a_layer_evenly() -> None:
    # 8 frames of 1 s on 4 idle slots with a 1 s start-up: 2 frames each, done at 3 s.
    plan = plan_level([Lane(0.0)] * 4, [Source("BG", 8, 1.0)], startup_s=1.0)
    assert plan is not None
    assert plan.end_s == pytest.approx(3.0, abs=1e-3)
    assert [[p.frames for p in lane.pieces] for lane in plan.lanes] == [[2], [2], [2], [2]]
    assert plan.new_tasks == 4


def test_a_running_task_keeps_what_fits_and_only_the_rest_moves() -> None:
    # One task with 10 unstarted frames of 1 s (free from now), one idle slot, start-up 2 s:
    # the balance is 6 kept and 4 moved (both end at 6 s).
    lanes = [Lane(0.0, "BG", 10, 1.0, 1), Lane(0.0)]
    plan = plan_level(lanes, [], startup_s=2.0)
    assert plan is not None
    assert plan.lanes[0].keep == 6 and plan.lanes[0].pieces == ()
    assert [(p.layer, p.frames, p.origin) for p in plan.lanes[1].pieces] == [("BG", 4, ("lane", 0))]
    assert plan.end_s == pytest.approx(6.0, abs=1e-3)


def test_nothing_moves_when_a_new_start_up_costs_more_than_it_saves() -> None:
    lanes = [Lane(0.0, "BG", 3, 1.0, 1), Lane(0.0)]
    plan = plan_level(lanes, [], startup_s=5.0)
    assert plan is not None
    assert plan.lanes[0].keep == 3 and plan.new_tasks == 0
    assert plan.end_s == pytest.approx(3.0)


def test_a_task_that_cannot_give_frames_away_is_only_busy() -> None:
    # A lane without a layer is busy until its free time, whatever the level.
    plan = plan_level([Lane(5.0), Lane(0.0)], [Source("BG", 2, 1.0)], startup_s=1.0)
    assert plan is not None
    assert plan.lanes[0].pieces == () and plan.lanes[0].end_s == pytest.approx(5.0)
    assert [p.frames for p in plan.lanes[1].pieces] == [2]
    assert plan.end_s == pytest.approx(5.0)


def test_coarse_frames_go_first_and_fine_frames_fill_the_last_gaps() -> None:
    sources = [Source("LIGHT", 24, 0.05), Source("HEAVY", 24, 0.25), Source("MID", 24, 0.1)]
    plan = plan_level([Lane(0.0)] * 4, sources, startup_s=0.5)
    assert plan is not None
    for lane in plan.lanes:
        costs = [{"HEAVY": 0.25, "MID": 0.1, "LIGHT": 0.05}[p.layer] for p in lane.pieces]
        assert costs == sorted(costs, reverse=True)
    # The heavy layer is spread over several slots from the start.
    assert sum(1 for lane in plan.lanes if lane.pieces and lane.pieces[0].layer == "HEAVY") >= 2


def test_the_level_is_close_to_the_lower_bound_on_the_issue_job() -> None:
    sources = [Source("M", 24, 0.6), Source("H", 24, 1.5), Source("L", 24, 0.3)]
    startup = 3.3
    plan = plan_level([Lane(0.0)] * 4, sources, startup_s=startup)
    assert plan is not None
    bound = 24 * (0.6 + 1.5 + 0.3) / 4 + startup
    assert bound <= plan.end_s <= 1.12 * bound


@settings(max_examples=150, deadline=None)
@given(
    running=st.lists(
        st.tuples(
            st.floats(0.0, 20.0),  # free at
            st.sampled_from(["A", "B", "C", ""]),
            st.integers(0, 40),
            st.floats(0.05, 5.0),
        ),
        max_size=4,
    ),
    idle=st.integers(0, 4),
    sources=st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", "D"]), st.integers(1, 60)), max_size=4
    ),
    startup=st.floats(0.0, 20.0),
)
def test_property_every_frame_is_planned_once_and_every_lane_ends_by_the_level(
    running: list[tuple[float, str, int, float]],
    idle: int,
    sources: list[tuple[str, int]],
    startup: float,
) -> None:
    cost = {"A": 0.3, "B": 1.7, "C": 4.0, "D": 0.05}
    lanes = [
        Lane(free, layer, unstarted, cost[layer], min(1, unstarted)) if layer else Lane(free)
        for free, layer, unstarted, _ in running
    ] + [Lane(0.0)] * idle
    queued = [Source(layer, frames, cost[layer]) for layer, frames in sources]
    plan = plan_level(lanes, queued, startup_s=startup)
    if not lanes:
        assert plan is None
        return
    assert plan is not None and len(plan.lanes) == len(lanes)
    for index, (lane, planned) in enumerate(zip(lanes, plan.lanes, strict=True)):
        assert planned.end_s <= plan.level_s + 1e-6
        if lane.layer:
            assert lane.min_keep <= planned.keep <= lane.unstarted
            assert planned.keep + _moved_from(plan, ("lane", index)) == lane.unstarted
        for piece in planned.pieces:
            assert piece.frames >= 1
    for index, source in enumerate(queued):
        assert _moved_from(plan, ("source", index)) == source.frames
    # Never below what the work itself needs.
    work = sum(lane.unstarted * lane.frame_s for lane in lanes if lane.layer)
    work += sum(source.frames * source.frame_s for source in queued)
    busy = sum(lane.free_s for lane in lanes)
    assert plan.level_s >= (busy + work) / len(lanes) - 1e-6
