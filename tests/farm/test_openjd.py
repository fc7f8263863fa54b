"""Open Job Description export: validated by openjd-model, run for real by ``openjd run``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import farm_fixtures
import pytest
from farm_helpers import FRAME_CASES, ODD_LAYERS

from lrc_toolbox.farm import FarmError, FarmOptions, FarmUnavailableError, submit_job
from lrc_toolbox.farm import deadline_cloud as dc
from lrc_toolbox.farm import openjd as ojd
from lrc_toolbox.farm.job_description import describe_job
from lrc_toolbox.utils.frame_parser import FrameSet

#: The workstation's Render on the workers (the bundle's command before CondaPackages existed).
WORKSTATION_RENDER = FarmOptions(conda_packages="")

# The shared fixtures (pytest finds them by their names: make_plan, standin...).
binary_scene_fixture = farm_fixtures.binary_scene_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture
make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture

model = pytest.importorskip("openjd.model", reason="openjd-model is not installed (extra openjd)")


def _openjd_cli() -> str:
    beside = Path(sys.executable).with_name("openjd")
    found = str(beside) if beside.exists() else shutil.which("openjd")
    if not found:
        pytest.skip("openjd-cli is not installed (extra openjd)")
    return found


def _job(template: dict, values: dict) -> object:
    decoded = model.decode_job_template(template=template)
    params = model.preprocess_job_parameters(
        job_template=decoded,
        job_parameter_values=values,
        job_template_dir=Path.cwd(),
        current_working_dir=Path.cwd(),
    )
    return model.create_job(job_template=decoded, job_parameter_values=params)


def _step_by(template: dict, name: str) -> int:
    """The ``-b`` a template step gives Render (a literal: one frame step per step)."""
    step = next(s for s in template["steps"] if s["name"] == name)
    args = step["script"]["actions"]["onRun"]["args"]
    return int(args[args.index("-b") + 1])


def _frames_of_step(step, by: int) -> list[int]:
    """Every frame a step's tasks render, as openjd iterates its parameter space."""
    frames = []
    for task in model.StepParameterSpaceIterator(space=step.parameterSpace):
        start, end = (int(task[name].value) for name in ("Start", "End"))
        frames += list(range(start, end + 1, by))
    return frames


def _values(job, options=None) -> dict:
    bundle = ojd.build_parameter_values(job, options=options)
    return {v["name"]: v["value"] for v in bundle["parameterValues"]}


@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 4])
def test_template_validates_and_its_tasks_render_exactly_the_frames(make_plan, frames, chunk):
    job = describe_job(
        make_plan(frame_range=frames, chunk_size=chunk, layers=["MASTER_BG_A", "masterLayer"])
    )
    template = ojd.build_job_template(job)
    created = _job(template, _values(job))
    by_layer: dict[str, list[int]] = {}
    for step, names in zip(job.layers, ojd.step_names(job), strict=True):
        for name in names:
            created_step = next(s for s in created.steps if s.name == name)
            by_layer.setdefault(step.name, []).extend(
                _frames_of_step(created_step, _step_by(template, name))
            )
    assert list(by_layer) == ["MASTER_BG_A", "masterLayer"]
    for rendered in by_layer.values():
        assert sorted(rendered) == list(FrameSet.parse(frames))
        assert len(rendered) == len(set(rendered))  # no frame rendered twice


def test_steps_carry_command_gpu_requirement_os_and_timeouts(make_plan, tmp_path):
    job = describe_job(make_plan(max_task_time_s=90.5, output_dir=str(tmp_path / "img")))
    template = ojd.build_job_template(job, platform="linux", options=WORKSTATION_RENDER)
    step = template["steps"][0]
    action = step["script"]["actions"]["onRun"]
    assert action["command"] == "{{Param.RenderExecutable}}"
    args = action["args"]
    assert args[args.index("-s") + 1] == "{{Task.Param.Start}}"
    assert args[args.index("-e") + 1] == "{{Task.Param.End}}"
    assert args[args.index("-b") + 1] == "1"
    assert args[args.index("-rd") + 1] == "{{Param.OutputDir}}"
    assert args[args.index("-rl") + 1] == "rs_MASTER_BG_A"
    assert args[-1] == "{{Param.SceneFile}}"
    assert action["timeout"] == 91
    assert action["cancelation"]["mode"] == "NOTIFY_THEN_TERMINATE"
    requirements = step["hostRequirements"]
    assert requirements["amounts"] == [{"name": "amount.worker.gpu", "min": 1}]
    assert requirements["attributes"] == [{"name": "attr.worker.os.family", "anyOf": ["linux"]}]
    assert step["stepEnvironments"][0]["variables"]["REDSHIFT_FORCEQUITONINTERNALERROR"] == "1"
    params = {p["name"]: p for p in template["parameterDefinitions"]}
    assert params["SceneFile"]["type"] == "PATH" and "default" not in params["SceneFile"]
    assert params["SceneFile"]["dataFlow"] == "IN"
    assert params["OutputDir"]["dataFlow"] == "OUT"
    assert params["RenderExecutable"]["default"] == job.render_exe
    cpu_job = describe_job(make_plan(renderer="sw", gpus=None))
    cpu = ojd.build_job_template(cpu_job, options=WORKSTATION_RENDER)
    assert "amounts" not in cpu["steps"][0]["hostRequirements"]
    assert "timeout" not in cpu["steps"][0]["script"]["actions"]["onRun"]


