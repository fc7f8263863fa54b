"""Tests for lrc_toolbox.utils.gpu_utils: NVML through a fake ``pynvml``, nvidia-smi parsing.

The fake ``pynvml`` mirrors the real binding (nvidia-ml-py): the NVMLError hierarchy with the real
class names and codes (checked against the installed module), ``NVMLError(code)`` turning into the
matching subclass, every query raising ``NVMLError_Uninitialized`` before ``nvmlInit``, opaque
handles, ``bytes`` strings in old bindings, ``busId`` as bytes, ``usedGpuMemory=None`` under WDDM.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lrc_toolbox.core.models import GPUProcess
from lrc_toolbox.utils import gpu_utils
from lrc_toolbox.utils.gpu_utils import (
    BYTES_PER_MIB,
    NVIDIA_SMI_FIELDS,
    GPUQueryError,
    cpu_info,
    detect_cuda_gpus,
    parse_nvidia_smi_csv,
    query_gpus_nvidia_smi,
    query_gpus_nvml,
)

DATA_DIR = Path(__file__).parents[1] / "data" / "nvidia_smi"

# --------------------------------------------------------------------------------------------------
# A fake pynvml that behaves like nvidia-ml-py
# --------------------------------------------------------------------------------------------------
#: Class-name suffix -> (NVML_ERROR_* code, str() of the error), as in nvidia-ml-py.
NVML_ERRORS: dict[str, tuple[int, str]] = {
    "Uninitialized": (1, "Uninitialized"),
    "InvalidArgument": (2, "Invalid Argument"),
    "NotSupported": (3, "Not Supported"),
    "NoPermission": (4, "Insufficient Permissions"),
    "AlreadyInitialized": (5, "Already Initialized"),
    "NotFound": (6, "Not Found"),
    "InsufficientSize": (7, "Insufficient Size"),
    "DriverNotLoaded": (9, "Driver Not Loaded"),
    "Timeout": (10, "Timeout"),
    "LibraryNotFound": (12, "NVML Shared Library Not Found"),
    "FunctionNotFound": (13, "Function Not Found"),
    "GpuIsLost": (15, "GPU is lost"),
    "LibRmVersionMismatch": (18, "RM has detected an NVML/RM version mismatch."),
    "Unknown": (999, "Unknown Error"),
}
CODE = {suffix: code for suffix, (code, _text) in NVML_ERRORS.items()}


class FakeNVMLError(Exception):
    """Like pynvml.NVMLError: ``NVMLError(code)`` returns an instance of the code's subclass."""

    _value_class: dict[int, type[FakeNVMLError]] = {}

    def __new__(cls, value: int) -> FakeNVMLError:
        if cls is FakeNVMLError:
            cls = FakeNVMLError._value_class.get(value, cls)
        obj = Exception.__new__(cls)
        obj.value = value
        return obj

    def __str__(self) -> str:
        for code, text in NVML_ERRORS.values():
            if code == self.value:
                return text
        return f"NVML Error with code {self.value}"


def _error_subclass(suffix: str, value: int) -> type[FakeNVMLError]:
    def new(typ: type, *args: object) -> FakeNVMLError:
        return FakeNVMLError.__new__(typ, value)

    return type(f"NVMLError_{suffix}", (FakeNVMLError,), {"__new__": new})


ERROR_CLASSES: dict[str, type[FakeNVMLError]] = {}
for _suffix, (_code, _text) in NVML_ERRORS.items():
    ERROR_CLASSES[_suffix] = _error_subclass(_suffix, _code)
    FakeNVMLError._value_class[_code] = ERROR_CLASSES[_suffix]


@dataclass
class FakeDevice:
    """One GPU as the fake driver knows it."""

    name: str
    uuid: str
    bus_id: str
    total: int
    free: int
    utilization: int = 0
    capability: tuple[int, int] = (8, 6)
    display_active: bool = False
    compute_procs: list[tuple[int, int | None]] = field(default_factory=list)
    graphics_procs: list[tuple[int, int | None]] = field(default_factory=list)
    unsupported: set[str] = field(default_factory=set)  # functions that raise NotSupported
    open_error: str | None = None  # error nvmlDeviceGetHandleByIndex raises for this GPU


