"""The dialog over the real engine: EngineController + BatchRenderAPI + FileSceneSource + stand-in.

Real processes, real files, real threads; the only fake is NVML (this machine may have no GPU), so
the stand-in is told which GPUs to use, as an artist would type them in Advanced.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import require_qt

require_qt()

from fakes import SAMPLE_SCENE  # noqa: E402

from lrc_toolbox.api import BatchRenderAPI  # noqa: E402
from lrc_toolbox.core.scene_source import FileSceneSource  # noqa: E402
from lrc_toolbox.ui.controller import EngineController  # noqa: E402
from lrc_toolbox.ui.view_state.render_rows import RowState  # noqa: E402

pytestmark = pytest.mark.slow

#: Generous: a loaded CI machine may be slow to start processes (not a timing assertion).
JOB_TIMEOUT_MS = 90_000


@pytest.fixture()
def engine_dialog(make_dialog, standin_exe, render_env, tmp_path):
    """A dialog on the sample scene, set up to render with the stand-in on 'GPUs' 0 and 1."""

    def make(*, layers=("MASTER_BG_A", "MASTER_CHAR_A"), frames="1-4", retries=2):
        api = BatchRenderAPI(store_path=tmp_path / "data" / "jobs.sqlite3")
        controller = EngineController(api, FileSceneSource(SAMPLE_SCENE), render_exe=standin_exe)
        dialog = make_dialog(controller)
        config = dialog.render_config_widget
        config.all_layers_check.setChecked(False)
        for name in ("MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"):
            config.layer_box(name).setChecked(name in layers)
        config.frame_field.edit.setText(frames)
        config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("redshift"))
        config.gpus_edit.setText("0,1")
        config.output_edit.setText(str(tmp_path / "images"))
        config.retries_spin.setValue(retries)
        config.hang_timeout_spin.setValue(30)
        return dialog, controller

    return make


def run_job(qtbot, dialog, controller) -> str:
    start = dialog.control_buttons.start_button
    assert start.isEnabled(), start.toolTip()
    dialog.control_buttons.start_button.click()
    qtbot.waitUntil(
        lambda: controller.active_job() is not None or "Not started" in dialog.message_bar.text(),
        timeout=JOB_TIMEOUT_MS,
    )
    assert controller.active_job() is not None, dialog.message_bar.text()
    job_id = controller.active_job().job_id
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.job_finished(job_id), timeout=JOB_TIMEOUT_MS)
    return job_id


def test_a_job_started_from_the_dialog_renders_every_frame(qtbot, engine_dialog, tmp_path):
    dialog, controller = engine_dialog()
    job_id = run_job(qtbot, dialog, controller)
    model = dialog.active_renders_table.model
    tasks = [row for row in model.rows if row.job_id == job_id]
    assert tasks and all(row.state is RowState.DONE for row in tasks)
    assert {row.layers[0] for row in tasks} == {"MASTER_BG_A", "MASTER_CHAR_A"}
    assert {row.gpu for row in tasks} <= {"GPU 0", "GPU 1"}
    assert all(row.pid for row in tasks) and not [r for r in model.rows if r.is_waiting_row]
    assert model.job_summary(job_id) == (8, 0, 8)
    assert "All 8 frames rendered and verified" in dialog.message_bar.text()
    images = sorted((tmp_path / "images").rglob("*.exr"))
    assert len(images) == 8 and all(image.stat().st_size > 0 for image in images)
    text = dialog.logs_monitor.shown_text()
    assert "[Redshift] Saving:" in text and "LRC Render STAND-IN" in text
    assert dialog.control_buttons.start_button.isEnabled()
    assert not dialog.control_buttons.retry_button.isEnabled()
    # logs of one task, from the real log files' lines
    one = tasks[0]
    dialog.active_renders_table.select_rows([one])
    shown = dialog.logs_monitor.shown_text()
    assert one.layers[0] in shown and "[t0" not in shown
    assert Path(one.log_path).is_file()


def test_a_licence_failure_shows_its_reason(qtbot, engine_dialog, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "license@layer=MASTER_CHAR_A")
    dialog, controller = engine_dialog()
    job_id = run_job(qtbot, dialog, controller)
    model = dialog.active_renders_table.model
    failed = [row for row in model.rows if row.job_id == job_id and row.state is RowState.FAILED]
    assert failed and all(row.layers == ("MASTER_CHAR_A",) for row in failed)
    assert failed[0].status_text.startswith("Failed")
    assert "licen" in failed[0].status_tooltip.lower()
    message = dialog.message_bar.text()
    assert dialog.message_bar.level == "error" and "MASTER_CHAR_A" in message
    assert "licen" in message.lower()
    assert model.job_summary(job_id) == (4, 4, 8)
    assert dialog.control_buttons.retry_button.isEnabled()


def test_retry_failed_renders_only_the_failed_frames(qtbot, engine_dialog, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=3@layer=MASTER_BG_A")
    dialog, controller = engine_dialog(retries=0)
    first = run_job(qtbot, dialog, controller)
    model = dialog.active_renders_table.model
    assert model.job_summary(first) == (7, 1, 8)
    monkeypatch.delenv("LRC_STANDIN_FAULTS")  # whatever broke frame 3 is fixed now

    dialog.control_buttons.retry_button.click()
    qtbot.waitUntil(lambda: controller.active_job().job_id != first, timeout=JOB_TIMEOUT_MS)
    second = controller.active_job().job_id
    qtbot.waitUntil(lambda: model.job_finished(second), timeout=JOB_TIMEOUT_MS)
    rows = [row for row in model.rows if row.job_id == second]
    assert [(row.layers, row.frames) for row in rows] == [(("MASTER_BG_A",), (3,))]
    assert rows[0].state is RowState.DONE
    assert model.job_summary(second) == (1, 0, 1)


def test_stop_all_stops_every_render(qtbot, engine_dialog, monkeypatch):
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "2")  # slow frames: the stop lands mid-render
    dialog, controller = engine_dialog(frames="1-20")
    dialog.control_buttons.start_button.click()
    model = dialog.active_renders_table.model
    qtbot.waitUntil(
        lambda: any(row.state.is_active and row.pid for row in model.rows), timeout=JOB_TIMEOUT_MS
    )
    job_id = controller.active_job().job_id
    assert dialog.control_buttons.stop_all_button.isEnabled()
    dialog.control_buttons.stop_all_button.click()  # confirm() answers yes in these tests
    qtbot.waitUntil(lambda: model.job_finished(job_id), timeout=JOB_TIMEOUT_MS)
    rows = [row for row in model.rows if row.job_id == job_id]
    assert rows and all(row.state is RowState.STOPPED for row in rows)
    assert "stopped" in dialog.message_bar.text()
    assert not controller.is_running()
    # the conftest's autouse check fails the test if any render process is left running
