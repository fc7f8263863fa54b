"""Tests for the Render STAND-IN (``lrc_toolbox.standin``).

Most tests start the real stand-in (launcher + worker processes) with tiny frame times, read what
it printed and check the images on disk. Every process a test starts is killed with its whole tree
in a ``finally``, so no test leaves anything running. No assertion depends on how fast the machine
is: waits only bound how long a broken stand-in may take to show a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from lrc_toolbox.standin.command_line import RenderUsageError, parse_render_args
from lrc_toolbox.standin.faults import FaultSpecError, parse_faults
from lrc_toolbox.standin.image_paths import ImageNaming, artist_layer_name, format_frame_number
from lrc_toolbox.standin.knobs import read_timing_knobs
from lrc_toolbox.standin.render_standin import IMAGE_MAGIC, read_standin_image
from lrc_toolbox.standin.renderer_logs import visible_devices

STANDIN = [sys.executable, "-m", "lrc_toolbox.standin.render_standin"]
USAGE = "Usage: Render [options] filename"
#: Upper bound for a run that should finish in well under a second; only a broken stand-in hits it.
RUN_TIMEOUT_S = 60.0
WAIT_TIMEOUT_S = 30.0

slow = pytest.mark.slow


# --------------------------------------------------------------------------- helpers


@dataclass
class Run:
    """A finished stand-in run."""

    rc: int
    out: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def kill_tree(pid: int, extra_pids: Sequence[int] = ()) -> None:
    """Kill ``pid``, its descendants and ``extra_pids`` (workers orphaned by a dead launcher)."""
    procs: list[psutil.Process] = []
    for one in (pid, *extra_pids):
        try:
            proc = psutil.Process(one)
            procs += [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
    for proc in procs:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(procs, timeout=10)


def wait_until(predicate: Callable[[], bool], what: str) -> None:
    """Poll ``predicate`` until true; fail (not flaky: only a broken stand-in is this slow)."""
    deadline = time.monotonic() + WAIT_TIMEOUT_S
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def scene(tmp_path: Path) -> Path:
    """A scene file (the stand-in only checks it exists)."""
    path = tmp_path / "shot010.ma"
    path.write_text('//Maya ASCII 2024 scene\nrequires maya "2024";\n')
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: fast frames, no inherited stand-in knobs or CUDA mask."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LRC_STANDIN_") and not key.startswith("CUDA_")
    }
    clean.update({"LRC_STANDIN_FRAME_S": "0.01", "LRC_STANDIN_STARTUP_S": "0"})
    # Like Render, the stand-in writes to Maya's default project without -rd/-proj.
    clean["MAYA_APP_DIR"] = str(tmp_path / "maya")
    return clean


def default_images(scene: Path) -> Path:
    """Where images go without -rd/-proj: the default project's images folder (not the scene's)."""
    return scene.parent / "maya" / "projects" / "default" / "images"


def run_standin(args: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """Run the stand-in to completion (stdout+stderr merged), always killing its tree after."""
    proc = subprocess.Popen(
        [*STANDIN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=cwd,
    )
    try:
        out, _ = proc.communicate(timeout=RUN_TIMEOUT_S)
    finally:
        kill_tree(proc.pid)
        proc.wait()
    return Run(proc.returncode, out.decode("utf-8", "replace"))


@contextmanager
def started(args: Sequence[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """Start the stand-in in the background, output to ``log``; kill its tree on exit."""
    record = env.get("LRC_STANDIN_RECORD")
    with open(log, "wb") as handle:
        proc = subprocess.Popen([*STANDIN, *args], stdout=handle, stderr=subprocess.STDOUT, env=env)
    try:
        yield proc
    finally:
        workers = [event["pid"] for event in read_record(Path(record))] if record else []
        kill_tree(proc.pid, workers)
        proc.wait()


def read_record(path: Path) -> list[dict]:
    """The JSON lines a stand-in recorded (none if the file is missing)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def images(root: Path) -> list[str]:
    """Relative paths of all files under ``root``, sorted."""
    if not root.exists():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def faults_env(env: dict[str, str], spec: str, **more: str) -> dict[str, str]:
    """``env`` plus a fault spec and other variables."""
    return {**env, "LRC_STANDIN_FAULTS": spec, **more}