class _Handle:
    """Opaque like ``c_nvmlDevice_t``: code under test must only pass it back."""

    __slots__ = ("_device",)

    def __init__(self, device: FakeDevice) -> None:
        self._device = device


def make_fake_pynvml(
    devices: list[FakeDevice],
    *,
    init_error: str | None = None,
    count_error: str | None = None,
    shutdown_error: str | None = None,
    driver_version: str = "550.54.14",
    bytes_strings: bool = False,
) -> types.ModuleType:
    """Build a module object that answers like nvidia-ml-py over ``devices``."""
    module = types.ModuleType("pynvml")
    module.NVMLError = FakeNVMLError
    for suffix, error_class in ERROR_CLASSES.items():
        setattr(module, f"NVMLError_{suffix}", error_class)
    module.NVML_FEATURE_DISABLED = 0
    module.NVML_FEATURE_ENABLED = 1
    state = types.SimpleNamespace(refcount=0, init_calls=0, shutdown_calls=0)
    module.state = state

    def out(text: str) -> str | bytes:
        return text.encode() if bytes_strings else text

    def require_init() -> None:
        if state.refcount == 0:
            raise FakeNVMLError(CODE["Uninitialized"])

    def device_of(handle: object, function: str) -> FakeDevice:
        require_init()
        if not isinstance(handle, _Handle):
            raise FakeNVMLError(CODE["InvalidArgument"])
        device = handle._device
        if function in device.unsupported:
            raise FakeNVMLError(CODE["NotSupported"])
        return device

    def nvmlInit() -> None:
        state.init_calls += 1
        if init_error:
            raise FakeNVMLError(CODE[init_error])
        state.refcount += 1

    def nvmlShutdown() -> None:
        require_init()
        state.shutdown_calls += 1
        state.refcount -= 1
        if shutdown_error:
            raise FakeNVMLError(CODE[shutdown_error])

    def nvmlSystemGetDriverVersion() -> str | bytes:
        require_init()
        return out(driver_version)

    def nvmlDeviceGetCount() -> int:
        require_init()
        if count_error:
            raise FakeNVMLError(CODE[count_error])
        return len(devices)

    def nvmlDeviceGetHandleByIndex(index: int) -> _Handle:
        require_init()
        if not 0 <= index < len(devices):
            raise FakeNVMLError(CODE["InvalidArgument"])
        if devices[index].open_error:
            raise FakeNVMLError(CODE[devices[index].open_error])
        return _Handle(devices[index])

    def nvmlDeviceGetName(handle: object) -> str | bytes:
        return out(device_of(handle, "nvmlDeviceGetName").name)

    def nvmlDeviceGetUUID(handle: object) -> str | bytes:
        return out(device_of(handle, "nvmlDeviceGetUUID").uuid)

    def nvmlDeviceGetPciInfo(handle: object) -> types.SimpleNamespace:
        device = device_of(handle, "nvmlDeviceGetPciInfo")
        # A ctypes struct: char-array fields read back as bytes in every binding version.
        return types.SimpleNamespace(busId=device.bus_id.encode(), busIdLegacy=b"", domain=0)

    def nvmlDeviceGetMemoryInfo(handle: object) -> types.SimpleNamespace:
        device = device_of(handle, "nvmlDeviceGetMemoryInfo")
        return types.SimpleNamespace(
            total=device.total, free=device.free, used=device.total - device.free
        )

    def nvmlDeviceGetUtilizationRates(handle: object) -> types.SimpleNamespace:
        device = device_of(handle, "nvmlDeviceGetUtilizationRates")
        return types.SimpleNamespace(gpu=device.utilization, memory=0)

    def nvmlDeviceGetCudaComputeCapability(handle: object) -> tuple[int, int]:
        return device_of(handle, "nvmlDeviceGetCudaComputeCapability").capability

    def nvmlDeviceGetDisplayActive(handle: object) -> int:
        device = device_of(handle, "nvmlDeviceGetDisplayActive")
        return module.NVML_FEATURE_ENABLED if device.display_active else 0

    def processes(pairs: list[tuple[int, int | None]]) -> list[types.SimpleNamespace]:
        return [
            types.SimpleNamespace(
                pid=pid, usedGpuMemory=used, gpuInstanceId=0xFFFFFFFF, computeInstanceId=0xFFFFFFFF
            )
            for pid, used in pairs
        ]

    def nvmlDeviceGetComputeRunningProcesses(handle: object) -> list[types.SimpleNamespace]:
        return processes(device_of(handle, "nvmlDeviceGetComputeRunningProcesses").compute_procs)

    def nvmlDeviceGetGraphicsRunningProcesses(handle: object) -> list[types.SimpleNamespace]:
        device = device_of(handle, "nvmlDeviceGetGraphicsRunningProcesses")
        return processes(device.graphics_procs)

    for function in list(locals().values()):
        if callable(function) and getattr(function, "__name__", "").startswith("nvml"):
            setattr(module, function.__name__, function)
    return module


