"""Tests for lrc_toolbox.utils.ma_reader: statement splitting, tokenizing and scene reading."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrc_toolbox.utils.ma_reader import (
    BINARY_SCENE_HINT,
    BinarySceneError,
    LayerNotFoundError,
    NotMayaAsciiError,
    SceneIsDirectoryError,
    SceneNotFoundError,
    ScenePermissionError,
    SceneReadError,
    check_scene_file,
    iter_scene_statements,
    iter_statements,
    read_scene,
    split_statements,
    tokenize,
)

EXAMPLE_SCENE = Path(__file__).resolve().parents[1] / "examples" / "shot001.ma"

# --------------------------------------------------------------------------------------------------
# Fixture scenes (verbatim Maya syntax; see shared/reference/maya-render-facts.md section 5)
# --------------------------------------------------------------------------------------------------
LEGACY_ONLY = """//Maya ASCII 2016 scene
//Name: legacy.ma
//Codeset: 1252
requires maya "2016";
currentUnit -l centimeter -a degree -t pal;
createNode transform -n "pCube1";
createNode mesh -n "pCubeShape1" -p "pCube1";
	setAttr ".rndr" yes;
	setAttr -s 8 ".vt[0:7]"  -0.5 -0.5 0.5 0.5 -0.5 0.5 -0.5 0.5 0.5 0.5 0.5 0.5
		 -0.5 0.5 -0.5 0.5 0.5 -0.5 -0.5 -0.5 -0.5 0.5 -0.5 -0.5;
createNode renderLayerManager -n "renderLayerManager";
	setAttr ".crl" 2;
	setAttr -s 3 ".rlmi[1:2]"  1 2;
	setAttr -s 3 ".rlmi";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderLayer -n "char";
	setAttr ".rndr" no;
	setAttr ".do" 2;
createNode renderLayer -n "bg";
	setAttr ".do" 1;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "mayaSoftware";
	setAttr -k on ".fs";
	setAttr ".fs" 101;
	setAttr ".ef" 148;
	setAttr -av -k on ".bfs" 2;
	setAttr ".an" yes;
	setAttr ".outf" 32;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "char.rlid";
connectAttr "renderLayerManager.rlmi[2]" "bg.rlid";
// End of legacy.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

REFERENCED = """//Maya ASCII 2022 scene
requires maya "2022";
requires -nodeType "aiOptions" -nodeType "aiAOVDriver" -nodeType "aiAOVFilter" "mtoa" "5.0.0.4";
file -r -ns "env" -dr 1 -rfn "envRN" -op "v=0;" -typ "mayaAscii" "/proj/assets/env.ma";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderLayer -n "hero";
	setAttr ".do" 1;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
	setAttr ".imfkey" -type "string" "exr";
setAttr "env:trees.rndr" no;
setAttr "env:trees.do" 2;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "hero.rlid";
connectAttr "renderLayerManager.rlmi[2]" "env:trees.rlid";
"""

