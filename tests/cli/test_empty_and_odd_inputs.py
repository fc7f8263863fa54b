"""Empty means empty; odd paths are refused at once; the job sub-commands check their numbers.

Every case here exits 2 with one line and launches nothing (no process is started: these tests are
not marked slow, so the conftest refuses any process start).
"""

from __future__ import annotations

import io
import os
import socket
import stat
from pathlib import Path

import pytest

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.cli import batch_render_cli
from lrc_toolbox.cli.batch_render_cli import build_parser, config_from_args, join_negative_values
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.plan_inputs import (
    PlanError,
    check_scene_path,
    check_selection,
    render_layer_config,
)
from lrc_toolbox.utils.frame_parser import FrameSet

MISSING_RENDER = "/nonexistent/Render"


@pytest.fixture
def no_launch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse_start(self, plan, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        attempts.append(str(plan.config))
        raise AssertionError("a job was started")

    monkeypatch.setattr(BatchRenderAPI, "_start", refuse_start)
    return attempts


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = batch_render_cli.main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--layers", "", "names no layer"),
        ("--layers", ",", "names no layer"),
        ("--layers", " , ", "names no layer"),
        ("--layer", "", "names no layer"),
        ("--frames", "", "names no frame"),
        ("--frames", "  ", "names no frame"),
        ("--gpus", "", "empty GPU id"),
        ("--gpus", "0,", "empty GPU id"),
        ("--gpu", "", "empty GPU id"),
    ],
)
def test_an_empty_selection_on_the_command_line_is_refused(
    render_env, no_launch, option, value, words
) -> None:
    code, out, err = _run(
        ["--scene", str(SAMPLE_SCENE), option, value, "--render-exe", MISSING_RENDER]
    )
    assert code == 2 and no_launch == []
    assert words in err and err.count("\n") == 1 and out == ""


def test_leaving_the_options_out_keeps_their_defaults() -> None:
    args = build_parser().parse_args(["--scene", "s.ma"])
    config = config_from_args(args)
    assert config.layers == [] and config.frame_range == "" and config.gpus is None


def test_negative_frames_work_as_typed() -> None:
    argv = join_negative_values(["--scene", "s.ma", "--frames", "-5--1", "--step", "1"])
    assert argv == ["--scene", "s.ma", "--frames=-5--1", "--step", "1"]
    config = config_from_args(build_parser().parse_args(argv))
    assert config.frame_range == "-5--1"
    assert list(FrameSet.parse(config.frame_range)) == [-5, -4, -3, -2, -1]
    for typed in ("-10", "-3-2", "-10--5x2", "-1,3"):
        args = build_parser().parse_args(join_negative_values(["--scene", "s", "--frames", typed]))
        assert args.frames == typed
    # An option after --frames is not a frame string: argparse still says a value is missing.
    assert join_negative_values(["--frames", "--json"]) == ["--frames", "--json"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ({"layer": []}, "empty list"),
        ({"layer": None}, "layer is None"),
        ({"layer": ""}, "layer is empty"),
        ({"layer": ["A", " "]}, "empty name"),
        ({"layer": "A", "frames": None}, "frame string"),
        ({"layer": "A", "frames": 5}, "frame string"),
        ({"layer": "A", "gpu_id": []}, "names no GPU"),
        ({"layer": "A", "gpu_id": ""}, "names no GPU"),
        ({"layer": "A", "layers": []}, "empty list"),
        ({"layer": "A", "gpus": []}, "empty list"),
        ({"layer": "A", "frame_range": None}, "frame string"),
        ({"layer": "A", "nope": 1}, "unknown render option"),
    ],
)
def test_an_empty_selection_in_the_api_is_a_plan_error(render_env, no_launch, call, words) -> None:
    api = BatchRenderAPI()
    with pytest.raises(PlanError, match=words):
        api.render_layer(str(SAMPLE_SCENE), **call)
    assert no_launch == []


def test_render_layer_config_keeps_the_defaults_when_options_are_left_out() -> None:
    config = render_layer_config("s.ma", "BG", "", None, {})
    assert config.layers == ["BG"] and config.frame_range == "" and config.gpus is None
    config = render_layer_config("s.ma", ("BG", "FG"), "1-5", [0, "GPU-ab"], {"retries": 1})
    assert config.layers == ["BG", "FG"] and config.gpus == ["0", "GPU-ab"]


def test_check_selection_refuses_wrong_types_and_empty_gpu_lists() -> None:
    check_selection(RenderConfig(scene_file="s.ma"))  # the defaults are fine
    for bad in (
        RenderConfig(scene_file=""),
        RenderConfig(scene_file="s.ma", frame_range=5),  # type: ignore[arg-type]
        RenderConfig(scene_file="s.ma", layers="BG"),  # type: ignore[arg-type]
        RenderConfig(scene_file="s.ma", layers=[""]),
        RenderConfig(scene_file="s.ma", gpus=[]),
        RenderConfig(scene_file="s.ma", layer_frames={"BG": 5}),  # type: ignore[dict-item]
    ):
        with pytest.raises(PlanError):
            check_selection(bad)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_a_socket_or_a_device_as_scene_is_refused_at_once(
    render_env, no_launch, tmp_path
) -> None:
    fifo = tmp_path / "scene.ma"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(sock_path))
    try:
        for path, words in ((fifo, "FIFO"), (sock_path, "socket"), (Path("/dev/null"), "device")):
            with pytest.raises(PlanError, match=words):
                check_scene_path(path)
            # Opening the FIFO would block this test forever: the CLI never opens it.
            code, _, err = _run(["--scene", str(path), "--render-exe", MISSING_RENDER])
            assert code == 2 and words in err and err.count("\n") == 1
            code, _, err = _run(["--scene", str(path), "--list-layers"])
            assert code == 2 and "not a regular file" in err
    finally:
        sock.close()
    assert no_launch == []


def test_history_limit_must_be_positive_and_prune_under_a_day_needs_yes(render_env) -> None:
    code, _, err = _run(["history", "--limit", "-1"])
    assert code == 2 and "at least 1" in err and err.count("\n") == 1
    code, _, err = _run(["history", "--limit", "0"])
    assert code == 2
    code, _, err = _run(["history", "--prune-days", "-3"])
    assert code == 2 and "0 or more" in err
    code, _, err = _run(["history", "--prune-days", "0"])  # stdin is not a terminal here
    assert code == 2 and "--yes" in err and err.count("\n") == 1
    code, _, err = _run(["history", "--prune-days", "0", "--yes"])
    assert code == 0, err
    assert "removed 0 job(s)" in err
    code, _, err = _run(["history", "--prune-days", "30"])
    assert code == 0, err
