"""Benchmark: is the Batch Render dialog responsive under a log flood? (Not a test.)

Eight simulated renders each push 5,000 log lines per second (plus progress, frame-done and the
job's progress events) into a real :class:`BatchRenderDialog` through its real bridge, from eight
Python threads, as the engine's follower threads would. The job has 10,000 frames (eight layers of
1,250), and Active Renders shows it: its header, the painted frame map of all 10,000 frames (its
cells change as frames are verified) and the renders table. Measured:

* GUI event-loop stalls: the lateness of a 10 ms ``QTimer`` (PreciseTimer) while the flood runs,
  p50 / p99 / max (goals: p99 < 20 ms, max < 100 ms);
* memory: RSS growth from the start of the flood to its end (and the peak) over about a million
  lines (goal: < 200 MB);
* time from creating the dialog to its first paint, on a 20-layer scene (goal: < 150 ms), and to
  the layers being listed (read on a worker thread).

Each run is a fresh process (clean memory numbers); the table shows every run and the median.
The engine is a stand-in controller that implements the whole
:class:`~lrc_toolbox.ui.controller.BatchRenderController` interface (the History tab reads its
one job), so the dialog is exactly the one artists get.

``--smoke`` is the check CI runs: one short run in this process with small numbers (a few
seconds), the History tab shown once at the end; it exits 0 when the dialog painted, delivered the
flood's lines, drew the job's frames in the frame map and listed the job in History, whatever the
timings (CI machines vary). The goals are only judged by the full run.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/bench_dialog.py            # 3 runs of 30 s
    QT_QPA_PLATFORM=offscreen python scripts/bench_dialog.py --runs 1 --seconds 10
    QT_QPA_PLATFORM=offscreen python scripts/bench_dialog.py --smoke    # CI: a few seconds
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable

RENDERS = 8
LINES_PER_S = 5_000
SECONDS = 30.0
LAYERS = 20
TIMER_MS = 10
#: Producers publish in bursts this often (a follower thread reads a chunk of log file at a time).
BURST_S = 0.01
#: Progress events per render per second (the engine publishes one per whole percent).
PROGRESS_PER_S = 20
FRAME_LINES = 400  # a "frame" every this many lines: FrameDone + a new frame's progress
#: Frames of each render's layer: 8 x 1,250 = 10,000 frames in the frame map.
FRAMES_PER_LAYER = 1250
#: The engine publishes the job's progress (frames, ETA) about this often.
JOB_PROGRESS_S = 1.0

#: The smoke run (CI): a few seconds, small numbers; it checks that the dialog works, not speed.
SMOKE = {"seconds": 2.0, "renders": 2, "lines_per_s": 500, "layers": 3}

GOALS = {
    "stall_p99_ms": 20.0,
    "stall_max_ms": 100.0,
    "rss_growth_mb": 200.0,
    "first_paint_ms": 150.0,
}


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


#: The job the flood belongs to (the stand-in controller's only job).
JOB_ID = "bench"
#: When the stand-in's job was created (seconds since the epoch; shown in History).
JOB_CREATED_AT = 1_763_900_000.0


def make_flood_controller(renders: int, layers: int):
    """An engine stand-in that publishes events and answers the whole controller interface.

    Args:
        renders: GPUs (one render each) the machine shows.
        layers: Render layers the scene lists.

    Returns:
        A :class:`~lrc_toolbox.ui.controller.BatchRenderController` whose ``bus`` the benchmark
        publishes on; its job store holds the benchmark's one running job.
    """
    from lrc_toolbox.core import events as ev
    from lrc_toolbox.core.models import CPUInfo, GPUInfo, ResourceInfo, SystemInfo
    from lrc_toolbox.core.scene_source import LayerChoice, PreparedScene
    from lrc_toolbox.ui.controller import (
        ActiveJob,
        BatchRenderController,
        ControllerError,
        JobDetails,
        JobRow,
        SceneSummary,
    )

    gb = 1024**3

    class FloodController(BatchRenderController):
        """An engine stand-in that only publishes events (the dialog's boundary)."""

        scene_reads_are_thread_safe = True

        def __init__(self) -> None:
            self.bus = ev.EventBus()

        def describe_scene(self) -> SceneSummary:
            choices = tuple(
                LayerChoice(f"LAYER_{n:02d}", f"rs_LAYER_{n:02d}", True) for n in range(layers)
            )
            return SceneSummary("bench.ma", "/tmp/bench.ma", choices, "1-1000", "redshift")

        def renderer_names(self) -> list[str]:
            return ["file", "redshift", "arnold", "vray", "sw", "hw2"]

        def system_resources(self, gpus=None, reserve_gpus=None, gpu_count=None) -> ResourceInfo:
            cards = tuple(
                GPUInfo(
                    device_id=n,
                    name="NVIDIA RTX A6000",
                    memory_total=48 * gb,
                    memory_free=20 * gb,
                    compute_capability=(8, 6),
                    utilization_percent=98,
                )
                for n in range(renders)
            )
            system = SystemInfo(
                gpus=cards,
                cpu=CPUInfo(32, 64, 256 * gb, 100 * gb),
                gpu_source="nvml",
                driver_version="550.54.14",
            )
            return ResourceInfo(
                system=system,
                usable_gpus=cards,
                reserved_gpus=(),
                cpu_threads_total=64,
                cpu_threads_reserved=0,
            )

        def subscribe(self, callback, *, logs=True):
            return self.bus.subscribe(callback, logs=logs)

        def validate(self, config):
            return []

        def prepare(self, config, progress=None):
            return PreparedScene(scene_file=config.scene_file)

        def start(self, config, prepared):
            raise ControllerError("the benchmark does not start jobs")

        def stop_task(self, job_id, task_id):
            return None

        def stop_all(self):
            return False

        def is_running(self):
            return True

        def active_job(self):
            return ActiveJob(job_id=JOB_ID, running=True)

        def retry_request(self, job_id=None):
            raise ControllerError("nothing to retry")

        def farm_engines(self):
            return ["openjd"]

        def submit_to_farm(self, config, prepared, engine, *, dry_run=False):
            raise ControllerError("no farm in the benchmark")

        # -- the job store: the benchmark's one running job ---------------------------------------
        def _row(self) -> JobRow:
            return JobRow(
                job_id=JOB_ID,
                state="running",
                scene="/tmp/bench.ma",
                created_at=JOB_CREATED_AT,
                ended_at=None,
                frames_done=0,
                frames_total=renders * 1000,
                frames_failed=0,
                manager_alive=True,
                running_renders=renders,
            )

        def history(self, limit=50):
            return [self._row()][: max(1, limit)]

        def job_details(self, job_id):
            if job_id != JOB_ID:
                raise ControllerError(f"no job {job_id} in the job store")
            return JobDetails(job=self._row(), renderer="redshift")

        def orphaned_jobs(self, scene_path=None):
            return []

        def resume_job(self, job_id):
            raise ControllerError("the benchmark does not resume jobs")

        def retry_job(self, job_id):
            raise ControllerError("the benchmark does not retry jobs")

        def cancel_job(self, job_id):
            raise ControllerError("the benchmark does not cancel jobs")

    return FloodController()


def one_run(seconds: float, renders: int, lines_per_s: int, layers: int) -> dict[str, float]:
    """One measurement in this process; returns the numbers."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import psutil
    from Qt import QtCore, QtWidgets

    from lrc_toolbox.core import events as ev
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog
    from lrc_toolbox.ui.view_state.frame_map import FrameCell

    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    settings_dir = tempfile.mkdtemp(prefix="lrc-bench-settings-")
    settings = QtCore.QSettings(
        os.path.join(settings_dir, "bench.ini"), QtCore.QSettings.Format.IniFormat
    )
    controller = make_flood_controller(renders, layers)

    # -- first paint ------------------------------------------------------------------------------
    painted: dict[str, float] = {}

    class PaintSpy(QtCore.QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
            if event.type() == QtCore.QEvent.Type.Paint and "paint" not in painted:
                painted["paint"] = time.perf_counter()
            return False

    def run_loop(seconds: float, until: Callable[[], bool] | None = None) -> None:
        """Run Qt's own event loop (as Maya does) for ``seconds`` or until ``until()``."""
        loop = QtCore.QEventLoop()
        QtCore.QTimer.singleShot(int(seconds * 1000), loop.quit)
        if until is not None:
            poll = QtCore.QTimer()
            poll.timeout.connect(lambda: until() and loop.quit())
            poll.start(1)
        run = getattr(loop, "exec", None) or loop.exec_
        run()

    spy = PaintSpy()
    started = time.perf_counter()
    dialog = BatchRenderDialog(controller, settings=settings)
    dialog.installEventFilter(spy)
    dialog.resize(1400, 900)
    dialog.show()

    def ready() -> bool:
        if dialog.scene is not None and "layers" not in painted:
            painted["layers"] = time.perf_counter()
        return "paint" in painted and "layers" in painted

    run_loop(30, ready)
    if "paint" not in painted:
        raise RuntimeError("the dialog never painted")
    first_paint_ms = (painted["paint"] - started) * 1000
    layers_ms = (painted.get("layers", time.perf_counter()) - started) * 1000

    # -- the job the flood belongs to -------------------------------------------------------------
    job = JOB_ID
    layer_names = [f"LAYER_{n:02d}" for n in range(renders)]
    frames = list(range(1, FRAMES_PER_LAYER + 1))
    controller.bus.publish(
        ev.JobStarted(
            job_id=job, layers={name: frames for name in layer_names}, renderer="redshift"
        )
    )
    for n, name in enumerate(layer_names):
        controller.bus.publish(
            ev.TaskStarted(
                job_id=job,
                task_id=f"t{n + 1:04d}",
                layer=name,
                layers=[name],
                frames=frames,
                gpus=[str(n)],
                slot=f"GPU {n}",
                pid=10_000 + n,
                log_path="",
            )
        )
    run_loop(1.0)  # settle: the job's rows, its frame map and the first resources are shown
    frame_map = dialog.active_renders_table.frame_map
    if not frame_map.view.isVisible() or frame_map.state.total != renders * FRAMES_PER_LAYER:
        raise RuntimeError("the frame map is not on screen with the job's frames")

    process = psutil.Process()
    rss_start = process.memory_info().rss
    rss_peak = rss_start
    published = [0] * renders
    job_progress_sent = [0]
    stop = threading.Event()

    def flood(index: int) -> None:
        task = f"t{index + 1:04d}"
        layer = layer_names[index]
        bus = controller.bus
        begin = time.perf_counter()
        sent = 0
        progress_sent = 0
        frame = 1
        while not stop.is_set():
            elapsed = time.perf_counter() - begin
            due = int(elapsed * lines_per_s)
            while sent < due:
                level = "warning" if sent % 997 == 0 else "info"
                bus.publish(
                    ev.LogLine(
                        job_id=job,
                        task_id=task,
                        level=level,
                        line=f"[Redshift] Block {sent % 64}/64 ({sent % 8},{sent % 5}) rendered by "
                        f"GPU 0 in {sent % 40}ms (frame {frame})",
                    )
                )
                sent += 1
                if sent % FRAME_LINES == 0:
                    bus.publish(ev.FrameDone(job_id=job, layer=layer, frame=frame, task_id=task))
                    frame += 1
            if index == 0 and elapsed >= job_progress_sent[0] * JOB_PROGRESS_S:
                job_progress_sent[0] += 1
                done = sum(published) // FRAME_LINES
                bus.publish(
                    ev.JobProgress(
                        job_id=job,
                        frames_done=done,
                        frames_total=renders * FRAMES_PER_LAYER,
                        eta_s=max(0.0, 3600.0 - elapsed),
                        elapsed_s=elapsed,
                    )
                )
            progress_due = int(elapsed * PROGRESS_PER_S)
            while progress_sent < progress_due:
                bus.publish(
                    ev.Progress(
                        job_id=job,
                        task_id=task,
                        layer=layer,
                        frame=frame,
                        percent=float((sent % FRAME_LINES) * 100 // FRAME_LINES),
                        frames_done=frame - 1,
                        frames_total=1000,
                    )
                )
                progress_sent += 1
            published[index] = sent
            time.sleep(BURST_S)

    lateness: list[float] = []
    last = [time.perf_counter()]

    def on_tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - TIMER_MS))
        last[0] = now

    timer = QtCore.QTimer()
    timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(on_tick)

    threads = [
        threading.Thread(target=flood, args=(index,), daemon=True) for index in range(renders)
    ]
    last[0] = time.perf_counter()
    timer.start()
    for thread in threads:
        thread.start()
    flood_start = time.perf_counter()
    peaks = [rss_peak]
    sampler = QtCore.QTimer()
    sampler.timeout.connect(lambda: peaks.append(process.memory_info().rss))
    sampler.start(1000)
    run_loop(seconds)
    sampler.stop()
    rss_peak = max(peaks)
    stop.set()
    for thread in threads:
        thread.join()
    timer.stop()
    flood_s = time.perf_counter() - flood_start
    # deliver what is still queued, then measure memory
    run_loop(1.0)
    rss_end = process.memory_info().rss
    rss_peak = max(rss_peak, rss_end)

    total = sum(published)
    received = dialog.logs_monitor.buffer.total_received
    counts = frame_map.state.counts()
    result = {
        "frame_map_frames": float(frame_map.state.total),
        "frame_map_verified": float(counts[FrameCell.VERIFIED]),
        "first_paint_ms": first_paint_ms,
        "layers_listed_ms": layers_ms,
        "stall_p50_ms": _percentile(lateness, 0.50),
        "stall_p99_ms": _percentile(lateness, 0.99),
        "stall_max_ms": max(lateness) if lateness else float("nan"),
        "timer_ticks": float(len(lateness)),
        "lines_published": float(total),
        "lines_per_s": total / flood_s,
        "lines_delivered": float(received),
        "batches": float(dialog.bridge.batches_delivered),
        "rss_start_mb": rss_start / 1e6,
        "rss_growth_mb": (rss_end - rss_start) / 1e6,
        "rss_peak_growth_mb": (rss_peak - rss_start) / 1e6,
        "log_view_lines": float(dialog.logs_monitor.model.rowCount()),
    }
    # After the measurement: the History tab lists the job (its reads run on a worker).
    dialog.show_history()
    run_loop(10, lambda: dialog.history_panel.jobs.rowCount() > 0)
    result["history_jobs_listed"] = float(dialog.history_panel.jobs.rowCount())
    dialog.shutdown()
    return result


