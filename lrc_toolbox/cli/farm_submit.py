"""``lrc-batch-render --submit ENGINE``: send the planned job to a farm instead of rendering here.

The job is planned as for a local render (same validation, same one-line errors; only this
machine's GPUs are not required), then handed to :func:`lrc_toolbox.farm.submit_job` with the
farm-side options (:class:`~lrc_toolbox.farm.FarmOptions`): ``--farm-job-name``,
``--farm-render``, ``--conda-packages``, ``--show``, ``--shot``, ``--cue-spec-version``,
``--concurrent-tasks``. With ``--dry-run`` the farm files are written and
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
from lrc_toolbox.farm import (
    CUE_SPEC_VERSIONS,
    FARM_ENGINES,
    FarmError,
    FarmOptions,
    FarmSubmission,
    submit_job,
)

__all__ = ["add_farm_arguments", "farm_options", "run_farm_submit"]

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
    group.add_argument(
        "--farm-job-name",
        metavar="NAME",
        help="the job's name on the farm (default: scene and layers; OpenCue adds the time, "
        "since it refuses a name that is still pending)",
    )
    group.add_argument(
        "--farm-render",
        metavar="PATH",
        help="our workers have Maya installed: the Render they run (default: Deadline Cloud "
        "installs Maya with --conda-packages and runs its Render; OpenCue and the Deadline "
        "CommandLine jobs run this machine's Render)",
    )
    group.add_argument(
        "--conda-packages",
        metavar="SPECS",
        help="Deadline Cloud: the CondaPackages the queue's conda environment installs (default: "
        '"maya=<scene version>.* maya-openjd" and the renderer\'s package; "" for none)',
    )
    group.add_argument(
        "--show", help="OpenCue show (default: $SHOW, else pyoutline's configured default)"
    )
    group.add_argument(
        "--shot", help="OpenCue shot (default: $SHOT, else pyoutline's configured default)"
    )
    group.add_argument(
        "--cue-spec-version",
        choices=CUE_SPEC_VERSIONS,
        help="OpenCue job-spec version for older Cuebots (default: pyoutline's, 1.15 needs "
        "Cuebot 1.13.8 or newer)",
    )
    group.add_argument(
        "--concurrent-tasks",
        type=int,
        metavar="N",
        help="Deadline 10: tasks per worker, each on its own GPU (the workers' GPU count; "
        "default: one task per worker, on the GPUs its affinity gives)",
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


def farm_options(args: argparse.Namespace) -> FarmOptions:
    """The farm-side options the command line gave (unset ones stay None).

    Args:
        args: Parsed CLI arguments.

    Returns:
        The options (not validated yet: :func:`lrc_toolbox.farm.submit_job` does that).
    """
    return FarmOptions(
        job_name=getattr(args, "farm_job_name", None),
        worker_render=getattr(args, "farm_render", None),
        conda_packages=getattr(args, "conda_packages", None),
        show=getattr(args, "show", None),
        shot=getattr(args, "shot", None),
        cue_spec_version=getattr(args, "cue_spec_version", None),
        concurrent_tasks=getattr(args, "concurrent_tasks", None),
    )


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
            options=farm_options(args),
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