# --------------------------------------------------------------------------- clean runs

RENDERER_LINES = {
    # renderer: (frame start, progress, image written) regexes from the reference parsers
    "redshift": (
        r"Rendering frame (-?\d+) \((\d+)/(\d+)\)",
        r"Block (\d+)/(\d+) \(\d+,\d+\) rendered by GPU 0 in \d+ms",
        r"Saving: (.+)$",
    ),
    "arnold": (
        r"\| starting \d+ bucket workers",
        r"\|\s+(\d+)% done - \d+ rays/pixel",
        r"\[driver_exr\] writing file `(.+)'$",
    ),
    "vray": (
        r"V-Ray: Updating frame at time (-?\d+)",
        r"V-Ray: +(\d+)%",
        r'Successfully written image file "(.+)"$',
    ),
    "sw": (
        r"Starting Rendering (.+)\.$",
        r"Percentage of rendering done: (\d+)",
        r"Finished Rendering (.+)\.$",
    ),
    "file": (
        r"Starting Rendering (.+)\.$",
        r"Percentage of rendering done: (\d+)",
        r"Finished Rendering (.+)\.$",
    ),
}


@slow
@pytest.mark.parametrize("renderer", sorted(RENDERER_LINES))
def test_clean_run_writes_every_image_and_prints_the_renderers_lines(
    renderer: str, scene: Path, env: dict[str, str]
) -> None:
    run = run_standin(["-r", renderer, "-s", "1", "-e", "3", str(scene)], env)

    assert run.rc == 0, run.out
    root = default_images(scene)
    expected = [f"masterLayer/shot010.{n:04d}.exr" for n in (1, 2, 3)]
    assert images(root) == expected
    for rel in expected:
        data = (root / rel).read_bytes()
        assert data.startswith(IMAGE_MAGIC)
    start_re, progress_re, written_re = (re.compile(p) for p in RENDERER_LINES[renderer])
    written = [m.group(1) for line in run.lines if (m := written_re.search(line))]
    assert written == [str(root / rel) for rel in expected]
    assert sum(1 for line in run.lines if start_re.search(line)) == 3
    assert sum(1 for line in run.lines if progress_re.search(line)) >= 3 * 3
    # The launcher line and the worker's first line both say this is not Maya.
    assert run.lines[0].startswith('Starting "') and "STAND-IN" in run.lines[0]
    assert "--worker" in run.lines[0]
    assert "STAND-IN" in run.lines[1]


@slow
def test_redshift_lines_carry_frame_index_and_completion(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(["-r", "redshift", "-s", "10", "-e", "14", "-b", "2", str(scene)], env)

    assert run.rc == 0, run.out
    starts = re.findall(r"Rendering frame (\d+) \((\d+)/(\d+)\)", run.out)
    assert starts == [("10", "1", "3"), ("12", "2", "3"), ("14", "3", "3")]
    done = re.findall(r"Frame done - total time for frame (\d+): [\d.]+s", run.out)
    assert done == ["10", "12", "14"]
    blocks = [int(b) for b in re.findall(r"Block (\d+)/\d+ ", run.out)]
    assert blocks != sorted(blocks), "blocks should arrive partly out of order, like multi-GPU"


@slow
def test_layers_render_one_after_the_other(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "redshift", "-rl", "rs_BG,rs_CHAR", "-s", "1", "-e", "3", str(scene)], env
    )

    assert run.rc == 0, run.out
    saved = re.findall(r"Saving: .*/images/(\w+)/shot010\.(\d+)\.exr", run.out)
    assert saved == [
        ("BG", "0001"),
        ("BG", "0002"),
        ("BG", "0003"),
        ("CHAR", "0001"),
        ("CHAR", "0002"),
        ("CHAR", "0003"),
    ]
    info = read_standin_image(default_images(scene) / "CHAR" / "shot010.0002.exr")
    assert info is not None
    assert (info["layer"], info["layer_name"], info["frame"]) == ("rs_CHAR", "CHAR", 2)


