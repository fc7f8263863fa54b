"""Carrying out a tail split on the supervisor's tasks (no process: tasks and time are made up)."""

from __future__ import annotations

from pathlib import Path

from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.core.planner import PlannedLayer
from lrc_toolbox.core.scheduler import ChunkPolicy, CostModel, Slot, TaskSpec, WorkQueue
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.core.task_splitter import RECONSIDER_S, TaskSplitter
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet

GPU = GPUInfo(0, "GPU 0", 8 << 30, 8 << 30, (8, 6), uuid="GPU-0")
CHAR = PlannedLayer("CHAR", "rs_CHAR", FrameSet.parse("1-24"))


class Harness:
    """A splitter over one long running CHAR task (frames 1-24, 1 s each, start-up 2 s)."""

    def __init__(self, *, stoppable: bool = True, attempt: int = 1) -> None:
        self.cost = CostModel()
        self.cost.record_startup(2.0)
        self.cost.record_frame("CHAR", 1.0)
        self.queue = WorkQueue(
            {"CHAR": FrameSet(())}, policy=ChunkPolicy(), cost=self.cost, first_task_number=2
        )
        spec = TaskSpec("t0001", ("CHAR",), FrameRun(1, 24), attempt, Slot(0, GPU))
        self.victim = TaskRun(spec=spec, layers=[CHAR], log_path=Path("t.log"), launched_at=0.0)
        self.victim.render_started_at = 2.0
        self.victim.open_frame, self.victim.open_since = ("CHAR", 5), 6.0
        self.victim.note_begun(5)
        self.running: dict[str, TaskRun] = {"t0001": self.victim}
        self.launched: list[TaskSpec] = []
        self.stopped: list[str] = []
        self.notices: list[str] = []
        self.splitter = TaskSplitter(
            queue=self.queue,
            cost=self.cost,
            fill=self.fill,
            stop=self.stopped.append,
            can_stop=lambda task_id: stoppable,
            notice=self.notices.append,
        )

    def fill(self) -> None:
        spec = self.queue.next_task(Slot(1, GPU), slot_count=2)
        if spec is not None:
            self.launched.append(spec)
            self.running[spec.task_id] = TaskRun(
                spec=spec, layers=[CHAR], log_path=Path("u.log"), launched_at=6.5
            )


def test_an_idle_slot_takes_the_end_of_the_running_task() -> None:
    h = Harness()
    h.splitter.split_for_idle(h.running, idle_slots=1, now=6.5)
    # Frame 5 ends at 7; 19 frames after it. Kept 6..k ends 7 + (k - 5); the taker starts at
    # 6.5 + 2 and renders the rest: balanced around k = 15.
    (taker,) = h.launched
    assert taker.layers == ("CHAR",) and taker.run.end == 24 and taker.attempt == 1
    assert h.victim.keep_through == taker.run.start - 1
    assert 14 <= h.victim.keep_through <= 16
    assert h.victim.run == FrameRun(1, h.victim.keep_through)
    handed = f"frames {taker.run.to_string()} went to {taker.task_id} on GPU 0"
    assert h.victim.handed_over == [handed]
    assert h.notices == [
        f"t0001 stops after frame {h.victim.keep_through}: {handed} (a slot was idle)"
    ]
    # Nothing is stopped yet: the victim stops right after its last kept frame is verified.
    h.splitter.stop_at_keep_points(h.running)
    assert h.stopped == []
    h.victim.done[("CHAR", h.victim.keep_through)] = "/o/x.exr"
    h.splitter.stop_at_keep_points(h.running)
    h.splitter.stop_at_keep_points(h.running)
    assert h.stopped == ["t0001"] and h.victim.trim_stopping


def test_a_retry_is_cut_like_a_first_attempt_and_its_taker_keeps_the_attempt() -> None:
    # Issue 16: "apply the same to retries". A retry (attempt 2) running alone at the end of a
    # job gives its unstarted frames to an idle slot; moving them is not another attempt.
    h = Harness(attempt=2)
    h.splitter.split_for_idle(h.running, idle_slots=1, now=6.5)
    (taker,) = h.launched
    assert taker.attempt == 2 and taker.run.end == 24
    assert h.victim.keep_through == taker.run.start - 1


