"""Tests for lrc_toolbox.scene.snapshots: per-layer private copies in a job's temp folder."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from scene_fixtures import EXAMPLE_SCENE, IMPLICIT_LAYERS

from lrc_toolbox.scene import (
    BinarySceneError,
    LayerInfo,
    LayerNotFoundError,
    SceneNotFoundError,
    SceneSnapshots,
    read_scene,
)
from lrc_toolbox.utils.temp_file_manager import OWNER_MARKER, TempFileError, TempFileManager

RNDR_LINE = re.compile(rb'\r?\n\tsetAttr "\.rndr" (?:yes|no);')
SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")


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
        snapshots = SceneSnapshots(temp)
        path = snapshots.snapshot_for_layer(scene, layer, timestamp="20240304-181231")
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
        snapshots = SceneSnapshots(temp)
        by_info = snapshots.snapshot_for_layer(scene, scene.layer("MASTER_FX_A"), timestamp="t1")
        by_path = snapshots.snapshot_for_layer(str(EXAMPLE_SCENE), "rs_MASTER_FX_A", timestamp="t1")
        assert by_info.read_bytes() == by_path.read_bytes()
        assert by_path.parent.name == "render_shot001_t1_MASTER_FX_A-2"  # the name was taken
        assert by_path.name == by_info.name == "shot001.ma"
        assert set(temp.tracked) == {by_info, by_path}


def test_snapshot_of_layers_without_create_node(temp_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "implicit.ma"
    src.write_text(IMPLICIT_LAYERS, encoding="utf-8", newline="\n")
    scene = read_scene(src)
    # env:trees comes from a reference: not a layer of this scene, but the copies keep it off.
    assert [(lay.name, lay.renderable) for lay in scene.layers] == [
        ("masterLayer", True),
        ("fg", True),
        ("bg", True),
    ]
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        for layer in scene.layers:
            path = snapshots.snapshot_for_layer(scene, layer, timestamp="x")
            flags = _renderable(path)
            assert flags == {name: name == layer.name for name in flags}, layer.name
            text = path.read_text(encoding="utf-8")
            # The trailer comment keeps its line; appended statements start on a new one.
            assert "// End of implicit.ma\nsetAttr " in text
            assert 'setAttr "bg.rndr" yes;' not in text  # the absolute override was removed
            want = "yes" if layer.node == "defaultRenderLayer" else "no"
            assert f'setAttr "defaultRenderLayer.rndr" {want};' in text
            assert text.endswith('setAttr "env:trees.rndr" no;\n')


def test_snapshot_scene_with_several_layers(temp_root: Path, tmp_path: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        path = snapshots.snapshot_scene(
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
        by_node = snapshots.snapshot_scene(EXAMPLE_SCENE, None, ["rs_MASTER_BG_A"], timestamp="t")
        assert by_node.parent.name == "render_shot001_t_rs_MASTER_BG_A"
        with pytest.raises(LayerNotFoundError, match="no render layer node given"):
            snapshots.snapshot_scene(EXAMPLE_SCENE, scene, [])
        with pytest.raises(LayerNotFoundError, match="'rs_NOPE'"):
            snapshots.snapshot_scene(EXAMPLE_SCENE, scene, ["rs_MASTER_BG_A", "rs_NOPE"])
        mb = tmp_path / "shot.mb"
        mb.write_bytes(b"FOR4\x00\x00\x00\x10Maya" + b"\x00" * 16)
        with pytest.raises(BinarySceneError, match="Render -rl"):
            snapshots.snapshot_scene(mb, None, ["defaultRenderLayer"])


def test_snapshot_keeps_crlf_line_endings(temp_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "crlf.ma"
    src.write_bytes(EXAMPLE_SCENE.read_bytes().replace(b"\n", b"\r\n"))
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        path = snapshots.snapshot_for_layer(src, "MASTER_CHAR_A")
        data = path.read_bytes()
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert _renderable(path)["MASTER_CHAR_A"] is True
        assert RNDR_LINE.sub(b"", data) == RNDR_LINE.sub(b"", src.read_bytes())


def test_snapshot_of_a_snapshot(temp_root: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        first = snapshots.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A", timestamp="a")
        second = snapshots.snapshot_for_layer(first, "MASTER_FX_A", timestamp="b")
        flags = _renderable(second)
        assert [name for name, on in flags.items() if on] == ["MASTER_FX_A"]
        assert len(RNDR_LINE.findall(second.read_bytes())) == 5


def test_explicitly_chosen_non_renderable_layer_renders(temp_root: Path) -> None:
    scene = read_scene(EXAMPLE_SCENE)
    assert scene.layer("MASTER_FX_A").renderable is False
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        path = snapshots.snapshot_for_layer(scene, "MASTER_FX_A")
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
        snapshots = SceneSnapshots(temp)
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
            path = snapshots.snapshot_for_layer(scene, layer, timestamp="../t;1")
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
        snapshots = SceneSnapshots(temp)
        with pytest.raises(BinarySceneError, match="render the original file with Render -rl"):
            snapshots.snapshot_for_layer(mb, "masterLayer")
        # A SceneInfo read earlier whose file was since saved as binary.
        ma = tmp_path / "shot.ma"
        ma.write_bytes(EXAMPLE_SCENE.read_bytes())
        scene = read_scene(ma)
        ma.write_bytes(mb.read_bytes())
        with pytest.raises(BinarySceneError, match="needs Maya"):
            snapshots.snapshot_for_layer(scene, "MASTER_BG_A")
        assert [p.name for p in temp.job_dir.iterdir()] == [OWNER_MARKER]  # nothing half-written


def test_unknown_layer_and_missing_scene(temp_root: Path, tmp_path: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        with pytest.raises(LayerNotFoundError, match="MASTER_BG_A"):
            snapshots.snapshot_for_layer(EXAMPLE_SCENE, "NOPE")
        with pytest.raises(SceneNotFoundError):
            snapshots.snapshot_for_layer(tmp_path / "gone.ma", "masterLayer")
        assert [p.name for p in temp.job_dir.iterdir()] == [OWNER_MARKER]  # nothing half-written


# --------------------------------------------------------------------------------------------------
# Unpatched copies, and the snapshots' life in the temp folder
# --------------------------------------------------------------------------------------------------
def test_copy_scene_copies_byte_for_byte(temp_root: Path, tmp_path: Path) -> None:
    mb = tmp_path / "shot.mb"
    mb.write_bytes(b"FOR4\x00\x00\x00\x10Maya" + bytes(range(256)) * 64)
    with TempFileManager(root=temp_root) as temp:
        snapshots = SceneSnapshots(temp)
        assert snapshots.temp is temp
        path = snapshots.copy_scene(mb, "BG+FX", timestamp="t")
        assert path.read_bytes() == mb.read_bytes()
        assert path.name == "shot.mb" and path.parent.name.startswith("render_shot_t_BG_FX-")
        assert temp.tracked == (path,)
        with pytest.raises(TempFileError, match="cannot copy"):
            snapshots.copy_scene(tmp_path / "gone.mb", "BG")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_snapshots_are_private(temp_root: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        snap = SceneSnapshots(temp).snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
        assert stat.S_IMODE(snap.stat().st_mode) & 0o077 == 0
        assert stat.S_IMODE(snap.parent.stat().st_mode) == 0o700


def test_snapshots_follow_the_temp_folder_lifecycle(temp_root: Path) -> None:
    temp = TempFileManager(root=temp_root)
    snapshots = SceneSnapshots(temp)
    snap = snapshots.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
    assert temp.cleanup(snap) is True
    assert not snap.exists() and not snap.parent.exists()
    kept = snapshots.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_CHAR_A")
    assert temp.cleanup_all() == ()
    assert not kept.exists() and not temp.job_dir.exists()
    with pytest.raises(TempFileError, match="already cleaned up"):
        snapshots.snapshot_for_layer(EXAMPLE_SCENE, "MASTER_BG_A")
    with pytest.raises(TempFileError, match="already cleaned up"):
        snapshots.snapshot_scene(EXAMPLE_SCENE, None, ["rs_MASTER_BG_A"])
    with pytest.raises(TempFileError, match="already cleaned up"):
        snapshots.copy_scene(EXAMPLE_SCENE, "BG")


def test_keep_leaves_snapshots(temp_root: Path) -> None:
    with pytest.raises(RuntimeError, match="render failed"):
        with TempFileManager(root=temp_root, keep=True) as temp:
            snap = SceneSnapshots(temp).snapshot_for_layer(EXAMPLE_SCENE, "MASTER_ATMOS_A")
            assert temp.cleanup(snap) is False
            raise RuntimeError("render failed")
    assert snap.exists()
