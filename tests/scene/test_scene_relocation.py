"""A scene copy in a temp folder names by absolute path what the original finds beside itself.

Resolution order (research notes ``docs/research/maya_facts.md`` section 2, as :mod:`dependencies` implements it):
project root, the scene's folder, then the file name in ``sourceimages`` and beside the scene.
"""

from __future__ import annotations

from pathlib import Path

from scene_fixtures import LEGACY_ONLY

from lrc_toolbox.scene import read_scene
from lrc_toolbox.scene.dependencies import read_scene_paths
from lrc_toolbox.scene.relocation import plan_path_edits
from lrc_toolbox.scene.snapshots import PathAnchor, SceneSnapshots
from lrc_toolbox.utils.temp_file_manager import TempFileManager

REFS = (
    'file -rdi 1 -ns "ref" -rfn "refRN" -op "v=0;" -typ "mayaAscii" "ref.ma";\n'
    'file -rdi 1 -ns "ref1" -rfn "ref1RN" -typ "mayaAscii" "ref.ma{1}";\n'
    'file -r -ns "ref" -dr 1 -rfn "refRN" -op "v=0;"\n\t\t -typ "mayaAscii" "ref.ma";\n'
    'file -r -ns "ref1" -dr 1 -rfn "ref1RN" -typ "mayaAscii" "ref.ma{1}";\n'
)
NODES = (
    'createNode file -n "wood";\n\tsetAttr ".ftn" -type "string" "textures/wood.png";\n'
    'createNode file -n "grid";\n\tsetAttr ".ftn" -type "string" "sourceimages/grid.png";\n'
    'createNode file -n "abs";\n\tsetAttr ".ftn" -type "string" "{ABS}";\n'
    'createNode file -n "var";\n\tsetAttr ".ftn" -type "string" "$TEX_ROOT/var.png";\n'
    'createNode file -n "lost";\n\tsetAttr ".ftn" -type "string" "nowhere/lost.png";\n'
    'createNode file -n "tiles";\n\tsetAttr ".ftn" -type "string" "textures/t.<UDIM>.png";\n'
    'createNode AlembicNode -n "abc";\n\tsetAttr ".fn" -type "string" "cache/anim.abc";\n'
)


def _scene(tmp_path: Path) -> tuple[Path, Path]:
    """A project with a scene in ``scenes/`` naming files every way Maya scenes do."""
    project = tmp_path / "proj"
    scenes = project / "scenes"
    (scenes / "textures").mkdir(parents=True)
    (project / "sourceimages").mkdir()
    (project / "cache").mkdir()
    (project / "workspace.mel").write_text('workspace -fr "images" "images";\n')
    (scenes / "ref.ma").write_text("//Maya ASCII 2024 scene\n")
    (scenes / "textures" / "wood.png").write_bytes(b"png")
    (scenes / "textures" / "t.1001.png").write_bytes(b"png")
    (project / "sourceimages" / "grid.png").write_bytes(b"png")
    (project / "cache" / "anim.abc").write_bytes(b"abc")
    absolute = tmp_path / "lib" / "abs.png"
    absolute.parent.mkdir()
    absolute.write_bytes(b"png")
    head, rest = LEGACY_ONLY.split("currentUnit", 1)
    text = head + REFS + "currentUnit" + rest + NODES.replace("{ABS}", absolute.as_posix())
    scene = scenes / "shot.ma"
    scene.write_text(text)
    return scene, project


def test_copies_name_scene_relative_files_absolutely_and_keep_the_rest(tmp_path) -> None:
    scene, project = _scene(tmp_path)
    env = {"TEX_ROOT": str(tmp_path / "lib")}
    with TempFileManager(root=tmp_path / "tmp") as temp:
        copy = SceneSnapshots(temp, PathAnchor(project_dir=project, environ=env)).snapshot_scene(
            scene, read_scene(scene), ["bg"]
        )
        values = {p.node: p.value for p in read_scene_paths(copy)}
        refs = [p.value for p in read_scene_paths(copy) if p.kind == "reference"]
        text = copy.read_text()
    scenes = scene.parent.resolve().as_posix()
    assert set(refs) == {f"{scenes}/ref.ma"}  # both references, -rdi and -r lines alike
    assert text.count(f'"{scenes}/ref.ma"') == 2 and text.count(f'"{scenes}/ref.ma{{1}}"') == 2
    assert values["wood"] == f"{scenes}/textures/wood.png"  # beside the scene
    assert values["grid"] == f"{project.resolve().as_posix()}/sourceimages/grid.png"
    assert values["abc"] == f"{project.resolve().as_posix()}/cache/anim.abc"
    assert values["tiles"] == f"{scenes}/textures/t.<UDIM>.png"  # tokens kept
    assert values["abs"] == (tmp_path / "lib" / "abs.png").as_posix()  # resolves as written
    assert values["var"] == "$TEX_ROOT/var.png"  # the studio's variable stays
    assert values["lost"] == "nowhere/lost.png"  # found nowhere: left for Maya to report
    assert 'setAttr ".rndr" yes;' in text  # the layer patch still applies


def test_an_export_elsewhere_resolves_from_the_artists_scene(tmp_path) -> None:
    scene, _project = _scene(tmp_path)
    export = tmp_path / "maya_tmp" / "shot.ma"
    export.parent.mkdir()
    export.write_bytes(scene.read_bytes())
    edits, rewrites = plan_path_edits(export, original=scene, project_dir=None)
    by_value = {r.written: r.absolute for r in rewrites}
    assert by_value["ref.ma"] == f"{scene.parent.resolve().as_posix()}/ref.ma"
    assert by_value["textures/wood.png"].startswith(scene.parent.resolve().as_posix())
    assert edits == tuple(sorted(edits, key=lambda e: (e.start, e.end)))


def test_no_anchor_copies_byte_for_byte_apart_from_the_layer_patch(tmp_path) -> None:
    scene, _project = _scene(tmp_path)
    with TempFileManager(root=tmp_path / "tmp") as temp:
        copy = SceneSnapshots(temp).snapshot_scene(scene, read_scene(scene), ["bg"])
        assert '"ref.ma"' in copy.read_text()
