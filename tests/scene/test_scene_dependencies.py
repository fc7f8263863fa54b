"""Tests for lrc_toolbox.scene.dependencies: the references, textures and caches a scene needs.

The real scenes are AWS's Maya submitter test scenes, with the asset references AWS's submitter
computed for them inside real Maya (``tests/data/maya_scenes/deadline_cloud_for_maya/README.md``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lrc_test_support import ROOT
from lrc_toolbox.scene import SceneReadError
from lrc_toolbox.scene.dependencies import (
    DependencyKind,
    ScenePath,
    find_dependencies,
    read_scene_paths,
)

AWS_SCENES = ROOT / "tests" / "data" / "maya_scenes" / "deadline_cloud_for_maya"


def _expected_inputs(yaml_file: Path) -> set[str]:
    """File names of ``inputs.filenames`` in AWS's expected ``asset_references.yaml``."""
    names = set()
    in_filenames = False
    for line in yaml_file.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped == "filenames:":
            in_filenames = True
        elif in_filenames and stripped.startswith("- "):
            names.add(stripped[2:].rsplit("/", 1)[-1])
        elif stripped.endswith(":"):
            in_filenames = False
    return names


def _header(name: str = "shot.ma") -> str:
    return f'//Maya ASCII 2024 scene\n//Name: {name}\nrequires maya "2024";\n'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _touch(*paths: Path) -> None:
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"data")


# --------------------------------------------------------------------------------------------------
# Real scenes: the same files AWS's submitter found with Maya
# --------------------------------------------------------------------------------------------------
def test_cube_scene_needs_what_aws_submitter_found_with_maya(tmp_path: Path) -> None:
    shutil.copy(AWS_SCENES / "cube" / "cube.ma", tmp_path / "cube.ma")
    # The scene names them with the saving machine's absolute paths (D:/...); Maya found them
    # beside the scene by file name, and so must we.
    _touch(tmp_path / "deadline_logo_48x48.png", tmp_path / "scene_file_to_reference.mb")
    deps = find_dependencies(tmp_path / "cube.ma")
    expected = _expected_inputs(AWS_SCENES / "cube" / "expected_asset_references.yaml")
    assert {p.name for p in deps.files} | {"cube.ma"} == expected
    assert all(p.is_absolute() and p.parent == tmp_path for p in deps.files)
    assert deps.missing == ()
    # A Maya Binary reference is sent, but what it uses in turn needs Maya to read.
    assert deps.unread == (tmp_path / "scene_file_to_reference.mb",)


def test_referenced_layers_scene_follows_ma_references(tmp_path: Path) -> None:
    for name in ("referenced_layers.ma", "ref.ma", "scene_file_to_reference.ma"):
        shutil.copy(AWS_SCENES / "referenced_layers" / name, tmp_path / name)
    deps = find_dependencies(tmp_path / "referenced_layers.ma")
    expected = _expected_inputs(AWS_SCENES / "referenced_layers" / "expected_asset_references.yaml")
    assert {p.name for p in deps.files} | {"referenced_layers.ma"} == expected
    assert deps.missing == () and deps.unread == ()


def test_scene_paths_as_written_in_the_real_scene() -> None:
    paths = read_scene_paths(AWS_SCENES / "cube" / "cube.ma")
    assert [(p.kind, p.node, p.value.rsplit("/", 1)[-1]) for p in paths] == [
        ("reference", "scene_file_to_referenceRN", "scene_file_to_reference.mb"),
        ("texture", "file1", "deadline_logo_48x48.png"),
    ]


