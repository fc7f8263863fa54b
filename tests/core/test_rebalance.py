"""Acting on the level plan: what idle slots take and which running task gives frames (pure)."""

from __future__ import annotations

from lrc_toolbox.core.cost_model import CostHistory, CostModel
from lrc_toolbox.core.models import GPUInfo, RenderMode
from lrc_toolbox.core.rebalance import MAX_PLANNED_LAYERS, plan_applies, rebalance
from lrc_toolbox.core.scheduler import ChunkPolicy, Slot, TaskLoad, WorkQueue, build_slots
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet

COSTS = {"M": 0.6, "H": 1.5, "L": 0.3}
STARTUP_S = 3.3


def _slots(count: int) -> list[Slot]:
    gpus = [
        GPUInfo(i, f"GPU {i}", 8 << 30, 8 << 30, (8, 6), uuid=f"GPU-{i:08d}") for i in range(count)
    ]
    return build_slots(gpus, 1, uses_gpu=True)


def _queue(
    history: CostHistory | None,
    *,
    policy: ChunkPolicy | None = None,
    mode: RenderMode = RenderMode.SEPARATE,
    layers: tuple[str, ...] = ("M", "H", "L"),
) -> WorkQueue:
    return WorkQueue(
        {name: FrameSet(range(1, 25)) for name in layers},
        mode=mode,
        policy=policy,
        cost=CostModel(history=history),
        retries=0,
    )


def _history(layers: tuple[str, ...] = ("M", "H", "L")) -> CostHistory:
    return CostHistory(startup_s=STARTUP_S, frame_s={n: COSTS[n] for n in layers}, jobs=1)


def test_the_plan_applies_only_once_every_cost_is_known() -> None:
    assert not plan_applies(_queue(None), [])  # nothing known: the chunk policy decides
    assert not plan_applies(_queue(_history(("M", "H"))), [])  # L unknown
    assert not plan_applies(_queue(CostHistory(frame_s=dict(COSTS), jobs=1)), [])  # start-up
    assert plan_applies(_queue(_history()), [])
    # The user's chunk size and combined renders are left alone.
    assert not plan_applies(_queue(_history(), policy=ChunkPolicy(fixed_size=5)), [])
    assert not plan_applies(_queue(_history(), mode=RenderMode.COMBINED), [])
    # A running task of several layers cannot be planned frame by frame.
    both = TaskLoad(("M", "H"), 10, 0.0)
    assert not plan_applies(_queue(_history()), [both])


def test_measuring_in_this_job_makes_the_costs_known_too() -> None:
    cost = CostModel()
    queue = WorkQueue({"BG": FrameSet(range(1, 11))}, cost=cost, retries=0)
    assert not plan_applies(queue, [])
    cost.record_startup(2.0)
    cost.record_frame("BG", 1.0)
    assert plan_applies(queue, [])


def test_unknown_costs_leave_the_queue_to_the_chunk_policy() -> None:
    queue = _queue(None)
    decision = rebalance(queue, [], idle_slots=4, now=0.0)
    assert not decision.planned and decision.cuts == () and not queue.directed
    assert queue.has_launchable()


def test_a_known_first_wave_spreads_the_heavy_layer_and_runs_light_frames_last() -> None:
    queue = _queue(_history())
    decision = rebalance(queue, [], idle_slots=4, now=0.0)
    assert decision.planned and queue.directed and decision.plan is not None
    slots = _slots(4)
    first = [queue.next_task(slot, slot_count=4) for slot in slots]
    assert all(spec is not None for spec in first)
    layers = [spec.layers[0] for spec in first if spec is not None]
    assert layers.count("H") >= 2  # the heavy layer does not run alone on one slot
    assert "L" not in layers  # the lightest frames fill the end
    # Directed: nothing else is given until the plan is looked at again.
    assert queue.next_task(slots[0], slot_count=4) is None
    assert not queue.has_launchable() and not queue.is_empty()
    # Every frame is still accounted for: given out or queued.
    given = {name: 0 for name in COSTS}
    for spec in first:
        assert spec is not None
        given[spec.layers[0]] += len(spec.run)
    for source in queue.sources():
        given[source.layer] += source.frames
    assert given == {name: 24 for name in COSTS}


