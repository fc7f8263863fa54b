"""Low-level NVIDIA GPU and CPU queries: NVML first, ``nvidia-smi`` as the fallback.

This module only *reports* what the driver says; it has no policy (what to reserve for Maya, which
GPUs a job may use). That lives in :mod:`lrc_toolbox.core.system_detector`.

Two things shape the code:

* ``pynvml`` (package ``nvidia-ml-py``) is imported lazily inside :func:`query_gpus_nvml`, so this
  module imports on machines without it (a bare ``mayapy``) and tests can put a fake module in
  ``sys.modules["pynvml"]``.
* Machines without an NVIDIA driver are normal (artist laptops, CI). Every way of failing becomes a
  :class:`GPUQueryError` with a sentence a person can act on, never a stray ``NVMLError`` or
  ``FileNotFoundError``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

import psutil

from lrc_toolbox.utils.hardware import CPUInfo, GPUInfo, GPUProcess

_LOG = logging.getLogger(__name__)

#: nvidia-smi normally answers in well under a second; a hung driver must not hang the dialog.
NVIDIA_SMI_TIMEOUT_S: float = 10.0

#: Fields asked of ``nvidia-smi --query-gpu``. The order matters only to the parser below.
NVIDIA_SMI_FIELDS: tuple[str, ...] = (
    "index",
    "uuid",
    "pci.bus_id",
    "name",
    "memory.total",
    "memory.free",
    "utilization.gpu",
    "display_active",
    "compute_cap",
)

#: Fields an older driver may not know (``compute_cap`` arrived around driver 510); when
#: nvidia-smi refuses one, the query is retried without it rather than failing.
NVIDIA_SMI_OPTIONAL_FIELDS: frozenset[str] = frozenset({"display_active", "compute_cap"})

#: ``--format=csv,nounits`` reports memory in MiB.
BYTES_PER_MIB: int = 1024 * 1024

#: Where pre-DCH Windows drivers installed nvidia-smi (not on PATH there).
WINDOWS_LEGACY_NVIDIA_SMI_PATH: str = r"C:\Program Files\NVIDIA Corporation\NVSMI\nvidia-smi.exe"

#: Human reasons for the NVML errors that mean "NVML cannot be used on this machine".
_NVML_INIT_REASONS: tuple[tuple[str, str], ...] = (
    (
        "NVMLError_LibraryNotFound",
        "NVIDIA driver library (libnvidia-ml) not found: no NVIDIA driver installed",
    ),
    ("NVMLError_DriverNotLoaded", "NVIDIA driver not loaded"),
    (
        "NVMLError_NoPermission",
        "no permission to query the NVIDIA driver (NVML: insufficient permissions)",
    ),
    (
        "NVMLError_LibRmVersionMismatch",
        "NVIDIA driver and its NVML library do not match (reboot after a driver update?)",
    ),
    (
        "NVMLError_FunctionNotFound",
        "the installed NVIDIA driver is too old for nvidia-ml-py (NVML function not found)",
    ),
    ("NVMLError_GpuIsLost", "an NVIDIA GPU has fallen off the bus (GPU is lost); reboot needed"),
    ("NVMLError_Timeout", "the NVIDIA driver did not answer (NVML timeout)"),
)


class GPUQueryError(RuntimeError):
    """NVML or nvidia-smi could not list the GPUs; ``str(error)`` says why, for people."""


# --------------------------------------------------------------------------------------------------
# NVML
# --------------------------------------------------------------------------------------------------
def query_gpus_nvml() -> tuple[list[GPUInfo], str]:
    """List the NVIDIA GPUs through NVML (``pynvml`` from the ``nvidia-ml-py`` package).

    Per-device queries a GPU or driver does not support (utilization on some GeForce boards,
    process lists under Windows WDDM, compute capability on old drivers) leave that field
    ``None``/empty instead of failing the device. A GPU NVML cannot open at all (no permission,
    lost) is still listed, with ``is_available=False`` and the reason, so the user sees it.

    Returns:
        The GPUs in NVML order (PCI bus order) and the driver version (``""`` if unknown).

    Raises:
        GPUQueryError: NVML cannot be used here (no driver, driver not loaded, no permission,
            ``nvidia-ml-py`` not installed...). The message says which.
    """
    try:
        import pynvml
    except ImportError as exc:
        raise GPUQueryError(
            "nvidia-ml-py not installed (pip install nvidia-ml-py), cannot use NVML"
        ) from exc

    try:
        pynvml.nvmlInit()
    except pynvml.NVMLError as exc:
        raise GPUQueryError(_nvml_reason(pynvml, exc)) from exc
    try:
        try:
            count = int(pynvml.nvmlDeviceGetCount())
        except pynvml.NVMLError as exc:
            raise GPUQueryError(
                f"NVML could not count the GPUs: {_nvml_reason(pynvml, exc)}"
            ) from exc
        driver_version = _text(_nvml_optional(pynvml, "nvmlSystemGetDriverVersion", default=""))
        gpus = [_nvml_device(pynvml, index) for index in range(count)]
    finally:
        try:
            pynvml.nvmlShutdown()
        except pynvml.NVMLError as exc:
            # The answer is already complete; a failing shutdown must not turn it into an error.
            _LOG.debug("nvmlShutdown failed: %s", exc)
    return gpus, driver_version


def _nvml_reason(pynvml: Any, exc: BaseException) -> str:
    """Turn an NVML error into the sentence shown to the user."""
    for class_name, reason in _NVML_INIT_REASONS:
        error_class = getattr(pynvml, class_name, None)
        if isinstance(error_class, type) and isinstance(exc, error_class):
            return reason
    return f"NVML error: {exc} ({type(exc).__name__})"


def _nvml_optional(pynvml: Any, function_name: str, *args: Any, default: Any = None) -> Any:
    """Call an NVML query that may legitimately be unsupported; return ``default`` then.

    A function missing from an old ``pynvml`` counts as unsupported too, so one old binding
    does not cost the whole device.
    """
    function = getattr(pynvml, function_name, None)
    if function is None:
        return default
    try:
        return function(*args)
    except pynvml.NVMLError as exc:
        _LOG.debug("%s not available: %s", function_name, exc)
        return default


def _nvml_device(pynvml: Any, index: int) -> GPUInfo:
    """Query one device; only the handle itself is mandatory."""
    try:
        handle = pynvml.nvmlDeviceGetHandleByIndex(index)
    except pynvml.NVMLError as exc:
        # e.g. a GPU hidden by cgroups (NoPermission) or fallen off the bus: keep it visible.
        return GPUInfo(
            device_id=index,
            name="",
            memory_total=0,
            memory_free=0,
            compute_capability=None,
            is_available=False,
            unavailable_reason=f"NVML cannot open GPU {index}: {_nvml_reason(pynvml, exc)}",
        )

    memory = _nvml_optional(pynvml, "nvmlDeviceGetMemoryInfo", handle)
    utilization = _nvml_optional(pynvml, "nvmlDeviceGetUtilizationRates", handle)
    pci = _nvml_optional(pynvml, "nvmlDeviceGetPciInfo", handle)
    capability = _nvml_optional(pynvml, "nvmlDeviceGetCudaComputeCapability", handle)
    display = _nvml_optional(pynvml, "nvmlDeviceGetDisplayActive", handle)
    processes = _merge_processes(
        _nvml_optional(pynvml, "nvmlDeviceGetComputeRunningProcesses", handle, default=[]),
        _nvml_optional(pynvml, "nvmlDeviceGetGraphicsRunningProcesses", handle, default=[]),
    )
    return GPUInfo(
        device_id=index,
        name=_text(_nvml_optional(pynvml, "nvmlDeviceGetName", handle, default="")),
        memory_total=int(memory.total) if memory is not None else 0,
        memory_free=int(memory.free) if memory is not None else 0,
        compute_capability=(int(capability[0]), int(capability[1])) if capability else None,
        uuid=_text(_nvml_optional(pynvml, "nvmlDeviceGetUUID", handle, default="")),
        pci_bus_id=_text(getattr(pci, "busId", "")) if pci is not None else "",
        utilization_percent=int(utilization.gpu) if utilization is not None else None,
        processes=processes,
        display_active=bool(display) if display is not None else None,
    )


def _merge_processes(*process_lists: Sequence[Any]) -> tuple[GPUProcess, ...]:
    """Merge NVML's compute and graphics lists; a process using both (Maya) appears once."""
    merged: dict[int, int | None] = {}
    for processes in process_lists:
        for process in processes or ():
            pid = int(process.pid)
            used = getattr(process, "usedGpuMemory", None)
            used = int(used) if used is not None else None
            previous = merged.get(pid)
            if pid not in merged or (used is not None and (previous is None or used > previous)):
                merged[pid] = used
    return tuple(GPUProcess(pid=pid, used_memory=used) for pid, used in merged.items())


