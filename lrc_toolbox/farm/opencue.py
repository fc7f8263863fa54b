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
``max_task_time_s`` -> ``timeout``; ``timeout_llu`` (no log update) is Cuebot's one timer for both a
render that never starts printing and one that stops: it gets the longer of the start and hang
timeouts, so a slow but healthy start is never killed. Retries: the job's ``maxretries``.

Names: Cuebot refuses a job whose name is already pending ("The job ... is already pending",
``JobLauncher.verifyJobSpec`` in OpenCue's Cuebot), so the job name is the scene, the layers and
the submission time with a random tail, unless the user names the job. The show and shot are the
user's (``show``/``shot`` options), else ``$SHOW``/``$SHOT``, else pyoutline's configured defaults
(``testing``/``default``); Cuebot refuses a show that does not exist, so a default show is noted.
The spec's DTD version can be chosen for older Cuebots (:data:`~.options.CUE_SPEC_VERSIONS`):
pyoutline writes only the elements that version declares.

The XML spec is serialized without a Cuebot (``OutlineLauncher.serialize``) and written next to the
other export files; pyoutline's session folder goes there too. Submitting needs a configured Cuebot
(``CUEBOT_HOSTS`` or an OpenCue config file); without one nothing is contacted and the error says so.
"""

from __future__ import annotations

import math
import os
import re
import secrets
import shlex
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lrc_toolbox.farm.job_description import ArgToken, FarmJob, FarmLayer
from lrc_toolbox.farm.options import FarmOptions
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
    "MAX_NAMED_LAYERS",
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
    "job_name",
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
#: Layers named in a generated job name (more are counted: ``shot_BG_FG_FX_and2``).
MAX_NAMED_LAYERS = 3
#: Longest generated job name (Cuebot prefixes ``show-shot-user_``).
MAX_GENERATED_NAME_CHARS = 90
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


def shell_command(
    job: FarmJob, layer: FarmLayer, run: FrameRun, *, render: str | None = None
) -> str:
    """The POSIX shell command of one OpenCue layer (Cuebot fills in the frame tokens).

    Args:
        job: The farm job.
        layer: The render layer.
        run: The run the OpenCue layer renders (its step is fixed, ``-b``).
        render: ``Render`` on the render nodes (default: the one found on this machine).

    Returns:
        The command line; every argument quoted, so names cannot run as shell code.

    Raises:
        FarmError: An argument holds text Cuebot would replace (``#JOB#``, ``#FRAME_START#``...):
            Cuebot substitutes its tokens anywhere in a command, quoted paths included.
    """
    replacements = {
        ArgToken.FRAME_START: FRAME_START_TOKEN,
        ArgToken.FRAME_END: FRAME_END_TOKEN,
        ArgToken.FRAME_STEP: str(run.step),
    }
    if render:
        replacements[ArgToken.RENDER_EXE] = render
    argv = layer.command(replacements)
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


def cue_layers(job: FarmJob, options: FarmOptions | None = None) -> list[CueLayer]:
    """The OpenCue layers of a job: one per render layer and contiguous run.

    Args:
        job: The farm job.
        options: ``worker_render``: the ``Render`` of the render nodes.

    Returns:
        The layers in render-layer order; names are unique.
    """
    render = options.worker_render if options is not None else None
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
            command = shell_command(job, layer, run, render=render)
            layers.append(CueLayer(candidate, layer, run, opencue_range(run), command))
    return layers


def _minutes(seconds: float | None) -> int | None:
    """Whole minutes for Cuebot (it counts timeouts in minutes), rounded up; None stays None."""
    if seconds is None:
        return None
    return max(1, math.ceil(seconds / 60.0))


def job_name(job: FarmJob, options: FarmOptions | None = None, *, now: float | None = None) -> str:
    """The OpenCue job name: the user's, else scene + layers + submission time + a random tail.

    Cuebot refuses a name that is already pending, so two submissions of one scene must differ
    even within the same second. (pyoutline strips ``_YYYY_MM_DD_HH_MM`` from names, so the
    time is written ``YYYYMMDD-HHMMSS``.)

    Args:
        job: The farm job.
        options: ``job_name`` wins when given.
        now: The time to write (default: now).

    Returns:
        An XML NMTOKEN (letters, digits, ``._-``) of at least three characters.
    """
    if options is not None and options.job_name:
        # The user's own name, kept readable (no hash tail); it must be unique while pending.
        return re.sub(r"[^A-Za-z0-9._-]+", "_", options.job_name).strip("._-") or "job"
    names = [_nmtoken(layer.name) for layer in job.layers]
    layers = "_".join(names[:MAX_NAMED_LAYERS])
    if len(names) > MAX_NAMED_LAYERS:
        layers += f"_and{len(names) - MAX_NAMED_LAYERS}"
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    tail = f"_{stamp}_{secrets.token_hex(2)}"
    head = f"{_nmtoken(job.name)}_{layers}"[: MAX_GENERATED_NAME_CHARS - len(tail)]
    return head + tail


def build_outline(
    job: FarmJob,
    *,
    service: str = DEFAULT_SERVICE,
    tags: Sequence[str] = (),
    gpu_memory: str = DEFAULT_GPU_MEMORY,
    options: FarmOptions | None = None,
) -> Any:
    """Build the job as a pyoutline :class:`outline.Outline`.

    Args:
        job: The farm job.
        service: OpenCue service of the layers.
        tags: Host tags the layers require (none: the service's).
        gpu_memory: GPU memory a GPU layer reserves (``"1g"``, ``"8g"``).
        options: Job name, show and shot (see :class:`~lrc_toolbox.farm.options.FarmOptions`).

    Returns:
        The outline (not set up: no session folder is made yet).

    Raises:
        FarmUnavailableError: pyoutline (or ``packaging``, which it needs) is not installed.
    """
    options = options or FarmOptions()
    outline_mod = require_module("outline", engine=ENGINE, extra=EXTRA)
    shell = require_module("outline.modules.shell", engine=ENGINE, extra=EXTRA)
    ol = outline_mod.Outline(
        name=job_name(job, options), show=options.show or None, shot=options.shot or None
    )
    timeout = _minutes(job.max_task_time_s)
    llu = _minutes(max(job.hang_timeout_s, job.start_timeout_s))
    for cue in cue_layers(job, options):
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
        if timeout:
            args["timeout"] = timeout
        if llu:
            args["timeout_llu"] = llu
        layer = shell.Shell(cue.name, **args)
        for key, value in job.environment.items():
            layer.set_env(key, value)
        ol.add_layer(layer)
    return ol


@contextmanager
def _outline_settings(folder: Path, spec_version: str | None) -> Iterator[None]:
    """Point pyoutline's session folder (and spec version) at ours for the duration.

    pyoutline's config is global: every value is put back afterwards.
    """
    config = require_module("outline.config", engine=ENGINE, extra=EXTRA).config
    before = {key: config.get("outline", key) for key in ("session_dir", "spec_version")}
    # pyoutline fills {HOME}/{SHOW}/{SHOT} in this value with str.format: escape our braces.
    config.set("outline", "session_dir", str(folder).replace("{", "{{").replace("}", "}}"))
    if spec_version:
        config.set("outline", "spec_version", spec_version)
    try:
        yield
    finally:
        for key, value in before.items():
            config.set("outline", key, value)


def spec_version_in_use(options: FarmOptions | None = None) -> str:
    """The job-spec version the export writes: the option, else pyoutline's configured one."""
    if options is not None and options.cue_spec_version:
        return options.cue_spec_version
    config = require_module("outline.config", engine=ENGINE, extra=EXTRA).config
    return str(config.get("outline", "spec_version"))


def _launcher(job: FarmJob, ol: Any) -> Any:
    cuerun = require_module("outline.cuerun", engine=ENGINE, extra=EXTRA)
    # No e-mail element: pyoutline would invent <user>@<its placeholder domain>.
    return cuerun.OutlineLauncher(ol, maxretries=job.retries, nomail=True)


def serialize_spec(launcher: Any, session_folder: Path, spec_version: str | None = None) -> str:
    """The OpenCue XML job spec, serialized by pyoutline without contacting a Cuebot.

    Args:
        launcher: An ``outline.cuerun.OutlineLauncher`` of the outline.
        session_folder: Where pyoutline writes its session (the outline's setup).
        spec_version: The job-spec DTD version to write (None: pyoutline's configured one).

    Returns:
        The spec (its DOCTYPE names ``cjsl-<version>.dtd``).

    Raises:
        FarmError: pyoutline refused the outline.
    """
    exception = require_module("outline.exception", engine=ENGINE, extra=EXTRA)
    with _outline_settings(session_folder, spec_version):
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


def _launch(
    launcher: Any, source: str, spec_path: str, session_folder: Path, spec_version: str | None
) -> list[Any]:
    """Launch on the configured Cuebot; every failure becomes one FarmError."""
    opencue = require_module("opencue", engine=ENGINE, extra=EXTRA)
    grpc = require_module("grpc", engine=ENGINE, extra=EXTRA)
    cuebot = opencue.Cuebot
    failures = (opencue.exception.CueException, grpc.RpcError, OSError, ValueError)
    try:
        # Re-read CUEBOT_HOSTS / the config every time: a long-lived process (Maya) may have
        # a channel left from a failed attempt.
        cuebot.init()
        with _outline_settings(session_folder, spec_version):  # launch serializes again
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


def submit(
    job: FarmJob,
    out_dir: str | Path | None,
    *,
    dry_run: bool,
    options: FarmOptions | None = None,
) -> FarmSubmission:
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
    options = options or FarmOptions()
    ol = build_outline(job, options=options)
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    session = folder / SESSION_FOLDER
    launcher = _launcher(job, ol)
    version = spec_version_in_use(options)
    spec = serialize_spec(launcher, session, version)
    spec_path = write_text(folder / SPEC_FILE, spec)
    layers = cue_layers(job, options)
    summary = (
        f"{len(layers)} OpenCue layer(s), {job.task_count} frame chunk(s), show "
        f"{ol.get_show()}, shot {ol.get_shot()}, job {ol.get_name()}, spec {version}"
    )
    source = cuebot_source()
    notes = [*job.notes, *_notes(job, options, ol)]
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
    jobs = _launch(launcher, source, spec_path, session, version)
    ids = [str(job_obj.id()) for job_obj in jobs]
    names = [str(job_obj.name()) for job_obj in jobs]
    message = (
        f"Launched on OpenCue (Cuebot from {source}): {', '.join(names) or 'no job name'} "
        f"({summary}); spec in {spec_path}."
    )
    return FarmSubmission(ENGINE, [spec_path], None, True, ",".join(ids) or None, message, notes)


def _notes(job: FarmJob, options: FarmOptions, ol: Any) -> list[str]:
    """What the user should know about the OpenCue side of this export."""
    notes = []
    if not options.show and not os.environ.get("SHOW"):
        notes.append(
            f"OpenCue show {ol.get_show()!r} is pyoutline's default: Cuebot refuses a show that "
            "does not exist, so name yours (--show or $SHOW)"
        )
    if job.start_timeout_s > job.hang_timeout_s:
        notes.append(
            "OpenCue has one 'no log update' timeout for a render that never starts and one "
            f"that hangs: timeout_llu is the start timeout ({math.ceil(job.start_timeout_s)} s)"
        )
    return notes
