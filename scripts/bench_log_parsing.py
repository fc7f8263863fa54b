"""Benchmark ``LogParser.feed``: lines per second per renderer profile on realistic logs.

Generates one synthetic but realistic log per profile (line shapes taken from real Redshift,
Arnold, V-Ray and Maya Software batch logs; see ``shared/reference/maya-render-facts.md`` section
3), then times feeding every line to a fresh parser, single-threaded, with
``time.perf_counter``. Each profile is timed ``--runs`` times and the median is reported.

The Redshift log (about 1,000,000 lines at ``--scale 1``) is mostly
``Block i/N (x,y) rendered by GPU g in Nms`` lines, out of order as two GPUs finish them, plus
INFO noise; the ``file`` profile (the default, which carries every renderer's rules) is timed on
the same Redshift log.

Usage::

    python scripts/bench_log_parsing.py            # markdown table
    python scripts/bench_log_parsing.py --json     # the same figures as JSON
    python scripts/bench_log_parsing.py --smoke    # CI: tiny logs, one run, just proves it runs
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable

from lrc_toolbox.renderers import get_profile

#: Goal from the task brief: a realistic Redshift log must parse at this rate on one core.
GOAL_LINES_PER_S = 200_000

#: Frames per generated log at ``--scale 1``: Redshift gets ~1,000,000 lines, the others fewer.
REDSHIFT_FRAMES = 1038
ARNOLD_FRAMES = 1500
VRAY_FRAMES = 1500
SW_FRAMES = 4000

#: Blocks per Redshift frame: 2560x1440 in 64x64 blocks.
REDSHIFT_BLOCKS = 920

#: ``--smoke``: log size multiplier (Redshift: about 1,000 lines) and timed runs. CI runs the
#: benchmark this way so it cannot rot; the figures mean nothing at this size.
SMOKE_SCALE = 0.001
SMOKE_RUNS = 1


def _shuffled_blocks(rng: random.Random, total: int) -> list[int]:
    """Block numbers in the order two GPUs report them: mostly rising, locally out of order."""
    order = list(range(1, total + 1))
    window_blocks = 8
    for start in range(0, total, window_blocks):
        window = order[start : start + window_blocks]
        rng.shuffle(window)
        order[start : start + window_blocks] = window
    return order


def redshift_log(frames: int, rng: random.Random) -> list[str]:
    """A Redshift-for-Maya batch log: startup, then per frame noise + out-of-order blocks + saves."""
    lines = [
        "Redshift for Maya 2024",
        "Version 3.5.19, Sep 28 2023",
        "Loading Redshift procedural extensions...",
        "// Warning: file: /proj/scenes/shot.ma line 7: Unrecognized node type 'xgmPalette'. //",
        "INFO : [Redshift] Detected 2 CUDA devices",
    ]
    noise = [
        "INFO : [Redshift] Preparing ray tracing hierarchy for meshes",
        "INFO : [Redshift] Time to process 12 lights: 0.01s",
        "INFO : [Redshift] Allocating VRAM for device 0 (NVIDIA GeForce RTX 4090)",
        "INFO : [Redshift]   Redshift can use up to 20000 MB",
        "INFO : [Redshift]   Fixed: 1216 MB",
        "INFO : [Redshift]   Geo: 3200 MB, Tex: 512 MB, Rays: 1400 MB, NRPR: 262144",
        "Resources: [Redshift]              Total triangles:                        18290255",
        "INFO : [Redshift] Loading textures...",
        "INFO : [Redshift] Irradiance point cloud...",
        "INFO : [Redshift] Rendering blocks... (block size: 64x64)",
    ]
    for index, frame in enumerate(range(1001, 1001 + frames), start=1):
        lines.append(f"Rendering layer 'rs_beauty', frame {frame} ({index}/{frames})")
        lines.extend(noise * 4)
        for block in _shuffled_blocks(rng, REDSHIFT_BLOCKS):
            gpu = block % 2
            x, y = block % 40, block // 40
            lines.append(
                f"INFO : [Redshift] Block {block}/{REDSHIFT_BLOCKS} ({x},{y}) "
                f"rendered by GPU {gpu} in {rng.randint(2, 40)}ms"
            )
        lines.append("INFO : [Redshift] Frame rendering done")
        lines.append(f"INFO : [Redshift] Saving: /proj/images/rs_beauty/shot.{frame:04d}.exr")
        lines.append(f"INFO : [Redshift] Rendering time: {rng.uniform(5, 60):.1f}s (2 GPU(s) used)")
    return lines


def arnold_log(frames: int, rng: random.Random) -> list[str]:
    """An MtoA batch log at ``-ai:lve 2``: timestamped info lines, ``N% done`` and driver writes."""
    lines = [
        "00:00:00    92MB         | log started Mon Jan 22 10:00:00 2024",
        "00:00:00    92MB         | Arnold 7.2.4.1 [c5d3f1c8] linux x86_64 clang-15.0.7",
    ]
    info = [
        "| [color_manager] ocio:// color manager found",
        "|  GPU 0: NVIDIA RTX A6000 @ 1800MHz (compute 8.6) with 48685MB (47000MB available)",
        "| [texturesys] loaded 12 textures",
        "| starting 32 bucket workers of size 64x64 ...",
        '| [aov] registered driver: "defaultArnoldDriver@driver_exr.RGBA" (driver_exr)',
        "| rendering image at 1920 x 1080, 3 AA samples",
        "|   diffuse  samples 2 / depth 1",
        "|   specular samples 2 / depth 1",
        "| [subdiv] /geo/body: regular subdivision done - 2 iterations: 15200 faces => 243200",
        "| node initialization done in 0:00.18 (multithreaded)",
    ]
    for frame in range(1, frames + 1):
        stamp = f"00:{frame % 60:02d}:{rng.randint(0, 59):02d}"
        for text in info * 8:
            lines.append(f"{stamp}  {rng.randint(500, 9000):5d}MB         {text}")
        lines.append(f"{stamp}  1234MB WARNING |  [mtoa] unsupported attribute on /cam{frame % 3}")
        for percent in range(0, 101, 5):
            lines.append(
                f"{stamp}  1234MB         |  {percent:3d}% done - {rng.randint(1, 60)} rays/pixel"
            )
        lines.append(f"{stamp}  1234MB         | render done in 0:{rng.randint(10, 59)}.123")
        lines.append(
            f"{stamp}  1234MB         | [driver_exr] writing file "
            f"`/proj/images/beauty/shot.{frame:04d}.exr'"
        )
    return lines


def vray_log(frames: int, rng: random.Random) -> list[str]:
    """A V-Ray for Maya batch log: frame updates, light cache, ``Rendering image...: N%``."""
    lines = ["V-Ray for Maya version 6.10.06 from Jun 10 2023", "V-Ray: Loading plugins..."]
    info = [
        "[2024/Jan/22|10:00:00] V-Ray: Preparing scene for rendering...",
        "[2024/Jan/22|10:00:00] V-Ray: Creating 16 threads",
        "[2024/Jan/22|10:00:00] V-Ray: Compiling geometry...",
        "[2024/Jan/22|10:00:01] V-Ray: Building light cache...",
        "[2024/Jan/22|10:00:01] V-Ray: Number of raycasts: 1202839",
        "[2024/Jan/22|10:00:01] Loaded texture /proj/tex/wood_diff.1001.exr",
    ]
    for frame in range(1, frames + 1):
        lines.append(f"[2024/Jan/22|10:00:00] V-Ray: Updating frame at time {frame}")
        lines.extend(info * 5)
        lines.append("[2024/Jan/22|10:00:02] V-Ray: Rendering image...")
        for tenth in range(0, 1001, 10):
            elapsed = rng.uniform(0, 9)
            lines.append(
                f"[2024/Jan/22|10:00:02] V-Ray: Rendering image...: {tenth / 10:6.2f}% "
                f"[ 0h  0m {elapsed:4.1f}s] [ 0h  0m  4.9s est]"
            )
        lines.append(
            f"[2024/Jan/22|10:00:09] Successfully written image file "
            f'"/proj/images/beauty/shot.{frame:04d}.exr"'
        )
        lines.append("[2024/Jan/22|10:00:09] V-Ray: Total frame time 7.2s")
    return lines


def sw_log(frames: int, rng: random.Random) -> list[str]:
    """A Maya Software batch log: Starting/Finished Rendering and Percentage lines."""
    lines = ["Maya 2024 batch render", "File read in  0.52 seconds."]
    for frame in range(1, frames + 1):
        image = f"/home/x/maya/projects/default/images/untitled.{frame:04d}.iff"
        lines.append(f"Starting Rendering {image}.")
        lines.append("Constructing shading groups.")
        lines.append("Rendering current frame.")
        lines.append(f"Frame triangle count: {rng.randint(100, 90000)}")
        for percent in range(0, 101, 5):
            lines.append(f"// Result: Percentage of rendering done: {percent} ({image}) //")
        lines.append("Postprocessing rendering result.")
        lines.append("Time For Frame Render (hh:mm:ss): 00:00:02")
        lines.append(f"Finished Rendering {image}.")
    return lines


#: (row label, profile name, log generator, frames at scale 1).
CASES: tuple[tuple[str, str, Callable[[int, random.Random], list[str]], int], ...] = (
    ("redshift", "redshift", redshift_log, REDSHIFT_FRAMES),
    ("file (Redshift log)", "file", redshift_log, REDSHIFT_FRAMES),
    ("arnold", "arnold", arnold_log, ARNOLD_FRAMES),
    ("vray", "vray", vray_log, VRAY_FRAMES),
    ("sw", "sw", sw_log, SW_FRAMES),
)


def time_feed(profile_name: str, lines: list[str], runs: int) -> tuple[float, float, int]:
    """Feed ``lines`` to fresh parsers ``runs`` times.

    Args:
        profile_name: Renderer profile to parse with.
        lines: The log.
        runs: Timed repetitions.

    Returns:
        (median wall seconds from ``time.perf_counter``, median CPU seconds of this process from
        ``time.process_time``, events produced in one run). The CPU figure shows how much of the
        wall time other processes on a busy machine took.
    """
    profile = get_profile(profile_name)
    wall_s: list[float] = []
    cpu_s: list[float] = []
    events = 0
    for _ in range(runs):
        feed = profile.new_parser().feed
        count = 0
        cpu_started = time.process_time()
        started = time.perf_counter()
        for line in lines:
            if feed(line):
                count += 1
        wall_s.append(time.perf_counter() - started)
        cpu_s.append(time.process_time() - cpu_started)
        events = count
    return statistics.median(wall_s), statistics.median(cpu_s), events


def run(scale: float, runs: int, seed: int) -> list[dict[str, object]]:
    """Generate every log and time it.

    Args:
        scale: Multiplier on the number of frames per log (1.0: Redshift ~1,000,000 lines).
        runs: Timed repetitions per profile; the median is reported.
        seed: Random seed for the logs (same seed, same logs).

    Returns:
        One dict per row: profile, lines, events, median_s, lines_per_s, cpu_median_s,
        cpu_lines_per_s.
    """
    results: list[dict[str, object]] = []
    logs: dict[str, list[str]] = {}
    for label, profile_name, generate, frames in CASES:
        key = generate.__name__
        if key not in logs:
            logs[key] = generate(max(1, round(frames * scale)), random.Random(seed))
        lines = logs[key]
        median_s, cpu_median_s, events = time_feed(profile_name, lines, runs)
        results.append(
            {
                "profile": label,
                "lines": len(lines),
                "events": events,
                "median_s": median_s,
                "lines_per_s": len(lines) / median_s if median_s > 0 else float("inf"),
                "cpu_median_s": cpu_median_s,
                "cpu_lines_per_s": (
                    len(lines) / cpu_median_s if cpu_median_s > 0 else float("inf")
                ),
            }
        )
    return results


def markdown_table(results: list[dict[str, object]]) -> str:
    """Format results as a markdown table.

    Args:
        results: Rows from :func:`run`.

    Returns:
        The table text.
    """
    rows = [
        "| profile | lines | events | median s (wall) | lines/s (wall) | lines/s (CPU) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in results:
        rows.append(
            f"| {row['profile']} | {row['lines']:,} | {row['events']:,} | "
            f"{row['median_s']:.3f} | {row['lines_per_s']:,.0f} | {row['cpu_lines_per_s']:,.0f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        0.

    Raises:
        SystemExit: On bad arguments (argparse).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per profile (median)")
    parser.add_argument("--scale", type=float, default=1.0, help="log size multiplier")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the logs")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a few seconds: tiny logs, one run (CI checks the benchmark still runs; no goal)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.scale, args.runs = SMOKE_SCALE, SMOKE_RUNS
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.scale <= 0:
        parser.error("--scale must be positive")
    results = run(args.scale, args.runs, args.seed)
    if args.json:
        payload = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "runs": args.runs,
            "scale": args.scale,
            "smoke": args.smoke,
            "goal_lines_per_s": GOAL_LINES_PER_S,
            "results": results,
        }
        print(json.dumps(payload, indent=2))
    else:
        print(markdown_table(results))
        if args.smoke:
            print("\nsmoke run: the sizes are too small for these figures to mean anything")
    return 0


if __name__ == "__main__":
    sys.exit(main())
