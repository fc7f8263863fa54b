"""A second signal while the CLI stops a job (Ctrl-C twice, Ctrl-C then SIGTERM or SIGHUP).

Whatever follows the first signal, and however soon: every render tree is stopped before the CLI
exits, the job is recorded as cancelled, stderr holds one line, and the exit code is the first
signal's (130; 129 for SIGHUP). Black-box, on the real CLI with the stand-in.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from reliability_support import (
    assert_no_render_left,
    job_args,
    parse_events,
    read_events_until,
    records,
    start_cli,
    summary,
    wait_for,
)

from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import JobState

pytestmark = pytest.mark.slow

#: Bound for the CLI to stop its renders and exit (a safety net, not a timing assertion).
STOP_TIMEOUT_S = 90.0

REASONS = {
    signal.SIGINT: "interrupted (Ctrl-C)",
    signal.SIGTERM: "interrupted by SIGTERM",
    signal.SIGHUP: "interrupted: the terminal was closed (SIGHUP)",
}


@pytest.mark.parametrize(
    ("first", "second", "gap_s"),
    [
        (signal.SIGINT, signal.SIGINT, 0.0),
        (signal.SIGINT, signal.SIGINT, 0.05),
        (signal.SIGINT, signal.SIGTERM, 0.001),
        (signal.SIGINT, signal.SIGHUP, 0.05),
        (signal.SIGHUP, signal.SIGINT, 0.05),
    ],
    ids=["int-int-at-once", "int-int", "int-term", "int-hup", "hup-int"],
)
def test_a_second_signal_neither_orphans_a_render_nor_adds_a_line(
    standin_exe, render_env, tmp_path, first, second, gap_s
):
    env = dict(os.environ, LRC_STANDIN_FRAME_S="1")
    args = job_args(
        standin_exe, tmp_path / "img", layers="MASTER_BG_A,MASTER_CHAR_A", frames="1-20", gpus="0,1"
    )
    proc = start_cli(args, env=env)
    try:
        events = read_events_until(proc, "task_started", count=2)
        record = render_env["LRC_STANDIN_RECORD"]
        wait_for(lambda: len(records(record)) >= 2, what="both workers to start")
        proc.send_signal(first)
        if gap_s:
            time.sleep(gap_s)
        proc.send_signal(second)
        rest, err = proc.communicate(timeout=STOP_TIMEOUT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == (129 if first == signal.SIGHUP else 130), err
    assert [line for line in err.splitlines() if line.strip()] == [
        f"{REASONS[first]}: stopping every render (whole process trees)..."
    ]
    assert_no_render_left(record)
    assert summary(parse_events(rest))["state"] == "cancelled"
    with JobStore() as store:
        job = store.get_job(events[0]["job_id"])
    assert job is not None and job.state is JobState.CANCELLED
    assert job.reason == REASONS[first]
