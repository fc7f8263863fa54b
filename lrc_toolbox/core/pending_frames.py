"""One layer's queued frames as sorted runs: carving a task costs the same at frame 1 and 100,000.

The work queue hands out contiguous runs from the front of each layer, thousands of times for a
big job, and takes frames back now and then (retries, frames handed over from a stopped render).
A :class:`~lrc_toolbox.utils.frame_parser.FrameSet` rebuilt on every carve makes that quadratic;
:class:`PendingRuns` keeps the runs themselves instead:

* taking the head of the first run is O(1) (the runs are stored last-first, so the first run is
  the list's tail);
* putting frames back is O(k log r) for k frames in r runs: each returning run is inserted at its
  place and merged with a neighbour it continues (so a requeued frame next to its old run goes out
  in one task again);
* the frame count is kept, never recounted.

Frames are expected to come back only when they are not queued (the queue's own bookkeeping); a
frame that is already queued is ignored, so nothing is ever handed out twice. A returning run that
would straddle queued frames (a stepped run around them) makes the runs be rebuilt, O(n) (rare).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator

from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet

__all__ = ["PendingRuns"]


class PendingRuns:
    """The queued frames of one layer, as disjoint runs in frame order.

    Args:
        frames: The frames queued at first.
    """

    __slots__ = ("_count", "_runs", "_starts")

    def __init__(self, frames: FrameSet | Iterable[int] = ()) -> None:
        self._runs: list[FrameRun] = []
        self._starts: list[int] = []
        self._count = 0
        self._reset(FrameSet(frames).runs())

    def __len__(self) -> int:
        """Number of queued frames."""
        return self._count

    def __bool__(self) -> bool:
        """True while a frame is queued."""
        return self._count > 0

    def __contains__(self, frame: object) -> bool:
        """Whether ``frame`` is queued (O(log r))."""
        return isinstance(frame, int) and self._contains(frame)

    def __iter__(self) -> Iterator[int]:
        """The queued frames, ascending."""
        return itertools.chain.from_iterable(
            range(run.start, run.end + 1, run.step) for run in reversed(self._runs)
        )

    def runs(self) -> list[FrameRun]:
        """The runs, in frame order (a copy)."""
        return self._runs[::-1]

    def as_frameset(self) -> FrameSet:
        """The queued frames as a :class:`FrameSet` (O(n): for reports, not for carving)."""
        return FrameSet(self)

    def first_run(self) -> FrameRun | None:
        """The run the next task is carved from, or None when nothing is queued."""
        return self._runs[-1] if self._runs else None

    def take(self, count: int) -> FrameRun:
        """Remove and return the first ``count`` frames of the first run (all of it if shorter).

        Raises:
            IndexError: Nothing is queued.
            ValueError: ``count < 1``.
        """
        if not self._runs:
            raise IndexError("no frame is queued")
        head, rest = self._runs[-1].cut(count)
        if rest is None:
            self._runs.pop()
            self._starts.pop()
        else:
            self._runs[-1] = rest
            self._starts[-1] = -rest.start
        self._count -= len(head)
        return head

    def add(self, frames: Iterable[int]) -> None:
        """Queue frames again (already queued ones are ignored)."""
        incoming = FrameSet(frames)
        if not incoming:
            return
        fresh = [frame for frame in incoming if not self._contains(frame)]
        if len(fresh) != len(incoming):
            incoming = FrameSet(fresh)
        runs = incoming.runs()
        if any(self._spans_queued(run) for run in runs):
            # A returning run would straddle queued frames (a stepped run around them): rebuild
            # the runs from all the frames (rare: O(n)).
            self._reset(FrameSet(itertools.chain(self, incoming)).runs())
            return
        if len(runs) == 1:
            self._insert(runs[0])
            return
        # Several returning runs: a run must not join a queued neighbour across a gap that holds
        # another returning run's frames (-2,0 joining a queued 2 around a returning 1 would
        # interleave the runs and break their order).
        returning = list(incoming)
        for run in runs:
            self._insert(run, returning)

    def add_run(self, run: FrameRun) -> None:
        """Queue a whole run again (already queued frames are ignored)."""
        if self._spans_queued(run):
            self.add(run.frames())
            return
        self._insert(run)

    def remove(self, frames: Iterable[int]) -> None:
        """Take frames out of the queue wherever they are (rare: O(n))."""
        drop = FrameSet(frames)
        if not drop:
            return
        self._reset(self.as_frameset().difference(drop).runs())

    def clear(self) -> list[int]:
        """Empty the queue; return what was in it, ascending."""
        frames = list(self)
        self._reset([])
        return frames

    # -- internals --------------------------------------------------------------------------------
    def _reset(self, runs: list[FrameRun]) -> None:
        """Hold exactly ``runs`` (in frame order, disjoint)."""
        # Last run first: the run handed out next is at the end, where list.pop() is O(1).
        self._runs = runs[::-1]
        self._starts = [-run.start for run in self._runs]  # ascending, for bisect
        self._count = sum(len(run) for run in runs)

    def _index_before(self, frame: int) -> int:
        """Index (in the last-first list) of the run starting at or before ``frame``, or -1."""
        # _starts holds -start ascending; runs starting at or before frame have -start >= -frame.
        return bisect.bisect_left(self._starts, -frame) if self._runs else -1

    def _spans_queued(self, run: FrameRun) -> bool:
        """Whether a queued run overlaps the span ``run.start..run.end``."""
        index = self._index_before(run.end)
        return 0 <= index < len(self._runs) and self._runs[index].end >= run.start

    def _contains(self, frame: int) -> bool:
        index = self._index_before(frame)
        if index < 0 or index >= len(self._runs):
            return False
        return self._runs[index].index_of(frame) is not None

    def _insert(self, run: FrameRun, returning: list[int] | None = None) -> None:
        """Insert a run whose span holds no queued frame, merging with a neighbour it extends.

        Args:
            run: The returning run.
            returning: Every frame coming back in the same call, ascending (None: only ``run``):
                no join may span one of them.
        """
        self._count += len(run)
        position = bisect.bisect_left(self._starts, -run.start)
        # In the last-first list, the run before ``run`` in frame order is at ``position`` and
        # the one after it at ``position - 1``.
        before = self._runs[position] if position < len(self._runs) else None
        after = self._runs[position - 1] if position > 0 else None
        if before is not None and _continues(before, run, returning):
            run = _join(before, run)
            del self._runs[position]
            del self._starts[position]
            position = bisect.bisect_left(self._starts, -run.start)
            after = self._runs[position - 1] if position > 0 else None
        if after is not None and _continues(run, after, returning):
            run = _join(run, after)
            del self._runs[position - 1]
            del self._starts[position - 1]
            position -= 1
        self._runs.insert(position, run)
        self._starts.insert(position, -run.start)


def _step_between(first: FrameRun, second: FrameRun) -> int | None:
    """The step that would join two runs (``first`` ends before ``second`` starts), or None."""
    gap = second.start - first.end
    if gap <= 0:
        return None
    steps = {run.step for run in (first, second) if len(run) > 1}
    if len(steps) > 1:
        return None
    step = steps.pop() if steps else gap
    return step if gap == step else None


def _continues(first: FrameRun, second: FrameRun, returning: list[int] | None = None) -> bool:
    """Whether ``second`` continues ``first`` by one step, with no returning frame in between."""
    if _step_between(first, second) is None:
        return False
    if returning is None:
        return True
    # Any returning frame strictly between the two runs would end up inside the joined span.
    index = bisect.bisect_right(returning, first.end)
    return index >= len(returning) or returning[index] >= second.start


def _join(first: FrameRun, second: FrameRun) -> FrameRun:
    step = _step_between(first, second)
    assert step is not None
    return FrameRun(first.start, second.end, step)
