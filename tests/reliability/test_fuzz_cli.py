"""Fuzzing ``lrc-batch-render``'s argument handling in-process: random argv lists.

Every argv list built from the real options (with valid, odd and hostile values), job
sub-commands and junk must give back an exit code, 0 (help, version, a layer listing, a dry run,
a job listing) or 2 (refused, with one clear line on stderr and no traceback), and must never
launch a render or submit to a farm: the boundaries that would (starting a job, running a farm's
submission tool) are replaced by recorders, and ``--render-exe`` names a file that does not exist.
Exit code 1 (frames failed) needs a job that ran, which this test never lets happen.
"""

from __future__ import annotations

import io
import math
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import SAMPLE_SCENE, fuzz_derandomize, fuzz_examples

from lrc_toolbox.cli import batch_render_cli
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.planner import PlanError

MISSING_RENDER = "/nonexistent/lrc-fuzz/Render"

SETTINGS = settings(
    max_examples=fuzz_examples(250),
    deadline=None,
    database=None,
    derandomize=fuzz_derandomize(),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

junk = st.text(max_size=12)
hostile = st.sampled_from(
    [
        'x"; system("rm -rf ~"); "',
        "$(touch PWNED)",
        "../../etc",
        "a\nb",
        "ü",
        "",
        " ",
        "-",
        "--",
        "-preRender",
        "nan",
        "inf",
        "-inf",
        "1e999",
        "100000000",
        "-1",
        "0",
        "1",
        "2",
        "all",
        "auto",
        "0,1",
        ",",
        "1-4",
        "1-100x5",
        "10-1",
        "GPU-8932f937",
        "MIG-GPU-1/0/0",
    ]
)
value = st.one_of(hostile, junk)

OPTIONS_WITH_VALUES = [
    "--layer",
    "--layers",
    "--frames",
    "--step",
    "--renderer",
    "--gpu",
    "--gpus",
    "--gpu-count",
    "--reserve-gpus",
    "--renders-per-gpu",
    "--cpu-threads",
    "--mode",
    "--chunk-size",
    "--output-dir",
    "--project",
    "--retries",
    "--hang-timeout",
    "--start-timeout",
    "--max-task-time",
    "--submit",
    "--farm-out",
]
FLAGS = [
    "--skip-existing",
    "--keep-temp",
    "--json",
    "--dry-run",
    "--list-layers",
    "--notify",
    "--help",
    "--version",
]
JOB_COMMANDS = ["status", "history", "cancel", "retry", "resume"]


@st.composite
def argv_lists(draw: st.DrawFn) -> list[str]:
    """An argv list: maybe a job sub-command, a scene, then options, flags and junk in any order."""
    argv: list[str] = []
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(JOB_COMMANDS)))
        argv += draw(
            st.lists(
                st.one_of(value, st.sampled_from(["--json", "--limit", "--store", "--prune-days"])),
                max_size=4,
            )
        )
        return argv
    scenes = [str(SAMPLE_SCENE), "/nonexistent/shot.ma", str(SAMPLE_SCENE.parent), "shot.mb"]
    if draw(st.booleans()):
        argv += ["--scene", draw(st.one_of(st.sampled_from(scenes), value))]
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 3))
        if kind <= 1:
            argv += [draw(st.sampled_from(OPTIONS_WITH_VALUES)), draw(value)]
        elif kind == 2:
            argv.append(draw(st.sampled_from(FLAGS)))
        else:
            argv.append(draw(value))
    return argv


@pytest.fixture()
def no_launch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the two doors to the outside world with recorders that refuse to open."""
    attempts: list[str] = []

    def refuse_start(self, plan, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        attempts.append(f"job start: {plan.config}")
        raise PlanError("fuzz test: starting a job is not allowed here")

    def refuse_submit(command, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        attempts.append(f"farm submission: {command}")
        raise AssertionError("fuzz test: a farm submission ran")

    monkeypatch.setattr(BatchRenderAPI, "_start", refuse_start)
    monkeypatch.setattr("lrc_toolbox.farm.submission.run_submit_command", refuse_submit)
    monkeypatch.setenv("MAYA_LOCATION", "/nonexistent/maya")
    return attempts


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = batch_render_cli.main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@SETTINGS
@given(argv=argv_lists())
@example(argv=["--scene", str(SAMPLE_SCENE), "--renders-per-gpu", "100000000", "--gpus", "0"])
@example(argv=["--scene", str(SAMPLE_SCENE), "--hang-timeout", "nan", "--gpus", "0"])
@example(argv=["--scene", str(SAMPLE_SCENE), "--layer", 'x"; y', "--dry-run"])
@example(argv=["status", "../../etc"])
@example(argv=["--scene", str(SAMPLE_SCENE), "--list-layers", "--json"])
def test_any_argv_returns_0_or_2_with_a_clear_message_and_launches_nothing(
    argv: list[str], render_env, no_launch, clean_sigterm
) -> None:
    code, out, err = _run([*argv, "--render-exe", MISSING_RENDER])
    assert no_launch == [], no_launch
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:
        # One line that says it is an error (control characters in the input are escaped).
        assert re.match(r"lrc-batch-render( \w+)?: error: ", err) and err.endswith("\n"), err
        assert err.count("\n") == 1, err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--renders-per-gpu", "100000000", "at most"),  # was: 2 GB of slots, then a hang
        ("--hang-timeout", "nan", "positive number"),  # was: accepted, the watchdog never fired
        ("--start-timeout", "nan", "positive number"),
        ("--max-task-time", "nan", "positive number"),
    ],
)
def test_regressions_found_by_the_fuzzer(
    render_env, no_launch, clean_sigterm, option, value, message
) -> None:
    code, _out, err = _run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--gpus",
            "0",
            option,
            value,
            "--render-exe",
            MISSING_RENDER,
            "--dry-run",
        ]
    )
    assert code == 2 and message in err, err


@pytest.mark.slow
def test_infinite_timeouts_mean_no_limit_and_are_accepted(
    render_env, standin_exe, no_launch, clean_sigterm
) -> None:
    code, _out, err = _run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--gpus",
            "0",
            "--hang-timeout",
            "inf",
            "--render-exe",
            standin_exe,
            "--dry-run",
            "--json",
        ]
    )
    assert code == 0, err
    from lrc_toolbox.api import RenderConfig

    plan = BatchRenderAPI().plan(
        RenderConfig(
            scene_file=str(SAMPLE_SCENE),
            gpus=["0"],
            render_exe=standin_exe,
            hang_timeout_s=math.inf,
        )
    )
    assert math.isinf(plan.config.hang_timeout_s)


def test_argparse_errors_escape_control_characters(render_env, no_launch, clean_sigterm) -> None:
    code, _out, err = _run(["--scene", str(SAMPLE_SCENE), "bad\nline\x1b[2J"])
    assert code == 2
    assert err.count("\n") == 1 and "\x1b" not in err, repr(err)
