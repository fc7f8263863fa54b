"""A discrete-event simulation of a job: the real work queue and split policy against modelled renders.

No clock, no processes: renders are modelled (a start-up, then frames of known cost), and the
scheduler sees them the way the engine does: it learns the start-up when the first frame begins
and a frame's time when it ends, it carves tasks from the :class:`~lrc_toolbox.core.scheduler.
WorkQueue` when slots free up, and it cuts running tasks for idle slots with
:func:`~lrc_toolbox.core.tail_split.plan_splits`; once every cost is known the level plan decides
(:func:`~lrc_toolbox.core.rebalance.rebalance`), looked at again whenever a slot is free.
``--dry-run`` shows its tasks (every frame costing the assumed time); the tests and the benchmark
measure its makespan against the lower bound.

It scales with tasks, not frames: a task's frame times are a closed form when its layer's frames
all cost the same (a prefix sum otherwise), and the cost model is taught on a doubling schedule (the
1st, 2nd, 4th... frame of each task), which is what its median of recent samples needs.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lrc_toolbox.core.rebalance import Cut, rebalance
from lrc_toolbox.core.scheduler import Slot, TaskLoad, TaskSpec, WorkQueue
from lrc_toolbox.core.tail_split import Split, SplitPolicy, candidates_from_loads, plan_splits
from lrc_toolbox.utils.frame_parser import FrameRun

__all__ = ["SimResult", "SimTask", "simulate"]

#: Frame cost of (layer, frame) in seconds, when frames of a layer differ.
FrameCost = Callable[[str, int], float]


@dataclass
class SimTask:
    """One modelled render.

    Attributes:
        spec: The task as carved.
        launched_s: Launch time.
        startup_s: Its start-up (launch to the first frame).
        kept: The frames it renders (its run, shortened when frames were handed away).
        end_s: When it ends.
        handed_to: Tasks that took frames from it.
    """

    spec: TaskSpec
    launched_s: float
    startup_s: float
    kept: FrameRun
    end_s: float = 0.0
    handed_to: list[str] = field(default_factory=list)
    _offsets: list[float] | None = None  # frame end offsets after the start-up (varying costs)
    _frame_s: float = 0.0  # the cost of every frame (uniform costs)
    _version: int = 0

    @property
    def render_start_s(self) -> float:
        """When its first frame begins."""
        return self.launched_s + self.startup_s

    def frame_end_s(self, index: int) -> float:
        """When its frame number ``index`` (0-based in its run) ends."""
        if self._offsets is None:
            return self.render_start_s + (index + 1) * self._frame_s
        return self.render_start_s + self._offsets[index]

    def frames_begun_by(self, now: float) -> int:
        """How many of its frames have begun by ``now`` (the current one included)."""
        if now < self.render_start_s:
            return 0
        elapsed = now - self.render_start_s
        if self._offsets is None:
            done = int(elapsed // self._frame_s) if self._frame_s > 0 else len(self.kept)
        else:
            done = bisect.bisect_right(self._offsets, elapsed)
        return min(done + 1, len(self.kept))

    def load(self, now: float) -> TaskLoad:
        """What the scheduler knows about it at ``now``."""
        begun = self.frames_begun_by(now)
        seen = now >= self.render_start_s
        frame_started = None
        if seen and begun:
            frame_started = self.render_start_s if begun == 1 else self.frame_end_s(begun - 2)
        unstarted = (
            FrameRun(self.kept.frame_at(begun), self.kept.end, self.kept.step)
            if (begun < len(self.kept))
            else None
        )
        done = 0 if not begun else begun - 1 if now < self.frame_end_s(begun - 1) else begun
        return TaskLoad(
            layers=self.spec.layers,
            frames_left=len(self.kept) - done,
            started_s=self.launched_s,
            first_frame_seen=seen,
            task_id=self.spec.task_id,
            unstarted=unstarted if len(self.spec.layers) == 1 else None,
            frame_started_s=frame_started,
        )


@dataclass(frozen=True)
class SimResult:
    """What a simulated job did.

    Attributes:
        tasks: Every task, in launch order.
        makespan_s: When the last one ended.
    """

    tasks: list[SimTask]
    makespan_s: float

    @property
    def splits(self) -> int:
        """How many times a running task gave frames away."""
        return sum(len(task.handed_to) for task in self.tasks)


def simulate(
    queue: WorkQueue,
    slots: Sequence[Slot],
    *,
    startup_s: float,
    layer_frame_s: Mapping[str, float] | None = None,
    frame_cost: FrameCost | None = None,
    split_policy: SplitPolicy | None = None,
    split: bool = True,
    launch_gap_s: float = 0.0,
) -> SimResult:
    """Run a job to its end against modelled renders.

    Args:
        queue: The job's work queue (its cost model learns as the renders go).
        slots: The job's slots.
        startup_s: Every render's start-up (launch to first frame).
        layer_frame_s: Seconds per frame of each layer (uniform within a layer)...
        frame_cost: ...or the seconds of each (layer, frame).
        split_policy: When cutting a running task pays (default :class:`SplitPolicy`).
        split: Cut running tasks for idle slots at all.
        launch_gap_s: Delay between a slot freeing and its next launch (the manager's own).

    Returns:
        The tasks and the makespan.

    Raises:
        ValueError: Neither (or both) of ``layer_frame_s`` and ``frame_cost`` given.
    """
    if (layer_frame_s is None) == (frame_cost is None):
        raise ValueError("give either layer_frame_s or frame_cost")
    cost = queue.cost
    free: list[Slot] = sorted(slots, key=lambda s: s.index)
    running: dict[int, SimTask] = {}
    by_id: dict[str, SimTask] = {}
    tasks: list[SimTask] = []
    events: list[tuple[float, int, str, SimTask, int, int]] = []
    seq = itertools.count()
    now = 0.0

    def per_frame(layers: tuple[str, ...]) -> float | None:
        if layer_frame_s is None:
            return None
        return sum(layer_frame_s[name] for name in layers)

    def schedule(task: SimTask) -> None:
        """(Re)plan a task's events from now on (a cut voids the old ones)."""
        task._version += 1
        count = len(task.kept)
        task.end_s = task.frame_end_s(count - 1) if count else task.render_start_s
        push = heapq.heappush
        if task.render_start_s >= now:
            push(events, (task.render_start_s, next(seq), "startup", task, task._version, 0))
        index = 0
        while index < count:  # learning samples: the 1st, 2nd, 4th... frame
            if task.frame_end_s(index) >= now:
                push(
                    events,
                    (task.frame_end_s(index), next(seq), "frame", task, task._version, index),
                )
            index = index * 2 + 1
        push(events, (task.end_s, next(seq), "end", task, task._version, 0))

    def launch(slot: Slot, spec: TaskSpec) -> None:
        uniform = per_frame(spec.layers)
        task = SimTask(spec, now + launch_gap_s, startup_s, spec.run)
        if uniform is not None:
            task._frame_s = uniform
        else:
            assert frame_cost is not None
            task._offsets = list(
                itertools.accumulate(
                    sum(frame_cost(name, frame) for name in spec.layers)
                    for frame in spec.run.frames()
                )
            )
        running[slot.index] = task
        by_id[spec.task_id] = task
        tasks.append(task)
        schedule(task)

    def fill() -> None:
        while free and not queue.is_empty():
            slot = free.pop(0)
            loads = [task.load(now) for task in running.values()]
            spec = queue.next_task(slot, running=loads, slot_count=len(slots), now=now)
            if spec is None:
                free.insert(0, slot)
                return
            launch(slot, spec)

    def cut_task(task: SimTask, handed: FrameRun) -> None:
        index = task.kept.index_of(handed.start)
        assert index is not None and index >= 1
        task.kept = task.kept.cut(index)[0]
        schedule(task)

    def look() -> bool:
        """Let the level plan decide, when it applies; True when it did."""
        if not split or not free:
            return False  # the plan acts only for idle slots (as in the engine)
        loads = [task.load(now) for task in running.values()]
        decision = rebalance(queue, loads, idle_slots=len(free), now=now, policy=split_policy)
        if not decision.planned:
            return False
        carry_out(decision.cuts)
        fill()
        return True

    def carry_out(cuts: Sequence[Cut] | Sequence[Split]) -> None:
        """Hand each cut's frames to the queue, launch the taker, shorten the victim."""
        for cut in cuts:
            victim = by_id[cut.task_id]
            queue.hand_over(cut.layer, cut.handed, victim.spec.attempt)
            before = len(tasks)
            fill()
            victim.handed_to.extend(task.spec.task_id for task in tasks[before:])
            cut_task(victim, cut.handed)

    def steal() -> None:
        loads = [task.load(now) for task in running.values()]
        cuts = plan_splits(
            candidates_from_loads(loads, cost, now),
            idle_slots=len(free),
            now=now,
            startup_s=cost.startup_s(),
            policy=split_policy,
        )
        carry_out(cuts)

    while True:
        if not look():
            fill()
            if split and free and queue.is_empty() and running:
                steal()
        if not events:
            break
        when, _, kind, task, version, index = heapq.heappop(events)
        if version != task._version:
            continue  # the task was cut: its old events are void
        now = max(now, when)
        if kind == "startup":
            cost.record_startup(task.startup_s)
        elif kind == "frame":
            start = task.render_start_s if index == 0 else task.frame_end_s(index - 1)
            cost.record_frame(task.spec.layers[0], (when - start) / len(task.spec.layers))
        else:
            slot = task.spec.slot
            if running.get(slot.index) is task:
                del running[slot.index]
                bisect.insort(free, slot, key=lambda s: s.index)
    return SimResult(tasks, max((task.end_s for task in tasks), default=0.0))