@slow
def test_image_name_tokens_format_padding_and_output_dir(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "renders"
    args = ["-r", "arnold", "-rl", "rs_FG", "-s", "7", "-e", "8", "-rd", str(out_dir)]
    args += ["-im", "<Scene>/<RenderLayer>_<Camera>", "-cam", "cams:shotCam", "-of", "png"]
    run = run_standin([*args, "-pad", "2", str(scene)], env)

    assert run.rc == 0, run.out
    assert images(out_dir) == ["shot010/FG_cams_shotCam.07.png", "shot010/FG_cams_shotCam.08.png"]
    assert "[driver_png] writing file" in run.out


@slow
def test_project_images_folder_and_renumbering(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    run = run_standin(
        ["-r", "sw", "-s", "5", "-e", "7", "-rfs", "101", "-proj", str(project), str(scene)], env
    )

    assert run.rc == 0, run.out
    assert images(project / "images") == [
        f"masterLayer/shot010.{n:04d}.exr" for n in (101, 102, 103)
    ]
    info = read_standin_image(project / "images" / "masterLayer" / "shot010.0101.exr")
    assert info is not None and info["frame"] == 5


@slow
def test_negative_frames_are_named_minus_then_padded(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(["-r", "sw", "-s", "-4", "-e", "2", "-b", "2", str(scene)], env)

    assert run.rc == 0, run.out
    assert images(default_images(scene)) == [
        "masterLayer/shot010.-002.exr",
        "masterLayer/shot010.-004.exr",
        "masterLayer/shot010.0000.exr",
        "masterLayer/shot010.0002.exr",
    ]


@slow
def test_float_frame_flags_and_default_range(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    run = run_standin(
        ["-s", "1.0", "-e", "3.0", "-b", "1.0", "-rd", str(tmp_path / "a"), str(scene)], env
    )
    assert run.rc == 0, run.out
    assert len(images(tmp_path / "a")) == 3

    # No -s/-e: the scene decides. This one leaves animation off (and has no time1), so Render
    # renders its current frame 1 as a still, named without a frame number.
    run = run_standin(["-rd", str(tmp_path / "b"), str(scene)], env)
    assert run.rc == 0, run.out
    assert images(tmp_path / "b") == ["masterLayer/shot010.exr"]


@slow
def test_skip_existing_frames(scene: Path, env: dict[str, str]) -> None:
    folder = default_images(scene) / "masterLayer"
    folder.mkdir(parents=True)
    (folder / "shot010.0002.exr").write_bytes(b"artist's precious render")
    (folder / "shot010.0003.exr").write_bytes(b"")  # a 0-byte leftover does not count

    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "3", "-skipExistingFrames", "true", str(scene)], env
    )

    assert run.rc == 0, run.out
    assert "Skipping frame 2 (image exists)" in run.lines
    assert "Skipping frame 3" not in run.out
    assert (folder / "shot010.0002.exr").read_bytes() == b"artist's precious render"
    assert (folder / "shot010.0003.exr").read_bytes().startswith(IMAGE_MAGIC)

    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "3", "-skipExistingFrames", "false", str(scene)], env
    )
    assert run.rc == 0 and "Skipping frame" not in run.out
    assert (folder / "shot010.0002.exr").read_bytes().startswith(IMAGE_MAGIC)


