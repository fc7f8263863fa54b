"""Exported bundles submitted with AWS's real ``deadline`` client, offline (deadline_cloud_fake).

The farm is set up the way that cancelled submissions before: the queue uses job attachments, the
storage profile's LOCAL location is elsewhere, and the scene, its texture, its reference and the
image folder are all outside every known path. The client must accept ``--submit openjd``'s
command as it is (with ``--yes``), attach the scene's dependencies, send ``CondaPackages`` to the
queue's conda environment, and take a 3 layers x 6,000 frames template.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import deadline_cloud_fake as fake_farm
import farm_fixtures
import pytest

from lrc_toolbox.farm import FarmOptions, submit_job
from lrc_toolbox.farm import openjd as ojd
from lrc_toolbox.farm.job_description import describe_job

make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture

fake_farm.client_or_skip()
# The client's UI helpers call locale.getdefaultlocale() (deprecated in Python 3.11+).
pytestmark = pytest.mark.filterwarnings("ignore:.*getdefaultlocale:DeprecationWarning")
pytest.importorskip("openjd.model", reason="openjd-model is not installed (extra openjd)")

AWS_SCENES = farm_fixtures.ROOT / "tests" / "data" / "maya_scenes" / "deadline_cloud_for_maya"
CONDA_QUEUE_ENV = farm_fixtures.ROOT / "tests" / "data" / "deadline_cloud"
CONDA_QUEUE_ENV = CONDA_QUEUE_ENV / "conda_queue_env_console_equivalent.yaml"


@pytest.fixture(name="shot")
def shot_fixture(tmp_path: Path) -> Path:
    """AWS's cube scene with its texture and reference, in a folder no profile knows."""
    folder = tmp_path / "work" / "shot010"
    folder.mkdir(parents=True)
    (folder / "cube.ma").write_bytes((AWS_SCENES / "cube" / "cube.ma").read_bytes())
    (folder / "deadline_logo_48x48.png").write_bytes(b"\x89PNG texture")
    (folder / "scene_file_to_reference.mb").write_bytes(b"FOR4 reference")
    return folder / "cube.ma"


def _bundle(plan, folder: Path, options: FarmOptions | None = None) -> list[str]:
    """Write the bundle; return the exact argv ``submit()`` runs (without the program)."""
    job = describe_job(plan)
    bundle = ojd.build_bundle(job, options=options)
    folder.mkdir(parents=True)
    ojd.write_job_bundle(job, folder, bundle=bundle)
    return ojd.submit_command(folder, job, bundle, auto_accept=True)[1:]


def _install(monkeypatch, tmp_path, **farm) -> fake_farm.FakeDeadlineCloud:
    cloud = fake_farm.FakeDeadlineCloud(**farm)
    cloud.install(monkeypatch, tmp_path / "client_home")
    return cloud


def test_yes_submits_with_attachments_and_a_scene_outside_known_paths(
    make_plan, shot, tmp_path, monkeypatch, capsys
):
    plan = make_plan(scene_file=str(shot), layers=["masterLayer"], renderer="sw", gpus=None)
    argv = _bundle(plan, tmp_path / "bundle")
    cloud = _install(monkeypatch, tmp_path, local_roots=["/mnt/projects"])
    assert fake_farm.run_cli(argv) == 0, capsys.readouterr().out
    request = cloud.create_job
    assert request is not None, cloud.calls
    job = describe_job(plan)
    assert request["parameters"]["SceneFile"] == {"path": str(shot)}
    assert request["parameters"]["OutputDir"] == {"path": job.output_dir}
    assert request["maxRetriesPerTask"] == 2
    (manifest,) = request["attachments"]["manifests"]
    assert manifest["rootPath"] == str(shot.parent)
    assert manifest["outputRelativeDirectories"] == ["images"]
    uploaded = " ".join(key for _bucket, key in cloud.uploads)
    assert "Manifests" in uploaded and "Data" in uploaded
    # Three input files were hashed and uploaded: scene, texture, reference.
    data = [key for _bucket, key in cloud.uploads if "/Data/" in key]
    assert len(data) == 3


