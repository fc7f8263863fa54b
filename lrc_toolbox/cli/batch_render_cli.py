"""``lrc-batch-render``: render Maya layers on every free GPU from a shell.

Examples::

    lrc-batch-render --scene shot001.ma --layer MASTER_BG_A --frames 1-24 --gpu 1
    lrc-batch-render --scene shot001.ma --layers all --frames 1-100x5 --gpus 0,1 --json
    lrc-batch-render --scene shot001.ma --list-layers --json
    lrc-batch-render --scene shot001.ma --layers all --dry-run
    lrc-batch-render status [JOB] | history | cancel JOB | retry JOB | resume JOB   [--json]

Exit codes: 0 every requested frame has a verified image; 1 some frames failed; 2 invalid input or
environment (one line on stderr, nothing launched, no temp file left); 130 interrupted (Ctrl-C or
SIGTERM; every render process tree is stopped first); 129 the terminal was closed (SIGHUP; as
SIGTERM). When stdout's reader goes away (``--json | head -3``) the job goes on to its normal end;
only its output is dropped.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, TextIO

from lrc_toolbox import __version__
from lrc_toolbox.cli.arg_types import chunk_size, seconds, whole_number
from lrc_toolbox.cli.cli_output import (
    Interrupted,
    OneLineArgumentParser,
    follow_job,
    interruption,
    pipe_safe,
    printable,
    store_busy_notice,
)
from lrc_toolbox.cli.exit_codes import (
    EXIT_FRAMES_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from lrc_toolbox.cli.farm_submit import add_farm_arguments, run_farm_submit
from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.job_store import JobStoreError
from lrc_toolbox.core.models import RenderConfig, RenderMode
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.renderers import profile_names
from lrc_toolbox.scene import BinarySceneError, SceneReadError, read_scene

#: Sub-commands about jobs in the store (``lrc-batch-render status JOB``...).
JOB_COMMANDS = ("status", "history", "cancel", "retry", "resume")

# Names other code imported from here before the shared helpers moved to their own modules.
__all__ = [
    "EXIT_FRAMES_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "JOB_COMMANDS",
    "build_parser",
    "config_from_args",
    "follow_job",
    "main",
    "printable",
    "run_job_command",
]


def build_parser() -> argparse.ArgumentParser:
    """Return the CLI's argument parser."""
    p = OneLineArgumentParser(
        prog="lrc-batch-render",
        description="Render Maya render layers with several Render processes at once, one per GPU.",
        epilog="Exit codes: 0 all frames verified, 1 some frames failed, 2 invalid input, "
        "130 interrupted (Ctrl-C, SIGTERM), 129 the terminal was closed (SIGHUP).",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--scene", required=True, help="Maya scene (.ma, or .mb with --layer names)")
    p.add_argument(
        "--layer",
        action="append",
        default=[],
        metavar="NAME",
        help="render layer as the artist sees it (repeatable): MASTER_BG_A, masterLayer",
    )
    p.add_argument(
        "--layers",
        metavar="A,B|all",
        help="comma-separated layers, or 'all' for every renderable layer",
    )
    p.add_argument(
        "--frames",
        default=None,
        metavar="RANGE",
        help="frames: 1,10-20,50 or 1-100x5 (an x step always includes the last "
        "frame); default: what Maya renders for each layer (its range, or the current "
        "frame when the scene's animation flag is off)",
    )
    p.add_argument(
        "--step",
        type=whole_number,
        default=1,
        help="step applied to plain a-b ranges (like the dialog's Step field)",
    )
    p.add_argument(
        "--renderer",
        default=defaults.RENDERER,
        help=f"renderer profile: {', '.join(profile_names())} (default: file = the "
        "scene's own renderer)",
    )
    p.add_argument(
        "--render-exe",
        metavar="PATH",
        help="Maya's Render executable (default: MAYA_LOCATION, install folders, PATH)",
    )
    gpu = p.add_argument_group("GPUs and slots")
    gpu.add_argument(
        "--gpu",
        action="append",
        default=[],
        metavar="ID",
        help="render on this GPU (index or UUID; repeatable), like the spec's --gpu 1",
    )
    gpu.add_argument(
        "--gpus",
        metavar="IDS",
        help="comma-separated GPU indices or UUIDs to render on (overrides the "
        "reservation); ids NVML cannot confirm are used with a warning",
    )
    gpu.add_argument(
        "--gpu-count", type=whole_number, metavar="N", help="use at most N of the usable GPUs"
    )
    gpu.add_argument(
        "--reserve-gpus",
        type=whole_number,
        metavar="N",
        help="GPUs kept for the interactive session (default: 1 inside Maya, 0 from a shell)",
    )
    gpu.add_argument(
        "--renders-per-gpu",
        type=whole_number,
        default=defaults.RENDERS_PER_GPU,
        metavar="N",
        help="concurrent renders per GPU (default 1)",
    )
    gpu.add_argument(
        "--cpu-threads",
        type=whole_number,
        metavar="N",
        help="CPU threads per render (renderer default when omitted)",
    )
    job = p.add_argument_group("job")
    job.add_argument(
        "--mode",
        choices=[m.value for m in RenderMode],
        default=defaults.RENDER_MODE,
        help="separate: a process per layer; combined: one process renders several layers",
    )
    job.add_argument(
        "--chunk-size",
        type=chunk_size,
        default=None,
        metavar="N|auto",
        help="frames per Render process (default auto: sized from measured "
        "start-up and frame times so GPUs finish together)",
    )
    job.add_argument("--output-dir", metavar="DIR", help="image folder (Render -rd)")
    job.add_argument(
        "--project",
        metavar="DIR",
        help="Maya project (Render -proj); default: the folder with the scene's workspace.mel",
    )
    job.add_argument(
        "--retries",
        type=whole_number,
        default=defaults.RETRIES,
        metavar="N",
        help="extra attempts for frames still missing (default 2)",
    )
    job.add_argument(
        "--hang-timeout",
        type=seconds,
        default=defaults.HANG_TIMEOUT_S,
        metavar="SECONDS",
        help="kill a render silent this long (default 600)",
    )
    job.add_argument(
        "--start-timeout",
        type=seconds,
        default=defaults.START_TIMEOUT_S,
        metavar="SECONDS",
        help="kill a render with no progress this long after launch (default 900)",
    )
    job.add_argument(
        "--max-task-time",
        type=seconds,
        metavar="SECONDS",
        help="kill a task running longer than this (default: no limit)",
    )
    job.add_argument(
        "--skip-existing",
        action="store_true",
        help="skip frames whose images already exist (Render -skipExistingFrames)",
    )
    job.add_argument("--keep-temp", action="store_true", help="keep temp scenes for debugging")
    job.add_argument(
        "--store",
        metavar="FILE",
        help=f"job store file (default: ${defaults.DATA_DIR_ENV} or the per-user data folder)",
    )
    out = p.add_argument_group("output")
    out.add_argument(
        "--json",
        action="store_true",
        help="machine output: JSON Lines events (or JSON for --list-layers/--dry-run)",
    )
    out.add_argument(
        "--dry-run",
        action="store_true",
        help="print the plan (tasks, GPUs, argv, environment) and launch nothing",
    )
    out.add_argument("--list-layers", action="store_true", help="list the scene's render layers")
    out.add_argument(
        "--notify",
        action="store_true",
        help="show a desktop notification when the job ends (failed frames named)",
    )
    add_farm_arguments(p)
    return p


def _layers_from_args(args: argparse.Namespace) -> list[str]:
    """``--layer`` and ``--layers``; given but empty is refused (never "every layer")."""
    layers = []
    for name in args.layer:
        if not name.strip():
            raise PlanError(
                "--layer '' names no layer: give a layer name, or leave --layer out to "
                "render every renderable layer"
            )
        layers.append(name.strip())
    if args.layers is not None:
        names = [name.strip() for name in args.layers.split(",") if name.strip()]
        if not names:
            raise PlanError(
                f"--layers {args.layers!r} names no layer: give names (A,B) or 'all', or leave "
                "--layers out to render every renderable layer"
            )
        layers += names
    return layers


def _gpus_from_args(args: argparse.Namespace) -> list[str] | None:
    """``--gpu`` and ``--gpus``; given but empty is refused (never "every GPU")."""
    ids = [g.strip() for g in args.gpu]
    if args.gpus is not None:
        ids += [g.strip() for g in args.gpus.split(",")]
    if any(not g for g in ids):
        given = args.gpus if args.gpus is not None else ""
        raise PlanError(
            f"--gpus/--gpu has an empty GPU id in {given!r}: give ids (0,1), or leave the "
            "option out to use every usable GPU"
        )
    return ids or None


def _frames_from_args(args: argparse.Namespace) -> str:
    """``--frames``; given but empty is refused (never "the scene's whole range")."""
    if args.frames is None:
        return ""
    if not args.frames.strip():
        raise PlanError(
            "--frames '' names no frame: give frames (1-24, 1,10-20,50), or leave --frames out "
            "to render what Maya renders for each layer"
        )
    return str(args.frames)


#: Options whose value may start with '-' (negative frames), joined as ``--frames=-5--1``.
_NEGATIVE_VALUE_OPTIONS = ("--frames",)
_FRAME_TEXT = re.compile(r"^-[0-9][0-9,x: \t-]*$")


def join_negative_values(argv: Sequence[str]) -> list[str]:
    """``--frames -5--1`` as typed: argparse would read ``-5--1`` as an unknown option."""
    joined: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if item in _NEGATIVE_VALUE_OPTIONS and following and _FRAME_TEXT.match(following):
            joined.append(f"{item}={following}")
            index += 2
            continue
        joined.append(item)
        index += 1
    return joined


def config_from_args(args: argparse.Namespace) -> RenderConfig:
    """Build a :class:`RenderConfig` from parsed arguments.

    Raises:
        PlanError: Inconsistent options.
    """
    return RenderConfig(
        scene_file=args.scene,
        layers=_layers_from_args(args),
        frame_range=_frames_from_args(args),
        step=args.step,
        renderer=args.renderer,
        render_mode=RenderMode(args.mode),
        gpus=_gpus_from_args(args),
        gpu_count=args.gpu_count,
        reserve_gpus=args.reserve_gpus,
        renders_per_gpu=args.renders_per_gpu,
        cpu_threads=args.cpu_threads,
        chunk_size=args.chunk_size,
        retries=args.retries,
        hang_timeout_s=args.hang_timeout,
        start_timeout_s=args.start_timeout,
        max_task_time_s=args.max_task_time,
        output_dir=args.output_dir,
        project_dir=args.project,
        render_exe=args.render_exe,
        skip_existing=args.skip_existing,
        keep_temp=args.keep_temp,
    )


def _list_layers(args: argparse.Namespace, out: TextIO) -> int:
    try:
        scene = read_scene(args.scene)
    except BinarySceneError as exc:
        raise PlanError(str(exc)) from exc
    except SceneReadError as exc:
        raise PlanError(str(exc)) from exc
    rows: list[dict[str, Any]] = [
        {
            "name": layer.name,
            "node": layer.node,
            "renderable": layer.renderable,
            "default": layer.is_default,
            "referenced": layer.referenced,
            "render_setup": layer.render_setup,
            "renderer": layer.renderer,
            "animation": layer.settings.animation,
            "frames": layer.frames,
            "overrides_applied": list(layer.settings.applied),
            "notes": list(layer.notes()),
        }
        for layer in scene.layers
    ]
    if args.json:
        data = {
            "scene": str(scene.path),
            "render_setup": scene.uses_render_setup,
            "renderer": scene.renderer,
            "current_frame": scene.current_frame,
            "layers": rows,
            "notes": list(scene.warnings),
        }
        out.write(json.dumps(data) + "\n")
        return EXIT_OK
    mode = "Render Setup" if scene.uses_render_setup else "legacy render layers"
    out.write(f"{scene.path} ({mode}, renderer {scene.renderer or 'not set: mayaSoftware'})\n")
    for row in rows:
        mark = "x" if row["renderable"] else " "
        out.write(
            f"  [{mark}] {row['name']}  (node {row['node']})  {row['renderer']}, "
            f"frames {row['frames']}\n"
        )
        for note in row["notes"]:
            out.write(f"        note: {note}\n")
    for warning in scene.warnings:
        out.write(f"  note: {warning}\n")
    return EXIT_OK


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _install_sigterm_handler() -> None:
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (a wrangler's kill, `cancel JOB`, a farm's stop) and SIGHUP (the terminal was
        # closed) get the same clean stop as Ctrl-C: every render tree is stopped and the job is
        # recorded as cancelled before the process exits (130, or 129 for SIGHUP).
        signal.signal(signal.SIGTERM, _raise_interrupted)
        if hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, _raise_interrupted)


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; return the exit code (the console script exits with it).

    Args:
        argv: Arguments (default ``sys.argv[1:]``).
        out: Standard output (tests).
        err: Standard error (tests).
    """
    # A reader that goes away (`| head`) or a closed terminal ends the output, not the job.
    out = pipe_safe(out or sys.stdout)
    err = pipe_safe(err or sys.stderr)
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in JOB_COMMANDS:
        _install_sigterm_handler()
        try:
            return run_job_command(argv, out=out, err=err)
        except KeyboardInterrupt as exc:  # before a job started (e.g. `cancel` while resuming)
            code, reason = interruption(exc)
            err.write(f"\n{reason} before any render started\n")
            return code
    parser = build_parser()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = parser.parse_args(join_negative_values(argv))
    except SystemExit as exc:  # argparse already printed its one line (or --help)
        return int(exc.code or 0)
    _install_sigterm_handler()
    try:
        if args.list_layers:
            return _list_layers(args, out)
        config = config_from_args(args)
        api = BatchRenderAPI(store_path=args.store, on_store_busy=store_busy_notice(err))
        if args.submit:
            return run_farm_submit(args, api.plan(config, for_farm=True), out, err)
        if args.dry_run:
            # Imported here: a render does not need it (the CLI imports only what its run needs).
            from lrc_toolbox.cli.dry_run import describe_plan
            from lrc_toolbox.core.plan_history import stored_cost_history

            plan = api.plan(config)
            # The job would start from earlier jobs' timings of this scene: so does the preview.
            history = stored_cost_history(plan, args.store)
            describe_plan(plan, out, as_json=args.json, history=history)
            return EXIT_OK
        if args.notify:
            from lrc_toolbox.core.notifications import DesktopNotifier, notify_when_finished

            notifier = DesktopNotifier()
            missing = notifier.unavailable_reason()
            if missing is not None:
                err.write(f"lrc-batch-render: --notify: no desktop notification here: {missing}\n")
            else:
                api.subscribe(notify_when_finished(notifier.notify))
        return follow_job(api, lambda: api.submit(config), as_json=args.json, out=out, err=err)
    except (PlanError, JobStoreError) as exc:
        err.write(f"lrc-batch-render: error: {printable(str(exc))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        code, reason = interruption(exc)
        err.write(f"\n{reason} before any render started\n")
        return code


def run_job_command(argv: list[str], *, out: TextIO, err: TextIO) -> int:
    """``status``, ``history``, ``cancel``, ``retry`` and ``resume`` (see :mod:`.job_commands`)."""
    from lrc_toolbox.cli.job_commands import main as job_commands_main

    return job_commands_main(argv, out=out, err=err)


if __name__ == "__main__":
    sys.exit(main())