@slow
def test_log_flag_copies_the_output(scene: Path, env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "render.log"
    run = run_standin(["-r", "vray", "-s", "1", "-e", "1", "-log", str(log), str(scene)], env)

    assert run.rc == 0, run.out
    text = log.read_text()
    assert "Successfully written image file" in text
    assert "STAND-IN" in text.splitlines()[0]


# --------------------------------------------------------------------------- command line errors


@slow
@pytest.mark.parametrize(
    "args",
    [["-foo", "SCENE"], [], ["-s", "1.5", "SCENE"]],
    ids=lambda args: " ".join(args) or "no-args",
)
def test_bad_command_line_prints_usage_and_exits_206(
    args: list[str], scene: Path, env: dict[str, str]
) -> None:
    run = run_standin([str(scene) if a == "SCENE" else a for a in args], env)

    assert run.rc == 206, run.out
    assert USAGE in run.out
    assert "STAND-IN" in run.out
    assert "--worker" not in run.out  # refused by the launcher before any worker starts


@slow
def test_help_exits_zero_and_says_stand_in(env: dict[str, str]) -> None:
    run = run_standin(["-help"], env)
    assert run.rc == 0
    assert USAGE in run.out and "NOT Autodesk Maya" in run.out


@slow
def test_missing_scene_cannot_be_loaded(env: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "gone.ma"
    run = run_standin(["-r", "redshift", str(missing)], env)

    assert run.rc == 211
    assert f'Cannot load scene "{missing}"' in run.out
    assert not (tmp_path / "nowhere").exists()


# --------------------------------------------------------------------------- GPUs


@slow
def test_redshift_reports_the_gpu_it_sees(scene: Path, env: dict[str, str]) -> None:
    uuid = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    env = {**env, "CUDA_VISIBLE_DEVICES": uuid, "CUDA_DEVICE_ORDER": "PCI_BUS_ID"}
    run = run_standin(["-r", "redshift", "-gpu", "{0}", "-s", "1", "-e", "1", str(scene)], env)

    assert run.rc == 0, run.out
    assert re.search(rf"Using GPU 0: .*\(CUDA_VISIBLE_DEVICES={uuid}\)$", run.out, re.M)
    info = read_standin_image(default_images(scene) / "masterLayer" / "shot010.0001.exr")
    assert info is not None and info["cuda_visible_devices"] == uuid


@slow
@pytest.mark.parametrize(
    ("mask", "gpu", "expected"),
    [
        ("", "{0}", "No devices found. Aborting rendering."),
        ("GPU-8932f937", "{1}", "redshiftSelectCudaDevices.mel line 41: Invalid device id: 1"),
        ("0,2,-1,1", "{0,1,2}", "Invalid device id: 2"),
    ],
)
def test_redshift_refuses_gpus_it_cannot_see(
    mask: str, gpu: str, expected: str, scene: Path, env: dict[str, str]
) -> None:
    run = run_standin(
        ["-r", "redshift", "-gpu", gpu, str(scene)], {**env, "CUDA_VISIBLE_DEVICES": mask}
    )

    assert run.rc == 1
    assert expected in run.out
    assert images(default_images(scene)) == []


def test_visible_devices_follow_cuda_mask_rules() -> None:
    assert len(visible_devices(None, None, 2).devices) == 2
    assert visible_devices("", None, 1).devices == ()
    assert len(visible_devices("0,2,-1,1", None, 1).devices) == 2
    assert len(visible_devices("GPU-abc,MIG-GPU-abc/1/0", "PCI_BUS_ID", 1).devices) == 2


# --------------------------------------------------------------------------- the launcher


@slow
def test_launcher_runs_a_worker_child_and_forwards_no_signal(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    record = tmp_path / "record.jsonl"
    env = faults_env(env, "hang_at=1", LRC_STANDIN_RECORD=str(record))
    with started(["-r", "redshift", str(scene)], env, tmp_path / "out.log") as launcher:
        wait_until(lambda: len(read_record(record)) == 1, "the worker's start record")
        children = psutil.Process(launcher.pid).children()
        assert len(children) == 1
        worker = children[0]
        assert "--worker" in worker.cmdline()
        start = read_record(record)[0]
        assert (start["pid"], start["ppid"]) == (worker.pid, launcher.pid)

        # Like Render.exe: killing the launcher alone leaves the worker running.
        psutil.Process(launcher.pid).kill()
        launcher.wait()
        assert worker.is_running() and worker.status() != psutil.STATUS_ZOMBIE
        worker.kill()
        worker.wait(timeout=10)


@slow
def test_record_file_lines(scene: Path, env: dict[str, str], tmp_path: Path) -> None:
    record = tmp_path / "record.jsonl"
    env = {**env, "LRC_STANDIN_RECORD": str(record), "CUDA_VISIBLE_DEVICES": "GPU-1234"}
    env["CUDA_DEVICE_ORDER"] = "PCI_BUS_ID"
    args = ["-r", "redshift", "-rl", "rs_A,B", "-s", "2", "-e", "6", "-b", "2", "-gpu", "{0}"]
    run = run_standin([*args, str(scene)], env)

    assert run.rc == 0, run.out
    start, end = read_record(record)
    assert (start["event"], end["event"]) == ("start", "end")
    for event in (start, end):
        assert event["cuda_visible_devices"] == "GPU-1234"
        assert event["cuda_device_order"] == "PCI_BUS_ID"
        assert event["renderer"] == "redshift"
        assert event["layers"] == ["rs_A", "B"]
        assert (event["start"], event["end"], event["by"]) == (2, 6, 2)
        assert event["gpu_flag"] == "{0}"
        assert event["argv"] == [*args, str(scene)]
        assert event["pid"] != os.getpid() and event["ppid"] != os.getpid()
    assert end["exit_code"] == 0
    assert end["frames_written"] == [2, 4, 6, 2, 4, 6]
    assert end["time"] >= start["time"]
    assert "exit_code" not in start


# --------------------------------------------------------------------------- faults


@slow
def test_crash_at_keeps_earlier_images(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "5", str(scene)], faults_env(env, "crash_at=3")
    )

    assert run.rc == 134
    assert images(default_images(scene)) == [
        "masterLayer/shot010.0001.exr",
        "masterLayer/shot010.0002.exr",
    ]
    assert "Rendering frame 3 (3/5)" in run.out  # it had started frame 3 when it died
    assert "Block" in run.out.split("Rendering frame 3 (3/5)")[1]
    assert "Scene " not in run.out


@slow
def test_crash_startup(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(["-r", "arnold", str(scene)], faults_env(env, "crash_startup"))

    assert run.rc == 1
    assert "Fatal Error" in run.out
    assert images(default_images(scene)) == []


@slow
def test_hang_at_stops_before_the_frame(scene: Path, env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "out.log"
    folder = default_images(scene) / "masterLayer"
    with started(
        ["-r", "vray", "-s", "1", "-e", "5", str(scene)], faults_env(env, "hang_at=3"), log
    ) as proc:
        wait_until(lambda: (folder / "shot010.0002.exr").exists(), "frame 2's image")
        wait_until(
            lambda: "Total frame time" in log.read_text().split("at time 2")[-1], "frame 2's end"
        )
        time.sleep(0.3)  # give a non-hanging stand-in the chance to (wrongly) go on
        assert proc.poll() is None
        assert "Updating frame at time 3" not in log.read_text()
        assert not (folder / "shot010.0003.exr").exists()


@slow
def test_hang_after_last_writes_everything_then_never_exits(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    log = tmp_path / "out.log"
    with started(
        ["-r", "redshift", "-s", "1", "-e", "3", str(scene)],
        faults_env(env, "hang_after_last"),
        log,
    ) as proc:
        wait_until(lambda: "completed." in log.read_text(), "the final line")
        assert images(default_images(scene)) == [
            f"masterLayer/shot010.{n:04d}.exr" for n in (1, 2, 3)
        ]
        assert "Frame done - total time for frame 3" in log.read_text()
        assert proc.poll() is None
        assert all(p.status() != psutil.STATUS_ZOMBIE for p in psutil.Process(proc.pid).children())


@slow
def test_skip_leaves_a_silent_hole_and_exits_zero(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "3", str(scene)], faults_env(env, "skip=2")
    )

    assert run.rc == 0, run.out
    assert images(default_images(scene)) == [
        "masterLayer/shot010.0001.exr",
        "masterLayer/shot010.0003.exr",
    ]
    assert "shot010.0002" not in run.out and "frame 2" not in run.out


@slow
def test_empty_writes_zero_bytes_but_the_normal_line(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "arnold", "-s", "1", "-e", "3", str(scene)], faults_env(env, "empty=2")
    )

    assert run.rc == 0, run.out
    image = default_images(scene) / "masterLayer" / "shot010.0002.exr"
    assert image.exists() and image.stat().st_size == 0
    assert f"writing file `{image}'" in run.out


@slow
@pytest.mark.parametrize(
    ("renderer", "line"),
    [
        ("redshift", "Error: [Redshift] License error: (RLM) All licenses in use (-22) //"),
        ("arnold", "batch render and abort_on_license_fail option is enabled"),
        ("vray", "V-Ray error: Could not obtain a license"),
        ("sw", "Maya: License was not obtained"),
    ],
)
def test_licence_failure(renderer: str, line: str, scene: Path, env: dict[str, str]) -> None:
    run = run_standin(["-r", renderer, str(scene)], faults_env(env, "license"))

    assert run.rc == 1
    assert line in run.out
    assert images(default_images(scene)) == []


@slow
def test_cuda_error_mid_frame(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "4", str(scene)], faults_env(env, "cuda_error=2")
    )

    assert run.rc == 1
    assert "CUDA_ERROR_UNKNOWN" in run.out
    assert "Rendering frame 2 (2/4)" in run.out
    assert images(default_images(scene)) == ["masterLayer/shot010.0001.exr"]


@slow
def test_noise_is_harmless(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(["-r", "sw", "-s", "1", "-e", "3", str(scene)], faults_env(env, "noise"))

    assert run.rc == 0, run.out
    assert "Unrecognized node type 'fooNode'" in run.out
    assert "// Error: line 1: setAttr: The attribute 'pCube1.translateX' is locked //" in run.out
    assert len(images(default_images(scene))) == 3


@slow
def test_silent_work_prints_nothing_but_writes_images(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-r", "redshift", "-s", "1", "-e", "3", str(scene)], faults_env(env, "silent_work=0.01")
    )

    assert run.rc == 0, run.out
    assert len(run.lines) == 1 and run.lines[0].startswith('Starting "')  # the launcher's line only
    assert len(images(default_images(scene))) == 3


@slow
def test_slow_start_and_exit_code(scene: Path, env: dict[str, str]) -> None:
    run = run_standin(
        ["-s", "1", "-e", "2", str(scene)], faults_env(env, "slow_start=0.05;exit_code=7")
    )

    assert run.rc == 7
    assert len(images(default_images(scene))) == 2


@slow
def test_once_fires_only_on_the_first_run(scene: Path, env: dict[str, str], tmp_path: Path) -> None:
    env = faults_env(env, "crash_at=2@once", LRC_STANDIN_STATE_DIR=str(tmp_path / "state"))
    args = ["-r", "redshift", "-s", "1", "-e", "3", str(scene)]

    first = run_standin(args, env)
    assert first.rc == 134
    assert images(default_images(scene)) == ["masterLayer/shot010.0001.exr"]

    second = run_standin(args, env)
    assert second.rc == 0, second.out
    assert len(images(default_images(scene))) == 3


@slow
def test_once_fires_once_among_concurrent_runs(
    scene: Path, env: dict[str, str], tmp_path: Path
) -> None:
    env = faults_env(env, "exit_code=5@once", LRC_STANDIN_STATE_DIR=str(tmp_path / "state"))
    procs = [
        subprocess.Popen(
            [*STANDIN, "-s", "1", "-e", "1", "-rd", str(tmp_path / f"out{i}"), str(scene)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            env=env,
        )
        for i in range(4)
    ]
    try:
        codes = sorted(proc.wait(timeout=RUN_TIMEOUT_S) for proc in procs)
    finally:
        for proc in procs:
            kill_tree(proc.pid)
    assert codes == [0, 0, 0, 5]


@slow
@pytest.mark.parametrize("layer_mod", ["@layer=CHAR", "@layer=rs_CHAR"])
def test_layer_modifier_restricts_the_fault(
    layer_mod: str, scene: Path, env: dict[str, str]
) -> None:
    run = run_standin(
        ["-r", "redshift", "-rl", "rs_BG,rs_CHAR", "-s", "1", "-e", "3", str(scene)],
        faults_env(env, f"skip=2{layer_mod};empty=3@layer=BG"),
    )

    assert run.rc == 0, run.out
    root = default_images(scene)
    assert images(root) == [
        "BG/shot010.0001.exr",
        "BG/shot010.0002.exr",
        "BG/shot010.0003.exr",
        "CHAR/shot010.0001.exr",
        "CHAR/shot010.0003.exr",
    ]
    assert (root / "BG" / "shot010.0003.exr").stat().st_size == 0
    assert (root / "CHAR" / "shot010.0003.exr").stat().st_size > 0


@slow
def test_layer_modifier_on_run_faults(scene: Path, env: dict[str, str]) -> None:
    env = faults_env(env, "license@layer=CHAR")
    assert (
        run_standin(["-r", "vray", "-rl", "rs_BG", "-s", "1", "-e", "1", str(scene)], env).rc == 0
    )
    assert (
        run_standin(["-r", "vray", "-rl", "rs_CHAR", "-s", "1", "-e", "1", str(scene)], env).rc == 1
    )


@slow
@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"LRC_STANDIN_FAULTS": "explode=3"}, 'unknown fault "explode"'),
        ({"LRC_STANDIN_FAULTS": "skip=2@once"}, "LRC_STANDIN_STATE_DIR"),
        ({"LRC_STANDIN_FRAME_S": "fast"}, "LRC_STANDIN_FRAME_S"),
    ],
)
def test_invalid_stand_in_settings_exit_2(
    variables: dict[str, str], message: str, scene: Path, env: dict[str, str]
) -> None:
    run = run_standin(["-s", "1", "-e", "1", str(scene)], {**env, **variables})

    assert run.rc == 2
    assert message in run.out
    assert "Traceback" not in run.out
    assert images(default_images(scene)) == []


