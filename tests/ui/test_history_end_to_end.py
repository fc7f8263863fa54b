"""The History tab over the real engine: EngineController + BatchRenderAPI + stand-in + job store.

Real processes, files and threads; NVML is the only fake. A job loses frame 2 (the stand-in skips
it once, retries 0); Re-run failed frames from the History tab renders only frame 2. A job left
behind by a crashed manager is offered at start-up and resumed from the offer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import require_qt

require_qt()

from fakes import SAMPLE_SCENE, make_gpu  # noqa: E402
from history_support import gpu_detector, rendered_frames, write_orphaned_job  # noqa: E402

from lrc_toolbox.api import BatchRenderAPI  # noqa: E402
from lrc_toolbox.core.scene_source import FileSceneSource  # noqa: E402
from lrc_toolbox.ui.controller import EngineController  # noqa: E402
from lrc_toolbox.ui.models.history_table_models import JobColumn  # noqa: E402
from lrc_toolbox.ui.view_state.render_rows import RowState  # noqa: E402

pytestmark = pytest.mark.slow

#: Generous: a loaded CI machine may be slow to start processes (not a timing assertion).
JOB_TIMEOUT_MS = 90_000


def make_engine_dialog(make_dialog, standin_exe: str, tmp_path: Path):
    api = BatchRenderAPI(
        detector=gpu_detector([make_gpu(0), make_gpu(1)]),
        store_path=tmp_path / "data" / "jobs.sqlite3",
    )
    controller = EngineController(api, FileSceneSource(SAMPLE_SCENE), render_exe=standin_exe)
    return make_dialog(controller), controller


def test_re_run_failed_frames_from_history_renders_only_the_failed_frame(
    qtbot, make_dialog, standin_exe, render_env, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=2@layer=MASTER_BG_A@once")
    dialog, controller = make_engine_dialog(make_dialog, standin_exe, tmp_path)
    config = dialog.render_config_widget
    config.all_layers_check.setChecked(False)
    for name in ("MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"):
        config.layer_box(name).setChecked(name == "MASTER_BG_A")
    config.frame_field.edit.setText("1-4")
    config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("redshift"))
    config.gpus_edit.setText("0,1")
    config.output_edit.setText(str(tmp_path / "images"))
    config.retries_spin.setValue(0)
    assert dialog.control_buttons.start_button.isEnabled()
    dialog.control_buttons.start_button.click()
    qtbot.waitUntil(lambda: controller.active_job() is not None, timeout=JOB_TIMEOUT_MS)
    first = controller.active_job().job_id
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.job_finished(first), timeout=JOB_TIMEOUT_MS)
    assert model.job_summary(first) == (3, 1, 4)
    assert "MASTER_BG_A frames 2" in dialog.message_bar.text()
    before = len(rendered_frames(render_env["LRC_STANDIN_RECORD"]))

    # History: the job, its renders (GPU, attempt, log) and its one failed frame
    dialog.show_history()
    panel = dialog.history_panel
    qtbot.waitUntil(lambda: panel.jobs.position_of(first) is not None, timeout=JOB_TIMEOUT_MS)
    position = panel.jobs.position_of(first)
    assert panel.jobs.index(position, JobColumn.STATE).data() == "1 frame failed"
    assert panel.jobs.index(position, JobColumn.FRAMES).data() == "3/4"
    assert panel.jobs.index(position, JobColumn.FAILED).data() == "1"
    assert panel.select_job(first)
    qtbot.waitUntil(
        lambda: panel.details is not None and panel.details.job.job_id == first,
        timeout=JOB_TIMEOUT_MS,
    )
    details = panel.details
    assert [(f.layer, f.frame) for f in details.failed_frames] == [("MASTER_BG_A", 2)]
    assert "no image for frame 2" in details.failed_frames[0].reason
    assert details.tasks and all(Path(task.log_path).is_file() for task in details.tasks)
    assert {task.gpu for task in details.tasks} <= {make_gpu(0).uuid, make_gpu(1).uuid}
    assert details.output_folder == str(tmp_path / "images")
    panel.open_folder_button.click()
    assert dialog.opened_paths == [str(tmp_path / "images")]

    monkeypatch.delenv("LRC_STANDIN_FAULTS")
    assert panel.rerun_button.isEnabled()
    panel.rerun_button.click()
    # the worker's start returned and the dialog took the new job on (not only the engine)
    qtbot.waitUntil(
        lambda: controller.active_job().job_id != first and not dialog.busy, timeout=JOB_TIMEOUT_MS
    )
    second = controller.active_job().job_id
    assert f"Started job {second}: 1 frame" in dialog.message_bar.text()
    assert dialog.views_tabs.currentWidget() is dialog.active_renders_table
    qtbot.waitUntil(lambda: model.job_finished(second), timeout=JOB_TIMEOUT_MS)
    rows = [row for row in model.rows if row.job_id == second]
    assert [(row.layers, row.frames) for row in rows] == [(("MASTER_BG_A",), (2,))]
    assert rows[0].state is RowState.DONE and model.job_summary(second) == (1, 0, 1)
    assert rendered_frames(render_env["LRC_STANDIN_RECORD"])[before:] == [("rs_MASTER_BG_A", 2)]
    image = tmp_path / "images" / "MASTER_BG_A"
    assert len(list(image.glob("*.0002.*"))) == 1

    dialog.show_history()

    def state_of(job_id: str) -> str | None:
        position = panel.jobs.position_of(job_id)
        return None if position is None else panel.jobs.index(position, JobColumn.STATE).data()

    # a read started while the retry was starting may land first: wait for the fresh one
    qtbot.waitUntil(lambda: state_of(second) == "All verified", timeout=JOB_TIMEOUT_MS)
    position = panel.jobs.position_of(second)
    assert panel.jobs.index(position, JobColumn.FRAMES).data() == "1/1"
    assert state_of(first) == "1 frame failed"  # a re-run is a new job; the first keeps its history


def test_a_job_left_by_a_crashed_manager_is_offered_and_resumed(
    qtbot, make_dialog, standin_exe, render_env, tmp_path
) -> None:
    orphan = write_orphaned_job(
        tmp_path / "data" / "jobs.sqlite3",
        standin_exe=standin_exe,
        output_dir=tmp_path / "images",
        frames=(1, 2, 3, 4),
        done=(1, 2),
    )
    dialog, controller = make_engine_dialog(make_dialog, standin_exe, tmp_path)
    bar = dialog.message_bar
    qtbot.waitUntil(lambda: bar.action_button("Resume") is not None, timeout=JOB_TIMEOUT_MS)
    assert orphan in bar.text() and "2/4 frames verified" in bar.text()
    bar.action_button("Resume").click()
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.job_finished(orphan), timeout=JOB_TIMEOUT_MS)
    assert controller.active_job().job_id == orphan
    assert sorted(rendered_frames(render_env["LRC_STANDIN_RECORD"])) == [
        ("rs_MASTER_BG_A", 3),
        ("rs_MASTER_BG_A", 4),
    ]
    assert "Render finished" in bar.text() and bar.level == "success"
    assert controller.orphaned_jobs() == []
    dialog.reload_scene()  # nothing left to offer
    qtbot.waitUntil(
        lambda: dialog.scene is not None and not dialog.runner.busy, timeout=JOB_TIMEOUT_MS
    )
    assert bar.action_buttons() == []
