"""Which render slots are free, and filling them: machine-wide leases, busy and lost GPUs.

Rules:

* a free slot takes the next task only with its machine-wide lease
  (:class:`~lrc_toolbox.core.gpu_leases.LeaseBook`) and while NVML does not show its GPU busy with
  someone else's work; a slot that cannot have either is skipped with one ``waiting:`` notice
  (repeated only when the reason changes) and asked again :data:`BLOCKED_SLOT_RETRY_S` later, so
  the lease folder and NVML are not hammered;
* a GPU that NVML no longer lists is *lost*: its slot is retired (never used again) with a notice;
  once no slot is left and nothing runs, the queued frames can never render
  (:meth:`SlotDispatcher.dead_end_reason`);
* a lease names the manager and the render: taken ``pending`` before launch, the render is
  attached once it runs, and a render re-attached after a manager crash has its lease adopted;
* a slot comes back when its task ends (a stand-alone slot of a re-attached render whose GPU is no
  longer among the plan's slots does not).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.core.gpu_leases import Lease, LeaseBook, slot_key
from lrc_toolbox.core.scheduler import Slot, TaskLoad, TaskSpec, WorkQueue

#: A slot busy elsewhere (lease or NVML) is asked again after this long.
BLOCKED_SLOT_RETRY_S = 1.0


class SlotDispatcher:
    """The job's free slots and their leases.

    Args:
        slots: Every slot of the plan (all free at first).
        job_id: The job (named in leases).
        leases: Machine-wide GPU slot leases.
        availability: NVML's view of busy and lost GPUs.
        notice: Tells the user something (the job recorder's ``notice``).
    """

    def __init__(
        self,
        slots: Sequence[Slot],
        *,
        job_id: str,
        leases: LeaseBook,
        availability: GPUAvailability,
        notice: Callable[[str], None],
    ) -> None:
        self._free: list[Slot] = list(slots)
        self._job_id = job_id
        self._leases = leases
        self._availability = availability
        self._notice = notice
        self._slot_notices: dict[int, str] = {}
        self._lost_reason: str | None = None
        self._next_fill_at = 0.0

    @property
    def free_slots(self) -> list[Slot]:
        """The free slots, by index (a copy)."""
        return list(self._free)

    def occupy(self, slot: Slot) -> None:
        """Mark a slot taken outside :meth:`fill` (a re-attached render)."""
        if slot in self._free:
            self._free.remove(slot)

    def adopt(
        self, slot: Slot, *, task_id: str, render_pid: int, render_create_time: float | None
    ) -> Lease:
        """Take over the lease of a surviving render this job re-attached to."""
        return self._leases.adopt(
            slot_key(slot.cuda_device, slot.sub_index),
            job_id=self._job_id,
            task_id=task_id,
            render_pid=render_pid,
            render_create_time=render_create_time,
        )

    def attach_render(self, lease: Lease, pid: int, create_time: float | None) -> None:
        """Record the launched render in its lease (it keeps the GPU if this manager dies)."""
        self._leases.attach_render(lease, pid, create_time)

    def give_back(self, slot: Slot, lease: Lease | None) -> None:
        """A task ended: release its lease and free its slot."""
        if lease is not None:
            self._leases.release(lease)
        if slot.index >= 0:
            self._free.append(slot)
        self._free.sort(key=lambda item: item.index)

    def idle_count(self, now: float) -> int:
        """Free slots that could take a task now (none while a slot was found busy elsewhere)."""
        return 0 if now < self._next_fill_at else len(self._free)

    def dead_end_reason(self, *, running: bool, queue_empty: bool) -> str | None:
        """Why queued frames can never render (every slot lost, nothing running), else None."""
        reason = self._lost_reason
        if reason is None or self._free or running or queue_empty:
            return None
        return f"not rendered: no usable GPU slot left ({reason})"

    def fill(
        self,
        queue: WorkQueue,
        *,
        now: float,
        slot_count: int,
        task_loads: Callable[[], list[TaskLoad]],
        own_pids: Callable[[], set[int]],
        launch: Callable[[TaskSpec, Lease], None],
    ) -> None:
        """Give free slots their next task (see the module rules).

        Args:
            queue: The job's work queue.
            now: The job clock's monotonic() now.
            slot_count: Slots of the plan (for balancing).
            task_loads: The running tasks' work, asked before carving each task (a task
                launched in this call counts for the next).
            own_pids: This manager's and its renders' pids (NVML does not count them as busy).
            launch: Starts a carved task on its slot with its lease.
        """
        if not queue.has_launchable() or not self._free:
            return
        if now < self._next_fill_at:
            return  # slots were busy elsewhere a moment ago: don't hammer the lease folder/NVML
        blocked = False
        for slot in list(self._free):
            if not queue.has_launchable():
                break
            lost = self._availability.lost_reason(slot.gpu)
            if lost is not None:
                self._retire(slot, lost)
                continue
            reason = self._availability.busy_reason(slot.gpu, own_pids())
            lease = None
            if reason is None:
                lease = self._leases.acquire(
                    slot_key(slot.cuda_device, slot.sub_index),
                    job_id=self._job_id,
                    task_id="pending",
                )
                if lease is None:
                    holder = self._leases.read(slot_key(slot.cuda_device, slot.sub_index))
                    who = (
                        f"job {holder.job_id} (pid {holder.owner_pid})" if holder else "another job"
                    )
                    reason = f"{slot.label} is in use by {who}"
            if reason is not None:
                blocked = True
                self._notice_once(slot, reason)
                continue
            assert lease is not None
            spec = queue.next_task(slot, running=task_loads(), slot_count=slot_count, now=now)
            if spec is None:
                self._leases.release(lease)
                return
            lease.task_id = spec.task_id
            self._free.remove(slot)
            self._slot_notices.pop(slot.index, None)
            launch(spec, lease)
        self._next_fill_at = now + (BLOCKED_SLOT_RETRY_S if blocked else 0.0)

    def _retire(self, slot: Slot, reason: str) -> None:
        """Stop using a slot whose GPU is lost."""
        self._free.remove(slot)
        self._lost_reason = reason
        self._notice(f"{slot.label} is no longer used: {reason}")

    def _notice_once(self, slot: Slot, reason: str) -> None:
        if self._slot_notices.get(slot.index) != reason:
            self._slot_notices[slot.index] = reason
            self._notice(f"waiting: {reason}")


__all__ = ["BLOCKED_SLOT_RETRY_S", "SlotDispatcher"]
