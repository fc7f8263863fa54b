"""Make the README's screenshots of the Batch Render dialog during a running job.

Runs the real dialog over the real engine (EngineController + BatchRenderAPI + FileSceneSource on
``examples/shot001.ma``) with the Render STAND-IN rendering, offscreen, and saves ``QWidget.grab()``
PNGs into ``docs/images/``. The only fake is NVML (the machine making screenshots may have no GPU):
it reports two 24 GB GPUs, as a workstation would. One fault is injected so the table shows a retry.

For the History view, two earlier jobs are made for real with the CLI first: one that loses a frame
(retries 0), and one whose manager is killed with SIGKILL mid-job (as when Maya crashes), so the
dialog opens with that orphaned job offered for Resume / Cancel.

Usage (regenerate whenever the UI changes)::

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [--out docs/images]
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
WINDOW_SIZE_PX = (1560, 940)
GB = 1024**3
#: The engine's CLI, run as a child for the earlier jobs the History view lists.
CLI = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]
#: Seconds an earlier job may take (generous: a loaded machine starts processes slowly).
EARLIER_JOB_TIMEOUT_S = 120.0


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
            "LRC_STANDIN_STARTUP_S": "0.4",
            "LRC_STANDIN_FRAME_S": "1.2",
            "LRC_STANDIN_STATE_DIR": str(work / "state"),
            "LRC_TOOLBOX_LEASE_DIR": str(work / "leases"),
            # one crash, so a retry shows up in the table
            "LRC_STANDIN_FAULTS": "crash_at=3@once@layer=MASTER_CHAR_A;noise",
        }
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile as _tempfile

    _tempfile.tempdir = None


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
        args,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=False,
        timeout=EARLIER_JOB_TIMEOUT_S,
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
    psutil.wait_procs(alive, timeout=EARLIER_JOB_TIMEOUT_S)


def main(argv: list[str] | None = None) -> int:
    """Render, capture, stop; return 0 when every PNG was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lrc-screenshots-"))
    _prepare_environment(work)

    from Qt import QtCore, QtWidgets

    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.core.models import CPUInfo, GPUInfo
    from lrc_toolbox.core.scene_source import FileSceneSource
    from lrc_toolbox.core.system_detector import SystemDetector
    from lrc_toolbox.ui.controller import EngineController
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog
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

    _make_earlier_jobs(_standin(), work)
    detector = SystemDetector(nvml_query=nvml, smi_query=smi, cpu_query=cpu, inside_maya=False)
    api = BatchRenderAPI(detector=detector)
    controller = EngineController(api, FileSceneSource(SCENE), render_exe=_standin())
    settings = QtCore.QSettings(str(work / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    dialog = BatchRenderDialog(controller, settings=settings)
    dialog.confirm = lambda _title, _text: True
    dialog.resize(*WINDOW_SIZE_PX)
    dialog.show()

    def wait(condition, timeout_s: float) -> bool:
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    if not wait(lambda: dialog.scene is not None, 30):
        raise SystemExit("the scene was not read")
    written = []

    # History: the two earlier jobs, the orphaned one offered in the message bar
    panel = dialog.history_panel
    dialog.show_history()
    if not wait(
        lambda: (
            len(panel.jobs.records) >= 2 and dialog.message_bar.action_button("Resume") is not None
        ),
        30,
    ):
        raise SystemExit("the earlier jobs are not in the history")
    failed = [job for job in panel.jobs.records if job.state == "failed"]
    if failed and panel.select_job(failed[0].job_id):
        wait(lambda: panel.details is not None, 10)
    wait(lambda: False, 0.3)
    path = out / "batch_render_history.png"
    dialog.grab().save(str(path))
    written.append(path)
    dialog.views_tabs.setCurrentWidget(dialog.active_renders_table)

    config = dialog.render_config_widget
    config.frame_field.edit.setText("1-24")
    config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("redshift"))
    config.output_edit.setText(str(work / "images"))
    config.retries_spin.setValue(2)
    wait(lambda: dialog.system_info_widget.resources is not None, 10)
    dialog.start()
    model = dialog.active_renders_table.model
    wait(lambda: controller.active_job() is not None, 30)
    job_id = controller.active_job().job_id
    # mid-job: several frames verified, a retry queued or running, renders busy
    wait(
        lambda: model.job_summary(job_id)[0] >= 14 and any(row.attempt > 1 for row in model.rows),
        120,
    )
    wait(lambda: False, 1.5)  # a few more log lines and progress ticks
    path = out / "batch_render_dialog.png"
    dialog.grab().save(str(path))
    written.append(path)

    running = [row for row in model.rows if row.state.is_active]
    if running:
        dialog.active_renders_table.select_rows([running[0]])
        wait(lambda: False, 0.6)
        path = out / "batch_render_task_logs.png"
        dialog.right_splitter.grab().save(str(path))
        written.append(path)

    config.frame_field.edit.setText("1,10-1,50")
    wait(lambda: False, 0.2)
    path = out / "batch_render_frame_validation.png"
    config.grab().save(str(path))
    written.append(path)
    config.frame_field.edit.setText("1-24")

    controller.stop_all()
    wait(lambda: not controller.is_running(), 60)
    dialog.shutdown()
    dialog.close()
    shutil.rmtree(work, ignore_errors=True)
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
