"""Peak GPU memory of each running render, sampled through NVML for the job history.

A render's memory is the sum over its process and every descendant seen so far (``Render`` is a
launcher: the GPU is used by its child). Sampling happens at most every
:data:`GPU_SAMPLE_INTERVAL_S`; without NVML nothing is recorded (the history shows no figure).
"""

from __future__ import annotations

from collections.abc import Mapping

from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.utils.render_subprocess import RenderProcess

#: How often running renders' GPU memory is sampled through NVML (history: peak per task).
GPU_SAMPLE_INTERVAL_S = 2.0


class GpuMemorySampler:
    """Keeps the peak GPU memory per task id.

    Args:
        availability: NVML's view (per-process memory).
        interval_s: Seconds between samples.
    """

    def __init__(
        self, availability: GPUAvailability, *, interval_s: float = GPU_SAMPLE_INTERVAL_S
    ) -> None:
        self._availability = availability
        self._interval_s = interval_s
        self._next_at = 0.0
        self._peaks: dict[str, int] = {}

    def sample(self, now: float, processes: Mapping[str, RenderProcess | None]) -> None:
        """Sample the running renders when a sample is due.

        Args:
            now: The job clock's monotonic() now.
            processes: Every running task's render (None: not launched).
        """
        if now < self._next_at or not processes:
            return
        self._next_at = now + self._interval_s
        usage = self._availability.process_memory()
        if not usage:
            return
        for task_id, process in processes.items():
            if process is None or not process.pid:
                continue
            pids = {process.pid, *process.known_descendant_pids}
            used = sum(usage.get(pid, 0) for pid in pids)
            self._peaks[task_id] = max(self._peaks.get(task_id, 0), used)

    def take_peak(self, task_id: str) -> int:
        """The task's peak in bytes (0: never measured), forgotten afterwards."""
        return self._peaks.pop(task_id, 0)


__all__ = ["GPU_SAMPLE_INTERVAL_S", "GpuMemorySampler"]
