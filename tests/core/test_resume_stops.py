"""A resumed job stops the renders it re-attached, and stops a split render at its keep point.

After a manager crash, ``resume`` follows the renders that survived it. Every way of stopping a
task must reach those renders' whole trees, as it does for the renders the manager launched: a
``cancel`` (through the resumed manager), the job's stop, a user's stop of one task and the
watchdog. A render that had given its later frames to another task (a tail split) just before the
crash is stopped at its keep point, so the frames it gave away are rendered once.

The crash is a real ``kill -9`` of a CLI manager running the Render stand-in; the renders it
launched are then nobody's children (the autouse leftover check cannot see them), so each test
collects their trees itself and checks that nothing of them is left.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import job_store_support as support
import psutil
import pytest
from job_store_support import make_job

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.job_control import load_resume_state
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import FrameState, JobState, TaskState

# The shared store fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture

CLI = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]

#: How long a stopped render tree may take to be gone (the stop's grace is 10 s; the stand-in
#: ends at the first SIGTERM).
TREE_GONE_S = 15.0


def job_args(standin: str, out: Path, *extra: str) -> list[str]:
    """A two-task job (one per layer, both running at once) printing JSON Lines."""
    return [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        "MASTER_BG_A,MASTER_CHAR_A",
        "--frames",
        "1-4",
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
        *extra,
    ]


def start_then_kill_manager(args: list[str], env: dict[str, str]) -> tuple[str, list[int]]:
    """Run a CLI manager until both its renders started, then kill -9 it.

    Returns:
        The job id and every pid of the surviving render trees (launcher and worker).
    """
    manager = subprocess.Popen(
        [*CLI, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    job_id, launchers = None, []
    assert manager.stdout is not None
    for line in manager.stdout:
        event = json.loads(line)
        job_id = event.get("job_id", job_id)
        if event["event"] == "task_started":
            launchers.append(event["pid"])
            if len(launchers) == 2:
                break
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    manager.stdout.close()
    assert job_id is not None and len(launchers) == 2
    return job_id, tree_pids(launchers)


def tree_pids(launchers: list[int]) -> list[int]:
    """The launchers and their workers (waits for each launcher's worker to be started)."""
    pids = list(launchers)
    deadline = time.monotonic() + 10
    for pid in launchers:
        while True:
            children = psutil.Process(pid).children(recursive=True)
            if children:
                pids += [child.pid for child in children]
                break
            assert time.monotonic() < deadline, f"render {pid} started no worker"
            time.sleep(0.05)
    return pids


def alive(pids: list[int]) -> list[int]:
    """The pids among ``pids`` that still run (zombies count as gone)."""
    result = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                result.append(pid)
        except psutil.NoSuchProcess:
            continue
    return result


def wait_gone(pids: list[int], timeout_s: float = TREE_GONE_S) -> list[int]:
    """Wait until none of ``pids`` runs; returns those still running at the timeout."""
    deadline = time.monotonic() + timeout_s
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


def kill_leftovers(pids: list[int]) -> None:
    """Do not leave a render running when a test fails."""
    for pid in alive(pids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue


def task_pids_alive(job_id: str) -> dict[str, int]:
    """The job's tasks recorded as running, by id, with their pid."""
    with JobStore() as store:
        return {t.task_id: int(t.pid or 0) for t in store.get_tasks(job_id) if t.pid}


def saved_frames(log: str) -> list[int]:
    """Frames whose image a stand-in log reports as saved."""
    return [
        int(line.rsplit(".", 2)[-2])
        for line in log.splitlines()
        if "Saving:" in line and line.endswith(".exr")
    ]


# -- item: every way of stopping reaches a re-attached render ------------------------------------
@pytest.mark.slow
def test_cancel_stops_the_renders_a_resumed_manager_re_attached(standin_exe, render_env, tmp_path):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="5")
    job_id, pids = start_then_kill_manager(job_args(standin_exe, tmp_path / "img"), env)
    resumed = subprocess.Popen(
        [*CLI, "resume", job_id, "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert resumed.stdout is not None
        re_attached = 0
        for line in resumed.stdout:
            event = json.loads(line)
            if event["event"] == "notice" and "re-attached" in event["message"]:
                re_attached += 1
                if re_attached == 2:
                    break
        assert re_attached == 2
        code = subprocess.run(
            [*CLI, "cancel", job_id], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert code.returncode == 0, code.stderr
        # The resumed manager stopped both trees and recorded the end before it exited.
        assert "stopped it" in code.stdout, code.stdout
        assert resumed.wait(timeout=30) is not None
        assert wait_gone(pids) == []
        with JobStore() as store:
            assert store.get_job(job_id).state is JobState.CANCELLED
            assert {t.state for t in store.get_tasks(job_id)} == {TaskState.CANCELLED}
    finally:
        if resumed.poll() is None:
            resumed.kill()
        resumed.wait()
        if resumed.stdout is not None:
            resumed.stdout.close()
        kill_leftovers(pids)


@pytest.mark.slow
def test_a_users_stop_and_the_jobs_stop_reach_re_attached_renders(
    standin_exe, render_env, tmp_path, monkeypatch
):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="5")
    job_id, pids = start_then_kill_manager(job_args(standin_exe, tmp_path / "img"), env)
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "5")  # the retried frames render slowly too
    try:
        handle = BatchRenderAPI().resume(job_id)
        running = task_pids_alive(job_id)
        assert sorted(running) == ["t0001", "t0002"]
        # A user's stop of one re-attached task ends its whole tree (its frames are retried).
        first = running["t0001"]
        handle.stop_task("t0001")
        deadline = time.monotonic() + TREE_GONE_S
        while psutil.pid_exists(first) and alive([first]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert alive([first]) == []
        rows = {row.task_id: row for row in handle.status()}
        deadline = time.monotonic() + TREE_GONE_S
        while rows.get("t0001") is None or rows["t0001"].state is TaskState.RUNNING:
            assert time.monotonic() < deadline, "the stopped task was never finalised"
            time.sleep(0.1)
            rows = {row.task_id: row for row in handle.status()}
        assert rows["t0001"].state is TaskState.CANCELLED
        # The job's stop ends the other re-attached tree (and the retry launched meanwhile).
        handle.stop()
        assert handle.wait(timeout=30)
        assert handle.result is not None and handle.result.state is JobState.CANCELLED
        assert wait_gone(pids) == []
    finally:
        kill_leftovers(pids)


@pytest.mark.slow
def test_the_watchdog_stops_a_re_attached_render_past_its_max_task_time(
    standin_exe, render_env, tmp_path
):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="5")
    args = job_args(standin_exe, tmp_path / "img", "--max-task-time", "4", "--retries", "0")
    job_id, pids = start_then_kill_manager(args, env)
    try:
        proc = subprocess.run(
            [*CLI, "resume", job_id, "--json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        ended = [e for e in events if e["event"] == "task_finished"]
        assert sorted(e["task_id"] for e in ended) == ["t0001", "t0002"]
        assert all(e["status"] == "killed" for e in ended), ended
        assert all("max" in (e["reason"] or "") for e in ended), ended
        assert alive(pids) == []
        assert proc.returncode == 1, proc.stderr
        # Stopped 4 s after the re-attach: neither render got to save its 4 frames of 5 s.
        with JobStore() as store:
            for task in store.get_tasks(job_id):
                assert len(saved_frames(Path(task.log_path).read_text())) < 4, task.task_id
    finally:
        kill_leftovers(pids)


# -- item: a crash between a tail split and the victim's stop ------------------------------------
def test_resume_state_keeps_a_split_render_to_its_keep_point(store: JobStore) -> None:
    make_job(store, frames={"MASTER_BG_A": [1, 2, 3, 4, 5, 6]})
    store.set_job_state("job1", JobState.RUNNING)
    for task_id, frames in (("t0001", [1, 2, 3, 4, 5, 6]), ("t0002", [5, 6])):
        store.add_task(
            task_id=task_id,
            job_id="job1",
            layers=["MASTER_BG_A"],
            frames=frames,
            gpu="0",
            slot=0,
            attempt=1,
            log_path=f"/logs/{task_id}.log",
            temp_scene=None,
        )
    store.task_started("job1", "t0001", pid=4242, pid_create_time=5.0, argv=["R"], gpu="0", slot=0)
    store.set_frames_state("job1", "MASTER_BG_A", [1, 2, 3, 4, 5, 6], FrameState.RENDERING)
    store.set_frames_state("job1", "MASTER_BG_A", [1], FrameState.DONE, output_path="/o/1.exr")
    # The split was decided (frames 5-6 to t0002); the manager died before t0002 started.
    store.set_task_keep_through("job1", "t0001", 4)
    job = store.get_job("job1")
    assert job is not None
    state = load_resume_state(store, job)
    (victim,) = state.attached
    assert (victim.task_id, victim.keep_through, victim.kept_frames) == ("t0001", 4, (1, 2, 3, 4))
    assert victim.frames == (1, 2, 3, 4, 5, 6)
    # What it gave away is queued again (its taker never started); nothing else is.
    assert list(state.pending["MASTER_BG_A"]) == [5, 6]
    assert store.get_task("job1", "t0002").state is TaskState.CANCELLED


def test_a_started_taker_keeps_the_frames_it_was_given(store: JobStore) -> None:
    make_job(store, frames={"MASTER_BG_A": [1, 2, 3, 4, 5, 6]})
    store.set_job_state("job1", JobState.RUNNING)
    for task_id, frames, pid in (("t0001", [1, 2, 3, 4, 5, 6], 4242), ("t0002", [5, 6], 4343)):
        store.add_task(
            task_id=task_id,
            job_id="job1",
            layers=["MASTER_BG_A"],
            frames=frames,
            gpu="0",
            slot=0,
            attempt=1,
            log_path=f"/logs/{task_id}.log",
            temp_scene=None,
        )
        store.task_started(
            "job1", task_id, pid=pid, pid_create_time=5.0, argv=["R"], gpu="0", slot=0
        )
    store.set_task_keep_through("job1", "t0001", 4)
    job = store.get_job("job1")
    assert job is not None
    state = load_resume_state(store, job)
    assert [(a.task_id, a.keep_through) for a in state.attached] == [("t0001", 4), ("t0002", None)]
    assert state.pending == {}


@pytest.mark.slow
def test_a_split_render_re_attached_after_a_crash_stops_at_its_keep_point(
    standin_exe, render_env, tmp_path, monkeypatch
):
    """The manager died after deciding a split (keep point stored) and before the taker began.

    The store then holds what :meth:`TaskSplitter.split_for_idle` writes first: the victim's keep
    point. The resumed job stops the victim right after it and renders the handed frames once.
    """
    env = dict(os.environ, LRC_STANDIN_FRAME_S="2.5", LRC_STANDIN_STARTUP_S="0.5")
    args = [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        "MASTER_BG_A",
        "--frames",
        "1-6",
        "--renderer",
        "redshift",
        "--render-exe",
        standin_exe,
        "--gpus",
        "0",
        "--chunk-size",
        "6",
        "--output-dir",
        str(tmp_path / "img"),
        "--json",
    ]
    manager = subprocess.Popen(
        [*CLI, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    job_id, launcher = None, None
    assert manager.stdout is not None
    for line in manager.stdout:
        event = json.loads(line)
        job_id = event.get("job_id", job_id)
        if event["event"] == "task_started":
            launcher = event["pid"]
            break
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    manager.stdout.close()
    assert job_id is not None and launcher is not None
    pids = tree_pids([launcher])
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "2.5")
    monkeypatch.setenv("LRC_STANDIN_STARTUP_S", "0.5")
    try:
        with JobStore() as store:
            store.set_task_keep_through(job_id, "t0001", 3)
        handle = BatchRenderAPI().resume(job_id)
        assert handle.wait(timeout=60)
        assert handle.result is not None and handle.result.ok
        assert alive(pids) == []
        with JobStore() as store:
            tasks = {t.task_id: t for t in store.get_tasks(job_id)}
        victim, taker = tasks["t0001"], tasks["t0002"]
        assert victim.keep_through == 3 and taker.frames == (4, 5, 6)
        assert victim.state is TaskState.SUCCEEDED
        assert victim.reason is not None and "before its manager died" in victim.reason
        # Every frame is saved exactly once: 1-3 by the re-attached render, 4-6 by the new task.
        assert saved_frames(Path(victim.log_path).read_text()) == [1, 2, 3]
        assert saved_frames(Path(taker.log_path).read_text()) == [4, 5, 6]
    finally:
        kill_leftovers(pids)
