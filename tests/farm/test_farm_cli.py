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


def test_human_output_lists_files_and_the_command_to_submit(standin, tmp_path):
    code, out, err = _cli(["--submit", "deadline", "--farm-out", str(tmp_path / "dl")], standin)
    assert code == 0, err
    assert "deadlinecommand -SubmitMultipleJobs" in out
    assert out.count("  wrote ") == 4
    assert "note: Deadline has no 'no output' timeout" in out


def test_missing_library_exits_2_with_the_install_hint(standin, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "outline", None)
    code, out, err = _cli(["--submit", "opencue", "--farm-out", str(tmp_path / "x")], standin)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and 'pip install "lrc-toolbox[opencue]"' in err


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