# --------------------------------------------------------------------------------------------------
# Resolution rules
# --------------------------------------------------------------------------------------------------
def test_relative_paths_resolve_against_the_project_then_the_scene_folder(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    scene = _write(
        project / "scenes" / "shot.ma",
        _header()
        + 'createNode file -n "a";\n\tsetAttr ".ftn" -type "string" "sourceimages/a.png";\n'
        + 'createNode file -n "b";\n\tsetAttr ".fileTextureName" -type "string" "b.png";\n'
        + 'createNode AlembicNode -n "c";\n\tsetAttr ".fn" -type "string" "cache/c.abc";\n',
    )
    _touch(project / "sourceimages" / "a.png", project / "scenes" / "b.png")
    _touch(project / "cache" / "c.abc", project / "scenes" / "cache" / "c.abc")
    deps = find_dependencies(scene, project_dir=project)
    assert deps.files == (
        project / "cache" / "c.abc",  # the project wins over the scene's folder
        project / "scenes" / "b.png",
        project / "sourceimages" / "a.png",
    )


def test_variables_tokens_and_frame_sequences(tmp_path: Path) -> None:
    tex = tmp_path / "tex"
    scene = _write(
        tmp_path / "shot.ma",
        _header()
        + 'createNode file -n "udim";\n\tsetAttr ".ftn" -type "string" "$TEX_ROOT/col.<UDIM>.exr";\n'
        + 'createNode aiImage -n "hashes";\n\tsetAttr ".filename" -type "string" "${TEX_ROOT}/n.####.png";\n'
        + 'createNode file -n "seq";\n\tsetAttr ".ftn" -type "string" "tex/anim.0001.jpg";\n'
        + '\tsetAttr ".ufe" yes;\n'
        + 'createNode gpuCache -n "gpu";\n\tsetAttr ".cfn" -type "string" "tex/gpu.abc";\n',
    )
    udims = [tex / f"col.{tile}.exr" for tile in (1001, 1002, 1011)]
    frames = [tex / f"n.{f:04d}.png" for f in (1, 2)]
    anim = [tex / f"anim.{f:04d}.jpg" for f in (1, 2, 3)]
    _touch(*udims, *frames, *anim, tex / "gpu.abc", tex / "col.other.exr", tex / "anim.jpg")
    deps = find_dependencies(scene, environ={"TEX_ROOT": str(tex)})
    assert set(deps.files) == {*udims, *frames, *anim, tex / "gpu.abc"}
    kinds = {p.node: (p.kind, p.sequence) for p in read_scene_paths(scene)}
    assert kinds == {
        "udim": (DependencyKind.TEXTURE, True),
        "hashes": (DependencyKind.TEXTURE, True),
        "seq": (DependencyKind.TEXTURE, True),
        "gpu": (DependencyKind.CACHE, False),
    }


def test_missing_files_are_reported_not_guessed(tmp_path: Path) -> None:
    scene = _write(
        tmp_path / "shot.ma",
        _header()
        + 'file -r -ns "chr" -rfn "chrRN" -typ "mayaAscii" "/nowhere/chr.ma";\n'
        + 'createNode file -n "t";\n\tsetAttr ".ftn" -type "string" "/nowhere/t.png";\n'
        + 'createNode aiStandIn -n "s";\n\tsetAttr ".dso" -type "string" "$UNSET_VAR/s.ass";\n',
    )
    deps = find_dependencies(scene, environ={})
    assert deps.files == ()
    assert {(p.kind, p.value) for p in deps.missing} == {
        ("reference", "/nowhere/chr.ma"),
        ("texture", "/nowhere/t.png"),
        ("cache", "$UNSET_VAR/s.ass"),
    }


def test_only_path_attributes_of_known_nodes_count(tmp_path: Path) -> None:
    scene = _write(
        tmp_path / "shot.ma",
        _header()
        + 'createNode file -n "t";\n\tsetAttr ".cs" -type "string" "sRGB";\n'
        + 'select -ne :defaultRenderGlobals;\n\tsetAttr ".ftn" -type "string" "no.png";\n'
        + 'createNode mesh -n "m";\n\tsetAttr ".fn" -type "string" "mesh.abc";\n'
        + 'createNode script -n "s";\n\tsetAttr ".b" -type "string" "file -r \\"x.ma\\";";\n'
        + 'file -f -o "opened.ma";\n',
    )
    assert read_scene_paths(scene) == []


def test_reference_cycles_and_binary_references_end(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.ma", _header("a.ma") + 'file -r -ns "b" -rfn "bRN" "b.ma";\n')
    _write(
        tmp_path / "b.ma",
        _header("b.ma")
        + 'file -rdi 1 -ns "a" -rfn "aRN" "a.ma{1}";\nfile -r -ns "a" -rfn "aRN" "a.ma{1}";\n'
        + 'file -r -ns "c" -rfn "cRN" -typ "mayaBinary" "c.mb";\n',
    )
    _touch(tmp_path / "c.mb")
    deps = find_dependencies(a)
    assert deps.files == (tmp_path / "b.ma", tmp_path / "c.mb")
    assert deps.unread == (tmp_path / "c.mb",)
    assert read_scene_paths(tmp_path / "b.ma")[0] == ScenePath(
        DependencyKind.REFERENCE, "aRN", "a.ma"
    )


def test_depth_limit_stops_following_references(tmp_path: Path) -> None:
    for index in range(4):
        _write(
            tmp_path / f"s{index}.ma",
            _header(f"s{index}.ma") + f'file -r -ns "n" -rfn "nRN" "s{index + 1}.ma";\n',
        )
    _write(tmp_path / "s4.ma", _header("s4.ma"))
    deps = find_dependencies(tmp_path / "s0.ma", max_depth=2)
    assert [p.name for p in deps.files] == ["s1.ma", "s2.ma", "s3.ma"]
    assert deps.unread == (tmp_path / "s3.ma",)


def test_a_scene_that_is_not_maya_ascii_is_an_error(tmp_path: Path) -> None:
    binary = tmp_path / "shot.mb"
    binary.write_bytes(b"FOR4\x00\x00\x00\x20Maya" + b"\x00" * 24)
    with pytest.raises(SceneReadError):
        find_dependencies(binary)
