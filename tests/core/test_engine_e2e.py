"""End to end: the real CLI and API against the Render STAND-IN (real processes, real files).

These prove the engine's promises with the stand-in's fault injection: every frame reported done has
a non-empty image; crashes re-render only missing frames; silent skips and empty files fail (exit 1);
a render hung after its last frame is killed with its frames kept; licence errors fail with their
reason and are not retried; Ctrl-C stops every process; harmless ``Error:`` lines do not fail a job.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.cli.batch_render_cli import main

pytestmark = pytest.mark.slow

LAYERS = ["MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"]


def run_cli(args: list[str], *, timeout: float = 120) -> tuple[int, list[dict], str]:
    """Run the CLI in a subprocess with --json; return (exit code, events, stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, events, proc.stderr


def base_args(standin: str, out: Path, frames: str = "1-6") -> list[str]:
    return [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        ",".join(LAYERS),
        "--frames",
        frames,
        "--renderer",
        "redshift",
        "--render-exe",
        standin,
        "--gpus",
        "0,1",
        "--output-dir",
        str(out),
        "--hang-timeout",
        "30",
    ]


def records(path: str) -> list[dict]:
    file = Path(path)
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text().splitlines() if line.strip()]


def summary(events: list[dict]) -> dict:
    assert events and events[-1]["event"] == "summary", events[-3:]
    return events[-1]


def test_clean_multilayer_job_pins_each_render_to_one_gpu(standin_exe, render_env, tmp_path):
    out = tmp_path / "images"
    code, events, err = run_cli(base_args(standin_exe, out, "1-8"))
    assert code == 0, err
    result = summary(events)
    assert result["ok"] is True
    for layer in LAYERS:
        assert result["layers"][layer]["done"] == list(range(1, 9))
        assert result["layers"][layer]["failed"] == []
    done = [e for e in events if e["event"] == "frame_done"]
    assert len(done) == 8 * len(LAYERS)
    for event in done:
        image = Path(event["output"])
        assert image.is_file() and image.stat().st_size > 0
        assert image.is_relative_to(out)
        # <Scene> in the image prefix is the artist's scene name, not the temp snapshot's.
        assert image.name.startswith("shot001."), image
    started = [e for e in events if e["event"] == "task_started"]
    assert started and all(len(e["gpus"]) == 1 for e in started)
    # The job's own progress: counts only grow, the last one says every frame is verified.
    progress = [e for e in events if e["event"] == "job_progress"]
    assert progress and progress[-1]["frames_done"] == progress[-1]["frames_total"] == 24
    assert [e["frames_done"] for e in progress] == sorted(e["frames_done"] for e in progress)
    assert any(e["eta_s"] is not None for e in progress)  # once frames were timed
    assert all("-gpu" in e["argv"] and "{0}" in e["argv"] for e in started)
    # A task is "task_id" (t0001...); "task", the first releases' key, carries the same id.
    about_tasks = [e for e in events if "task_id" in e]
    assert {e["event"] for e in about_tasks} >= {"task_started", "frame_done", "task_finished"}
    assert all(e["task"] == e["task_id"] for e in about_tasks)
    assert {e["task_id"] for e in started} == {f"t{n:04d}" for n in range(1, len(started) + 1)}
    # The stand-in recorded what each worker really saw: one GPU each, and no two renders
    # overlapped in time on one GPU.
    recs = records(render_env["LRC_STANDIN_RECORD"])
    starts = {r["pid"]: r for r in recs if r["event"] == "start"}
    ends = {r["pid"]: r for r in recs if r["event"] == "end"}
    assert starts and set(starts) == set(ends)
    by_gpu: dict[str, list[tuple[float, float]]] = {}
    for pid, start in starts.items():
        assert start["cuda_visible_devices"] in ("0", "1")
        assert start["cuda_device_order"] == "PCI_BUS_ID"
        by_gpu.setdefault(start["cuda_visible_devices"], []).append(
            (start["time"], ends[pid]["time"])
        )
    assert set(by_gpu) == {"0", "1"}
    for spans in by_gpu.values():
        spans.sort()
        for (_, end_a), (start_b, _) in zip(spans, spans[1:], strict=False):
            assert end_a <= start_b


def test_crash_mid_chunk_retries_only_the_missing_frames(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "crash_at=4@once@layer=MASTER_BG_A")
    args = base_args(standin_exe, tmp_path / "images", "1-6")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    code, events, err = run_cli([*args, "--chunk-size", "6"])
    assert code == 0, err
    assert summary(events)["layers"]["MASTER_BG_A"]["done"] == [1, 2, 3, 4, 5, 6]
    started = [e for e in events if e["event"] == "task_started"]
    assert [e["frames"] for e in started] == [[1, 2, 3, 4, 5, 6], [4, 5, 6]]
    assert started[1]["attempt"] == 2
    failed = [e for e in events if e["event"] == "frame_failed"]
    assert {e["frame"] for e in failed} == {4, 5, 6} and all(e["will_retry"] for e in failed)