def two_devices() -> list[FakeDevice]:
    """A display GPU with Maya on it and an idle render GPU."""
    return [
        FakeDevice(
            name="NVIDIA RTX A6000",
            uuid="GPU-8932f937-d72c-4106-c12f-20bd9faed9f6",
            bus_id="00000000:01:00.0",
            total=48 * 1024**3,
            free=40 * 1024**3,
            utilization=17,
            capability=(8, 6),
            display_active=True,
            compute_procs=[(4242, 2 * 1024**3)],
            graphics_procs=[
                (4242, 3 * 1024**3),
                (1001, None),
            ],  # Maya on both lists; Xorg (WDDM-like)
        ),
        FakeDevice(
            name="NVIDIA GeForce RTX 4090",
            uuid="GPU-5c1b8d2e-0a4f-4b7e-9d3c-2f6e8a1b7c40",
            bus_id="00000000:21:00.0",
            total=24 * 1024**3,
            free=24 * 1024**3,
            utilization=0,
            capability=(8, 9),
        ),
    ]


@pytest.fixture
def install_pynvml(monkeypatch: pytest.MonkeyPatch) -> Callable[..., types.ModuleType]:
    """Return a function that puts a fake pynvml in ``sys.modules`` for this test only."""

    def install(*args: Any, **kwargs: Any) -> types.ModuleType:
        module = make_fake_pynvml(*args, **kwargs)
        monkeypatch.setitem(sys.modules, "pynvml", module)
        return module

    return install


# --------------------------------------------------------------------------------------------------
# A fake nvidia-smi (the subprocess boundary)
# --------------------------------------------------------------------------------------------------
class FakeNvidiaSmi:
    """Answers ``nvidia-smi --query-gpu=...`` like the real tool, for a given set of known fields.

    An unknown field gives what the real tool gives: exit code 2 and
    ``Field "x" is not a valid field to query.`` on stdout.
    """

    def __init__(self, rows: list[dict[str, str]], known_fields: set[str] | None = None) -> None:
        self.rows = rows
        self.known_fields = set(NVIDIA_SMI_FIELDS) if known_fields is None else known_fields
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append((list(argv), kwargs))
        assert isinstance(argv, list), "argv must be a list, never a shell string"
        assert not kwargs.get("shell"), "never shell=True"
        (query,) = [arg for arg in argv if arg.startswith("--query-gpu=")]
        fields = query.removeprefix("--query-gpu=").split(",")
        for name in fields:
            if name not in self.known_fields:
                message = f'Field "{name}" is not a valid field to query.\n\n'
                return subprocess.CompletedProcess(argv, 2, stdout=message, stderr="")
        lines = [", ".join(row[name] for name in fields) for row in self.rows]
        return subprocess.CompletedProcess(argv, 0, stdout="\n".join(lines) + "\n", stderr="")


def smi_rows_two_gpus() -> list[dict[str, str]]:
    """The two GPUs of ``two_gpus.csv`` as field dictionaries."""
    text = (DATA_DIR / "two_gpus.csv").read_text()
    return [
        dict(zip(NVIDIA_SMI_FIELDS, line.split(", "), strict=True)) for line in text.splitlines()
    ]


