"""Layer discovery in the open scene: Render Setup, legacy, the mismatch, overrides, image names."""

from __future__ import annotations

import pytest
from maya_helpers import artist_view, build_shot, shot_renderer

from lrc_toolbox.core.job_runner import expand_image_template
from lrc_toolbox.core.scene_source import PreparationCancelled
from lrc_toolbox.maya import layers
from lrc_toolbox.maya.layers import LayerMode, image_template, rebase_template
from lrc_toolbox.maya.progress import StepProgress

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def test_render_setup_layers_are_listed_master_first_with_nodes_and_flags(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    scene = layers.list_scene_layers()
    assert scene.mode is LayerMode.RENDER_SETUP
    assert [(x.name, x.node, x.renderable) for x in scene.layers] == [
        ("masterLayer", "defaultRenderLayer", True),
        ("BG", "rs_BG", True),
        ("CHAR", "rs_CHAR", False),
        ("FX", "rs_FX", True),
    ]
    assert scene.current == "defaultRenderLayer"
    assert all(x.render_setup for x in scene.layers[1:])
    assert scene.mismatch_explanation() is None
    assert scene.find("rs_CHAR") is scene.find("CHAR") is scene.layers[2]
    assert scene.find("defaultRenderLayer").is_default


def test_legacy_mode_lists_legacy_layers(tmp_path, monkeypatch, fake_maya_env):
    fake_maya_env.render_setup_mode = False
    fake_maya_env.add_layer("bg_legacy")
    fake_maya_env.add_layer("char_legacy", renderable=False)
    scene = layers.list_scene_layers()
    assert scene.mode is LayerMode.LEGACY
    assert [(x.name, x.node, x.renderable) for x in scene.layers] == [
        ("masterLayer", "defaultRenderLayer", True),
        ("bg_legacy", "bg_legacy", True),
        ("char_legacy", "char_legacy", False),
    ]
    assert scene.mismatch_explanation() is None


def test_legacy_layers_in_render_setup_mode_are_found_and_explained(fake_maya_env):
    fake_maya_env.add_layer("BG")
    fake_maya_env.add_legacy_layer("oldChar")  # a scene made with legacy layers
    scene = layers.list_scene_layers()
    old = scene.find("oldChar")
    assert old is not None and old.legacy_in_render_setup and not old.render_setup
    assert scene.legacy_in_render_setup == (old,)
    text = scene.mismatch_explanation()
    assert "oldChar" in text and "renders masterLayer instead" in text
    assert "MAYA_ENABLE_LEGACY_RENDER_LAYERS=1" in text and "Import from legacy" in text
    # Rendering only the Render Setup layer is fine.
    assert scene.mismatch_explanation([scene.find("BG")]) is None


def test_render_setup_scene_opened_in_legacy_mode_is_explained(fake_maya_env):
    fake_maya_env.add_layer("BG")  # made in Render Setup mode ...
    fake_maya_env.render_setup_mode = False  # ... opened in a legacy-mode Maya
    scene = layers.list_scene_layers()
    assert scene.mode is LayerMode.LEGACY
    assert scene.render_setup_layers_in_legacy == ("BG",)
    text = scene.mismatch_explanation([scene.find("rs_BG")])
    assert "set up with Render Setup" in text and "overrides do not apply" in text
    assert scene.mismatch_explanation([scene.find("masterLayer")]) is None


def test_details_honour_per_layer_overrides_and_restore_the_scene(maya_env, tmp_path):
    nodes = build_shot(maya_env, tmp_path)
    maya_env.switch_layer(nodes["BG"])  # the artist works on BG ...
    maya_env.set_modified(False)  # ... and has just saved
    before = artist_view()
    scene = layers.list_scene_layers()
    details = {d.layer.name: d for d in layers.read_layer_details(scene.layers)}
    assert artist_view() == before  # current layer, modified flag, flags: all as they were
    assert details["BG"].frame_range == "1-24"
    assert details["BG"].renderer == shot_renderer(maya_env)[0]
    assert details["CHAR"].frame_range == "1-48"
    assert details["FX"].renderer == "mayaSoftware"
    assert details["BG"].cameras == ("perspShape", "shotCamShape")
    images = maya_env.workspace.as_posix() + "/images"
    assert details["CHAR"].image_templates == (f"{images}/CHAR/shot010.{{frame_signed:04d}}.exr",)
    assert expand_image_template(details["CHAR"].image_templates[0], 7).endswith(
        "/images/CHAR/shot010.0007.exr"
    )


def test_failure_half_way_through_reading_restores_the_scene(fake_maya_env, tmp_path):
    nodes = build_shot(fake_maya_env, tmp_path)
    fake_maya_env.switch_layer(nodes["BG"])
    fake_maya_env.set_modified(False)
    before = artist_view()
    fake_maya_env.switch_fail_on = nodes["CHAR"]  # switching to CHAR blows up half-way
    with pytest.raises(RuntimeError, match="error while applying layer 'rs_CHAR'"):
        layers.read_layer_details(layers.list_scene_layers().layers)
    fake_maya_env.switch_fail_on = None
    assert artist_view() == before


def test_cancel_while_reading_layers_restores_the_scene(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    before = artist_view()
    seen = []

    def progress(fraction, message):
        seen.append(message)
        return "FX" not in message  # Cancel when the third layer comes up

    with StepProgress("test", progress) as steps, pytest.raises(PreparationCancelled):
        layers.read_layer_details(layers.list_scene_layers().layers, steps)
    assert artist_view() == before
    assert any("CHAR (3/4)" in m for m in seen)


def test_animation_off_gives_no_template_and_unknown_tokens_none():
    assert image_template("/p/images/shot.exr", 4) is None
    assert image_template("/p/images/<RenderPass>/shot.LRCFRAMETOKEN.exr", 4) is None
    assert (
        image_template("/p/im{g}s/shot.LRCFRAMETOKEN.exr", 3)
        == "/p/im{{g}}s/shot.{frame_signed:03d}.exr"
    )


def test_templates_move_to_an_output_folder():
    template = "/proj/images/BG/shot.{frame_signed:04d}.exr"
    assert (
        rebase_template(template, "/proj/images", "/out/render")
        == "/out/render/BG/shot.{frame_signed:04d}.exr"
    )
    assert rebase_template(template, "/elsewhere/images", "/out") is None
