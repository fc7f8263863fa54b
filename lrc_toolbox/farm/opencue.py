"""OpenCue export: the job is built with OpenCue's own library, pyoutline (extra ``opencue``).

One :class:`outline.Outline`; per render layer one pyoutline ``Shell`` layer for each contiguous
run of its frames (usually one). A layer's range is the run in OpenCue's fileseq syntax, which has
no "include the last frame" rule: ``1-100x5`` is exported as the runs ``1-96x5`` and ``100``, whose
meaning is the same in both syntaxes. The layer's chunk is the job's chunk size, and its command is
the local ``Render`` argv with ``-s #FRAME_START# -e #FRAME_END# -b <run step>``: Cuebot replaces the
two tokens with a chunk's first and last frame, and within one run that is exactly the chunk's
frames (a chunk spanning a gap or two steps would render the wrong frames, hence a layer per run).

Command lines: RQD hands a frame's command to a POSIX shell (Linux render nodes), so every argv item
is quoted with :func:`shlex.quote` and nothing in a layer or path name can run as shell code.
Windows render nodes (which run commands through ``cmd.exe``) are not supported by this export.

GPUs: a GPU layer asks for ``gpus`` and ``gpu_memory``. RQD names the GPUs it reserved in
``CUE_GPU_CORES`` but does not set ``CUDA_VISIBLE_DEVICES``, so the command pins the render to them
first, the way the local engine pins one GPU per render. Timeouts (minutes, as Cuebot counts them):
``max_task_time_s`` -> ``timeout``; ``hang_timeout_s`` -> ``timeout_llu`` (no log update).
Retries: the job's ``maxretries``.

The XML spec is serialized without a Cuebot (``OutlineLauncher.serialize``) and written next to the
other export files; pyoutline's session folder goes there too. Submitting needs a configured Cuebot
(``CUEBOT_HOSTS`` or an OpenCue config file); without one nothing is contacted and the error says so.
"""

from __future__ import annotations

import math
import os
import re
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lrc_toolbox.farm.job_description import ArgToken, FarmJob, FarmLayer
from lrc_toolbox.farm.submission import (
    FarmError,
    FarmSubmission,
    job_folder,
    require_module,
    write_text,
)
from lrc_toolbox.utils.frame_parser import FrameRun
from lrc_toolbox.utils.temp_file_manager import safe_file_component

__all__ = [
    "CUEBOT_HOSTS_ENV",
    "DEFAULT_GPU_MEMORY",
    "DEFAULT_SERVICE",
    "ENGINE",
    "EXTRA",
    "FRAME_END_TOKEN",
    "FRAME_START_TOKEN",
    "GPU_PIN_PREFIX",
    "SPEC_FILE",
    "CueLayer",
    "build_outline",
    "cue_layers",
    "cuebot_source",
    "opencue_range",
    "serialize_spec",
    "shell_command",
    "submit",
]

ENGINE = "opencue"
EXTRA = "opencue"
SPEC_FILE = "opencue_job.xml"
SESSION_FOLDER = "pyoutline_session"

#: Cuebot's tokens for a chunk's first and last frame.
FRAME_START_TOKEN = "#FRAME_START#"
FRAME_END_TOKEN = "#FRAME_END#"

#: OpenCue service of the render layers (a studio's Cuebot defines its services).
DEFAULT_SERVICE = "maya"
#: GPU memory a GPU layer reserves; pyoutline's own default when only ``gpus`` is set.
DEFAULT_GPU_MEMORY = "1g"

CUEBOT_HOSTS_ENV = "CUEBOT_HOSTS"
_CONFIG_FILE_ENVS = ("OPENCUE_CONFIG_FILE", "OPENCUE_CONF")