def _text(value: Any) -> str:
    """NVML strings are ``bytes`` in older bindings and ``str`` in newer ones."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").rstrip("\x00")
    return "" if value is None else str(value)


# --------------------------------------------------------------------------------------------------
# nvidia-smi
# --------------------------------------------------------------------------------------------------
Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def query_gpus_nvidia_smi(runner: Runner = subprocess.run) -> list[GPUInfo]:
    """List the NVIDIA GPUs by running ``nvidia-smi --query-gpu=... --format=csv``.

    Used when NVML cannot be loaded from Python (``nvidia-ml-py`` missing in Maya's Python) but
    the driver's own tool works. Fields an older driver does not know are dropped and the query
    retried. Process lists are not queried here (``processes`` stays empty).

    Args:
        runner: ``subprocess.run`` or a stand-in with the same signature (tests).

    Returns:
        The GPUs in nvidia-smi order (PCI bus order); empty when the output lists none.

    Raises:
        GPUQueryError: nvidia-smi is missing, timed out, exited non-zero or printed output that
            is not the expected CSV. The message says which.
    """
    fields = list(NVIDIA_SMI_FIELDS)
    while True:
        argv = [
            _nvidia_smi_executable(),
            "--query-gpu=" + ",".join(fields),
            "--format=csv,noheader,nounits",
        ]
        try:
            result = runner(
                argv,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=NVIDIA_SMI_TIMEOUT_S,
                check=False,
            )
        except FileNotFoundError as exc:
            raise GPUQueryError("nvidia-smi not found (no NVIDIA driver installed?)") from exc
        except subprocess.TimeoutExpired as exc:
            raise GPUQueryError(
                f"nvidia-smi did not answer within {NVIDIA_SMI_TIMEOUT_S:g} s (driver hung?)"
            ) from exc
        except OSError as exc:
            raise GPUQueryError(f"nvidia-smi could not be started: {exc}") from exc

        output = f"{result.stdout or ''}\n{result.stderr or ''}"
        if result.returncode == 0:
            return parse_nvidia_smi_csv(result.stdout or "", fields)
        rejected = _rejected_field(output, fields)
        if rejected is None:
            raise GPUQueryError(
                f"nvidia-smi failed (exit code {result.returncode}): {_first_line(output)}"
            )
        _LOG.debug("nvidia-smi does not know %r; retrying without it", rejected)
        fields.remove(rejected)


def parse_nvidia_smi_csv(text: str, fields: Sequence[str] = NVIDIA_SMI_FIELDS) -> list[GPUInfo]:
    """Parse ``nvidia-smi --query-gpu=<fields> --format=csv,noheader,nounits`` output.

    Lines whose first value is not an integer index (driver warnings such as ``WARNING: infoROM
    is corrupted``) are skipped. ``[N/A]``, ``[Not Supported]`` and similar bracketed values mean
    unknown. A GPU name may contain commas; every other field may not.

    Args:
        text: The command's standard output.
        fields: The fields the command was asked for, in order. Must include ``index`` and
            ``name``.

    Returns:
        One :class:`GPUInfo` per GPU line.

    Raises:
        GPUQueryError: A GPU line has malformed values, or the output has text but no GPU line.
    """
    fields = list(fields)
    name_at = fields.index("name")
    after_name = len(fields) - name_at - 1
    gpus: list[GPUInfo] = []
    noise: list[str] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        parts = [part.strip() for part in line.split(",")]
        if len(parts) < len(fields) or not parts[0].isdigit():
            noise.append(line)
            continue
        # Only the name is free text: glue back the commas it may contain.
        values = (
            parts[:name_at]
            + [", ".join(parts[name_at : len(parts) - after_name])]
            + parts[len(parts) - after_name :]
        )
        gpus.append(_gpu_from_smi_values(dict(zip(fields, values, strict=True)), line))
    if not gpus and noise:
        raise GPUQueryError(f"unrecognised nvidia-smi output: {noise[0][:200]!r}")
    return gpus


def _gpu_from_smi_values(values: dict[str, str], line: str) -> GPUInfo:
    """Build one GPUInfo from a parsed CSV record, naming the line when a value is malformed."""
    try:
        total_mib = _smi_number(values.get("memory.total"))
        free_mib = _smi_number(values.get("memory.free"))
        utilization = _smi_number(values.get("utilization.gpu"))
        capability = _smi_compute_capability(values.get("compute_cap"))
    except ValueError as exc:
        raise GPUQueryError(f"malformed nvidia-smi line {line[:200]!r}: {exc}") from exc
    display = _smi_unknown_to_none(values.get("display_active"))
    return GPUInfo(
        device_id=int(values["index"]),
        name=_smi_unknown_to_none(values.get("name")) or "",
        memory_total=int(total_mib * BYTES_PER_MIB) if total_mib is not None else 0,
        memory_free=int(free_mib * BYTES_PER_MIB) if free_mib is not None else 0,
        compute_capability=capability,
        uuid=_smi_unknown_to_none(values.get("uuid")) or "",
        pci_bus_id=_smi_unknown_to_none(values.get("pci.bus_id")) or "",
        utilization_percent=int(utilization) if utilization is not None else None,
        display_active=display.lower() == "enabled" if display is not None else None,
    )


def _smi_unknown_to_none(value: str | None) -> str | None:
    """``[N/A]``, ``[Not Supported]``, ``N/A`` and empty all mean the driver cannot say."""
    if value is None:
        return None
    value = value.strip()
    if not value or value.upper() == "N/A" or (value.startswith("[") and value.endswith("]")):
        return None
    return value


def _smi_number(value: str | None) -> float | None:
    """A plain number (``nounits``), or ``None`` when unknown."""
    known = _smi_unknown_to_none(value)
    if known is None:
        return None
    try:
        return float(known)
    except ValueError:
        raise ValueError(f"{known!r} is not a number") from None


def _smi_compute_capability(value: str | None) -> tuple[int, int] | None:
    """``"8.6"`` -> ``(8, 6)``; ``None`` when unknown."""
    known = _smi_unknown_to_none(value)
    if known is None:
        return None
    major, dot, minor = known.partition(".")
    if not (dot and major.isdigit() and minor.isdigit()):
        raise ValueError(f"{known!r} is not a compute capability like '8.6'")
    return int(major), int(minor)


def _rejected_field(output: str, fields: Sequence[str]) -> str | None:
    """The optional field nvidia-smi refused (``Field "x" is not a valid field to query.``)."""
    for field_name in fields:
        if field_name in NVIDIA_SMI_OPTIONAL_FIELDS and (
            f'Field "{field_name}" is not a valid field' in output
        ):
            return field_name
    return None


def _first_line(output: str) -> str:
    """The first non-empty line, which is where nvidia-smi puts its reason."""
    for line in output.splitlines():
        if line.strip():
            return line.strip()[:300]
    return "no output"


def _nvidia_smi_executable() -> str:
    """``nvidia-smi`` from PATH, or where older Windows drivers installed it."""
    if (
        sys.platform == "win32"
        and shutil.which("nvidia-smi") is None
        and os.path.isfile(WINDOWS_LEGACY_NVIDIA_SMI_PATH)
    ):
        return WINDOWS_LEGACY_NVIDIA_SMI_PATH
    return "nvidia-smi"


# --------------------------------------------------------------------------------------------------
# Simple helpers
# --------------------------------------------------------------------------------------------------
def detect_cuda_gpus() -> int:
    """Count the NVIDIA GPUs: NVML, then nvidia-smi, else 0 (the spec's simple helper).

    Returns:
        The number of GPUs the driver lists; 0 when neither NVML nor nvidia-smi can list any.
        Never raises for a missing driver or tool; use :class:`~lrc_toolbox.core.system_detector.
        SystemDetector` to learn *why* the count is 0.
    """
    try:
        return len(query_gpus_nvml()[0])
    except GPUQueryError as nvml_error:
        _LOG.debug("NVML unavailable: %s", nvml_error)
    try:
        return len(query_gpus_nvidia_smi())
    except GPUQueryError as smi_error:
        _LOG.debug("nvidia-smi unavailable: %s", smi_error)
    return 0


def cpu_info() -> CPUInfo:
    """Cores and RAM of this machine, through psutil.

    Returns:
        The CPU description. ``physical_cores`` falls back to the logical count where the
        platform cannot tell (psutil returns ``None`` there).
    """
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    memory = psutil.virtual_memory()
    return CPUInfo(
        physical_cores=int(physical),
        logical_cores=int(logical),
        ram_total=int(memory.total),
        ram_available=int(memory.available),
    )
