#!/usr/bin/env python3
"""Scheduling benchmark: what the user waits for, from ``lrc-batch-render``'s start to its exit.

Four parts, all in one run:

1. **End to end.** A real ``lrc-batch-render`` process renders a heterogeneous job (three layers of
   24 frames; one layer holds most of the work) on 4 GPU slots through the Render STAND-IN, whose
   every launch pays a real per-process start-up (launcher + worker Python processes + a start-up
   sleep). Four plans run side by side in each round, at two time scales:

   * ``auto``: the default (automatic chunks, tail splitting), **cold**: a fresh job store, so
     nothing is known before the job measures it;
   * ``auto-warm``: the same, **warm**: the job store holds one earlier run of the same job (run
     once per scale before the rounds, not timed; each round gets its own copy), so the job
     starts from that run's start-up and frame times (the usual case for an artist re-rendering
     a scene). Never quote this figure as the cold one;
   * ``per-layer``: one process per layer (``--chunk-size 100000``);
   * ``sequential``: one process renders everything (``--mode combined``, one GPU), like Maya's
     own Batch Render.

   For each, the median of the rounds of: the wall time from the CLI's start to its exit, and the
   engine's own span (the ``summary`` event's ``elapsed_s``), each divided by the lower bound
   ``max(total frame time / slots + start-up, start-up + longest frame)``. The start-up in the
   bound is *measured* (median of 5 stand-in launches), so it includes the real launch cost. Also:
   the CLI's own start-up (process start to the first launch), the launch gaps (a render's worker
   ending to the next launch on that slot), and the tail (last worker ending to the CLI's exit).
2. **Planning.** ``--dry-run`` of growing jobs (100 to 1,000,000 frames; 3 x 100,000 and
   200 x 10,000 are the goals), each in a fresh CLI process: wall time and peak memory, plus the
   plan and preview times in-process.
3. **Per-dispatch cost.** The work queue's cost of carving one task at the start, middle and end
   of a 100,000-frame layer (chunks of 10 frames, 10,000 dispatches): it must not grow with the
   frames already handed out.
4. **Manager overhead.** CPU seconds of the manager per 100,000 log lines, with a chatty renderer.

Usage::

    python scripts/bench_scheduling.py                  # everything, 3 rounds
    python scripts/bench_scheduling.py --parts e2e --scales short --rounds 5
    python scripts/bench_scheduling.py --json
    python scripts/bench_scheduling.py --smoke          # CI: tiny sizes, one round, no goal
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lrc_toolbox.core.scheduler import lower_bound_s  # noqa: E402

SCENE = ROOT / "examples" / "shot001.ma"
SLOTS = 4
GPUS = ",".join(str(i) for i in range(SLOTS))

#: The job: per layer (scene order), frames and seconds per frame at the short scale. One layer
#: holds most of the work (62%); the layers differ 5x in frame cost.
JOB: dict[str, tuple[int, float]] = {
    "MASTER_BG_A": (24, 0.10),
    "MASTER_CHAR_A": (24, 0.25),
    "MASTER_ATMOS_A": (24, 0.05),
}
#: Start-up sleep of every stand-in launch at the short scale (its Python start-up comes on top).
STARTUP_S = 0.5
#: Time scales: every duration of the job (start-up and frames) is multiplied by the factor.
SCALES: dict[str, float] = {"short": 1.0, "long": 6.0}
PLANS = ("auto", "auto-warm", "per-layer", "sequential")

#: Goals of issue 16 (median of the rounds), checked and printed beside the figures.
GOAL_E2E = {"short": 1.35, "long": 1.15}
GOAL_PER_LAYER_MIN = 1.8
GOAL_PLAN_S = 2.0

#: Planning sizes: (label, layers, frames per layer).
PLAN_SIZES: list[tuple[str, int, int]] = [
    ("100", 1, 100),
    ("1,000", 1, 1_000),
    ("10,000", 1, 10_000),
    ("100,000", 1, 100_000),
    ("3 x 100,000", 3, 100_000),
    ("200 x 10,000", 200, 10_000),
    ("1,000,000 (10 x 100,000)", 10, 100_000),
]
SMOKE_PLAN_SIZES: list[tuple[str, int, int]] = [("100", 1, 100), ("3 x 1,000", 3, 1_000)]


def standin() -> str:
    """The stand-in's console script (beside this Python, else on PATH)."""
    return _script("lrc-render-standin")


