"""Machine-wide GPU slot leases: exclusive, reclaimed when stale, never fooled by a recycled pid."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.core.gpu_availability import GIB, GPUAvailability
from lrc_toolbox.core.gpu_leases import Lease, LeaseBook, is_same_process, slot_key
from lrc_toolbox.core.models import GPUInfo, GPUProcess
from lrc_toolbox.utils.gpu_utils import GPUQueryError


def test_a_live_lease_is_exclusive_and_release_frees_it(tmp_path) -> None:
    book = LeaseBook(tmp_path)
    key = slot_key("GPU-1234", 0)
    lease = book.acquire(key, job_id="j1", task_id="t1")
    assert lease is not None
    assert LeaseBook(tmp_path).acquire(key, job_id="j2", task_id="t1") is None
    book.release(lease)
    assert LeaseBook(tmp_path).acquire(key, job_id="j2", task_id="t1") is not None


def _write(tmp_path: Path, key: str, **fields: object) -> None:
    data = {
        "slot_key": key,
        "owner_pid": 1,
        "owner_create_time": 0.0,
        "job_id": "old",
        "task_id": "t1",
        "host": "h",
        "taken_at": 0.0,
        "render_pid": None,
        "render_create_time": None,
    }
    data.update(fields)
    (tmp_path / f"{key}.lease").write_text(json.dumps(data))


@pytest.mark.slow
def test_stale_lease_of_a_dead_manager_is_reclaimed(tmp_path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _write(tmp_path, "0.slot0", owner_pid=dead.pid, owner_create_time=123.0)
    lease = LeaseBook(tmp_path).acquire("0.slot0", job_id="new", task_id="t1")
    assert lease is not None and lease.job_id == "new"


def test_recycled_pid_does_not_keep_a_lease_alive(tmp_path) -> None:
    me = psutil.Process()
    # Our pid, but a different start time: the process that took the lease is long gone.
    _write(tmp_path, "0.slot0", owner_pid=me.pid, owner_create_time=me.create_time() - 1000)
    assert not is_same_process(me.pid, me.create_time() - 1000)
    assert LeaseBook(tmp_path).acquire("0.slot0", job_id="new", task_id="t1") is not None


@pytest.mark.slow
def test_a_surviving_render_keeps_the_lease_after_its_manager_died(tmp_path) -> None:
    render = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write(
            tmp_path,
            "0.slot0",
            owner_pid=999_999_999,
            owner_create_time=1.0,
            render_pid=render.pid,
            render_create_time=psutil.Process(render.pid).create_time(),
        )
        assert LeaseBook(tmp_path).acquire("0.slot0", job_id="new", task_id="t1") is None
        assert [lease.job_id for lease in LeaseBook(tmp_path).holders()] == ["old"]
    finally:
        render.kill()
        render.wait()
    assert LeaseBook(tmp_path).acquire("0.slot0", job_id="new", task_id="t1") is not None


def test_unreadable_lease_file_is_reclaimed(tmp_path) -> None:
    (tmp_path / "0.slot0.lease").write_text("{half")
    assert LeaseBook(tmp_path).acquire("0.slot0", job_id="new", task_id="t1") is not None


def test_lease_round_trips() -> None:
    lease = Lease("k", 1, 2.0, "j", "t", "h", 3.0, 4, 5.0)
    assert Lease(**json.loads(json.dumps(lease.__dict__))) == lease


def _gpu(free: int, processes: tuple[GPUProcess, ...] = ()) -> GPUInfo:
    return GPUInfo(0, "RTX", 24 * GIB, free, (8, 9), uuid="GPU-aaaa", processes=processes)


def test_nvml_busy_gpu_is_skipped_with_a_reason() -> None:
    foreign = GPUProcess(pid=4242, used_memory=6 * GIB)
    avail = GPUAvailability(lambda: ([_gpu(10 * GIB, (foreign,))], "550"))
    reason = avail.busy_reason(_gpu(0), own_pids={1})
    assert reason is not None and "4242" in reason and "6.0 GiB" in reason
    # Our own processes do not count.
    assert (
        GPUAvailability(lambda: ([_gpu(10 * GIB, (foreign,))], "550")).busy_reason(
            _gpu(0), own_pids={4242}
        )
        is None
    )
    low = GPUAvailability(lambda: ([_gpu(GIB // 2)], "550")).busy_reason(_gpu(0), own_pids=())
    assert low is not None and "free" in low


def test_no_nvml_means_no_opinion() -> None:
    def broken() -> tuple[list[GPUInfo], str]:
        raise GPUQueryError("no driver")

    assert GPUAvailability(broken).busy_reason(_gpu(0), own_pids=()) is None


@pytest.mark.slow
def test_two_clis_at_once_never_share_a_gpu_slot(standin_exe, render_env, tmp_path) -> None:
    def start(name: str) -> subprocess.Popen:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lrc_toolbox.cli.batch_render_cli",
                "--scene",
                str(SAMPLE_SCENE),
                "--layers",
                "MASTER_BG_A,MASTER_CHAR_A",
                "--frames",
                "1-8",
                "--renderer",
                "redshift",
                "--render-exe",
                standin_exe,
                "--gpus",
                "0,1",
                "--chunk-size",
                "2",
                "--output-dir",
                str(tmp_path / name),
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    first, second = start("a"), start("b")
    outputs = [proc.communicate(timeout=180) for proc in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, [err for _, err in outputs]
    records = [
        json.loads(line) for line in Path(render_env["LRC_STANDIN_RECORD"]).read_text().splitlines()
    ]
    starts = {r["pid"]: r for r in records if r["event"] == "start"}
    ends = {r["pid"]: r for r in records if r["event"] == "end"}
    spans: dict[str, list[tuple[float, float]]] = {}
    for pid, rec in starts.items():
        spans.setdefault(rec["cuda_visible_devices"], []).append((rec["time"], ends[pid]["time"]))
    assert sum(len(v) for v in spans.values()) == 16  # 2 CLIs x 2 layers x 4 chunks
    for gpu_spans in spans.values():
        gpu_spans.sort()
        for (_, end_a), (start_b, _) in zip(gpu_spans, gpu_spans[1:], strict=False):
            assert end_a <= start_b, f"two renders overlapped on one GPU: {gpu_spans}"