def canned_runner(*answers: tuple[int, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """A runner that returns the given (exit code, canned file name) answers in turn."""
    remaining = list(answers)

    def run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        returncode, file_name = remaining.pop(0)
        stdout = (DATA_DIR / file_name).read_text()
        return subprocess.CompletedProcess(argv, returncode, stdout=stdout, stderr="")

    return run


def raising_runner(error: BaseException) -> Callable[..., subprocess.CompletedProcess[str]]:
    """A runner that fails to start the process the way subprocess.run does."""

    def run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        raise error

    return run


# --------------------------------------------------------------------------------------------------
# The fake is faithful
# --------------------------------------------------------------------------------------------------
def test_fake_error_hierarchy_matches_installed_pynvml() -> None:
    real = importlib.import_module("pynvml")
    for suffix, (code, text) in NVML_ERRORS.items():
        real_class = getattr(real, f"NVMLError_{suffix}")
        assert issubclass(real_class, real.NVMLError)
        assert real_class().value == code, suffix
        assert type(real.NVMLError(code)) is real_class
        assert str(real_class()) == text
        assert type(FakeNVMLError(code)) is ERROR_CLASSES[suffix]
        assert ERROR_CLASSES[suffix]().value == code


def test_fake_raises_uninitialized_before_init_like_the_real_one() -> None:
    fake = make_fake_pynvml(two_devices())
    with pytest.raises(fake.NVMLError_Uninitialized):
        fake.nvmlDeviceGetCount()
    with pytest.raises(fake.NVMLError_Uninitialized):
        fake.nvmlShutdown()


# --------------------------------------------------------------------------------------------------
# NVML
# --------------------------------------------------------------------------------------------------
def test_nvml_two_gpus_every_field(install_pynvml: Callable[..., types.ModuleType]) -> None:
    fake = install_pynvml(two_devices())

    gpus, driver = query_gpus_nvml()

    assert driver == "550.54.14"
    assert [gpu.device_id for gpu in gpus] == [0, 1]
    first, second = gpus
    assert first.name == "NVIDIA RTX A6000"
    assert first.uuid == "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    assert first.pci_bus_id == "00000000:01:00.0"
    assert first.memory_total == 48 * 1024**3
    assert first.memory_free == 40 * 1024**3
    assert first.memory_used == 8 * 1024**3
    assert first.compute_capability == (8, 6)
    assert first.utilization_percent == 17
    assert first.display_active is True
    assert first.is_available is True
    # Maya is on both lists: listed once, with the larger figure; Xorg has no figure (WDDM-like).
    assert sorted(first.processes, key=lambda p: p.pid) == [
        GPUProcess(pid=1001, used_memory=None),
        GPUProcess(pid=4242, used_memory=3 * 1024**3),
    ]
    assert second.name == "NVIDIA GeForce RTX 4090"
    assert second.compute_capability == (8, 9)
    assert second.display_active is False
    assert second.processes == ()
    assert second.cuda_visible_devices_value == "GPU-5c1b8d2e-0a4f-4b7e-9d3c-2f6e8a1b7c40"
    assert (fake.state.init_calls, fake.state.shutdown_calls, fake.state.refcount) == (1, 1, 0)


def test_nvml_old_binding_bytes_strings_are_decoded(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    install_pynvml(two_devices(), bytes_strings=True)

    gpus, driver = query_gpus_nvml()

    assert driver == "550.54.14"
    assert gpus[0].name == "NVIDIA RTX A6000"
    assert gpus[0].uuid == "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    assert all(isinstance(gpu.name, str) and isinstance(gpu.uuid, str) for gpu in gpus)


def test_nvml_unsupported_queries_leave_fields_empty_not_the_device(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    devices = two_devices()
    devices[0].unsupported = {
        "nvmlDeviceGetUtilizationRates",
        "nvmlDeviceGetCudaComputeCapability",
        "nvmlDeviceGetComputeRunningProcesses",
        "nvmlDeviceGetGraphicsRunningProcesses",
        "nvmlDeviceGetDisplayActive",
        "nvmlDeviceGetMemoryInfo",
        "nvmlDeviceGetPciInfo",
    }
    install_pynvml(devices)

    gpus, _driver = query_gpus_nvml()

    first = gpus[0]
    assert first.name == "NVIDIA RTX A6000"
    assert first.uuid == "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    assert first.utilization_percent is None
    assert first.compute_capability is None
    assert first.processes == ()
    assert first.display_active is None
    assert (first.memory_total, first.memory_free) == (0, 0)
    assert first.pci_bus_id == ""
    assert first.is_available is True
    assert gpus[1].compute_capability == (8, 9)  # the other GPU is unaffected


def test_nvml_function_missing_from_old_binding_counts_as_unsupported(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    fake = install_pynvml(two_devices())
    del fake.nvmlDeviceGetCudaComputeCapability
    del fake.nvmlDeviceGetDisplayActive

    gpus, _driver = query_gpus_nvml()

    assert [gpu.compute_capability for gpu in gpus] == [None, None]
    assert [gpu.display_active for gpu in gpus] == [None, None]
    assert gpus[0].name == "NVIDIA RTX A6000"


def test_nvml_gpu_that_cannot_be_opened_is_listed_unavailable(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    devices = two_devices()
    devices[1].open_error = "NoPermission"
    install_pynvml(devices)

    gpus, _driver = query_gpus_nvml()

    assert gpus[0].is_available is True
    assert gpus[1].device_id == 1
    assert gpus[1].is_available is False
    assert "NVML cannot open GPU 1" in gpus[1].unavailable_reason
    assert "permission" in gpus[1].unavailable_reason


@pytest.mark.parametrize(
    ("init_error", "expected"),
    [
        (
            "LibraryNotFound",
            "NVIDIA driver library (libnvidia-ml) not found: no NVIDIA driver installed",
        ),
        ("DriverNotLoaded", "NVIDIA driver not loaded"),
        ("NoPermission", "no permission to query the NVIDIA driver"),
        ("LibRmVersionMismatch", "do not match"),
        ("Unknown", "NVML error: Unknown Error (NVMLError_Unknown)"),
    ],
)
def test_nvml_unusable_raises_gpu_query_error_with_reason(
    install_pynvml: Callable[..., types.ModuleType], init_error: str, expected: str
) -> None:
    fake = install_pynvml(two_devices(), init_error=init_error)

    with pytest.raises(GPUQueryError) as caught:
        query_gpus_nvml()

    assert expected in str(caught.value)
    assert isinstance(caught.value.__cause__, fake.NVMLError)
    assert fake.state.shutdown_calls == 0  # nothing to shut down after a failed init


def test_nvml_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", None)  # makes ``import pynvml`` raise ImportError

    with pytest.raises(GPUQueryError, match="nvidia-ml-py not installed"):
        query_gpus_nvml()


def test_nvml_count_failure_still_shuts_down(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    fake = install_pynvml(two_devices(), count_error="GpuIsLost")

    with pytest.raises(GPUQueryError, match="could not count the GPUs: .*GPU is lost"):
        query_gpus_nvml()

    assert (fake.state.shutdown_calls, fake.state.refcount) == (1, 0)


def test_nvml_shutdown_failure_does_not_lose_the_answer(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    install_pynvml(two_devices(), shutdown_error="Unknown")

    gpus, _driver = query_gpus_nvml()

    assert len(gpus) == 2


def test_nvml_driver_without_gpus(install_pynvml: Callable[..., types.ModuleType]) -> None:
    install_pynvml([])

    assert query_gpus_nvml() == ([], "550.54.14")


# --------------------------------------------------------------------------------------------------
# nvidia-smi
# --------------------------------------------------------------------------------------------------
def test_smi_normal_output_and_command_line() -> None:
    smi = FakeNvidiaSmi(smi_rows_two_gpus())

    gpus = query_gpus_nvidia_smi(runner=smi)

    ((argv, kwargs),) = smi.calls
    assert argv == [
        "nvidia-smi",
        "--query-gpu=index,uuid,pci.bus_id,name,memory.total,memory.free,utilization.gpu,"
        "display_active,compute_cap",
        "--format=csv,noheader,nounits",
    ]
    assert kwargs["timeout"] == gpu_utils.NVIDIA_SMI_TIMEOUT_S
    assert kwargs["capture_output"] is True and kwargs["text"] is True
    first, second = gpus
    assert (first.device_id, first.name) == (0, "NVIDIA RTX A6000")
    assert first.uuid == "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    assert first.pci_bus_id == "00000000:01:00.0"
    assert first.memory_total == 49140 * BYTES_PER_MIB
    assert first.memory_free == 47963 * BYTES_PER_MIB
    assert first.utilization_percent == 3
    assert first.compute_capability == (8, 6)
    assert first.display_active is True
    assert (second.device_id, second.compute_capability, second.display_active) == (
        1,
        (8, 9),
        False,
    )


def test_smi_na_and_not_supported_fields_mean_unknown() -> None:
    gpus = query_gpus_nvidia_smi(runner=canned_runner((0, "na_fields.csv")))

    quadro, tesla = gpus
    assert quadro.utilization_percent is None
    assert quadro.display_active is None
    assert quadro.compute_capability == (5, 0)
    assert quadro.memory_total == 4096 * BYTES_PER_MIB
    assert (tesla.device_id, tesla.name) == (1, "Tesla K80")
    assert (tesla.uuid, tesla.pci_bus_id) == ("", "")
    assert (tesla.memory_total, tesla.memory_free) == (0, 0)
    assert tesla.utilization_percent is None
    assert tesla.compute_capability is None
    assert tesla.cuda_visible_devices_value == "1"


def test_smi_old_driver_without_compute_cap_is_retried_without_it() -> None:
    rows = [dict(row) for row in smi_rows_two_gpus()]
    smi = FakeNvidiaSmi(rows, known_fields=set(NVIDIA_SMI_FIELDS) - {"compute_cap"})

    gpus = query_gpus_nvidia_smi(runner=smi)

    assert len(smi.calls) == 2
    assert "compute_cap" in smi.calls[0][0][1]
    assert "compute_cap" not in smi.calls[1][0][1]
    assert [gpu.compute_capability for gpu in gpus] == [None, None]
    assert [gpu.name for gpu in gpus] == ["NVIDIA RTX A6000", "NVIDIA GeForce RTX 4090"]


def test_smi_old_driver_canned_outputs() -> None:
    runner = canned_runner(
        (2, "old_driver_invalid_field.txt"), (0, "old_driver_no_compute_cap.csv")
    )

    (gpu,) = query_gpus_nvidia_smi(runner=runner)

    assert gpu.name == "GeForce GTX 1080 Ti"
    assert gpu.compute_capability is None
    assert gpu.memory_total == 11178 * BYTES_PER_MIB
    assert gpu.display_active is True


def test_smi_very_old_driver_drops_every_optional_field() -> None:
    known = set(NVIDIA_SMI_FIELDS) - {"compute_cap", "display_active"}
    smi = FakeNvidiaSmi(smi_rows_two_gpus(), known_fields=known)

    gpus = query_gpus_nvidia_smi(runner=smi)

    assert len(smi.calls) == 3
    assert [gpu.device_id for gpu in gpus] == [0, 1]
    assert all(gpu.display_active is None for gpu in gpus)


def test_smi_rejected_mandatory_field_fails_instead_of_looping() -> None:
    smi = FakeNvidiaSmi(smi_rows_two_gpus(), known_fields=set(NVIDIA_SMI_FIELDS) - {"pci.bus_id"})

    with pytest.raises(GPUQueryError, match=r'exit code 2\): Field "pci.bus_id" is not a valid'):
        query_gpus_nvidia_smi(runner=smi)

    assert len(smi.calls) == 1


def test_smi_garbage_output_is_an_error() -> None:
    with pytest.raises(GPUQueryError, match="unrecognised nvidia-smi output: '<html>"):
        query_gpus_nvidia_smi(runner=canned_runner((0, "garbage.txt")))


def test_smi_malformed_value_names_the_line() -> None:
    with pytest.raises(GPUQueryError, match="malformed nvidia-smi line .*'lots' is not a number"):
        query_gpus_nvidia_smi(runner=canned_runner((0, "malformed_memory.csv")))


def test_smi_warning_lines_are_skipped() -> None:
    (gpu,) = query_gpus_nvidia_smi(runner=canned_runner((0, "inforom_warning.csv")))

    assert gpu.name == "NVIDIA RTX A6000"


def test_smi_gpu_name_with_commas() -> None:
    line = "0, GPU-11111111-2222-3333-4444-555555555555, 00000000:65:00.0, Board, Rev 2, A, 8192, 8000, 5, Disabled, 7.5"

    (gpu,) = parse_nvidia_smi_csv(line)

    assert gpu.name == "Board, Rev 2, A"
    assert gpu.memory_total == 8192 * BYTES_PER_MIB
    assert gpu.compute_capability == (7, 5)


def test_smi_bad_compute_capability_is_malformed() -> None:
    line = "0, GPU-1, 00000000:01:00.0, X, 1, 1, 1, Enabled, eight"

    with pytest.raises(GPUQueryError, match="not a compute capability"):
        parse_nvidia_smi_csv(line)


def test_smi_empty_output_is_no_gpu() -> None:
    assert parse_nvidia_smi_csv("\n\n") == []


@pytest.mark.parametrize(
    ("returncode", "file_name", "expected"),
    [
        (6, "no_devices.txt", r"exit code 6\): No devices were found"),
        (9, "driver_not_loaded.txt", r"exit code 9\): NVIDIA-SMI has failed because it couldn't"),
    ],
)
def test_smi_non_zero_exit_gives_its_reason(returncode: int, file_name: str, expected: str) -> None:
    with pytest.raises(GPUQueryError, match=expected):
        query_gpus_nvidia_smi(runner=canned_runner((returncode, file_name)))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FileNotFoundError(2, "No such file or directory"), "nvidia-smi not found"),
        (subprocess.TimeoutExpired(["nvidia-smi"], 10.0), "did not answer within 10 s"),
        (PermissionError(13, "Permission denied"), "could not be started: .*Permission denied"),
    ],
)
def test_smi_start_failures(error: BaseException, expected: str) -> None:
    with pytest.raises(GPUQueryError, match=expected):
        query_gpus_nvidia_smi(runner=raising_runner(error))


@pytest.fixture
def fake_smi_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Put an executable ``nvidia-smi`` script that prints a canned file first on PATH."""
    if sys.platform == "win32":
        pytest.skip("the fake nvidia-smi is a POSIX shell script")

    def install(file_name: str) -> Path:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        args_file = tmp_path / "argv.txt"
        script = bin_dir / "nvidia-smi"
        script.write_text(
            f'#!/bin/sh\nprintf "%s\\n" "$@" > "{args_file}"\ncat "{DATA_DIR / file_name}"\n'
        )
        script.chmod(0o755)
        monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
        return args_file

    return install


@pytest.mark.slow
def test_smi_real_subprocess_with_fake_tool(fake_smi_on_path: Callable[[str], Path]) -> None:
    args_file = fake_smi_on_path("two_gpus.csv")

    gpus = query_gpus_nvidia_smi()

    assert [gpu.device_id for gpu in gpus] == [0, 1]
    assert args_file.read_text().splitlines() == [
        "--query-gpu=" + ",".join(NVIDIA_SMI_FIELDS),
        "--format=csv,noheader,nounits",
    ]


@pytest.mark.slow
def test_smi_real_subprocess_tool_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no nvidia-smi anywhere

    with pytest.raises(GPUQueryError, match="nvidia-smi not found"):
        query_gpus_nvidia_smi()


# --------------------------------------------------------------------------------------------------
# detect_cuda_gpus (the spec's simple helper) and cpu_info
# --------------------------------------------------------------------------------------------------
def test_detect_cuda_gpus_counts_through_nvml(
    install_pynvml: Callable[..., types.ModuleType],
) -> None:
    install_pynvml(two_devices())

    assert detect_cuda_gpus() == 2


@pytest.mark.slow
def test_detect_cuda_gpus_falls_back_to_nvidia_smi(
    install_pynvml: Callable[..., types.ModuleType], fake_smi_on_path: Callable[[str], Path]
) -> None:
    install_pynvml([], init_error="LibraryNotFound")
    fake_smi_on_path("two_gpus.csv")

    assert detect_cuda_gpus() == 2


@pytest.mark.slow
def test_detect_cuda_gpus_is_zero_without_driver_or_tool(
    install_pynvml: Callable[..., types.ModuleType],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_pynvml([], init_error="LibraryNotFound")
    monkeypatch.setenv("PATH", str(tmp_path))

    assert detect_cuda_gpus() == 0


def test_cpu_info_on_this_machine() -> None:
    info = cpu_info()

    assert info.logical_cores >= 1
    assert 1 <= info.physical_cores <= info.logical_cores
    assert info.ram_total >= info.ram_available > 0


def test_cpu_info_physical_unknown_falls_back_to_logical(monkeypatch: pytest.MonkeyPatch) -> None:
    def cpu_count(logical: bool = True) -> int | None:
        return 12 if logical else None  # what psutil returns where it cannot tell

    monkeypatch.setattr(gpu_utils.psutil, "cpu_count", cpu_count)

    info = cpu_info()

    assert (info.physical_cores, info.logical_cores) == (12, 12)
