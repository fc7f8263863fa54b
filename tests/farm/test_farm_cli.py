"""``lrc-batch-render --submit ENGINE``: the CLI front of the farm exporters."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import farm_fixtures
import pytest
from farm_fixtures import SAMPLE_SCENE

from lrc_toolbox.cli.batch_render_cli import main
from lrc_toolbox.farm import FARM_ENGINES

# The shared fixtures (pytest finds them by their names: standin...).
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture
standin_fixture = farm_fixtures.standin_fixture


def _cli(args: list[str], standin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    base = [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        "MASTER_BG_A,MASTER_FX_A",
        "--frames",
        "1-20x5",
        "--renderer",
        "redshift",
        "--gpus",
        "0",
        "--render-exe",
        standin,
        "--chunk-size",
        "2",
    ]
    code = main([*base, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("engine", FARM_ENGINES)
def test_dry_run_json_describes_what_would_be_submitted(standin, tmp_path, engine):
    pytest.importorskip(
        {"openjd": "openjd.model", "opencue": "outline", "deadline": "json"}[engine]
    )
    folder = tmp_path / "farm"
    code, out, err = _cli(
        ["--submit", engine, "--dry-run", "--json", "--farm-out", str(folder)], standin
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["engine"] == engine and result["dry_run"] is True
    assert result["submitted"] is False and result["job_id"] is None
    assert result["files"] and all(Path(p).is_file() for p in result["files"])
    assert all(Path(p).is_relative_to(folder) for p in result["files"])
    assert "would" in result["message"].lower()


@pytest.mark.slow
def test_human_output_lists_files_and_the_command_to_submit(standin, tmp_path):
    code, out, err = _cli(["--submit", "deadline", "--farm-out", str(tmp_path / "dl")], standin)
    assert code == 0, err
    assert "deadlinecommand -SubmitMultipleJobs" in out
    # Per layer: the stepped frames 1-16x5 (CommandLine) and the last frame 20 (MayaCmd).
    assert out.count("  wrote ") == 8 and "4 job(s) (2 MayaCmd, 2 CommandLine)" in out
    assert "note: Deadline has no start or 'no output' timeout" in out


@pytest.mark.slow
def test_missing_library_exits_2_with_the_install_hint(standin, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "outline", None)
    code, out, err = _cli(["--submit", "opencue", "--farm-out", str(tmp_path / "x")], standin)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and 'pip install "lrc-toolbox[opencue]"' in err


@pytest.mark.slow
def test_opencue_without_a_cuebot_exits_2_and_says_why(standin, tmp_path):
    pytest.importorskip("outline")
    code, _out, err = _cli(["--submit", "opencue", "--farm-out", str(tmp_path / "x")], standin)
    assert code == 2
    assert "no OpenCue Cuebot is configured" in err and "CUEBOT_HOSTS" in err


def test_bad_input_is_still_one_line_and_unknown_engine_is_refused(standin, tmp_path):
    code, _out, err = _cli(["--submit", "deadline", "--frames", "10-1"], standin)
    assert code == 2 and "reversed range" in err and err.count("\n") == 1
    code, _out, err = _cli(["--submit", "tractor"], standin)
    assert code == 2 and "invalid choice" in err
    assert not (tmp_path / "data" / "farm").exists()


def test_help_lists_the_farm_options(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "--submit {openjd,opencue,deadline}" in text and "--farm-out DIR" in text


@pytest.mark.parametrize("engine", FARM_ENGINES)
def test_a_gpu_job_exports_on_a_machine_without_a_gpu(standin, tmp_path, monkeypatch, engine):
    pytest.importorskip(
        {"openjd": "openjd.model", "opencue": "outline", "deadline": "json"}[engine]
    )
    from lrc_toolbox.core.system_detector import SystemDetector

    def no_gpu_here(self, **kwargs):
        raise AssertionError("a farm export must not depend on this machine's GPUs")

    monkeypatch.setattr(SystemDetector, "get_available_resources", no_gpu_here)
    out, err = io.StringIO(), io.StringIO()
    args = ["--scene", str(SAMPLE_SCENE), "--layers", "MASTER_BG_A", "--frames", "1-10"]
    args += ["--renderer", "redshift", "--render-exe", standin, "--submit", engine]
    args += ["--dry-run", "--json", "--farm-out", str(tmp_path / "farm")]
    code = main(args, out=out, err=err)
    assert code == 0, err.getvalue()
    text = "".join(Path(p).read_text(encoding="utf-8") for p in json.loads(out.getvalue())["files"])
    assert "-gpu" in text or "GPUsPerTask" in text  # Redshift still gets its GPU on the farm


def test_farm_options_reach_each_engine(standin, tmp_path, monkeypatch):
    pytest.importorskip("outline")
    pytest.importorskip("openjd.model")
    monkeypatch.delenv("SHOW", raising=False)
    code, out, err = _cli(
        ["--submit", "opencue", "--dry-run", "--json", "--farm-out", str(tmp_path / "cue")]
        + ["--show", "nemo", "--shot", "sh010", "--cue-spec-version", "1.13"]
        + ["--farm-job-name", "sh010_lighting_v3", "--farm-render", "/opt/maya/bin/Render"],
        standin,
    )
    assert code == 0, err
    spec = Path(json.loads(out)["files"][0]).read_text(encoding="utf-8")
    assert "cjsl-1.13.dtd" in spec and "<show>nemo</show>" in spec and "<shot>sh010</shot>" in spec
    assert 'name="sh010_lighting_v3"' in spec and "exec /opt/maya/bin/Render " in spec
    code, out, err = _cli(
        ["--submit", "openjd", "--dry-run", "--json", "--farm-out", str(tmp_path / "ojd")]
        + ["--conda-packages", "maya=2024.* maya-redshift=3.5"],
        standin,
    )
    assert code == 0, err
    values = json.loads((tmp_path / "ojd" / "openjd_job_params.json").read_text("utf-8"))
    assert values["CondaPackages"] == "maya=2024.* maya-redshift=3.5"
    code, out, err = _cli(
        ["--submit", "deadline", "--dry-run", "--json", "--farm-out", str(tmp_path / "dl")]
        + ["--concurrent-tasks", "2"],
        standin,
    )
    assert code == 0, err
    infos = [Path(p).read_text(encoding="utf-8") for p in json.loads(out)["files"]]
    mayacmd = [text for text in infos if "Plugin=MayaCmd\n" in text]
    assert mayacmd and all("ConcurrentTasks=2\n" in text for text in mayacmd)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--concurrent-tasks", "0"], "concurrent tasks"),
        (["--show", "a b"], "show"),
        (["--farm-job-name", "x"], "job name"),
    ],
)
def test_bad_farm_options_are_one_line(standin, tmp_path, extra, message):
    code, out, err = _cli(
        ["--submit", "deadline", "--farm-out", str(tmp_path / "x"), *extra], standin
    )
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("engine", FARM_ENGINES)
def test_a_job_exports_on_a_machine_without_maya(tmp_path, monkeypatch, engine):
    pytest.importorskip(
        {"openjd": "openjd.model", "opencue": "outline", "deadline": "json"}[engine]
    )
    # No Render anywhere here: no MAYA_LOCATION, nothing on PATH, no install folder.
    monkeypatch.delenv("MAYA_LOCATION", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(
        "lrc_toolbox.core.render_executable._install_candidates", lambda *a, **k: []
    )
    out, err = io.StringIO(), io.StringIO()
    args = ["--scene", str(SAMPLE_SCENE), "--layers", "MASTER_BG_A", "--frames", "1-10"]
    args += ["--submit", engine, "--dry-run", "--json", "--farm-out", str(tmp_path / "farm")]
    assert main(args, out=out, err=err) == 0, err.getvalue()
    result = json.loads(out.getvalue())
    assert any("workers run 'Render' from their own PATH" in note for note in result["notes"])
    # Rendering here still needs a Render: only the farm may go without one.
    code = main(args[:6] + ["--dry-run"], out=io.StringIO(), err=(local := io.StringIO()))
    assert code == 2 and "Render executable was not found" in local.getvalue()
