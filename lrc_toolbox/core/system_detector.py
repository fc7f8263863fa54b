"""Hardware detection and the GPU/CPU policy: what a batch render may use on this machine.

:mod:`lrc_toolbox.utils.gpu_utils` reports what the driver says. This module decides:

* where the GPU list comes from (NVML, else nvidia-smi, else none, with the reasons);
* what stays with the artist's interactive Maya session (:class:`ReservationPolicy`: inside
  Maya one GPU and a few CPU threads, from a shell nothing), preferring the GPU that drives a
  display;
* how an explicit allow-list (``--gpus 0,1``, UUIDs or UUID prefixes as CUDA accepts them) maps to
  GPUs (:func:`select_gpus`), failing clearly on an id that does not exist.

A machine without an NVIDIA driver is normal: detection then reports 0 GPUs and says why; it never
raises for that.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.models import CPUInfo, GPUInfo, ResourceInfo, SystemInfo
from lrc_toolbox.utils import gpu_utils
from lrc_toolbox.utils.gpu_utils import GPUQueryError

_LOG = logging.getLogger(__name__)

NvmlQuery = Callable[[], "tuple[list[GPUInfo], str]"]
SmiQuery = Callable[[], "list[GPUInfo]"]
CpuQuery = Callable[[], CPUInfo]

#: What ``CUDA_VISIBLE_DEVICES`` accepts besides indices: ``GPU-<uuid>`` (full or a prefix of it)
#: and MIG instances (``MIG-<uuid>`` or the older ``MIG-GPU-<uuid>/<gi>/<ci>``).
_UUID_RE = re.compile(r"^(GPU-[0-9a-f-]+|MIG-[0-9a-z/-]+)$", re.IGNORECASE)


class GPUSelectionError(ValueError):
    """An explicit GPU list names a GPU that does not exist, is ambiguous or is malformed."""


def is_inside_maya() -> bool:
    """Guess whether this Python runs inside Maya, without importing ``maya``.

    Returns:
        True when ``maya.cmds`` is already loaded or the executable is Maya's (``maya``,
        ``maya.bin``, ``mayapy``, ``mayabatch``). ``mayapy`` counts as Maya on purpose: keeping
        resources back there is the safe mistake, and ``reserve_gpus=0`` undoes it.
    """
    if "maya.cmds" in sys.modules:
        return True
    executable = os.path.basename(sys.executable or "").lower()
    return executable.startswith("maya")


@dataclass(frozen=True)
class ReservationPolicy:
    """How many GPUs and CPU threads stay with the interactive session.

    Attributes:
        gpus: GPUs kept out of the render pool (the display GPU first, else the lowest index).
        cpu_threads: Logical CPU threads kept out of the render pool.
    """

    gpus: int
    cpu_threads: int

    def __post_init__(self) -> None:
        """Validate the counts.

        Raises:
            ValueError: A count is not a non-negative integer.
        """
        _check_count("gpus", self.gpus)
        _check_count("cpu_threads", self.cpu_threads)

    @classmethod
    def default(cls, inside_maya: bool) -> ReservationPolicy:
        """The studio default from :mod:`lrc_toolbox.config.batch_render_defaults`.

        Args:
            inside_maya: True when an interactive Maya must stay usable.

        Returns:
            Maya's reservation inside Maya, the shell's (nothing, by default) outside.
        """
        if inside_maya:
            return cls(
                gpus=defaults.MAYA_RESERVED_GPUS, cpu_threads=defaults.MAYA_RESERVED_CPU_THREADS
            )
        return cls(
            gpus=defaults.SHELL_RESERVED_GPUS, cpu_threads=defaults.SHELL_RESERVED_CPU_THREADS
        )


def _check_count(name: str, value: object) -> int:
    """Return ``value`` if it is a non-negative int (not a bool), else raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    return value