# Render Setup with per-layer overrides (shape of deadline-cloud-for-maya's layers.ma).
OVERRIDES = """//Maya ASCII 2023 scene
requires maya "2023";
requires -nodeType "simpleSelector" -nodeType "renderSetupLayer" -nodeType "renderSetup"
		 -nodeType "collection" -nodeType "absUniqueOverride" -nodeType "relUniqueOverride"
		 "renderSetup.py" "1.0";
currentUnit -l centimeter -a degree -t film;
createNode renderLayer -n "defaultRenderLayer";
	rename -uid "5F81223C-4C71-1E4E-F11C-4DB627225CCD";
	setAttr ".g" yes;
createNode renderSetup -n "renderSetup";
createNode renderSetupLayer -n "layerFrameRange1";
	addAttr -ci true -sn "es" -ln "expandedState" -min 0 -max 1 -at "bool";
createNode renderLayer -n "rs_layerFrameRange1";
	setAttr ".do" 1;
createNode absUniqueOverride -n "endFrame1";
	addAttr -ci true -sn "atv" -ln "attrValue" -at "time";
	setAttr ".atr" -type "string" "endFrame";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" 30;
createNode relUniqueOverride -n "startFrame2";
	setAttr ".atr" -type "string" "startFrame";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".mul" 1;
	setAttr ".ofs" 4;
createNode absUniqueOverride -n "currentRenderer1";
	setAttr ".atr" -type "string" "currentRenderer";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" -type "string" "mayaSoftware";
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
	setAttr ".an" yes;
	setAttr ".imfkey" -type "string" "exr";
	setAttr ".ifp" -type "string" "";
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "layerFrameRange1.msg" "renderSetup.frl";
connectAttr "layerFrameRange1.msg" "renderSetup.lrl";
connectAttr "rs_layerFrameRange1.msg" "layerFrameRange1.lrl";
connectAttr "renderLayerManager.rlmi[1]" "rs_layerFrameRange1.rlid";
// End of overrides.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

# Comments, ';' and '\\"' inside strings, a fake layer inside a script string, wrapped lines,
# a long string split with ( + ), and a lone '/' outside strings.
TRICKY = r"""//Maya ASCII 2024 scene
//Name: tricky.ma
requires maya "2024";
// createNode renderLayer -n "commentedOut";
createNode script -n "uiConfigurationScriptNode";
	setAttr ".b" -type "string" (
		"// Maya Mel UI Configuration File.\n//\ncreateNode renderLayer -n \"ghost\";\n"
		+ "if (\"\" != $panelName) { modelPanel -edit -l (localizedPanelLabel(\"Persp View\")) $panelName; }\n");
	setAttr ".st" 3;
createNode renderLayer
		 -n "wrapped";  // trailing comment; with a semicolon
	setAttr ".do"
		 3;
createNode transform -n "ratio"; setAttr ".sx" 1 / 2;
createNode renderLayer -n "quoted";
	setAttr ".rndr"
		no;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string"
		 "redshift";
	setAttr ".ifp" -type "string" (
		"shots/<Scene>;v\"2\"//"
		+ "<RenderLayer>\\beauty");
	setAttr ".imfkey" -type "string" "png";
	setAttr ".ef" 12.5;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
// End of tricky.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

NO_GLOBALS = """//Maya ASCII 2024 scene
//Name: bare.ma
requires maya "2024";
createNode transform -n "pSphere1";
createNode mesh -n "pSphereShape1" -p "pSphere1";
	setAttr -k off ".v";
// End of bare.ma
"""

RS_WITH_LEGACY = """//Maya ASCII 2020 scene
requires maya "2020";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderSetup -n "renderSetup";
createNode renderSetupLayer -n "beauty";
createNode renderLayer -n "rs_beauty";
	setAttr ".do" 1;
createNode renderSetupLayer -n "orphan";
createNode renderLayer -n "oldLegacy";
	setAttr ".do" 2;
connectAttr "rs_beauty.msg" "beauty.lrl";
connectAttr "renderLayerManager.rlmi[1]" "rs_beauty.rlid";
connectAttr "renderLayerManager.rlmi[2]" "oldLegacy.rlid";
"""

FOR4_HEADER = b"FOR4\x00\x00\x00\x40Maya" + b"FOR4\x00\x00\x00\x20HEADVERS\x00\x00\x00\x042024"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(text)
    return path


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
    assert not info.has_layer_overrides
    assert info.warnings == ()


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


def test_referenced_layer_without_create_node(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "ref.ma", REFERENCED))
    trees = info.layer("env:trees")
    assert trees.node == "env:trees"
    assert trees.referenced and not trees.renderable and trees.display_order == 2
    assert not info.layer("hero").referenced
    assert [lay.name for lay in info.layers] == ["masterLayer", "hero", "env:trees"]
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
    (warning,) = info.warnings
    for text in (
        "defaultRenderGlobals.endFrame",
        "defaultRenderGlobals.startFrame",
        "defaultRenderGlobals.currentRenderer",
        "may differ",
    ):
        assert text in warning


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
# File errors
# --------------------------------------------------------------------------------------------------
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SceneNotFoundError, match="not found"):
        read_scene(tmp_path / "nope.ma")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SceneIsDirectoryError, match="is a directory"):
        read_scene(tmp_path)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can read 0o000 files")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.ma", NO_GLOBALS)
    path.chmod(0)
    try:
        with pytest.raises(ScenePermissionError, match="no permission"):
            read_scene(path)
    finally:
        path.chmod(0o600)


