"""One name for a GPU everywhere in the dialog: its index and model (``GPU 0 · RTX A5000``).

The engine calls a GPU by what it pinned the render to (its UUID, or its PCI-ordered index) and a
slot by its label (``GPU 1``, ``GPU 1 #2`` with two renders on it, ``CPU #1``). History stores the
UUID; Active Renders gets the slot; System Resources gets the detected GPUs. :class:`GpuNames`
learns the machine's GPUs from System Resources and names a GPU the same way in all three: index
and model in the cell, model, UUID and PCI bus in the tooltip. A GPU this machine does not list
(History of another machine's store, a GPU removed since) keeps its index, or the start of its UUID.

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lrc_toolbox.utils.hardware import GPUInfo

__all__ = ["UUID_SHOWN_CHARS", "GpuNames", "short_model"]

#: Characters of an unknown GPU's UUID shown in a cell (``GPU-5f3c9a1…``; the tooltip has it all).
UUID_SHOWN_CHARS: int = 12

_SLOT = re.compile(r"^GPU (?P<index>\d+)(?: #(?P<instance>\d+))?$")


def short_model(name: str) -> str:
    """``NVIDIA RTX A5000`` -> ``RTX A5000``; ``NVIDIA GeForce RTX 4090`` -> ``RTX 4090``."""
    for prefix in ("NVIDIA ", "GeForce "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name.strip()


@dataclass(frozen=True)
class _Known:
    index: int
    model: str
    full_name: str
    uuid: str
    pci: str


class GpuNames:
    """The machine's GPUs by index and UUID, and the one label each gets."""

    def __init__(self) -> None:
        self._by_key: dict[str, _Known] = {}
        self._signature: tuple[tuple[int, str, str], ...] = ()

    def update(self, gpus: Iterable[GPUInfo]) -> bool:
        """Learn the machine's GPUs; True when the names changed (views repaint then)."""
        gpus = list(gpus)
        signature = tuple((gpu.device_id, gpu.name, gpu.uuid) for gpu in gpus)
        if signature == self._signature:
            return False
        self._signature = signature
        self._by_key = {}
        for gpu in gpus:
            known = _Known(gpu.device_id, short_model(gpu.name), gpu.name, gpu.uuid, gpu.pci_bus_id)
            self._by_key[str(gpu.device_id)] = known
            if gpu.uuid:
                self._by_key[gpu.uuid] = known
        return True

    def _find(self, device: str | None, slot: str) -> tuple[_Known | None, str, str]:
        """(what is known, index text, instance text) of a device id and/or a slot label."""
        match = _SLOT.match(slot or "")
        index = match.group("index") if match else ""
        instance = (match.group("instance") or "") if match else ""
        known = self._by_key.get(device or "") or self._by_key.get(index)
        if known is not None:
            index = str(known.index)
        elif device and device.isdigit():
            index = device
        return known, index, instance

    def label(self, device: str | None, slot: str = "", *, compact: bool = False) -> str:
        """The cell text: ``GPU 1 · RTX A5000``, ``GPU 1 · RTX A5000 #2``, ``CPU``.

        Args:
            device: What the render was pinned to (UUID or index), or None (a CPU render).
            slot: The engine's slot label (``GPU 1 #2``, ``CPU #1``), when known.
            compact: Leave the model out (``GPU 1 #2``), for a narrow column: the index still
                names the GPU as everywhere else, and the tooltip has the model.
        """
        if not device and not slot.startswith("GPU"):
            return slot or "CPU"
        known, index, instance = self._find(device, slot)
        if index:
            text = f"GPU {index}"
        else:  # an unknown UUID: its start
            uuid = device or slot
            text = uuid if len(uuid) <= UUID_SHOWN_CHARS else uuid[:UUID_SHOWN_CHARS] + "…"
        if known is not None and not compact:
            text += f" · {known.model}"
        if instance:
            text += f" #{instance}"
        return text

    def tooltip(self, device: str | None, slot: str = "") -> str:
        """The tooltip: model, UUID and PCI bus (what the cell leaves out)."""
        if not device and not slot.startswith("GPU"):
            return "A CPU render (no GPU)"
        known, index, instance = self._find(device, slot)
        lines = []
        if known is not None:
            lines.append(f"GPU {known.index}: {known.full_name}")
            if known.uuid:
                lines.append(f"UUID {known.uuid}")
            if known.pci:
                lines.append(f"PCI {known.pci}")
        else:
            lines.append(f"GPU {index}" if index else "A GPU this machine does not list now")
            if device and not device.isdigit():
                lines.append(f"UUID {device}")
        if instance:
            lines.append(f"render #{instance} on this GPU")
        return "\n".join(lines)