# --------------------------------------------------------------------------------------------------
# Explicit GPU lists
# --------------------------------------------------------------------------------------------------
def select_gpus(
    requested: Sequence[str] | str, detected: Sequence[GPUInfo]
) -> tuple[list[GPUInfo], list[str]]:
    """Map an explicit GPU list (indices, UUIDs, UUID prefixes) to GPUs.

    Indices are NVML/nvidia-smi indices (PCI bus order). UUIDs may be abbreviated to a unique
    prefix, as ``CUDA_VISIBLE_DEVICES`` allows (``GPU-8932f937``). When no GPU could be detected
    at all (no driver, no NVML), the ids cannot be checked: they are trusted, returned as
    "unconfirmed" GPUs, and a note says so.

    Args:
        requested: GPU ids in the user's order; a single ``"0,1"`` string is split on commas.
        detected: The GPUs detection found (may be empty).

    Returns:
        The chosen GPUs in the requested order (each at most once) and notes worth showing.

    Raises:
        GPUSelectionError: An id is malformed; or, with GPUs detected, an index does not exist,
            a UUID (prefix) matches no GPU or several, or the GPU cannot be used.
    """
    tokens = requested.split(",") if isinstance(requested, str) else list(requested)
    ids = [_parse_gpu_id(token) for token in tokens]
    if not detected:
        return _unconfirmed_gpus(ids)

    chosen: list[GPUInfo] = []
    notes: list[str] = []
    for gpu_id in ids:
        gpu = _match_gpu(gpu_id, detected)
        if not gpu.is_available:
            raise GPUSelectionError(f"{_label(gpu_id)} cannot be used: {gpu.unavailable_reason}")
        if any(existing.device_id == gpu.device_id for existing in chosen):
            notes.append(f"{_label(gpu_id)} is listed more than once; it is used once")
            continue
        chosen.append(gpu)
    return chosen, notes


def _parse_gpu_id(token: object) -> int | str:
    """An index as int, a UUID (prefix) as str; anything else is a GPUSelectionError."""
    text = str(token).strip()
    if not text:
        raise GPUSelectionError("empty GPU id in the GPU list (e.g. '0,,1')")
    if text.isascii() and text.isdigit():
        return int(text)
    if _UUID_RE.match(text):
        return text
    raise GPUSelectionError(
        f"{text!r} is not a GPU index (0, 1, ...) or a GPU UUID (GPU-8932f937-...)"
    )


