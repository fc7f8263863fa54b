"""Tests for lrc_toolbox.utils.temp_file_manager: private folders, layer snapshots, cleanup."""

from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.utils.ma_reader import (
    BinarySceneError,
    LayerInfo,
    LayerNotFoundError,
    SceneNotFoundError,
    plan_renderable_patch,
    read_scene,
)
from lrc_toolbox.utils.temp_file_manager import (
    MAX_COMPONENT_CHARS,
    OWNER_MARKER,
    TempFileError,
    TempFileManager,
    safe_file_component,
)

EXAMPLE_SCENE = Path(__file__).resolve().parents[1] / "examples" / "shot001.ma"
POSIX = os.name != "nt"
RNDR_LINE = re.compile(rb'\r?\n\tsetAttr "\.rndr" (?:yes|no);')
SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")

# defaultRenderLayer has no createNode block, a referenced layer exists only through its
# manager connection, a later absolute setAttr re-enables a layer, and the file ends in a
# comment without a final newline.
IMPLICIT_LAYERS = """//Maya ASCII 2024 scene
requires maya "2024";
createNode renderLayer -n "fg";
	setAttr ".do" 1;
createNode renderLayer -n "bg";
	setAttr ".rndr" no;
	setAttr ".do" 2;
setAttr "bg.rndr" yes;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "fg.rlid";
connectAttr "renderLayerManager.rlmi[2]" "bg.rlid";
connectAttr "renderLayerManager.rlmi[3]" "env:trees.rlid";
// End of implicit.ma"""


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    return tmp_path / "jobs"


def _renderable(path: Path) -> dict[str, bool]:
    return {lay.name: lay.renderable for lay in read_scene(path).layers}


# --------------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "layer", ["masterLayer", "MASTER_BG_A", "MASTER_CHAR_A", "MASTER_FX_A", "MASTER_ATMOS_A"]
)
def test_snapshot_makes_exactly_that_layer_renderable(temp_root: Path, layer: str) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    with TempFileManager(root=temp_root) as temp:
        path = temp.snapshot_for_layer(scene, layer, timestamp="20240304-181231")
        # A folder named as the spec says, holding the artist's file name (Maya's <Scene> token).
        assert path.parent.parent == temp.job_dir
        assert path.parent.name == f"render_shot001_20240304-181231_{layer}"
        assert path.name == "shot001.ma"
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        flags = _renderable(path)
        assert flags == {name: name == layer for name in flags}
        assert len(flags) == 5
        copy = read_scene(path)
        # Globals and everything else read the same.
        assert (copy.renderer, copy.end_frame, copy.image_prefix, copy.required_plugins) == (
            scene.renderer,
            scene.end_frame,
            scene.image_prefix,
            scene.required_plugins,
        )
        original = EXAMPLE_SCENE.read_bytes()
        patched = path.read_bytes()
        # Byte-identical apart from the renderable statements: one per renderLayer block,
        # right after its createNode statement.
        assert RNDR_LINE.sub(b"", patched) == RNDR_LINE.sub(b"", original)
        assert len(RNDR_LINE.findall(patched)) == 5
        for m in re.finditer(rb'createNode renderLayer -n "([^"]+)";', patched):
            following = patched[m.end() : m.end() + 40]
            expected = b"yes" if m.group(1) == scene.layer(layer).node.encode() else b"no"
            assert following.startswith(b'\n\tsetAttr ".rndr" ' + expected + b";")


