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

from lrc_toolbox.farm import FarmError, FarmUnavailableError, submit_job
from lrc_toolbox.farm import openjd as ojd
from lrc_toolbox.farm.job_description import describe_job
from lrc_toolbox.utils.frame_parser import FrameSet

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


def _frames_of_step(step) -> list[int]:
    """Every frame a step's tasks render, as openjd iterates its parameter space."""
    frames = []
    for task in model.StepParameterSpaceIterator(space=step.parameterSpace):
        start, end, by = (int(task[name].value) for name in ("Start", "End", "Step"))
        frames += list(range(start, end + 1, by))
    return frames


@pytest.mark.slow
@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 4])
def test_template_validates_and_its_tasks_render_exactly_the_frames(make_plan, frames, chunk):
    job = describe_job(
        make_plan(frame_range=frames, chunk_size=chunk, layers=["MASTER_BG_A", "masterLayer"])
    )
    template = ojd.build_job_template(job)
    values = {v["name"]: v["value"] for v in ojd.build_parameter_values(job)["parameterValues"]}
    created = _job(template, values)
    assert [step.name for step in created.steps] == ["MASTER_BG_A", "masterLayer"]
    for step in created.steps:
        rendered = _frames_of_step(step)
        assert sorted(rendered) == list(FrameSet.parse(frames))
        assert len(rendered) == len(set(rendered))  # no frame rendered twice


@pytest.mark.slow
def test_steps_carry_command_gpu_requirement_os_and_timeouts(make_plan, tmp_path):
    job = describe_job(make_plan(max_task_time_s=90.5, output_dir=str(tmp_path / "img")))
    template = ojd.build_job_template(job, platform="linux")
    step = template["steps"][0]
    action = step["script"]["actions"]["onRun"]
    assert action["command"] == "{{Param.RenderExecutable}}"
    args = action["args"]
    assert args[args.index("-s") + 1] == "{{Task.Param.Start}}"
    assert args[args.index("-e") + 1] == "{{Task.Param.End}}"
    assert args[args.index("-b") + 1] == "{{Task.Param.Step}}"
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
    cpu = ojd.build_job_template(describe_job(make_plan(renderer="sw", gpus=None)))
    assert "amounts" not in cpu["steps"][0]["hostRequirements"]
    assert "timeout" not in cpu["steps"][0]["script"]["actions"]["onRun"]


@pytest.mark.slow
def test_bundle_files_are_a_deadline_cloud_job_bundle(make_plan, tmp_path):
    result = submit_job(make_plan(frame_range="1-5"), "openjd", out_dir=tmp_path / "bundle")
    assert not result.submitted and result.job_id is None
    names = sorted(Path(p).name for p in result.files)
    assert names == ["openjd_job_params.json", "parameter_values.json", "template.json"]
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
    ]
    assert "deadline bundle submit" in result.message and "openjd run" in result.message


@pytest.mark.slow
def test_odd_names_give_unique_valid_steps_and_braces_pass_as_parameters(make_plan, binary_scene):
    layers = [*ODD_LAYERS, "x" * 70 + "A", "x" * 70 + "B"]
    job = describe_job(make_plan(scene_file=str(binary_scene), layers=layers, frame_range="1-3"))
    template = ojd.build_job_template(job)
    values = {v["name"]: v["value"] for v in ojd.build_parameter_values(job)["parameterValues"]}
    created = _job(template, values)
    names = [step.name for step in created.steps]
    assert len(set(names)) == len(names) and all(len(name) <= 64 for name in names)
    assert names[0] == ODD_LAYERS[0]
    # "-rl rs_a{{b}}c" would be an expression: it travels in a STRING parameter, verbatim.
    brace_step = template["steps"][2]["script"]["actions"]["onRun"]["args"]
    reference = brace_step[brace_step.index("-rl") + 1]
    assert re.fullmatch(r"\{\{Param\.LiteralArg\d+\}\}", reference)
    assert values[reference[8:-2]] == f"rs_{ODD_LAYERS[2]}"


@pytest.mark.slow
def test_a_layer_with_more_chunks_than_a_step_holds_is_split(make_plan):
    job = describe_job(make_plan(frame_range="1-2100", chunk_size=1))
    template = ojd.build_job_template(job)
    values = {v["name"]: v["value"] for v in ojd.build_parameter_values(job)["parameterValues"]}
    created = _job(template, values)
    assert [step.name for step in created.steps] == [
        "MASTER_BG_A",
        "MASTER_BG_A #2",
        "MASTER_BG_A #3",
    ]
    frames = [f for step in created.steps for f in _frames_of_step(step)]
    assert sorted(frames) == list(range(1, 2101))


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
    result = submit_job(plan, "openjd", out_dir=bundle)
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
    assert argv == [
        "bundle",
        "submit",
        str(tmp_path / "bundle"),
        "--max-retries-per-task",
        "3",
        "--yes",
    ]
    script.write_text(f"#!{sys.executable}\nimport sys\nprint('not logged in')\nsys.exit(1)\n")
    with pytest.raises(FarmError, match="not logged in"):
        submit_job(plan, "openjd", out_dir=tmp_path / "again")


@pytest.mark.slow
def test_missing_openjd_model_says_how_to_install(make_plan, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openjd.model", None)
    with pytest.raises(FarmUnavailableError) as info:
        submit_job(make_plan(), "openjd", out_dir=tmp_path / "never")
    assert 'pip install "lrc-toolbox[openjd]"' in str(info.value)
    assert not (tmp_path / "never").exists()
