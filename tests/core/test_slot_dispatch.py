"""Filling free slots: leases, busy and lost GPUs, retired slots (fakes at the boundary, no clock)."""

from __future__ import annotations

from collections.abc import Collection

from lrc_toolbox.core.gpu_leases import Lease
from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.core.scheduler import ChunkPolicy, Slot, TaskSpec, WorkQueue
from lrc_toolbox.core.slot_dispatch import BLOCKED_SLOT_RETRY_S, SlotDispatcher
from lrc_toolbox.utils.frame_parser import FrameSet


def _gpu(index: int) -> GPUInfo:
    return GPUInfo(index, f"GPU {index}", 8 << 30, 8 << 30, (8, 6), uuid=f"GPU-{index:08d}")


SLOTS = [Slot(0, _gpu(0)), Slot(1, _gpu(1))]


class FakeLeases:
    """A lease folder in memory: keys held by someone else are refused."""

    def __init__(self, held_elsewhere: Collection[str] = ()) -> None:
        self.held: dict[str, Lease] = {
            key: Lease(key, 999, 1.0, "other-job", "t9", "host", 0.0) for key in held_elsewhere
        }
        self.released: list[str] = []
        self.attached: list[tuple[str, int]] = []

    def acquire(self, key: str, *, job_id: str, task_id: str) -> Lease | None:
        if key in self.held:
            return None
        lease = Lease(key, 1, 1.0, job_id, task_id, "host", 0.0)
        self.held[key] = lease
        return lease

    def read(self, key: str) -> Lease | None:
        return self.held.get(key)

    def release(self, lease: Lease) -> None:
        self.held.pop(lease.slot_key, None)
        self.released.append(lease.slot_key)

    def attach_render(self, lease: Lease, pid: int, create_time: float | None) -> None:
        self.attached.append((lease.slot_key, pid))

    def adopt(self, key: str, **fields: object) -> Lease:
        lease = Lease(key, 1, 1.0, str(fields["job_id"]), str(fields["task_id"]), "host", 0.0)
        self.held[key] = lease
        return lease


class FakeAvailability:
    """NVML's view, set by the test."""

    def __init__(self) -> None:
        self.lost: dict[str, str] = {}
        self.busy: dict[str, str] = {}
        self.asked_busy = 0

    def lost_reason(self, gpu: GPUInfo | None) -> str | None:
        return self.lost.get(gpu.uuid) if gpu is not None else None

    def busy_reason(self, gpu: GPUInfo | None, own_pids: Collection[int]) -> str | None:
        self.asked_busy += 1
        return self.busy.get(gpu.uuid) if gpu is not None else None


class Harness:
    def __init__(self, frames: str = "1-8", held_elsewhere: Collection[str] = ()) -> None:
        self.leases = FakeLeases(held_elsewhere)
        self.nvml = FakeAvailability()
        self.notices: list[str] = []
        self.launched: list[tuple[TaskSpec, Lease]] = []
        self.queue = WorkQueue({"BG": FrameSet.parse(frames)}, policy=ChunkPolicy(fixed_size=2))
        self.slots = SlotDispatcher(
            SLOTS,
            job_id="job1",
            leases=self.leases,  # type: ignore[arg-type]
            availability=self.nvml,  # type: ignore[arg-type]
            notice=self.notices.append,
        )

    def fill(self, now: float) -> None:
        self.slots.fill(
            self.queue,
            now=now,
            slot_count=len(SLOTS),
            task_loads=list,
            own_pids=set,
            launch=lambda spec, lease: self.launched.append((spec, lease)),
        )


def test_free_slots_take_tasks_with_their_leases() -> None:
    h = Harness()
    h.fill(now=0.0)
    assert [(spec.slot.index, spec.frames) for spec, _ in h.launched] == [(0, [1, 2]), (1, [3, 4])]
    assert [lease.task_id for _, lease in h.launched] == ["t0001", "t0002"]
    assert h.slots.free_slots == []
    h.slots.give_back(SLOTS[1], h.launched[1][1])
    h.slots.give_back(SLOTS[0], h.launched[0][1])
    assert h.slots.free_slots == SLOTS  # back in slot order
    assert h.leases.released == ["GPU-00000001.slot0", "GPU-00000000.slot0"]


