"""Tests for lrc_toolbox.core.system_detector: fallback chain, reservation, GPU allow-lists.

Most tests inject the query functions (the detector's seams); the integration tests go through
the real ``query_gpus_nvml`` with a ``pynvml`` built on the installed binding's own exception
classes, and through ``query_gpus_nvidia_smi`` with a canned-output runner. One test runs the
real detector on this machine.
"""

from __future__ import annotations

import ctypes.util
import dataclasses
import functools
import importlib
import shutil
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.models import CPUInfo, GPUInfo
from lrc_toolbox.core.system_detector import (
    GPUSelectionError,
    ReservationPolicy,
    SystemDetector,
    is_inside_maya,
    select_gpus,
)
from lrc_toolbox.utils.gpu_utils import GPUQueryError, query_gpus_nvidia_smi

DATA_DIR = Path(__file__).parents[1] / "data" / "nvidia_smi"
UUID_0 = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
UUID_1 = "GPU-5c1b8d2e-0a4f-4b7e-9d3c-2f6e8a1b7c40"
UUID_2 = "GPU-5c1b9999-1111-2222-3333-444444444444"  # shares the prefix GPU-5c1b with UUID_1
UUID_3 = "GPU-d0d0d0d0-0000-4000-8000-000000000003"
LIBRARY_NOT_FOUND = "NVIDIA driver library (libnvidia-ml) not found: no NVIDIA driver installed"
CPU = CPUInfo(
    physical_cores=8, logical_cores=16, ram_total=64 * 1024**3, ram_available=48 * 1024**3
)


def gpu(index: int, uuid: str, display: bool | None = None, available: bool = True) -> GPUInfo:
    """A detected GPU as NVML would report it."""
    return GPUInfo(
        device_id=index,
        name=f"NVIDIA RTX A{4000 + index}",
        memory_total=16 * 1024**3,
        memory_free=15 * 1024**3,
        compute_capability=(8, 6),
        uuid=uuid,
        pci_bus_id=f"00000000:{index + 1:02x}:00.0",
        display_active=display,
        is_available=available,
        unavailable_reason="" if available else "NVML cannot open GPU: no permission",
    )


def four_gpus(display_index: int | None = None) -> list[GPUInfo]:
    """Four GPUs; ``display_index`` drives the monitor."""
    uuids = [UUID_0, UUID_1, UUID_2, UUID_3]
    return [gpu(i, uuids[i], display=(i == display_index)) for i in range(4)]


class Queries:
    """Injectable NVML / nvidia-smi / CPU queries that count their calls."""

    def __init__(
        self,
        nvml: list[GPUInfo] | GPUQueryError,
        smi: list[GPUInfo] | GPUQueryError | None = None,
        driver: str = "550.54.14",
    ) -> None:
        self.nvml = nvml
        self.smi = smi if smi is not None else GPUQueryError("nvidia-smi not found")
        self.driver = driver
        self.calls = {"nvml": 0, "smi": 0, "cpu": 0}

    def nvml_query(self) -> tuple[list[GPUInfo], str]:
        self.calls["nvml"] += 1
        if isinstance(self.nvml, GPUQueryError):
            raise self.nvml
        return list(self.nvml), self.driver

    def smi_query(self) -> list[GPUInfo]:
        self.calls["smi"] += 1
        if isinstance(self.smi, GPUQueryError):
            raise self.smi
        return list(self.smi)

    def cpu_query(self) -> CPUInfo:
        self.calls["cpu"] += 1
        return CPU

    def detector(self, inside_maya: bool, **kwargs: Any) -> SystemDetector:
        return SystemDetector(
            nvml_query=self.nvml_query,
            smi_query=self.smi_query,
            cpu_query=self.cpu_query,
            inside_maya=inside_maya,
            **kwargs,
        )


def ids(gpus: tuple[GPUInfo, ...] | list[GPUInfo]) -> list[int]:
    """Device ids, for compact assertions."""
    return [g.device_id for g in gpus]


