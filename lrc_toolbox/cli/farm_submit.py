"""``lrc-batch-render --submit ENGINE``: send the planned job to a farm instead of rendering here.

The job is planned exactly as for a local render (same validation, same one-line errors), then
handed to :func:`lrc_toolbox.farm.submit_job`. With ``--dry-run`` the farm files are written and
described but nothing is submitted; ``--json`` prints the result as one JSON object.

Exit codes: 0 written (and submitted where a farm was reachable); 2 the engine's library is missing
(the message says which extra to install), the job cannot be expressed for that engine, or the
submission failed (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import shlex
from typing import TextIO

from lrc_toolbox.cli.exit_codes import EXIT_OK, EXIT_USAGE
from lrc_toolbox.core.planner import JobPlan
from lrc_toolbox.farm import FARM_ENGINES, FarmError, FarmSubmission, submit_job

__all__ = ["add_farm_arguments", "run_farm_submit"]

PROG = "lrc-batch-render"


def add_farm_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--submit`` and ``--farm-out`` to the CLI's parser.

    Args:
        parser: The ``lrc-batch-render`` parser.
    """
    group = parser.add_argument_group("farm")
    group.add_argument(
        "--submit",
        choices=FARM_ENGINES,
        metavar="{" + ",".join(FARM_ENGINES) + "}",
        help="send the job to a farm instead of rendering here: openjd (a job bundle for AWS "
        "Deadline Cloud / openjd run), opencue (pyoutline), deadline (Deadline 10 MayaCmd); "
        "with --dry-run only writes and shows what would be submitted",
    )
    group.add_argument(
        "--farm-out",
        metavar="DIR",
        help="folder for the farm files (default: a new folder under the data folder, or a "
        "temp folder with --dry-run)",
    )


def _write_human(result: FarmSubmission, out: TextIO) -> None:
    out.write(f"{result.message}\n")
    for path in result.files:
        out.write(f"  wrote {path}\n")
    if result.command and result.submitted:  # otherwise the message already gives it
        out.write(f"  ran: {shlex.join(result.command)}\n")
    if result.job_id:
        out.write(f"  job id: {result.job_id}\n")
    for note in result.notes:
        out.write(f"  note: {note}\n")


def run_farm_submit(args: argparse.Namespace, plan: JobPlan, out: TextIO, err: TextIO) -> int:
    """Export (and submit) ``plan`` for ``args.submit``; print what happened.

    Args:
        args: Parsed CLI arguments (``submit``, ``farm_out``, ``dry_run``, ``json``).
        plan: The validated plan.
        out: Standard output: the result (JSON with ``--json``).
        err: Standard error: one line when it fails.

    Returns:
        0 on success; 2 when the engine's library is missing or the export or submission failed.
    """
    try:
        result = submit_job(
            plan,
            args.submit,
            out_dir=getattr(args, "farm_out", None),
            dry_run=bool(getattr(args, "dry_run", False)),
        )
    except FarmError as exc:  # FarmUnavailableError included: its message has the pip command
        err.write(f"{PROG}: error: {exc}\n")
        return EXIT_USAGE
    data = result.to_dict()
    data["dry_run"] = bool(getattr(args, "dry_run", False))
    if getattr(args, "json", False):
        out.write(json.dumps(data) + "\n")
    else:
        _write_human(result, out)
    return EXIT_OK