@pytest.mark.parametrize(
    ("fault", "reason_part"),
    [("skip=3", "skipped silently"), ("empty=3", "empty")],
)
def test_silent_skip_and_empty_image_fail_the_frame(
    standin_exe, render_env, tmp_path, monkeypatch, fault, reason_part
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", f"{fault}@layer=MASTER_BG_A")
    args = base_args(standin_exe, tmp_path / "images", "1-4")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    code, events, err = run_cli([*args, "--retries", "1"])
    assert code == 1, err
    result = summary(events)
    assert result["ok"] is False
    assert result["layers"]["MASTER_BG_A"] == {"done": [1, 2, 4], "failed": [3]}
    final = [e for e in events if e["event"] == "frame_failed" and not e["will_retry"]]
    assert [e["frame"] for e in final] == [3]
    assert reason_part in final[0]["reason"]


def test_hang_after_last_frame_is_killed_and_frames_are_kept(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "hang_after_last")
    args = base_args(standin_exe, tmp_path / "images", "1-3")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    args[args.index("--hang-timeout") + 1] = "1.5"
    code, events, err = run_cli(args)
    assert code == 0, err
    finished = [e for e in events if e["event"] == "task_finished"]
    assert finished[0]["status"] == "killed" and "hung" in finished[0]["reason"]
    assert summary(events)["layers"]["MASTER_BG_A"]["done"] == [1, 2, 3]
    pids = [r["pid"] for r in records(render_env["LRC_STANDIN_RECORD"])]
    assert pids and not any(
        psutil.pid_exists(p) and psutil.Process(p).status() != "zombie" for p in pids
    )


def test_licence_error_fails_with_its_reason_and_is_not_retried(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "license")
    code, events, err = run_cli(
        [*base_args(standin_exe, tmp_path / "images", "1-4"), "--retries", "3"]
    )
    assert code == 1, err
    started = [e for e in events if e["event"] == "task_started"]
    # A licence failure is deterministic: no frame is ever given to a second task. (Tasks of a
    # layer already running in parallel when the first one failed may fail the same way.)
    assert all(e["attempt"] == 1 for e in started)
    given = [(e["layer"], f) for e in started for f in e["frames"]]
    assert len(given) == len(set(given))
    finished = [e for e in events if e["event"] == "task_finished"]
    assert all(e["status"] == "failed" and "icens" in e["reason"] for e in finished)
    result = summary(events)
    assert all(v["done"] == [] and v["failed"] == [1, 2, 3, 4] for v in result["layers"].values())


def test_harmless_error_lines_do_not_fail_the_job(standin_exe, render_env, tmp_path, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "noise")
    code, events, err = run_cli(base_args(standin_exe, tmp_path / "images", "1-3"))
    assert code == 0, err
    assert summary(events)["ok"] is True


def test_ctrl_c_stops_every_render_process(standin_exe, render_env, tmp_path):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="2")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lrc_toolbox.cli.batch_render_cli",
            *base_args(standin_exe, tmp_path / "images", "1-20"),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        seen = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            if json.loads(line)["event"] == "task_started":
                seen += 1
                if seen == 2:
                    break
        deadline = time.monotonic() + 30
        while len(records(render_env["LRC_STANDIN_RECORD"])) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    events = [json.loads(line) for line in rest.splitlines() if line.strip()]
    assert summary(events)["state"] == "cancelled"
    pids = [r["pid"] for r in records(render_env["LRC_STANDIN_RECORD"])]
    alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    assert pids and not alive


def test_api_returns_at_once_and_reports_events(standin_exe, render_env, tmp_path):
    api = BatchRenderAPI()
    seen: list[str] = []
    api.subscribe(lambda event: seen.append(event.NAME))
    job = api.render_layer(
        scene_file=str(SAMPLE_SCENE),
        layer="MASTER_FX_A",
        frames="1-4",
        gpu_id=0,
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "images"),
    )
    assert job and not job.result  # returned before the job finished
    assert job.wait(60)
    assert job.result is not None and job.result.ok
    assert job.result.done == {"MASTER_FX_A": [1, 2, 3, 4]}
    assert seen[0] == "job_started" and seen[-1] == "summary"
    assert "frame_done" in seen
    statuses = api.get_render_status()
    assert statuses and all(s.state.value == "succeeded" for s in statuses)
    # The job store knows the outcome too.
    from lrc_toolbox.core.job_store import JobStore

    with JobStore() as store:
        record = store.get_job(job.job_id)
        assert record is not None and record.state.value == "succeeded"
    # Temp scenes were removed.
    assert not any(Path(render_env["TMPDIR"]).rglob("*.ma"))