def test_a_slot_leased_elsewhere_waits_with_one_notice_and_is_asked_again_later() -> None:
    h = Harness(held_elsewhere={"GPU-00000000.slot0"})
    h.fill(now=0.0)
    assert [spec.slot.index for spec, _ in h.launched] == [1]
    assert h.notices == ["waiting: GPU 0 is in use by job other-job (pid 999)"]
    asked = h.nvml.asked_busy
    h.fill(now=BLOCKED_SLOT_RETRY_S / 2)  # too soon: nobody is asked
    assert h.nvml.asked_busy == asked
    h.fill(now=BLOCKED_SLOT_RETRY_S)
    assert h.nvml.asked_busy == asked + 1
    assert len(h.notices) == 1  # the same reason is not repeated
    h.leases.held.clear()
    h.fill(now=2 * BLOCKED_SLOT_RETRY_S)
    assert [spec.slot.index for spec, _ in h.launched] == [1, 0]


def test_a_gpu_busy_with_someone_elses_work_is_skipped() -> None:
    h = Harness()
    h.nvml.busy["GPU-00000000"] = "GPU 0 is busy: another process (pid 7) uses 9.0 GiB"
    h.fill(now=0.0)
    assert [spec.slot.index for spec, _ in h.launched] == [1]
    assert h.notices == ["waiting: GPU 0 is busy: another process (pid 7) uses 9.0 GiB"]
    assert "GPU-00000000.slot0" not in h.leases.held  # no lease taken for a busy GPU


def test_lost_gpus_retire_their_slots_and_then_the_queue_is_a_dead_end() -> None:
    h = Harness()
    h.nvml.lost = {"GPU-00000000": "gone", "GPU-00000001": "gone too"}
    h.fill(now=0.0)
    assert h.launched == []
    assert h.notices == ["GPU 0 is no longer used: gone", "GPU 1 is no longer used: gone too"]
    assert h.slots.free_slots == []
    assert h.slots.dead_end_reason(running=True, queue_empty=False) is None
    assert h.slots.dead_end_reason(running=False, queue_empty=True) is None
    assert h.slots.dead_end_reason(running=False, queue_empty=False) == (
        "not rendered: no usable GPU slot left (gone too)"
    )


def test_one_lost_gpu_is_no_dead_end_while_another_slot_is_left() -> None:
    h = Harness()
    h.nvml.lost = {"GPU-00000000": "gone"}
    h.fill(now=0.0)
    assert [spec.slot.index for spec, _ in h.launched] == [1]
    assert h.slots.dead_end_reason(running=True, queue_empty=False) is None
    h.slots.give_back(SLOTS[1], h.launched[0][1])  # its task ended: the slot is free again
    assert h.slots.dead_end_reason(running=False, queue_empty=False) is None
    assert h.slots.free_slots == [SLOTS[1]]


def test_re_attached_renders_occupy_their_slot_and_stand_alone_slots_never_come_back() -> None:
    h = Harness()
    h.slots.occupy(SLOTS[0])
    lease = h.slots.adopt(SLOTS[0], task_id="t0003", render_pid=55, render_create_time=2.0)
    assert lease.task_id == "t0003"
    assert h.slots.free_slots == [SLOTS[1]]
    stand_alone = Slot(index=-1, gpu=None)
    h.slots.give_back(stand_alone, None)
    assert h.slots.free_slots == [SLOTS[1]]


def test_nothing_is_asked_when_the_queue_is_empty() -> None:
    h = Harness(frames="1-2")
    h.fill(now=0.0)
    asked = h.nvml.asked_busy
    h.fill(now=5.0)
    assert h.nvml.asked_busy == asked and len(h.launched) == 1
