#!/usr/bin/env python3
"""GPU truth check: does the engine see the GPUs nvidia-smi sees, and does a pinned render land on
the GPU the scheduler assigned?

Run it on a machine with NVIDIA GPUs (it cannot prove anything without one)::

    pip install nvidia-ml-py            # NVML, the engine's own dependency
    pip install cuda-python             # optional: without it, libcuda is called through ctypes
    python scripts/gpu_check.py [--gpus 0,1] [--alloc-mib 256] [--out report.json]

What it checks, printing one JSON report on stdout (a readable summary on stderr):

1. **Detector vs nvidia-smi**: ``SystemDetector`` (NVML) and ``nvidia-smi --query-gpu=index,uuid,
   name,memory.total --format=csv,noheader`` list the same GPUs: same indices, UUIDs, names and
   memory (to the MiB).
2. **Pinning**: for every slot the scheduler builds (``build_slots`` over the usable GPUs), a child
   process is started with exactly the environment a render gets (``build_child_environment(
   cuda_device=<slot's GPU>)``: ``CUDA_VISIBLE_DEVICES=<UUID>``, ``CUDA_DEVICE_ORDER=PCI_BUS_ID``).
   It allocates GPU memory through CUDA (cuda-python, else ``cuMemAlloc`` from libcuda via ctypes)
   and reports the UUID of its device 0. The check passes when that UUID is the assigned one *and*
   NVML's process list (``nvmlDeviceGetComputeRunningProcesses``) shows the child's pid on exactly
   that GPU and no other.

Exit codes: 0 every check passed; 1 a mismatch (the report says which); 2 no NVIDIA GPU, driver,
NVML binding or CUDA library, so nothing could be checked (one clear line on stderr).

In a container without the host's pid namespace NVML reports host pids: the child's pid is then
not found, and a new process holding at least the allocation on exactly the assigned GPU is taken
as the child instead (the report says ``matched_by: new-process``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from lrc_toolbox.core.models import GPUInfo  # noqa: E402
from lrc_toolbox.core.scheduler import build_slots  # noqa: E402
from lrc_toolbox.core.system_detector import GPUSelectionError, SystemDetector  # noqa: E402
from lrc_toolbox.utils.child_env import build_child_environment  # noqa: E402

EXIT_OK = 0
EXIT_MISMATCH = 1
EXIT_NO_GPU = 2

MIB = 1024 * 1024
#: nvidia-smi normally answers in well under a second.
NVIDIA_SMI_TIMEOUT_S = 30.0
#: How long the child may take to create a CUDA context and allocate (first use can be slow).
CHILD_READY_TIMEOUT_S = 120.0
#: How long NVML is polled for the child's process after it allocated.
NVML_POLL_S = 15.0
NVML_POLL_INTERVAL_S = 0.25

SMI_QUERY = ["nvidia-smi", "--query-gpu=index,uuid,name,memory.total", "--format=csv,noheader"]

#: The pinned child. Argument: bytes to allocate. Prints one JSON line once the memory is held,
#: keeps it until a line (or EOF) arrives on stdin, then frees it and exits.
CHILD_CODE = r"""
import ctypes, json, os, sys

def fmt_uuid(raw):
    h = bytes(raw).hex()
    return "GPU-%s-%s-%s-%s-%s" % (h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])

def with_cuda_python(size):
    try:
        from cuda.bindings import driver as cu
    except ImportError:
        from cuda import cuda as cu
    def ok(result):
        err = result[0]
        if int(err) != 0:
            raise RuntimeError("CUDA error %s" % err)
        return result[1] if len(result) > 1 else None
    ok(cu.cuInit(0))
    dev = ok(cu.cuDeviceGet(0))
    ctx = ok(cu.cuDevicePrimaryCtxRetain(dev))
    ok(cu.cuCtxSetCurrent(ctx))
    ptr = ok(cu.cuMemAlloc(size))
    get_uuid = getattr(cu, "cuDeviceGetUuid_v2", None) or cu.cuDeviceGetUuid
    uuid = ok(get_uuid(dev))
    raw = uuid.bytes if hasattr(uuid, "bytes") else bytes(uuid)
    if isinstance(raw, str):
        raw = raw.encode("latin-1")
    return "cuda-python", fmt_uuid(raw[:16]), lambda: ok(cu.cuMemFree(ptr))

