"""Checks before launch: each problem gives a message an artist understands, with a way out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from maya_helpers import artist_view, build_shot

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.maya import validation
from lrc_toolbox.maya.validation import (
    disk_problems,
    estimate_temp_bytes,
    find_problems,
    folder_problem,
    gather_facts,
)

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def problems_for(config: RenderConfig, tmp_path: Path) -> list[str]:
    return find_problems(gather_facts(config, temp_dir=tmp_path), config)


def test_a_good_scene_has_no_problem_and_is_left_as_it_was(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    before = artist_view()
    assert problems_for(RenderConfig(scene_file="", layers=["BG", "CHAR"]), tmp_path) == []
    assert artist_view() == before


def test_a_layer_that_no_longer_exists(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    (problem,) = problems_for(RenderConfig(scene_file="", layers=["BG", "BG_old"]), tmp_path)
    assert "'BG_old' is no longer in the scene" in problem
    assert "Refresh the layer list" in problem and "masterLayer, BG, CHAR, FX" in problem


def test_no_renderable_camera_on_a_layer(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.set_override(nodes["BG"], "perspShape.renderable", False)
    maya_env.set_override(nodes["BG"], "shotCamShape.renderable", False)
    (problem,) = problems_for(RenderConfig(scene_file="", layers=["BG", "CHAR"]), tmp_path)
    assert problem.startswith("The layer BG has no renderable camera")
    assert "Renderable Camera" in problem


def test_renderer_plugin_not_loaded(fake_maya_env, tmp_path):
    build_shot(fake_maya_env, tmp_path)
    fake_maya_env.plugins.clear()  # Redshift was unloaded
    (problem,) = problems_for(RenderConfig(scene_file="", layers=["BG", "FX"]), tmp_path)
    assert problem.startswith("Redshift is not loaded in this Maya (plug-in redshift4maya)")
    assert "BG render with it" in problem and "Plug-in Manager" in problem
    # FX renders with Maya Software (its override): no plug-in needed. Forcing Arnold:
    (problem,) = problems_for(
        RenderConfig(scene_file="", layers=["FX"], renderer="arnold"), tmp_path
    )
    assert "Arnold" in problem and "mtoa" in problem


def test_unknown_renderer_is_explained(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.set_override(nodes["FX"], "defaultRenderGlobals.currentRenderer", "mentalRay")
    (problem,) = problems_for(RenderConfig(scene_file="", layers=["FX"]), tmp_path)
    assert "render with 'mentalRay', which LRC Toolbox does not know" in problem


NOT_ROOT_POSIX = os.name != "nt" and os.geteuid() != 0


@pytest.mark.skipif(not NOT_ROOT_POSIX, reason="needs POSIX permissions, not root")
def test_output_folder_not_writable(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        (problem,) = problems_for(
            RenderConfig(scene_file="", layers=["BG"], output_dir=str(locked / "renders")), tmp_path
        )
        assert "The output folder" in problem and "is not writable" in problem
        assert "Choose another output folder" in problem
    finally:
        locked.chmod(0o755)


def test_output_folder_checks_without_permissions(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    problem = folder_problem(afile / "renders", "The output folder")
    assert "cannot be created" in problem and "is a file" in problem
    assert folder_problem(tmp_path / "new" / "deep", "The output folder") is None


def test_the_project_images_folder_is_checked_when_no_output_folder_is_given(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    images = maya_env.workspace / "images"
    images.rmdir()
    images.write_text("not a folder")
    problems = problems_for(RenderConfig(scene_file="", layers=["BG"]), tmp_path)
    assert any("The image folder of layer BG" in p and "is a file" in p for p in problems)


def test_not_enough_disk_for_the_temp_scenes(maya_env, tmp_path, monkeypatch):
    build_shot(maya_env, tmp_path)
    scene_bytes = (tmp_path / "scenes" / "shot010.ma").stat().st_size

    class Usage:
        free = scene_bytes  # room for one copy, not for export + 2 layers

    monkeypatch.setattr(validation.shutil, "disk_usage", lambda _path: Usage())
    (problem,) = problems_for(RenderConfig(scene_file="", layers=["BG", "CHAR"]), tmp_path)
    assert problem.startswith("Not enough free disk space for the temporary scene copies")
    assert "TMPDIR" in problem and str(tmp_path) in problem
    assert estimate_temp_bytes(100, 2, exported=False) == 360
    assert estimate_temp_bytes(100, 2, exported=True) == 240
    assert disk_problems(1, tmp_path) == []


def test_legacy_render_setup_mismatch_blocks(fake_maya_env, tmp_path):
    build_shot(fake_maya_env, tmp_path)
    fake_maya_env.add_legacy_layer("oldBG")
    config = RenderConfig(scene_file="", layers=["BG", "oldBG"])
    problems = problems_for(config, tmp_path)
    assert len(problems) == 1 and "legacy render layers (oldBG)" in problems[0]
    assert problems_for(RenderConfig(scene_file="", layers=["BG"]), tmp_path) == []


def test_nothing_renderable_is_explained(maya_env, tmp_path):
    maya_env.add_camera("shotCam")
    maya_env.add_layer("BG", renderable=False)
    from maya import cmds

    cmds.setAttr("defaultRenderLayer.renderable", False)
    (problem,) = problems_for(RenderConfig(scene_file=""), tmp_path)
    assert problem.startswith("No render layer is renderable")


def test_output_folder_without_write_permission_message(maya_env, tmp_path, monkeypatch):
    # Root may write anywhere, so the permission answer is stubbed here (the real check runs in
    # test_output_folder_not_writable on machines where the tests do not run as root).
    build_shot(maya_env, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        validation.os,
        "access",
        lambda p, mode: False if Path(p) == locked else real_access(p, mode),
    )
    (problem,) = problems_for(
        RenderConfig(scene_file="", layers=["BG"], output_dir=str(locked / "renders")), tmp_path
    )
    assert (
        f"The output folder {locked / 'renders'} is not writable (no write permission on "
        f"{locked})" in problem
    )