def machine() -> str:
    """One line describing this machine and the Qt binding."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import Qt

        binding = f"{Qt.__binding__} {Qt.__qt_version__}"
    except ImportError:
        binding = "no Qt"
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {binding}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}"
    )


ROWS: list[tuple[str, str, str, Callable[[float], str]]] = [
    ("GUI stall p50 (10 ms timer lateness)", "stall_p50_ms", "", lambda v: f"{v:.1f} ms"),
    ("GUI stall p99", "stall_p99_ms", "< 20 ms", lambda v: f"{v:.1f} ms"),
    ("GUI stall max", "stall_max_ms", "< 100 ms", lambda v: f"{v:.1f} ms"),
    ("RSS growth over the flood", "rss_growth_mb", "< 200 MB", lambda v: f"{v:.0f} MB"),
    ("RSS peak growth", "rss_peak_growth_mb", "", lambda v: f"{v:.0f} MB"),
    ("log lines published", "lines_published", "≈ 1,000,000+", lambda v: f"{v:,.0f}"),
    ("log lines per second", "lines_per_s", "40,000", lambda v: f"{v:,.0f}"),
    ("log lines delivered to the panel", "lines_delivered", "", lambda v: f"{v:,.0f}"),
    ("GUI updates (bridge batches)", "batches", "", lambda v: f"{v:,.0f}"),
    (
        "create + show to first paint (20 layers)",
        "first_paint_ms",
        "< 150 ms",
        lambda v: f"{v:.0f} ms",
    ),
    ("create + show to layers listed", "layers_listed_ms", "", lambda v: f"{v:.0f} ms"),
    ("frames in the frame map on screen", "frame_map_frames", "10,000", lambda v: f"{v:,.0f}"),
    ("of them verified during the flood", "frame_map_verified", "", lambda v: f"{v:,.0f}"),
]


def verdict(key: str, value: float) -> str:
    goal = GOALS.get(key)
    if goal is None:
        return ""
    return "met" if value < goal else "**missed**"


def smoke() -> int:
    """Run the dialog briefly under a small flood; 0 when it painted, logged and listed the job."""
    numbers = one_run(SMOKE["seconds"], SMOKE["renders"], SMOKE["lines_per_s"], SMOKE["layers"])
    print(json.dumps(numbers, indent=1, sort_keys=True))
    problems = [
        what
        for what, ok in (
            ("no log line reached the Logs panel", numbers["lines_delivered"] > 0),
            ("the bridge delivered no batch", numbers["batches"] > 0),
            ("the frame map drew no verified frame", numbers["frame_map_verified"] > 0),
            ("History did not list the job", numbers["history_jobs_listed"] >= 1),
        )
        if not ok
    ]
    for problem in problems:
        sys.stderr.write(f"bench_dialog --smoke: {problem}\n")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--renders", type=int, default=RENDERS)
    parser.add_argument("--lines-per-s", type=int, default=LINES_PER_S)
    parser.add_argument("--layers", type=int, default=LAYERS)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="CI check: one short run here with small numbers; exit 0 when the dialog worked",
    )
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        return smoke()
    if args.one_run:
        print(json.dumps(one_run(args.seconds, args.renders, args.lines_per_s, args.layers)))
        return 0
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs = []
    for number in range(args.runs):
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one-run",
                "--seconds",
                str(args.seconds),
                "--renders",
                str(args.renders),
                "--lines-per-s",
                str(args.lines_per_s),
                "--layers",
                str(args.layers),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=args.seconds * 4 + 120,
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            return proc.returncode
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        sys.stderr.write(f"run {number + 1}/{args.runs} done\n")
    header = "| metric | goal | " + " | ".join(f"run {n + 1}" for n in range(len(runs)))
    header += " | median | verdict |"
    print(
        f"Dialog responsiveness: {args.renders} renders × {args.lines_per_s:,} lines/s for "
        f"{args.seconds:g} s, {args.layers}-layer scene; {time.strftime('%Y-%m-%d')}"
    )
    print(f"Machine: {machine()}")
    print()
    print(header)
    print("|" + "---|" * (len(runs) + 4))
    for label, key, goal, fmt in ROWS:
        values = [run[key] for run in runs]
        median = statistics.median(values)
        cells = " | ".join(fmt(value) for value in values)
        print(f"| {label} | {goal} | {cells} | {fmt(median)} | {verdict(key, median)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