@slow
def test_console_script_is_installed(env: dict[str, str], scene: Path) -> None:
    # The script sits beside the interpreter of the environment the package is installed in.
    exe = shutil.which("lrc-render-standin", path=str(Path(sys.executable).parent))
    assert exe is not None, (
        "lrc-render-standin is not installed beside this Python (pip install -e .)"
    )
    proc = subprocess.run(
        [exe, "-s", "1", "-e", "1", str(scene)], capture_output=True, env=env, timeout=RUN_TIMEOUT_S
    )
    assert proc.returncode == 0, proc.stdout
    assert b"STAND-IN" in proc.stdout.splitlines()[0]


# --------------------------------------------------------------------------- pure functions


def test_parse_render_args_reads_render_flags(tmp_path: Path) -> None:
    args = parse_render_args(
        [
            "-r",
            "Arnold",
            "-rl",
            "rs_A, rs_B,rs_A",
            "-s",
            "-3",
            "-e",
            "4.0",
            "-b",
            "1",
            "-ai:device",
            "1",
            "-ai:manGpuSel",
            "true",
            "-ai:gpu",
            "0",
            "-ai:lve",
            "2",
            "-rt",
            "0",
            "-reg",
            "0",
            "10",
            "0",
            "20",
            "-preFrame",
            'print "hi";',
            "-verb",
            "-fnc",
            "7",
            "-x",
            "1920",
            "-y",
            "1080",
            "-percentRes",
            "50",
            "scene.ma",
        ]
    )
    assert args.renderer == "arnold"
    assert args.layers == ("rs_A", "rs_B")
    assert (args.start, args.end, args.by) == (-3, 4, 1)
    assert (args.ai_device, args.ai_manual_gpu_selection, args.ai_gpu) == (1, True, 0)
    assert args.region == (0, 10, 0, 20)
    assert args.mel_hooks() == {"-preFrame": 'print "hi";'}
    assert args.file_name_convention == "name_#.ext"
    assert args.scene_file == "scene.ma"
    assert parse_render_args(["-gpu", "{0,1}", "x.ma"]).gpu == (0, 1)
    assert parse_render_args(["-rl", "true", "x.ma"]).layers == ()