#: Shell prefix of GPU commands: pin the render to the GPUs RQD reserved (``CUE_GPU_CORES``), in
#: nvidia-smi (PCI bus) order, as the local engine pins each render; keep the environment as it
#: is when RQD reserved none. ``exec`` makes Render the frame's process.
GPU_PIN_PREFIX = (
    'if [ -n "${CUE_GPU_CORES:-}" ]; then CUDA_VISIBLE_DEVICES="$CUE_GPU_CORES"; '
    "CUDA_DEVICE_ORDER=PCI_BUS_ID; export CUDA_VISIBLE_DEVICES CUDA_DEVICE_ORDER; fi; exec "
)


@dataclass(frozen=True)
class CueLayer:
    """One OpenCue layer: a render layer's contiguous run of frames.

    Attributes:
        name: The OpenCue layer name (an XML NMTOKEN: letters, digits, ``._-``).
        layer: The render layer it renders.
        run: Its frames.
        frame_range: ``run`` in OpenCue's syntax (``1-96x5``).
        command: The shell command line, with Cuebot's frame tokens.
    """

    name: str
    layer: FarmLayer
    run: FrameRun
    frame_range: str
    command: str


def opencue_range(run: FrameRun) -> str:
    """A run in OpenCue's (fileseq) frame syntax, meaning exactly the run's frames.

    The run's end lies on its step grid, so fileseq's ``x`` (which never adds the end frame) and
    the spec's ``x`` (which always does) agree.

    Args:
        run: The frames.

    Returns:
        ``"5"``, ``"1-10"`` or ``"1-96x5"``.
    """
    if run.start == run.end:
        return str(run.start)
    if run.step == 1:
        return f"{run.start}-{run.end}"
    return f"{run.start}-{run.end}x{run.step}"


def shell_command(job: FarmJob, layer: FarmLayer, run: FrameRun) -> str:
    """The POSIX shell command of one OpenCue layer (Cuebot fills in the frame tokens).

    Args:
        job: The farm job.
        layer: The render layer.
        run: The run the OpenCue layer renders (its step is fixed, ``-b``).

    Returns:
        The command line; every argument quoted, so names cannot run as shell code.

    Raises:
        FarmError: An argument holds text Cuebot would replace (``#JOB#``, ``#FRAME_START#``...):
            Cuebot substitutes its tokens anywhere in a command, quoted paths included.
    """
    argv = layer.command(
        {
            ArgToken.FRAME_START: FRAME_START_TOKEN,
            ArgToken.FRAME_END: FRAME_END_TOKEN,
            ArgToken.FRAME_STEP: str(run.step),
        }
    )
    ours = {FRAME_START_TOKEN, FRAME_END_TOKEN}
    for arg in argv:
        if arg in ours:
            continue
        token = _CUEBOT_TOKEN_RE.search(arg)
        if token:
            raise FarmError(
                f"{arg!r} contains {token.group(0)}, which OpenCue would replace on the farm: "
                "rename that folder, file or layer"
            )
    line = shlex.join(argv)
    return GPU_PIN_PREFIX + line if job.gpus_per_task else line


#: Cuebot's command tokens (``#FRAME_START#``, ``#JOB#``, ``#ZFRAME#``...).
_CUEBOT_TOKEN_RE = re.compile(r"#[A-Z_]+#")


def _nmtoken(text: str) -> str:
    """A name OpenCue's spec accepts (XML NMTOKEN), distinct for distinct inputs."""
    return safe_file_component(text).lstrip("._-") or "layer"


def cue_layers(job: FarmJob) -> list[CueLayer]:
    """The OpenCue layers of a job: one per render layer and contiguous run.

    Args:
        job: The farm job.

    Returns:
        The layers in render-layer order; names are unique.
    """
    used: set[str] = set()
    layers = []
    for layer in job.layers:
        base = _nmtoken(layer.name)
        for index, run in enumerate(layer.runs):
            name = base if len(layer.runs) == 1 else f"{base}_part{index + 1}"
            candidate, counter = name, 2
            while candidate in used:
                candidate = f"{name}_{counter}"
                counter += 1
            used.add(candidate)
            layers.append(
                CueLayer(candidate, layer, run, opencue_range(run), shell_command(job, layer, run))
            )
    return layers


