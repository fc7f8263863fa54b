"""Acting on the level plan once every cost is known: what the free slots take and who gives what.

Pure policy (no processes, no clock: callers pass ``now``), shared by the engine
(:class:`~lrc_toolbox.core.task_splitter.TaskSplitter`), ``--dry-run`` and the simulation
(:mod:`~lrc_toolbox.core.schedule_sim`).

Until every layer with work and the start-up are known (measured in this job or timed by earlier
jobs, :mod:`~lrc_toolbox.core.cost_model`), the work queue's chunk policy and the idle-slot tail
split (:mod:`~lrc_toolbox.core.tail_split`) decide. From then on (automatic chunks, one layer per
process, at most :data:`MAX_PLANNED_LAYERS` layers with work) the level plan
(:mod:`~lrc_toolbox.core.level_plan`) decides, planned again at every look with fresh estimates,
and only what is due now is done: a slot idle now takes the first piece the plan gives it, either
queued frames (made *ready* in the queue, which then gives free slots nothing else:
:attr:`WorkQueue.directed`) or the end of a running task's unstarted frames (a cut, made only when
it pays, as in :mod:`~lrc_toolbox.core.tail_split`). What the plan gives busy slots stays queued
(or in its running task) until they free, and is planned again then.

So the first wave of a job whose costs earlier jobs measured is sized from them (the heavy layer
split over several slots from the start, light frames last), and so are the chunks after a layer
is measured: the chunk policy's guesses end there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lrc_toolbox.core.level_plan import Lane, LevelPlan, Source, plan_level
from lrc_toolbox.core.models import RenderMode
from lrc_toolbox.core.scheduler import TaskLoad, WorkQueue
from lrc_toolbox.core.tail_split import SplitCandidate, SplitPolicy, candidates_from_loads
from lrc_toolbox.utils.frame_parser import FrameRun

__all__ = ["MAX_PLANNED_LAYERS", "Cut", "Decision", "plan_applies", "rebalance"]

#: With more layers than this still to render, the chunk policy keeps deciding (the plan costs
#: O(layers) per look, and with that many layers the last gaps fill well anyway).
MAX_PLANNED_LAYERS = 32


@dataclass(frozen=True)
class Cut:
    """A running task stops before ``handed`` and gives those frames away.

    Attributes:
        task_id: The task.
        layer: Its layer.
        handed: A suffix of its unstarted frames, for a slot idle now; it stops right after the
            frame before.
    """

    task_id: str
    layer: str
    handed: FrameRun


@dataclass(frozen=True)
class Decision:
    """What to do now.

    Attributes:
        planned: The level plan decided (else the chunk policy and tail split do, as before).
        cuts: Cuts to make for the idle slots, in order.
        plan: The plan acted on (None when not planned).
    """

    planned: bool
    cuts: tuple[Cut, ...] = ()
    plan: LevelPlan | None = None


def plan_applies(queue: WorkQueue, loads: Sequence[TaskLoad]) -> bool:
    """True when the level plan decides (see the module rules)."""
    cost = queue.cost
    if queue.policy.fixed_size is not None or queue.mode is not RenderMode.SEPARATE:
        return False
    if not cost.is_startup_known() or any(len(load.layers) != 1 for load in loads):
        return False
    layers = queue.queued_layers(MAX_PLANNED_LAYERS)
    if layers is None:
        return False
    layers.update(load.layers[0] for load in loads)
    if len(layers) > MAX_PLANNED_LAYERS:
        return False
    return all(cost.is_known(layer) for layer in layers)


def rebalance(
    queue: WorkQueue,
    loads: Sequence[TaskLoad],
    *,
    idle_slots: int,
    now: float,
    policy: SplitPolicy | None = None,
) -> Decision:
    """Plan the rest of the job and return what to do now (see the module rules).

    Sets ``queue.directed`` (whether the plan decides) and makes ready the queued frames that idle
    slots take now; the caller makes the cuts (stops each victim after the frame before
    ``handed``, hands ``handed`` over) and then fills its free slots.

    Args:
        queue: The job's work queue (its cost model gives the estimates).
        loads: The running tasks.
        idle_slots: Slots free now (they take what the plan gives them).
        now: The current time on the loads' clock.
        policy: The gain thresholds.
    """
    queue.directed = plan_applies(queue, loads)
    if not queue.directed:
        return Decision(planned=False)
    if idle_slots < 1:
        return Decision(planned=True)  # the plan acts only for idle slots: nothing to do now
    policy = policy or SplitPolicy()
    cost = queue.cost
    startup = cost.startup_s()
    candidates = candidates_from_loads(loads, cost, now, known_is_enough=True)
    lanes = [_lane(candidate, now) for candidate in candidates] + [Lane(now)] * idle_slots
    if not lanes:
        return Decision(planned=True)
    queued = queue.sources()
    sources = [Source(item.layer, item.frames, cost.frame_s(item.layer)) for item in queued]
    plan = plan_level(lanes, sources, startup_s=startup)
    if plan is None:
        return Decision(planned=True)
    remaining = {i: c.unstarted for i, c in enumerate(candidates) if c.splittable}
    cuts: list[Cut] = []
    for lane in plan.lanes[len(candidates) :]:
        if not lane.pieces:
            continue
        piece = lane.pieces[0]
        kind, index = piece.origin
        if kind == "source":
            queue.make_ready(queued[index].key, piece.frames)
            continue
        cut = _cut_for_idle(candidates[index], remaining, index, piece.frames, now, startup, policy)
        if cut is not None:
            cuts.append(cut)
    return Decision(planned=True, cuts=tuple(cuts), plan=plan)


def _lane(candidate: SplitCandidate, now: float) -> Lane:
    """A running task as a lane of the plan."""
    if not candidate.splittable or candidate.unstarted is None:
        return Lane(max(candidate.end_s, now))
    return Lane(
        candidate.free_at_s,
        candidate.layer,
        len(candidate.unstarted),
        candidate.frame_s,
        candidate.min_keep,
    )


def _cut_for_idle(
    victim: SplitCandidate,
    remaining: dict[int, FrameRun | None],
    index: int,
    frames: int,
    now: float,
    startup_s: float,
    policy: SplitPolicy,
) -> Cut | None:
    """The end of a running task's unstarted frames for a slot idle now, if the cut pays."""
    run = remaining.get(index)
    if run is None:
        return None
    count = min(frames, len(run) - victim.min_keep)
    if count < 1:
        return None
    end = victim.free_at_s + len(run) * victim.frame_s
    after = end - count * victim.frame_s
    taker_end = now + startup_s + count * victim.frame_s
    if end - max(after, taker_end) < policy.min_gain_s(startup_s, victim.frame_s):
        return None
    kept = len(run) - count
    handed = FrameRun(run.frame_at(kept), run.end, run.step)
    remaining[index] = run.cut(kept)[0] if kept else None
    return Cut(victim.task_id, victim.layer, handed)
