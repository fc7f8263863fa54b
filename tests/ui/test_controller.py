"""EngineController: the real controller over BatchRenderAPI, a scene file and the farm package."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import SAMPLE_SCENE, make_gpu

from lrc_toolbox import farm
from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.core.scene_source import FileSceneSource, PreparedScene
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.ui.controller import (
    ControllerError,
    EngineController,
    build_retry_request,
    copy_config,
)
from lrc_toolbox.utils.gpu_utils import GPUQueryError


def detector(gpus=(), error: str = "") -> SystemDetector:
    """A detector whose NVML answers like a machine with ``gpus`` (NVML is the boundary)."""

    def nvml():
        if error:
            raise GPUQueryError(error)
        return list(gpus), "550.54.14"

    def smi():
        raise GPUQueryError("nvidia-smi not found")

    return SystemDetector(nvml_query=nvml, smi_query=smi, inside_maya=False)


def controller(tmp_path: Path, scene: Path = SAMPLE_SCENE, **kwargs) -> EngineController:
    api = BatchRenderAPI(
        detector=detector([make_gpu(0), make_gpu(1)]), store_path=tmp_path / "jobs.sqlite3"
    )
    return EngineController(api, FileSceneSource(scene), **kwargs)


def test_describe_scene_reads_the_ma_file(tmp_path) -> None:
    summary = controller(tmp_path).describe_scene()
    assert summary.label == "shot001.ma" and summary.path == str(SAMPLE_SCENE)
    names = [layer.name for layer in summary.layers]
    assert names[:1] == ["masterLayer"] and "MASTER_BG_A" in names
    assert summary.default_frames and summary.default_renderer == "redshift"
    assert summary.error == ""


def test_a_binary_scene_says_layers_need_maya(tmp_path) -> None:
    scene = tmp_path / "shot.mb"
    scene.write_bytes(b"FOR4\x00\x00\x00\x10Maya binary")
    summary = controller(tmp_path, scene).describe_scene()
    assert summary.layers == () and "Maya Binary" in summary.error


def test_open_scene_switches_files_and_refuses_missing_ones(tmp_path) -> None:
    ctrl = controller(tmp_path)
    assert ctrl.can_open_scenes and ctrl.scene_reads_are_thread_safe
    with pytest.raises(ControllerError, match="scene not found"):
        ctrl.open_scene(str(tmp_path / "nope.ma"))
    copy = tmp_path / "shot002.ma"
    copy.write_text(SAMPLE_SCENE.read_text())
    ctrl.open_scene(str(copy))
    assert ctrl.describe_scene().label == "shot002.ma"


def test_system_resources_apply_the_choice_and_report_a_bad_list(tmp_path) -> None:
    ctrl = controller(tmp_path)
    info = ctrl.system_resources(reserve_gpus=1)
    assert [g.device_id for g in info.reserved_gpus] == [0]
    assert [g.device_id for g in info.usable_gpus] == [1]
    bad = ctrl.system_resources(gpus=["7"])
    assert any("GPU index 7 does not exist" in note for note in bad.notes)
    assert len(bad.usable_gpus) == 2


def test_no_gpu_reason_comes_through(tmp_path) -> None:
    api = BatchRenderAPI(detector=detector(error="NVIDIA driver library (libnvidia-ml) not found"))
    info = EngineController(api, FileSceneSource(SAMPLE_SCENE)).system_resources()
    assert info.system.gpu_count == 0 and "libnvidia-ml" in info.system.gpu_error


def test_validate_reports_a_vanished_scene(tmp_path) -> None:
    scene = tmp_path / "gone.ma"
    scene.write_text(SAMPLE_SCENE.read_text())
    ctrl = controller(tmp_path, scene)
    scene.unlink()
    assert ctrl.validate(RenderConfig(scene_file=str(scene)))[0].startswith("The scene")


def test_a_plan_error_becomes_one_message(tmp_path, standin_exe) -> None:
    ctrl = controller(tmp_path, render_exe=standin_exe)
    config = RenderConfig(scene_file=str(SAMPLE_SCENE), layers=["NOT_A_LAYER"], frame_range="1-2")
    with pytest.raises(ControllerError, match="NOT_A_LAYER"):
        ctrl.start(config, PreparedScene(scene_file=str(SAMPLE_SCENE)))
    assert not ctrl.is_running() and ctrl.active_job() is None


def test_retry_request_keeps_only_failed_frames_per_layer() -> None:
    config = RenderConfig(
        scene_file="s.ma",
        layers=[],
        frame_range="1-100x5",
        step=3,
        renderer="redshift",
        gpus=["0"],
        retries=4,
    )
    request = build_retry_request("job1", config, {"BG": [96, 3, 3], "FX": [], "CHAR": [7, 8, 9]})
    assert request.config.layers == ["BG", "CHAR"]
    assert request.config.layer_frames == {"BG": "3,96", "CHAR": "7-9"}
    assert request.config.frame_range == "" and request.config.step == 1
    assert request.config.renderer == "redshift" and request.config.retries == 4
    assert request.total_frames == 5
    assert config.layers == [] and config.layer_frames is None  # the original is untouched
    with pytest.raises(ControllerError, match="no failed frames"):
        build_retry_request("job1", config, {"BG": []})


def test_copy_config_shares_no_lists() -> None:
    config = RenderConfig(scene_file="s.ma", layers=["A"], gpus=["0"], extra_args=["-x"])
    copied = copy_config(config, scene_file="t.ma")
    copied.layers.append("B")
    copied.gpus.append("1")
    assert config.layers == ["A"] and config.gpus == ["0"] and copied.scene_file == "t.ma"


def test_farm_errors_become_messages(tmp_path, monkeypatch, standin_exe, render_env) -> None:
    def submit_job(plan, engine, *, out_dir=None, dry_run=False):
        raise farm.FarmUnavailableError("opencue", "opencue", "outline")

    monkeypatch.setattr(farm, "submit_job", submit_job)
    ctrl = controller(tmp_path, render_exe=standin_exe)
    config = RenderConfig(scene_file=str(SAMPLE_SCENE), frame_range="1-2", gpus=["0"])
    with pytest.raises(ControllerError, match=r'pip install "lrc-toolbox\[opencue\]"'):
        ctrl.submit_to_farm(config, PreparedScene(scene_file=str(SAMPLE_SCENE)), "opencue")


def test_real_farm_dry_run_writes_job_files(tmp_path, standin_exe, render_env) -> None:
    ctrl = controller(tmp_path, render_exe=standin_exe)
    assert "deadline" in ctrl.farm_engines()
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1-4",
        renderer="redshift",
        gpus=["0"],
    )
    outcome = ctrl.submit_to_farm(
        config, PreparedScene(scene_file=str(SAMPLE_SCENE)), "deadline", dry_run=True
    )
    assert not outcome.submitted and outcome.engine == "deadline"
    assert outcome.files and all(Path(path).is_file() for path in outcome.files)
    assert "Deadline" in outcome.message