def cli() -> str:
    """The CLI's console script (beside this Python, else on PATH)."""
    return _script("lrc-batch-render")


def _script(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: run scripts/run_tests.sh once (or pip install -e .)")
    return found


def _clean_env(work: Path) -> dict[str, str]:
    """The environment of every process the benchmark starts: private data and lease folders."""
    env = dict(os.environ)
    for name in ("LRC_STANDIN_FAULTS", "LRC_STANDIN_FRAME_S", "LRC_STANDIN_LAYER_FRAME_S"):
        env.pop(name, None)
    env["LRC_TOOLBOX_DATA_DIR"] = str(work / "data")
    env["LRC_TOOLBOX_LEASE_DIR"] = str(work / "leases")
    return env


# --------------------------------------------------------------------------------------------------
# Part 1: end to end
# --------------------------------------------------------------------------------------------------
def measure_startup(exe: str, startup_s: float, work: Path, runs: int = 5) -> float:
    """Median wall time of a stand-in launch that renders one frame costing nothing."""
    env = _clean_env(work)
    env.update(LRC_STANDIN_STARTUP_S=str(startup_s), LRC_STANDIN_FRAME_S="0")
    times = []
    for i in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [exe, "-r", "redshift", "-s", "1", "-e", "1", "-rd", str(work / f"cal{i}"), str(SCENE)],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class RunFigures:
    """What one CLI run measured.

    Attributes:
        e2e_s: CLI start to exit.
        engine_s: The engine's own span (the summary's ``elapsed_s``).
        first_launch_s: CLI start to its first launch.
        tail_s: The last render's end to the CLI's exit.
        gaps_s: Per slot, a task's end (as the engine recorded it, its process tree gone) to the
            next launch there: the manager's own gap.
        worker_gaps_s: The same from the ``Render`` launcher's last act (its record just before
            it exits): includes the launcher's own exit (its Python interpreter's shutdown).
        tasks: Launches.
        timeline: Per task (slot, layer, frames, launch, end) in seconds from the CLI's start.
    """

    e2e_s: float
    engine_s: float
    first_launch_s: float
    tail_s: float
    gaps_s: list[float]
    worker_gaps_s: list[float]
    tasks: int
    timeline: list[tuple[int, str, str, float, float]]


def plan_args(plan: str) -> list[str]:
    """The CLI options that make ``plan`` (``auto-warm`` differs from ``auto`` in its store)."""
    if plan == "per-layer":
        return ["--gpus", GPUS, "--chunk-size", "100000"]
    if plan == "sequential":
        return ["--gpus", "0", "--chunk-size", "100000", "--mode", "combined"]
    return ["--gpus", GPUS]


def run_cli_job(
    plan: str,
    scale: float,
    out: Path,
    work: Path,
    job: dict[str, tuple[int, float]],
    history: Path | None = None,
) -> RunFigures:
    """Run the job through a real ``lrc-batch-render`` process; return its figures.

    Args:
        plan: One of :data:`PLANS`.
        scale: The time scale's factor.
        out: A new folder for this run (images, job store, records).
        work: The benchmark's folder (private data and lease folders).
        job: The job.
        history: A job store to start from (a copy is made), or None for a fresh one.
    """
    out.mkdir(parents=True)
    if history is not None:
        with sqlite3.connect(history) as source, sqlite3.connect(out / "jobs.sqlite3") as copy:
            source.backup(copy)
    launcher_record = out / "standin-launchers.jsonl"
    env = _clean_env(work)
    env["LRC_STANDIN_STARTUP_S"] = f"{STARTUP_S * scale:g}"
    env["LRC_STANDIN_LAYER_FRAME_S"] = ",".join(
        f"{name}={cost * scale:g}" for name, (_, cost) in job.items()
    )
    env["LRC_STANDIN_LAUNCHER_RECORD"] = str(launcher_record)
    frames = max(n for n, _ in job.values())
    argv = [
        cli(),
        "--scene",
        str(SCENE),
        "--layers",
        ",".join(job),
        "--frames",
        f"1-{frames}",
        "--renderer",
        "redshift",
        "--render-exe",
        standin(),
        "--output-dir",
        str(out / "images"),
        "--store",
        str(out / "jobs.sqlite3"),
        "--retries",
        "0",
        "--json",
        *plan_args(plan),
    ]
    spawned_wall = time.time()
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    e2e = time.perf_counter() - start
    exited_wall = spawned_wall + e2e
    if proc.returncode != 0:
        raise SystemExit(f"{plan}: lrc-batch-render exited {proc.returncode}:\n{proc.stderr}")
    summary = next(
        json.loads(line)
        for line in reversed(proc.stdout.splitlines())
        if line.startswith("{") and '"summary"' in line
    )
    tasks = _stored_tasks(out / "jobs.sqlite3", str(summary["job_id"]))
    launchers = _ends(launcher_record, "launcher_end", "pid")
    gaps: list[float] = []
    render_gaps: list[float] = []
    by_slot: dict[int, list[StoredTask]] = {}
    for task in tasks:
        by_slot.setdefault(task.slot, []).append(task)
    for runs in by_slot.values():
        runs.sort(key=lambda t: t.started)
        for before, after in zip(runs, runs[1:], strict=False):
            gaps.append(after.started - before.ended)
            if before.pid in launchers:
                render_gaps.append(after.started - launchers[before.pid])
    timeline = [
        (t.slot, t.layers, t.frames, t.started - spawned_wall, t.ended - spawned_wall)
        for t in sorted(tasks, key=lambda t: t.started)
    ]
    return RunFigures(
        e2e_s=e2e,
        engine_s=float(summary["elapsed_s"]),
        first_launch_s=min(t.started for t in tasks) - spawned_wall,
        tail_s=exited_wall - max(t.ended for t in tasks),
        gaps_s=gaps,
        worker_gaps_s=render_gaps,
        tasks=len(tasks),
        timeline=timeline,
    )


@dataclass(frozen=True)
class StoredTask:
    """A launched task as the job store has it (wall-clock times)."""

    started: float
    ended: float
    pid: int
    slot: int
    layers: str
    frames: str


def _stored_tasks(store: Path, job_id: str) -> list[StoredTask]:
    """Every launched task of a job: its launch, its end as the engine recorded it."""
    with sqlite3.connect(store) as conn:
        rows = conn.execute(
            "SELECT started_at, ended_at, pid, slot, layers_json, frames_json FROM tasks "
            "WHERE started_at IS NOT NULL AND job_id = ?",
            (job_id,),
        ).fetchall()
    result = []
    for started, ended, pid, slot, layers, frames in rows:
        numbers = json.loads(frames)
        text = f"{numbers[0]}-{numbers[-1]}" if numbers else ""
        result.append(
            StoredTask(
                float(started),
                float(ended),
                int(pid),
                int(slot),
                "+".join(json.loads(layers)),
                text,
            )
        )
    return result


def _ends(record: Path, event_name: str, key: str) -> dict[int, float]:
    """Pid (``key`` of the event) -> time of its ``event_name`` events in a stand-in record."""
    ends: dict[int, float] = {}
    if not record.exists():
        return ends
    for line in record.read_text().splitlines():
        event = json.loads(line)
        if event.get("event") == event_name:
            ends[int(event[key])] = float(event["time"])
    return ends


def bench_e2e(
    scales: Sequence[str],
    rounds: int,
    work: Path,
    job: dict[str, tuple[int, float]],
    plans: Sequence[str] = PLANS,
    factors: dict[str, float] = SCALES,
) -> dict[str, Any]:
    """Part 1 for every scale: the plans side by side in each round."""
    exe = standin()
    report: dict[str, Any] = {}
    for scale_name in scales:
        scale = factors[scale_name]
        startup = measure_startup(exe, STARTUP_S * scale, work)
        costs = {name: [cost * scale] * n for name, (n, cost) in job.items()}
        bound = lower_bound_s(costs, SLOTS, startup)
        history = None
        if "auto-warm" in plans:  # the earlier run a warm job starts from (not timed)
            warm_up = work / f"{scale_name}-warm-up"
            run_cli_job("auto", scale, warm_up, work, job)
            history = warm_up / "jobs.sqlite3"
        runs: dict[str, list[RunFigures]] = {plan: [] for plan in plans}
        for round_index in range(rounds):
            for plan in plans:  # side by side: the same machine state for every plan
                out = work / f"{scale_name}-r{round_index}-{plan}"
                start_from = history if plan == "auto-warm" else None
                runs[plan].append(run_cli_job(plan, scale, out, work, job, start_from))
        report[scale_name] = {
            "startup_sleep_s": STARTUP_S * scale,
            "frame_s": {name: cost * scale for name, (_, cost) in job.items()},
            "measured_startup_s": round(startup, 3),
            "lower_bound_s": round(bound, 3),
            "plans": {plan: _summarise(figures, bound) for plan, figures in runs.items()},
        }
    return report


def _summarise(figures: list[RunFigures], bound: float) -> dict[str, Any]:
    e2e = statistics.median(f.e2e_s for f in figures)
    engine = statistics.median(f.engine_s for f in figures)
    gaps = [g for f in figures for g in f.gaps_s]
    worker_gaps = [g for f in figures for g in f.worker_gaps_s]
    return {
        "e2e_s": round(e2e, 3),
        "e2e_ratio": round(e2e / bound, 3),
        "engine_s": round(engine, 3),
        "engine_ratio": round(engine / bound, 3),
        "e2e_runs_s": [round(f.e2e_s, 3) for f in figures],
        "first_launch_s": round(statistics.median(f.first_launch_s for f in figures), 3),
        "tail_s": round(statistics.median(f.tail_s for f in figures), 3),
        "gap_median_s": round(statistics.median(gaps), 4) if gaps else None,
        "gap_max_s": round(max(gaps), 4) if gaps else None,
        "gaps": len(gaps),
        "worker_gap_median_s": round(statistics.median(worker_gaps), 4) if worker_gaps else None,
        "tasks": statistics.median(f.tasks for f in figures),
        "timeline_round1": [
            [slot, layer, frames, round(a, 3), round(b, 3)]
            for slot, layer, frames, a, b in figures[0].timeline
        ],
    }


# --------------------------------------------------------------------------------------------------
# Part 2: planning
# --------------------------------------------------------------------------------------------------
def write_scene(path: Path, layers: int) -> list[str]:
    """A Render Setup scene with ``layers`` renderable layers; return their names."""
    names = [f"L{k:03d}" for k in range(1, layers + 1)]
    parts = [
        "//Maya ASCII 2024 scene\n",
        'requires maya "2024";\n',
        'requires -nodeType "renderSetupLayer" -nodeType "renderSetup" "renderSetup.py" "1.0";\n',
        "currentUnit -l centimeter -a degree -t film;\n",
        'createNode renderLayerManager -n "renderLayerManager";\n',
        'createNode renderLayer -n "defaultRenderLayer";\n\tsetAttr ".g" yes;\n',
        '\tsetAttr ".rndr" no;\ncreateNode renderSetup -n "renderSetup";\n',
    ]
    for k, name in enumerate(names, start=1):
        parts.append(
            f'createNode renderSetupLayer -n "{name}";\n'
            f'createNode renderLayer -n "rs_{name}";\n\tsetAttr ".do" {k};\n'
        )
    parts.append(
        'select -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type "string" "redshift";\n'
        '\tsetAttr ".an" yes;\n\tsetAttr ".ef" 24;\n'
        'connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";\n'
    )
    for k, name in enumerate(names, start=1):
        parts.append(
            f'connectAttr "rs_{name}.msg" "{name}.lrl";\n'
            f'connectAttr "renderLayerManager.rlmi[{k}]" "rs_{name}.rlid";\n'
        )
    path.write_text("".join(parts))
    return names


PLAN_CHILD = textwrap.dedent(
    """
    import json, sys, time
    t0 = time.perf_counter()
    from lrc_toolbox.api import BatchRenderAPI, RenderConfig
    from lrc_toolbox.cli.dry_run import preview_tasks
    t1 = time.perf_counter()
    scene, layers, frames, exe, gpus, store = sys.argv[1:7]
    config = RenderConfig(scene_file=scene, layers=layers.split(","), frame_range=frames,
                          renderer="redshift", render_exe=exe, gpus=gpus.split(","))
    api = BatchRenderAPI(store_path=store)
    plan = api.plan(config)
    t2 = time.perf_counter()
    tasks = preview_tasks(plan)
    t3 = time.perf_counter()
    print(json.dumps({"import_s": t1 - t0, "plan_s": t2 - t1, "preview_s": t3 - t2,
                      "tasks": len(tasks)}))
    """
)


def bench_planning(sizes: Sequence[tuple[str, int, int]], work: Path) -> list[dict[str, Any]]:
    """Part 2: ``--dry-run`` of growing jobs in fresh processes."""
    env = _clean_env(work)
    rows = []
    for label, layers, per_layer in sizes:
        scene = work / f"plan_{layers}.ma"
        names = write_scene(scene, layers)
        frames = f"1-{per_layer}"
        common = ["--scene", str(scene), "--layers", ",".join(names), "--frames", frames]
        common += ["--renderer", "redshift", "--render-exe", standin(), "--gpus", GPUS]
        common += ["--store", str(work / "plan.sqlite3"), "--dry-run"]
        row: dict[str, Any] = {"size": label, "frames": layers * per_layer}
        for mode, extra in (("text", []), ("json", ["--json"])):
            wall, rss = _timed_child([cli(), *common, *extra], env)
            row[f"dry_run_{mode}_s"] = round(wall, 3)
            row[f"dry_run_{mode}_rss_mib"] = round(rss, 1)
        child = [sys.executable, "-c", PLAN_CHILD, str(scene), ",".join(names), frames]
        child += [standin(), GPUS, str(work / "plan.sqlite3")]
        proc = subprocess.run(child, env=env, capture_output=True, text=True, check=True)
        inner = json.loads(proc.stdout.strip().splitlines()[-1])
        row.update(
            plan_s=round(inner["plan_s"], 3),
            preview_s=round(inner["preview_s"], 3),
            tasks=inner["tasks"],
        )
        rows.append(row)
    return rows


def _timed_child(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process (its output is thrown away)."""
    wrapper = textwrap.dedent(
        """
        import json, resource, subprocess, sys, time
        start = time.perf_counter()
        code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
        wall = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({"code": code, "wall": wall, "rss": rss}))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *argv], env=env, capture_output=True, text=True, check=True
    )
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    if data["code"] != 0:
        raise SystemExit(f"dry run failed ({data['code']}): {' '.join(argv)}\n{proc.stderr}")
    rss_mib = data["rss"] / (1024 * 1024) if sys.platform == "darwin" else data["rss"] / 1024
    return float(data["wall"]), rss_mib


