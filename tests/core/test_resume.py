"""Renders outlive their manager: kill -9 the CLI mid-job, then ``resume`` finishes the job.

Checks that every frame is rendered exactly once (the stand-in records every image it writes),
that the surviving renders' logs are complete, that a recycled pid is never adopted, and the job
commands (status, history, cancel, retry).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil
import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import FrameState, JobState, TaskState
from lrc_toolbox.utils.render_subprocess import RenderProcess

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]


def job_args(standin: str, out: Path, frames: str = "1-12") -> list[str]:
    return [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        "MASTER_BG_A,MASTER_CHAR_A",
        "--frames",
        frames,
        "--renderer",
        "redshift",
        "--render-exe",
        standin,
        "--gpus",
        "0,1",
        "--chunk-size",
        "4",
        "--output-dir",
        str(out),
        "--json",
    ]


def run(args: list[str], timeout: float = 120) -> tuple[int, list[dict], str]:
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, events, proc.stderr


def written_frames(record_file: str) -> Counter:
    counts: Counter = Counter()
    for line in Path(record_file).read_text().splitlines():
        record = json.loads(line)
        if record["event"] == "end":
            layer = record["layers"][0]
            for frame in record["frames_written"]:
                counts[(layer, frame)] += 1
    return counts


def test_kill_9_of_the_manager_then_resume_renders_every_frame_once(
    standin_exe, render_env, tmp_path
):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="0.4")
    manager = subprocess.Popen(
        [*CLI, *job_args(standin_exe, tmp_path / "img")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    job_id = None
    renders: list[int] = []
    assert manager.stdout is not None
    for line in manager.stdout:
        event = json.loads(line)
        job_id = event.get("job_id", job_id)
        if event["event"] == "task_started":
            renders.append(event["pid"])
        if event["event"] == "frame_done":
            break  # mid-job: renders are running on both GPUs
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    assert job_id and len(renders) == 2
    # The renders survive their manager's death.
    assert all(psutil.pid_exists(pid) for pid in renders)
    with JobStore() as store:
        assert store.get_job(job_id).state is JobState.RUNNING

    code, events, err = run(["status", job_id, "--json"])
    assert code == 0, err
    assert events[0]["orphaned"] is True

    code, events, err = run(["resume", job_id, "--json"], timeout=180)
    assert code == 0, err
    notices = [e["message"] for e in events if e["event"] == "notice"]
    assert any("re-attached" in m or "ended while no manager ran" in m for m in notices)
    summary = events[-1]
    assert summary["event"] == "summary" and summary["ok"] is True
    assert summary["layers"]["MASTER_BG_A"]["done"] == list(range(1, 13))
    assert summary["layers"]["MASTER_CHAR_A"]["done"] == list(range(1, 13))
    counts = written_frames(render_env["LRC_STANDIN_RECORD"])
    wanted = {(node, f) for node in ("rs_MASTER_BG_A", "rs_MASTER_CHAR_A") for f in range(1, 13)}
    assert set(counts) == wanted
    assert all(n == 1 for n in counts.values()), [k for k, n in counts.items() if n > 1]
    # The dead manager's temp folder (its scene copies) went with the resumed job's own.
    assert [p for p in Path(render_env["TMPDIR"]).rglob("*") if p.is_file()] == []
    # The logs of the renders that outlived the manager are complete (their last frame's
    # "Saving:" line and a footer written by the resuming manager).
    with JobStore() as store:
        tasks = store.get_tasks(job_id)
        assert all(t.state is TaskState.SUCCEEDED for t in tasks)
        first = [t for t in tasks if t.pid in renders]
        assert len(first) == 2
        for task in first:
            text = Path(task.log_path).read_text()
            last = max(task.frames)
            assert f".{last:04d}.exr" in text.split("Saving:")[-1]
            assert "exited with code" in text.splitlines()[-1]
        assert store.get_job(job_id).state is JobState.SUCCEEDED


def test_a_recycled_pid_is_not_adopted(standin_exe, render_env, tmp_path):
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        real_start = psutil.Process(stranger.pid).create_time()
        with pytest.raises(ProcessLookupError):
            RenderProcess.attach(
                pid=stranger.pid, create_time=real_start - 500, log_path=tmp_path / "x.log"
            )
        # A job whose "running" task has the stranger's pid but another start time.
        from lrc_toolbox.core.job_store import new_job_id

        job_id = new_job_id()
        log = tmp_path / "t0001.log"
        image = tmp_path / "img" / "MASTER_BG_A" / "shot001.0001.exr"
        image.parent.mkdir(parents=True)
        image.write_bytes(b"image")
        log.write_text(
            "[lrc_toolbox] ---- render output follows ----\n"
            "[Redshift] Rendering frame 1 (1/1)...\n"
            f"[Redshift] Saving: {image}\n"
        )
        config = {
            "scene_file": str(SAMPLE_SCENE),
            "layers": ["MASTER_BG_A"],
            "frame_range": "1-2",
            "renderer": "redshift",
            "render_exe": standin_exe,
            "gpus": ["0"],
            "output_dir": str(tmp_path / "img"),
            "render_mode": "separate",
        }
        with JobStore() as store:
            store.create_job(
                job_id=job_id,
                scene=str(SAMPLE_SCENE),
                config=config,
                frames={"MASTER_BG_A": [1, 2]},
                manager_pid=999_999_999,
                manager_create_time=1.0,
            )
            store.add_task(
                task_id="t0001",
                job_id=job_id,
                layers=["MASTER_BG_A"],
                frames=[1, 2],
                gpu="0",
                slot=0,
                attempt=1,
                log_path=str(log),
                temp_scene=None,
            )
            store.task_started(
                job_id,
                "t0001",
                pid=stranger.pid,
                pid_create_time=real_start - 500,
                argv=["Render"],
                gpu="0",
                slot=0,
            )
            store.set_frames_state(
                job_id,
                "MASTER_BG_A",
                [1, 2],
                FrameState.RENDERING,
                task_id="t0001",
                gpu="0",
            )
        code, events, err = run(["resume", job_id, "--json"])
        assert code == 0, err
        assert stranger.poll() is None  # untouched: not ours
        started = [e for e in events if e["event"] == "task_started"]
        assert [e["frames"] for e in started] == [[2]]  # frame 1 verified from the old log
    finally:
        stranger.kill()
        stranger.wait()


def test_cancel_stops_the_renders_of_a_dead_manager(standin_exe, render_env, tmp_path):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="5")
    manager = subprocess.Popen(
        [*CLI, *job_args(standin_exe, tmp_path / "img")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    pids, job_id = [], None
    assert manager.stdout is not None
    for line in manager.stdout:
        event = json.loads(line)
        job_id = event.get("job_id", job_id)
        if event["event"] == "task_started":
            pids.append(event["pid"])
            if len(pids) == 2:
                break
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    code, _, err = run(["cancel", job_id])
    assert code == 0, err
    deadline = time.monotonic() + 20
    while any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie" for p in pids):
        assert time.monotonic() < deadline, "renders still alive after cancel"
        time.sleep(0.1)
    with JobStore() as store:
        assert store.get_job(job_id).state is JobState.CANCELLED
    code, _, err = run(["resume", job_id])
    assert code == 2 and "already ended" in err


def test_retry_renders_only_failed_frames_and_history_lists_jobs(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=3@layer=MASTER_BG_A@once")
    args = job_args(standin_exe, tmp_path / "img", "1-4")
    code, events, err = run([*args, "--retries", "0"])
    assert code == 1, err
    job_id = events[0]["job_id"]
    code, events, err = run(["retry", job_id, "--json"])
    assert code == 0, err
    started = [e for e in events if e["event"] == "task_started"]
    assert [(e["layer"], e["frames"]) for e in started] == [("MASTER_BG_A", [3])]
    listed = subprocess.run(
        [*CLI, "history", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    jobs = json.loads(listed.stdout)
    assert [job["job_id"] for job in jobs][1] == job_id  # newest first: the retry, then it
    assert jobs[1]["state"] == "failed" and jobs[0]["state"] == "succeeded"
    text = subprocess.run([*CLI, "history"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert job_id in text.stdout and "failed" in text.stdout


@pytest.mark.slow
def test_retry_of_a_job_given_a_relative_scene_works_from_another_folder(
    standin_exe, render_env, tmp_path, monkeypatch
):
    shot = tmp_path / "shot"
    shot.mkdir()
    (shot / "shot001.ma").write_bytes(SAMPLE_SCENE.read_bytes())
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=2@layer=MASTER_BG_A@once")
    args = job_args(standin_exe, tmp_path / "img", "1-3")
    args[args.index(str(SAMPLE_SCENE))] = "shot001.ma"  # relative to the folder it ran in
    first = subprocess.run(
        [*CLI, *args, "--retries", "0"], capture_output=True, text=True, cwd=shot, timeout=120
    )
    assert first.returncode == 1, first.stderr
    job_id = json.loads(first.stdout.splitlines()[0])["job_id"]
    code, events, err = run(["retry", job_id, "--json"])  # from the repository root
    assert code == 0, err
    started = [e for e in events if e["event"] == "task_started"]
    assert [(e["layer"], e["frames"]) for e in started] == [("MASTER_BG_A", [2])]
