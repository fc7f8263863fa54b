"""The supervisor's small helpers: task views, status rows, GPU memory, skip-existing, re-attach."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.core.gpu_leases import LeaseBook
from lrc_toolbox.core.gpu_memory import GpuMemorySampler
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import FrameState, GPUInfo, TaskState
from lrc_toolbox.core.planner import PlannedLayer
from lrc_toolbox.core.reattach import (
    TaskAttachment,
    survivor_notice,
    survivor_slot,
    survivor_spec,
    take_back_survivors,
)
from lrc_toolbox.core.scheduler import CostModel, Slot, TaskSpec
from lrc_toolbox.core.skip_existing import existing_images, learn_naming_from_history
from lrc_toolbox.core.slot_dispatch import SlotDispatcher
from lrc_toolbox.core.status_rows import StatusBoard, status_row
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.core.verification import ImageNaming
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet
from lrc_toolbox.utils.render_subprocess import OUTPUT_MARKER


def _gpu(index: int) -> GPUInfo:
    return GPUInfo(index, f"GPU {index}", 8 << 30, 8 << 30, (8, 6), uuid=f"GPU-{index:08d}")


BG = PlannedLayer("BG", "rs_BG", FrameSet.parse("1-4"))
SLOTS = [Slot(0, _gpu(0)), Slot(1, _gpu(1)), Slot(2, _gpu(0), sub_index=1)]


@dataclass
class FakeProcess:
    """The parts of a RenderProcess the supervisor's helpers read."""

    pid: int | None = 100
    returncode: int | None = None
    last_output_monotonic: float | None = None
    known_descendant_pids: set[int] = field(default_factory=set)


def _task(process: FakeProcess | None = None) -> TaskRun:
    spec = TaskSpec("t0001", ("BG",), FrameRun(1, 4, 1), 2, SLOTS[0])
    task = TaskRun(spec=spec, layers=[BG], log_path=Path("/logs/t.log"), launched_at=100.0)
    task.process = process  # type: ignore[assignment]
    return task


# --------------------------------------------------------------------------------------------------
# TaskRun
# --------------------------------------------------------------------------------------------------
def test_log_growth_is_timed_on_the_job_clock_not_the_process_clock() -> None:
    process = FakeProcess()
    task = _task(process)
    task.observe_output(now=105.0)
    assert task.last_output_at is None  # nothing written yet
    process.last_output_monotonic = 9_999_999.0  # another clock entirely
    task.observe_output(now=106.0)
    task.observe_output(now=140.0)  # no growth since: the time stays
    assert task.last_output_at == 106.0
    process.last_output_monotonic = 10_000_000.0
    task.observe_output(now=141.0)
    assert task.last_output_at == 141.0
    view = task.watchdog_view(gpu_lost_reason=None)
    assert (view.launched_at, view.last_output_at, view.stopping) == (100.0, 141.0, False)


def test_finished_view_carries_what_the_outcome_rules_need() -> None:
    task = _task(FakeProcess(returncode=3))
    task.done[("BG", 1)] = "/o/1.exr"
    task.errors[("BG", 2)] = "Error: x"
    finished = task.finished(
        why_missing={}, naming_known=frozenset(), attempts={("BG", 2): 1}, retries=1
    )
    assert finished.exit_code == 3
    assert finished.keys == (("BG", 1), ("BG", 2), ("BG", 3), ("BG", 4))
    assert finished.verified == frozenset({("BG", 1)})
    assert finished.last_errors == {("BG", 2): "Error: x"}
    assert (
        _task(None)
        .finished(why_missing={}, naming_known=frozenset(), attempts={}, retries=0)
        .exit_code
        is None
    )


def test_load_counts_frames_left() -> None:
    task = _task(FakeProcess())
    task.done[("BG", 1)] = "/o/1.exr"
    work = task.load()
    assert (work.frames_left, work.started_s, work.first_frame_seen) == (3, 100.0, False)


def test_load_says_which_frames_have_not_begun() -> None:
    task = _task(FakeProcess())  # frames 1-4
    assert task.load().unstarted == FrameRun(1, 4)
    task.render_started_at = 101.0
    task.open_frame, task.open_since = ("BG", 2), 105.0
    task.note_begun(2)
    work = task.load()
    assert (work.unstarted, work.frame_started_s, work.task_id) == (FrameRun(3, 4), 105.0, "t0001")
    task.note_begun(4)
    assert task.load().unstarted is None