@pytest.mark.parametrize(
    "argv",
    [
        ["-r", "redshift"],
        ["-s"],
        ["-s", "5", "-e", "1", "x.ma"],
        ["-b", "0", "x.ma"],
        ["-r", "mentalray", "x.ma"],
        ["-gpu", "first", "x.ma"],
        ["-skipExistingFrames", "maybe", "x.ma"],
        ["x.ma", "-s", "1"],
        ["-reg", "1", "2", "x.ma"],
        ["-pad", "0", "x.ma"],
        ["-ai:device", "2", "x.ma"],
        ["-fnc", "9", "x.ma"],
        ["-x", "-5", "x.ma"],
    ],
)
def test_parse_render_args_refuses_bad_values(argv: list[str]) -> None:
    with pytest.raises(RenderUsageError):
        parse_render_args(argv)


def test_layer_names_and_frame_numbers() -> None:
    assert artist_layer_name("rs_CHAR") == "CHAR"
    assert artist_layer_name("defaultRenderLayer") == "masterLayer"
    assert artist_layer_name("BG") == "BG"
    assert format_frame_number(-5, 4) == "-005"
    assert format_frame_number(7, 4) == "0007"
    assert format_frame_number(123456, 4) == "123456"


@pytest.mark.parametrize(
    ("convention", "name"),
    [
        ("name", "s"),
        ("name.ext", "s.exr"),
        ("name.#.ext", "s.0003.exr"),
        ("name.ext.#", "s.exr.0003"),
        ("name.#", "s.0003"),
        ("name#.ext", "s0003.exr"),
        ("name_#.ext", "s_0003.exr"),
    ],
)
def test_file_name_conventions(convention: str, name: str, tmp_path: Path) -> None:
    naming = ImageNaming(
        output_dir=tmp_path, prefix="<Scene>", scene_stem="s", layer="x", convention=convention
    )
    assert naming.path_for(3) == tmp_path / name