def test_the_image_folder_is_an_out_path_even_without_an_output_folder(make_plan, tmp_path):
    project = tmp_path / "proj"
    (project / "scenes").mkdir(parents=True)
    (project / "workspace.mel").write_text('workspace -fr "images" "renders/img";\n')
    scene = project / "scenes" / "shot.ma"
    scene.write_bytes(farm_fixtures.SAMPLE_SCENE.read_bytes())
    for plan, expected in (
        (make_plan(scene_file=str(scene)), project / "renders" / "img"),  # the workspace rule
        (make_plan(), farm_fixtures.SAMPLE_SCENE.parent / "images"),  # no project: beside it
    ):
        job = describe_job(plan)
        assert job.output_dir == str(expected) and job.output_dir_is_default
        assert any(str(expected) in note for note in job.notes)
        template = ojd.build_job_template(job)
        params = {p["name"]: p for p in template["parameterDefinitions"]}
        assert params["OutputDir"]["dataFlow"] == "OUT"
        assert _values(job)["OutputDir"] == str(expected)
        for step in template["steps"]:
            args = step["script"]["actions"]["onRun"]["args"]
            assert args[args.index("-rd") + 1] == "{{Param.OutputDir}}"


def test_conda_packages_give_service_managed_fleets_maya_and_the_renderer(make_plan, tmp_path):
    redshift = describe_job(make_plan())
    values = _values(redshift)
    assert values["CondaPackages"] == "maya=2024.* maya-openjd maya-redshift"
    assert values["RenderExecutable"] == "Render"  # on PATH in the conda environment
    template = ojd.build_job_template(redshift)
    assert "attributes" not in template["steps"][0]["hostRequirements"]  # any OS with Maya
    arnold = describe_job(make_plan(renderer="arnold"))
    assert _values(arnold)["CondaPackages"] == "maya=2024.* maya-openjd maya-mtoa"
    software = describe_job(make_plan(renderer="sw", gpus=None))
    assert _values(software)["CondaPackages"] == "maya=2024.* maya-openjd"
    # Overridable, and "our workers have Maya installed at this path".
    own = _values(redshift, FarmOptions(conda_packages="maya=2025.* my-plugins"))
    assert own["CondaPackages"] == "maya=2025.* my-plugins" and own["RenderExecutable"] == "Render"
    installed = FarmOptions(worker_render="/usr/autodesk/maya2024/bin/Render")
    worker = _values(redshift, installed)
    assert worker["CondaPackages"] == "" and worker["RenderExecutable"] == installed.worker_render
    linux = ojd.build_job_template(redshift, options=installed)["steps"][0]["hostRequirements"]
    assert linux["attributes"] == [{"name": "attr.worker.os.family", "anyOf": ["linux"]}]
    windows = FarmOptions(worker_render="C:/Program Files/Autodesk/Maya2024/bin/Render.exe")
    attrs = ojd.build_job_template(redshift, options=windows)["steps"][0]["hostRequirements"]
    assert attrs["attributes"][0]["anyOf"] == ["windows"]
    # The queue's conda environment only reads a parameter the template declares too.
    params = {p["name"]: p for p in ojd.build_job_template(redshift)["parameterDefinitions"]}
    assert params["CondaPackages"]["type"] == "STRING"