def test_a_split_task_keeps_a_prefix_and_stops_at_its_keep_point() -> None:
    task = _task(FakeProcess())  # frames 1-4
    task.keep_only_through(2, "frames 3-4 went to t0009 on GPU 1")
    assert task.run == FrameRun(1, 2)
    assert task.frames == (1, 2) and task.key_count == 2
    assert task.keys == [("BG", 1), ("BG", 2)]
    assert task.has_key(("BG", 2)) and not task.has_key(("BG", 3))
    assert not task.reached_keep_point()
    task.done[("BG", 1)] = "/o/1.exr"
    assert not task.reached_keep_point()
    task.done[("BG", 2)] = "/o/2.exr"  # the last kept frame is verified: stop now
    assert task.reached_keep_point()
    finished = task.finished(why_missing={}, naming_known=frozenset(), attempts={}, retries=0)
    assert finished.keys == (("BG", 1), ("BG", 2))
    assert finished.handed_over == "frames 3-4 went to t0009 on GPU 1"
    task.trim_stopping = True
    assert not task.reached_keep_point()  # asked once
    assert task.watchdog_view(gpu_lost_reason=None).stopping


def test_a_split_task_that_went_past_its_keep_point_is_stopped_too() -> None:
    # Its last kept frame failed verification and the render moved on to a frame it gave away.
    task = _task(FakeProcess())
    task.keep_only_through(2, "frames 3-4 went to t0009 on GPU 1")
    task.open_frame = ("BG", 3)
    assert task.reached_keep_point()


# --------------------------------------------------------------------------------------------------
# Status rows
# --------------------------------------------------------------------------------------------------
def test_status_rows_of_running_and_finished_tasks() -> None:
    cost = CostModel()
    running = _task(FakeProcess(pid=42))
    running.done[("BG", 1)] = "/o/1.exr"
    running.current_frame, running.percent = 2, 50.0
    row = status_row(running, now=130.0, running=True, cost=cost)
    assert (row.state, row.elapsed_s, row.frames_done, row.frames_failed) == (
        TaskState.RUNNING,
        30.0,
        1,
        0,
    )
    assert row.eta_s is None  # nothing measured yet: no guess from the priors
    cost.record_frame("BG", 12.0)
    row = status_row(running, now=130.0, running=True, cost=cost)
    assert row.eta_s == 3 * cost.frame_s("BG")  # start-up (30 s prior) already over at 30 s
    cost.record_startup(40.0)
    row = status_row(running, now=130.0, running=True, cost=cost)
    assert row.eta_s == 3 * 12.0 + 10.0  # the first frame has not begun: 10 s of start-up left
    assert (row.pid, row.gpu, row.attempt, row.log_path) == (42, "GPU 0", 2, "/logs/t.log")
    ended = _task(None)
    ended.launch_error = "could not start the render: x"
    row = status_row(ended, now=130.0, running=False, cost=cost)
    assert (row.state, row.elapsed_s, row.eta_s, row.frames_failed, row.pid) == (
        TaskState.FAILED,
        None,
        None,
        4,
        None,
    )
    assert row.reason == "could not start the render: x"
    board = StatusBoard()
    board.refresh(finished=[ended], running=[running], now=130.0, cost=cost)
    assert [r.state for r in board.rows()] == [TaskState.FAILED, TaskState.RUNNING]


# --------------------------------------------------------------------------------------------------
# GPU memory
# --------------------------------------------------------------------------------------------------
class FakeNvml:
    def __init__(self) -> None:
        self.usage: dict[int, int] = {}
        self.asked = 0

    def process_memory(self) -> dict[int, int]:
        self.asked += 1
        return dict(self.usage)


def test_peak_gpu_memory_sums_the_tree_and_keeps_the_peak() -> None:
    nvml = FakeNvml()
    sampler = GpuMemorySampler(nvml, interval_s=2.0)  # type: ignore[arg-type]
    render = FakeProcess(pid=10, known_descendant_pids={11})
    nvml.usage = {10: 100, 11: 900, 99: 5000}  # pid 99 is someone else's
    sampler.sample(0.0, {"t0001": render, "t0002": None})  # type: ignore[dict-item]
    nvml.usage = {11: 200}
    sampler.sample(1.0, {"t0001": render})  # type: ignore[dict-item]  # too soon
    sampler.sample(2.0, {"t0001": render})  # type: ignore[dict-item]
    assert nvml.asked == 2
    assert sampler.take_peak("t0001") == 1000
    assert sampler.take_peak("t0001") == 0  # forgotten once taken
    sampler.sample(10.0, {})
    assert nvml.asked == 2  # nothing running: NVML is not asked