def test_permission_error_from_the_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same as above where the suite runs as root: the OS refusal is faked at ``open``."""
    import lrc_toolbox.utils.ma_reader as ma_reader

    path = write(tmp_path, "locked.ma", NO_GLOBALS)

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(ma_reader, "open", refuse, raising=False)
    with pytest.raises(ScenePermissionError, match="no permission to read scene file"):
        read_scene(path)


@pytest.mark.parametrize("name", ["scene.mb", "renamed.ma"])
def test_maya_binary_is_detected_by_content(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, FOR4_HEADER + b"\x00" * 64)
    with pytest.raises(BinarySceneError) as err:
        read_scene(path)
    assert BINARY_SCENE_HINT in str(err.value)
    assert "--layer NAME" in str(err.value)
    assert isinstance(err.value, SceneReadError) and isinstance(err.value, ValueError)


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    with pytest.raises(BinarySceneError, match="binary data"):
        read_scene(write(tmp_path, "x.ma", b"//Maya ASCII 2024 scene\n\x00\x01"))


def test_ascii_content_named_mb_is_read_with_a_warning(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "actually_ascii.mb", NO_GLOBALS))
    assert any("named .mb but contains Maya ASCII" in w for w in info.warnings)


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "hello world;\n", "createNode renderLayer;\n", "// a MEL script\nprint 1;\n"],
)
def test_not_maya_ascii(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotMayaAsciiError, match="not a Maya ASCII scene|is empty"):
        read_scene(write(tmp_path, "x.ma", text))


def test_check_scene_file_returns_header_version(tmp_path: Path) -> None:
    assert check_scene_file(write(tmp_path, "v.ma", "//Maya ASCII 2025ff03 scene\n")) == "2025ff03"


# --------------------------------------------------------------------------------------------------
# Statement splitter and tokenizer
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a "x;y";b;', ['a "x;y"', "b"]),
        ('a "q\\"; still";b;', ['a "q\\"; still"', "b"]),
        ('a "ends in backslash\\\\";b;', ['a "ends in backslash\\\\"', "b"]),
        ("a // comment; not a split\n b;", ["a \n b"]),
        ('a "http://x/y";', ['a "http://x/y"']),
        ("setAttr .sx 1 / 2;", ["setAttr .sx 1 / 2"]),
        (";;  ;a;", ["a"]),
        ("// only a comment", []),
        ("a\r\n\t\t b;\r\n", ["a\r\n\t\t b"]),
        ("unterminated", ["unterminated"]),
    ],
)
def test_split_statements_edge_cases(text: str, expected: list[str]) -> None:
    assert split_statements(text) == expected


def test_statement_offsets_and_lead() -> None:
    data = b'createNode renderLayer -n "a";\n\tsetAttr ".rndr" no;\n// c\n\tx;'
    stmts = list(iter_statements(io.BytesIO(data)))
    assert [s.head for s in stmts] == ["createNode", "setAttr", "x"]
    second = stmts[1]
    assert data[second.start : second.end] == b'setAttr ".rndr" no;'
    assert data[second.lead : second.end] == b'\n\tsetAttr ".rndr" no;'
    assert data[stmts[2].lead : stmts[2].start] == b"\n\t"  # the comment is not part of it
    assert all(s.complete for s in stmts)


def test_tiny_blocks_give_the_same_statements() -> None:
    data = EXAMPLE_SCENE.read_bytes()
    big = [(s.start, s.end, s.lead, s.text) for s in iter_statements(io.BytesIO(data))]
    tiny = [
        (s.start, s.end, s.lead, s.text) for s in iter_statements(io.BytesIO(data), block_size=16)
    ]
    assert tiny == big
    assert len(big) > 300


def test_tokenize() -> None:
    words = tokenize('setAttr -k on ".ifp" -type "string" ("a\\"b" + "c\\\\d");')
    assert [w.text for w in words] == [
        "setAttr",
        "-k",
        "on",
        ".ifp",
        "-type",
        "string",
        "(",
        'a"b',
        "+",
        "c\\d",
        ");",
    ]
    assert [w.quoted for w in words[:4]] == [False, False, False, True]
    assert tokenize('a "unterminated') == [("a", False), ("unterminated", True)]
    assert tokenize("") == []


def test_skipped_statements_are_not_built() -> None:
    """A 16 MB mesh statement is scanned past without ever holding it in memory."""
    line = b" ".join(b"0.123456789" for _ in range(1000)) + b"\n\t\t "
    big = b'setAttr -s 999999 ".vt[0:999998]" ' + line * (16 * 1024 * 1024 // len(line)) + b";"
    data = b'//Maya ASCII 2024 scene\ncreateNode mesh -n "m";\n\t' + big + b'\nrequires "x" "1";'
    stream = io.BytesIO(data)
    tracemalloc.start()
    try:
        kept = list(iter_scene_statements(stream, block_size=256 * 1024))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.statement.head for s in kept] == ["requires"]
    assert peak < 4 * 1024 * 1024


def test_scene_statements_carry_selection_context() -> None:
    data = (
        b'createNode mesh -n "m";\n\tsetAttr ".vt[0]" 1 2 3;\n'
        b'createNode renderLayer -n "L";\n\tsetAttr ".do" 1;\n'
        b'select -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type "string" "x";\n'
        b'setAttr "L.rndr" no;\n'
    )
    got = [
        (s.statement.text.split()[0], s.node, s.node_type)
        for s in iter_scene_statements(io.BytesIO(data))
    ]
    assert got == [
        ("createNode", "L", "renderLayer"),
        ("setAttr", "L", "renderLayer"),
        ("select", "defaultRenderGlobals", None),
        ("setAttr", "defaultRenderGlobals", None),
        ("setAttr", "defaultRenderGlobals", None),  # absolute plug: kept whatever the context
    ]


# --------------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------------
def _mel_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_BARE_WORD = st.text(alphabet="abcXYZ019._-:[]()+=<>|", min_size=1, max_size=8)
# Characters that matter to the splitter: ';', quotes, backslashes, slashes (and "//").
_STRING_BODY = st.text(alphabet='ab ;"\\/\n\t{}$()é', max_size=14)
# A word is (source text, string body or None for a bare word).
_WORD = st.one_of(
    _BARE_WORD.map(lambda w: (w, None)), _STRING_BODY.map(lambda b: (_mel_string(b), b))
)
_GAP = st.sampled_from([" ", "\t", "\n\t\t ", "  "])
_STATEMENT = st.tuples(_BARE_WORD, st.lists(st.tuples(_GAP, _WORD), max_size=6)).map(
    lambda t: (
        t[0] + "".join(gap + word[0] for gap, word in t[1]),
        [word[1] for _, word in t[1] if word[1] is not None],
    )
)
_SEPARATOR = st.sampled_from([";\n", ";", ";\n\t", '; // note; with "quote\n', ";\n// x;\n"])


@settings(max_examples=300, deadline=None)
@given(
    statements=st.lists(st.tuples(_STATEMENT, _SEPARATOR), max_size=8),
    block=st.sampled_from([16, 17, 31, 4096]),
)
def test_semicolons_inside_strings_never_split(
    statements: list[tuple[tuple[str, list[str]], str]], block: int
) -> None:
    text = "".join(stmt + sep for (stmt, _), sep in statements)
    data = text.encode("utf-8")
    got = [s.text for s in iter_statements(io.BytesIO(data), block_size=block)]
    assert got == [stmt for (stmt, _), _ in statements]
    for stmt, bodies in (pair for pair, _ in statements):
        assert [w.text for w in tokenize(stmt) if w.quoted] == bodies


@settings(max_examples=200, deadline=None)
@given(body=_STRING_BODY)
def test_tokenize_round_trips_string_literals(body: str) -> None:
    words = tokenize(f"setAttr {_mel_string(body)} x")
    assert words == [("setAttr", False), (body, True), ("x", False)]


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
