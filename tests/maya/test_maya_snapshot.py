"""The scene snapshot: one export, the artist's scene untouched, per-layer copies by the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from maya_helpers import artist_view, build_shot, shot_renderer

from lrc_toolbox.core.scene_source import PreparationCancelled, SceneSourceError
from lrc_toolbox.maya.progress import StepProgress
from lrc_toolbox.maya.scene_state import SceneStateError
from lrc_toolbox.maya.snapshot import export_open_scene, snapshot_file_name
from lrc_toolbox.scene import SceneSnapshots, read_scene
from lrc_toolbox.utils.temp_file_manager import TempFileManager

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_snapshot_leaves_the_artists_scene_exactly_as_it_was(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.switch_layer(nodes["FX"])
    maya_env.add_layer("LATE")  # an unsaved change: the scene is modified
    before = artist_view()
    assert before["modified"] is True and before["current"] == "rs_FX"
    snap = export_open_scene(layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp")
    assert artist_view() == before
    assert snap.path.name == "shot010.ma" and snap.scene_name.endswith("scenes/shot010.ma")
    assert snap.path.parent == snap.folder and (snap.folder.stat().st_mode & 0o077) == 0
    # The export holds what is in memory, unsaved layer included, with the artist's flags.
    info = read_scene(snap.path)
    assert [(x.name, x.node, x.renderable) for x in info.layers] == [
        ("masterLayer", "defaultRenderLayer", True),
        ("BG", "rs_BG", True),
        ("CHAR", "rs_CHAR", False),
        ("FX", "rs_FX", True),
        ("LATE", "rs_LATE", True),
    ]
    assert info.renderer == shot_renderer(maya_env)[0] and info.has_layer_overrides
    assert shot_renderer(maya_env)[1] in info.required_plugins
    assert snap.size_bytes == snap.path.stat().st_size
    snap.release()
    assert files_under(tmp_path / "tmp") == []


def test_each_engine_copy_of_the_export_renders_exactly_one_layer(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    snap = export_open_scene(layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp")
    with TempFileManager(root=tmp_path / "engine") as temp:
        snapshots = SceneSnapshots(temp)
        for node in ["defaultRenderLayer", *nodes.values()]:  # CHAR is switched off in Maya
            copy = snapshots.snapshot_scene(snap.path, snap.scene, [node])
            renderable = [x.node for x in read_scene(copy).layers if x.renderable]
            assert renderable == [node], copy.name
            # The copy keeps the artist's scene name, so Maya's <Scene> token names images as
            # the artist's own renders would be named.
            assert copy.stem == "shot010", copy
    assert artist_view()["renderable"]["rs_CHAR"] is False  # the artist's flag never changed
    snap.release()


def test_export_failing_half_way_leaves_no_file_and_the_scene_untouched(fake_maya_env, tmp_path):
    nodes = build_shot(fake_maya_env, tmp_path)
    fake_maya_env.switch_layer(nodes["BG"])
    before = artist_view()
    fake_maya_env.export_fail_after_bytes = 300  # the disk fills up during the export
    with pytest.raises(SceneSourceError, match="could not write the scene snapshot.*No space left"):
        export_open_scene(layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp")
    assert fake_maya_env.exports, "the export was attempted"
    assert not fake_maya_env.exports[0].exists(), "the partial export was removed"
    assert files_under(tmp_path / "tmp") == []
    assert artist_view() == before


def test_an_export_that_disturbs_the_scene_then_fails_is_repaired(
    fake_maya_env, tmp_path, monkeypatch
):
    import fake_maya

    nodes = build_shot(fake_maya_env, tmp_path)
    fake_maya_env.switch_layer(nodes["BG"])
    fake_maya_env.set_modified(False)
    before = artist_view()
    real_file = fake_maya.cmds.file

    def disturbing_file(*args, **kwargs):
        if kwargs.get("exportAll"):  # e.g. a studio callback that runs during the export
            fake_maya.cmds.editRenderLayerGlobals(currentRenderLayer="defaultRenderLayer")
            fake_maya.cmds.setAttr("rs_CHAR.renderable", True)
            raise RuntimeError("export aborted by a callback")
        return real_file(*args, **kwargs)

    monkeypatch.setattr(fake_maya.cmds, "file", disturbing_file)
    with pytest.raises(SceneSourceError, match="export aborted"):
        export_open_scene(layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp")
    assert artist_view() == before


def test_a_scene_that_cannot_be_put_back_is_reported(fake_maya_env, tmp_path, monkeypatch):
    import fake_maya

    fake_maya_env.add_layer("BG")
    real_file = fake_maya.cmds.file

    def renaming_file(*args, **kwargs):
        if kwargs.get("exportAll"):  # renames the untitled scene: no "untitled" to go back to
            real_file(rename=str(tmp_path / "oops.ma"))
        return real_file(*args, **kwargs)

    monkeypatch.setattr(fake_maya.cmds, "file", renaming_file)
    with pytest.raises(SceneStateError, match="scene name is '.*oops.ma', was 'untitled'"):
        export_open_scene(temp_root=tmp_path / "tmp")
    assert files_under(tmp_path / "tmp") == []


def test_untitled_scene_is_exported_as_untitled(maya_env, tmp_path):
    maya_env.add_layer("BG")
    before = artist_view()
    assert before["name"] == ""
    snap = export_open_scene(layer_nodes=["rs_BG"], temp_root=tmp_path / "tmp")
    assert snap.path.name == "untitled.ma" and snap.scene_name == ""
    assert [x.name for x in snap.scene.layers] == ["masterLayer", "BG"]
    assert artist_view() == before
    snap.release()


@pytest.mark.parametrize("cancel_at", ["Writing", "Checking", "written"])
def test_cancel_before_or_after_the_export_leaves_nothing(maya_env, tmp_path, cancel_at):
    nodes = build_shot(maya_env, tmp_path)
    before = artist_view()
    with (
        StepProgress("test", lambda _f, message: cancel_at not in message) as steps,
        pytest.raises(PreparationCancelled),
    ):
        export_open_scene(
            layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp", progress=steps
        )
    assert files_under(tmp_path / "tmp") == []
    assert artist_view() == before


def test_progress_window_cancel_and_it_always_closes(fake_maya_env, tmp_path):
    nodes = build_shot(fake_maya_env, tmp_path)
    fake_maya_env.cancel_progress_on = "Checking"  # the artist presses Esc after the export
    with StepProgress("LRC Toolbox: scene snapshot") as steps, pytest.raises(PreparationCancelled):
        export_open_scene(
            layer_nodes=list(nodes.values()), temp_root=tmp_path / "tmp", progress=steps
        )
    win = fake_maya_env.progress
    assert (win.opened, win.closed, win.is_open) == (1, 1, False)
    assert [status for _, status in win.shown][:2] == [
        "Starting",
        "Writing the scene snapshot (a heavy scene takes a while)",
    ]
    assert files_under(tmp_path / "tmp") == []
    fake_maya_env.cancel_progress_on = None
    fake_maya_env.export_fail_after_bytes = 10
    with StepProgress("again") as steps, pytest.raises(SceneSourceError):
        export_open_scene(temp_root=tmp_path / "tmp", progress=steps)
    assert (win.opened, win.closed, win.is_open) == (2, 2, False)


def test_no_progress_window_in_batch_mode(fake_maya_env, tmp_path):
    fake_maya_env.batch = True  # mayapy: there is no UI to show a window in
    with StepProgress("batch") as steps:
        snap = export_open_scene(temp_root=tmp_path / "tmp", progress=steps)
    assert fake_maya_env.progress.opened == 0
    snap.release()


def test_a_layer_missing_from_the_export_is_an_error(maya_env, tmp_path):
    maya_env.add_layer("BG")
    with pytest.raises(SceneSourceError, match="lacks the render layer.*rs_GONE"):
        export_open_scene(layer_nodes=["rs_BG", "rs_GONE"], temp_root=tmp_path / "tmp")
    assert files_under(tmp_path / "tmp") == []


def test_snapshot_file_names():
    assert snapshot_file_name("/proj/scenes/shot010.mb") == "shot010.ma"
    assert snapshot_file_name("C:\\proj\\scenes\\shot 010.ma").startswith("shot_010-")
    assert snapshot_file_name("") == "untitled.ma"