def _minutes(seconds: float | None) -> int | None:
    """Whole minutes for Cuebot (it counts timeouts in minutes), rounded up; None stays None."""
    if seconds is None:
        return None
    return max(1, math.ceil(seconds / 60.0))


def build_outline(
    job: FarmJob,
    *,
    service: str = DEFAULT_SERVICE,
    tags: Sequence[str] = (),
    gpu_memory: str = DEFAULT_GPU_MEMORY,
) -> Any:
    """Build the job as a pyoutline :class:`outline.Outline`.

    Args:
        job: The farm job.
        service: OpenCue service of the layers.
        tags: Host tags the layers require (none: the service's).
        gpu_memory: GPU memory a GPU layer reserves (``"1g"``, ``"8g"``).

    Returns:
        The outline (not set up: no session folder is made yet).

    Raises:
        FarmUnavailableError: pyoutline (or ``packaging``, which it needs) is not installed.
    """
    outline_mod = require_module("outline", engine=ENGINE, extra=EXTRA)
    shell = require_module("outline.modules.shell", engine=ENGINE, extra=EXTRA)
    ol = outline_mod.Outline(name=_nmtoken(job.name))
    for cue in cue_layers(job):
        args: dict[str, Any] = {
            "command": [cue.command],
            "range": cue.frame_range,
            "chunk": job.chunk_size,
            "service": service,
        }
        if tags:
            args["tags"] = list(tags)
        if job.cpu_threads:
            args["cores"] = job.cpu_threads
        if job.gpus_per_task:
            args["gpus"] = job.gpus_per_task
            args["gpu_memory"] = gpu_memory
        timeout = _minutes(job.max_task_time_s)
        if timeout:
            args["timeout"] = timeout
        llu = _minutes(job.hang_timeout_s)
        if llu:
            args["timeout_llu"] = llu
        layer = shell.Shell(cue.name, **args)
        for key, value in job.environment.items():
            layer.set_env(key, value)
        ol.add_layer(layer)
    return ol


@contextmanager
def _session_dir(folder: Path) -> Iterator[None]:
    """Point pyoutline's session folder at ``folder`` for the duration (its config is global)."""
    config = require_module("outline.config", engine=ENGINE, extra=EXTRA).config
    before = config.get("outline", "session_dir")
    # pyoutline fills {HOME}/{SHOW}/{SHOT} in this value with str.format: escape our braces.
    config.set("outline", "session_dir", str(folder).replace("{", "{{").replace("}", "}}"))
    try:
        yield
    finally:
        config.set("outline", "session_dir", before)


def _launcher(job: FarmJob, ol: Any) -> Any:
    cuerun = require_module("outline.cuerun", engine=ENGINE, extra=EXTRA)
    # No e-mail element: pyoutline would invent <user>@<its placeholder domain>.
    return cuerun.OutlineLauncher(ol, maxretries=job.retries, nomail=True)


def serialize_spec(launcher: Any, session_folder: Path) -> str:
    """The OpenCue XML job spec, serialized by pyoutline without contacting a Cuebot.

    Args:
        launcher: An ``outline.cuerun.OutlineLauncher`` of the outline.
        session_folder: Where pyoutline writes its session (the outline's setup).

    Returns:
        The spec (names ``cjsl-1.15.dtd`` in its DOCTYPE).

    Raises:
        FarmError: pyoutline refused the outline.
    """
    exception = require_module("outline.exception", engine=ENGINE, extra=EXTRA)
    with _session_dir(session_folder):
        try:
            return launcher.serialize(use_pycuerun=False)
        except (exception.OutlineException, TypeError, ValueError, OSError) as exc:
            raise FarmError(f"pyoutline could not build the OpenCue job: {exc}") from exc


