"""Nothing lost, ever (issue 12), black-box on the real CLI, API and controller with the stand-in.

* Images land where the plan says, outside anything the engine deletes: a scene outside any Maya
  project renders into Maya's default project's images folder (as Maya does), a scene inside one
  into its ``images`` rule; every image reported done exists, non-empty, in that folder; nothing
  is left under the temp folder. The scenes reference a file beside themselves (``"ref.ma"``) and
  a texture by a relative path: the stand-in, like Maya, fails a reference it cannot find from
  the snapshot, so these runs also prove that the snapshot resolves what the original resolves.
* SIGHUP stops like SIGTERM (129); a closed stdout ends the output, not the job; two managers
  never run one job; a script that exits without waiting leaves no job "running".
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import asdict
from pathlib import Path

import pytest
from reliability_support import (
    CLI,
    assert_no_render_left,
    of_kind,
    parse_events,
    read_events_until,
    run_cli,
    start_cli,
    summary,
    worker_frames,
)

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import JobState, RenderConfig
from lrc_toolbox.core.scene_source import FileSceneSource
from lrc_toolbox.standin.render_standin import read_standin_image
from lrc_toolbox.ui.control.engine_controller import EngineController

pytestmark = pytest.mark.slow

#: How many times the double-resume race is run (each round: two managers started at once).
RACE_ROUNDS = 8
JOB_TIMEOUT_S = 120.0


# -- scenes ---------------------------------------------------------------------------------------
def _scene_with_relative_files(folder: Path, texture: str) -> Path:
    """The sample scene, plus a reference to ``ref.ma`` beside it and a relative texture."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ref.ma").write_text('//Maya ASCII 2024 scene\nrequires maya "2024";\n')
    head, rest = SAMPLE_SCENE.read_text().split("currentUnit", 1)
    reference = (
        'file -rdi 1 -ns "ref" -rfn "refRN" -typ "mayaAscii" "ref.ma";\n'
        'file -r -ns "ref" -dr 1 -rfn "refRN" -typ "mayaAscii" "ref.ma";\n'
    )
    node = f'createNode file -n "wood";\n\tsetAttr ".ftn" -type "string" "{texture}";\n'
    scene = folder / "shot001.ma"
    scene.write_text(head + reference + "currentUnit" + rest + node)
    return scene


def outside_project(tmp_path: Path) -> tuple[Path, Path]:
    """(scene in no project, where Maya puts its images: the default project's images)."""
    scene = _scene_with_relative_files(tmp_path / "loose", "textures/wood.png")
    (scene.parent / "textures").mkdir()
    (scene.parent / "textures" / "wood.png").write_bytes(b"png")
    return scene, tmp_path / "maya" / "projects" / "default" / "images"


def inside_project(tmp_path: Path) -> tuple[Path, Path]:
    """(scene in a project's scenes/ folder, the project's images rule)."""
    project = tmp_path / "proj"
    (project / "sourceimages").mkdir(parents=True)
    (project / "sourceimages" / "wood.png").write_bytes(b"png")
    (project / "workspace.mel").write_text(
        'workspace -fr "images" "renders/beauty";\nworkspace -fr "scene" "scenes";\n'
    )
    scene = _scene_with_relative_files(project / "scenes", "sourceimages/wood.png")
    return scene, project.resolve() / "renders" / "beauty"


SCENES = {"outside_project": outside_project, "inside_project": inside_project}


def assert_images_in(folder: Path, paths: list[str], temp_root: str) -> None:
    """Every image is a non-empty stand-in image in ``folder`` that found every scene file."""
    assert paths
    for path in paths:
        image = Path(path)
        assert folder in image.parents, (image, folder)
        assert image.is_file() and image.stat().st_size > 0, image
        info = read_standin_image(image)
        assert info is not None and info["missing_files"] == [], info
    leftovers = [p for p in Path(temp_root).rglob("*") if p.is_file()]
    assert leftovers == [], leftovers