def test_snapshot_accepts_layer_info_and_path(temp_root: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    with TempFileManager(root=temp_root) as temp:
        by_info = temp.snapshot_for_layer(scene, scene.layer("MASTER_FX_A"), timestamp="t1")
        by_path = temp.snapshot_for_layer(str(EXAMPLE_SCENE), "rs_MASTER_FX_A", timestamp="t1")
        assert by_info.read_bytes() == by_path.read_bytes()
        assert by_path.parent.name == "render_shot001_t1_MASTER_FX_A-2"  # the name was taken
        assert by_path.name == by_info.name == "shot001.ma"
        assert set(temp.tracked) == {by_info, by_path}


def test_snapshot_of_layers_without_create_node(temp_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "implicit.ma"
    src.write_text(IMPLICIT_LAYERS, encoding="utf-8", newline="\n")
    scene = read_scene(src)
    assert [(lay.name, lay.renderable) for lay in scene.layers] == [
        ("masterLayer", True),
        ("fg", True),
        ("bg", True),
        ("env:trees", True),
    ]
    with TempFileManager(root=temp_root) as temp:
        for layer in scene.layers:
            path = temp.snapshot_for_layer(scene, layer, timestamp="x")
            flags = _renderable(path)
            assert flags == {name: name == layer.name for name in flags}, layer.name
            text = path.read_text(encoding="utf-8")
            # The trailer comment keeps its line; appended statements start on a new one.
            assert "// End of implicit.ma\nsetAttr " in text
            assert 'setAttr "bg.rndr" yes;' not in text  # the absolute override was removed
            want = "yes" if layer.node == "defaultRenderLayer" else "no"
            assert f'setAttr "defaultRenderLayer.rndr" {want};' in text
            assert text.endswith(
                f'setAttr "env:trees.rndr" {"yes" if layer.name == "env:trees" else "no"};\n'
            )


def test_patch_plan_lists_layer_nodes_and_rejects_unknown(tmp_path: Path) -> None:
    src = tmp_path / "implicit.ma"
    src.write_text(IMPLICIT_LAYERS, encoding="utf-8")
    plan = plan_renderable_patch(src, "fg")
    assert plan.layer_nodes == ("defaultRenderLayer", "fg", "bg", "env:trees")
    assert [e.start for e in plan.edits] == sorted(e.start for e in plan.edits)
    with pytest.raises(LayerNotFoundError, match="was the scene changed"):
        plan_renderable_patch(src, "rs_missing")


def test_snapshot_scene_with_several_layers(temp_root: Path, tmp_path: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    with TempFileManager(root=temp_root) as temp:
        path = temp.snapshot_scene(
            EXAMPLE_SCENE, scene, ["rs_MASTER_FX_A", "defaultRenderLayer"], timestamp="t"
        )
        assert path.parent.name.startswith(
            "render_shot001_t_MASTER_FX_A_masterLayer-"
        )  # '+' hashed
        assert [lay.name for lay in read_scene(path).renderable_layers()] == [
            "masterLayer",
            "MASTER_FX_A",
        ]
        assert RNDR_LINE.sub(b"", path.read_bytes()) == RNDR_LINE.sub(
            b"", EXAMPLE_SCENE.read_bytes()
        )
        by_node = temp.snapshot_scene(EXAMPLE_SCENE, None, ["rs_MASTER_BG_A"], timestamp="t")
        assert by_node.parent.name == "render_shot001_t_rs_MASTER_BG_A"
        with pytest.raises(LayerNotFoundError, match="no render layer node given"):
            temp.snapshot_scene(EXAMPLE_SCENE, scene, [])
        with pytest.raises(LayerNotFoundError, match="'rs_NOPE'"):
            temp.snapshot_scene(EXAMPLE_SCENE, scene, ["rs_MASTER_BG_A", "rs_NOPE"])
        mb = tmp_path / "shot.mb"
        mb.write_bytes(b"FOR4\x00\x00\x00\x10Maya" + b"\x00" * 16)
        with pytest.raises(BinarySceneError, match="Render -rl"):
            temp.snapshot_scene(mb, None, ["defaultRenderLayer"])


def test_snapshot_keeps_crlf_line_endings(temp_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "crlf.ma"
    src.write_bytes(EXAMPLE_SCENE.read_bytes().replace(b"\n", b"\r\n"))
    with TempFileManager(root=temp_root) as temp:
        path = temp.snapshot_for_layer(src, "MASTER_CHAR_A")
        data = path.read_bytes()
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert _renderable(path)["MASTER_CHAR_A"] is True
        assert RNDR_LINE.sub(b"", data) == RNDR_LINE.sub(b"", src.read_bytes())


def test_snapshot_of_a_snapshot(temp_root: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        first = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A", timestamp="a")
        second = temp.snapshot_for_layer(first, "MASTER_FX_A", timestamp="b")
        flags = _renderable(second)
        assert [name for name, on in flags.items() if on] == ["MASTER_FX_A"]
        assert len(RNDR_LINE.findall(second.read_bytes())) == 5


def test_explicitly_chosen_non_renderable_layer_renders(temp_root: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    assert scene.layer("MASTER_FX_A").renderable is False
    with TempFileManager(root=temp_root) as temp:
        path = temp.snapshot_for_layer(scene, "MASTER_FX_A")
        assert read_scene(path).layer("MASTER_FX_A").renderable is True


def test_hostile_layer_names_stay_in_the_job_folder(temp_root: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    hostile = [
        "../../escape",
        "a/b\\c",
        'q"uote;$(rm -rf ~)',
        "new\nline",
        "nul\x00byte",
        "CON",
        "ünïcødé 名前",
        ".hidden",
        "x" * 300,
    ]
    with TempFileManager(root=temp_root) as temp:
        names = set()
        for name in hostile:
            layer = LayerInfo(
                name=name,
                node="rs_MASTER_BG_A",
                renderable=True,
                is_default=False,
                referenced=False,
                render_setup=True,
                display_order=1,
            )
            path = temp.snapshot_for_layer(scene, layer, timestamp="../t;1")
            assert path.parent.parent == temp.job_dir
            assert SAFE.match(path.parent.name + ".ma"), path.parent.name
            names.add(path.parent.name)
        assert len(names) == len(hostile)
        listed = [p.name for p in temp.job_dir.iterdir() if not p.name.startswith(".")]
        assert sorted(listed) == sorted(names)


def test_binary_scene_cannot_be_snapshot(temp_root: Path, tmp_path: Path) -> None:
    mb = tmp_path / "shot.mb"
    mb.write_bytes(b"FOR8\x00\x00\x00\x00\x00\x00\x00\x40Maya" + b"\x00" * 32)
    with TempFileManager(root=temp_root) as temp:
        with pytest.raises(BinarySceneError, match="render the original file with Render -rl"):
            temp.snapshot_for_layer(mb, "masterLayer")
        # A SceneInfo read earlier whose file was since saved as binary.
        ma = tmp_path / "shot.ma"
        ma.write_bytes(EXAMPLE_SCENE.read_bytes())
        scene = read_scene(ma)
        ma.write_bytes(mb.read_bytes())
        with pytest.raises(BinarySceneError, match="needs Maya"):
            temp.snapshot_for_layer(scene, "MASTER_BG_A")
        assert [p.name for p in temp.job_dir.iterdir()] == [OWNER_MARKER]  # nothing half-written


def test_unknown_layer_and_missing_scene(temp_root: Path, tmp_path: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        with pytest.raises(LayerNotFoundError, match="MASTER_BG_A"):
            temp.snapshot_for_layer(EXAMPLE_SCENE, "NOPE")
        with pytest.raises(SceneNotFoundError):
            temp.snapshot_for_layer(tmp_path / "gone.ma", "masterLayer")
        assert [p.name for p in temp.job_dir.iterdir()] == [OWNER_MARKER]  # nothing half-written


# --------------------------------------------------------------------------------------------------
# Folders, cleanup, keep
# --------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_default_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TempFileManager() as temp:
        parent = temp.job_dir.parent
        assert parent.parent == tmp_path and parent.name.startswith("lrc_toolbox-")
        assert stat.S_IMODE(parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700
        assert temp.job_dir.name.startswith("job-")
        snap = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
        assert stat.S_IMODE(snap.stat().st_mode) & 0o077 == 0
    assert not temp.job_dir.exists()
    assert parent.exists()  # shared by this user's other jobs


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
@pytest.mark.parametrize("kind", ["world_readable", "symlink", "file"])
def test_insecure_parent_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TempFileManager() as probe:
        parent = probe.job_dir.parent
    parent.rmdir()
    if kind == "world_readable":
        parent.mkdir()
        parent.chmod(0o755)
    elif kind == "symlink":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        parent.symlink_to(tmp_path / "elsewhere")
    else:
        parent.write_text("not a folder")
    with caplog.at_level(logging.WARNING), TempFileManager() as temp:
        assert temp.job_dir.parent == tmp_path
        assert temp.job_dir.name.startswith("lrc_toolbox-job-")
        assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700
        assert "not a private folder" in caplog.text
    assert not temp.job_dir.exists()


def test_explicit_root_is_created(tmp_path: Path) -> None:
    root = tmp_path / "a" / "b"
    with TempFileManager(root=root) as temp:
        assert temp.job_dir.parent == root
        if POSIX:
            assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700


def test_root_that_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(TempFileError, match="not a directory"):
        TempFileManager(root=afile)
    with pytest.raises(TempFileError):
        TempFileManager(root=afile / "below")


def test_cleanup_one_and_all(temp_root: Path, tmp_path: Path) -> None:
    temp = TempFileManager(root=temp_root)
    snap = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
    log = temp.track(tmp_path / "render.log")
    log.write_text("log")
    stray = temp.job_dir / "stray.txt"
    stray.write_text("x")
    assert temp.cleanup(snap) is True
    assert not snap.exists()
    assert temp.cleanup(snap) is False  # already gone
    outsider = tmp_path / "precious.ma"
    outsider.write_text("artist scene")
    with pytest.raises(TempFileError, match="refusing to delete"):
        temp.cleanup(outsider)
    assert outsider.exists()
    assert temp.cleanup_all() == ()
    assert not temp.job_dir.exists() and not log.exists() and outsider.exists()
    with pytest.raises(TempFileError, match="already cleaned up"):
        temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
    assert temp.cleanup_all() == ()  # idempotent


def test_keep_leaves_everything(temp_root: Path, tmp_path: Path) -> None:
    log = tmp_path / "render.log"
    log.write_text("log")
    with TempFileManager(root=temp_root, keep=True) as temp:
        snap = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_CHAR_A")
        temp.track(log)
        assert temp.cleanup(snap) is False
    assert snap.exists() and log.exists() and temp.job_dir.is_dir()


def test_context_manager_cleans_up_on_exception(temp_root: Path) -> None:
    with pytest.raises(RuntimeError, match="render failed"):
        with TempFileManager(root=temp_root) as temp:
            snap = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_ATMOS_A")
            assert snap.exists()
            raise RuntimeError("render failed")
    assert not temp.job_dir.exists()


def test_keep_survives_exception(temp_root: Path) -> None:
    with pytest.raises(RuntimeError):
        with TempFileManager(root=temp_root, keep=True) as temp:
            snap = temp.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_ATMOS_A")
            raise RuntimeError("render failed")
    assert snap.exists()


# --------------------------------------------------------------------------------------------------
# safe_file_component
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [("MASTER_BG_A", "MASTER_BG_A"), ("shot001", "shot001"), ("v1.2-final", "v1.2-final")],
)
def test_safe_names_pass_through(name: str, expected: str) -> None:
    assert safe_file_component(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "a/b",
        "a\\b",
        'say "hi"',
        "a;b",
        "$(whoami)",
        "`id`",
        "two words",
        "line\nbreak",
        "nul\x00",
        "名前",
        "é",
        "",
        "-rf",
        "CON",
        "nul.txt",
        "LPT1",
        "x" * 200,
        "trailing.",
        "MASTER-0123456789",
    ],
)
def test_unsafe_names_are_changed_and_hashed(name: str) -> None:
    out = safe_file_component(name)
    assert SAFE.match(out), out
    assert len(out) <= MAX_COMPONENT_CHARS
    assert out != name
    assert re.search(r"-[0-9a-f]{10}$", out)
    assert out.split(".")[0].upper() not in {"CON", "NUL", "LPT1"}


def test_accents_become_ascii_letters() -> None:
    assert safe_file_component("café").startswith("cafe-")


def test_safe_file_component_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        safe_file_component(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(a=st.text(max_size=80), b=st.text(max_size=80))
def test_safe_names_are_safe_and_distinct(a: str, b: str) -> None:
    out_a, out_b = safe_file_component(a), safe_file_component(b)
    for out in (out_a, out_b):
        assert SAFE.match(out) and len(out) <= MAX_COMPONENT_CHARS
    if a != b:
        assert out_a != out_b