def cuebot_source() -> str | None:
    """Where a Cuebot is configured, or None when nothing names one.

    Returns:
        ``CUEBOT_HOSTS=...``, or the OpenCue config file that names the facility's hosts, or
        None (pycue would then fall back to ``localhost``, which is no farm).
    """
    hosts = os.environ.get(CUEBOT_HOSTS_ENV, "").strip()
    if hosts:
        return f"{CUEBOT_HOSTS_ENV}={hosts}"
    for var in _CONFIG_FILE_ENVS:
        path = os.environ.get(var, "").strip()
        if path and os.path.isfile(path):
            return path
    if os.name == "nt":
        base = os.path.join(os.path.expandvars("%APPDATA%"), "opencue")
    else:
        base = os.path.join(os.path.expanduser("~"), ".config", "opencue")
    user_config = os.path.join(base, "opencue.yaml")
    return user_config if os.path.isfile(user_config) else None


def _hand_submit_hint(spec_path: str) -> str:
    return (
        f"set {CUEBOT_HOSTS_ENV}=<cuebot host:port> and submit again, or launch the written spec "
        f'with: python -c "import opencue, sys; '
        f'print(opencue.api.launchSpecAndWait(open(sys.argv[1]).read()))" {shlex.quote(spec_path)}'
    )


def _launch(launcher: Any, source: str, spec_path: str) -> list[Any]:
    """Launch on the configured Cuebot; every failure becomes one FarmError."""
    opencue = require_module("opencue", engine=ENGINE, extra=EXTRA)
    grpc = require_module("grpc", engine=ENGINE, extra=EXTRA)
    cuebot = opencue.Cuebot
    failures = (opencue.exception.CueException, grpc.RpcError, OSError, ValueError)
    try:
        # Re-read CUEBOT_HOSTS / the config every time: a long-lived process (Maya) may have
        # a channel left from a failed attempt.
        cuebot.init()
        return list(launcher.launch(use_pycuerun=False))
    except failures as exc:
        try:
            cuebot.closeChannel()
        except failures:
            pass  # the channel was never opened: nothing to close
        raise FarmError(
            f"OpenCue did not accept the job (Cuebot from {source}): {exc}. The spec is in "
            f"{spec_path}"
        ) from exc


def submit(job: FarmJob, out_dir: str | Path | None, *, dry_run: bool) -> FarmSubmission:
    """Build the outline, write its spec and, unless a dry run, launch it on the Cuebot.

    Args:
        job: The farm job.
        out_dir: Folder for the spec and pyoutline's session (None: a new folder).
        dry_run: Write the spec only; contact nothing.

    Returns:
        What was written and launched.

    Raises:
        FarmUnavailableError: pyoutline or ``packaging`` is not installed.
        FarmError: No Cuebot is configured (the spec is written first), or the launch failed.
    """
    ol = build_outline(job)
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    launcher = _launcher(job, ol)
    spec = serialize_spec(launcher, folder / SESSION_FOLDER)
    spec_path = write_text(folder / SPEC_FILE, spec)
    layers = cue_layers(job)
    summary = f"{len(layers)} OpenCue layer(s), {job.task_count} frame chunk(s)"
    source = cuebot_source()
    notes = list(job.notes)
    if dry_run:
        where = f"the Cuebot from {source}" if source else "a Cuebot (none is configured yet)"
        message = (
            f"OpenCue job spec written to {spec_path} ({summary}); would launch it on {where}."
        )
        return FarmSubmission(ENGINE, [spec_path], None, False, None, message, notes)
    if source is None:
        raise FarmError(
            f"no OpenCue Cuebot is configured, so nothing was submitted; the job spec is in "
            f"{spec_path}: {_hand_submit_hint(spec_path)}"
        )
    jobs = _launch(launcher, source, spec_path)
    ids = [str(job_obj.id()) for job_obj in jobs]
    names = [str(job_obj.name()) for job_obj in jobs]
    message = (
        f"Launched on OpenCue (Cuebot from {source}): {', '.join(names) or 'no job name'} "
        f"({summary}); spec in {spec_path}."
    )
    return FarmSubmission(ENGINE, [spec_path], None, True, ",".join(ids) or None, message, notes)
