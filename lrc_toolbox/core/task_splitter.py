"""Carrying out tail splits and the level plan: what free slots take, and from whom.

:mod:`~lrc_toolbox.core.tail_split` and, once every cost is known,
:mod:`~lrc_toolbox.core.rebalance` decide (pure); this part acts on the supervisor's running
tasks, on its thread (:meth:`TaskSplitter.dispatch` is the supervisor's one call). The
mechanism, since a ``Render`` process cannot be told to shorten its range:

* the victim is told the last frame it keeps (:meth:`TaskRun.keep_only_through`), and the frames
  after it go to the work queue as one whole task (:meth:`WorkQueue.hand_over`), which the idle
  slot launches at once, so its start-up overlaps the victim's last kept frames; no attempt is
  counted against the moved frames;
* the victim is stopped (its whole process tree) right after its last kept frame is verified, or
  as soon as it begins a frame it gave away (its last kept frame then failed verification and is
  retried like any missing frame): a frame boundary, never in the middle of a kept frame;
* the user is told with a notice, and the victim's end reason names what it gave and to whom.

Only automatic chunks are split: a ``--chunk-size`` is what the user asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from lrc_toolbox.core.rebalance import rebalance
from lrc_toolbox.core.scheduler import CostModel, TaskLoad, WorkQueue
from lrc_toolbox.core.tail_split import SplitPolicy, candidates_from_loads, plan_splits
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.utils.frame_parser import FrameRun

__all__ = ["RECONSIDER_S", "TaskSplitter"]

#: With slots idle and no cut paying, the split is planned again this often (estimates improve as
#: frames are verified); a slot that has just fallen idle is served at once.
RECONSIDER_S = 0.25


class TaskSplitter:
    """Cuts running tasks for idle slots and stops them at their frame boundary.

    Args:
        queue: The job's work queue (the moved frames go through it).
        cost: The job's cost model (estimates for the split policy).
        fill: Fills free slots from the queue (launches the taker).
        stop: Stops a task's whole process tree (non-blocking).
        can_stop: Whether ``stop`` reaches a task's render (one that is registered with the
            process manager: a render launched here or re-attached after a crash of its
            manager): only those are cut.
        notice: Tells the user something (the job recorder's ``notice``).
        keep_point: Records a victim's keep point (the job recorder's ``task_keeps_through``)
            before its frames are handed over, so a resume after a crash stops it there
            (None: not recorded, for a job without a store).
        policy: When a cut pays.
        idle_count: Free slots that could take a task now (for :meth:`dispatch`).
    """

    def __init__(
        self,
        *,
        queue: WorkQueue,
        cost: CostModel,
        fill: Callable[[], None],
        stop: Callable[[str], object],
        can_stop: Callable[[str], bool],
        notice: Callable[[str], None],
        keep_point: Callable[[str, int], None] | None = None,
        policy: SplitPolicy | None = None,
        idle_count: Callable[[], int] | None = None,
    ) -> None:
        self._queue = queue
        self._cost = cost
        self._fill = fill
        self._stop = stop
        self._can_stop = can_stop
        self._notice = notice
        self._keep_point = keep_point
        self._policy = policy
        self._idle_count = idle_count or (lambda: 0)
        self._idle_seen = 0
        self._planned_at: float | None = None
        self._look_idle_seen = 0
        self._looked_at: float | None = None

    def dispatch(self, running: Mapping[str, TaskRun], *, now: float) -> None:
        """Fill the free slots: from the level plan once every cost is known, else from the
        queue's chunk policy, then with tail splits for slots left idle.

        The plan is looked at when a slot has just fallen idle, else at most every
        :data:`RECONSIDER_S` while one is idle (the loop runs on every note).

        Args:
            running: The running tasks by id (a task launched here is added by ``fill``).
            now: The job clock's monotonic() now.
        """
        idle = self._idle_count()
        newly_idle = idle > self._look_idle_seen
        self._look_idle_seen = idle
        due = newly_idle or self._looked_at is None or now - self._looked_at >= RECONSIDER_S
        if idle and due:
            self._looked_at = now
            decision = rebalance(
                self._queue, self._loads(running), idle_slots=idle, now=now, policy=self._policy
            )
            for cut in decision.cuts:
                self._cut(running, cut.task_id, cut.layer, cut.handed)
        self._fill()
        if not self._queue.directed:
            self.split_for_idle(running, idle_slots=self._idle_count(), now=now)
        # What is idle after filling: a slot that falls idle later is new, even when the count
        # comes back to what it was at the last look.
        self._look_idle_seen = self._idle_count()

    def split_for_idle(
        self, running: Mapping[str, TaskRun], *, idle_slots: int, now: float
    ) -> None:
        """Give idle slots (nothing queued for them) unstarted frames of running tasks, if it pays.

        Args:
            running: The running tasks by id (a task launched here is added by ``fill``).
            idle_slots: Free slots that could take a task now.
            now: The job clock's monotonic() now.
        """
        newly_idle = idle_slots > self._idle_seen
        self._idle_seen = idle_slots
        if not idle_slots or not running or not self._queue.is_empty():
            return
        # The loop runs on every note (renders print a lot): plan again when a slot has just
        # fallen idle, else now and then.
        if (
            not newly_idle
            and self._planned_at is not None
            and now - self._planned_at < RECONSIDER_S
        ):
            return
        self._planned_at = now
        cuts = plan_splits(
            candidates_from_loads(self._loads(running), self._cost, now),
            idle_slots=idle_slots,
            now=now,
            startup_s=self._cost.startup_s(),
            policy=self._policy,
        )
        for cut in cuts:
            self._cut(running, cut.task_id, cut.layer, cut.handed)

    def _loads(self, running: Mapping[str, TaskRun]) -> list[TaskLoad]:
        """The running tasks' loads; those whose render cannot be stopped give nothing away."""
        return [
            task.load() if self._can_stop(task_id) else replace(task.load(), unstarted=None)
            for task_id, task in running.items()
        ]

    def _cut(
        self, running: Mapping[str, TaskRun], task_id: str, layer: str, handed: FrameRun
    ) -> None:
        """Stop ``task_id`` before ``handed``, hand those frames to the next free slot, tell."""
        victim = running[task_id]
        index = victim.spec.run.index_of(handed.start)
        if index is None or index < 1:
            return
        before = set(running)
        victim.keep_only_through(victim.spec.run.frame_at(index - 1), "")
        if self._keep_point is not None and victim.keep_through is not None:
            self._keep_point(victim.task_id, victim.keep_through)
        self._queue.hand_over(layer, handed, victim.spec.attempt)
        self._fill()
        taker = next((running[t] for t in running if t not in before), None)
        where = f"{taker.task_id} on {taker.spec.slot.label}" if taker else "the next free slot"
        frames = handed.to_string()
        what = f"frame {frames}" if len(handed) == 1 else f"frames {frames}"
        victim.handed_over[-1] = f"{what} went to {where}"
        self._notice(
            f"{victim.task_id} stops after frame {victim.keep_through}: "
            f"{victim.handed_over[-1]} (a slot was idle)"
        )

    def stop_at_keep_points(self, running: Mapping[str, TaskRun]) -> None:
        """Stop each split task right after its last kept frame is verified (a frame boundary)."""
        for task in running.values():
            if task.reached_keep_point():
                task.trim_stopping = True
                self._stop(task.task_id)
