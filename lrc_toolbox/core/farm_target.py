"""What a plan for a farm uses in place of this machine's GPUs and CPUs.

A farm export renders on the farm's workers: whether this workstation has a GPU (or which ones it
keeps for Maya) says nothing about them, so a farm plan never probes or requires local GPUs. It
still needs one render slot of the right kind, because the ``Render`` command line is built the
same way as for a local render: a GPU slot makes the profile add its GPU flags (the render's
device 0, which the engines pin to the GPU they reserved), a CPU slot adds none.
"""

from __future__ import annotations

from lrc_toolbox.core.scheduler import Slot
from lrc_toolbox.utils.hardware import CPUInfo, GPUInfo, ResourceInfo, SystemInfo

__all__ = ["FARM_GPU", "farm_resources"]

#: The GPU a farm task gets, as the command line sees it: its device 0 (the engine pins it).
FARM_GPU = GPUInfo(
    device_id=0,
    name="farm worker GPU",
    memory_total=0,
    memory_free=0,
    compute_capability=None,
)


def farm_resources(*, uses_gpu: bool) -> tuple[ResourceInfo, list[Slot]]:
    """Resources and the single render slot of a plan for a farm.

    Args:
        uses_gpu: Whether the renderer needs a GPU.

    Returns:
        Resources that name no local hardware, and one slot: a GPU slot for a GPU renderer, a
        CPU slot otherwise.
    """
    system = SystemInfo(
        gpus=(),
        cpu=CPUInfo(physical_cores=0, logical_cores=0, ram_total=0, ram_available=0),
        gpu_source="none",
        gpu_error="planned for a farm: the workers' GPUs are used, not this machine's",
    )
    resources = ResourceInfo(
        system=system,
        usable_gpus=(FARM_GPU,) if uses_gpu else (),
        reserved_gpus=(),
        cpu_threads_total=0,
        cpu_threads_reserved=0,
    )
    return resources, [Slot(0, FARM_GPU if uses_gpu else None, 0)]