def _match_gpu(gpu_id: int | str, detected: Sequence[GPUInfo]) -> GPUInfo:
    """Find the one detected GPU ``gpu_id`` names."""
    if isinstance(gpu_id, int):
        for gpu in detected:
            if gpu.device_id == gpu_id:
                return gpu
        raise GPUSelectionError(
            f"GPU index {gpu_id} does not exist; detected GPUs: {_describe(detected)}"
        )
    prefix = gpu_id.lower()
    matches = [gpu for gpu in detected if gpu.uuid and gpu.uuid.lower().startswith(prefix)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise GPUSelectionError(
            f"GPU UUID {gpu_id!r} matches no detected GPU; detected GPUs: {_describe(detected)}"
        )
    raise GPUSelectionError(
        f"GPU UUID prefix {gpu_id!r} is ambiguous (matches GPUs "
        f"{', '.join(str(gpu.device_id) for gpu in matches)}): give more digits; "
        f"detected GPUs: {_describe(detected)}"
    )


def _label(gpu_id: int | str) -> str:
    """``GPU 1`` for an index, the UUID itself (already ``GPU-...``) for a UUID."""
    return f"GPU {gpu_id}" if isinstance(gpu_id, int) else gpu_id


def _describe(detected: Sequence[GPUInfo]) -> str:
    """``0 = NVIDIA RTX A6000 (GPU-8932...); 1 = ...`` for error messages."""
    return "; ".join(
        f"{gpu.device_id} = {gpu.name or 'unnamed GPU'}" + (f" ({gpu.uuid})" if gpu.uuid else "")
        for gpu in detected
    )


def _unconfirmed_gpus(ids: Sequence[int | str]) -> tuple[list[GPUInfo], list[str]]:
    """Trust ids that cannot be checked; UUID entries get unique negative ids (index unknown)."""
    chosen: list[GPUInfo] = []
    notes: list[str] = []
    seen: set[int | str] = set()
    for gpu_id in ids:
        key = gpu_id.lower() if isinstance(gpu_id, str) else gpu_id
        if key in seen:
            notes.append(f"{_label(gpu_id)} is listed more than once; it is used once")
            continue
        seen.add(key)
        if isinstance(gpu_id, int):
            how = "pinning by index with CUDA_DEVICE_ORDER=PCI_BUS_ID"
            gpu = _unconfirmed_gpu(device_id=gpu_id, label=_label(gpu_id), uuid="")
        else:
            how = "pinning by UUID"
            # Negative and unique, so nothing mistakes it for a CUDA index or merges two slots.
            unknown_index = -1 - sum(1 for existing in chosen if existing.device_id < 0)
            gpu = _unconfirmed_gpu(device_id=unknown_index, label=gpu_id, uuid=gpu_id)
        notes.append(f"{_label(gpu_id)} could not be confirmed (no NVIDIA driver/NVML): {how}")
        chosen.append(gpu)
    return chosen, notes


def _unconfirmed_gpu(device_id: int, label: str, uuid: str) -> GPUInfo:
    """A GPU the user named but detection could not see."""
    return GPUInfo(
        device_id=device_id,
        name=f"unconfirmed {label}",
        memory_total=0,
        memory_free=0,
        compute_capability=None,
        uuid=uuid,
    )


# --------------------------------------------------------------------------------------------------
# The detector
# --------------------------------------------------------------------------------------------------
class SystemDetector:
    """Hardware detection and resource management (the spec's ``SystemDetector``).

    Args:
        nvml_query: Lists GPUs through NVML (default :func:`gpu_utils.query_gpus_nvml`).
        smi_query: Lists GPUs through nvidia-smi (default :func:`gpu_utils.query_gpus_nvidia_smi`).
        cpu_query: Describes the CPU (default :func:`gpu_utils.cpu_info`).
        inside_maya: Whether an interactive Maya must stay usable; ``None`` guesses
            (:func:`is_inside_maya`).
        policy: Reservation to apply; ``None`` uses :meth:`ReservationPolicy.default`.
    """

    def __init__(
        self,
        *,
        nvml_query: NvmlQuery | None = None,
        smi_query: SmiQuery | None = None,
        cpu_query: CpuQuery | None = None,
        inside_maya: bool | None = None,
        policy: ReservationPolicy | None = None,
    ) -> None:
        self._nvml_query = nvml_query
        self._smi_query = smi_query
        self._cpu_query = cpu_query
        self._inside_maya = is_inside_maya() if inside_maya is None else bool(inside_maya)
        self._policy = (
            policy if policy is not None else ReservationPolicy.default(self._inside_maya)
        )

    @property
    def inside_maya(self) -> bool:
        """Whether the detector treats this process as an interactive Maya session."""
        return self._inside_maya

    @property
    def policy(self) -> ReservationPolicy:
        """The reservation applied when a call does not override it."""
        return self._policy

    def detect_cuda_gpus(self) -> list[GPUInfo]:
        """List the NVIDIA GPUs (NVML, else nvidia-smi, else none).

        Returns:
            The GPUs in PCI bus order; empty when none could be listed (see :meth:`detect` for
            why).
        """
        return list(self._detect_gpus()[0])

    def detect_cpu_info(self) -> CPUInfo:
        """Describe the CPU cores and RAM.

        Returns:
            The CPU description.
        """
        query = self._cpu_query or gpu_utils.cpu_info
        return query()

    def detect(self) -> SystemInfo:
        """Detect GPUs and CPU. Never raises because a driver or tool is missing.

        Returns:
            The system description. ``gpu_source`` is ``"nvml"``, ``"nvidia-smi"`` or ``"none"``;
            with no GPU listed, ``gpu_error`` gives the reasons (both, when both ways failed).
        """
        gpus, source, error, driver_version, _notes = self._detect_gpus()
        return SystemInfo(
            gpus=tuple(gpus),
            cpu=self.detect_cpu_info(),
            gpu_source=source,
            gpu_error=error,
            driver_version=driver_version,
            inside_maya=self._inside_maya,
        )

    def _detect_gpus(self) -> tuple[list[GPUInfo], str, str, str, list[str]]:
        """GPUs, source, error, driver version and notes; the fallback chain lives here."""
        nvml_query = self._nvml_query or gpu_utils.query_gpus_nvml
        smi_query = self._smi_query or gpu_utils.query_gpus_nvidia_smi
        try:
            gpus, driver_version = nvml_query()
        except GPUQueryError as nvml_error:
            _LOG.info("NVML unavailable (%s); trying nvidia-smi", nvml_error)
            try:
                gpus = smi_query()
            except GPUQueryError as smi_error:
                return [], "none", f"NVML: {nvml_error}; nvidia-smi: {smi_error}", "", []
            if not gpus:
                return [], "nvidia-smi", f"NVML: {nvml_error}; nvidia-smi lists no GPU", "", []
            note = f"GPU details come from nvidia-smi (NVML: {nvml_error}); no process list"
            return list(gpus), "nvidia-smi", "", "", [note]
        if not gpus:
            return [], "nvml", "the NVIDIA driver is installed but lists no GPU", driver_version, []
        return list(gpus), "nvml", "", driver_version, []

    def get_available_resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        reserve_cpu_threads: int | None = None,
        gpu_count: int | None = None,
        *,
        system: SystemInfo | None = None,
    ) -> ResourceInfo:
        """Work out what a batch render may use, after the reservation or an explicit list.

        Without ``gpus``, the policy's GPUs are reserved: first those driving a display, then
        the lowest indices. An explicit ``gpus`` list is the user's choice and overrides the
        GPU reservation (the CPU reservation still applies).

        Args:
            gpus: Explicit GPU allow-list (indices, UUIDs or UUID prefixes); ``None``: detected
                minus reserved. An empty list means no GPU (CPU rendering).
            reserve_gpus: GPUs to keep free; ``None``: the policy's.
            reserve_cpu_threads: CPU threads to keep free; ``None``: the policy's.
            gpu_count: Use at most this many of the usable GPUs; ``None``: all.
            system: A snapshot from :meth:`detect` to reuse instead of detecting again.

        Returns:
            The usable and reserved GPUs, CPU threads and notes worth showing the user.

        Raises:
            GPUSelectionError: ``gpus`` names a GPU that does not exist or cannot be used.
            ValueError: A count is negative or not a whole number.
        """
        return self._resources(
            gpus, reserve_gpus, reserve_cpu_threads, gpu_count, system, self._policy
        )

    def reserve_maya_resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        reserve_cpu_threads: int | None = None,
        gpu_count: int | None = None,
        *,
        system: SystemInfo | None = None,
    ) -> ResourceInfo:
        """Like :meth:`get_available_resources`, but always with Maya's reservation as default.

        For callers that know an interactive Maya must stay usable even though detection says
        otherwise (e.g. a helper process launched by the Maya dialog).

        Args:
            gpus: Explicit GPU allow-list; see :meth:`get_available_resources`.
            reserve_gpus: GPUs to keep free; ``None``: ``MAYA_RESERVED_GPUS``.
            reserve_cpu_threads: CPU threads to keep free; ``None``: ``MAYA_RESERVED_CPU_THREADS``.
            gpu_count: Use at most this many of the usable GPUs; ``None``: all.
            system: A snapshot from :meth:`detect` to reuse instead of detecting again.

        Returns:
            The usable and reserved resources.

        Raises:
            GPUSelectionError: ``gpus`` names a GPU that does not exist or cannot be used.
            ValueError: A count is negative or not a whole number.
        """
        maya_policy = ReservationPolicy.default(inside_maya=True)
        return self._resources(
            gpus, reserve_gpus, reserve_cpu_threads, gpu_count, system, maya_policy, for_maya=True
        )

    def _resources(
        self,
        gpus: Sequence[str] | None,
        reserve_gpus: int | None,
        reserve_cpu_threads: int | None,
        gpu_count: int | None,
        system: SystemInfo | None,
        policy: ReservationPolicy,
        *,
        for_maya: bool = False,
    ) -> ResourceInfo:
        """Apply the allow-list or the reservation, then ``gpu_count``, then the CPU reservation."""
        gpus_to_reserve = _check_count(
            "reserve_gpus", policy.gpus if reserve_gpus is None else reserve_gpus
        )
        threads_to_reserve = _check_count(
            "reserve_cpu_threads",
            policy.cpu_threads if reserve_cpu_threads is None else reserve_cpu_threads,
        )
        if gpu_count is not None:
            _check_count("gpu_count", gpu_count)

        notes: list[str] = []
        if system is None:
            detected, source, error, driver_version, detect_notes = self._detect_gpus()
            system = SystemInfo(
                gpus=tuple(detected),
                cpu=self.detect_cpu_info(),
                gpu_source=source,
                gpu_error=error,
                driver_version=driver_version,
                inside_maya=self._inside_maya,
            )
            notes.extend(detect_notes)
        if not system.gpus and system.gpu_error:
            notes.append(f"no GPU detected: {system.gpu_error}")

        reserved: list[GPUInfo] = []
        if gpus is not None:
            usable, selection_notes = select_gpus(gpus, system.gpus)
            notes.extend(selection_notes)
            if not usable:
                notes.append("the GPU list is empty: no GPU will be used")
            if reserve_gpus:
                notes.append(f"reserve_gpus={reserve_gpus} ignored: an explicit GPU list was given")
            notes.extend(
                f"GPU {gpu.device_id} ({gpu.name}) drives a display: rendering on it can make "
                "the desktop and the Maya viewport sluggish"
                for gpu in usable
                if gpu.display_active
            )
        else:
            owner = (
                "the interactive Maya session"
                if for_maya or self._inside_maya
                else "interactive work"
            )
            usable, reserved = _reserve(system.gpus, gpus_to_reserve, owner, notes)

        if gpu_count is not None:
            usable = _limit_gpus(usable, gpu_count, keep_order=gpus is not None, notes=notes)

        threads_total = system.cpu.logical_cores
        if threads_to_reserve > threads_total:
            notes.append(
                f"asked to reserve {threads_to_reserve} CPU threads but the machine has "
                f"{threads_total}: all are reserved"
            )
            threads_to_reserve = threads_total
        if threads_total and threads_to_reserve == threads_total:
            notes.append(
                "no CPU thread is left free: renders will compete with the interactive session"
            )

        return ResourceInfo(
            system=system,
            usable_gpus=tuple(usable),
            reserved_gpus=tuple(reserved),
            cpu_threads_total=threads_total,
            cpu_threads_reserved=threads_to_reserve,
            notes=tuple(notes),
        )


