"""Is a GPU free enough to take a render right now? NVML's view, cached for a moment.

A lease (``gpu_leases``) only knows about renders started by this tool. NVML also sees everything
else: another artist's Maya on a shared workstation, a training job, a render started by hand. A
GPU with someone else's big process on it, or with little free memory, is skipped for now and the
reason is shown; it is tried again on the next dispatch.

A GPU that NVML no longer lists at all (fallen off the bus, driver reset, unplugged eGPU) is *lost*,
not busy: :meth:`GPUAvailability.lost_reason` says so, and the job runner stops using its slot
instead of handing it every retry.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection

from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.utils.gpu_utils import GPUQueryError, query_gpus_nvml

GIB = 1024**3
#: Another process using at least this much memory on a GPU makes it busy.
FOREIGN_PROCESS_BYTES = 1 * GIB
#: Less free memory than this makes a GPU busy.
MIN_FREE_BYTES = 1 * GIB
#: NVML is asked at most this often.
CACHE_TTL_S = 2.0


class GPUAvailability:
    """Tells whether a GPU may take a render now.

    Args:
        query: NVML query (injectable for tests); returns (GPUs, driver version).
        clock: Monotonic clock.
        foreign_process_bytes: A foreign process this big makes the GPU busy.
        min_free_bytes: Less free memory than this makes the GPU busy.
    """

    def __init__(
        self,
        query: Callable[[], tuple[list[GPUInfo], str]] = query_gpus_nvml,
        *,
        clock: Callable[[], float] = time.monotonic,
        foreign_process_bytes: int = FOREIGN_PROCESS_BYTES,
        min_free_bytes: int = MIN_FREE_BYTES,
    ) -> None:
        self._query = query
        self._clock = clock
        self._foreign = foreign_process_bytes
        self._min_free = min_free_bytes
        self._cached: list[GPUInfo] | None = None
        self._cached_at = -1e9
        self._available = True

    def _gpus(self) -> list[GPUInfo] | None:
        if not self._available:
            return None
        now = self._clock()
        if self._cached is None or now - self._cached_at > CACHE_TTL_S:
            try:
                self._cached = list(self._query()[0])
            except GPUQueryError:
                self._available = False  # no NVML: leases are all we have
                return None
            self._cached_at = now
        return self._cached

    def lost_reason(self, gpu: GPUInfo | None) -> str | None:
        """Why ``gpu`` is gone from the driver's list, or None while it is there (or unknown).

        Only a GPU known by its UUID can be told lost: indices shift when a GPU disappears, and
        MIG instances are not in NVML's device list. Without NVML there is no opinion.

        Args:
            gpu: The slot's GPU (None: a CPU slot).
        """
        if gpu is None or not gpu.uuid.lower().startswith("gpu-"):
            return None
        gpus = self._gpus()
        if gpus is None:
            return None
        wanted = gpu.uuid.lower()
        if any(g.uuid and g.uuid.lower().startswith(wanted) for g in gpus):
            return None
        broken = [g.unavailable_reason for g in gpus if not g.is_available and g.unavailable_reason]
        detail = f" ({'; '.join(broken)})" if broken else ""
        return (
            f"GPU {gpu.uuid} is no longer reported by the NVIDIA driver (fallen off the bus, "
            f"reset or removed){detail}"
        )

    def process_memory(self) -> dict[int, int]:
        """GPU memory per pid across all GPUs, as NVML sees it now (empty without NVML)."""
        usage: dict[int, int] = {}
        for gpu in self._gpus() or []:
            for process in gpu.processes:
                if process.used_memory is not None:
                    usage[process.pid] = usage.get(process.pid, 0) + process.used_memory
        return usage

    def busy_reason(self, gpu: GPUInfo | None, own_pids: Collection[int]) -> str | None:
        """Why ``gpu`` should not take a render now, or None when it may.

        Args:
            gpu: The slot's GPU (None: a CPU slot, never busy here).
            own_pids: Processes that are ours (this manager and its renders).
        """
        if gpu is None:
            return None
        gpus = self._gpus()
        if not gpus:
            return None
        current = next(
            (
                g
                for g in gpus
                if (gpu.uuid and g.uuid == gpu.uuid)
                or (not gpu.uuid and g.device_id == gpu.device_id)
            ),
            None,
        )
        if current is None:
            return None
        for process in current.processes:
            if process.pid in own_pids or process.used_memory is None:
                continue
            if process.used_memory >= self._foreign:
                return (
                    f"GPU {current.device_id} is busy: another process (pid {process.pid}) "
                    f"uses {process.used_memory / GIB:.1f} GiB"
                )
        if current.memory_total and current.memory_free < self._min_free:
            return (
                f"GPU {current.device_id} is busy: only {current.memory_free / GIB:.1f} GiB "
                "of memory free"
            )
        return None
