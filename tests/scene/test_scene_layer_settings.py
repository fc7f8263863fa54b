"""What each layer renders: animation flag, Render Setup overrides, legacy adjustments, which
layers are layers. Scene texts copy the statement shapes of Maya-saved files (deadline-cloud-for-maya
``layers.ma``/``referenced_layers.ma``; ``docs/research/maya_facts.md`` sections 3-5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scene_fixtures import write

from lrc_toolbox.scene import read_scene
from lrc_toolbox.scene.layer_overrides import LayerOverride
from lrc_toolbox.scene.layer_settings import LayerSettings, frames_text, resolve_layer_settings

HEAD = '//Maya ASCII 2023 scene\nrequires maya "2023";\n'
MANAGER = (
    'createNode renderLayerManager -n "renderLayerManager";\n'
    'createNode renderLayer -n "defaultRenderLayer";\n\tsetAttr ".g" yes;\n'
)
LINK_MASTER = 'connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";\n'


def rs_layer(name: str, index: int) -> tuple[str, str]:
    """A Render Setup layer and its legacy node, as Maya saves them (create, connect)."""
    create = f'createNode renderSetupLayer -n "{name}";\ncreateNode renderLayer -n "rs_{name}";\n'
    connect = (
        f'connectAttr "rs_{name}.msg" "{name}.lrl";\n'
        f'connectAttr "renderSetup.lit" "{name}.pls";\n'
        f'connectAttr "renderLayerManager.rlmi[{index}]" "rs_{name}.rlid";\n'
    )
    return create, connect


def globals_block(*lines: str) -> str:
    return "select -ne :defaultRenderGlobals;\n" + "".join(f"\t{line}\n" for line in lines)


def test_animation_off_renders_the_current_time(tmp_path: Path) -> None:
    # deadline-cloud-for-maya cube.ma: no .an, time1 537 -> real Maya rendered frame 537.
    text = (
        HEAD
        + MANAGER
        + 'select -ne :time1;\n\tsetAttr ".o" 537;\n\tsetAttr ".unw" 537;\n'
        + globals_block('setAttr ".fs" 1001;', 'setAttr ".ef" 1100;')
        + LINK_MASTER
    )
    info = read_scene(write(tmp_path, "still.ma", text))
    master = info.layer("masterLayer")
    assert info.current_frame == 537.0 and not info.animation
    assert master.frames == "537"
    (note,) = master.notes()
    assert "current frame 537" in note and "animation is off" in note
    assert master.renderer == "mayaSoftware"  # no .ren: Maya Software
    assert master.settings.renderer_from_default


def test_animation_on_renders_the_range_and_fractional_time_rounds(tmp_path: Path) -> None:
    on = HEAD + MANAGER + globals_block('setAttr ".an" yes;', 'setAttr ".ef" 48;') + LINK_MASTER
    assert read_scene(write(tmp_path, "anim.ma", on)).layer("masterLayer").frames == "1-48"
    still = HEAD + MANAGER + 'select -ne :time1;\n\tsetAttr ".o" 103.75;\n' + LINK_MASTER
    master = read_scene(write(tmp_path, "frac.ma", still)).layer("masterLayer")
    assert master.frames == "104"
    assert "103.75 rounded" in master.notes()[0]


def test_time1_outside_its_select_block_is_read(tmp_path: Path) -> None:
    text = HEAD + MANAGER + 'setAttr ":time1.o" 12;\n' + LINK_MASTER
    assert read_scene(write(tmp_path, "abs.ma", text)).layer("masterLayer").frames == "12"


OVERRIDES_SCENE = (
    HEAD
    + 'createNode renderSetup -n "renderSetup";\n'
    + MANAGER
    + rs_layer("shortRange", 1)[0]
    + rs_layer("softwareLayer", 2)[0]
    + 'createNode renderSettingsCollection -n "RSC";\n'
    + 'createNode absUniqueOverride -n "startFrame1";\n'
    + '\tsetAttr ".atr" -type "string" "startFrame";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n\tsetAttr ".atv" 20;\n'
    + 'createNode absUniqueOverride -n "endFrame1";\n'
    + '\tsetAttr ".atr" -type "string" "endFrame";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n\tsetAttr ".atv" 30;\n'
    + 'createNode absUniqueOverride -n "disabledEnd";\n'
    + '\tsetAttr ".atr" -type "string" "endFrame";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n\tsetAttr ".atv" 99;\n'
    + '\tsetAttr ".sen" no;\n'
    + 'createNode renderSettingsCollection -n "RSC2";\n'
    + 'createNode renderSettingsChildCollection -n "childCol";\n'
    + 'createNode relUniqueOverride -n "endFrame2";\n'
    + '\tsetAttr ".atr" -type "string" "endFrame";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n'
    + '\tsetAttr ".mul" 1;\n\tsetAttr ".ofs" 10;\n'
    + 'createNode absUniqueOverride -n "currentRenderer1";\n'
    + '\tsetAttr ".atr" -type "string" "currentRenderer";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n'
    + '\tsetAttr ".atv" -type "string" "mayaSoftware";\n'
    + 'createNode absUniqueOverride -n "width1";\n'
    + '\tsetAttr ".atr" -type "string" "width";\n'
    + '\tsetAttr ".tgName" -type "string" "defaultResolution";\n\tsetAttr ".atv" 1920;\n'
    + 'createNode collection -n "camCol";\n'
    + 'createNode absOverride -n "renderable1";\n'
    + '\tsetAttr ".atr" -type "string" "renderable";\n\tsetAttr ".atv" yes;\n'
    + globals_block(
        'setAttr ".ren" -type "string" "arnold";', 'setAttr ".an" yes;', 'setAttr ".ef" 10;'
    )
    + LINK_MASTER
    + rs_layer("shortRange", 1)[1]
    + rs_layer("softwareLayer", 2)[1]
    # shortRange: RSC { startFrame1, endFrame1, disabledEnd }
    + 'connectAttr "shortRange.lit" "RSC.pls";\n'
    + 'connectAttr "RSC.lit" "startFrame1.pls";\n'
    + 'connectAttr "RSC.lit" "endFrame1.pls";\n'
    + 'connectAttr "startFrame1.nxt" "endFrame1.prv";\n'
    + 'connectAttr "RSC.lit" "disabledEnd.pls";\n'
    + 'connectAttr "endFrame1.nxt" "disabledEnd.prv";\n'
    # softwareLayer: RSC2 { childCol { endFrame2 }, currentRenderer1, width1 }, camCol { ... }
    + 'connectAttr "softwareLayer.lit" "RSC2.pls";\n'
    + 'connectAttr "RSC2.lit" "childCol.pls";\n'
    + 'connectAttr "childCol.lit" "endFrame2.pls";\n'
    + 'connectAttr "RSC2.lit" "currentRenderer1.pls";\n'
    + 'connectAttr "childCol.nxt" "currentRenderer1.prv";\n'
    + 'connectAttr "RSC2.lit" "width1.pls";\n'
    + 'connectAttr "currentRenderer1.nxt" "width1.prv";\n'
    + 'connectAttr "softwareLayer.lit" "camCol.pls";\n'
    + 'connectAttr "RSC2.nxt" "camCol.prv";\n'
    + 'connectAttr "camCol.lit" "renderable1.pls";\n'
)


def test_render_setup_overrides_drive_each_layers_frames_and_renderer(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "ovr.ma", OVERRIDES_SCENE))
    master = info.layer("masterLayer")
    short = info.layer("shortRange")
    software = info.layer("softwareLayer")
    assert (master.renderer, master.frames, master.notes()) == ("arnold", "1-10", ())
    # Absolute start/end 20/30; the disabled override (.sen no) changes nothing.
    assert (short.renderer, short.frames, short.notes()) == ("arnold", "20-30", ())
    assert len(short.settings.applied) == 2
    # Relative end: 10 * 1 + 10 (inside a child collection); renderer override.
    assert (software.renderer, software.frames) == ("mayaSoftware", "1-20")
    notes = software.notes()
    assert len(notes) == 2
    assert "defaultResolution.width = 1920" in notes[0] and "not applied" in notes[0]
    assert "which cameras render" in notes[1] and "collection camCol on" in notes[1]
    assert info.notes() == tuple(f"softwareLayer: {note}" for note in notes)


def test_override_order_follows_the_prv_chain_not_the_file_order(tmp_path: Path) -> None:
    # Two absolute endFrame overrides: the later in the layer's list wins, whatever the file
    # order of their createNode statements.
    create, connect = rs_layer("L", 1)
    text = (
        HEAD
        + 'createNode renderSetup -n "renderSetup";\n'
        + MANAGER
        + create
        + 'createNode renderSettingsCollection -n "C";\n'
        + "".join(
            f'createNode absUniqueOverride -n "{name}";\n'
            '\tsetAttr ".atr" -type "string" "endFrame";\n'
            '\tsetAttr ".tgName" -type "string" "defaultRenderGlobals";\n'
            f'\tsetAttr ".atv" {value};\n'
            for name, value in (("second", 50), ("first", 40))
        )
        + globals_block('setAttr ".an" yes;')
        + LINK_MASTER
        + connect
        + 'connectAttr "L.lit" "C.pls";\n'
        + 'connectAttr "C.lit" "second.pls";\n'
        + 'connectAttr "C.lit" "first.pls";\n'
        + 'connectAttr "first.nxt" "second.prv";\n'
    )
    assert read_scene(write(tmp_path, "order.ma", text)).layer("L").frames == "1-50"


def test_legacy_adjustments_give_each_layer_its_own_values(tmp_path: Path) -> None:
    # Shape of a legacy Maya scene: every layer with an opinion gets .adjs[i]; the default layer's
    # entry keeps masterLayer's value, the globals hold the layer current at save time.
    text = (
        HEAD
        + MANAGER
        + '\tsetAttr ".adjs[0].val" -type "string" "arnold";\n'
        + 'createNode renderLayer -n "occlusion";\n'
        + '\tsetAttr -s 3 ".adjs";\n'
        + '\tsetAttr ".adjs[0].val" -type "string" "mayaSoftware";\n'
        + '\tsetAttr ".adjs[1].val" 48;\n'
        + '\tsetAttr ".adjs[2].val" -type "float3" 1 1 1 ;\n'
        + globals_block(
            'setAttr ".ren" -type "string" "mayaSoftware";', 'setAttr ".an" yes;'
        )  # saved with occlusion current
        + LINK_MASTER
        + 'connectAttr "renderLayerManager.rlmi[1]" "occlusion.rlid";\n'
        + 'connectAttr ":defaultRenderGlobals.ren" "defaultRenderLayer.adjs[0].plg";\n'
        + 'connectAttr ":defaultRenderGlobals.ren" "occlusion.adjs[0].plg";\n'
        + 'connectAttr ":defaultRenderGlobals.ef" "occlusion.adjs[1].plg";\n'
        + 'connectAttr "lambert1.c" "occlusion.adjs[2].plg";\n'
    )
    info = read_scene(write(tmp_path, "legacy.ma", text))
    master, occlusion = info.layer("masterLayer"), info.layer("occlusion")
    assert (master.renderer, master.frames, master.notes()) == ("arnold", "1-10", ())
    assert (occlusion.renderer, occlusion.frames) == ("mayaSoftware", "1-48")
    (note,) = occlusion.notes()
    assert "lambert1.c" in note and "not applied" in note  # scene content: one grouped line


def test_only_layers_on_the_scenes_own_manager_are_layers(tmp_path: Path) -> None:
    # deadline-cloud-for-maya referenced_layers.ma: an imported scene keeps its own manager and
    # default layer; real Maya submitted masterLayer only.
    text = (
        HEAD
        + MANAGER
        + 'createNode renderLayerManager -n "imported_scene_renderLayerManager";\n'
        + 'createNode renderLayer -n "imported_scene_defaultRenderLayer";\n\tsetAttr ".g" yes;\n'
        + 'createNode renderLayer -n "floating";\n'
        + 'createNode renderLayer -n "defaultRenderLayer1";\n\tsetAttr ".g" yes;\n'
        + 'createNode renderLayer -n "bind:beauty";\n'
        + LINK_MASTER
        + 'connectAttr "imported_scene_renderLayerManager.rlmi[0]" '
        + '"imported_scene_defaultRenderLayer.rlid";\n'
        + 'connectAttr "renderLayerManager.rlmi[1]" "defaultRenderLayer1.rlid";\n'
        + 'connectAttr "bind:renderLayerManager.rlmi[1]" "bind:beauty.rlid";\n'
        + 'connectAttr "imported_scene_defaultRenderLayer.msg" ":defaultRenderingList1.r" -na;\n'
    )
    info = read_scene(write(tmp_path, "imports.ma", text))
    assert [lay.name for lay in info.layers] == ["masterLayer"]
    (warning,) = info.warnings
    for name in ("imported_scene_defaultRenderLayer", "floating", "defaultRenderLayer1", "bind:"):
        assert name in warning


def test_saved_with_a_layer_visible_warns(tmp_path: Path) -> None:
    text = HEAD + MANAGER + 'createNode applyAbsIntOverride -n "ao1";\n' + LINK_MASTER
    (warning,) = read_scene(write(tmp_path, "visible.ma", text)).warnings
    assert "other than masterLayer visible" in warning


# -- the resolution rules alone ------------------------------------------------------------------
def _override(attribute: str, **kw: object) -> LayerOverride:
    fields: dict[str, object] = {"node": "o", "target": "defaultRenderGlobals", "kind": "absolute"}
    fields.update(kw)
    return LayerOverride(attribute=attribute, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "frames", "renderer"),
    [
        ([_override("fs", value=5.0), _override("ef", value=9.0)], "5-9", "arnold"),
        ([_override("endFrame", kind="relative", multiply=2.0, offset=1.0)], "1-21", "arnold"),
        ([_override("byFrameStep", value=2.0)], "1-10x2", "arnold"),
        ([_override("animation", value=False)], "7", "arnold"),
        ([_override("ren", value="redshift")], "1-10", "redshift"),
        ([_override("ren", kind="relative")], "1-10", "arnold"),  # nonsense: not applied
        ([_override("ef", value=50.0, enabled=False)], "1-10", "arnold"),
    ],
)
def test_resolution_rules(overrides: list[LayerOverride], frames: str, renderer: str) -> None:
    base = LayerSettings(renderer="arnold", renderer_from_default=False, animation=True)
    base = LayerSettings(**{**base.__dict__, "current_frame": 7.0})
    settings = resolve_layer_settings(base, overrides)
    assert (settings.frames, settings.renderer) == (frames, renderer)


def test_frames_text() -> None:
    assert frames_text(1, 10, 1) == "1-10"
    assert frames_text(1, 100, 5) == "1-100x5"
    assert frames_text(3, 3, 1) == "3"
    assert frames_text(0.6, 10.4, 0) == "1-10"


def test_notes_name_output_overrides_and_group_cameras_and_scene_content() -> None:
    settings = LayerSettings(
        animation=True,
        not_applied=(
            "defaultResolution.width = 1920 (absolute override width1 in collection RSC2)",
            "renderable = on (absolute override renderable2 in collection _camera3_col)",
            "cameraShape1.rnd = 0 (legacy override rs_A.adjs[0])",
            "intensity = 3.4 (absolute override intensity in collection _light_col)",
            "primaryVisibility = off (absolute override pv in collection fx_col_shapes)",
        ),
    )
    notes = settings.notes()
    assert len(notes) == 3
    assert "defaultResolution.width = 1920" in notes[0]
    assert notes[1].endswith("collection _camera3_col on; cameraShape1 off")
    assert notes[2].startswith("2 scene override(s) not applied")
    assert (
        "intensity in _light_col" in notes[2] and "primaryVisibility in fx_col_shapes" in notes[2]
    )
