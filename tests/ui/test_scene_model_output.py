"""The scene model names the artist's scene as the source of an export, and the default folder."""

from __future__ import annotations

from pathlib import Path

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.scene_source import FileSceneSource, PreparedScene
from lrc_toolbox.ui.control.models.scene_model import SceneModel


def test_an_export_elsewhere_keeps_the_artists_scene_as_its_source(tmp_path) -> None:
    model = SceneModel(FileSceneSource(SAMPLE_SCENE))
    config = RenderConfig(scene_file=str(SAMPLE_SCENE))
    same = model.to_render(config, PreparedScene(scene_file=str(SAMPLE_SCENE)))
    assert same.source_scene is None
    export = str(tmp_path / "export" / "shot001.ma")
    moved = model.to_render(config, PreparedScene(scene_file=export))
    assert moved.scene_file == export and moved.source_scene == str(SAMPLE_SCENE)


def test_the_summary_says_where_images_go_by_default(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MAYA_APP_DIR", str(tmp_path / "maya"))
    project = tmp_path / "proj"
    (project / "scenes").mkdir(parents=True)
    (project / "workspace.mel").write_text('workspace -fr "images" "renders";\n')
    scene = project / "scenes" / "shot001.ma"
    scene.write_bytes(SAMPLE_SCENE.read_bytes())
    summary = SceneModel(FileSceneSource(scene)).describe()
    assert summary.output_folder.startswith(str(project.resolve() / "renders"))
    loose = tmp_path / "loose.ma"
    loose.write_bytes(SAMPLE_SCENE.read_bytes())
    summary = SceneModel(FileSceneSource(loose)).describe()
    expected = Path(tmp_path / "maya" / "projects" / "default" / "images")
    assert (
        summary.output_folder.startswith(str(expected))
        and "default project" in summary.output_folder
    )