def _reserve(
    detected: Sequence[GPUInfo], count: int, owner: str, notes: list[str]
) -> tuple[list[GPUInfo], list[GPUInfo]]:
    """Split detected GPUs into (usable, reserved for ``owner``); display GPUs go first."""
    candidates = []
    for gpu in detected:
        if gpu.is_available:
            candidates.append(gpu)
        else:
            notes.append(f"GPU {gpu.device_id} skipped: {gpu.unavailable_reason}")
    # Display-driving GPUs first: the viewport lives there, so rendering on it hurts most.
    by_preference = sorted(
        candidates, key=lambda gpu: (gpu.display_active is not True, gpu.device_id)
    )
    reserved_ids = {gpu.device_id for gpu in by_preference[:count]}
    reserved = [
        dataclasses.replace(
            gpu,
            is_available=False,
            unavailable_reason=f"reserved for {owner}"
            + ("; it drives a display" if gpu.display_active else ""),
        )
        for gpu in candidates
        if gpu.device_id in reserved_ids
    ]
    usable = [gpu for gpu in candidates if gpu.device_id not in reserved_ids]
    if candidates and not usable and count:
        notes.append(
            f"all {len(candidates)} GPU(s) are reserved for {owner}: no GPU is left for "
            "rendering (pass an explicit GPU list or reserve_gpus=0 to render on them)"
        )
    return usable, reserved


def _limit_gpus(
    usable: Sequence[GPUInfo], gpu_count: int, *, keep_order: bool, notes: list[str]
) -> list[GPUInfo]:
    """At most ``gpu_count`` GPUs: the user's first N, else non-display GPUs by index first."""
    if gpu_count >= len(usable):
        if gpu_count > len(usable):
            notes.append(f"asked for {gpu_count} GPU(s) but only {len(usable)} usable")
        return list(usable)
    if keep_order:
        return list(usable[:gpu_count])
    preferred = sorted(usable, key=lambda gpu: (gpu.display_active is True, gpu.device_id))
    kept = {gpu.device_id for gpu in preferred[:gpu_count]}
    return [gpu for gpu in usable if gpu.device_id in kept]
