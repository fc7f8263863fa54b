"""Tests for the work queue and the automatic chunk policy (pure logic, simulated time)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core import schedule_sim
from lrc_toolbox.core.models import GPUInfo, RenderMode
from lrc_toolbox.core.scheduler import (
    ChunkPolicy,
    CostModel,
    Slot,
    WorkQueue,
    build_slots,
    lower_bound_s,
)
from lrc_toolbox.utils.frame_parser import FrameSet


def _gpu(index: int) -> GPUInfo:
    return GPUInfo(index, f"GPU {index}", 8 << 30, 8 << 30, (8, 6), uuid=f"GPU-{index:08d}")


def test_slots_spread_over_gpus_first() -> None:
    slots = build_slots([_gpu(0), _gpu(1)], 2, uses_gpu=True)
    assert [(s.gpu.device_id, s.sub_index) for s in slots] == [(0, 0), (1, 0), (0, 1), (1, 1)]
    assert slots[0].cuda_device == "GPU-00000000"
    assert slots[2].label == "GPU 0 #2"


def test_cpu_slots_and_bad_counts() -> None:
    assert [s.label for s in build_slots([], 1, uses_gpu=False, cpu_slots=2)] == [
        "CPU #1",
        "CPU #2",
    ]
    with pytest.raises(ValueError, match="at least 1"):
        build_slots([_gpu(0)], 0, uses_gpu=True)


def test_fixed_chunk_size_cuts_contiguous_runs() -> None:
    queue = WorkQueue({"BG": FrameSet(range(1, 11))}, policy=ChunkPolicy(fixed_size=4))
    slot = Slot(0, _gpu(0))
    runs = []
    while (task := queue.next_task(slot, slot_count=1)) is not None:
        runs.append(task.run.to_string())
    assert runs == ["1-4", "5-8", "9-10"]


def test_non_contiguous_frames_never_share_a_task() -> None:
    queue = WorkQueue({"BG": FrameSet.parse("1-3,10,20-22")}, policy=ChunkPolicy(fixed_size=50))
    slot = Slot(0, _gpu(0))
    tasks = []
    while (task := queue.next_task(slot, slot_count=1)) is not None:
        tasks.append(task.frames)
    assert tasks == [[1, 2, 3], [10], [20, 21, 22]]


@settings(max_examples=60, deadline=None)
@given(
    frames=st.lists(st.integers(-50, 300), min_size=1, max_size=120),
    chunk=st.one_of(st.none(), st.integers(1, 30)),
    slots=st.integers(1, 6),
)
def test_every_frame_is_handed_out_exactly_once(frames, chunk, slots) -> None:
    wanted = FrameSet(frames)
    queue = WorkQueue({"A": wanted, "B": wanted}, policy=ChunkPolicy(fixed_size=chunk))
    got: dict[str, list[int]] = {"A": [], "B": []}
    while not queue.is_empty():
        task = queue.next_task(Slot(0, _gpu(0)), slot_count=slots)
        assert task is not None
        assert len(task.layers) == 1
        got[task.layers[0]].extend(task.frames)
    for layer in got:
        assert sorted(got[layer]) == list(wanted)


def test_retries_requeue_only_missing_frames_until_spent() -> None:
    queue = WorkQueue({"BG": FrameSet(range(1, 5))}, policy=ChunkPolicy(fixed_size=4), retries=1)
    slot = Slot(0, _gpu(0))
    first = queue.next_task(slot, slot_count=1)
    assert first is not None and first.attempt == 1
    requeued, failed = queue.requeue_missing("BG", [3], retryable=True, reason="crash")
    assert (requeued, failed) == ([3], [])
    retry = queue.next_task(slot, slot_count=1)
    assert retry is not None and retry.frames == [3] and retry.attempt == 2
    requeued, failed = queue.requeue_missing("BG", [3], retryable=True, reason="crash")
    assert (requeued, failed) == ([], [3])
    assert queue.is_empty()


def test_deterministic_failures_are_not_retried() -> None:
    queue = WorkQueue({"BG": FrameSet(range(1, 9))}, policy=ChunkPolicy(fixed_size=4), retries=5)
    queue.next_task(Slot(0, _gpu(0)), slot_count=1)
    requeued, failed = queue.requeue_missing("BG", [1, 2], retryable=False, reason="licence")
    assert requeued == [] and failed == [1, 2]
    assert queue.drop_layer("BG", "licence") == [5, 6, 7, 8]
    assert queue.is_empty()


def test_combined_mode_renders_common_frames_of_all_layers_together() -> None:
    frames = FrameSet(range(1, 7))
    queue = WorkQueue(
        {"BG": frames, "FX": frames},
        mode=RenderMode.COMBINED,
        policy=ChunkPolicy(fixed_size=3),
    )
    slot = Slot(0, _gpu(0))
    first = queue.next_task(slot, slot_count=1)
    assert first is not None and first.layers == ("BG", "FX") and first.frames == [1, 2, 3]
    queue.next_task(slot, slot_count=1)
    queue.requeue_missing("FX", [2], retryable=True, reason="crash")
    retry = queue.next_task(slot, slot_count=1)
    assert retry is not None and retry.layers == ("FX",) and retry.frames == [2]


def test_heavy_layer_goes_first_once_measured() -> None:
    cost = CostModel(startup_prior_s=1, frame_prior_s=1)
    cost.record_frame("CHAR", 5.0)
    cost.record_frame("BG", 1.0)
    queue = WorkQueue({"BG": FrameSet(range(1, 21)), "CHAR": FrameSet(range(1, 11))}, cost=cost)
    task = queue.next_task(Slot(0, _gpu(0)), slot_count=4)
    assert task is not None and task.layers == ("CHAR",)


def test_policy_keeps_startup_small_and_finishes_together() -> None:
    policy = ChunkPolicy(max_startup_fraction=0.1)
    # Lots of work left: the chunk is big enough that start-up is <= 10% of it.
    n = policy.chunk_frames(
        available=500, frame_s=1.0, startup_s=3.0, layer_measured=True, balanced_s=400.0
    )
    assert 27 <= n <= 200
    # The end: only a little balanced time is left, so the chunk shrinks to finish together.
    n = policy.chunk_frames(
        available=500, frame_s=1.0, startup_s=3.0, layer_measured=True, balanced_s=6.0
    )
    assert n == 6
    # An unmeasured layer gets a modest first chunk, not a guess-sized one.
    n = policy.chunk_frames(
        available=500, frame_s=30.0, startup_s=30.0, layer_measured=False, balanced_s=4000.0
    )
    assert n == 9


# --------------------------------------------------------------------------------------------------
# Discrete-event simulation: the scheduling goal in simulated time (no wall clock involved)
# --------------------------------------------------------------------------------------------------
def simulate(
    layer_costs: dict[str, tuple[int, float]], slots: int, startup: float, policy: ChunkPolicy
) -> float:
    """Run the real WorkQueue (and tail splits) against simulated renders; return the makespan."""
    queue = WorkQueue(
        {name: FrameSet(range(1, n + 1)) for name, (n, _) in layer_costs.items()},
        policy=policy,
        cost=CostModel(),  # production priors: the policy has to learn the real costs
        retries=0,
    )
    result = schedule_sim.simulate(
        queue,
        build_slots([_gpu(i) for i in range(slots)], 1, uses_gpu=True),
        startup_s=startup,
        layer_frame_s={name: cost for name, (_, cost) in layer_costs.items()},
        split=policy.fixed_size is None,
    )
    return result.makespan_s


BENCH_JOB = {"BG": (40, 1.0), "CHAR": (40, 3.0), "FX": (40, 0.5), "ATMOS": (40, 0.5)}


def _ratio(policy: ChunkPolicy, startup: float) -> float:
    bound = lower_bound_s({k: [c] * n for k, (n, c) in BENCH_JOB.items()}, 4, startup)
    return simulate(BENCH_JOB, 4, startup, policy) / bound


@pytest.mark.parametrize("startup", [1.0, 2.0, 3.0])
def test_auto_policy_meets_the_goal_in_simulation(startup: float) -> None:
    assert _ratio(ChunkPolicy(), startup) <= 1.2


def test_one_process_per_layer_is_far_from_the_bound() -> None:
    assert _ratio(ChunkPolicy(fixed_size=10_000), 2.0) >= 1.8


def test_requeued_frames_counts_only_retried_frames_still_queued() -> None:
    queue = WorkQueue({"A": FrameSet(range(1, 101))}, policy=ChunkPolicy(fixed_size=10), retries=2)
    slot = Slot(0, None, 0)
    spec = queue.next_task(slot, slot_count=1)
    assert spec is not None and queue.requeued_frames() == 0
    queue.requeue_missing("A", spec.frames[:3], retryable=True, reason="missing")
    assert queue.requeued_frames() == 3
    assert queue.queued_counts() == {"A": 93}
    queue.next_task(slot, slot_count=1)  # the retried frames go first (lowest frames)
    assert queue.requeued_frames() == 0