def test_fault_parsing_and_once_markers(tmp_path: Path) -> None:
    plan = parse_faults(" crash_at=3@once@layer=CHAR ; noise;silent_work", str(tmp_path))
    crash = plan.faults[0]
    assert (crash.kind, crash.frame, crash.once, crash.layer) == ("crash_at", 3, True, "CHAR")
    assert plan.frame_fault("crash_at", "rs_BG", 3, False) is None
    assert plan.frame_fault("crash_at", "rs_CHAR", 2, False) is None
    assert plan.frame_fault("crash_at", "rs_CHAR", 3, False) is crash
    # Another process (another plan) sharing the state dir no longer fires it.
    other = parse_faults("crash_at=3@once@layer=CHAR", str(tmp_path))
    assert other.frame_fault("crash_at", "rs_CHAR", 3, False) is None
    assert plan.run_fault("noise", ["rs_BG"]) is not None
    with pytest.raises(FaultSpecError):
        parse_faults("exit_code=300")
    with pytest.raises(FaultSpecError):
        parse_faults("slow_start=-1")


def test_timing_knobs() -> None:
    knobs = read_timing_knobs(
        {"LRC_STANDIN_FRAME_S": "0.5", "LRC_STANDIN_LAYER_FRAME_S": "BG=0.2, rs_CHAR=0.1"}
    )
    assert knobs.startup_s == 0.05
    assert knobs.seconds_per_frame("rs_BG") == 0.2
    assert knobs.seconds_per_frame("CHAR") == 0.1
    assert knobs.seconds_per_frame("FG") == 0.5
    with pytest.raises(FaultSpecError):
        read_timing_knobs({"LRC_STANDIN_STARTUP_S": "-1"})