# --------------------------------------------------------------------------------------------------
# Skip existing
# --------------------------------------------------------------------------------------------------
def test_existing_images_are_found_from_the_known_naming() -> None:
    naming = ImageNaming({"BG": ["/o/a.{frame_signed:04d}.exr", "/o/b.{frame_signed:04d}.exr"]})
    on_disk = {"/o/a.0001.exr", "/o/b.0003.exr"}
    found = existing_images(
        [BG, PlannedLayer("FG", "rs_FG", FrameSet.parse("1-2"))],
        naming,
        ok=lambda path: (path in on_disk, ""),
    )
    assert found == {"BG": [(1, "/o/a.0001.exr"), (3, "/o/b.0003.exr")]}


def test_naming_is_learned_from_earlier_jobs_of_the_same_scene(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        for job_id, scene in (("old", "/p/shot.ma"), ("other", "/p/other.ma")):
            store.create_job(
                job_id=job_id,
                scene=scene,
                config={},
                frames={"BG": [1, 2]},
                manager_pid=1,
                manager_create_time=1.0,
            )
            store.set_frames_state(job_id, "BG", [2], FrameState.RENDERING)
            store.set_frames_state(
                job_id, "BG", [2], FrameState.DONE, output_path=f"/{job_id}/BG.0002.exr"
            )
        naming = ImageNaming()
        learn_naming_from_history(store, naming, scene="/p/shot.ma", layers=["BG"], job_id="new")
        assert naming.predict("BG", 7) == ["/old/BG.0007.exr"]
        known = ImageNaming({"BG": ["/maya/BG.{frame_signed:04d}.exr"]})
        learn_naming_from_history(store, known, scene="/p/shot.ma", layers=["BG"], job_id="new")
        assert known.templates("BG") == ["/maya/BG.{frame_signed:04d}.exr"]  # Maya's wins


# --------------------------------------------------------------------------------------------------
# Re-attach
# --------------------------------------------------------------------------------------------------
def _old(slot_index: int | None, gpu: str | None, frames: tuple[int, ...] = (5, 6, 7)):
    return TaskAttachment("t0004", ("BG",), frames, 2, slot_index, gpu, 321, 5.0, "/logs/t4.log")


def test_a_survivor_gets_its_own_slot_back_or_one_of_its_gpu_or_a_stand_alone_one() -> None:
    assert survivor_slot(_old(2, "GPU-00000000"), SLOTS, 0) == SLOTS[2]
    assert survivor_slot(_old(1, "GPU-00000000"), SLOTS, 0) == SLOTS[0]  # same GPU, other slot
    assert survivor_slot(_old(7, None), SLOTS, 0).index == -1
    assert survivor_slot(_old(None, "GPU-gone"), SLOTS, 3) == Slot(-4, None)


def test_a_survivors_spec_and_notice() -> None:
    spec = survivor_spec(_old(0, "GPU-00000000"), SLOTS[0])
    assert (spec.task_id, spec.frames, spec.attempt) == ("t0004", [5, 6, 7], 2)
    gappy = survivor_spec(_old(0, None, frames=(1, 5)), SLOTS[0])
    assert (gappy.run.start, gappy.run.end) == (1, 5)
    old = _old(0, "GPU-00000000")
    assert survivor_notice(old, spec, alive=True) == (
        "re-attached to t0004 (pid 321) still rendering BG 5-7"
    )
    assert survivor_notice(old, spec, alive=False) == (
        "t0004 (pid 321) ended while no manager ran: verifying its images from its log"
    )


def test_a_survivor_is_registered_kept_to_its_keep_point_and_not_timed(tmp_path: Path) -> None:
    """Its process joins the job's process manager (every stop reaches it); it stops after the
    keep point a split recorded; its replayed log teaches the cost model nothing."""
    log = tmp_path / "t4.log"
    log.write_text(f"{OUTPUT_MARKER}\n[Redshift] Rendering frame 5 (1/4)...\n")
    gone = TaskAttachment(
        "t0004", ("BG",), (5, 6, 7, 8), 2, 0, "GPU-00000000", 999_999_999, 5.0, str(log), 6
    )
    running: dict[str, TaskRun] = {}
    registered: dict[str, object] = {}
    lines: list[str] = []
    take_back_survivors(
        [gone],
        slots=SLOTS,
        layers={"BG": BG},
        running=running,
        dispatcher=SlotDispatcher(
            SLOTS,
            job_id="job1",
            leases=LeaseBook(tmp_path / "leases"),
            availability=GPUAvailability(lambda: ([], "")),
            notice=lambda _message: None,
        ),
        now=10.0,
        follow=lambda task_id, layers: lines.append,
        notice=lambda _message: None,
        register=registered.__setitem__,
    )
    task = running["t0004"]
    assert registered == {"t0004": task.process}
    assert task.process is not None and task.process.wait(timeout=10) is not None
    assert lines == ["[Redshift] Rendering frame 5 (1/4)..."]  # its log, replayed
    assert task.keep_through == 6 and task.frames == (5, 6) and not task.timed