def test_bundle_files_are_a_deadline_cloud_job_bundle(make_plan, tmp_path):
    result = submit_job(make_plan(frame_range="1-5"), "openjd", out_dir=tmp_path / "bundle")
    assert not result.submitted and result.job_id is None
    names = sorted(Path(p).name for p in result.files)
    assert names == [
        "asset_references.json",
        "openjd_job_params.json",
        "parameter_values.json",
        "template.json",
    ]
    bundle = tmp_path / "bundle"
    template = json.loads((bundle / "template.json").read_text(encoding="utf-8"))
    values = json.loads((bundle / "parameter_values.json").read_text(encoding="utf-8"))
    plain = json.loads((bundle / "openjd_job_params.json").read_text(encoding="utf-8"))
    assert template["specificationVersion"] == "jobtemplate-2023-09"
    defined = {p["name"] for p in template["parameterDefinitions"]}
    assert {v["name"] for v in values["parameterValues"]} == defined == set(plain)
    assert {v["name"]: v["value"] for v in values["parameterValues"]} == plain
    assert result.command == [
        "deadline",
        "bundle",
        "submit",
        str(bundle),
        "--max-retries-per-task",
        "2",
        "-p",
        f"SceneFile={plain['SceneFile']}",
        "-p",
        f"OutputDir={plain['OutputDir']}",
    ]
    assert "deadline bundle submit" in result.message and "openjd run" in result.message


def test_asset_references_list_the_scenes_references_and_textures(make_plan, tmp_path):
    scenes = farm_fixtures.ROOT / "tests" / "data" / "maya_scenes" / "deadline_cloud_for_maya"
    folder = tmp_path / "shot"
    folder.mkdir()
    (folder / "cube.ma").write_bytes((scenes / "cube" / "cube.ma").read_bytes())
    for name in ("deadline_logo_48x48.png", "scene_file_to_reference.mb"):
        (folder / name).write_bytes(b"data")
    plan = make_plan(scene_file=str(folder / "cube.ma"), layers=["masterLayer"], renderer="sw")
    result = submit_job(plan, "openjd", out_dir=tmp_path / "bundle")
    refs = json.loads((tmp_path / "bundle" / "asset_references.json").read_text("utf-8"))
    assert refs["assetReferences"]["inputs"]["filenames"] == [
        str(folder / "deadline_logo_48x48.png"),
        str(folder / "scene_file_to_reference.mb"),
    ]
    # Their folder is named as known, so `--yes` does not cancel the submission.
    assert result.command[-2:] == ["--known-asset-path", str(folder)]


def test_a_long_layer_is_one_step_with_a_range_expression(make_plan):
    job = describe_job(make_plan(frame_range="1-2100", chunk_size=1))
    template = ojd.build_job_template(job)
    created = _job(template, _values(job))
    assert [step.name for step in created.steps] == ["MASTER_BG_A"]
    space = template["steps"][0]["parameterSpace"]["taskParameterDefinitions"]
    assert [d["range"] for d in space] == ["1-2100", "1-2100"]
    assert sorted(_frames_of_step(created.steps[0], 1)) == list(range(1, 2101))


@pytest.mark.parametrize(("frames", "chunk"), [("1-6000", 1), ("1-12000x2", 1), ("1-6000", 7)])
def test_three_layers_of_6000_frames_fit_deadline_clouds_template_limit(
    make_plan, tmp_path, frames, chunk
):
    layers = ["MASTER_BG_A", "MASTER_CHAR_A", "masterLayer"]
    plan = make_plan(frame_range=frames, chunk_size=chunk, layers=layers)
    job = describe_job(plan)
    assert job.task_count >= 3 * 6000 // chunk
    submit_job(plan, "openjd", out_dir=tmp_path / "bundle")
    text = (tmp_path / "bundle" / "template.json").read_text(encoding="utf-8")
    assert len(text) < dc.TEMPLATE_MAX_CHARS // 100  # three lists per layer made 1,054,790
    template = json.loads(text)
    created = _job(template, _values(job))
    rendered = [
        frame
        for step in created.steps
        for frame in _frames_of_step(step, _step_by(template, step.name))
    ]
    assert sorted(rendered) == sorted(list(FrameSet.parse(frames)) * 3)