def with_ctypes(size):
    names = ["nvcuda.dll"] if os.name == "nt" else ["libcuda.so.1", "libcuda.so"]
    lib = None
    for name in names:
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is None:
        raise RuntimeError("cannot load the CUDA driver library (%s)" % ", ".join(names))
    def ok(code, what):
        if code != 0:
            raise RuntimeError("%s failed with CUDA error %d" % (what, code))
    ok(lib.cuInit(0), "cuInit")
    dev = ctypes.c_int()
    ok(lib.cuDeviceGet(ctypes.byref(dev), 0), "cuDeviceGet")
    ctx = ctypes.c_void_p()
    ok(lib.cuDevicePrimaryCtxRetain(ctypes.byref(ctx), dev), "cuDevicePrimaryCtxRetain")
    ok(lib.cuCtxSetCurrent(ctx), "cuCtxSetCurrent")
    ptr = ctypes.c_uint64()
    ok(lib.cuMemAlloc_v2(ctypes.byref(ptr), ctypes.c_size_t(size)), "cuMemAlloc_v2")
    raw = (ctypes.c_ubyte * 16)()
    get_uuid = getattr(lib, "cuDeviceGetUuid_v2", None) or lib.cuDeviceGetUuid
    ok(get_uuid(ctypes.byref(raw), dev), "cuDeviceGetUuid")
    return "ctypes-libcuda", fmt_uuid(bytes(raw)), lambda: lib.cuMemFree_v2(ptr)

size = int(sys.argv[1])
errors = []
for attempt in (with_cuda_python, with_ctypes):
    try:
        api, uuid, free = attempt(size)
        break
    except Exception as exc:  # report every way that failed
        errors.append("%s: %s" % (attempt.__name__, exc))
else:
    print(json.dumps({"stage": "error", "error": "; ".join(errors)}), flush=True)
    sys.exit(3)
print(json.dumps({"stage": "allocated", "pid": os.getpid(), "api": api, "uuid": uuid,
                  "bytes": size,
                  "cuda_visible_devices": os.environ.get("CUDA_VISIBLE_DEVICES"),
                  "cuda_device_order": os.environ.get("CUDA_DEVICE_ORDER")}), flush=True)
sys.stdin.readline()
free()
print(json.dumps({"stage": "released"}), flush=True)
"""


class NoGPUError(RuntimeError):
    """Nothing can be checked here (no GPU, no driver, no NVML binding, no CUDA library)."""


@dataclass
class Check:
    """One named check and its outcome."""

    name: str
    ok: bool
    detail: str


@dataclass
class PinResult:
    """What happened to one slot's pinned child."""

    slot: str
    assigned_uuid: str
    cuda_visible_devices: str | None = None
    cuda_device_order: str | None = None
    child_pid: int | None = None
    cuda_api: str | None = None
    child_sees_uuid: str | None = None
    nvml_gpus_with_child: list[str] = field(default_factory=list)
    matched_by: str | None = None
    ok: bool = False
    detail: str = ""


# --------------------------------------------------------------------------------------------------
# Listing: detector vs nvidia-smi
# --------------------------------------------------------------------------------------------------
def parse_smi_rows(text: str) -> list[dict[str, Any]]:
    """Parse ``index, uuid, name, memory.total`` CSV rows (``24576 MiB``); skip other lines.

    Args:
        text: nvidia-smi's standard output.

    Returns:
        One dict per GPU: ``index`` (int), ``uuid``, ``name``, ``memory_mib`` (int or None).
    """
    rows = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split(",")]
        if len(parts) < 4 or not parts[0].isdigit():
            continue
        memory = parts[-1].split()[0] if parts[-1] else ""
        rows.append(
            {
                "index": int(parts[0]),
                "uuid": parts[1],
                "name": ", ".join(parts[2:-1]),  # a name may hold commas
                "memory_mib": int(memory) if memory.isdigit() else None,
            }
        )
    return rows