def test_read_standin_image_rejects_other_files(tmp_path: Path) -> None:
    (tmp_path / "real.exr").write_bytes(b"\x76\x2f\x31\x01rest")
    (tmp_path / "empty.exr").write_bytes(b"")
    assert read_standin_image(tmp_path / "real.exr") is None
    assert read_standin_image(tmp_path / "empty.exr") is None


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("crash_at", '"crash_at" needs a value'),
        ("skip=two", '"two" is not an integer'),
        ("skip=2@sometimes", 'unknown modifier "@sometimes"'),
        ("noise=1", '"noise" takes no value'),
        ("empty=1@layer=", 'unknown modifier "@layer="'),
    ],
)
def test_fault_spec_errors_are_precise(spec: str, message: str) -> None:
    with pytest.raises(FaultSpecError, match=re.escape(message)):
        parse_faults(spec)


def test_layer_frame_knob_errors() -> None:
    with pytest.raises(FaultSpecError, match="LAYER=SECONDS"):
        read_timing_knobs({"LRC_STANDIN_LAYER_FRAME_S": "BG"})
    with pytest.raises(FaultSpecError, match="LRC_STANDIN_LAYER_FRAME_S"):
        read_timing_knobs({"LRC_STANDIN_LAYER_FRAME_S": "BG=soon"})