# --------------------------------------------------------------------------------------------------
# Detection and the fallback chain
# --------------------------------------------------------------------------------------------------
def test_detect_through_nvml() -> None:
    queries = Queries(nvml=four_gpus()[:2])

    info = queries.detector(inside_maya=False).detect()

    assert info.gpu_source == "nvml"
    assert info.gpu_count == 2
    assert info.gpu_error == ""
    assert info.driver_version == "550.54.14"
    assert info.cpu == CPU
    assert info.inside_maya is False
    assert queries.calls["smi"] == 0


def test_detect_falls_back_to_nvidia_smi_when_nvml_is_missing() -> None:
    queries = Queries(nvml=GPUQueryError(LIBRARY_NOT_FOUND), smi=four_gpus()[:2])
    detector = queries.detector(inside_maya=False)

    info = detector.detect()
    resources = detector.get_available_resources()

    assert (info.gpu_source, info.gpu_count, info.gpu_error) == ("nvidia-smi", 2, "")
    assert ids(resources.usable_gpus) == [0, 1]
    assert any("nvidia-smi" in note and "libnvidia-ml" in note for note in resources.notes)


def test_detect_without_driver_or_tool_reports_both_reasons_and_never_raises() -> None:
    queries = Queries(
        nvml=GPUQueryError(LIBRARY_NOT_FOUND), smi=GPUQueryError("nvidia-smi not found")
    )
    detector = queries.detector(inside_maya=True)

    info = detector.detect()
    resources = detector.get_available_resources()

    assert (info.gpu_source, info.gpu_count) == ("none", 0)
    assert info.gpu_error == f"NVML: {LIBRARY_NOT_FOUND}; nvidia-smi: nvidia-smi not found"
    assert detector.detect_cuda_gpus() == []
    assert resources.usable_gpus == () and resources.reserved_gpus == ()
    assert resources.notes[0] == f"no GPU detected: {info.gpu_error}"


def test_driver_without_gpus_says_so() -> None:
    info = Queries(nvml=[]).detector(inside_maya=False).detect()

    assert (info.gpu_source, info.gpu_count) == ("nvml", 0)
    assert "lists no GPU" in info.gpu_error


def _pynvml_without_library() -> types.ModuleType:
    """A pynvml whose nvmlInit fails as the real one does on a machine without the driver."""
    real = importlib.import_module("pynvml")
    module = types.ModuleType("pynvml")
    for name in dir(real):
        if name.startswith("NVMLError"):
            setattr(module, name, getattr(real, name))

    def nvmlInit() -> None:
        raise real.NVMLError(real.NVML_ERROR_LIBRARY_NOT_FOUND)

    module.nvmlInit = nvmlInit
    return module


def _canned_smi(returncode: int, file_name: str) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        stdout = (DATA_DIR / file_name).read_text()
        return subprocess.CompletedProcess(argv, returncode, stdout=stdout, stderr="")

    return run


