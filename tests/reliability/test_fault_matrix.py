"""The fault matrix: what goes wrong in a render farm of one workstation, and what the user sees.

Each test starts real processes (the CLI or the API, and the Render STAND-IN with an injected
fault) and checks the four promises of the matrix in ``docs/reliability.md``: the exit code and the
event reasons the user sees, what is retried, that no render process is left behind (the stand-in
records the pid of every worker and launcher; ``tests/conftest.py`` also fails a test that leaves a
child running), and that every frame reported done has its non-empty image.

Rows already proven by other files are not repeated here: a crash mid-frame, exit 0 with a
missing or empty image, a hang after the last frame, a licence error and Ctrl-C are in
``tests/test_engine_e2e.py``; a manager killed with ``kill -9`` and resumed in
``tests/test_resume.py``; two managers sharing GPUs in ``tests/test_gpu_leases.py``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import time
from pathlib import Path

import pytest
from reliability_support import (
    SAMPLE_SCENE,
    alive,
    assert_done_frames_have_images,
    assert_no_render_left,
    copy_standin,
    fill,
    is_root,
    job_args,
    kill_quietly,
    of_kind,
    parse_events,
    read_events_until,
    recorded_pids,
    records,
    remount_read_only,
    run_cli,
    start_cli,
    summary,
    tmpfs,
    wait_for,
    worker_frames,
)

from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.core import events as ev
from lrc_toolbox.core.gpu_availability import GIB, GPUAvailability
from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.system_detector import SystemDetector

pytestmark = pytest.mark.slow

GPU_A = "GPU-aaaaaaaa-1111-2222-3333-444444444444"
GPU_B = "GPU-bbbbbbbb-1111-2222-3333-444444444444"


def _failed_reasons(events: list[dict]) -> dict[int, str]:
    """Final reason per failed frame (the last frame_failed event of each frame)."""
    return {e["frame"]: e["reason"] for e in of_kind(events, "frame_failed")}


# --------------------------------------------------------------------------------------------------
# Crashes
# --------------------------------------------------------------------------------------------------
def test_crash_during_startup_is_retried_and_the_retry_renders_everything(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "crash_startup@once")
    code, events, err = run_cli(
        job_args(standin_exe, tmp_path / "img", extra=("--chunk-size", "4", "--retries", "1"))
    )
    assert code == 0, err
    first, second = of_kind(events, "task_finished")
    assert first["status"] == "failed" and "Fatal Error" in first["reason"]
    assert first["frames_done"] == [] and second["status"] == "succeeded"
    assert [e["attempt"] for e in of_kind(events, "task_started")] == [1, 2]
    assert summary(events)["layers"]["MASTER_BG_A"] == {"done": [1, 2, 3, 4], "failed": []}
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_crash_during_startup_every_time_stops_after_the_retries(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "crash_startup")
    code, events, err = run_cli(
        job_args(standin_exe, tmp_path / "img", extra=("--chunk-size", "4", "--retries", "1"))
    )
    assert code == 1, err
    assert [e["attempt"] for e in of_kind(events, "task_started")] == [1, 2]  # retries 1: 2 tries
    reasons = _failed_reasons(events)
    assert sorted(reasons) == [1, 2, 3, 4]
    assert all("Fatal Error" in reason for reason in reasons.values())
    assert summary(events)["layers"]["MASTER_BG_A"] == {"done": [], "failed": [1, 2, 3, 4]}
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_crash_between_frames_keeps_the_finished_frames_and_renders_only_the_rest(
    standin_exe, render_env, tmp_path, monkeypatch
):
    # The worker dies right after frame 2's image was written and reported, before frame 3.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "crash_after=2@once")
    code, events, err = run_cli(
        job_args(standin_exe, tmp_path / "img", extra=("--chunk-size", "4"))
    )
    assert code == 0, err
    first, second = of_kind(events, "task_finished")
    assert first["exit_code"] == 134 and first["frames_done"] == [1, 2]
    assert first["frames_missing"] == [3, 4]
    assert [e["frames"] for e in of_kind(events, "task_started")] == [[1, 2, 3, 4], [3, 4]]
    assert second["status"] == "succeeded"
    retried = [e for e in of_kind(events, "frame_failed")]
    assert {e["frame"] for e in retried} == {3, 4} and all(e["will_retry"] for e in retried)
    assert all("exited with code 134" in e["reason"] for e in retried)
    # Every frame was written exactly once: verified frames are never rendered again.
    assert set(worker_frames(render_env["LRC_STANDIN_RECORD"]).values()) == {1}
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_cuda_error_line_fails_the_task_and_its_missing_frames_are_retried(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "cuda_error=2@once")
    code, events, err = run_cli(
        job_args(standin_exe, tmp_path / "img", extra=("--chunk-size", "4"))
    )
    assert code == 0, err
    first, second = of_kind(events, "task_finished")
    assert first["status"] == "failed" and "CUDA error" in first["reason"]
    assert first["frames_done"] == [1]
    retried = of_kind(events, "frame_failed")
    assert {e["frame"] for e in retried} == {2, 3, 4}
    assert all("CUDA error" in e["reason"] and e["will_retry"] for e in retried)
    assert second["status"] == "succeeded" and second["frames_done"] == [2, 3, 4]
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


# --------------------------------------------------------------------------------------------------
# Hangs and silence
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start_timeout", "hang_timeout", "reason"),
    [("1.5", "60", "stalled start"), ("60", "1.5", "hung: no output")],
    ids=["start-timeout", "hang-timeout"],
)
def test_hang_before_the_first_frame_is_killed_and_retried(
    standin_exe, render_env, tmp_path, monkeypatch, start_timeout, hang_timeout, reason
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "hang_at=1@once")
    code, events, err = run_cli(
        job_args(
            standin_exe,
            tmp_path / "img",
            frames="1-3",
            extra=(
                "--chunk-size",
                "3",
                "--start-timeout",
                start_timeout,
                "--hang-timeout",
                hang_timeout,
            ),
        )
    )
    assert code == 0, err
    first, second = of_kind(events, "task_finished")
    assert first["status"] == "killed" and reason in first["reason"]
    assert first["frames_done"] == []
    assert second["status"] == "succeeded" and second["frames_done"] == [1, 2, 3]
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_silent_render_that_keeps_writing_predicted_images_is_not_killed(
    standin_exe, render_env, tmp_path, monkeypatch
):
    # Prints nothing at all (no frame lines, no "Saving:"), one image every 0.35 s, for longer
    # than both watchdogs. The layer's naming is known (as Maya's templates give it), so the
    # predicted images both keep it alive and verify its frames.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "silent_work=0.35")
    out = tmp_path / "img"
    template = str(out / "MASTER_BG_A" / "shot001.{frame_signed:04d}.exr")
    api = BatchRenderAPI()
    seen: list[ev.Event] = []
    api.subscribe(seen.append)
    job = api.submit(
        RenderConfig(
            scene_file=str(SAMPLE_SCENE),
            layers=["MASTER_BG_A"],
            frame_range="1-8",
            renderer="redshift",
            render_exe=standin_exe,
            gpus=["0"],
            output_dir=str(out),
            chunk_size=8,
            retries=0,
            hang_timeout_s=2.0,
            start_timeout_s=3.0,
        ),
        image_templates={"MASTER_BG_A": [template]},
    )
    assert job.wait(60)
    assert job.result is not None and job.result.ok, job.result
    finished = [e for e in seen if isinstance(e, ev.TaskFinished)]
    assert [e.status for e in finished] == ["succeeded"] and finished[0].exit_code == 0
    assert job.result.done == {"MASTER_BG_A": list(range(1, 9))}
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_silent_render_with_unknown_naming_is_kept_alive_but_cannot_be_verified(
    standin_exe, render_env, tmp_path, monkeypatch
):
    # No image was ever reported and nobody told the engine the naming: new files in the output
    # folder still prove the render is alive (no kill), but a frame only counts when its image
    # is known, so the frames fail with a reason that says why.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "silent_work=0.35")
    out = tmp_path / "img"
    code, events, err = run_cli(
        job_args(
            standin_exe,
            out,
            frames="1-8",
            extra=(
                "--chunk-size",
                "8",
                "--retries",
                "0",
                "--hang-timeout",
                "2",
                "--start-timeout",
                "3",
            ),
        )
    )
    assert code == 1, err
    (finished,) = of_kind(events, "task_finished")
    assert finished["status"] == "failed" and finished["exit_code"] == 0  # ran to its end
    reasons = _failed_reasons(events)
    assert sorted(reasons) == list(range(1, 9))
    assert all("naming is unknown" in reason for reason in reasons.values())
    assert len(list((out / "MASTER_BG_A").glob("*.exr"))) == 8  # it did work: not killed
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_another_layers_images_do_not_keep_a_hung_render_alive(
    standin_exe, render_env, tmp_path, monkeypatch
):
    # BG hangs before its first frame while CHAR keeps writing images into the same output
    # folder; BG's naming is unknown, and CHAR's files name CHAR, so BG is still killed.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "hang_at=1@layer=MASTER_BG_A")
    monkeypatch.setenv("LRC_STANDIN_LAYER_FRAME_S", "MASTER_CHAR_A=0.4")
    code, events, err = run_cli(
        job_args(
            standin_exe,
            tmp_path / "img",
            layers="MASTER_BG_A,MASTER_CHAR_A",
            frames="1-8",
            gpus="0,1",
            extra=(
                "--chunk-size",
                "8",
                "--retries",
                "0",
                "--hang-timeout",
                "1.5",
                "--start-timeout",
                "60",
            ),
        )
    )
    assert code == 1, err
    by_layer = {e["task"]: e for e in of_kind(events, "task_started")}
    finished = {by_layer[e["task"]]["layer"]: e for e in of_kind(events, "task_finished")}
    assert finished["MASTER_BG_A"]["status"] == "killed"
    assert "hung" in finished["MASTER_BG_A"]["reason"]
    assert finished["MASTER_CHAR_A"]["status"] == "succeeded"
    assert summary(events)["layers"]["MASTER_CHAR_A"]["done"] == list(range(1, 9))
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


# --------------------------------------------------------------------------------------------------
# Disks and folders
# --------------------------------------------------------------------------------------------------
def test_disk_full_fails_the_frames_with_the_write_error_and_keeps_verified_ones(
    standin_exe, render_env, small_fs, monkeypatch
):
    fill(small_fs, leave_bytes=12 * 1024)  # room for the layer folder and a frame or two
    code, events, err = run_cli(
        job_args(
            standin_exe,
            small_fs / "img",
            frames="1-6",
            extra=("--chunk-size", "6", "--retries", "1"),
        )
    )
    assert code == 1, err
    reasons = _failed_reasons(events)
    result = summary(events)["layers"]["MASTER_BG_A"]
    assert reasons and sorted(result["done"] + result["failed"]) == list(range(1, 7))
    assert all("No space left on device" in reasons[frame] for frame in result["failed"])
    assert len(of_kind(events, "task_started")) == 2  # retried once, then given up
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_output_folder_turning_read_only_mid_job_keeps_the_verified_frames(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "0.3")
    out = tmp_path / "img"
    with contextlib.ExitStack() as stack:
        if is_root():  # permission bits do not stop root: a read-only mount does
            try:
                stack.enter_context(tmpfs(out, size="1m"))
            except OSError as exc:
                pytest.skip(f"root needs a mount to make a folder read-only, which failed: {exc}")
        proc = start_cli(
            job_args(standin_exe, out, frames="1-8", extra=("--chunk-size", "8", "--retries", "0"))
        )
        seen = read_events_until(proc, "frame_done")
        if is_root():
            for _attempt in range(40):  # EBUSY while an image is open for writing: try again
                try:
                    remount_read_only(out)
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                proc.kill()
                proc.communicate()
                pytest.fail("could not remount the output folder read-only")
        else:
            (out / "MASTER_BG_A").chmod(0o555)
        rest, err = proc.communicate(timeout=120)
        events = seen + parse_events(rest)
        assert_done_frames_have_images(events)  # while the (read-only) folder is still there
    assert proc.returncode == 1, err
    result = summary(events)["layers"]["MASTER_BG_A"]
    assert result["done"] and result["failed"]
    assert result["done"] == list(range(1, len(result["done"]) + 1))  # the first frames kept
    reasons = _failed_reasons(events)
    assert all(
        "Read-only file system" in reasons[f] or "Permission denied" in reasons[f]
        for f in result["failed"]
    )
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_full_data_folder_is_one_clear_line_and_nothing_starts(
    standin_exe, render_env, small_fs, monkeypatch
):
    fill(small_fs, leave_bytes=0)
    monkeypatch.setenv("LRC_TOOLBOX_DATA_DIR", str(small_fs / "data"))
    code, events, err = run_cli(job_args(standin_exe, small_fs / "img"))
    assert code == 2 and events == []
    assert err.startswith("lrc-batch-render: error: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert records(render_env["LRC_STANDIN_RECORD"]) == []


def test_unwritable_temp_folder_is_a_plan_error_and_nothing_starts(
    standin_exe, render_env, read_only_dir, tmp_path, monkeypatch
):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(read_only_dir))
    api = BatchRenderAPI()
    with pytest.raises(PlanError, match="cannot start the job"):
        api.submit(
            RenderConfig(
                scene_file=str(SAMPLE_SCENE),
                layers=["MASTER_BG_A"],
                frame_range="1-2",
                renderer="redshift",
                render_exe=standin_exe,
                gpus=["0"],
                output_dir=str(tmp_path / "img"),
            )
        )
    assert api.history() == []
    assert records(render_env["LRC_STANDIN_RECORD"]) == []


# --------------------------------------------------------------------------------------------------
# The executable and the manager
# --------------------------------------------------------------------------------------------------
def test_render_executable_deleted_mid_job_fails_the_rest_with_one_reason(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "0.25")
    (tmp_path / "bin").mkdir()
    render = copy_standin(standin_exe, tmp_path / "bin")
    proc = start_cli(
        job_args(str(render), tmp_path / "img", frames="1-6", extra=("--chunk-size", "2"))
    )
    seen = read_events_until(proc, "task_started")
    # Once its worker runs, the launcher has read its script: deleting it now is "mid-job".
    wait_for(lambda: records(render_env["LRC_STANDIN_RECORD"]), what="the first worker")
    render.unlink()  # the first render runs on; every later launch must fail
    rest, err = proc.communicate(timeout=120)
    events = seen + parse_events(rest)
    assert proc.returncode == 1, err
    finished = of_kind(events, "task_finished")
    assert finished[0]["status"] == "succeeded" and finished[0]["frames_done"] == [1, 2]
    assert finished[1]["status"] == "failed"
    assert "could not start the render" in finished[1]["reason"]
    assert "executable not found" in finished[1]["reason"]
    assert len(finished) == 2  # no launch is tried again: it cannot work
    reasons = _failed_reasons(events)
    assert sorted(reasons) == [3, 4, 5, 6]
    assert all("executable not found" in reason for reason in reasons.values())
    assert summary(events)["layers"]["MASTER_BG_A"]["done"] == [1, 2]
    assert_done_frames_have_images(events)
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def _start_two_renders(standin_exe: str, tmp_path: Path) -> tuple[object, str]:
    proc = start_cli(
        job_args(
            standin_exe,
            tmp_path / "img",
            layers="MASTER_BG_A,MASTER_CHAR_A",
            frames="1-20",
            gpus="0,1",
        )
    )
    read_events_until(proc, "task_started", count=2)
    record = os.environ["LRC_STANDIN_RECORD"]
    wait_for(lambda: len(records(record)) >= 2, what="both workers to start")
    return proc, record


def test_sigterm_of_the_manager_stops_every_render_tree_even_one_ignoring_sigterm(
    standin_exe, render_env, tmp_path, monkeypatch
):
    # The workers ignore SIGTERM (a renderer stuck in a driver call): the manager must wait for
    # the grace period and kill them, not exit as soon as their launchers are gone.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "ignore_term")
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "1")
    proc, record = _start_two_renders(standin_exe, tmp_path)
    proc.send_signal(signal.SIGTERM)
    rest, err = proc.communicate(timeout=90)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    result = summary(parse_events(rest))
    assert result["state"] == "cancelled"
    assert_no_render_left(record)


def test_a_second_ctrl_c_while_stopping_still_stops_every_render(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "ignore_term")
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "1")
    proc, record = _start_two_renders(standin_exe, tmp_path)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.5)  # the first stop is inside its grace period (the workers ignore SIGTERM)
    proc.send_signal(signal.SIGINT)
    _rest, err = proc.communicate(timeout=90)
    assert proc.returncode == 130, err
    left = alive(recorded_pids(record))
    kill_quietly(left)
    assert not left, f"renders orphaned by a second Ctrl-C: {left}"


# --------------------------------------------------------------------------------------------------
# A GPU that disappears from NVML
# --------------------------------------------------------------------------------------------------
class FakeNvml:
    """NVML at the boundary: lists fixed GPUs until the test makes one fall off the bus."""

    def __init__(self, *uuids: str) -> None:
        self.uuids = list(uuids)
        self.lost: set[str] = set()

    def __call__(self) -> tuple[list[GPUInfo], str]:
        gpus = [
            GPUInfo(
                device_id=index,
                name="Fake RTX (test double)",
                memory_total=24 * GIB,
                memory_free=20 * GIB,
                compute_capability=(8, 9),
                uuid=uuid,
            )
            for index, uuid in enumerate(u for u in self.uuids if u not in self.lost)
        ]
        return gpus, "550.00"


def _api_with(nvml: FakeNvml) -> BatchRenderAPI:
    # A clock that always moves on: every NVML question is answered fresh (no 2 s cache).
    clock = itertools.count(start=0.0, step=60.0).__next__
    return BatchRenderAPI(
        detector=SystemDetector(nvml_query=nvml, inside_maya=False),
        gpu_availability=GPUAvailability(nvml, clock=clock),
    )


def _gpu_config(standin_exe: str, out: Path, frames: str, chunk: int) -> RenderConfig:
    return RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range=frames,
        renderer="redshift",
        render_exe=standin_exe,
        output_dir=str(out),
        chunk_size=chunk,
        hang_timeout_s=60.0,
    )


def test_gpu_lost_mid_job_stops_its_render_and_the_other_gpu_renders_the_rest(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "0.2")
    nvml = FakeNvml(GPU_A, GPU_B)
    api = _api_with(nvml)
    seen: list[ev.Event] = []

    def on_event(event: ev.Event) -> None:
        seen.append(event)
        if isinstance(event, ev.TaskStarted) and event.gpus == [GPU_B]:
            nvml.lost.add(GPU_B)  # GPU B falls off the bus as soon as it got work

    api.subscribe(on_event)
    job = api.submit(_gpu_config(standin_exe, tmp_path / "img", "1-6", chunk=3))
    assert job.wait(90)
    assert job.result is not None and job.result.ok, job.result
    assert job.result.done == {"MASTER_BG_A": [1, 2, 3, 4, 5, 6]}
    started = [e for e in seen if isinstance(e, ev.TaskStarted)]
    on_b = [e for e in started if e.gpus == [GPU_B]]
    assert len(on_b) == 1  # B got work once, then never again
    finished = {e.task_id: e for e in seen if isinstance(e, ev.TaskFinished)}
    lost_task = finished[on_b[0].task_id]
    assert lost_task.status in ("killed", "succeeded")  # killed, unless it beat the check
    if lost_task.status == "killed":
        assert "no longer reported by the NVIDIA driver" in (lost_task.reason or "")
    notices = [e.message for e in seen if isinstance(e, ev.Notice)]
    assert any(GPU_B in m and "no longer used" in m for m in notices)
    later = started[started.index(on_b[0]) + 1 :]
    assert later and all(e.gpus == [GPU_A] for e in later)
    pinned = {r["cuda_visible_devices"] for r in records(render_env["LRC_STANDIN_RECORD"])}
    assert pinned <= {GPU_A, GPU_B}
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


def test_the_only_gpu_lost_fails_the_queue_with_a_reason_instead_of_waiting_forever(
    standin_exe, render_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "0.3")
    nvml = FakeNvml(GPU_A)
    api = _api_with(nvml)
    seen: list[ev.Event] = []

    def on_event(event: ev.Event) -> None:
        seen.append(event)
        if isinstance(event, ev.TaskStarted):
            nvml.lost.add(GPU_A)

    api.subscribe(on_event)
    job = api.submit(_gpu_config(standin_exe, tmp_path / "img", "1-6", chunk=3))
    assert job.wait(90)
    result = job.result
    assert result is not None and not result.ok
    assert sorted(result.done["MASTER_BG_A"] + result.failed["MASTER_BG_A"]) == list(range(1, 7))
    assert result.failed["MASTER_BG_A"]
    for frame in result.failed["MASTER_BG_A"]:
        reason = result.reasons[("MASTER_BG_A", frame)]
        assert "no longer reported by the NVIDIA driver" in reason
    assert len([e for e in seen if isinstance(e, ev.TaskStarted)]) == 1
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])
