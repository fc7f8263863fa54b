"""MayaSceneSource: the open scene behind the SceneSource protocol the dialog and the API use."""

from __future__ import annotations

from pathlib import Path

import pytest
from maya_helpers import artist_view, build_shot, shot_renderer

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.scene_source import (
    LayerChoice,
    PreparationCancelled,
    SceneSource,
    SceneSourceError,
)
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.maya.scene_source import MayaSceneSource, _release_everything_at_exit
from lrc_toolbox.scene import read_scene

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def source(tmp_path: Path) -> MayaSceneSource:
    return MayaSceneSource(temp_root=tmp_path / "tmp")


def test_it_is_a_scene_source_with_labels_for_saved_and_untitled_scenes(maya_env, tmp_path):
    src = source(tmp_path)
    assert isinstance(src, SceneSource)
    assert src.label == "untitled scene (open in Maya)" and src.scene_path() is None
    build_shot(maya_env, tmp_path)
    assert src.label == "shot010.ma (open in Maya)"
    assert src.scene_path().endswith("scenes/shot010.ma")


def test_list_layers_is_cheap_and_knows_the_current_layer(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.switch_layer(nodes["CHAR"])
    before = artist_view()
    layers = source(tmp_path).list_layers()
    assert artist_view() == before
    assert layers == [
        LayerChoice("masterLayer", "defaultRenderLayer", True),
        LayerChoice("BG", "rs_BG", True),
        LayerChoice(
            "CHAR", "rs_CHAR", False, renderer=shot_renderer(maya_env)[0], frame_range="1-48"
        ),
        LayerChoice("FX", "rs_FX", True),
    ]
    assert source(tmp_path).default_frames() == "1-48"
    assert source(tmp_path).default_renderer() == shot_renderer(maya_env)[0]


def test_animation_off_defaults_to_the_current_frame_and_says_so(fake_maya_env, tmp_path):
    # deadline-cloud-for-maya scene.py: animation off renders int(currentTime(query=True)).
    from maya import cmds

    fake_maya_env.add_layer("BG")
    cmds.currentTime(537)
    src = source(tmp_path)
    assert src.default_frames() == "537"
    (note,) = src.notes()
    assert "masterLayer: animation is off" in note and "current frame 537" in note
    assert "as a still (no frame number in the image name)" in note
    fake_maya_env.add_reference("ref", "/proj/ref.ma")
    assert any("ref:defaultRenderLayer" in note for note in src.notes())


def test_validate_lists_problems_and_leaves_the_scene(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    before = artist_view()
    problems = source(tmp_path).validate(RenderConfig(scene_file="", layers=["BG", "nope"]))
    assert len(problems) == 1 and "'nope' is no longer in the scene" in problems[0]
    assert artist_view() == before


def test_prepare_exports_once_with_templates_and_project(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    maya_env.add_layer("UNSAVED")
    before = artist_view()
    src = source(tmp_path)
    config = RenderConfig(scene_file="", layers=["BG", "rs_CHAR"])
    prepared = src.prepare(config)
    assert artist_view() == before
    export = Path(prepared.scene_file)
    assert export.name == "shot010.ma" and export.is_relative_to(tmp_path / "tmp")
    assert "UNSAVED" in [x.name for x in read_scene(export).layers]
    images = maya_env.workspace.as_posix() + "/images"
    assert prepared.image_templates == {
        "BG": [f"{images}/BG/shot010.{{frame_signed:04d}}.exr"],
        "CHAR": [f"{images}/CHAR/shot010.{{frame_signed:04d}}.exr"],
        "rs_CHAR": [f"{images}/CHAR/shot010.{{frame_signed:04d}}.exr"],  # the name the user typed
    }
    assert config.project_dir == maya_env.workspace.as_posix()
    assert config.source_scene and Path(config.source_scene).name == "shot010.ma"  # the artist's
    assert Path(config.source_scene).parent != export.parent
    assert src.snapshots == (export,)
    assert src.release(prepared) and not export.exists() and src.snapshots == ()
    assert not src.release(prepared)


def test_prepare_with_an_output_folder_moves_the_templates(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    out = tmp_path / "renders"
    prepared = source(tmp_path).prepare(
        RenderConfig(scene_file="", layers=["BG"], output_dir=str(out))
    )
    assert prepared.image_templates == {
        "BG": [f"{out.as_posix()}/BG/shot010.{{frame_signed:04d}}.exr"]
    }


def test_prepare_refuses_with_every_problem_and_writes_nothing(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.set_override(nodes["BG"], "perspShape.renderable", False)
    maya_env.set_override(nodes["BG"], "shotCamShape.renderable", False)
    before = artist_view()
    with pytest.raises(SceneSourceError) as info:
        source(tmp_path).prepare(RenderConfig(scene_file="", layers=["BG", "GONE"]))
    lines = str(info.value).splitlines()
    assert len(lines) == 2 and "'GONE'" in lines[0] and "no renderable camera" in lines[1]
    assert artist_view() == before
    assert not (tmp_path / "tmp").exists() or not any((tmp_path / "tmp").rglob("*.ma"))


def test_prepare_cancel_leaves_nothing(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    before = artist_view()
    messages: list[str] = []

    def progress(fraction: float, message: str) -> bool:
        messages.append(f"{fraction:.2f} {message}")
        return "Scene snapshot written" not in message  # Cancel after the export

    with pytest.raises(PreparationCancelled):
        source(tmp_path).prepare(RenderConfig(scene_file="", layers=["BG", "FX"]), progress)
    assert artist_view() == before
    assert not any((tmp_path / "tmp").rglob("*.ma"))
    fractions = [float(m.split()[0]) for m in messages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("Reading the render settings of FX" in m for m in messages)


class FakeHandle:
    def __init__(self, job_id: str, result: object = None) -> None:
        self.job_id, self.result = job_id, result


class CountingBus(ev.EventBus):
    """An event bus that counts its live subscriptions."""

    def __init__(self) -> None:
        super().__init__()
        self.live = 0

    def subscribe(self, callback, *, logs=False):
        unsubscribe = super().subscribe(callback, logs=logs)
        self.live += 1

        def counted() -> None:
            self.live -= 1
            unsubscribe()

        return counted


class Result:
    def __init__(self, ok: bool) -> None:
        self.ok = ok


@pytest.mark.parametrize(("ok", "kept"), [(True, False), (False, True)])
def test_snapshot_is_released_when_its_job_ends_well(maya_env, tmp_path, ok, kept):
    build_shot(maya_env, tmp_path)
    src = source(tmp_path)
    prepared = src.prepare(RenderConfig(scene_file="", layers=["BG"]))
    bus = CountingBus()
    src.release_when_finished(bus, FakeHandle("job-1"), prepared)
    bus.publish(ev.JobFinished(job_id="job-other", ok=True))
    assert Path(prepared.scene_file).exists()
    bus.publish(ev.JobFinished(job_id="job-1", ok=ok))
    assert Path(prepared.scene_file).exists() is kept
    assert bus.live == 0  # no listener is left behind
    _release_everything_at_exit()  # what Maya's exit does with what is left
    assert not Path(prepared.scene_file).exists()


def test_a_job_that_ended_before_listening_releases_at_once(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    src = source(tmp_path)
    prepared = src.prepare(RenderConfig(scene_file="", layers=["BG"]))
    bus = CountingBus()
    src.release_when_finished(bus, FakeHandle("job-2", Result(True)), prepared)
    assert not Path(prepared.scene_file).exists() and bus.live == 0


def test_the_engine_plans_from_the_export(maya_env, tmp_path, standin_exe):
    build_shot(maya_env, tmp_path)
    src = source(tmp_path)
    config = RenderConfig(
        scene_file="", layers=["BG", "CHAR"], render_exe=standin_exe, gpus=["0"], frame_range="1-4"
    )
    prepared = src.prepare(config)
    config.scene_file = prepared.scene_file
    api = BatchRenderAPI(detector=SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: []))
    plan = api.plan(config)
    assert [(x.name, x.node) for x in plan.layers] == [("BG", "rs_BG"), ("CHAR", "rs_CHAR")]
    assert plan.project_dir == maya_env.workspace.as_posix()
    assert plan.output_dir == maya_env.workspace.as_posix() + "/images"  # Maya's images rule
    assert plan.resources.system.inside_maya  # maya.cmds is loaded: Maya's reservation applies
    src.release_all()