def _smi_missing(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    raise FileNotFoundError(2, "No such file or directory", argv[0])


def test_integration_library_not_found_uses_nvidia_smi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", _pynvml_without_library())
    detector = SystemDetector(
        smi_query=functools.partial(query_gpus_nvidia_smi, runner=_canned_smi(0, "two_gpus.csv")),
        inside_maya=True,
    )

    resources = detector.get_available_resources()

    assert resources.system.gpu_source == "nvidia-smi"
    # nvidia-smi says GPU 0 drives the display: that is the one kept for Maya.
    assert ids(resources.reserved_gpus) == [0]
    assert ids(resources.usable_gpus) == [1]
    assert resources.usable_gpus[0].uuid == UUID_1


def test_integration_both_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", _pynvml_without_library())
    detector = SystemDetector(
        smi_query=functools.partial(query_gpus_nvidia_smi, runner=_smi_missing),
        inside_maya=False,
    )

    info = detector.detect()

    assert (info.gpu_source, info.gpus) == ("none", ())
    assert LIBRARY_NOT_FOUND in info.gpu_error
    assert "nvidia-smi not found" in info.gpu_error


def test_integration_pynvml_not_installed_and_smi_not_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", None)
    detector = SystemDetector(
        smi_query=functools.partial(
            query_gpus_nvidia_smi, runner=_canned_smi(9, "driver_not_loaded.txt")
        ),
        inside_maya=False,
    )

    info = detector.detect()

    assert "nvidia-ml-py not installed" in info.gpu_error
    assert "couldn't communicate with the NVIDIA driver" in info.gpu_error


@pytest.mark.slow
def test_real_detector_on_this_machine() -> None:
    info = SystemDetector().detect()  # real NVML, real nvidia-smi, real psutil

    assert info.cpu.logical_cores >= 1
    assert info.gpu_source in ("nvml", "nvidia-smi", "none")
    no_driver_here = ctypes.util.find_library("nvidia-ml") is None and not shutil.which(
        "nvidia-smi"
    )
    if no_driver_here:
        assert (info.gpu_count, info.gpu_source) == (0, "none")
        assert "NVML:" in info.gpu_error and "nvidia-smi:" in info.gpu_error
    elif info.gpu_count == 0:
        assert info.gpu_error  # a driver is here, yet no GPU: the reason must be given
    else:
        assert info.gpu_error == ""


# --------------------------------------------------------------------------------------------------
# Inside Maya or not
# --------------------------------------------------------------------------------------------------
def test_inside_maya_detected_from_loaded_maya_cmds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/usr/bin/python3")
    monkeypatch.delitem(sys.modules, "maya.cmds", raising=False)
    assert is_inside_maya() is False

    monkeypatch.setitem(sys.modules, "maya.cmds", types.ModuleType("maya.cmds"))
    assert is_inside_maya() is True


@pytest.mark.parametrize(
    ("executable", "expected"),
    [
        ("/usr/autodesk/maya2024/bin/maya.bin", True),
        (r"C:\Program Files\Autodesk\Maya2025\bin\maya.exe", True),
        ("/usr/autodesk/maya2024/bin/mayapy", True),
        ("/usr/bin/python3.11", False),
        ("", False),
    ],
)
def test_inside_maya_detected_from_executable(
    monkeypatch: pytest.MonkeyPatch, executable: str, expected: bool
) -> None:
    monkeypatch.delitem(sys.modules, "maya.cmds", raising=False)
    monkeypatch.setattr(sys, "executable", executable.replace("\\", "/"))

    assert is_inside_maya() is expected
    assert SystemDetector(inside_maya=None).inside_maya is expected


# --------------------------------------------------------------------------------------------------
# Reservation policy
# --------------------------------------------------------------------------------------------------
def test_policy_defaults_come_from_config() -> None:
    assert ReservationPolicy.default(inside_maya=True) == ReservationPolicy(
        gpus=defaults.MAYA_RESERVED_GPUS, cpu_threads=defaults.MAYA_RESERVED_CPU_THREADS
    )
    assert ReservationPolicy.default(inside_maya=False) == ReservationPolicy(
        gpus=defaults.SHELL_RESERVED_GPUS, cpu_threads=defaults.SHELL_RESERVED_CPU_THREADS
    )
    assert ReservationPolicy.default(True) == ReservationPolicy(1, 4)
    assert ReservationPolicy.default(False) == ReservationPolicy(0, 0)


@pytest.mark.parametrize(("gpus", "threads"), [(-1, 0), (0, -4), (True, 0), (1.5, 0), ("1", 0)])
def test_policy_rejects_bad_counts(gpus: object, threads: object) -> None:
    with pytest.raises(ValueError, match="must be a whole number >= 0"):
        ReservationPolicy(gpus=gpus, cpu_threads=threads)  # type: ignore[arg-type]


def test_inside_maya_reserves_one_gpu_and_four_threads() -> None:
    resources = Queries(nvml=four_gpus()[:2]).detector(inside_maya=True).get_available_resources()

    assert ids(resources.reserved_gpus) == [0]  # no display information: lowest index
    (reserved,) = resources.reserved_gpus
    assert reserved.is_available is False
    assert reserved.unavailable_reason == "reserved for the interactive Maya session"
    assert ids(resources.usable_gpus) == [1]
    assert all(g.is_available for g in resources.usable_gpus)
    assert (resources.cpu_threads_total, resources.cpu_threads_reserved) == (16, 4)
    assert resources.cpu_threads_available == 12
    assert resources.system.inside_maya is True


def test_shell_reserves_nothing() -> None:
    resources = Queries(nvml=four_gpus(display_index=0)).detector(inside_maya=False)
    info = resources.get_available_resources()

    assert ids(info.usable_gpus) == [0, 1, 2, 3]
    assert info.reserved_gpus == ()
    assert info.cpu_threads_reserved == 0
    assert info.notes == ()


def test_display_gpu_is_reserved_first() -> None:
    resources = (
        Queries(nvml=four_gpus(display_index=2))
        .detector(inside_maya=True)
        .get_available_resources()
    )

    assert ids(resources.reserved_gpus) == [2]
    assert resources.reserved_gpus[0].unavailable_reason == (
        "reserved for the interactive Maya session; it drives a display"
    )
    assert ids(resources.usable_gpus) == [0, 1, 3]


def test_reserving_two_takes_display_then_lowest_index() -> None:
    detector = Queries(nvml=four_gpus(display_index=3)).detector(inside_maya=True)

    resources = detector.get_available_resources(reserve_gpus=2)

    assert ids(resources.reserved_gpus) == [0, 3]
    assert ids(resources.usable_gpus) == [1, 2]


def test_reservation_overrides() -> None:
    maya = Queries(nvml=four_gpus()).detector(inside_maya=True)
    shell = Queries(nvml=four_gpus()).detector(inside_maya=False)

    nothing_kept = maya.get_available_resources(reserve_gpus=0, reserve_cpu_threads=0)
    kept_by_request = shell.get_available_resources(reserve_gpus=1, reserve_cpu_threads=2)

    assert ids(nothing_kept.usable_gpus) == [0, 1, 2, 3]
    assert nothing_kept.cpu_threads_reserved == 0
    assert ids(kept_by_request.reserved_gpus) == [0]
    assert kept_by_request.reserved_gpus[0].unavailable_reason == "reserved for interactive work"
    assert kept_by_request.cpu_threads_reserved == 2


def test_custom_policy_in_constructor() -> None:
    detector = Queries(nvml=four_gpus()).detector(
        inside_maya=False, policy=ReservationPolicy(gpus=2, cpu_threads=8)
    )

    resources = detector.get_available_resources()

    assert ids(resources.reserved_gpus) == [0, 1]
    assert resources.cpu_threads_reserved == 8


def test_reserve_maya_resources_applies_maya_defaults_even_from_a_shell() -> None:
    detector = Queries(nvml=four_gpus()[:2]).detector(inside_maya=False)

    resources = detector.reserve_maya_resources()

    assert ids(resources.reserved_gpus) == [0]
    assert (
        resources.reserved_gpus[0].unavailable_reason == "reserved for the interactive Maya session"
    )
    assert resources.cpu_threads_reserved == defaults.MAYA_RESERVED_CPU_THREADS


def test_reserving_every_gpu_leaves_a_note() -> None:
    resources = Queries(nvml=four_gpus()[:1]).detector(inside_maya=True).get_available_resources()

    assert resources.usable_gpus == ()
    assert ids(resources.reserved_gpus) == [0]
    assert any("no GPU is left for rendering" in note for note in resources.notes)


def test_unopenable_gpu_is_neither_usable_nor_reserved() -> None:
    gpus = [gpu(0, UUID_0, available=False), gpu(1, UUID_1), gpu(2, UUID_2)]
    resources = Queries(nvml=gpus).detector(inside_maya=True).get_available_resources()

    assert ids(resources.reserved_gpus) == [1]
    assert ids(resources.usable_gpus) == [2]
    assert any(note.startswith("GPU 0 skipped: NVML cannot open") for note in resources.notes)


def test_cpu_reservation_larger_than_the_machine_is_clamped() -> None:
    detector = Queries(nvml=[]).detector(inside_maya=False)

    resources = detector.get_available_resources(reserve_cpu_threads=64)

    assert resources.cpu_threads_reserved == 16
    assert resources.cpu_threads_available == 0
    assert any("asked to reserve 64 CPU threads" in note for note in resources.notes)


@pytest.mark.parametrize(
    "kwargs", [{"reserve_gpus": -1}, {"reserve_cpu_threads": -2}, {"gpu_count": -1}]
)
def test_negative_counts_are_refused(kwargs: dict[str, int]) -> None:
    detector = Queries(nvml=four_gpus()).detector(inside_maya=False)

    with pytest.raises(ValueError, match="must be a whole number >= 0"):
        detector.get_available_resources(**kwargs)


# --------------------------------------------------------------------------------------------------
# Explicit GPU lists
# --------------------------------------------------------------------------------------------------
def test_allow_list_by_index_overrides_the_maya_reservation() -> None:
    detector = Queries(nvml=four_gpus(display_index=0)).detector(inside_maya=True)

    resources = detector.get_available_resources(gpus=["2", "0"])

    assert ids(resources.usable_gpus) == [2, 0]  # the user's order
    assert resources.reserved_gpus == ()
    assert resources.cpu_threads_reserved == 4  # the CPU reservation still applies
    assert any(
        note.startswith("GPU 0 (") and "drives a display" in note for note in resources.notes
    )


def test_select_by_full_uuid_and_by_prefix() -> None:
    detected = four_gpus()

    chosen, notes = select_gpus([UUID_3, "gpu-8932F937"], detected)

    assert ids(chosen) == [3, 0]
    assert notes == []


def test_select_accepts_a_comma_string() -> None:
    chosen, _notes = select_gpus("1, 3", four_gpus())

    assert ids(chosen) == [1, 3]


def test_ambiguous_uuid_prefix_is_an_error() -> None:
    with pytest.raises(GPUSelectionError, match="'GPU-5c1b' is ambiguous .*GPUs 1, 2.*more digits"):
        select_gpus(["GPU-5c1b"], four_gpus())


def test_index_out_of_range_lists_what_exists() -> None:
    with pytest.raises(GPUSelectionError) as caught:
        select_gpus(["0", "5"], four_gpus()[:2])

    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert message.startswith("GPU index 5 does not exist; detected GPUs: ")
    assert f"0 = NVIDIA RTX A4000 ({UUID_0})" in message
    assert f"1 = NVIDIA RTX A4001 ({UUID_1})" in message


def test_unknown_uuid_is_an_error() -> None:
    with pytest.raises(GPUSelectionError, match="'GPU-ffff' matches no detected GPU; detected"):
        select_gpus(["GPU-ffff"], four_gpus())


def test_unopenable_gpu_cannot_be_chosen() -> None:
    with pytest.raises(GPUSelectionError, match="GPU 0 cannot be used: NVML cannot open"):
        select_gpus(["0"], [gpu(0, UUID_0, available=False)])


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5", "", " ", "٣", "GPU-xyz"])
@pytest.mark.parametrize("detected", [[], four_gpus()], ids=["no-gpu", "four-gpus"])
def test_malformed_ids_are_refused(bad: str, detected: list[GPUInfo]) -> None:
    with pytest.raises(GPUSelectionError):
        select_gpus(["0", bad], detected)


def test_unconfirmed_ids_when_nothing_is_detected() -> None:
    chosen, notes = select_gpus(["1", "GPU-8932f937", "GPU-5c1b8d2e"], [])

    index_gpu, uuid_gpu, other_uuid_gpu = chosen
    assert (index_gpu.device_id, index_gpu.name, index_gpu.uuid) == (1, "unconfirmed GPU 1", "")
    assert (index_gpu.memory_total, index_gpu.memory_free) == (0, 0)
    assert index_gpu.cuda_visible_devices_value == "1"
    assert uuid_gpu.uuid == "GPU-8932f937"
    assert uuid_gpu.cuda_visible_devices_value == "GPU-8932f937"
    # Unknown index: negative and unique, never mistaken for a CUDA ordinal or for each other.
    assert uuid_gpu.device_id < 0 and other_uuid_gpu.device_id < 0
    assert uuid_gpu.device_id != other_uuid_gpu.device_id
    assert notes[0] == (
        "GPU 1 could not be confirmed (no NVIDIA driver/NVML): "
        "pinning by index with CUDA_DEVICE_ORDER=PCI_BUS_ID"
    )
    assert (
        notes[1] == "GPU-8932f937 could not be confirmed (no NVIDIA driver/NVML): pinning by UUID"
    )


def test_unconfirmed_ids_through_the_detector() -> None:
    queries = Queries(nvml=GPUQueryError(LIBRARY_NOT_FOUND))
    detector = queries.detector(inside_maya=True)

    resources = detector.get_available_resources(gpus=["0", "1"])

    assert ids(resources.usable_gpus) == [0, 1]
    assert resources.reserved_gpus == ()
    assert sum("could not be confirmed" in note for note in resources.notes) == 2


def test_duplicate_ids_are_used_once() -> None:
    chosen, notes = select_gpus(["1", UUID_1, "1"], four_gpus())
    unconfirmed, unconfirmed_notes = select_gpus(["1", "1"], [])

    assert ids(chosen) == [1]
    assert len(notes) == 2 and "listed more than once" in notes[0]
    assert ids(unconfirmed) == [1]
    assert "GPU 1 is listed more than once; it is used once" in unconfirmed_notes


def test_empty_allow_list_means_no_gpu() -> None:
    resources = (
        Queries(nvml=four_gpus()).detector(inside_maya=False).get_available_resources(gpus=[])
    )

    assert resources.usable_gpus == ()
    assert "the GPU list is empty: no GPU will be used" in resources.notes


def test_bad_allow_list_raises_through_the_detector() -> None:
    detector = Queries(nvml=four_gpus()[:2]).detector(inside_maya=False)

    with pytest.raises(GPUSelectionError, match="GPU index 7 does not exist"):
        detector.get_available_resources(gpus=["7"])


# --------------------------------------------------------------------------------------------------
# gpu_count
# --------------------------------------------------------------------------------------------------
def test_gpu_count_limits_the_usable_gpus() -> None:
    detector = Queries(nvml=four_gpus()).detector(inside_maya=True)

    resources = detector.get_available_resources(gpu_count=2)

    assert ids(resources.reserved_gpus) == [0]
    assert ids(resources.usable_gpus) == [1, 2]


def test_gpu_count_prefers_gpus_without_a_display() -> None:
    detector = Queries(nvml=four_gpus(display_index=0)).detector(inside_maya=False)

    resources = detector.get_available_resources(gpu_count=2)

    assert ids(resources.usable_gpus) == [1, 2]


def test_gpu_count_keeps_the_users_first_choices() -> None:
    detector = Queries(nvml=four_gpus()).detector(inside_maya=False)

    resources = detector.get_available_resources(gpus=["3", "0", "1"], gpu_count=2)

    assert ids(resources.usable_gpus) == [3, 0]


def test_gpu_count_larger_than_usable_leaves_a_note() -> None:
    detector = Queries(nvml=four_gpus()[:2]).detector(inside_maya=True)

    resources = detector.get_available_resources(gpu_count=3)

    assert ids(resources.usable_gpus) == [1]
    assert "asked for 3 GPU(s) but only 1 usable" in resources.notes


def test_gpu_count_zero_means_cpu_only() -> None:
    resources = (
        Queries(nvml=four_gpus()).detector(inside_maya=False).get_available_resources(gpu_count=0)
    )

    assert resources.usable_gpus == ()


# --------------------------------------------------------------------------------------------------
# Detector plumbing
# --------------------------------------------------------------------------------------------------
def test_snapshot_is_reused_instead_of_detecting_again() -> None:
    queries = Queries(nvml=four_gpus())
    detector = queries.detector(inside_maya=True)
    snapshot = detector.detect()

    first = detector.get_available_resources(system=snapshot)
    second = detector.get_available_resources(gpus=["3"], system=snapshot)

    assert queries.calls == {"nvml": 1, "smi": 0, "cpu": 1}
    assert first.system is snapshot and second.system is snapshot
    assert snapshot.gpus == tuple(four_gpus())  # reservation never mutates the snapshot


def test_detect_methods_return_plain_values() -> None:
    queries = Queries(nvml=four_gpus()[:2])
    detector = queries.detector(inside_maya=False)

    assert ids(detector.detect_cuda_gpus()) == [0, 1]
    assert detector.detect_cpu_info() == CPU
    assert dataclasses.is_dataclass(detector.policy)
