"""``lrc-batch-render status|history|cancel|retry|resume``: jobs after the fact, from the store.

Examples::

    lrc-batch-render status                 # the most recent job
    lrc-batch-render status 20261123-145233-ab12cd --json
    lrc-batch-render history --limit 10
    lrc-batch-render cancel JOB             # stops it, even if its manager (Maya, a CLI) died
    lrc-batch-render resume JOB             # after a crash: re-attach, verify, render the rest
    lrc-batch-render retry JOB              # a new job for the failed / missing frames only
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import sys
from collections.abc import Callable
from typing import TextIO

from lrc_toolbox.cli.arg_types import at_least_one, days
from lrc_toolbox.cli.cli_output import (
    OneLineArgumentParser,
    follow_job,
    printable,
    store_busy_notice,
)
from lrc_toolbox.cli.exit_codes import EXIT_OK, EXIT_USAGE
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.job_control import JobSummary
from lrc_toolbox.core.job_store import JobStoreError
from lrc_toolbox.core.models import FrameState
from lrc_toolbox.core.planner import PlanError


def build_parser() -> argparse.ArgumentParser:
    """Parser of the job sub-commands."""
    parser = OneLineArgumentParser(prog="lrc-batch-render", description="Jobs in the job store.")
    parser.add_argument("--store", metavar="FILE", help="job store file (default: per-user)")
    sub = parser.add_subparsers(dest="command", required=True)
    status = sub.add_parser("status", help="state of a job (default: the most recent)")
    status.add_argument("job", nargs="?")
    history = sub.add_parser("history", help="recent jobs, newest first")
    history.add_argument("--limit", type=at_least_one, default=20, metavar="N")
    history.add_argument(
        "--prune-days",
        type=days,
        metavar="DAYS",
        help="first forget finished jobs (and their logs) older than DAYS; under "
        f"{CONFIRM_BELOW_DAYS:g} day asks first (or give --yes)",
    )
    history.add_argument(
        "--yes", action="store_true", help="do not ask before --prune-days forgets recent jobs"
    )
    for name, text in (
        ("cancel", "stop a job and its renders"),
        ("retry", "render the failed and missing frames of a job again"),
        ("resume", "pick up a job whose manager died"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("job")
    for command in sub.choices.values():
        command.add_argument("--json", action="store_true", help="machine output")
        command.add_argument("--store", metavar="FILE", default=argparse.SUPPRESS)
    return parser


#: ``--prune-days`` below this forgets (nearly) every finished job: it asks first.
CONFIRM_BELOW_DAYS = 1.0


def _confirm_prune(days: float, *, yes: bool, err: TextIO, ask: Callable[[str], str]) -> None:
    """``--prune-days`` under a day forgets the recent history: ask, or require ``--yes``.

    Raises:
        PlanError: Not confirmed.
    """
    if days >= CONFIRM_BELOW_DAYS or yes:
        return
    what = f"--prune-days {days:g} forgets every finished job older than {days:g} days"
    if not sys.stdin or not sys.stdin.isatty():
        raise PlanError(f"{what} (nearly all of them) and their logs: add --yes to confirm")
    err.write(f"{what} (nearly all of them) and their logs. Continue? [y/N] ")
    err.flush()
    try:
        answer = ask("")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise PlanError("nothing was forgotten")


def _when(stamp: float | None) -> str:
    if not stamp:
        return "-"
    return datetime.datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M:%S")


def _describe(summary: JobSummary, out: TextIO) -> None:
    state = summary.state + (
        " (ORPHANED: its manager is gone; run 'resume')" if summary.orphaned else ""
    )
    out.write(
        f"job {summary.job_id}: {state}\n  scene {summary.scene}\n"
        f"  started {_when(summary.created_at)}, ended {_when(summary.ended_at)}\n"
        f"  images {summary.output_dir or '(not recorded)'}\n"
    )
    for layer, counts in summary.layers.items():
        text = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        out.write(f"  {layer}: {text}\n")
    for task in summary.running_tasks:
        alive = "alive" if task["alive"] else "gone"
        out.write(
            f"  running {task['task_id']} pid {task['pid']} ({alive}) on {task['gpu']}: "
            f"{'+'.join(task['layers'])} {task['frames'][0]}-{task['frames'][-1]}\n"
        )
    if summary.reason:
        out.write(f"  reason: {summary.reason}\n")
    for note in summary.notes:
        out.write(f"  note: {note}\n")


def main(argv: list[str], *, out: TextIO, err: TextIO) -> int:
    """Run one job sub-command; return the exit code."""
    parser = build_parser()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    api = BatchRenderAPI(store_path=args.store, on_store_busy=store_busy_notice(err))
    try:
        if args.command == "status":
            job_id = args.job
            if job_id is None:
                recent = api.history(limit=1)
                if not recent:
                    raise PlanError("no job in the store yet")
                job_id = recent[0].job_id
            summary = api.job_status(job_id)
            if args.json:
                out.write(json.dumps(summary.to_dict()) + "\n")
            else:
                _describe(summary, out)
            return EXIT_OK
        if args.command == "history":
            if args.prune_days is not None:
                _confirm_prune(args.prune_days, yes=args.yes, err=err, ask=input)
                report = api.clean_up_history(args.prune_days)
                err.write(
                    f"removed {report.jobs} job(s), {report.log_folders} log folder(s), "
                    f"{report.temp_folders} temp folder(s)\n"
                )
            jobs = api.history(limit=args.limit)
            if args.json:
                out.write(json.dumps([job.to_dict() for job in jobs]) + "\n")
            else:
                for job in jobs:
                    done = sum(
                        c.get(FrameState.DONE, 0) + c.get(FrameState.SKIPPED_EXISTING, 0)
                        for c in job.layers.values()
                    )
                    total = sum(sum(c.values()) for c in job.layers.values())
                    flag = "  ORPHANED" if job.orphaned else ""
                    out.write(
                        f"{job.job_id}  {_when(job.created_at)}  {job.state:<9}  "
                        f"{done}/{total} frames  {job.scene}{flag}"
                        f"  images {job.output_dir or '-'}\n"
                    )
            return EXIT_OK
        if args.command == "cancel":
            message = api.cancel(args.job)
            out.write(
                (json.dumps({"job": args.job, "message": message}) if args.json else message) + "\n"
            )
            return EXIT_OK
        start = api.retry if args.command == "retry" else api.resume
        return follow_job(api, lambda: start(args.job), as_json=args.json, out=out, err=err)
    except (PlanError, JobStoreError) as exc:
        err.write(f"lrc-batch-render: error: {printable(str(exc))}\n")
        return EXIT_USAGE