# -- where images go: CLI spec form, API, the dialog's defaults ------------------------------------
@pytest.mark.parametrize("where", sorted(SCENES))
def test_cli_spec_form_images_land_in_the_folder_the_plan_named(
    where, standin_exe, render_env, tmp_path
) -> None:
    scene, expected = SCENES[where](tmp_path)
    spec_form = ["--scene", str(scene), "--layer", "MASTER_BG_A", "--frames", "1-3", "--gpu", "0"]
    common = ["--renderer", "redshift", "--render-exe", standin_exe]
    planned = json.loads(
        subprocess.check_output([*CLI, *spec_form, *common, "--dry-run", "--json"], cwd=ROOT)
    )
    assert planned["output_dir"] == str(expected)
    for task in planned["tasks"]:
        argv = task["argv"]
        assert argv[argv.index("-rd") + 1] == str(expected)
    code, events, err = run_cli([*spec_form, *common, "--json"])
    assert code == 0, err
    assert of_kind(events, "job_started")[0]["output_dir"] == str(expected)
    done = [e["output"] for e in of_kind(events, "frame_done")]
    assert len(done) == 3 and summary(events)["ok"] is True
    assert_images_in(expected, done, render_env["TMPDIR"])
    if where == "outside_project":
        assert not (scene.parent / "images").exists()  # never beside the scene
    status = subprocess.run(
        [*CLI, "status", "--json"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(status.stdout)["output_dir"] == str(expected)  # the history names it


@pytest.mark.parametrize("where", sorted(SCENES))
def test_api_without_an_output_folder_renders_where_the_plan_says(
    where, standin_exe, render_env, tmp_path
) -> None:
    scene, expected = SCENES[where](tmp_path)
    api = BatchRenderAPI()
    handle = api.render_layer(
        str(scene), "MASTER_BG_A", "1-3", gpu_id=0, renderer="redshift", render_exe=standin_exe
    )
    assert handle.plan.output_dir == str(expected)
    assert handle.wait(JOB_TIMEOUT_S)
    assert handle.result is not None and handle.result.ok, handle.result
    with JobStore() as store:
        paths = [f.output_path or "" for f in store.get_frames(handle.job_id)]
    assert len(paths) == 3
    assert_images_in(expected, paths, render_env["TMPDIR"])


@pytest.mark.parametrize("where", sorted(SCENES))
def test_the_dialogs_default_output_folder_renders_where_it_showed(
    where, standin_exe, render_env, tmp_path
) -> None:
    scene, expected = SCENES[where](tmp_path)
    controller = EngineController(BatchRenderAPI(), FileSceneSource(scene), render_exe=standin_exe)
    shown = controller.describe_scene().output_folder  # the read-only line before Start
    assert shown.startswith(str(expected)), shown
    config = RenderConfig(  # the dialog's values with Output Folder left at its default
        scene_file=str(scene), layers=["MASTER_BG_A"], frame_range="1-3", gpus=["0"]
    )
    started = controller.start(config, controller.prepare(config))
    assert controller.wait(JOB_TIMEOUT_S)
    stored = controller.job_details(started.job_id)
    assert stored.output_folder == str(expected)
    with JobStore() as store:
        frames = store.get_frames(started.job_id)
    assert len(frames) == 3
    assert_images_in(expected, [f.output_path or "" for f in frames], render_env["TMPDIR"])


def test_a_snapshot_that_lost_its_reference_would_fail_loudly(standin_exe, render_env, tmp_path):
    """The control: the same job from a copy with the bare "ref.ma" cannot find it."""
    scene, _ = outside_project(tmp_path)
    copy = tmp_path / "elsewhere" / "shot001.ma"
    copy.parent.mkdir()
    copy.write_bytes(scene.read_bytes())
    code, events, _ = run_cli(
        [
            "--scene", str(copy), "--layer", "MASTER_BG_A", "--frames", "1", "--gpu", "0",
            "--renderer", "redshift", "--render-exe", standin_exe, "--json",
        ]
    )  # fmt: skip
    assert code == 1
    failed = of_kind(events, "frame_failed")
    assert failed and "Could not open file" in failed[0]["reason"]


# -- signals and pipes ------------------------------------------------------------------------------
def _slow_job(standin: str, out: Path, frames: str = "1-40") -> list[str]:
    return [
        "--scene", str(SAMPLE_SCENE), "--layers", "MASTER_BG_A,MASTER_CHAR_A", "--frames",
        frames, "--renderer", "redshift", "--render-exe", standin, "--gpus", "0,1",
        "--output-dir", str(out), "--json",
    ]  # fmt: skip


def test_sighup_mid_render_stops_every_render_and_exits_129(standin_exe, render_env, tmp_path):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="0.5")
    proc = start_cli(_slow_job(standin_exe, tmp_path / "img"), env=env)
    try:
        events = read_events_until(proc, "task_started", count=2)
        proc.send_signal(signal.SIGHUP)
        rest, err = proc.communicate(timeout=JOB_TIMEOUT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 129, err
    assert [line for line in err.splitlines() if line.strip()] == [
        "interrupted: the terminal was closed (SIGHUP): stopping every render (whole process "
        "trees)..."
    ]
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])
    job_id = events[0]["job_id"]
    with JobStore() as store:
        job = store.get_job(job_id)
    assert job.state is JobState.CANCELLED and "SIGHUP" in (job.reason or "")
    assert summary(parse_events(rest))["state"] == "cancelled"


