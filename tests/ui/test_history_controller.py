"""The History side of the controller: rows from the job store, details, resume, retry, cancel.

The rows and the words are tested as pure functions; the real :class:`EngineController` runs
against a real job store and the Render stand-in (NVML is the only fake: two GPUs).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fakes import SAMPLE_SCENE, make_gpu
from history_support import gpu_detector, rendered_frames, write_orphaned_job

from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.core.job_control import JobSummary
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.scene_source import FileSceneSource
from lrc_toolbox.ui.controller import ControllerError, EngineController, JobRow
from lrc_toolbox.ui.view_state.formatting import format_timestamp, gpu_label
from lrc_toolbox.ui.view_state.job_history import job_row_from_summary, output_folder_of

#: Generous: a loaded CI machine may be slow to start processes (not a timing assertion).
JOB_TIMEOUT_S = 90.0


# -- rows and words (pure) ---------------------------------------------------------------------------
def summary(**changes) -> JobSummary:
    values = dict(
        job_id="20261123-101500-abc123",
        state="failed",
        scene="/shows/s/shot001.ma",
        created_at=1000.0,
        ended_at=1075.0,
        manager_alive=False,
        orphaned=False,
        layers={
            "MASTER_BG_A": {"done": 10, "failed": 2},
            "MASTER_CHAR_A": {"done": 9, "skipped_existing": 3},
        },
    )
    values.update(changes)
    return JobSummary(**values)


def test_a_row_counts_verified_failed_and_all_frames() -> None:
    row = job_row_from_summary(summary())
    assert (row.frames_done, row.frames_failed, row.frames_total) == (22, 2, 24)
    assert row.finished and row.can_rerun_failed and not row.can_cancel
    assert row.status_text == "failed" and row.duration_s(now=99_999.0) == 75.0


def test_an_orphaned_row_can_be_cancelled_not_rerun_and_its_time_runs_on() -> None:
    row = job_row_from_summary(
        summary(state="running", ended_at=None, orphaned=True, running_tasks=[{"task": "t0002"}])
    )
    assert row.status_text == "orphaned" and row.running_renders == 1
    assert row.can_cancel and not row.can_rerun_failed
    assert row.duration_s(now=1200.0) == 200.0
    done = job_row_from_summary(summary(state="succeeded", layers={"MASTER_BG_A": {"done": 4}}))
    assert not done.can_rerun_failed and done.frames_missing == 0


def test_the_output_folder_is_the_configured_one_else_what_the_images_share() -> None:
    assert output_folder_of({"output_dir": "/out"}, ["/elsewhere/a.exr"]) == "/out"
    images = ["/img/MASTER_BG_A/shot.0001.exr", "/img/MASTER_CHAR_A/shot.0001.exr"]
    assert output_folder_of({"output_dir": None}, images) == "/img"
    assert output_folder_of({}, ["/img/BG/a.exr", "/img/BG/b.exr"]) == "/img/BG"
    assert output_folder_of({}, []) is None


def test_times_and_gpus_read_short() -> None:
    now = time.mktime((2026, 11, 23, 15, 0, 0, 0, 0, -1))
    today = time.mktime((2026, 11, 23, 9, 5, 7, 0, 0, -1))
    earlier = time.mktime((2026, 11, 20, 18, 30, 0, 0, 0, -1))
    assert format_timestamp(today, now) == "09:05:07"
    assert format_timestamp(earlier, now) == "2026-11-20 18:30"
    assert format_timestamp(None, now) == ""
    assert gpu_label("1") == "GPU 1" and gpu_label(None) == "CPU"
    assert gpu_label("GPU-5f3c9a11-8d2e-4b7a") == "GPU-5f3c9a11…"


# -- the real controller over a real store ----------------------------------------------------------
def engine_controller(tmp_path: Path, standin_exe: str) -> EngineController:
    api = BatchRenderAPI(
        detector=gpu_detector([make_gpu(0), make_gpu(1)]),
        store_path=tmp_path / "data" / "jobs.sqlite3",
    )
    return EngineController(api, FileSceneSource(SAMPLE_SCENE), render_exe=standin_exe)


def run_to_end(ctrl: EngineController, config: RenderConfig) -> str:
    started = ctrl.start(config, ctrl.prepare(config))
    assert ctrl.wait(JOB_TIMEOUT_S), "the job did not finish"
    return started.job_id


@pytest.mark.slow
def test_history_and_details_of_a_job_with_a_failed_frame(
    tmp_path, standin_exe, render_env, monkeypatch
) -> None:
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=2@layer=MASTER_BG_A@once")
    ctrl = engine_controller(tmp_path, standin_exe)
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1-4",
        renderer="redshift",
        gpus=["0", "1"],
        retries=0,
        output_dir=str(tmp_path / "images"),
        chunk_size=2,
    )
    job_id = run_to_end(ctrl, config)

    rows = ctrl.history(10)
    assert [row.job_id for row in rows] == [job_id]
    row = rows[0]
    assert (row.state, row.frames_done, row.frames_total, row.frames_failed) == ("failed", 3, 4, 1)
    assert not row.orphaned and row.can_rerun_failed and row.ended_at >= row.created_at

    details = ctrl.job_details(job_id)
    assert details.output_folder == str(tmp_path / "images") and details.renderer == "redshift"
    assert [(f.layer, f.frame) for f in details.failed_frames] == [("MASTER_BG_A", 2)]
    assert details.failed_frames[0].reason and details.failed_frames[0].attempts == 1
    assert sorted(f for task in details.tasks for f in task.frames) == [1, 2, 3, 4]
    for task in details.tasks:
        # pinned by UUID (what CUDA_VISIBLE_DEVICES got), one of the two GPUs asked for
        assert task.gpu in (make_gpu(0).uuid, make_gpu(1).uuid)
        assert task.attempt == 1 and task.duration_s is not None
        assert Path(task.log_path).is_file() and task.pid
    assert details.log_folder == str(Path(details.tasks[0].log_path).parent)
    assert ctrl.orphaned_jobs() == []

    monkeypatch.delenv("LRC_STANDIN_FAULTS")
    retry = ctrl.retry_job(job_id)
    assert retry.total_frames == 1 and retry.job_id != job_id
    assert ctrl.active_job().job_id == retry.job_id  # the dialog's table follows it
    assert ctrl.wait(JOB_TIMEOUT_S)
    assert [row.job_id for row in ctrl.history(10)] == [retry.job_id, job_id]
    assert ctrl.history(10)[0].state == "succeeded"
    assert rendered_frames(render_env["LRC_STANDIN_RECORD"])[-1:] == [("rs_MASTER_BG_A", 2)]


@pytest.mark.slow
def test_an_orphaned_job_is_found_and_resumed_rendering_only_what_was_left(
    tmp_path, standin_exe, render_env
) -> None:
    ctrl = engine_controller(tmp_path, standin_exe)
    job_id = write_orphaned_job(
        tmp_path / "data" / "jobs.sqlite3",
        standin_exe=standin_exe,
        output_dir=tmp_path / "images",
        frames=(1, 2, 3),
        done=(1,),
    )
    orphans = ctrl.orphaned_jobs()
    assert [row.job_id for row in orphans] == [job_id]
    assert isinstance(orphans[0], JobRow) and orphans[0].status_text == "orphaned"
    assert (orphans[0].frames_done, orphans[0].frames_total) == (1, 3)
    assert [row.job_id for row in ctrl.orphaned_jobs(str(SAMPLE_SCENE))] == [job_id]
    assert ctrl.orphaned_jobs(str(tmp_path / "another_shot.ma")) == []

    with pytest.raises(ControllerError, match="still running|nothing to retry|wait for it"):
        ctrl.retry_job(job_id)  # not finished: resume or cancel it instead
    started = ctrl.resume_job(job_id)
    assert started.job_id == job_id and ctrl.active_job().job_id == job_id
    assert ctrl.wait(JOB_TIMEOUT_S)
    row = ctrl.history(5)[0]
    assert (row.job_id, row.state, row.frames_done, row.orphaned) == (job_id, "succeeded", 3, False)
    assert sorted(rendered_frames(render_env["LRC_STANDIN_RECORD"])) == [
        ("rs_MASTER_BG_A", 2),
        ("rs_MASTER_BG_A", 3),
    ]
    assert ctrl.orphaned_jobs() == []


def test_cancel_ends_an_orphaned_job_and_refuses_one_that_ended(
    tmp_path, standin_exe, render_env
) -> None:
    ctrl = engine_controller(tmp_path, standin_exe)
    job_id = write_orphaned_job(
        tmp_path / "data" / "jobs.sqlite3", standin_exe=standin_exe, output_dir=tmp_path / "images"
    )
    message = ctrl.cancel_job(job_id)
    assert f"job {job_id} cancelled" in message
    assert ctrl.history(5)[0].state == "cancelled" and ctrl.orphaned_jobs() == []
    with pytest.raises(ControllerError, match="already ended"):
        ctrl.cancel_job(job_id)
    with pytest.raises(ControllerError, match="already ended"):
        ctrl.resume_job(job_id)
    with JobStore(tmp_path / "data" / "jobs.sqlite3") as store:
        assert store.get_job(job_id).state.value == "cancelled"


def test_unknown_jobs_are_one_clear_message(tmp_path, standin_exe, render_env) -> None:
    ctrl = engine_controller(tmp_path, standin_exe)
    for call in (ctrl.job_details, ctrl.resume_job, ctrl.retry_job, ctrl.cancel_job):
        with pytest.raises(ControllerError, match="no job nope"):
            call("nope")
    assert ctrl.history() == []


def test_an_unusable_store_is_a_message_not_a_traceback(tmp_path, standin_exe) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    api = BatchRenderAPI(detector=gpu_detector([make_gpu(0)]), store_path=blocker / "jobs.sqlite3")
    ctrl = EngineController(api, FileSceneSource(SAMPLE_SCENE), render_exe=standin_exe)
    with pytest.raises(ControllerError, match="job history"):
        ctrl.history()
    with pytest.raises(ControllerError):
        ctrl.orphaned_jobs()


@pytest.mark.slow  # its job launches a render (the first launch no longer waits for a tick)
def test_stored_jobs_wait_while_a_job_runs_here(
    tmp_path, standin_exe, render_env, monkeypatch
) -> None:
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "1.0")  # slow frames: the job is still running
    ctrl = engine_controller(tmp_path, standin_exe)
    orphan = write_orphaned_job(
        tmp_path / "data" / "jobs.sqlite3", standin_exe=standin_exe, output_dir=tmp_path / "images"
    )
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_CHAR_A"],
        frame_range="1-20",
        renderer="redshift",
        gpus=["1"],
        output_dir=str(tmp_path / "images"),
    )
    running = ctrl.start(config, ctrl.prepare(config))
    try:
        with pytest.raises(ControllerError, match="still running"):
            ctrl.resume_job(orphan)
        with pytest.raises(ControllerError, match="still running"):
            ctrl.retry_job(orphan)
        rows = {row.job_id: row for row in ctrl.history()}
        # queued until its supervisor thread takes it up, then running; never orphaned
        assert rows[running.job_id].state in ("queued", "running")
        assert not rows[running.job_id].orphaned and rows[running.job_id].can_cancel
        assert rows[running.job_id].manager_alive and rows[orphan].orphaned
        assert "stopping" in ctrl.cancel_job(running.job_id)  # this controller's own job
    finally:
        ctrl.stop_all()
        assert ctrl.wait(JOB_TIMEOUT_S)
    assert ctrl.history(1)[0].state == "cancelled"
