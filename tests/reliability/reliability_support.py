"""Helpers for the reliability tests: run the real CLI, read what the stand-in recorded, check hygiene.

Every fault test ends with the same three promises, checked here: the exit code and event reasons
the user sees, no process of the job left alive (the stand-in records the pid of every worker and of
its launcher), and every frame reported done has a non-empty image on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from lrc_test_support import ROOT, SAMPLE_SCENE

CLI = [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli"]
#: Wall-clock bound for one CLI run in these tests (a safety net, not a timing assertion).
RUN_TIMEOUT_S = 120.0


def job_args(
    standin: str,
    out: Path,
    *,
    layers: str = "MASTER_BG_A",
    frames: str = "1-4",
    gpus: str = "0",
    extra: tuple[str, ...] = (),
) -> list[str]:
    """CLI arguments for a Redshift job of the sample scene on the stand-in."""
    return [
        "--scene",
        str(SAMPLE_SCENE),
        "--layers",
        layers,
        "--frames",
        frames,
        "--renderer",
        "redshift",
        "--render-exe",
        standin,
        "--gpus",
        gpus,
        "--output-dir",
        str(out),
        "--json",
        *extra,
    ]


def parse_events(text: str) -> list[dict]:
    """JSON Lines events from the CLI's stdout (other lines are ignored)."""
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def run_cli(
    args: list[str], *, env: dict[str, str] | None = None, timeout: float = RUN_TIMEOUT_S
) -> tuple[int, list[dict], str]:
    """Run the CLI in a subprocess; return (exit code, JSON events, stderr)."""
    proc = subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=env
    )
    return proc.returncode, parse_events(proc.stdout), proc.stderr


def start_cli(args: list[str], *, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start the CLI in a subprocess with piped output (the caller reads its events)."""
    return subprocess.Popen(
        [*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )


def of_kind(events: list[dict], kind: str) -> list[dict]:
    """Events of one kind, in order."""
    return [event for event in events if event["event"] == kind]


def summary(events: list[dict]) -> dict:
    """The last event, which must be the job summary."""
    assert events and events[-1]["event"] == "summary", events[-3:]
    return events[-1]


def records(record_file: str | Path) -> list[dict]:
    """What the stand-in workers recorded (one start and one end line per worker)."""
    path = Path(record_file)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def recorded_pids(record_file: str | Path) -> set[int]:
    """Pids of every worker and of its launcher (``Render``) the stand-in recorded."""
    pids: set[int] = set()
    for record in records(record_file):
        pids.add(record["pid"])
        pids.add(record["ppid"])
    return pids


def alive(pids: set[int] | list[int]) -> list[int]:
    """Which of ``pids`` still run (zombies count as gone)."""
    found = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                found.append(pid)
        except psutil.NoSuchProcess:
            continue
    return found


def kill_quietly(pids: list[int]) -> None:
    """Kill leftovers so one failing test does not leak processes into the next."""
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            psutil.Process(pid).kill()


def assert_no_render_left(record_file: str | Path) -> None:
    """No recorded render process (worker or launcher) runs any more."""
    pids = recorded_pids(record_file)
    left = alive(pids)
    kill_quietly(left)
    assert not left, f"render processes left running: {left}"


def assert_done_frames_have_images(events: list[dict]) -> None:
    """Every frame reported done has its non-empty image on disk, and the summary agrees."""
    done = of_kind(events, "frame_done")
    for event in done:
        image = Path(event["output"])
        assert image.is_file() and image.stat().st_size > 0, event
    final = summary(events)["layers"]
    for event in done:
        assert event["frame"] in final[event["layer"]]["done"], event


def worker_frames(record_file: str | Path) -> dict[tuple[str, int], int]:
    """How many times a worker wrote each (layer node, frame) image."""
    counts: dict[tuple[str, int], int] = {}
    for record in records(record_file):
        if record["event"] == "end":
            for frame in record["frames_written"]:
                key = (record["layers"][0], frame)
                counts[key] = counts.get(key, 0) + 1
    return counts


def wait_for(condition, timeout_s: float = 30.0, what: str = "condition") -> None:  # noqa: ANN001
    """Poll ``condition()`` until true (a bound against a broken run, not a timing assertion)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def read_events_until(proc: subprocess.Popen[str], kind: str, count: int = 1) -> list[dict]:
    """Read the CLI's JSON events until ``count`` events of ``kind`` arrived; return all read."""
    assert proc.stdout is not None
    seen: list[dict] = []
    found = 0
    for line in proc.stdout:
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        seen.append(event)
        if event["event"] == kind:
            found += 1
            if found == count:
                return seen
    raise AssertionError(f"the CLI ended before {count} {kind} event(s): {seen[-3:]}")


def copy_standin(standin: str, folder: Path) -> Path:
    """A private copy of the stand-in's console script (a ``Render`` that can be deleted)."""
    target = folder / "Render"
    shutil.copy2(standin, target)
    target.chmod(0o755)
    return target


def is_root() -> bool:
    """Whether permission bits do not stop this process (root writes anywhere)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "64k", read_only: bool = False) -> Iterator[Path]:
    """Mount a small tmpfs at ``path`` (root only); unmount afterwards. Raises OSError if refused."""
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise OSError(f"mount failed: {result.stderr.strip() or result.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path: Path) -> None:
    """Make a tmpfs from :func:`tmpfs` read-only while files in it may be open."""
    result = subprocess.run(
        ["mount", "-o", "remount,ro", str(path)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise OSError(f"remount failed: {result.stderr.strip()}")


def fill(path: Path, leave_bytes: int) -> None:
    """Fill the file system holding ``path`` until about ``leave_bytes`` remain."""
    stat = os.statvfs(path)
    free = stat.f_bavail * stat.f_frsize
    size = max(0, free - leave_bytes)
    with open(path / "filler.bin", "wb") as handle:
        handle.write(b"\0" * size)


def fuzz_examples(default: int) -> int:
    """Examples per fuzz test: small and fixed in CI; ``LRC_FUZZ_SCALE=20`` explores longer."""
    try:
        scale = float(os.environ.get("LRC_FUZZ_SCALE", "1"))
    except ValueError:
        scale = 1.0
    return max(1, int(default * max(scale, 0.0)))


def fuzz_derandomize() -> bool:
    """CI replays the same examples every run (stable); ``LRC_FUZZ_SCALE`` set means explore."""
    return "LRC_FUZZ_SCALE" not in os.environ