def test_api_rejects_bad_input_before_starting(standin_exe, render_env):
    api = BatchRenderAPI()
    from lrc_toolbox.api import PlanError

    with pytest.raises(PlanError, match="frames"):
        api.submit(
            RenderConfig(
                scene_file=str(SAMPLE_SCENE),
                layers=["MASTER_BG_A"],
                frame_range="10-1",
                render_exe=standin_exe,
                gpus=["0"],
            )
        )
    assert not any(Path(render_env["TMPDIR"]).rglob("*"))


def test_main_in_process_returns_exit_codes(standin_exe, render_env, tmp_path, capsys):
    code = main([*base_args(standin_exe, tmp_path / "images", "1-2"), "--layers", "MASTER_FX_A"])
    assert code == 0
    out = capsys.readouterr().out
    assert "all frames rendered and verified" in out


def test_skip_existing_renders_only_missing_frames(standin_exe, render_env, tmp_path):
    out = tmp_path / "images"
    args = base_args(standin_exe, out, "1-6")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    code, events, err = run_cli(args)
    assert code == 0, err
    images = sorted(e["output"] for e in events if e["event"] == "frame_done")
    Path(images[2]).unlink()  # frame 3 is lost
    Path(images[4]).write_bytes(b"")  # frame 5 is empty: it must be rendered again
    code, events, err = run_cli([*args, "--skip-existing"])
    assert code == 0, err
    started = [e for e in events if e["event"] == "task_started"]
    assert sorted(f for e in started for f in e["frames"]) == [3, 5]
    assert summary(events)["layers"]["MASTER_BG_A"]["done"] == [1, 2, 3, 4, 5, 6]
    assert Path(images[4]).stat().st_size > 0


def test_combined_mode_renders_several_layers_in_one_process(standin_exe, render_env, tmp_path):
    args = base_args(standin_exe, tmp_path / "images", "1-4")
    args[args.index("--layers") + 1] = "MASTER_BG_A,MASTER_CHAR_A"
    code, events, err = run_cli([*args, "--mode", "combined", "--chunk-size", "4", "--gpus", "0"])
    assert code == 0, err
    started = [e for e in events if e["event"] == "task_started"]
    assert len(started) == 1 and started[0]["layers"] == ["MASTER_BG_A", "MASTER_CHAR_A"]
    assert "rs_MASTER_BG_A,rs_MASTER_CHAR_A" in started[0]["argv"]
    result = summary(events)["layers"]
    assert result["MASTER_BG_A"]["done"] == result["MASTER_CHAR_A"]["done"] == [1, 2, 3, 4]
    outputs = {(e["layer"], e["frame"]): e["output"] for e in events if e["event"] == "frame_done"}
    assert "MASTER_CHAR_A" in outputs[("MASTER_CHAR_A", 2)]  # attributed to the right layer


def test_stalled_start_is_killed_and_retried(standin_exe, render_env, tmp_path, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "slow_start=60@once")
    args = base_args(standin_exe, tmp_path / "images", "1-2")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    code, events, err = run_cli([*args, "--start-timeout", "2", "--gpus", "0", "--chunk-size", "2"])
    assert code == 0, err
    finished = [e for e in events if e["event"] == "task_finished"]
    assert finished[0]["status"] == "killed" and "stalled start" in finished[0]["reason"]
    assert finished[-1]["status"] == "succeeded"


def test_max_task_time_kills_a_long_task(standin_exe, render_env, tmp_path, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "1.5")
    args = base_args(standin_exe, tmp_path / "images", "1-20")
    args[args.index("--layers") + 1] = "MASTER_BG_A"
    code, events, err = run_cli(
        [*args, "--max-task-time", "3", "--retries", "0", "--chunk-size", "20"]
    )
    assert code == 1, err
    finished = [e for e in events if e["event"] == "task_finished"]
    assert finished[0]["status"] == "killed" and "maximum task time" in finished[0]["reason"]
    done = summary(events)["layers"]["MASTER_BG_A"]["done"]
    assert done and done == list(range(1, len(done) + 1))  # verified frames kept


@pytest.mark.parametrize("renderer", ["redshift", "vray", "arnold"])
def test_a_renderer_plugin_that_fails_to_load_fails_once_and_is_not_retried(
    renderer, standin_exe, render_env, tmp_path, monkeypatch
):
    # The stand-in prints Maya's real "Unable to dynamically load" lines and exits 0 without an
    # image: without the fatal rule the frames would just be missing and retried.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "plugin_load")
    args = base_args(standin_exe, tmp_path / "images", "1-2")
    args[args.index("redshift")] = renderer
    code, events, err = run_cli([*args, "--retries", "3"])
    assert code == 1, err
    started = [e for e in events if e["event"] == "task_started"]
    assert started and all(e["attempt"] == 1 for e in started)
    finished = [e for e in events if e["event"] == "task_finished"]
    plugin = {"redshift": "redshift4maya", "vray": "vrayformaya", "arnold": "mtoa"}[renderer]
    assert all(
        e["status"] == "failed" and f"({plugin}) failed to load" in e["reason"] for e in finished
    )
