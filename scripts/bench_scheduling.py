#!/usr/bin/env python3
"""Scheduling benchmark: the automatic chunk policy against naive plans, with real processes.

Runs one job (several layers whose frames cost different amounts) through the real engine and the
Render STAND-IN on 4 GPU slots, side by side in one run, for three plans:

* ``auto``: the default policy (automatic chunks, heaviest layer first);
* ``per-layer``: one process per layer (the spec's naive plan);
* ``sequential``: one process renders everything (Maya's own Batch Render).

It reports wall time divided by the lower bound ``max(total frame time / slots + start-up,
start-up + longest frame)``, the median of several rounds. The start-up cost used in the bound is
*measured* (stand-in launch + its start-up sleep) before the rounds, so the bound is honest.

It also measures the manager's overhead: CPU seconds the manager process spends per 100,000 log
lines, with a chatty renderer that floods Redshift block lines.

Usage::

    python scripts/bench_scheduling.py                 # 3 rounds, unit 0.2 s
    python scripts/bench_scheduling.py --rounds 5 --unit 0.1 --json
    python scripts/bench_scheduling.py --smoke         # CI: a tiny job, one round
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lrc_toolbox.api import BatchRenderAPI, RenderConfig, RenderMode  # noqa: E402
from lrc_toolbox.core.scheduler import lower_bound_s  # noqa: E402

SCENE = ROOT / "examples" / "shot001.ma"
#: Frames per layer and the cost of one frame in units; start-up is STARTUP_UNITS units.
JOB = {
    "MASTER_BG_A": (40, 1.0),
    "MASTER_CHAR_A": (40, 3.0),
    "MASTER_FX_A": (40, 0.5),
    "MASTER_ATMOS_A": (40, 0.5),
}
STARTUP_UNITS = 2.0
SLOTS = 4

#: ``--smoke``: frames per layer, seconds per cost unit, and the chatty render's size (lines per
#: frame, frames). CI runs the benchmark this way so it cannot rot; the ratios mean nothing then.
SMOKE_FRAMES_PER_LAYER = 3
SMOKE_UNIT_S = 0.01
SMOKE_OVERHEAD = (200, 2)


def standin() -> str:
    beside = Path(sys.executable).with_name("lrc-render-standin")
    found = str(beside) if beside.exists() else shutil.which("lrc-render-standin")
    if not found:
        sys.exit(
            "lrc-render-standin is not installed: run scripts/run_tests.sh once (or pip install -e .)"
        )
    return found


def measure_startup(exe: str, startup_s: float, work: Path, runs: int = 5) -> float:
    """Median wall time of a stand-in launch that renders one frame costing nothing."""
    env = dict(os.environ, LRC_STANDIN_STARTUP_S=str(startup_s), LRC_STANDIN_FRAME_S="0")
    env.pop("LRC_STANDIN_FAULTS", None)
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


def run_job(
    exe: str, plan: str, unit_s: float, out: Path, workload: dict[str, tuple[int, float]] = JOB
) -> float:
    """Run the benchmark job with one plan; return its wall time in seconds.

    Args:
        exe: The Render stand-in.
        plan: ``auto``, ``per-layer`` or ``sequential``.
        unit_s: Seconds per cost unit.
        out: Output folder (and store) of this run.
        workload: Frames and cost (in units) per layer.
    """
    os.environ["LRC_STANDIN_STARTUP_S"] = str(STARTUP_UNITS * unit_s)
    os.environ["LRC_STANDIN_LAYER_FRAME_S"] = ",".join(
        f"{name}={cost * unit_s:g}" for name, (_, cost) in workload.items()
    )
    os.environ.pop("LRC_STANDIN_FAULTS", None)
    frames = max(n for n, _ in workload.values())
    config = RenderConfig(
        scene_file=str(SCENE),
        layers=list(workload),
        frame_range=f"1-{frames}",
        renderer="redshift",
        render_exe=exe,
        output_dir=str(out),
        retries=0,
        gpus=[str(i) for i in range(SLOTS)],
    )
    if plan == "per-layer":
        config.chunk_size = 100_000
    elif plan == "sequential":
        config.chunk_size = 100_000
        config.render_mode = RenderMode.COMBINED
        config.gpus = ["0"]
    api = BatchRenderAPI(store_path=out / "jobs.sqlite3")
    start = time.perf_counter()
    job = api.submit(config)
    job.wait()
    wall = time.perf_counter() - start
    if job.result is None or not job.result.ok:
        raise SystemExit(f"{plan}: the job failed: {job.result}")
    return wall


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
    script = work / "chatty_render.py"
    script.write_text(f"#!{sys.executable}\n{CHATTY}")
    script.chmod(0o755)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--unit", type=float, default=0.2, help="seconds per cost unit")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-overhead", action="store_true")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a few seconds: a tiny job, one round (CI checks the benchmark still runs; no goal)",
    )
    args = parser.parse_args(argv)
    workload = JOB
    overhead_size = (20_000, 10)
    if args.smoke:
        args.rounds, args.unit = 1, SMOKE_UNIT_S
        workload = {name: (SMOKE_FRAMES_PER_LAYER, cost) for name, (_, cost) in JOB.items()}
        overhead_size = SMOKE_OVERHEAD
    exe = standin()
    results: dict[str, list[float]] = {"auto": [], "per-layer": [], "sequential": []}
    with tempfile.TemporaryDirectory(prefix="lrc-bench-") as tmp:
        work = Path(tmp)
        os.environ["LRC_TOOLBOX_DATA_DIR"] = str(work / "data")
        startup = measure_startup(exe, STARTUP_UNITS * args.unit, work)
        costs = {name: [cost * args.unit] * n for name, (n, cost) in workload.items()}
        bound = lower_bound_s(costs, SLOTS, startup)
        for round_index in range(args.rounds):
            for plan in results:  # side by side in each round: same machine state for all plans
                out = work / f"r{round_index}-{plan}"
                results[plan].append(run_job(exe, plan, args.unit, out, workload))
        overhead = None if args.skip_overhead else measure_overhead(work, *overhead_size)
    report = {
        "unit_s": args.unit,
        "measured_startup_s": round(startup, 3),
        "lower_bound_s": round(bound, 3),
        "rounds": args.rounds,
        "smoke": args.smoke,
        "plans": {
            plan: {
                "median_wall_s": round(statistics.median(walls), 3),
                "ratio_to_bound": round(statistics.median(walls) / bound, 3),
                "walls_s": [round(w, 3) for w in walls],
            }
            for plan, walls in results.items()
        },
        "overhead": overhead,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    layers = ", ".join(f"{k} {n}x{c:g}u" for k, (n, c) in workload.items())
    print(
        f"job: {layers}; unit {args.unit}s; "
        f"{SLOTS} slots; measured start-up {startup:.2f}s; lower bound {bound:.2f}s; "
        f"median of {args.rounds} rounds\n"
    )
    print("| plan | median wall (s) | wall / lower bound |")
    print("|---|---:|---:|")
    for plan, data in report["plans"].items():
        print(f"| {plan} | {data['median_wall_s']:.2f} | {data['ratio_to_bound']:.2f} |")
    if overhead:
        print(
            f"\nmanager overhead: {overhead['cpu_s']:.2f} CPU s for {overhead['lines']:,} log lines "
            f"= {overhead['cpu_s_per_100k']:.3f} CPU s per 100k lines "
            f"(wall {overhead['wall_s']:.2f}s)"
        )
    if args.smoke:
        print("\nsmoke run: the job is too small for these figures to mean anything")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