def test_a_render_that_cannot_be_stopped_is_not_cut() -> None:
    h = Harness(stoppable=False)
    h.splitter.split_for_idle(h.running, idle_slots=1, now=6.5)
    assert h.launched == [] and h.victim.keep_through is None


def test_planning_again_waits_unless_a_slot_has_just_fallen_idle() -> None:
    h = Harness()
    h.victim.open_frame, h.victim.open_since = ("CHAR", 23), 26.0  # too late to cut: one left
    h.victim.note_begun(23)
    h.splitter.split_for_idle(h.running, idle_slots=1, now=26.5)
    assert h.launched == []
    # Frame 21 again (a made-up rewind: the estimate changed): not looked at before the interval...
    h.victim.begun = 5
    h.victim.open_frame, h.victim.open_since = ("CHAR", 5), 26.4
    h.splitter.split_for_idle(h.running, idle_slots=1, now=26.5 + RECONSIDER_S / 2)
    assert h.launched == []
    # ...but at once when another slot falls idle.
    h.splitter.split_for_idle(h.running, idle_slots=2, now=26.5 + RECONSIDER_S / 2)
    assert h.launched


def test_the_keep_point_is_recorded_before_the_frames_are_handed_over() -> None:
    """A manager that dies between the split and the victim's stop leaves the keep point stored."""
    h = Harness()
    steps: list[tuple[object, ...]] = []

    def fill() -> None:
        steps.append(("taker launched", len(h.running)))
        h.fill()

    h.splitter = TaskSplitter(
        queue=h.queue,
        cost=h.cost,
        fill=fill,
        stop=h.stopped.append,
        can_stop=lambda task_id: True,
        notice=h.notices.append,
        keep_point=lambda task_id, frame: steps.append(("keep point", task_id, frame)),
    )
    h.splitter.split_for_idle(h.running, idle_slots=1, now=6.5)
    assert h.victim.keep_through is not None
    assert steps == [("keep point", "t0001", h.victim.keep_through), ("taker launched", 1)]


def test_dispatch_lets_the_level_plan_cut_once_every_cost_is_known() -> None:
    """Start-up and CHAR are measured: the level plan decides, the cut is carried out the same."""
    h = Harness()
    kept: list[tuple[str, int]] = []
    h.splitter = TaskSplitter(
        queue=h.queue,
        cost=h.cost,
        fill=h.fill,
        stop=h.stopped.append,
        can_stop=lambda task_id: True,
        notice=h.notices.append,
        keep_point=lambda task_id, frame: kept.append((task_id, frame)),
        idle_count=lambda: 0 if h.launched else 1,
    )
    h.splitter.dispatch(h.running, now=6.5)
    assert h.queue.directed  # the plan decides: free slots take only what it made ready
    (taker,) = h.launched
    assert taker.run.end == 24 and h.victim.keep_through == taker.run.start - 1
    assert 14 <= h.victim.keep_through <= 16  # the same balance as the tail split finds
    assert kept == [("t0001", h.victim.keep_through)]
    assert h.notices and "(a slot was idle)" in h.notices[0]
    # No slot idle: nothing more is looked at or launched.
    h.splitter.dispatch(h.running, now=7.0)
    assert len(h.launched) == 1


def test_dispatch_without_known_costs_fills_from_the_chunk_policy() -> None:
    h = Harness()
    h.queue = WorkQueue({"CHAR": FrameSet.parse("30-40")}, cost=CostModel(), first_task_number=2)
    h.splitter = TaskSplitter(
        queue=h.queue,
        cost=h.queue.cost,
        fill=h.fill,
        stop=h.stopped.append,
        can_stop=lambda task_id: True,
        notice=h.notices.append,
        idle_count=lambda: 0 if h.launched else 1,
    )
    h.splitter.dispatch(h.running, now=6.5)
    assert not h.queue.directed
    assert h.launched and h.launched[0].run.start == 30 and h.victim.keep_through is None
