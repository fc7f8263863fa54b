"""Hardware as value objects: GPUs, CPUs, the whole machine, and what a job may use of it.

These small frozen dataclasses are what :mod:`lrc_toolbox.utils.gpu_utils` reports and what the
engine (:mod:`lrc_toolbox.core.system_detector`), the CLI, the API and the dialog carry around.
They live in ``utils`` (below ``core``) so the low-level GPU queries can build them without
importing the engine; :mod:`lrc_toolbox.core.models` re-exports them under their old names.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CPUInfo", "GPUInfo", "GPUProcess", "ResourceInfo", "SystemInfo"]


@dataclass(frozen=True)
class GPUProcess:
    """A process that NVML reports as using a GPU."""

    pid: int
    used_memory: int | None  # bytes; None when the driver does not say (e.g. Windows WDDM)


@dataclass(frozen=True)
class GPUInfo:
    """One NVIDIA GPU as NVML (or nvidia-smi) reports it.

    ``device_id`` is the NVML / nvidia-smi index, which follows PCI bus order. It is *not* the
    CUDA ordinal unless ``CUDA_DEVICE_ORDER=PCI_BUS_ID`` is set; pin children by ``uuid`` instead.
    """

    device_id: int
    name: str
    memory_total: int  # bytes
    memory_free: int  # bytes
    compute_capability: tuple[int, int] | None
    is_available: bool = True
    uuid: str = ""
    pci_bus_id: str = ""
    utilization_percent: int | None = None
    processes: tuple[GPUProcess, ...] = ()
    unavailable_reason: str = ""
    display_active: bool | None = None  # drives a display (NVML); None when the driver cannot say

    @property
    def memory_used(self) -> int:
        """Bytes in use (total minus free)."""
        return max(0, self.memory_total - self.memory_free)

    @property
    def cuda_visible_devices_value(self) -> str:
        """The value to put in ``CUDA_VISIBLE_DEVICES`` to pin a child to this GPU."""
        return self.uuid or str(self.device_id)


@dataclass(frozen=True)
class CPUInfo:
    """CPU cores and RAM of this machine."""

    physical_cores: int
    logical_cores: int
    ram_total: int  # bytes
    ram_available: int  # bytes


@dataclass(frozen=True)
class SystemInfo:
    """Everything the detector found, plus why GPUs are missing when they are."""

    gpus: tuple[GPUInfo, ...]
    cpu: CPUInfo
    gpu_source: str  # "nvml", "nvidia-smi" or "none"
    gpu_error: str = ""  # human-readable reason when no GPU could be listed
    driver_version: str = ""
    inside_maya: bool = False

    @property
    def gpu_count(self) -> int:
        """Number of GPUs detected."""
        return len(self.gpus)


@dataclass(frozen=True)
class ResourceInfo:
    """What the render manager may use after the reservation policy and any allow-list."""

    system: SystemInfo
    usable_gpus: tuple[GPUInfo, ...]
    reserved_gpus: tuple[GPUInfo, ...]
    cpu_threads_total: int
    cpu_threads_reserved: int
    notes: tuple[
        str, ...
    ] = ()  # warnings worth showing (unconfirmed GPU ids, skipped busy GPUs...)

    @property
    def cpu_threads_available(self) -> int:
        """Logical CPU threads left for renders."""
        return max(0, self.cpu_threads_total - self.cpu_threads_reserved)
