"""Real public scenes through ``--list-layers --json`` and ``--dry-run --json``, compared with what
real Maya computed for them (deadline-cloud-for-maya's expected job bundles) and, where no public
project publishes that, with what the file itself says (``tests/data/real_scenes/README.md``)."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
import yaml

from lrc_test_support import ROOT
from lrc_toolbox.cli.batch_render_cli import main
from lrc_toolbox.utils.frame_parser import FrameSet

CORPUS = ROOT / "tests" / "data" / "real_scenes"
SCENES = CORPUS / "scenes"
GROUND_TRUTH = sorted(path.name for path in (CORPUS / "ground_truth").iterdir())
EXPECTED: dict[str, Any] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FILE_ONLY = sorted(name for name in EXPECTED if not name.startswith("_"))


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def ground_truth(name: str) -> dict[str, tuple[str | None, str]]:
    """Per layer real Maya submitted: (frames, or None when the test forced them; renderer)."""
    folder = CORPUS / "ground_truth" / name
    template = yaml.safe_load((folder / "template.yaml").read_text(encoding="utf-8"))
    values: dict[str, Any] = {}
    if (folder / "parameter_values.yaml").is_file():
        raw = yaml.safe_load((folder / "parameter_values.yaml").read_text(encoding="utf-8"))
        values = {item["name"]: item["value"] for item in raw["parameterValues"]}
    forced = False
    settings = folder / "test.deadline_render_settings.json"
    if settings.is_file():
        forced = bool(json.loads(settings.read_text(encoding="utf-8"))["override_frame_range"])
    truth = {}
    for step in template["steps"]:
        data = step["stepEnvironments"][0]["script"]["embeddedFiles"][0]["data"]
        layer = re.search(r"^render_layer: (\S+)", data, re.M)
        renderer = re.search(r"^renderer: (\S+)", data, re.M)
        assert layer and renderer, step["name"]
        frames = values.get(f"{layer.group(1)}Frames", values.get("Frames"))
        truth[layer.group(1)] = (None if forced else str(frames), renderer.group(1))
    return truth


def test_the_corpus_is_what_the_readme_says() -> None:
    scenes = sorted(path.name for path in SCENES.glob("*.ma"))
    assert len(scenes) >= 15
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for scene in scenes:
        assert f"| `{scene}` |" in readme, scene
    assert {f"{name}.ma" for name in GROUND_TRUTH} | set(FILE_ONLY) == set(scenes)
    assert ground_truth("dlm_layers")["renderSetupLayer4"] == ("1-20", "mayaSoftware")


@pytest.mark.parametrize("name", GROUND_TRUTH)
def test_list_layers_matches_real_maya(name: str) -> None:
    code, out, err = run(["--scene", str(SCENES / f"{name}.ma"), "--list-layers", "--json"])
    assert code == 0, err
    data = json.loads(out)
    rendered = {row["name"]: row for row in data["layers"] if row["renderable"]}
    truth = ground_truth(name)
    assert set(rendered) == set(truth)
    for layer, (frames, renderer) in truth.items():
        assert rendered[layer]["renderer"] == renderer, layer
        if frames is not None:
            assert FrameSet.parse(rendered[layer]["frames"]) == FrameSet.parse(frames), layer


@pytest.mark.slow
@pytest.mark.parametrize("name", GROUND_TRUTH)
def test_dry_run_matches_real_maya(name: str, standin_exe: str, render_env: dict) -> None:
    code, out, err = run(
        [
            "--scene",
            str(SCENES / f"{name}.ma"),
            "--layers",
            "all",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
            "--dry-run",
            "--json",
        ]
    )
    assert code == 0, err
    plan = json.loads(out)
    truth = ground_truth(name)
    assert set(plan["layers"]) == set(truth)
    for layer, (frames, renderer) in truth.items():
        planned = plan["layers"][layer]
        assert planned["renderer"] == renderer, layer
        if frames is not None:
            assert planned["frames"] == list(FrameSet.parse(frames)), layer
    covered = {layer: [] for layer in truth}
    for task in plan["tasks"]:
        covered[task["layers"][0]].extend(task["frames"])
    assert {layer: sorted(f) for layer, f in covered.items()} == {
        layer: sorted(plan["layers"][layer]["frames"]) for layer in truth
    }


@pytest.mark.parametrize("name", FILE_ONLY)
def test_list_layers_reads_what_the_file_says(name: str) -> None:
    code, out, err = run(["--scene", str(SCENES / name), "--list-layers", "--json"])
    assert code == 0, err
    rows = {
        row["name"]: {key: row[key] for key in ("node", "renderable", "renderer", "frames")}
        for row in json.loads(out)["layers"]
    }
    assert rows == EXPECTED[name]


@pytest.mark.slow
def test_a_scene_without_a_renderer_plans_on_the_cpu(standin_exe: str, render_env: dict) -> None:
    # cube.ma: no currentRenderer; real Maya rendered it with mayaSoftware, frame 537. No --gpus:
    # on a machine without a GPU this plans only because Maya Software needs none.
    code, out, err = run(
        ["--scene", str(SCENES / "dlm_cube.ma"), "--render-exe", standin_exe, "--dry-run", "--json"]
    )
    assert code == 0, err
    plan = json.loads(out)
    layer = plan["layers"]["masterLayer"]
    assert (layer["renderer"], layer["log_renderer"], layer["uses_gpu"]) == (
        "mayaSoftware",
        "sw",
        False,
    )
    assert layer["frames"] == [537]
    assert all(slot.startswith("CPU") for slot in plan["slots"])
    assert all(task["gpus"] == [] for task in plan["tasks"])
    assert any("current frame 537" in note for note in layer["notes"])
    assert any("Maya Software renders it, on the CPU" in note for note in plan["notes"])


@pytest.mark.slow
def test_a_scene_with_references_and_an_import_is_neither_refused_nor_given_layers(
    standin_exe: str, render_env: dict
) -> None:
    code, out, err = run(
        [
            "--scene",
            str(SCENES / "dlm_referenced_layers.ma"),
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
            "--dry-run",
        ]
    )
    assert code == 0, err
    assert out.count("Layer:    ") == 1 and "Layer:    masterLayer" in out
    assert "imported_scene_defaultRenderLayer" in out  # said, in a note, not planned


@pytest.mark.slow
def test_overrides_not_applied_are_notes_in_every_output(
    standin_exe: str, render_env: dict
) -> None:
    scene = str(SCENES / "dlm_layers.ma")
    _, listed, _ = run(["--scene", scene, "--list-layers"])
    _, listed_json, _ = run(["--scene", scene, "--list-layers", "--json"])
    args = ["--scene", scene, "--render-exe", standin_exe, "--gpus", "0", "--dry-run"]
    _, dry, _ = run(args)
    _, dry_json, _ = run([*args, "--json"])
    width = "defaultResolution.width = 1920"
    assert width in listed and width in dry
    row = next(r for r in json.loads(listed_json)["layers"] if r["name"] == "renderSetupLayer4")
    assert any(width in note for note in row["notes"])
    assert any(
        width in note for note in json.loads(dry_json)["layers"]["renderSetupLayer4"]["notes"]
    )
    assert any(width in note for note in json.loads(dry_json)["notes"])


@pytest.mark.slow
def test_dry_run_reads_each_layers_log_with_its_renderers_rules(
    standin_exe: str, render_env: dict
) -> None:
    code, out, err = run(
        [
            "--scene",
            str(SCENES / "dlm_layers.ma"),
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
            "--dry-run",
            "--json",
        ]
    )
    assert code == 0, err
    layers = json.loads(out)["layers"]
    assert {name: layer["log_renderer"] for name, layer in layers.items()} == {
        "masterLayer": "arnold",
        "layerFrameRange1": "hw2",
        "renderSetupLayer2": "arnold",
        "layerDefaultFrames": "arnold",
        "renderSetupLayer4": "sw",
    }
    assert layers["renderSetupLayer4"]["uses_gpu"] is False


def test_corpus_files_are_small_and_unchanged() -> None:
    import hashlib

    sums = dict(
        reversed(line.split("  ", 1))
        for line in (CORPUS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    )
    for path in SCENES.glob("*.ma"):
        data = path.read_bytes()
        assert len(data) < 300_000, path.name
        assert hashlib.sha256(data).hexdigest() == sums[path.name], path.name
