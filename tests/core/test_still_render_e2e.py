"""End to end through the Render STAND-IN: a still renders like Maya's own still.

A scene whose animation is off, rendered without frames: one launch without ``-s/-e``, one image
named without a frame number, verified only when it is fresh; with ``--frames N``: ``-s N -e N``
and a numbered image. A stored still retries as a still, and a still written before its
manager died counts when the job is resumed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lrc_test_support import ROOT
from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.verification import STALE_IMAGE_SLACK_S

pytestmark = pytest.mark.slow

SCENE = """//Maya ASCII 2024 scene
requires maya "2024";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
select -ne :time1;
	setAttr ".o" 537;
	setAttr ".unw" 537;
select -ne :defaultRenderGlobals;
	setAttr ".imfkey" -type "string" "exr";
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
"""  # noqa: E101 - Maya continuation lines start with tabs

WAIT_S = 60.0


def _records(path: str) -> list[dict]:
    file = Path(path)
    lines = file.read_text().splitlines() if file.exists() else []
    return [json.loads(line) for line in lines if line.strip()]


def _run(api: BatchRenderAPI, config: RenderConfig, templates: dict | None = None):
    job = api.submit(config, image_templates=templates)
    assert job.wait(WAIT_S)
    assert job.result is not None
    return job


def _images(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def test_a_still_is_rendered_unnumbered_and_frames_given_are_numbered(
    standin_exe: str, render_env: dict[str, str], tmp_path: Path
) -> None:
    scene = tmp_path / "cube.ma"
    scene.write_text(SCENE)
    out = tmp_path / "images"
    api = BatchRenderAPI()
    config = RenderConfig(
        scene_file=str(scene), renderer="sw", render_exe=standin_exe, output_dir=str(out)
    )
    job = _run(api, config)
    assert job.result.ok, job.result
    assert job.result.done == {"masterLayer": [537]}
    assert _images(out) == ["masterLayer/cube.exr"]
    start, _end = _records(render_env["LRC_STANDIN_RECORD"])
    assert start["still"] and not {"-s", "-e", "-b"} & set(start["argv"])
    with JobStore() as store:
        (frame,) = store.get_frames(job.job_id)
        assert frame.output_path == str(out / "masterLayer" / "cube.exr")
        stored = store.get_job(job.job_id)
        assert stored is not None and stored.config["still_layers"] == ["masterLayer"]

    # --frames 537: the user asked for an animation of one frame; Maya numbers it.
    numbered = _run(api, RenderConfig(**{**config.__dict__, "frame_range": "537"}))
    assert numbered.result.ok
    assert _images(out) == ["masterLayer/cube.0537.exr", "masterLayer/cube.exr"]
    argv = _records(render_env["LRC_STANDIN_RECORD"])[-1]["argv"]
    assert argv[argv.index("-s") : argv.index("-s") + 4] == ["-s", "537", "-e", "537"]


def test_an_old_still_image_does_not_count_and_a_retry_renders_the_still_again(
    standin_exe: str,
    render_env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scene = tmp_path / "cube.ma"
    scene.write_text(SCENE)
    out = tmp_path / "images"
    old = out / "masterLayer" / "cube.exr"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an earlier render's still")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    # The render writes nothing for its frame: the old still image of the same name remains,
    # exactly where the naming (here given, as Maya gives it) says the still goes.
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "skip=537")
    api = BatchRenderAPI()
    job = _run(
        api,
        RenderConfig(
            scene_file=str(scene),
            renderer="sw",
            render_exe=standin_exe,
            output_dir=str(out),
            retries=0,
        ),
        {"masterLayer": [str(old)]},
    )
    assert not job.result.ok and job.result.failed == {"masterLayer": [537]}
    assert old.read_bytes() == b"an earlier render's still"

    monkeypatch.delenv("LRC_STANDIN_FAULTS")
    retry = api.retry(job.job_id)
    assert retry.wait(WAIT_S) and retry.result is not None and retry.result.ok
    last = _records(render_env["LRC_STANDIN_RECORD"])[-1]
    assert last["still"] and "-s" not in last["argv"]
    assert _images(out) == ["masterLayer/cube.exr"]
    assert old.read_bytes() != b"an earlier render's still"


def test_a_still_written_before_its_manager_died_counts_at_resume(
    standin_exe: str, render_env: dict[str, str], tmp_path: Path
) -> None:
    """The image of a re-attached still is fresh from its render's own launch, not the resume."""
    scene = tmp_path / "cube.ma"
    scene.write_text(SCENE)
    out = tmp_path / "images"
    cli = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]
    args = ["--scene", str(scene), "--renderer", "sw", "--render-exe", standin_exe]
    env = dict(os.environ, LRC_STANDIN_FRAME_S="1.0")
    manager = subprocess.Popen(
        [*cli, *args, "--output-dir", str(out), "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert manager.stdout is not None
    job_id = ""
    for line in manager.stdout:
        event = json.loads(line)
        job_id = event.get("job_id", job_id)
        if event["event"] == "task_started":
            break
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    manager.stdout.close()
    image = out / "masterLayer" / "cube.exr"
    deadline = time.monotonic() + WAIT_S
    while not any(r["event"] == "end" for r in _records(render_env["LRC_STANDIN_RECORD"])):
        assert time.monotonic() < deadline, "the render never ended"
        time.sleep(0.05)
    assert image.is_file()
    time.sleep(STALE_IMAGE_SLACK_S + 1.0)  # the resume comes well after the image was written
    api = BatchRenderAPI()
    resumed = api.resume(job_id)
    assert resumed.wait(WAIT_S) and resumed.result is not None
    assert resumed.result.ok, resumed.result
    ends = [r for r in _records(render_env["LRC_STANDIN_RECORD"]) if r["event"] == "end"]
    assert len(ends) == 1 and ends[0]["images"] == [str(image)]  # rendered once, not again