def query_nvidia_smi() -> list[dict[str, Any]]:
    """Run nvidia-smi's GPU query.

    Raises:
        NoGPUError: nvidia-smi is missing, hung or failed.
    """
    if shutil.which(SMI_QUERY[0]) is None:
        raise NoGPUError("nvidia-smi not found on PATH (no NVIDIA driver installed?)")
    try:
        result = subprocess.run(
            SMI_QUERY, capture_output=True, text=True, timeout=NVIDIA_SMI_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise NoGPUError(f"nvidia-smi did not answer within {NVIDIA_SMI_TIMEOUT_S:g} s") from exc
    if result.returncode != 0:
        first = (result.stdout + result.stderr).strip().splitlines()[:1]
        raise NoGPUError(
            f"nvidia-smi failed (exit {result.returncode}): {first[0] if first else 'no output'}"
        )
    return parse_smi_rows(result.stdout)


def compare_listings(detected: Sequence[GPUInfo], smi: Sequence[dict[str, Any]]) -> list[Check]:
    """The detector's GPUs against nvidia-smi's, GPU by GPU.

    Args:
        detected: ``SystemDetector().detect().gpus``.
        smi: :func:`parse_smi_rows` output.

    Returns:
        A count check, then one check per index (UUID, name, memory to the MiB).
    """
    checks = [
        Check(
            "gpu count",
            len(detected) == len(smi),
            f"detector {len(detected)}, nvidia-smi {len(smi)}",
        )
    ]
    by_index = {gpu.device_id: gpu for gpu in detected}
    for row in smi:
        gpu = by_index.get(row["index"])
        name = f"GPU {row['index']} listing"
        if gpu is None:
            checks.append(Check(name, False, f"nvidia-smi lists {row['uuid']}; the detector not"))
            continue
        problems = []
        if gpu.uuid.lower() != row["uuid"].lower():
            problems.append(f"uuid {gpu.uuid!r} vs {row['uuid']!r}")
        if gpu.name.strip() != row["name"].strip():
            problems.append(f"name {gpu.name!r} vs {row['name']!r}")
        if row["memory_mib"] is not None and abs(gpu.memory_total // MIB - row["memory_mib"]) > 1:
            problems.append(f"memory {gpu.memory_total // MIB} MiB vs {row['memory_mib']} MiB")
        checks.append(
            Check(name, not problems, "; ".join(problems) or f"{row['uuid']} {row['name']}")
        )
    return checks


# --------------------------------------------------------------------------------------------------
# Pinning: a child that allocates, seen through NVML
# --------------------------------------------------------------------------------------------------
def nvml_processes() -> dict[str, dict[int, int | None]]:
    """NVML's compute processes per GPU UUID: ``{uuid: {pid: used bytes or None}}``.

    Raises:
        NoGPUError: The NVML binding is missing or NVML cannot start.
    """
    try:
        import pynvml
    except ImportError as exc:
        raise NoGPUError(
            "nvidia-ml-py is not installed (pip install nvidia-ml-py): NVML's "
            "process list is needed"
        ) from exc
    try:
        pynvml.nvmlInit()
    except pynvml.NVMLError as exc:
        raise NoGPUError(f"NVML cannot start: {exc}") from exc
    try:
        found: dict[str, dict[int, int | None]] = {}
        for index in range(pynvml.nvmlDeviceGetCount()):
            handle = pynvml.nvmlDeviceGetHandleByIndex(index)
            uuid = pynvml.nvmlDeviceGetUUID(handle)
            uuid = uuid.decode() if isinstance(uuid, bytes) else str(uuid)
            try:
                processes = pynvml.nvmlDeviceGetComputeRunningProcesses(handle)
            except pynvml.NVMLError:
                processes = []
            found[uuid] = {int(p.pid): getattr(p, "usedGpuMemory", None) for p in processes}
        return found
    finally:
        try:
            pynvml.nvmlShutdown()
        except pynvml.NVMLError:
            pass


def _read_line(stream: Any, timeout_s: float) -> str | None:
    """One line from a pipe, or None after ``timeout_s`` (the child may hang in the driver)."""
    box: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: box.put(stream.readline()), daemon=True).start()
    try:
        return box.get(timeout=timeout_s)
    except queue.Empty:
        return None


def judge_pinning(
    result: PinResult,
    before: dict[str, dict[int, int | None]],
    after: dict[str, dict[int, int | None]],
    alloc_bytes: int,
) -> PinResult:
    """Decide one slot's outcome from what the child said and NVML's lists before and after.

    Args:
        result: Filled with the child's report (pid, UUID it sees).
        before: NVML processes before the child started.
        after: NVML processes while the child holds its memory.
        alloc_bytes: What the child allocated.

    Returns:
        ``result`` with ``nvml_gpus_with_child``, ``matched_by``, ``ok`` and ``detail`` set.
    """
    assigned = result.assigned_uuid.lower()
    with_pid = [uuid for uuid, procs in after.items() if result.child_pid in procs]
    result.nvml_gpus_with_child = with_pid
    result.matched_by = "pid" if with_pid else None
    if not with_pid:
        # Containers: NVML may report host pids. A process that is new and holds at least the
        # allocation, on exactly one GPU, is the child.
        new = [
            uuid
            for uuid, procs in after.items()
            if any(
                pid not in before.get(uuid, {}) and (used is None or used >= alloc_bytes)
                for pid, used in procs.items()
            )
        ]
        if len(new) == 1:
            result.nvml_gpus_with_child = new
            result.matched_by = "new-process"
    problems = []
    if (result.child_sees_uuid or "").lower() != assigned:
        problems.append(
            f"the child's CUDA device 0 is {result.child_sees_uuid}, not the "
            f"assigned {result.assigned_uuid}"
        )
    if [u.lower() for u in result.nvml_gpus_with_child] != [assigned]:
        seen = ", ".join(result.nvml_gpus_with_child) or "no GPU"
        problems.append(f"NVML shows the child on {seen}, expected only {result.assigned_uuid}")
    if result.cuda_device_order != "PCI_BUS_ID":
        problems.append(f"CUDA_DEVICE_ORDER is {result.cuda_device_order!r}, not PCI_BUS_ID")
    result.ok = not problems
    result.detail = "; ".join(problems) or (
        f"pid {result.child_pid} on {result.assigned_uuid} only (matched by {result.matched_by})"
    )
    return result


def check_slot(label: str, gpu: GPUInfo, alloc_bytes: int) -> PinResult:
    """Start the pinned child for one slot, find it through NVML, release it.

    Raises:
        NoGPUError: NVML or CUDA cannot be used at all here.
    """
    result = PinResult(slot=label, assigned_uuid=gpu.uuid or str(gpu.device_id))
    env = build_child_environment(cuda_device=gpu.cuda_visible_devices_value)
    before = nvml_processes()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_CODE, str(alloc_bytes)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = _read_line(child.stdout, CHILD_READY_TIMEOUT_S)
        if line is None:
            result.detail = f"the child did not allocate within {CHILD_READY_TIMEOUT_S:g} s"
            return result
        try:
            report = json.loads(line)
        except json.JSONDecodeError:
            result.detail = f"the child printed {line.strip()[:200]!r}; stderr: " + (
                child.stderr.read()[:500] if child.poll() is not None and child.stderr else ""
            )
            return result
        if report.get("stage") != "allocated":
            raise NoGPUError(f"the pinned child could not use CUDA: {report.get('error')}")
        result.child_pid = int(report["pid"])
        result.cuda_api = report.get("api")
        result.child_sees_uuid = report.get("uuid")
        result.cuda_visible_devices = report.get("cuda_visible_devices")
        result.cuda_device_order = report.get("cuda_device_order")
        deadline = time.monotonic() + NVML_POLL_S
        while True:
            after = nvml_processes()
            if any(result.child_pid in procs for procs in after.values()):
                break
            if time.monotonic() > deadline:
                break
            time.sleep(NVML_POLL_INTERVAL_S)
        return judge_pinning(result, before, after, alloc_bytes)
    finally:
        try:
            if child.stdin is not None:
                child.stdin.write("release\n")
                child.stdin.flush()
            child.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            child.kill()
            child.wait()


# --------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------
def run_checks(gpu_ids: list[str] | None, alloc_mib: int) -> dict[str, Any]:
    """Run every check; return the report (``exit_code`` included).

    Raises:
        NoGPUError: Nothing can be checked on this machine.
    """
    detector = SystemDetector(inside_maya=False)
    info = detector.detect()
    if not info.gpus:
        raise NoGPUError(f"no NVIDIA GPU detected: {info.gpu_error or 'the driver lists none'}")
    smi = query_nvidia_smi()
    checks = compare_listings(info.gpus, smi)
    try:
        resources = detector.get_available_resources(gpus=gpu_ids, reserve_gpus=0)
    except GPUSelectionError as exc:
        raise NoGPUError(f"--gpus: {exc}") from exc
    slots = build_slots(list(resources.usable_gpus), 1, uses_gpu=True)
    pins = []
    for slot in slots:
        assert slot.gpu is not None
        pins.append(check_slot(slot.label, slot.gpu, alloc_mib * MIB))
    checks += [Check(f"pinning {pin.slot}", pin.ok, pin.detail) for pin in pins]
    ok = all(check.ok for check in checks)
    return {
        "tool": "lrc_toolbox scripts/gpu_check.py",
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": socket.gethostname(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "driver_version": info.driver_version,
        "gpu_source": info.gpu_source,
        "gpus_detector": [
            {
                "index": g.device_id,
                "uuid": g.uuid,
                "name": g.name,
                "memory_mib": g.memory_total // MIB,
            }
            for g in info.gpus
        ],
        "gpus_nvidia_smi": smi,
        "pinning": [asdict(pin) for pin in pins],
        "checks": [asdict(check) for check in checks],
        "ok": ok,
        "exit_code": EXIT_OK if ok else EXIT_MISMATCH,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GPU truth check; return the exit code (see the module docstring)."""
    parser = argparse.ArgumentParser(
        prog="gpu_check.py",
        description="Compare the engine's GPU detection with nvidia-smi and prove that a render "
        "pinned like the engine pins it runs on the GPU the scheduler assigned.",
    )
    parser.add_argument("--gpus", help="only these GPUs (indices or UUIDs, comma-separated)")
    parser.add_argument(
        "--alloc-mib",
        type=int,
        default=256,
        help="GPU memory the pinned child allocates (default 256 MiB)",
    )
    parser.add_argument("--out", help="also write the JSON report to this file")
    args = parser.parse_args(argv)
    if args.alloc_mib < 1:
        parser.error("--alloc-mib must be at least 1")
    gpu_ids = [g.strip() for g in args.gpus.split(",")] if args.gpus else None
    try:
        report = run_checks(gpu_ids, args.alloc_mib)
    except NoGPUError as exc:
        report = {
            "tool": "lrc_toolbox scripts/gpu_check.py",
            "ok": False,
            "exit_code": EXIT_NO_GPU,
            "error": str(exc),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "host": socket.gethostname(),
        }
        sys.stderr.write(f"gpu_check: nothing checked: {exc}\n")
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    for check in report.get("checks", []):
        mark = "ok  " if check["ok"] else "FAIL"
        sys.stderr.write(f"  [{mark}] {check['name']}: {check['detail']}\n")
    if report["exit_code"] != EXIT_NO_GPU:
        sys.stderr.write(
            "gpu_check: all checks passed\n"
            if report["ok"]
            else "gpu_check: MISMATCH (see the report)\n"
        )
    return int(report["exit_code"])


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