def test_an_idle_slot_takes_the_end_of_a_running_task_when_that_pays() -> None:
    queue = _queue(_history(("H",)), layers=("H",))
    assert queue.make_ready(("pending", "H"), 24) == 24  # every frame of H in one running task
    spec = queue.next_task(_slots(1)[0], slot_count=2)
    assert spec is not None and spec.run == FrameRun(1, 24)
    load = TaskLoad(("H",), 24, 0.0, True, spec.task_id, FrameRun(2, 24), frame_started_s=STARTUP_S)
    decision = rebalance(queue, [load], idle_slots=1, now=STARTUP_S)
    assert decision.planned and len(decision.cuts) == 1
    (cut,) = decision.cuts
    assert cut.task_id == spec.task_id and cut.layer == "H"
    assert cut.handed.end == 24 and 2 < cut.handed.start <= 24
    # The balance: the victim's kept frames end near the taker's.
    kept = cut.handed.start - 2  # frames 2.. before the handed ones
    victim_end = STARTUP_S + 1.5 * (1 + kept)
    taker_end = STARTUP_S + STARTUP_S + 1.5 * len(cut.handed)
    assert abs(victim_end - taker_end) <= 1.5 + 1e-6


def test_no_cut_when_the_gain_is_below_the_policy() -> None:
    queue = _queue(_history(("H",)), layers=("H",))
    queue.make_ready(("pending", "H"), 24)
    spec = queue.next_task(_slots(1)[0], slot_count=2)
    assert spec is not None
    # Two unstarted frames of 1.5 s against a 3.3 s start-up: moving one gains nothing.
    load = TaskLoad(("H",), 3, 0.0, True, spec.task_id, FrameRun(23, 24), STARTUP_S + 30.0)
    decision = rebalance(queue, [load], idle_slots=1, now=STARTUP_S + 30.0)
    assert decision.planned and decision.cuts == ()


def test_make_ready_cuts_a_handed_run_and_keeps_its_rest_queued() -> None:
    queue = _queue(_history(("H",)), layers=("H",))
    queue.directed = True
    queue.make_ready(("pending", "H"), 24)
    spec = queue.next_task(_slots(1)[0], slot_count=2)
    assert spec is not None
    queue.hand_over("H", FrameRun(11, 24), spec.attempt, ready=False)
    assert not queue.has_launchable()
    (source,) = queue.sources()
    assert source.frames == 14
    assert queue.make_ready(source.key, 4) == 4
    taker = queue.next_task(_slots(1)[0], slot_count=2)
    assert taker is not None and taker.run == FrameRun(11, 14) and taker.attempt == spec.attempt
    assert [s.frames for s in queue.sources()] == [10]
    assert queue.make_ready(("handed", 999), 1) == 0  # gone: nothing


def test_many_layers_are_left_to_the_chunk_policy_without_listing_them_all() -> None:
    many = {f"L{i}": FrameSet(range(1, 4)) for i in range(MAX_PLANNED_LAYERS + 1)}
    history = CostHistory(STARTUP_S, {name: 1.0 for name in many}, 1)
    queue = WorkQueue(many, cost=CostModel(history=history), retries=0)
    assert queue.queued_layers(MAX_PLANNED_LAYERS) is None
    assert not plan_applies(queue, [])
    assert queue.queued_layers(MAX_PLANNED_LAYERS + 1) == set(many)
    # Once few enough are left, the plan decides again.
    for name in list(many)[:2]:
        queue.make_ready(("pending", name), 3)
        assert queue.next_task(_slots(1)[0], slot_count=4) is not None  # given out
    assert plan_applies(queue, [])
