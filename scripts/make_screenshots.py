"""Make the README's screenshots of the Batch Render dialog during a job, in a real X server too.

Runs the real dialog over the real engine (EngineController + BatchRenderAPI + FileSceneSource on
``examples/shot001.ma``) with the Render STAND-IN rendering, and saves PNGs into ``docs/images/``:

* **xvfb**: a real X server (``Xvfb``, 1920x1080, 24-bit) with Qt's ``xcb`` platform; the pictures
  are what the X server shows (``QScreen.grabWindow``), fonts, styles and window sizes as an
  artist's Linux desktop draws them. Needs Debian's ``xvfb`` package (``apt-get install xvfb``) and
  the xcb libraries Qt needs; CI does not run this;
* **offscreen**: Qt's offscreen platform (``QWidget.grab``), as the tests see the dialog.

The job renders three layers with faults injected into the stand-in: a crash on one frame and an
empty image on another (both retried and then verified), and a frame that is never written (it
fails for good once its retry is spent). The pictures are taken while the job still runs, at
1920x1080, 1120x700 and 960x600: the job's header, its frame map (the failed frame clicked, its log
lines pinned in the Logs panel) and the renders. The only fake is NVML (the machine making them may
have no GPU): it reports two 24 GB GPUs, as a workstation would.

For the History view, two earlier jobs are made for real with the CLI first: one that loses a frame
(retries 0), and one whose manager is killed with SIGKILL mid-job (as when Maya crashes), so the
dialog opens with that orphaned job offered for Resume / Cancel.

Usage (regenerate whenever the UI changes)::

    python scripts/make_screenshots.py                      # both platforms
    python scripts/make_screenshots.py --platform offscreen # no X server needed
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENE = ROOT / "examples" / "shot001.ma"
GB = 1024**3
#: The X server's screen (the largest picture must fit on it).
SCREEN_PX = (1920, 1080)
#: Window sizes pictured: a full HD desktop, a laptop, the smallest the dialog supports.
SIZES_PX: tuple[tuple[int, int], ...] = ((1920, 1080), (1120, 700), (960, 600))
#: The engine's CLI, run as a child for the earlier jobs the History view lists.
CLI = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]
#: Seconds an earlier job, or the pictured job's faults, may take (a loaded machine is slow).
JOB_TIMEOUT_S = 180.0
#: Faults of the pictured job: a crash and an empty image (retried, then fine), and a frame
#: never written (fails for good once its one retry is spent).
JOB_FAULTS = (
    "crash_at=3@once@layer=MASTER_CHAR_A;empty=7@once@layer=MASTER_BG_A;"
    "skip=5@layer=MASTER_ATMOS_A;noise"
)


def _standin() -> str:
    beside = Path(sys.executable).with_name("lrc-render-standin")
    found = str(beside) if beside.exists() else shutil.which("lrc-render-standin")
    if not found:
        raise SystemExit("lrc-render-standin is not installed (pip install -e .)")
    return found


def _prepare_environment(work: Path) -> None:
    """Private data folder, temp folder and stand-in knobs (as the tests' render_env does)."""
    (work / "tmp").mkdir(parents=True)
    (work / "state").mkdir()
    os.environ.update(
        {
            "LRC_TOOLBOX_DATA_DIR": str(work / "data"),
            "TMPDIR": str(work / "tmp"),
            "LRC_STANDIN_STARTUP_S": "0.6",
            "LRC_STANDIN_FRAME_S": "0.45",
            "LRC_STANDIN_STATE_DIR": str(work / "state"),
            "LRC_TOOLBOX_LEASE_DIR": str(work / "leases"),
            "LRC_STANDIN_FAULTS": JOB_FAULTS,
        }
    )
    tempfile.tempdir = None


def _cli_job(standin: str, out: Path, layer: str, frames: str) -> list[str]:
    """The command line of an earlier job (JSON Lines on stdout)."""
    return [
        *CLI,
        "--scene",
        str(SCENE),
        "--layers",
        layer,
        "--frames",
        frames,
        "--renderer",
        "redshift",
        "--render-exe",
        standin,
        "--gpus",
        "0,1",
        "--chunk-size",
        "3",
        "--retries",
        "0",
        "--output-dir",
        str(out),
        "--json",
    ]


def _make_earlier_jobs(standin: str, work: Path) -> None:
    """A job that lost a frame, and a job whose manager was killed mid-job (real processes)."""
    import psutil

    env = dict(
        os.environ, LRC_STANDIN_FAULTS="skip=5@layer=MASTER_ATMOS_A", LRC_STANDIN_FRAME_S="0.15"
    )
    args = _cli_job(standin, work / "images_earlier", "MASTER_ATMOS_A", "1-12")
    subprocess.run(
        args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=False, timeout=JOB_TIMEOUT_S
    )
    env = dict(os.environ, LRC_STANDIN_FAULTS="", LRC_STANDIN_FRAME_S="0.3")
    args = _cli_job(standin, work / "images_crashed", "MASTER_BG_A", "1-24")
    manager = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    renders: list[int] = []
    assert manager.stdout is not None
    for line in manager.stdout:
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") == "task_started":
            renders.append(int(event["pid"]))
        if event.get("event") == "frame_done" and len(renders) >= 2:
            break  # mid-job, renders busy on both GPUs: "Maya crashes" now
    manager.send_signal(signal.SIGKILL)
    manager.wait()
    # The renders outlive their manager; let them end so they do not hold the GPU slots.
    alive = [psutil.Process(pid) for pid in renders if psutil.pid_exists(pid)]
    psutil.wait_procs(alive, timeout=JOB_TIMEOUT_S)


def _capture(platform: str, out: Path) -> list[Path]:
    """Run the dialog on this process's Qt platform and save its pictures; return the files."""
    work = Path(tempfile.mkdtemp(prefix="lrc-screenshots-"))
    _prepare_environment(work)

    from Qt import QtCore, QtGui, QtWidgets

    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.core.models import CPUInfo, GPUInfo
    from lrc_toolbox.core.scene_source import FileSceneSource
    from lrc_toolbox.core.system_detector import SystemDetector
    from lrc_toolbox.ui.controller import EngineController
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog
    from lrc_toolbox.ui.view_state.frame_map import FrameCell
    from lrc_toolbox.utils.gpu_utils import GPUQueryError

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    app.setStyle("Fusion")

    def nvml() -> tuple[list[GPUInfo], str]:
        # NVML is the boundary faked here: two workstation GPUs, busy with our renders.
        gpus = [
            GPUInfo(
                device_id=index,
                name="NVIDIA RTX A5000",
                memory_total=24 * GB,
                memory_free=int((24 - used) * GB),
                compute_capability=(8, 6),
                uuid=f"GPU-5f3c9a1{index}-8d2e-4b7a-9c61-0e4d2b7f81a{index}",
                pci_bus_id=f"00000000:{index + 1:02X}:00.0",
                utilization_percent=util,
            )
            for index, (util, used) in enumerate(((97, 14.3), (91, 12.8)))
        ]
        return gpus, "550.54.14"

    def smi() -> list[GPUInfo]:
        raise GPUQueryError("not used")

    def cpu() -> CPUInfo:
        return CPUInfo(
            physical_cores=16, logical_cores=32, ram_total=128 * GB, ram_available=87 * GB
        )

    standin = _standin()
    _make_earlier_jobs(standin, work)
    detector = SystemDetector(nvml_query=nvml, smi_query=smi, cpu_query=cpu, inside_maya=False)
    api = BatchRenderAPI(detector=detector)
    controller = EngineController(api, FileSceneSource(SCENE), render_exe=standin)
    settings = QtCore.QSettings(str(work / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    dialog = BatchRenderDialog(controller, settings=settings)
    dialog.confirm = lambda _title, _text: True
    dialog.resize(*SIZES_PX[0])
    dialog.move(0, 0)
    dialog.show()

    def wait(condition, timeout_s: float) -> bool:
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    def settle(seconds: float = 0.4) -> None:
        wait(lambda: False, seconds)

    def save(widget: QtWidgets.QWidget, name: str) -> Path:
        path = out / f"{name}_{platform}.png"
        if platform == "xvfb":
            # What the X server shows (the window's own pixels on screen).
            screen = QtGui.QGuiApplication.primaryScreen()
            picture = screen.grabWindow(int(widget.winId()))
        else:
            picture = widget.grab()
        if not picture.save(str(path)):
            raise SystemExit(f"could not write {path}")
        return path

    if not wait(lambda: dialog.scene is not None, 30):
        raise SystemExit("the scene was not read")
    written: list[Path] = []

    # History: the two earlier jobs, the orphaned one offered in the message bar
    panel = dialog.history_panel
    dialog.show_history()
    if not wait(lambda: len(panel.jobs.records) >= 2, 30):
        raise SystemExit("the earlier jobs are not in the history")
    failed = [job for job in panel.jobs.records if job.state == "failed"]
    if failed and panel.select_job(failed[0].job_id):
        wait(lambda: panel.details is not None, 10)
        state = panel.frame_map.state
        lost = next(
            (
                (layer.name, frame)
                for layer in state.layers.values()
                for frame in layer.frames
                if layer.cell(frame) is FrameCell.FAILED
            ),
            None,
        )
        if lost is not None:
            dialog.history.read_frame_log(*lost)
            panel.frame_map.view.select(*lost)
            wait(lambda: dialog.logs_monitor.pinned, 10)
    settle()
    written.append(save(dialog, "batch_render_history_1920x1080"))
    dialog.views_tabs.setCurrentWidget(dialog.active_renders_table)
    dialog.logs_monitor.unpin()

    # The pictured job: three layers, a crash and an empty image retried, a frame that fails
    config = dialog.render_config_widget
    config.frame_field.edit.setText("1-30")
    config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("redshift"))
    config.output_edit.setText(str(work / "images"))
    config.renders_per_gpu_spin.setValue(2)
    config.retries_spin.setValue(1)
    config.chunk_spin.setValue(5)
    wait(lambda: dialog.system_info_widget.resources is not None, 10)
    dialog.start()
    wait(lambda: controller.active_job() is not None, 30)
    job_id = controller.active_job().job_id
    frames = dialog.active_renders_table.frame_map.state

    def pictured_moment() -> bool:
        counts = frames.counts()
        return (
            frames.job_id == job_id
            and counts[FrameCell.FAILED] >= 1
            and frames.retried_verified() >= 1
            and controller.is_running()
        )

    if not wait(pictured_moment, JOB_TIMEOUT_S):
        raise SystemExit("the job never showed a retry and a final failure while running")
    failed_frame = next(
        (layer.name, frame)
        for layer in frames.layers.values()
        for frame in layer.frames
        if layer.cell(frame) is FrameCell.FAILED
    )
    dialog.renders.show_frame_log(*failed_frame)
    for width, height in SIZES_PX:
        dialog.resize(width, height)
        settle(0.6)  # a few more log lines and progress ticks at this size
        written.append(save(dialog, f"batch_render_dialog_{width}x{height}"))

    controller.stop_all()
    wait(lambda: not controller.is_running(), 60)
    dialog.shutdown()
    dialog.close()
    shutil.rmtree(work, ignore_errors=True)
    return written


def _run_in_xvfb(out: Path) -> int:
    """Run this script's capture under a private Xvfb server (started and stopped here)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.stderr.write("Xvfb is not installed: apt-get install xvfb (Debian/Ubuntu)\n")
        return 2
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{SCREEN_PX[0]}x{SCREEN_PX[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as display_pipe:
            display = display_pipe.readline().strip()
        if not display:
            sys.stderr.write("Xvfb did not start\n")
            return 2
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        child = [sys.executable, __file__, "--child", "xvfb", "--out", str(out)]
        return subprocess.run(child, env=env, check=False).returncode
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main(argv: list[str] | None = None) -> int:
    """Make the pictures on the chosen platforms; 0 when every PNG was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    parser.add_argument(
        "--platform", choices=("both", "xvfb", "offscreen"), default="both", help="where to draw"
    )
    parser.add_argument("--child", choices=("xvfb", "offscreen"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        if args.child == "offscreen":
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        for path in _capture(args.child, out):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return 0
    status = 0
    if args.platform in ("both", "xvfb"):
        status |= _run_in_xvfb(out)
    if args.platform in ("both", "offscreen"):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        child = [sys.executable, __file__, "--child", "offscreen", "--out", str(out)]
        status |= subprocess.run(child, env=env, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
