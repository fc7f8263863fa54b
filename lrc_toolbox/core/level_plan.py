"""What every slot does from now to the end of the job, once the costs are known: the level plan.

Pure arithmetic on counts and seconds (no frames, no tasks, no clock), shared by the engine,
``--dry-run`` and the simulation through :mod:`~lrc_toolbox.core.rebalance`.

The question: slots (*lanes*) are busy until some time, some of them with a task that could stop
early and give the frames it has not begun to others; frames of some layers are queued; every new
task pays a start-up. What is the earliest level ``T`` by which everything can be done, and who does
what? The level is found by bisection; for a given level a greedy packs the work (whole frames):

* a running task keeps (no new start-up) as many of its unstarted frames as fit under the level;
  only what sticks out above it moves;
* the frames that move and the queued frames go in pieces, each a new task with its start-up,
  **coarse frames first, fine frames last** (the layers in decreasing frame time, as in
  longest-processing-time scheduling), each into the slot with the most room left (largest pieces
  first, so pieces are few and large): the end of the job is then made of the cheapest frames,
  which fill the slots' last gaps closely, where packing a heavy layer last leaves gaps of up to
  one heavy frame on every slot.

(Moving *light* frames out of a running task so that its slot takes heavy frames first can end
a job sooner still, but finding such moves takes more than a greedy; docs/benchmarks.md has the
measured size of that gap on the benchmark job.)

The plan says for every lane how many unstarted frames its task keeps and which pieces (layer,
frame count, origin) follow, in order. The caller decides which of it to act on now (see
:mod:`~lrc_toolbox.core.rebalance`); the rest is planned again later with fresher estimates.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Lane", "LanePlan", "LevelPlan", "Piece", "Source", "plan_level"]

#: Bisection stops when the level is known to this many seconds (far below a frame's time).
_LEVEL_TOLERANCE_S = 1e-4
#: At most this many bisection steps (2**-40 of the first interval).
_MAX_STEPS = 40
#: Slack for floating-point rounding when counting the frames that fit in a room.
_EPS = 1e-9


@dataclass(frozen=True)
class Lane:
    """A slot as the plan sees it.

    Attributes:
        free_s: When it can take on new work if its task keeps none of its unstarted frames (the
            end of its current frame or its start-up; the end of its task when that task cannot
            give frames away; now when it is idle).
        layer: The layer of its task when that task can give frames away, else "".
        unstarted: Frames that task has not begun (it keeps a prefix of them).
        frame_s: Seconds per frame of that task.
        min_keep: Unstarted frames it must keep (one while in its start-up).
    """

    free_s: float
    layer: str = ""
    unstarted: int = 0
    frame_s: float = 0.0
    min_keep: int = 0


@dataclass(frozen=True)
class Source:
    """Queued frames of one layer (one contiguous run, or a layer's pending frames).

    Attributes:
        layer: Their layer.
        frames: How many.
        frame_s: Seconds per frame.
    """

    layer: str
    frames: int
    frame_s: float


@dataclass(frozen=True)
class Piece:
    """A new task in the plan.

    Attributes:
        layer: Its layer.
        frames: How many frames it renders.
        origin: Where its frames come from: ``("lane", i)`` for lane ``i``'s unstarted frames
            beyond what that lane's task keeps, ``("source", i)`` for queued source ``i``.
    """

    layer: str
    frames: int
    origin: tuple[str, int]


@dataclass(frozen=True)
class LanePlan:
    """One lane's part of the plan.

    Attributes:
        keep: Unstarted frames its task keeps (all of them when it gives nothing away).
        pieces: The new tasks it runs after that, in order.
        end_s: When it is done.
    """

    keep: int
    pieces: tuple[Piece, ...]
    end_s: float


@dataclass(frozen=True)
class LevelPlan:
    """Who does what until the end.

    Attributes:
        level_s: The level: every lane is done by then.
        lanes: Per lane, in the order given.
    """

    level_s: float
    lanes: tuple[LanePlan, ...]

    @property
    def end_s(self) -> float:
        """When the last lane is done (at most the level)."""
        return max((lane.end_s for lane in self.lanes), default=0.0)

    @property
    def new_tasks(self) -> int:
        """How many new tasks the plan launches."""
        return sum(len(lane.pieces) for lane in self.lanes)


def plan_level(
    lanes: Sequence[Lane], sources: Sequence[Source], *, startup_s: float
) -> LevelPlan | None:
    """Return the plan with the lowest level the greedy can reach (see the module rules).

    Args:
        lanes: The slots, busy or idle.
        sources: Queued frames.
        startup_s: What every new task pays before its first frame.

    Returns:
        The plan, or None without lanes.
    """
    if not lanes:
        return None
    work = sum(lane.unstarted * lane.frame_s for lane in lanes) + sum(
        source.frames * source.frame_s for source in sources
    )
    floor_s = max(lane.free_s + lane.min_keep * lane.frame_s for lane in lanes)
    busy = sum(lane.free_s for lane in lanes)
    low = max(floor_s, (busy + work) / len(lanes))
    if _pack(low, lanes, sources, startup_s) is not None:
        return _pack(low, lanes, sources, startup_s)
    # Everything on one lane, one start-up per source, always fits: a finite upper end.
    high = max(lane.free_s + lane.unstarted * lane.frame_s for lane in lanes)
    high += sum(startup_s + source.frames * source.frame_s for source in sources)
    high = max(high, low) + startup_s
    best = _pack(high, lanes, sources, startup_s)
    while best is None:  # cannot happen with the bound above; kept finite on bad input
        high = 2 * high + startup_s + 1.0
        best = _pack(high, lanes, sources, startup_s)
    for _ in range(_MAX_STEPS):
        if high - low <= _LEVEL_TOLERANCE_S:
            break
        mid = (low + high) / 2
        plan = _pack(mid, lanes, sources, startup_s)
        if plan is None:
            low = mid
        else:
            high, best = mid, plan
    return best


def _fit(room_s: float, frame_s: float) -> int:
    """Whole frames of ``frame_s`` that fit in ``room_s`` (0 when none)."""
    if room_s <= 0:
        return 0
    if frame_s <= 0:
        return 1 << 62
    return max(0, math.floor(room_s / frame_s + _EPS))


def _pack(
    level: float, lanes: Sequence[Lane], sources: Sequence[Source], startup_s: float
) -> LevelPlan | None:
    """The greedy packing under ``level`` (coarse first), or None when the work does not fit."""
    loads = [lane.free_s + (lane.min_keep * lane.frame_s if lane.layer else 0.0) for lane in lanes]
    if any(load > level + _EPS for load in loads):
        return None
    keeps = [lane.min_keep if lane.layer else lane.unstarted for lane in lanes]
    for index, lane in enumerate(lanes):
        if lane.layer:
            _keep_what_fits(index, lane, level, loads, keeps)
    pieces: list[list[Piece]] = [[] for _ in lanes]
    frame_s: dict[str, float] = {}
    total: dict[str, float] = {}
    for lane in lanes:
        if lane.layer:
            frame_s.setdefault(lane.layer, lane.frame_s)
            total[lane.layer] = total.get(lane.layer, 0.0) + lane.unstarted * lane.frame_s
    for source in sources:
        frame_s.setdefault(source.layer, source.frame_s)
        total[source.layer] = total.get(source.layer, 0.0) + source.frames * source.frame_s
    order = sorted(frame_s, key=lambda name: (-frame_s[name], -total[name], name))
    lanes_of: dict[str, list[int]] = {}
    for index, lane in enumerate(lanes):
        if lane.layer:
            lanes_of.setdefault(lane.layer, []).append(index)
    sources_of: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        sources_of.setdefault(source.layer, []).append(index)
    # A max-heap of rooms (negated), rebuilt per layer: loads only grow, so stale entries are
    # skipped by comparing with the current load.
    for layer in order:
        per_frame = frame_s[layer]
        demands: list[tuple[int, tuple[str, int]]] = []
        for index in lanes_of.get(layer, ()):
            rest = lanes[index].unstarted - keeps[index]
            if rest > 0:
                demands.append((rest, ("lane", index)))
        for index in sources_of.get(layer, ()):
            if sources[index].frames > 0:
                demands.append((sources[index].frames, ("source", index)))
        if not demands:
            continue
        rooms = [(loads[i] - level, i) for i in range(len(lanes))]
        heapq.heapify(rooms)
        for count, origin in sorted(demands, key=lambda d: (-d[0], d[1])):
            left = count
            while left > 0:
                if not rooms:
                    return None
                negative_room, index = heapq.heappop(rooms)
                if abs(-negative_room - (level - loads[index])) > _EPS:
                    continue  # stale
                take = min(left, _fit(level - loads[index] - startup_s, per_frame))
                if take < 1:
                    return None  # the roomiest lane cannot take one more frame: nobody can
                loads[index] += startup_s + take * per_frame
                left -= take
                pieces[index].append(Piece(layer, take, origin))
                heapq.heappush(rooms, (loads[index] - level, index))
    plans = tuple(
        LanePlan(keep=keeps[i], pieces=tuple(pieces[i]), end_s=loads[i]) for i in range(len(lanes))
    )
    return LevelPlan(level_s=level, lanes=plans)


def _keep_what_fits(
    index: int, lane: Lane, level: float, loads: list[float], keeps: list[int]
) -> None:
    """Lane ``index``'s task keeps as many more unstarted frames as fit under ``level``."""
    extra = min(lane.unstarted - keeps[index], _fit(level - loads[index], lane.frame_s))
    if extra > 0:
        keeps[index] += extra
        loads[index] += extra * lane.frame_s
