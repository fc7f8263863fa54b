"""Job history (peak GPU memory, retention) and end-of-job notifications."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import psutil
import pytest

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.api import BatchRenderAPI
from lrc_toolbox.core import events as ev
from lrc_toolbox.core.gpu_availability import GIB, GPUAvailability
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import JobState
from lrc_toolbox.core.notifications import (
    DesktopNotifier,
    job_finished_message,
    notify_when_finished,
)
from lrc_toolbox.core.retention import clean_up
from lrc_toolbox.utils.temp_file_manager import OWNER_MARKER


class EveryProcessUsesOneGiB(GPUAvailability):
    """NVML as a busy machine would report it: every process holds 1 GiB (never 'busy')."""

    def __init__(self) -> None:
        super().__init__(lambda: ([], ""))

    def process_memory(self) -> dict[int, int]:
        return {proc.pid: GIB for proc in psutil.process_iter()}

    def busy_reason(self, gpu, own_pids):  # type: ignore[override]
        return None


@pytest.mark.slow
def test_peak_gpu_memory_is_kept_per_task(standin_exe, render_env, tmp_path, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "1.5")
    api = BatchRenderAPI(gpu_availability=EveryProcessUsesOneGiB())
    job = api.render_layer(
        scene_file=str(SAMPLE_SCENE),
        layer="MASTER_BG_A",
        frames="1-2",
        gpu_id=0,
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "img"),
        chunk_size=2,
    )
    assert job.wait(60) and job.result.ok
    with JobStore() as store:
        (task,) = store.get_tasks(job.job_id)
        assert task.peak_gpu_memory is not None and task.peak_gpu_memory >= GIB


def _finished(ok: bool, failed: dict[str, list[int]] | None = None) -> ev.JobFinished:
    layers = {"BG": {"done": [1, 2, 3], "failed": []}}
    for layer, frames in (failed or {}).items():
        layers[layer] = {"done": [], "failed": frames}
    return ev.JobFinished(
        job_id="j", ok=ok, state="succeeded" if ok else "failed", layers=layers, elapsed_s=75.0
    )


def test_message_names_failed_frames() -> None:
    assert job_finished_message(_finished(True)) == (
        "Render finished",
        "All 3 frames rendered and verified in 1m15s.",
    )
    title, body = job_finished_message(_finished(False, {"FX": [4, 5, 6, 9]}))
    assert title == "Render finished with failures"
    assert "FX frames 4-6,9" in body and "3/7 frames done" in body


def test_desktop_notifier_uses_argv_and_escapes_applescript() -> None:
    calls = []
    linux = DesktopNotifier(
        platform="linux",
        which=lambda n: f"/usr/bin/{n}",
        runner=lambda argv, **kw: calls.append(argv),
    )
    assert linux.notify("Render finished", 'BG "x"; $(rm -rf ~)')
    assert calls[0] == [
        "/usr/bin/notify-send",
        "--app-name=LRC Batch Render",
        "Render finished",
        'BG "x"; $(rm -rf ~)',
    ]
    mac = DesktopNotifier(
        platform="darwin",
        which=lambda n: "/usr/bin/osascript",
        runner=lambda argv, **kw: calls.append(argv),
    )
    mac.notify('a"b', "c\\d")
    assert calls[1][2] == 'display notification "c\\\\d" with title "a\\"b"'
    assert not DesktopNotifier(platform="linux", which=lambda n: None).notify("t", "b")


def test_subscriber_fires_once_per_finished_job() -> None:
    shown = []
    handler = notify_when_finished(lambda title, body: shown.append(title))
    handler(ev.Progress(job_id="j"))
    handler(_finished(True))
    assert shown == ["Render finished"]


def test_retention_forgets_old_jobs_logs_and_abandoned_temp_folders(tmp_path) -> None:
    now = [1_000.0]
    store = JobStore(tmp_path / "jobs.sqlite3", clock=lambda: now[0])
    store.create_job(job_id="old", scene="s.ma", config={}, frames={"BG": [1]})
    store.set_job_state("old", JobState.RUNNING)
    store.set_job_state("old", JobState.SUCCEEDED)
    store.create_job(job_id="live", scene="s.ma", config={}, frames={"BG": [1]})
    logs = tmp_path / "logs"
    (logs / "old").mkdir(parents=True)
    (logs / "live").mkdir()
    temps = tmp_path / "temps"
    abandoned, ours = temps / "job-1", temps / "job-2"
    for folder, pid in ((abandoned, 999_999_999), (ours, os.getpid())):
        folder.mkdir(parents=True)
        create = psutil.Process().create_time() if pid == os.getpid() else 1.0
        (folder / OWNER_MARKER).write_text(json.dumps({"pid": pid, "create_time": create}))
        old = time.time() - 3 * 86400
        os.utime(folder, (old, old))
    now[0] = 5_000.0  # the old job ended 4,000 s ago
    report = clean_up(store, log_root=logs, older_than_s=10, temp_root=temps, now=time.time())
    assert store.get_job("old") is None and store.get_job("live") is not None
    assert not (logs / "old").exists() and (logs / "live").exists()
    assert not abandoned.exists() and ours.exists()
    assert (report.jobs, report.log_folders, report.temp_folders) == (1, 1, 1)
    store.close()


def test_history_prune_from_the_cli(render_env) -> None:
    from io import StringIO

    from lrc_toolbox.cli.batch_render_cli import main

    out, err = StringIO(), StringIO()
    assert main(["history", "--prune-days", "30"], out=out, err=err) == 0
    assert "removed 0 job(s)" in err.getvalue()
    assert Path(render_env["LRC_TOOLBOX_DATA_DIR"]).exists()


def test_message_without_recorded_failures_does_not_dangle() -> None:
    event = ev.JobFinished(
        job_id="j",
        ok=False,
        state="cancelled",
        layers={"BG": {"done": [1], "failed": []}},
        elapsed_s=3.0,
        reason="cancelled by the user",
    )
    title, body = job_finished_message(event)
    assert title == "Render cancelled"
    assert "Failed:" not in body and "cancelled by the user" in body
