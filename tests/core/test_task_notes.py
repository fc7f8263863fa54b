"""What a task's notes do to its state (no processes: notes are made by hand, time is simulated)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.job_recorder import JobRecorder
from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.core.planner import PlannedLayer
from lrc_toolbox.core.scheduler import CostModel, Slot, TaskSpec
from lrc_toolbox.core.task_monitor import Note, NoteKind
from lrc_toolbox.core.task_notes import MAX_REASON_CHARS, NoteApplier
from lrc_toolbox.core.task_outcome import FrameKey
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.core.verification import ImageNaming
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet

GPU = GPUInfo(0, "GPU 0", 8 << 30, 8 << 30, (8, 6), uuid="GPU-00000000")
BG = PlannedLayer("BG", "rs_BG", FrameSet.parse("1-3"))
FG = PlannedLayer("FG", "rs_FG", FrameSet.parse("1-3"))


def _task(*layers: PlannedLayer) -> TaskRun:
    chosen = list(layers) or [BG]
    spec = TaskSpec("t0001", tuple(x.name for x in chosen), FrameRun(1, 3, 1), 1, Slot(0, GPU))
    return TaskRun(spec=spec, layers=chosen, log_path=Path("t.log"), launched_at=100.0)


class Harness:
    """A NoteApplier whose verification accepts the frames the test says are on disk."""

    def __init__(self) -> None:
        self.cost = CostModel()
        self.naming = ImageNaming()
        bus = ev.EventBus()
        self.events: list[dict[str, Any]] = []
        bus.subscribe(lambda event: self.events.append(event.to_dict()))
        self.on_disk: set[FrameKey] = set()
        self.verified: list[FrameKey] = []
        self.notes = NoteApplier(
            cost=self.cost,
            naming=self.naming,
            recorder=JobRecorder("job1", bus, None),
            verify=self.verify,
        )

    def verify(self, task: TaskRun, key: FrameKey) -> tuple[bool, str]:
        if key in self.on_disk:
            task.done[key] = f"/o/{key[0]}.{key[1]}.exr"
            self.verified.append(key)
            return True, ""
        return False, "image is empty (0 bytes): x" if task.images.get(key) else ""

    def feed(self, task: TaskRun, kind: str, at: float, **fields: Any) -> None:
        self.notes.emit(Note(task.task_id, NoteKind(kind), at, **fields))
        self.notes.drain_now({task.task_id: task})


def test_the_first_sign_of_rendering_teaches_the_start_up_time() -> None:
    h, task = Harness(), _task()
    h.feed(task, "render_started", 130.0, layer="BG")
    h.feed(task, "render_started", 150.0, layer="BG")
    assert task.render_started_at == 130.0
    assert h.cost.startup_s() == 30.0


def test_a_frame_is_verified_when_the_renderer_moves_on_and_its_time_is_learned() -> None:
    h, task = Harness(), _task()
    h.on_disk = {("BG", 1)}
    h.feed(task, "frame_started", 110.0, layer="BG", frame=1)
    h.feed(task, "image", 118.0, layer="BG", frame=1, path="/o/BG/shot.0001.exr")
    assert h.verified == []  # still open
    h.feed(task, "frame_started", 120.0, layer="BG", frame=2)
    assert h.verified == [("BG", 1)]
    assert h.cost.frame_s("BG") == 10.0
    assert task.last_image_at == 118.0
    assert h.naming.predict("BG", 7) == ["/o/BG/shot.0007.exr"]
    assert (task.current_layer, task.current_frame, task.open_frame) == ("BG", 2, ("BG", 2))


def test_a_bad_reported_image_is_kept_to_explain_the_frame() -> None:
    h, task = Harness(), _task()
    h.feed(task, "image", 110.0, layer="BG", frame=1, path="/o/BG/shot.0001.exr")
    h.feed(task, "frame_finished", 111.0, layer="BG", frame=1)
    assert task.bad == {("BG", 1): "image is empty (0 bytes): x"}
    assert task.open_frame is None


def test_only_the_first_fatal_line_counts() -> None:
    h, task = Harness(), _task()
    h.feed(task, "fatal", 101.0, reason="License error", deterministic=True)
    h.feed(task, "fatal", 102.0, reason="CUDA error", deterministic=False)
    assert (task.fatal_reason, task.fatal_deterministic) == ("License error", True)


def test_error_lines_are_kept_per_frame_and_cut() -> None:
    h, task = Harness(), _task()
    h.feed(task, "error", 101.0, layer="BG", frame=2, reason="E" * 1000)
    h.feed(task, "error", 101.0, layer="BG", frame=None, reason="no frame: dropped")
    assert task.errors == {("BG", 2): "E" * MAX_REASON_CHARS}


def test_progress_is_published_per_whole_percent() -> None:
    h, task = Harness(), _task()
    for percent in (1.0, 1.2, 1.9, 2.0, 2.5, 40.0):
        h.feed(task, "progress", 101.0, layer="BG", frame=1, percent=percent)
    published = [e["percent"] for e in h.events if e["event"] == "progress"]
    assert published == [1.0, 2.0, 40.0]
    assert task.percent == 40.0


def test_notes_of_tasks_not_running_are_dropped() -> None:
    h, task = Harness(), _task()
    h.notes.emit(Note("t0999", NoteKind.FATAL, 1.0, reason="x"))
    h.notes.drain(running={task.task_id: task}, timeout=0.0)
    assert task.fatal_reason is None


def test_a_combined_task_follows_its_layers() -> None:
    h, task = Harness(), _task(BG, FG)
    h.on_disk = {("BG", 3)}
    h.feed(task, "frame_started", 101.0, layer="BG", frame=3)
    h.feed(task, "frame_started", 102.0, layer="FG", frame=1)
    assert h.verified == [("BG", 3)]
    assert task.open_frame == ("FG", 1)


def test_a_split_task_verifies_only_the_frames_it_kept() -> None:
    h, task = Harness(), _task()  # frames 1-3
    task.keep_only_through(2, "frame 3 went to t0002 on GPU 1")
    h.on_disk = {("BG", 1), ("BG", 2), ("BG", 3)}
    h.feed(task, "frame_started", 110.0, layer="BG", frame=1)
    h.feed(task, "frame_started", 120.0, layer="BG", frame=2)
    assert task.begun == 2 and not task.reached_keep_point()
    h.feed(task, "frame_finished", 130.0, layer="BG", frame=2)
    assert h.verified == [("BG", 1), ("BG", 2)]
    assert task.reached_keep_point()  # right after its last kept frame: the supervisor stops it
    # Had it gone on, the frame it gave away would not be verified here (its taker verifies it).
    h.feed(task, "frame_started", 131.0, layer="BG", frame=3)
    h.feed(task, "frame_finished", 140.0, layer="BG", frame=3)
    assert h.verified == [("BG", 1), ("BG", 2)]


def test_a_re_attached_render_teaches_the_cost_model_nothing() -> None:
    """Its log is replayed from the start in a burst: those times are not the render's."""
    h, task = Harness(), _task()
    task.timed = False
    h.on_disk = {("BG", 1), ("BG", 2)}
    h.feed(task, "render_started", 100.001, layer="BG")
    h.feed(task, "frame_started", 100.002, layer="BG", frame=1)
    h.feed(task, "frame_started", 100.003, layer="BG", frame=2)
    h.feed(task, "frame_finished", 100.004, layer="BG", frame=2)
    assert h.verified == [("BG", 1), ("BG", 2)]  # verified as any frame
    assert task.render_started_at == 100.001  # the watchdog still sees it rendering
    assert not h.cost.is_startup_measured() and not h.cost.is_measured("BG")
