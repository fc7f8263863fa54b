"""End to end: a running render gives its unstarted frames to an idle slot (real CLI, stand-in).

The mechanism behind :mod:`lrc_toolbox.core.tail_split`: the victim is stopped right after its
last kept frame is verified (its process tree is killed at that frame boundary), the frames it gave
away are rendered by a new task on the idle slot, and every frame is verified exactly once, by the
task that kept it; nothing handed over counts as an attempt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.standin.render_standin import read_standin_image

pytestmark = pytest.mark.slow


def _run(args: list[str], env_extra: dict[str, str]) -> tuple[int, list[dict], str]:
    env = {**os.environ, **env_extra}
    proc = subprocess.run(
        [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, events, proc.stderr


def test_an_idle_slot_takes_the_unstarted_frames_of_a_long_render(
    standin_exe: str, render_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "images"
    # BG is cheap, CHAR costs 8x more: the first wave gives BG two slots and CHAR one; the BG
    # slots fall idle long before CHAR's one render could finish its 12 frames.
    code, events, err = _run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--layers",
            "MASTER_BG_A,MASTER_CHAR_A",
            "--frames",
            "1-12",
            "--renderer",
            "redshift",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0,1,2",
            "--output-dir",
            str(out),
            "--retries",
            "0",
        ],
        {
            "LRC_STANDIN_STARTUP_S": "0.2",
            "LRC_STANDIN_LAYER_FRAME_S": "MASTER_BG_A=0.02,MASTER_CHAR_A=0.16",
        },
    )
    assert code == 0, err
    started = {e["task_id"]: e for e in events if e["event"] == "task_started"}
    finished = {e["task_id"]: e for e in events if e["event"] == "task_finished"}
    notices = [e["message"] for e in events if e["event"] == "notice"]
    splits = [m for m in notices if "stops after frame" in m]
    assert splits, notices

    # Every frame verified exactly once, none failed.
    done = [(e["layer"], e["frame"]) for e in events if e["event"] == "frame_done"]
    assert sorted(done) == sorted(
        {(layer, f) for layer in ("MASTER_BG_A", "MASTER_CHAR_A") for f in range(1, 13)}
    )
    assert not [e for e in events if e["event"] == "frame_failed"]

    # The victim: launched for all of CHAR, stopped after a prefix, and that is a success.
    char = [t for t, e in started.items() if e["layer"] == "MASTER_CHAR_A"]
    victim = next(t for t in char if started[t]["frames"] == list(range(1, 13)))
    kept = finished[victim]["frames_done"]
    assert finished[victim]["status"] == "succeeded"
    assert finished[victim]["frames_missing"] == []
    assert kept == list(range(1, len(kept) + 1)) and len(kept) < 12
    assert "went to" in (finished[victim]["reason"] or "")
    # The takers: the rest, as suffixes in order, first attempt still.
    takers = [t for t in char if t != victim]
    taken = sorted(f for t in takers for f in started[t]["frames"])
    assert taken == list(range(len(kept) + 1, 13))
    assert all(started[t]["attempt"] == 1 for t in takers)
    assert all(finished[t]["status"] == "succeeded" for t in takers)

    # On disk: each CHAR image was written by the render of the task that kept its frame.
    workers = {}
    for line in Path(render_env["LRC_STANDIN_RECORD"]).read_text().splitlines():
        record = json.loads(line)
        if record["event"] == "start":
            workers[record["pid"]] = record["ppid"]  # worker pid -> its launcher (the task's pid)
    owner = {started[t]["pid"]: t for t in char}
    for frame in range(1, 13):
        info = read_standin_image(out / "MASTER_CHAR_A" / f"shot001.{frame:04d}.exr")
        assert info is not None
        task = owner[workers[info["pid"]]]
        assert (task == victim) == (frame in kept), (frame, task)
