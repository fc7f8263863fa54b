"""Tests for lrc_toolbox.scene.scene_info: reading render layers and globals from a .ma."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scene_fixtures import (
    EXAMPLE_SCENE,
    LEGACY_ONLY,
    NO_GLOBALS,
    OVERRIDES,
    REFERENCED,
    RS_WITH_LEGACY,
    TRICKY,
    write,
)

from lrc_toolbox.scene import LayerNotFoundError, SceneReadError, read_scene


# --------------------------------------------------------------------------------------------------
# Reading scenes
# --------------------------------------------------------------------------------------------------
def test_example_scene_layers_and_globals() -> None:
    info = read_scene(EXAMPLE_SCENE)
    assert [(lay.name, lay.node, lay.renderable) for lay in info.layers] == [
        ("masterLayer", "defaultRenderLayer", False),
        ("MASTER_BG_A", "rs_MASTER_BG_A", True),
        ("MASTER_CHAR_A", "rs_MASTER_CHAR_A", True),
        ("MASTER_FX_A", "rs_MASTER_FX_A", False),
        ("MASTER_ATMOS_A", "rs_MASTER_ATMOS_A", True),
    ]
    master = info.layers[0]
    assert master.is_default and not master.render_setup and master.display_order is None
    assert all(lay.render_setup and not lay.referenced for lay in info.layers[1:])
    assert [lay.display_order for lay in info.layers[1:]] == [1, 2, 3, 4]
    assert info.uses_render_setup
    assert info.renderer == "redshift"
    assert (info.start_frame, info.end_frame, info.by_frame) == (1.0, 24.0, 1.0)
    assert info.image_prefix == "<RenderLayer>/<Scene>"
    assert info.image_format == "exr"
    assert info.animation is True
    assert info.time_unit == "film"
    assert info.maya_version == "2024"
    assert info.required_plugins == ("redshift4maya", "renderSetup.py", "stereoCamera")
    # One collection override (primaryVisibility on FX's shapes): left to Maya, and said so.
    assert info.has_layer_overrides
    assert info.warnings == ()
    assert [lay.frames for lay in info.layers] == ["1-24"] * 5
    assert {lay.renderer for lay in info.layers} == {"redshift"}
    (note,) = info.layer("MASTER_FX_A").notes()
    assert "primaryVisibility" in note and "fx_col_shapes" in note and "not applied" in note
    assert info.notes() == (f"MASTER_FX_A: {note}",)


def test_example_scene_lookup_by_artist_or_node_name() -> None:
    info = read_scene(EXAMPLE_SCENE)
    assert info.layer("MASTER_BG_A").node == "rs_MASTER_BG_A"
    assert info.layer("rs_MASTER_BG_A").name == "MASTER_BG_A"
    assert info.layer("masterLayer") is info.layer("defaultRenderLayer")
    assert [lay.name for lay in info.renderable_layers()] == [
        "MASTER_BG_A",
        "MASTER_CHAR_A",
        "MASTER_ATMOS_A",
    ]
    with pytest.raises(LayerNotFoundError, match=r"MASTER_BG_B.*MASTER_BG_A, MASTER_CHAR_A"):
        info.layer("MASTER_BG_B")
    assert issubclass(LayerNotFoundError, ValueError)


def test_legacy_layers_only(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "legacy.ma", LEGACY_ONLY))
    assert [(lay.name, lay.node, lay.renderable, lay.display_order) for lay in info.layers] == [
        ("masterLayer", "defaultRenderLayer", True, None),
        ("bg", "bg", True, 1),
        ("char", "char", False, 2),
    ]
    assert not info.uses_render_setup
    assert not any(lay.render_setup for lay in info.layers)
    assert info.renderer == "mayaSoftware"
    # ".fs" written twice (flags only, then a value) and "-av -k on" flags before the plug.
    assert (info.start_frame, info.end_frame, info.by_frame) == (101.0, 148.0, 2.0)
    assert info.image_format == "png"  # from the .outf enum: no .imfkey in the file
    assert info.time_unit == "pal"
    assert info.required_plugins == ()
    assert info.maya_version == "2016"
    assert info.warnings == ()


def test_referenced_layer_is_not_a_layer_of_the_scene(tmp_path: Path) -> None:
    # Maya cannot make a referenced layer current (deadline-cloud-for-maya render_layers.py):
    # it is neither listed nor rendered.
    info = read_scene(write(tmp_path, "ref.ma", REFERENCED))
    with pytest.raises(LayerNotFoundError):
        info.layer("env:trees")
    assert not info.layer("hero").referenced
    assert [lay.name for lay in info.layers] == ["masterLayer", "hero"]
    assert info.renderer == "arnold"
    assert info.required_plugins == ("mtoa",)
    assert (info.start_frame, info.end_frame) == (1.0, 10.0)


def test_overrides_are_flagged_and_globals_still_read(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "ovr.ma", OVERRIDES))
    assert info.has_layer_overrides
    assert [(lay.name, lay.node) for lay in info.layers] == [
        ("masterLayer", "defaultRenderLayer"),
        ("layerFrameRange1", "rs_layerFrameRange1"),
    ]
    # "layerFrameRange1.msg" -> "renderSetup.lrl" is the root's last-layer pointer, not a link.
    assert "renderSetup" not in {lay.name for lay in info.layers}
    assert info.renderer == "arnold"
    assert info.end_frame == 10.0
    assert info.image_prefix == ""
    # The override nodes hang under no collection of the layer (no .pls connections here):
    # Maya applies them to no layer, and neither does the reader.
    layer = info.layer("layerFrameRange1")
    assert (layer.renderer, layer.frames, layer.notes()) == ("arnold", "1-10", ())
    assert info.warnings == ()


def test_comments_strings_and_wrapped_lines(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "tricky.ma", TRICKY))
    names = [lay.name for lay in info.layers]
    assert names == ["masterLayer", "wrapped", "quoted"]  # no "ghost", no "commentedOut"
    assert info.layer("wrapped").display_order == 3
    assert info.layer("quoted").renderable is False
    assert info.renderer == "redshift"
    assert info.image_prefix == 'shots/<Scene>;v"2"//<RenderLayer>\\beauty'
    assert info.image_format == "png"
    assert info.end_frame == 12.5
    assert info.warnings == ()


def test_scene_without_render_globals_uses_maya_defaults(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "bare.ma", NO_GLOBALS))
    assert [(lay.name, lay.node, lay.renderable, lay.is_default) for lay in info.layers] == [
        ("masterLayer", "defaultRenderLayer", True, True)
    ]
    assert info.renderer is None
    assert (info.start_frame, info.end_frame, info.by_frame) == (1.0, 10.0, 1.0)
    assert info.image_prefix is None and info.image_format is None
    assert info.animation is False and info.time_unit is None
    assert not info.uses_render_setup and not info.has_layer_overrides


def test_legacy_layers_in_render_setup_scene_warn(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "mixed.ma", RS_WITH_LEGACY))
    assert info.uses_render_setup
    assert [(lay.name, lay.node, lay.render_setup) for lay in info.layers] == [
        ("masterLayer", "defaultRenderLayer", False),
        ("beauty", "rs_beauty", True),
        ("oldLegacy", "oldLegacy", False),
        ("orphan", "rs_orphan", True),  # no node in the file: assumed by naming convention
    ]
    joined = "\n".join(info.warnings)
    assert "legacy render layer(s) oldLegacy" in joined
    assert "MAYA_ENABLE_LEGACY_RENDER_LAYERS" in joined
    assert "'orphan' has no renderLayer node" in joined


def test_no_renderable_layer_and_truncated_file_warn(tmp_path: Path) -> None:
    text = (
        '//Maya ASCII 2024 scene\ncreateNode renderLayer -n "defaultRenderLayer";\n'
        '\tsetAttr ".rndr" no;\nselect -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type '
        '"string" "arno'
    )
    info = read_scene(write(tmp_path, "cut.ma", text))
    assert info.renderer is None
    assert any("no render layer is renderable" in w for w in info.warnings)
    assert any("ends inside a statement" in w for w in info.warnings)


def test_unreadable_values_warn_instead_of_failing(tmp_path: Path) -> None:
    text = (
        '//Maya ASCII 2024 scene\nselect -ne :defaultRenderGlobals;\n\tsetAttr ".fs" abc;\n'
        '\tsetAttr ".ef" nan;\n\tsetAttr ".an" maybe;\n'
    )
    info = read_scene(write(tmp_path, "bad.ma", text))
    assert (info.start_frame, info.end_frame, info.animation) == (1.0, 10.0, False)
    assert any("defaultRenderGlobals.fs value 'abc'" in w for w in info.warnings)


def test_crlf_and_bom_files_are_read(tmp_path: Path) -> None:
    data = ("\ufeff" + LEGACY_ONLY).replace("\n", "\r\n").encode("utf-8")
    info = read_scene(write(tmp_path, "crlf.ma", data))
    assert [lay.name for lay in info.layers] == ["masterLayer", "bg", "char"]
    assert info.end_frame == 148.0


# --------------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------------
_GARBAGE_TOKENS = st.sampled_from(
    [
        "createNode",
        "renderLayer",
        "renderSetupLayer",
        "renderSetup",
        "absUniqueOverride",
        "-n",
        "-p",
        "-s",
        "setAttr",
        '".rndr"',
        '".do"',
        '".fs"',
        '".ef"',
        '".ren"',
        '".atr"',
        '".an"',
        '".ifp"',
        '"X.rndr"',
        '"defaultRenderGlobals.ef"',
        "-type",
        '"string"',
        "connectAttr",
        '"a.msg"',
        '"b.lrl"',
        '"renderLayerManager.rlmi[1]"',
        '"c.rlid"',
        "select",
        "-ne",
        ":defaultRenderGlobals",
        ":defaultRenderLayer",
        "requires",
        "maya",
        '"2024"',
        "currentUnit",
        "-t",
        "film",
        "yes",
        "no",
        "1e999",
        "-5",
        "nan",
        "(",
        ")",
        "+",
        ";",
        '"',
        "\\",
        "//",
        "\n",
        "\t",
        " ",
        "é",
        "\x7f",
    ]
)


@pytest.fixture(scope="module")
def garbage_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("garbage")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(_GARBAGE_TOKENS, max_size=60))
def test_grammar_garbage_never_raises_unexpected(garbage_dir: Path, tokens: list[str]) -> None:
    path = garbage_dir / "g.ma"
    path.write_text("//Maya ASCII 2024 scene\n" + " ".join(tokens), encoding="utf-8")
    try:
        info = read_scene(path)
    except SceneReadError:
        return
    assert info.layers[0].name == "masterLayer"
    assert all(isinstance(w, str) for w in info.warnings)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), with_header=st.booleans())
def test_random_bytes_never_raise_unexpected(
    garbage_dir: Path, data: bytes, with_header: bool
) -> None:
    path = garbage_dir / "b.ma"
    path.write_bytes((b"//Maya ASCII 2024 scene\n" if with_header else b"") + data)
    try:
        read_scene(path)
    except SceneReadError:
        pass
