"""The machine as the System Resources panel shows it: GPUs, CPUs and RAM, after the reservation.

Detection is the engine's :class:`~lrc_toolbox.core.system_detector.SystemDetector` (NVML, with
nvidia-smi as fallback); the GPU choice typed in the dialog is applied on top. A choice that does
not fit the machine (a GPU index that does not exist) is a note on the result, never an error: the
panel keeps showing every GPU and says what is wrong with the choice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lrc_toolbox.core.models import ResourceInfo
from lrc_toolbox.core.system_detector import GPUSelectionError, SystemDetector

__all__ = ["MachineModel"]


class MachineModel:
    """Asks the detector what a job would get (worker thread: NVML may take a moment).

    Args:
        detector: The engine's detector.
    """

    def __init__(self, detector: SystemDetector) -> None:
        self._detector = detector

    def resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        gpu_count: int | None = None,
    ) -> ResourceInfo:
        """Detect the machine now and apply the GPU choice.

        Args:
            gpus: Explicit GPU allow-list as typed, or None.
            reserve_gpus: GPUs kept for the interactive session, or None for the policy.
            gpu_count: Use at most this many GPUs, or None for all usable.

        Returns:
            What a job would get; a bad choice is reported in ``notes``.
        """
        system = self._detector.detect()
        try:
            return self._detector.get_available_resources(
                gpus=list(gpus) if gpus else None,
                reserve_gpus=reserve_gpus,
                gpu_count=gpu_count,
                system=system,
            )
        except (GPUSelectionError, ValueError) as exc:
            base = self._detector.get_available_resources(system=system)
            return dataclasses.replace(base, notes=(*base.notes, f"GPU choice: {exc}"))