def test_json_into_a_pipe_closed_after_three_lines_is_quiet_and_the_job_ends_normally(
    standin_exe, render_env, tmp_path
):
    proc = start_cli(_slow_job(standin_exe, tmp_path / "img", frames="1-4"))
    assert proc.stdout is not None
    lines = [proc.stdout.readline() for _ in range(3)]
    proc.stdout.close()  # `| head -3` exits
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait(timeout=JOB_TIMEOUT_S)
    assert all(line.startswith("{") for line in lines)
    assert proc.returncode == 0 and err == ""  # nothing on stderr, the usual exit code
    job_id = json.loads(lines[0])["job_id"]
    with JobStore() as store:
        assert store.get_job(job_id).state is JobState.SUCCEEDED  # the renders went on


@pytest.mark.parametrize("command", [["history"], ["status"], ["history", "--json"]])
def test_job_commands_into_a_closed_pipe_are_quiet(command, standin_exe, render_env, tmp_path):
    code, _, err = run_cli(_slow_job(standin_exe, tmp_path / "img", frames="1"))
    assert code == 0, err
    proc = subprocess.Popen(
        [*CLI, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -1` that already exited
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == "" and proc.returncode == 0


# -- two managers never fight over one job ----------------------------------------------------------
def _orphaned_job(store_path: Path, standin: str, out: Path, job_id: str) -> None:
    """A job whose manager died before it rendered anything (a dead pid holds it)."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1-3",
        renderer="sw",
        render_exe=standin,
        output_dir=str(out),
        retries=0,
    )
    data = asdict(config)
    data["render_mode"] = config.render_mode.value
    with JobStore(store_path) as store:
        store.create_job(
            job_id=job_id,
            scene=str(SAMPLE_SCENE),
            config=data,
            frames={"MASTER_BG_A": [1, 2, 3]},
            manager_pid=dead.pid,
            manager_create_time=1.0,
        )


def _start_together(*argvs: list[str]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [*CLI, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        for argv in argvs
    ]
    done = []
    for proc, argv in zip(procs, argvs, strict=True):
        out, err = proc.communicate(timeout=JOB_TIMEOUT_S)
        done.append(subprocess.CompletedProcess(argv, proc.returncode, out, err))
    return done


def test_two_resumes_at_once_exactly_one_proceeds_every_frame_once(
    standin_exe, render_env, tmp_path
):
    store_path = Path(render_env["LRC_TOOLBOX_DATA_DIR"]) / "jobs.sqlite3"
    for round_ in range(RACE_ROUNDS):
        job_id = f"20260101-000000-race{round_:02d}"
        out = tmp_path / f"img{round_}"
        _orphaned_job(store_path, standin_exe, out, job_id)
        first, second = _start_together(["resume", job_id, "--json"], ["resume", job_id, "--json"])
        codes = sorted((first.returncode, second.returncode))
        assert codes == [0, 2], (first.stderr, second.stderr)
        loser = first if first.returncode == 2 else second
        assert loser.stderr.count("\n") == 1 and "error:" in loser.stderr, loser.stderr
        assert "Traceback" not in first.stderr + second.stderr
        with JobStore(store_path) as store:
            assert store.get_job(job_id).state is JobState.SUCCEEDED
        images = sorted(out.rglob("*.exr"))
        assert len(images) == 3
    # Every frame of every round was rendered exactly once, by the winner's renders.
    counts = worker_frames(render_env["LRC_STANDIN_RECORD"])
    assert counts == {("rs_MASTER_BG_A", frame): RACE_ROUNDS for frame in (1, 2, 3)}, counts
    assert [p for p in Path(render_env["TMPDIR"]).rglob("*") if p.is_file()] == []


def test_resume_while_the_manager_lives_and_resume_with_cancel(standin_exe, render_env, tmp_path):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="0.3")
    proc = start_cli(_slow_job(standin_exe, tmp_path / "img", frames="1-8"), env=env)
    try:
        events = read_events_until(proc, "task_started")
        job_id = events[0]["job_id"]
        code, _, err = run_cli(["resume", job_id])
        assert code == 2 and "is run by process" in err and err.count("\n") == 1, err
        rest, _ = proc.communicate(timeout=JOB_TIMEOUT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert summary(parse_events(rest))["ok"] is True  # the running job was not disturbed

    store_path = Path(render_env["LRC_TOOLBOX_DATA_DIR"]) / "jobs.sqlite3"
    for round_ in range(3):
        job_id = f"20260101-000000-rc{round_:02d}"
        _orphaned_job(store_path, standin_exe, tmp_path / f"rc{round_}", job_id)
        resume, cancel = _start_together(["resume", job_id], ["cancel", job_id])
        with JobStore(store_path) as store:
            state = store.get_job(job_id).state
        assert "Traceback" not in resume.stderr + cancel.stderr, resume.stderr + cancel.stderr
        if cancel.returncode == 2:  # resume won: the job was rendered
            assert resume.returncode == 0 and state is JobState.SUCCEEDED, resume.stderr
            assert cancel.stderr.count("\n") == 1
        elif resume.returncode == 2:  # cancel won
            assert cancel.returncode == 0 and state is JobState.CANCELLED
            assert resume.stderr.count("\n") == 1
        elif state is JobState.CANCELLED:  # resume was running when cancel came: it stopped
            assert (resume.returncode, cancel.returncode) == (130, 0), (resume, cancel)
        else:  # cancel came as the resumed job ended on its own: nothing left to stop
            assert state is JobState.SUCCEEDED, state
            assert (resume.returncode, cancel.returncode) == (0, 0), (resume, cancel)
            assert "had already succeeded" in cancel.stdout + cancel.stderr, cancel
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


# -- a script that does not wait ---------------------------------------------------------------------
def test_a_script_that_exits_without_waiting_stops_and_records_its_job(
    standin_exe, render_env, tmp_path
):
    script = textwrap.dedent(
        f"""
        from lrc_toolbox.api import BatchRenderAPI
        handle = BatchRenderAPI().render_layer(
            {str(SAMPLE_SCENE)!r}, "MASTER_BG_A", "1-20", gpu_id=0, renderer="redshift",
            render_exe={standin_exe!r}, output_dir={str(tmp_path / "img")!r},
        )
        print(handle.job_id, flush=True)
        import time
        time.sleep(1.0)  # a render has started; then the script ends without handle.wait()
        """
    )
    env = dict(os.environ, LRC_STANDIN_FRAME_S="0.5")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=JOB_TIMEOUT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    job_id = done.stdout.strip()
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "still running when Python exited" in lines[0], done.stderr
    with JobStore() as store:
        job = store.get_job(job_id)
    assert job.state is JobState.CANCELLED and "exited without waiting" in (job.reason or "")
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])
    assert [p for p in Path(render_env["TMPDIR"]).rglob("*") if p.is_file()] == []


def test_notify_says_when_no_notifier_exists(standin_exe, render_env, tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # no notify-send there
    if sys.platform != "linux" or (Path(sys.executable).parent / "notify-send").exists():
        pytest.skip("needs Linux without notify-send beside this Python")
    code, _, err = run_cli(
        [*_slow_job(standin_exe, tmp_path / "img", frames="1"), "--notify"], env=env
    )
    assert code == 0, err
    assert "--notify: no desktop notification here: notify-send was not found" in err
