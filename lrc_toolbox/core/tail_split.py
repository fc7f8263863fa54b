"""When a slot falls idle with nothing queued: which running render gives it frames, and how many.

Pure policy (no clock, no processes), shared by the engine, ``--dry-run`` and the simulation
tests. A ``Render`` process cannot be told to shorten its range, but it can be stopped at a frame
boundary: right after its last kept frame is verified, as the next one begins. So a running task
*gives away* the frames it has not started (a suffix of its run) to an idle slot, which renders
them as a new task; nothing verified is lost or repeated, and the moved frames are not counted as
an attempt.

The rules (:func:`plan_splits`):

* every estimate comes from the learned cost model: a task ends when its current frame (or its
  start-up) ends plus its unstarted frames; a new task pays a start-up first. Nothing is cut on a
  guess: only a task whose layer's frame time has been measured, once a start-up has been;
* the target is a *level* ``T``, the earliest time by which every running task could be done if
  the frames above ``T`` were moved to slots with room below it: idle slots, and slots whose task
  ends early enough to take a piece later. Every piece costs its taker a start-up, and a taker may
  take several pieces (several victims), paying a start-up for each. ``T`` is found by bisection
  with a greedy assignment (largest demands first, into the roomiest slot);
* only the pieces assigned to slots idle *now* are cut now (the others are planned again when
  their slot frees, with fresher estimates); several idle slots may cut the same victim, each
  taking the frames before the previous piece;
* a cut must pay: the victim's end must come down by at least ``min_gain_fraction`` of a start-up
  and ``min_gain_frames`` of its frame time, so estimation noise does not buy a start-up for
  nothing; a victim still in its start-up keeps at least one frame (moving all of it would only
  pay the start-up twice).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lrc_toolbox.core.scheduler import CostModel, TaskLoad
from lrc_toolbox.utils.frame_parser import FrameRun

__all__ = ["Split", "SplitCandidate", "SplitPolicy", "candidates_from_loads", "plan_splits"]

#: Bisection steps for the level (the interval shrinks 2**-40: far below a millisecond).
_BISECTION_STEPS = 40


@dataclass(frozen=True)
class SplitPolicy:
    """When cutting a running task pays.

    Attributes:
        min_gain_fraction: The victim's end must come down by at least this fraction of a
            start-up...
        min_gain_frames: ...and by at least this many of its frames.
    """

    min_gain_fraction: float = 0.1
    min_gain_frames: float = 0.5

    def min_gain_s(self, startup_s: float, frame_s: float) -> float:
        """The least gain that justifies a cut."""
        return max(self.min_gain_fraction * startup_s, self.min_gain_frames * frame_s)


@dataclass(frozen=True)
class SplitCandidate:
    """A running task as the split policy sees it.

    Attributes:
        task_id: The task.
        layer: Its layer ("" when it renders several: it then cannot give frames away).
        unstarted: Frames it has not begun yet, in render order, or None.
        frame_s: Estimated seconds per frame.
        free_at_s: When its current frame (or its start-up) ends: its unstarted frames begin then.
        in_startup: It has not begun rendering yet (it keeps at least one frame).
        end_s: Its estimated end when it cannot give frames away (else derived).
    """

    task_id: str
    layer: str
    unstarted: FrameRun | None
    frame_s: float
    free_at_s: float
    in_startup: bool = False
    fixed_end_s: float | None = None

    @property
    def splittable(self) -> bool:
        """True when it has frames it could give away."""
        return bool(self.layer) and self.unstarted is not None and self.fixed_end_s is None

    @property
    def end_s(self) -> float:
        """Its estimated end."""
        if self.fixed_end_s is not None:
            return self.fixed_end_s
        count = len(self.unstarted) if self.unstarted is not None else 0
        return self.free_at_s + count * self.frame_s

    @property
    def min_keep(self) -> int:
        """Unstarted frames it must keep."""
        return 1 if self.in_startup else 0


@dataclass(frozen=True)
class Split:
    """One cut: the victim stops before ``handed`` begins, and ``handed`` goes to an idle slot.

    Attributes:
        task_id: The victim.
        layer: Its layer.
        handed: The frames it gives away: a suffix of its run (of what it keeps after earlier
            cuts); it stops right after the frame before ``handed.start`` is verified.
        victim_end_s: Its estimated end after the cut.
        taker_end_s: The new task's estimated end.
        gain_s: How much earlier the victim's frames are done.
    """

    task_id: str
    layer: str
    handed: FrameRun
    victim_end_s: float
    taker_end_s: float
    gain_s: float


def candidates_from_loads(
    loads: Iterable[TaskLoad], cost: CostModel, now: float, *, known_is_enough: bool = False
) -> list[SplitCandidate]:
    """The running tasks as split candidates, estimated with the learned costs.

    Args:
        loads: The running tasks (:meth:`TaskRun.load` in the engine).
        cost: The job's cost model.
        now: The current time on the loads' clock.
        known_is_enough: A task may give frames away once its costs are known from earlier jobs
            (the level plan); else only once they were measured in this job.
    """
    startup = cost.startup_s()
    result = []
    for load in loads:
        per_frame = sum(cost.frame_s(layer) for layer in load.layers)
        if not load.first_frame_seen:
            free_at = max(now, load.started_s + startup)
        elif load.frame_started_s is not None:
            # An overdue frame is assumed to end soon rather than never.
            free_at = max(now + 0.1 * per_frame, load.frame_started_s + per_frame)
        else:
            free_at = now
        single = len(load.layers) == 1 and load.unstarted is not None
        if known_is_enough:
            measured = cost.is_startup_known() and all(cost.is_known(n) for n in load.layers)
        else:
            measured = cost.is_startup_measured() and all(cost.is_measured(n) for n in load.layers)
        unstarted = load.unstarted if single and measured else None
        if unstarted is not None:
            result.append(
                SplitCandidate(
                    load.task_id,
                    load.layers[0],
                    unstarted,
                    per_frame,
                    free_at,
                    in_startup=not load.first_frame_seen,
                )
            )
        else:
            left = max(0, load.frames_left - (1 if load.frame_started_s is not None else 0))
            result.append(
                SplitCandidate(
                    load.task_id,
                    "",
                    None,
                    per_frame,
                    free_at,
                    fixed_end_s=free_at + left * per_frame,
                )
            )
    return result


@dataclass
class _Piece:
    victim: int
    taker: int
    amount_s: float


def _assign(
    level: float,
    victims: Sequence[SplitCandidate],
    windows: Sequence[float],
    startup_s: float,
) -> list[_Piece] | None:
    """Move every victim's work above ``level`` into the takers' windows, or None if it won't fit.

    Args:
        level: The target end.
        victims: Every task (those ending above ``level`` shed the excess).
        windows: Each taker's room below ``level`` (idle slots first, then early finishers).
        startup_s: What each piece costs its taker first.
    """
    room = list(windows)
    pieces: list[_Piece] = []
    demands = []
    for index, victim in enumerate(victims):
        excess = victim.end_s - level
        if excess <= 1e-9:
            continue
        if not victim.splittable:
            return None
        assert victim.unstarted is not None
        movable = (len(victim.unstarted) - victim.min_keep) * victim.frame_s
        if excess > movable + 1e-9:
            return None
        demands.append((excess, index))
    for excess, index in sorted(demands, reverse=True):
        while excess > 1e-9:
            taker = max(range(len(room)), key=room.__getitem__, default=None)
            if taker is None or room[taker] - startup_s <= 1e-9:
                return None
            take = min(excess, room[taker] - startup_s)
            room[taker] -= startup_s + take
            excess -= take
            pieces.append(_Piece(index, taker, take))
    return pieces


def plan_splits(
    candidates: Sequence[SplitCandidate],
    *,
    idle_slots: int,
    now: float,
    startup_s: float,
    policy: SplitPolicy | None = None,
) -> list[Split]:
    """Decide which running tasks give frames to the idle slots now (see the module rules).

    Args:
        candidates: Every running task (:func:`candidates_from_loads`).
        idle_slots: Slots free now with nothing queued for them.
        now: The current time.
        startup_s: Estimated start-up of a new task.
        policy: The gain thresholds (default :class:`SplitPolicy`).

    Returns:
        At most one cut per idle slot, in the order to apply them.
    """
    policy = policy or SplitPolicy()
    victims = [c for c in candidates if c.end_s > now + startup_s]
    if idle_slots <= 0 or not any(c.splittable for c in victims):
        return []
    top = max(c.end_s for c in victims)
    # Takers: idle slots (room from now), then tasks that end early enough to take a piece later.
    finishers = sorted(c.end_s for c in candidates)

    def windows(level: float) -> list[float]:
        return [level - now] * idle_slots + [level - end for end in finishers if end < level]

    low, high = now + startup_s, top
    if _assign(low, candidates, windows(low), startup_s) is not None:
        high = low
    for _ in range(_BISECTION_STEPS):
        if high - low < 1e-6:
            break
        mid = (low + high) / 2
        if _assign(mid, candidates, windows(mid), startup_s) is None:
            low = mid
        else:
            high = mid
    best = _assign(high, candidates, windows(high), startup_s)
    if not best:
        return []
    return _cuts_for_idle(best, candidates, idle_slots, now, startup_s, policy)


def _cuts_for_idle(
    pieces: list[_Piece],
    candidates: Sequence[SplitCandidate],
    idle_slots: int,
    now: float,
    startup_s: float,
    policy: SplitPolicy,
) -> list[Split]:
    """Turn the pieces assigned to idle slots into whole-frame cuts that pay.

    Pieces are rounded to whole frames cumulatively per victim (the rounding errors of several
    pieces of one task do not add up; halves round up, towards the takers).
    """
    remaining: dict[int, FrameRun | None] = {}
    ends: dict[int, float] = {}
    planned: dict[int, float] = {}  # frames planned away from each victim so far (unrounded)
    moved: dict[int, int] = {}  # frames actually cut from each victim so far
    cuts: list[Split] = []
    taken_by: set[int] = set()
    for piece in sorted(pieces, key=lambda p: -p.amount_s):
        if piece.taker >= idle_slots or piece.taker in taken_by:
            continue  # a later taker, or this idle slot already has its piece
        victim = candidates[piece.victim]
        assert victim.unstarted is not None
        run = remaining.get(piece.victim, victim.unstarted)
        if run is None:
            continue
        end = ends.get(piece.victim, victim.end_s)
        movable = len(run) - victim.min_keep
        if movable <= 0:
            continue
        planned[piece.victim] = planned.get(piece.victim, 0.0) + piece.amount_s / victim.frame_s
        whole = math.floor(planned[piece.victim] + 0.5) - moved.get(piece.victim, 0)
        count = min(max(whole, 1), movable)
        taker_end = now + startup_s + count * victim.frame_s
        gain = end - max(end - count * victim.frame_s, taker_end)
        if gain < policy.min_gain_s(startup_s, victim.frame_s):
            continue
        moved[piece.victim] = moved.get(piece.victim, 0) + count
        kept_count = len(run) - count
        handed = FrameRun(run.frame_at(kept_count), run.end, run.step) if kept_count else run
        kept_run = run.cut(kept_count)[0] if kept_count else None
        remaining[piece.victim] = kept_run
        ends[piece.victim] = end - count * victim.frame_s
        taken_by.add(piece.taker)
        cuts.append(
            Split(
                task_id=victim.task_id,
                layer=victim.layer,
                handed=handed,
                victim_end_s=ends[piece.victim],
                taker_end_s=taker_end,
                gain_s=gain,
            )
        )
    return cuts
