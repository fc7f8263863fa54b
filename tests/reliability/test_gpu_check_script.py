"""``scripts/gpu_check.py`` without a GPU: its parsing, its verdicts and its pinned child.

The real check needs NVIDIA GPUs (see ``docs/reliability.md``). Here the boundaries are faked:
nvidia-smi output and NVML process lists are data, and the pinned child runs against a tiny fake
``libcuda`` compiled for the test (it answers the driver calls the child makes and reports the
UUID named in ``CUDA_VISIBLE_DEVICES`` as device 0, as the real driver does), so the child's
ctypes path, its JSON protocol and its release on request are exercised for real.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lrc_test_support import ROOT
from lrc_toolbox.core.models import GPUInfo

SCRIPT = ROOT / "scripts" / "gpu_check.py"
UUID_A = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
UUID_B = "GPU-11111111-2222-3333-4444-555555555555"
MIB = 1024 * 1024


def _load():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("lrc_gpu_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["lrc_gpu_check"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gpu_check = _load()


def _gpu(index: int, uuid: str, name: str = "NVIDIA RTX A6000", mib: int = 49140) -> GPUInfo:
    return GPUInfo(index, name, mib * MIB, mib * MIB, (8, 6), uuid=uuid)


def test_nvidia_smi_rows_are_parsed_including_names_with_commas() -> None:
    text = (
        f"0, {UUID_A}, NVIDIA RTX A6000, 49140 MiB\n"
        "WARNING: infoROM is corrupted at gpu 0000:65:00.0\n"
        f"1, {UUID_B}, Quadro RTX 8000, Rev. 2, 46080 MiB\n"
    )
    rows = gpu_check.parse_smi_rows(text)
    assert rows == [
        {"index": 0, "uuid": UUID_A, "name": "NVIDIA RTX A6000", "memory_mib": 49140},
        {"index": 1, "uuid": UUID_B, "name": "Quadro RTX 8000, Rev. 2", "memory_mib": 46080},
    ]


def test_listings_that_agree_pass_and_any_difference_is_named() -> None:
    smi = [
        {"index": 0, "uuid": UUID_A, "name": "NVIDIA RTX A6000", "memory_mib": 49140},
        {"index": 1, "uuid": UUID_B, "name": "NVIDIA RTX A6000", "memory_mib": 49140},
    ]
    same = gpu_check.compare_listings([_gpu(0, UUID_A), _gpu(1, UUID_B)], smi)
    assert all(check.ok for check in same)
    swapped = gpu_check.compare_listings([_gpu(0, UUID_B), _gpu(1, UUID_A)], smi)
    assert [check.ok for check in swapped] == [True, False, False]
    assert "uuid" in swapped[1].detail
    missing = gpu_check.compare_listings([_gpu(0, UUID_A, mib=1000)], smi)
    assert not missing[0].ok and "memory" in missing[1].detail and not missing[2].ok


def _pin(**fields: object):  # noqa: ANN202
    values = {
        "slot": "GPU 0",
        "assigned_uuid": UUID_A,
        "child_pid": 4242,
        "child_sees_uuid": UUID_A,
        "cuda_device_order": "PCI_BUS_ID",
    }
    values.update(fields)
    return gpu_check.PinResult(**values)


def test_pinning_passes_only_when_nvml_sees_the_child_on_exactly_the_assigned_gpu() -> None:
    before = {UUID_A: {}, UUID_B: {77: 10 * MIB}}
    good = gpu_check.judge_pinning(
        _pin(), before, {UUID_A: {4242: 300 * MIB}, UUID_B: {77: 1}}, 256 * MIB
    )
    assert good.ok and good.matched_by == "pid" and good.nvml_gpus_with_child == [UUID_A]
    wrong = gpu_check.judge_pinning(
        _pin(), before, {UUID_A: {}, UUID_B: {4242: 300 * MIB}}, 256 * MIB
    )
    assert not wrong.ok and UUID_B in wrong.detail
    both = gpu_check.judge_pinning(
        _pin(), before, {UUID_A: {4242: 1}, UUID_B: {4242: 1, 77: 1}}, 256 * MIB
    )
    assert not both.ok
    blind = gpu_check.judge_pinning(
        _pin(child_sees_uuid=UUID_B), before, {UUID_A: {4242: 300 * MIB}}, 256 * MIB
    )
    assert not blind.ok and "device 0" in blind.detail
    unordered = gpu_check.judge_pinning(
        _pin(cuda_device_order=None), before, {UUID_A: {4242: 300 * MIB}}, 256 * MIB
    )
    assert not unordered.ok and "PCI_BUS_ID" in unordered.detail


def test_a_container_hiding_pids_is_matched_by_the_new_process_on_one_gpu() -> None:
    before = {UUID_A: {}, UUID_B: {77: 10 * MIB}}
    after = {UUID_A: {999_001: 300 * MIB}, UUID_B: {77: 10 * MIB}}  # host pid, not ours
    result = gpu_check.judge_pinning(_pin(), before, after, 256 * MIB)
    assert result.ok and result.matched_by == "new-process"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("nvidia-smi") is not None, reason="this machine has a driver")
def test_without_a_driver_the_script_says_so_and_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "nothing checked" in proc.stderr and "Traceback" not in proc.stderr
    report = json.loads(out.read_text())
    assert report["exit_code"] == 2 and report["ok"] is False and report["error"]


FAKE_LIBCUDA = r"""
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
int cuInit(unsigned int flags) { return getenv("CUDA_VISIBLE_DEVICES") ? 0 : 100; }
int cuDeviceGet(int *dev, int ordinal) { *dev = ordinal; return ordinal == 0 ? 0 : 101; }
int cuDevicePrimaryCtxRetain(void **ctx, int dev) { *ctx = (void *)0x1; return 0; }
int cuCtxSetCurrent(void *ctx) { return 0; }
int cuMemAlloc_v2(unsigned long long *ptr, size_t size) { *ptr = 0x7000; return size ? 0 : 1; }
int cuMemFree_v2(unsigned long long ptr) { return 0; }
int cuDeviceGetUuid(unsigned char *uuid, int dev) {
    /* device 0 is the first GPU named in CUDA_VISIBLE_DEVICES, like the real driver */
    const char *v = getenv("CUDA_VISIBLE_DEVICES");
    int n = 0;
    if (!v || strncmp(v, "GPU-", 4) != 0) return 999;
    for (const char *p = v + 4; *p && *p != ',' && n < 32; ++p) {
        if (*p == '-') continue;
        int h = hexval(*p);
        if (h < 0) return 999;
        if (n % 2 == 0) uuid[n / 2] = (unsigned char)(h << 4); else uuid[n / 2] |= h;
        ++n;
    }
    return n == 32 ? 0 : 999;
}
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or shutil.which("cc") is None, reason="needs a C compiler")
def test_the_pinned_child_allocates_through_libcuda_reports_its_gpu_and_releases(
    tmp_path: Path,
) -> None:
    try:
        import cuda  # noqa: F401

        pytest.skip("cuda-python is installed: the child would use it, not the fake libcuda")
    except ImportError:
        pass
    source = tmp_path / "fake_cuda.c"
    source.write_text(FAKE_LIBCUDA)
    library = tmp_path / "libcuda.so.1"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-o", str(library), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from lrc_toolbox.utils.child_env import build_child_environment

    env = build_child_environment(cuda_device=UUID_A)
    env["LD_LIBRARY_PATH"] = str(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", gpu_check.CHILD_CODE, str(64 * MIB)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        report = json.loads(child.stdout.readline())
        assert report["stage"] == "allocated", report
        assert report["api"] == "ctypes-libcuda" and report["uuid"] == UUID_A
        assert report["pid"] == child.pid and report["bytes"] == 64 * MIB
        assert report["cuda_visible_devices"] == UUID_A
        assert report["cuda_device_order"] == "PCI_BUS_ID"
        assert child.poll() is None  # holds the memory until told
        out, _err = child.communicate("release\n", timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0 and json.loads(out)["stage"] == "released"