# --------------------------------------------------------------------------------------------------
# Part 3: per-dispatch cost
# --------------------------------------------------------------------------------------------------
def bench_dispatch(frames: int = 100_000, chunk: int = 10, layers: int = 1) -> dict[str, Any]:
    """Part 3: microseconds per carved task at the start, middle and end of a job.

    Args:
        frames: Frames per layer.
        chunk: Frames per task (a fixed chunk size, so the job is many dispatches).
        layers: Layers of the job (carving is O(layers), never O(frames)).
    """
    from lrc_toolbox.core.models import GPUInfo
    from lrc_toolbox.core.scheduler import ChunkPolicy, Slot, WorkQueue
    from lrc_toolbox.utils.frame_parser import FrameSet

    queue = WorkQueue(
        {f"L{k}": FrameSet.parse(f"1-{frames}") for k in range(layers)},
        policy=ChunkPolicy(fixed_size=chunk),
        retries=0,
    )
    slot = Slot(0, GPUInfo(0, "GPU 0", 8 << 30, 8 << 30, (8, 6), uuid="GPU-0"))
    times: list[float] = []
    while True:
        start = time.perf_counter()
        task = queue.next_task(slot, slot_count=4)
        times.append(time.perf_counter() - start)
        if task is None:
            break
    times.pop()
    tenth = max(1, len(times) // 10)
    middle = len(times) // 2

    def us(part: list[float]) -> float:
        return round(statistics.median(part) * 1e6, 2)

    return {
        "layers": layers,
        "frames": frames,
        "chunk": chunk,
        "dispatches": len(times),
        "first_10pct_us": us(times[:tenth]),
        "middle_10pct_us": us(times[middle - tenth // 2 : middle + tenth // 2 + 1]),
        "last_10pct_us": us(times[-tenth:]),
    }


# --------------------------------------------------------------------------------------------------
# Part 4: manager overhead
# --------------------------------------------------------------------------------------------------
CHATTY = textwrap.dedent(
    '''
    """A chatty Render look-alike for the overhead benchmark: floods Redshift block lines."""
    import os, sys
    args = sys.argv[1:]
    def flag(name, default=None):
        return args[args.index(name) + 1] if name in args else default
    start, end = int(float(flag("-s", "1"))), int(float(flag("-e", "1")))
    out = flag("-rd", ".")
    lines = int(os.environ.get("CHATTY_LINES_PER_FRAME", "20000"))
    os.makedirs(out, exist_ok=True)
    write = sys.stdout.write
    for frame in range(start, end + 1):
        write(f"[Redshift] Rendering frame {frame} (1/1)...\\n")
        for block in range(1, lines + 1):
            write(f"[Redshift] Block {block}/{lines} (3,4) rendered by GPU 0 in 2ms\\n")
        path = os.path.join(out, f"chatty.{frame:04d}.exr")
        with open(path, "wb") as image:
            image.write(b"chatty image")
        write(f"[Redshift] Saving: {path}\\n")
        sys.stdout.flush()
    '''
)


def measure_overhead(work: Path, lines_per_frame: int, frames: int) -> dict[str, float]:
    """CPU seconds of the manager process per 100k log lines (one render, one slot)."""
    from lrc_toolbox.api import BatchRenderAPI, RenderConfig

    script = work / "chatty_render.py"
    script.write_text(f"#!{sys.executable}\n{CHATTY}")
    script.chmod(0o755)
    os.environ.update(_clean_env(work))
    os.environ["CHATTY_LINES_PER_FRAME"] = str(lines_per_frame)
    config = RenderConfig(
        scene_file=str(SCENE),
        layers=["MASTER_BG_A"],
        frame_range=f"1-{frames}",
        renderer="redshift",
        render_exe=str(script),
        output_dir=str(work / "chatty"),
        gpus=["0"],
        retries=0,
        chunk_size=frames,
    )
    api = BatchRenderAPI(store_path=work / "overhead.sqlite3")
    cpu0, wall0 = time.process_time(), time.perf_counter()
    job = api.submit(config)
    job.wait()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    if job.result is None or not job.result.ok:
        raise SystemExit(f"overhead job failed: {job.result}")
    lines = frames * (lines_per_frame + 2)
    return {"lines": lines, "cpu_s": cpu, "wall_s": wall, "cpu_s_per_100k": cpu / lines * 1e5}


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------
def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def print_report(
    report: dict[str, Any], job: dict[str, tuple[int, float]], *, timeline: bool = False
) -> None:
    """The figures as markdown tables, with the goals beside them."""
    meta = report["machine"]
    print(
        f"{meta['when']}; {meta['cpus']} CPUs, load {meta['load']}; Python {meta['python']}; "
        f"median of {report['rounds']} rounds\n"
    )
    if "e2e" in report:
        layers = ", ".join(f"{k} {n} frames x {c:g}s" for k, (n, c) in job.items())
        print(
            f"End to end: {layers} (short scale); start-up sleep {STARTUP_S:g}s; {SLOTS} slots; "
            "ratios to the lower bound\n"
        )
        print(
            "| scale | measured start-up | lower bound | plan | CLI start to exit | ratio | "
            "engine span | ratio | CLI start to 1st launch | launch gap median / max | "
            "gap from Render's last act | last exit to CLI exit | tasks |"
        )
        print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for scale, data in report["e2e"].items():
            for plan, fig in data["plans"].items():
                gap = (
                    f"{fig['gap_median_s'] * 1000:.0f} / {fig['gap_max_s'] * 1000:.0f} ms"
                    if fig["gap_median_s"] is not None
                    else "-"
                )
                print(
                    f"| {scale} | {data['measured_startup_s']:.2f} s | "
                    f"{data['lower_bound_s']:.2f} s | {plan} | {fig['e2e_s']:.2f} s | "
                    f"**{fig['e2e_ratio']:.2f}x** | {fig['engine_s']:.2f} s | "
                    f"{fig['engine_ratio']:.2f}x | {fig['first_launch_s']:.2f} s | {gap} | "
                    f"{_ms(fig['worker_gap_median_s'])} | {fig['tail_s']:.2f} s | "
                    f"{fig['tasks']:g} |"
                )
        print()
        if timeline:
            for scale, data in report["e2e"].items():
                for plan in ("auto", "auto-warm"):
                    if plan not in data["plans"]:
                        continue
                    print(
                        f"timeline, {scale} scale, {plan}, round 1 (seconds from the CLI's start):"
                    )
                    for slot, layer, frames, begin, end in data["plans"][plan]["timeline_round1"]:
                        print(f"  slot {slot}  {begin:7.2f} - {end:7.2f}  {layer} {frames}")
            print()
        for scale, data in report["e2e"].items():
            for plan, label in (("auto", "auto (cold)"), ("auto-warm", "auto (warm)")):
                if plan not in data["plans"]:
                    continue
                ratio = data["plans"][plan]["e2e_ratio"]
                verdict = "met" if ratio <= GOAL_E2E[scale] else "MISSED"
                print(f"goal {scale}: {label} {ratio:.2f}x <= {GOAL_E2E[scale]}x {verdict}")
            if "per-layer" in data["plans"]:
                naive = data["plans"]["per-layer"]["e2e_ratio"]
                verdict = "met" if naive >= GOAL_PER_LAYER_MIN else "MISSED"
                print(f"goal {scale}: per-layer {naive:.2f}x >= {GOAL_PER_LAYER_MIN}x {verdict}")
        print()
    if "planning" in report:
        print("Planning (--dry-run in a fresh CLI process; 4 GPU slots):\n")
        print(
            "| frames | dry-run wall (text) | peak RSS | dry-run wall (--json) | peak RSS | "
            "plan (in-process) | preview | tasks |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in report["planning"]:
            print(
                f"| {row['size']} | {row['dry_run_text_s']:.2f} s | "
                f"{row['dry_run_text_rss_mib']:.0f} MiB | {row['dry_run_json_s']:.2f} s | "
                f"{row['dry_run_json_rss_mib']:.0f} MiB | {row['plan_s']:.3f} s | "
                f"{row['preview_s']:.3f} s | {row['tasks']} |"
            )
        print()
    if "dispatch" in report:
        print("Per-dispatch cost (the work queue carving one task; fixed chunks of 10 frames):\n")
        print("| job | dispatches | first 10% | middle 10% | last 10% |")
        print("|---|---:|---:|---:|---:|")
        for d in report["dispatch"]:
            print(
                f"| {d['layers']} layer(s) x {d['frames']:,} frames | {d['dispatches']:,} | "
                f"{d['first_10pct_us']} us | {d['middle_10pct_us']} us | {d['last_10pct_us']} us |"
            )
        print()
    overhead = report.get("overhead")
    if overhead:
        print(
            f"Manager overhead: {overhead['cpu_s']:.2f} CPU s for {overhead['lines']:,} log lines "
            f"= {overhead['cpu_s_per_100k']:.3f} CPU s per 100k lines "
            f"(wall {overhead['wall_s']:.2f}s)"
        )
    if report["smoke"]:
        print("\nsmoke run: the sizes are too small for these figures to mean anything")


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts and print (or dump as JSON) the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--parts",
        default="e2e,planning,dispatch,overhead",
        help="comma-separated: e2e, planning, dispatch, overhead",
    )
    parser.add_argument("--scales", default="short,long", help="comma-separated: short, long")
    parser.add_argument(
        "--plans", default=",".join(PLANS), help=f"comma-separated: {', '.join(PLANS)}"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--timeline", action="store_true", help="also print the auto plan's first round per task"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a few seconds: tiny sizes, one round (CI checks the benchmark still runs; no goal)",
    )
    args = parser.parse_args(argv)
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    job = JOB
    factors = SCALES
    plan_sizes = PLAN_SIZES
    overhead_size = (20_000, 10)
    dispatch_frames = 100_000
    if args.smoke:
        args.rounds = 1
        scales = ["short"]
        job = {name: (3, cost) for name, (_, cost) in JOB.items()}
        factors = {"short": 0.2}  # a 0.1 s start-up: seconds in all
        plan_sizes = SMOKE_PLAN_SIZES
        overhead_size = (200, 2)
        dispatch_frames = 1_000
    report: dict[str, Any] = {
        "rounds": args.rounds,
        "smoke": args.smoke,
        "machine": {
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "cpus": os.cpu_count(),
            "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
            "python": platform.python_version(),
        },
    }
    with tempfile.TemporaryDirectory(prefix="lrc-bench-") as tmp:
        work = Path(tmp)
        if "e2e" in parts:
            plans = [p.strip() for p in args.plans.split(",") if p.strip()]
            report["e2e"] = bench_e2e(scales, args.rounds, work, job, plans, factors)
        if "planning" in parts:
            report["planning"] = bench_planning(plan_sizes, work)
        if "dispatch" in parts:
            report["dispatch"] = [
                bench_dispatch(dispatch_frames),
                bench_dispatch(dispatch_frames // 200, layers=200),
            ]
        if "overhead" in parts:
            report["overhead"] = measure_overhead(work, *overhead_size)
    report["machine"]["load_after"] = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report, job, timeline=args.timeline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