def test_a_job_that_still_does_not_fit_is_refused_before_anything_is_written(
    make_plan, tmp_path, monkeypatch
):
    # Frames no range expression can shorten (no three in arithmetic progression).
    frames = ",".join(str(n * (n + 1) // 2) for n in range(1, 400))
    plan = make_plan(frame_range=frames, chunk_size=1, layers=["MASTER_BG_A", "MASTER_CHAR_A"])
    monkeypatch.setattr(dc, "TEMPLATE_MAX_CHARS", 10_000)
    with pytest.raises(FarmError, match="at most 10,000") as info:
        submit_job(plan, "openjd", out_dir=tmp_path / "never")
    assert "fewer layers" in str(info.value)
    assert not (tmp_path / "never").exists()


def test_odd_names_give_unique_valid_steps_and_braces_pass_as_parameters(make_plan, binary_scene):
    layers = [*ODD_LAYERS, "x" * 70 + "A", "x" * 70 + "B"]
    job = describe_job(make_plan(scene_file=str(binary_scene), layers=layers, frame_range="1-3"))
    template = ojd.build_job_template(job)
    values = _values(job)
    created = _job(template, values)
    names = [step.name for step in created.steps]
    assert len(set(names)) == len(names) and all(len(name) <= 64 for name in names)
    assert names[0] == ODD_LAYERS[0]
    # "-rl rs_a{{b}}c" would be an expression: it travels in a STRING parameter, verbatim.
    brace_step = template["steps"][2]["script"]["actions"]["onRun"]["args"]
    reference = brace_step[brace_step.index("-rl") + 1]
    assert re.fullmatch(r"\{\{Param\.LiteralArg\d+\}\}", reference)
    assert values[reference[8:-2]] == f"rs_{ODD_LAYERS[2]}"


def _run_all_steps(bundle: Path, job) -> None:
    cli = _openjd_cli()
    for names in ojd.step_names(job):
        for name in names:
            proc = subprocess.run(
                ojd.local_run_command(bundle, name, executable=cli),
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.parametrize("odd", [False, True])
def test_openjd_run_renders_every_frame_of_every_layer(
    make_plan, binary_scene, tmp_path, monkeypatch, odd
):
    record = tmp_path / "record.jsonl"
    monkeypatch.setenv("LRC_STANDIN_RECORD", str(record))
    out = tmp_path / "images"
    frames = "1-10x4,20"  # 1, 5, 9, 10, 20: stepped, include-last and a lone frame
    if odd:
        plan = make_plan(
            scene_file=str(binary_scene),
            layers=ODD_LAYERS,
            frame_range=frames,
            chunk_size=2,
            output_dir=str(out),
        )
    else:
        plan = make_plan(
            layers=["MASTER_BG_A", "MASTER_CHAR_A", "masterLayer"],
            frame_range=frames,
            chunk_size=2,
            output_dir=str(out),
        )
    bundle = tmp_path / "bundle"
    # The workers run the Render on this machine (here the stand-in), as installed Maya would.
    options = FarmOptions(worker_render=plan.render_exe.path)
    result = submit_job(plan, "openjd", out_dir=bundle, options=options)
    job = describe_job(plan)
    _run_all_steps(bundle, job)
    expected = list(FrameSet.parse(frames))
    ends = [r for r in _records(record) if r["event"] == "end"]
    assert len(ends) == job.task_count
    for layer in job.layers:
        node_runs = [r for r in ends if r["layers"] == [layer.node]]
        # The layer name reached Render as one argument, untouched by any shell.
        assert all(r["argv"][r["argv"].index("-rl") + 1] == layer.node for r in node_runs)
        images = [Path(p) for r in node_runs for p in r["images"]]
        rendered = sorted(int(re.search(r"\.(\d+)\.exr$", p.name).group(1)) for p in images)
        assert rendered == expected
        for image in images:
            assert image.is_file() and image.stat().st_size > 0
            assert image.is_relative_to(out)
    assert not list(tmp_path.rglob("PWNED*"))
    assert result.files[0].endswith("template.json")


@pytest.mark.slow
def test_fake_deadline_cloud_cli_submits_the_bundle(make_plan, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.json"
    script = bin_dir / "deadline"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(calls)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n"
        "print('Submitting to Queue: Render')\n"
        "print('Job ID: job-0123456789abcdef0123456789abcdef')\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    plan = make_plan(retries=3)
    dry = submit_job(plan, "openjd", out_dir=tmp_path / "dry", dry_run=True)
    assert not dry.submitted and not calls.exists()  # a dry run runs nothing
    result = submit_job(plan, "openjd", out_dir=tmp_path / "bundle")
    assert result.submitted and result.job_id == "job-0123456789abcdef0123456789abcdef"
    argv = json.loads(calls.read_text().splitlines()[0])
    plain = json.loads((tmp_path / "bundle" / "openjd_job_params.json").read_text("utf-8"))
    assert argv == [
        "bundle",
        "submit",
        str(tmp_path / "bundle"),
        "--yes",
        "--max-retries-per-task",
        "3",
        "-p",
        f"SceneFile={plain['SceneFile']}",
        "-p",
        f"OutputDir={plain['OutputDir']}",
    ]
    script.write_text(f"#!{sys.executable}\nimport sys\nprint('not logged in')\nsys.exit(1)\n")
    with pytest.raises(FarmError, match="not logged in"):
        submit_job(plan, "openjd", out_dir=tmp_path / "again")


def test_missing_openjd_model_says_how_to_install(make_plan, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openjd.model", None)
    with pytest.raises(FarmUnavailableError) as info:
        submit_job(make_plan(), "openjd", out_dir=tmp_path / "never")
    assert 'pip install "lrc-toolbox[openjd]"' in str(info.value)
    assert not (tmp_path / "never").exists()