def test_the_old_command_is_cancelled_by_the_same_client(
    make_plan, shot, tmp_path, monkeypatch, capsys
):
    """Control: without -p and --known-asset-path, `--yes` cancels (the defect this fixes)."""
    plan = make_plan(scene_file=str(shot), layers=["masterLayer"], renderer="sw", gpus=None)
    argv = _bundle(plan, tmp_path / "bundle")
    old = argv[: argv.index("--max-retries-per-task") + 2]
    cloud = _install(monkeypatch, tmp_path, local_roots=["/mnt/projects"])
    assert fake_farm.run_cli(old) == 1
    assert "canceled" in capsys.readouterr().out.lower()
    assert cloud.create_job is None and "deadline.CreateJob" not in cloud.calls


@pytest.mark.parametrize("with_conda_env", [True, False])
def test_conda_packages_reach_the_queue_environment(
    make_plan, shot, tmp_path, monkeypatch, capsys, with_conda_env
):
    plan = make_plan(scene_file=str(shot), layers=["masterLayer"], renderer="arnold")
    argv = _bundle(plan, tmp_path / "bundle")
    envs = [CONDA_QUEUE_ENV.read_text(encoding="utf-8")] if with_conda_env else []
    cloud = _install(
        monkeypatch, tmp_path, shared_roots=[str(shot.parent)], queue_environments=envs
    )
    assert fake_farm.run_cli(argv) == 0, capsys.readouterr().out
    assert cloud.create_job["parameters"]["CondaPackages"] == {
        "string": "maya=2023.* maya-openjd maya-mtoa"
    }
    # A SHARED location is on the farm's file system: nothing is uploaded from it.
    assert "attachments" not in cloud.create_job


def test_three_layers_of_6000_frames_pass_the_services_limits(
    make_plan, tmp_path, monkeypatch, capsys
):
    layers = ["MASTER_BG_A", "MASTER_CHAR_A", "masterLayer"]
    plan = make_plan(layers=layers, frame_range="1-6000", chunk_size=1)
    argv = _bundle(plan, tmp_path / "bundle")
    cloud = _install(monkeypatch, tmp_path, attachments=False)
    assert fake_farm.run_cli(argv) == 0, capsys.readouterr().out
    assert len(cloud.create_job["template"]) < 100_000


def test_the_fake_enforces_the_template_limit_as_the_service_does(tmp_path, monkeypatch, capsys):
    """The check above means something: an oversize template is refused by this fake."""
    bundle = tmp_path / "big"
    bundle.mkdir()
    template = {
        "specificationVersion": "jobtemplate-2023-09",
        "name": "big",
        "description": "x" * 1000,
        "steps": [
            {
                "name": f"s{i}",
                "description": "y" * 2000,
                "script": {"actions": {"onRun": {"command": "echo"}}},
            }
            for i in range(500)
        ],
    }
    (bundle / "template.json").write_text(json.dumps(template), encoding="utf-8")
    cloud = _install(monkeypatch, tmp_path, attachments=False)
    assert fake_farm.run_cli(["bundle", "submit", str(bundle), "--yes"]) != 0
    assert "max 1000000" in capsys.readouterr().out
    assert cloud.create_job is None


@pytest.mark.slow
def test_submit_job_runs_the_real_client_and_reports_its_job_id(
    make_plan, shot, tmp_path, monkeypatch
):
    record = tmp_path / "record.json"
    fake_farm.write_cli_script(
        tmp_path / "bin",
        {
            "local_roots": ["/mnt/projects"],
            "queue_environments": [CONDA_QUEUE_ENV.read_text(encoding="utf-8")],
            "home": str(tmp_path / "client_home"),
            "record": str(record),
        },
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    plan = make_plan(scene_file=str(shot), layers=["masterLayer"], renderer="redshift")
    result = submit_job(plan, "openjd", out_dir=tmp_path / "bundle")
    assert result.submitted and result.job_id == fake_farm.JOB_ID, result.message
    received = json.loads(record.read_text(encoding="utf-8"))
    assert "--yes" in received["argv"]
    request = received["create_job"]
    assert request["parameters"]["CondaPackages"] == {
        "string": "maya=2023.* maya-openjd maya-redshift"
    }
    template = json.loads(request["template"])
    step = template["steps"][0]
    assert step["hostRequirements"]["amounts"] == [{"name": "amount.worker.gpu", "min": 1}]
    assert step["script"]["actions"]["onRun"]["command"] == "{{Param.RenderExecutable}}"
