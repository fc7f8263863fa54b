"""References and imports in the open scene: their render layers are not layers of the scene, in
either layer mode, in the Maya side and in the snapshot the engine reads; and the fake behaves
like Maya where the package relies on it (layer switching, ``renderSetup.instance()``, V-Ray)."""

from __future__ import annotations

import pytest
from maya_helpers import artist_view, build_shot

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.maya import layers
from lrc_toolbox.maya.snapshot import export_open_scene
from lrc_toolbox.maya.validation import find_problems, gather_facts
from lrc_toolbox.scene import read_scene

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def add_reference_and_import(maya) -> None:  # noqa: ANN001 - the fake or the real builder
    # deadline-cloud-for-maya's referenced_layers.ma: two references, one imported scene.
    maya.add_reference("ref", "/proj/assets/ref.ma", layers=("refLayer",))
    maya.add_reference("scene_file_to_reference", "/proj/assets/scene_file_to_reference.ma")
    maya.import_scene("imported_scene")


def test_referenced_and_imported_layers_are_not_listed_in_render_setup_mode(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    add_reference_and_import(maya_env)
    scene = layers.list_scene_layers()
    assert [x.name for x in scene.layers] == ["masterLayer", "BG", "CHAR", "FX"]
    assert scene.legacy_in_render_setup == ()
    assert scene.mismatch_explanation() is None  # was: "legacy render layers", job refused
    assert "ref:defaultRenderLayer" in scene.notes()[0]
    assert "imported_scene_defaultRenderLayer" in scene.notes()[0]


def test_a_scene_with_a_reference_is_not_refused(maya_env, tmp_path):
    build_shot(maya_env, tmp_path)
    add_reference_and_import(maya_env)
    before = artist_view()
    config = RenderConfig(scene_file="")  # every renderable layer
    facts = gather_facts(config, temp_dir=tmp_path)
    assert [x.name for x in facts.chosen] == ["masterLayer", "BG", "FX"]
    assert find_problems(facts, config) == []
    assert artist_view() == before


def test_legacy_mode_gets_no_extra_layer_from_a_reference(fake_maya_env):
    fake_maya_env.render_setup_mode = False
    fake_maya_env.add_layer("bg")
    add_reference_and_import(fake_maya_env)
    scene = layers.list_scene_layers()
    assert [x.node for x in scene.layers] == ["defaultRenderLayer", "bg"]
    # Every listed layer can be made current (the details switch to each one).
    details = layers.read_layer_details(scene.layers, mode=scene.mode)
    assert [d.layer.name for d in details] == ["masterLayer", "bg"]
    assert not fake_maya_env.render_setup_node  # legacy mode never touched renderSetup.instance()


def test_the_snapshot_keeps_references_as_references_and_lists_no_foreign_layer(
    fake_maya_env, tmp_path
):
    build_shot(fake_maya_env, tmp_path)
    add_reference_and_import(fake_maya_env)
    snap = export_open_scene(temp_root=tmp_path / "tmp")
    text = snap.path.read_text(encoding="utf-8")
    assert 'file -r -ns "ref" -dr 1' in text and 'createNode renderLayer -n "ref:' not in text
    info = read_scene(snap.path)
    assert [x.name for x in info.layers] == ["masterLayer", "BG", "CHAR", "FX"]
    assert any("imported_scene_defaultRenderLayer" in w for w in info.warnings)
    # The per-layer overrides made in Maya drive what the engine plans for the export.
    assert info.layer("CHAR").frames == "1-48"
    assert info.layer("FX").renderer == "mayaSoftware"
    snap.release()


def test_a_referenced_layer_cannot_be_made_current(fake_maya_env):
    (node, *_rest) = fake_maya_env.add_reference("ref", "/proj/ref.ma")
    fake_maya_env.render_setup_mode = False
    with pytest.raises(RuntimeError, match="referenced"):
        fake_maya_env.switch_layer(node)


def test_switching_to_an_unknown_legacy_name_warns_and_shows_master(fake_maya_env):
    # Maya's renderSetup.py: cmds.warning(kUnknownLegacyRenderLayer % name), then masterLayer.
    from maya.app.renderSetup.model import renderSetup

    node = fake_maya_env.add_layer("BG")
    fake_maya_env.switch_layer(node)
    fake_maya_env.add_legacy_layer("oldChar")
    renderSetup.instance().switchToLayerUsingLegacyName("oldChar")
    assert fake_maya_env.current_layer == "defaultRenderLayer"
    assert fake_maya_env.output == ["// Warning: Unknown legacy render layer: oldChar //"]


def test_render_setup_instance_creates_its_node_on_demand(fake_maya_env):
    # Maya's renderSetup.py: instance() "creating it if required", in a legacy scene too.
    from maya.app.renderSetup.model import renderSetup

    fake_maya_env.render_setup_mode = False
    assert not renderSetup.hasInstance()
    renderSetup.instance()
    assert renderSetup.hasInstance() and fake_maya_env.render_setup_node


def test_vray_image_names_come_from_vray_settings(fake_maya_env, tmp_path):
    fake_maya_env.load_plugin("vrayformaya")
    fake_maya_env.set_global("currentRenderer", "vray")
    fake_maya_env.set_global("animation", True)
    fake_maya_env.set_global("imageFilePrefix", "ignored/<Scene>")  # V-Ray does not read it
    (tmp_path / "scenes").mkdir()
    fake_maya_env.save_as(tmp_path / "scenes" / "spheres.ma")
    master = layers.list_scene_layers().layers[0]
    (details,) = layers.read_layer_details([master])
    images = fake_maya_env.workspace.as_posix() + "/images"
    # Empty vraySettings: the scene's name and png (Deadline's SubmitMayaToDeadline.mel).
    assert details.image_templates == (f"{images}/spheres.{{frame_signed:04d}}.png",)
    from maya import cmds

    cmds.setAttr("vraySettings.fileNamePrefix", "<Layer>/beauty", type="string")
    cmds.setAttr("vraySettings.imageFormatStr", "exr (multichannel)", type="string")
    (details,) = layers.read_layer_details([master])
    assert details.image_templates == (f"{images}/masterLayer/beauty.{{frame_signed:04d}}.exr",)
