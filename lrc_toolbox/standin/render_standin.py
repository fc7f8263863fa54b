"""The LRC Render STAND-IN: imitates Maya's ``Render`` so the engine can run without Maya.

It is NOT Maya. Like ``Render.exe`` (a launcher for ``mayabatch.exe``), :func:`main` parses the
command line, prints ``Starting "<worker command>"``, starts a worker child (this module with a
hidden ``--worker`` flag) that inherits stdout and stderr, waits for it and exits with its exit
code. It forwards no signals: whoever stops a render must kill the process tree, as with Maya.

The worker prints the chosen renderer's real log-line formats, writes one small placeholder image
per frame (bytes start with :data:`IMAGE_MAGIC`), and can inject faults
(``LRC_STANDIN_FAULTS``, see :mod:`lrc_toolbox.standin.faults`). Timing comes from
``LRC_STANDIN_STARTUP_S``, ``LRC_STANDIN_FRAME_S`` and ``LRC_STANDIN_LAYER_FRAME_S``. With
``LRC_STANDIN_RECORD`` set, the worker appends one JSON line when it starts and one when it ends;
with ``LRC_STANDIN_LAUNCHER_RECORD`` set, the launcher appends one when it is about to exit (the
moment the render's process tree is gone, for the scheduling benchmark's launch gaps).

Entry points: the ``lrc-render-standin`` console script and
``python -m lrc_toolbox.standin.render_standin``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn

from lrc_toolbox.standin.command_line import (
    HELP_TEXT,
    KNOWN_RENDERERS,
    USAGE_EXIT_CODE,
    RenderArgs,
    RenderUsageError,
    parse_render_args,
    wants_help,
    wants_renderer_list,
)
from lrc_toolbox.standin.faults import (
    BAD_SPEC_EXIT_CODE,
    FAULTS_ENV,
    STATE_DIR_ENV,
    FaultPlan,
    FaultSpecError,
    parse_faults,
)
from lrc_toolbox.standin.image_paths import (
    DEFAULT_CAMERA,
    DEFAULT_IMAGE_PREFIX,
    MASTER_LAYER_NODE,
    ImageNaming,
    artist_layer_name,
    image_extension,
)
from lrc_toolbox.standin.knobs import TimingKnobs, read_timing_knobs
from lrc_toolbox.standin.renderer_logs import (
    DEFAULT_HEIGHT_PX,
    DEFAULT_WIDTH_PX,
    RenderContext,
    RendererLog,
    noise_lines,
    renderer_log,
    visible_devices,
)
from lrc_toolbox.standin.scene_frames import frame_plan, read_scene_globals
from lrc_toolbox.standin.workspace import (
    SceneFile,
    images_folder,
    missing_scene_files,
    workspace_root,
)

#: The module the launcher runs as its worker (``python -m``).
WORKER_MODULE: str = "lrc_toolbox.standin.render_standin"
#: Hidden first argument that makes :func:`main` run the worker instead of the launcher.
WORKER_FLAG: str = "--worker"
#: Label in the help text, the first log line and every image.
STANDIN_LABEL: str = "LRC Render STAND-IN, not Maya"
#: First bytes of every image the stand-in writes.
IMAGE_MAGIC: bytes = b"LRC-STANDIN-IMAGE\n"

RECORD_ENV: str = "LRC_STANDIN_RECORD"
LAUNCHER_RECORD_ENV: str = "LRC_STANDIN_LAUNCHER_RECORD"

#: Exit codes. 211 is what Maya returns when the scene cannot be loaded (Deadline has an "ignore
#: 211" option); 134 is an abort (128 + SIGABRT), the code a crashed mayabatch leaves on Linux.
SCENE_LOAD_EXIT_CODE: int = 211
CRASH_EXIT_CODE: int = 134
FAILURE_EXIT_CODE: int = 1
INTERRUPTED_EXIT_CODE: int = 130

#: Sleep granularity of a hung process (it never wakes for good; this only bounds one sleep call).
HANG_SLEEP_S: float = 3600.0

_PLUGIN_VERSIONS: dict[str, str] = {
    "redshift4maya": "3.5.19",
    "mtoa": "5.3.5.1",
    "vrayformaya": "6.2",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the stand-in: the launcher, or the worker when the first argument is ``--worker``.

    Args:
        argv: Arguments without the program name; ``None`` reads ``sys.argv[1:]``.

    Returns:
        The process exit code (the worker's, for the launcher).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == [WORKER_FLAG]:
            return worker_main(args[1:])
        return launcher_main(args)
    except KeyboardInterrupt:
        # Ctrl+C reaches launcher and worker alike (same console group); end quietly.
        return INTERRUPTED_EXIT_CODE


def worker_command(argv: Sequence[str]) -> list[str]:
    """Return the worker's argv for a ``Render`` command line (never a shell string).

    Args:
        argv: ``Render``'s arguments as given to the launcher.

    Returns:
        ``[python, "-m", WORKER_MODULE, "--worker", *argv]``.
    """
    return [sys.executable, "-m", WORKER_MODULE, WORKER_FLAG, *argv]


def launcher_main(argv: Sequence[str]) -> int:
    """Validate the command line, start the worker, wait for it and return its exit code.

    Args:
        argv: ``Render``'s arguments.

    Returns:
        0 for help, 206 for a bad command line, else the worker's exit code (128 + signal
        number when the worker was killed by a signal).
    """
    early = _help_or_usage(argv)
    if early is not None:
        return early
    command = worker_command(argv)
    _print_now(f'Starting "{subprocess.list2cmdline(command)}" ({STANDIN_LABEL})')
    try:
        # Inherit stdin/stdout/stderr: the worker writes straight into the caller's log, like
        # mayabatch under Render.exe. No new process group, so a tree kill reaches it.
        worker = subprocess.Popen(command)
    except OSError as exc:
        _print_now(f"// Error: LRC Render STAND-IN could not start its worker: {exc} //")
        return FAILURE_EXIT_CODE
    code = worker.wait()
    Recorder(os.environ.get(LAUNCHER_RECORD_ENV), {"pid": os.getpid()}).event("launcher_end")
    return code if code >= 0 else 128 - code


def worker_main(argv: Sequence[str]) -> int:
    """Run the render: the part ``mayabatch`` plays.

    Args:
        argv: ``Render``'s arguments (without ``--worker``).

    Returns:
        The exit code (0 when every frame was written).
    """
    early = _help_or_usage(argv)
    if early is not None:
        return early
    args = parse_render_args(argv)
    env = os.environ
    try:
        knobs = read_timing_knobs(env)
        faults = parse_faults(env.get(FAULTS_ENV), env.get(STATE_DIR_ENV))
    except FaultSpecError as exc:
        _print_now(f"LRC Render STAND-IN: invalid stand-in setting: {exc}")
        return BAD_SPEC_EXIT_CODE
    return StandinRender(args, knobs=knobs, faults=faults, env=env).run()


class LineWriter:
    """Writes log lines to a binary stream at once (flushed), optionally also to ``-log``.

    Args:
        stream: Usually ``sys.stdout.buffer``.
        log_file: Path from ``Render -log``, appended to, or ``None``.
        silent: Print nothing at all (the ``silent_work`` fault).
    """

    def __init__(self, stream: BinaryIO, log_file: str | None = None, silent: bool = False) -> None:
        self._stream = stream
        self.silent = silent
        self._log: BinaryIO | None = None
        self._log_problem: str | None = None
        if log_file:
            try:
                self._log = open(log_file, "ab")  # kept open for the whole run
            except OSError as exc:
                self._log_problem = f"// Warning: cannot open log file {log_file}: {exc} //"

    def write(self, lines: Iterable[str]) -> None:
        """Write lines, each ending in a newline, and flush so a crash loses nothing printed.

        Args:
            lines: The lines, without newlines.
        """
        if self.silent:
            return
        if self._log_problem is not None:
            lines = [self._log_problem, *lines]
            self._log_problem = None
        data = "".join(f"{line}\n" for line in lines).encode("utf-8", "backslashreplace")
        if not data:
            return
        self._stream.write(data)
        self._stream.flush()
        if self._log is not None:
            self._log.write(data)
            self._log.flush()

    def close(self) -> None:
        """Close the ``-log`` file, if any."""
        if self._log is not None:
            self._log.close()
            self._log = None


class Recorder:
    """Appends JSON lines about this worker to ``LRC_STANDIN_RECORD`` (for tests).

    Each event is one ``os.write`` on an ``O_APPEND`` descriptor, so lines from concurrent
    stand-ins never interleave.

    Args:
        path: The record file, or ``None`` to record nothing.
        common: Fields written in every event.
    """

    def __init__(self, path: str | None, common: Mapping[str, object]) -> None:
        self._path = path
        self._common = dict(common)

    def event(self, name: str, **fields: object) -> None:
        """Append one event line (``{"event": name, ...common, "time": now, ...fields}``).

        Args:
            name: ``start`` or ``end``.
            **fields: Event-specific fields (``exit_code``, ``frames_written``...).
        """
        if not self._path:
            return
        payload = {"event": name, **self._common, "time": time.time(), **fields}
        data = (json.dumps(payload, sort_keys=True) + "\n").encode("utf-8")
        try:
            fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            # A broken record path is a test-setup problem; say so once and keep rendering.
            sys.stderr.write(f"LRC Render STAND-IN: cannot append to {RECORD_ENV}: {exc}\n")
            self._path = None
            return
        try:
            os.write(fd, data)
        finally:
            os.close(fd)


class StandinRender:
    """One worker run: start-up, layers and frames, faults, images, record.

    Args:
        args: The parsed ``Render`` command line.
        knobs: Timing knobs.
        faults: Fault plan.
        env: The environment the render sees (``CUDA_VISIBLE_DEVICES``...).
        stream: Where log lines go (default ``sys.stdout.buffer``).
    """

    def __init__(
        self,
        args: RenderArgs,
        *,
        knobs: TimingKnobs,
        faults: FaultPlan,
        env: Mapping[str, str],
        stream: BinaryIO | None = None,
    ) -> None:
        self.args = args
        self.knobs = knobs
        self.faults = faults
        self.env = env
        self.layers: tuple[str, ...] = args.layers or (MASTER_LAYER_NODE,)
        self.scene = Path(os.path.abspath(args.scene_file))
        self.plan = frame_plan(args, read_scene_globals(self.scene))
        self._stream = stream if stream is not None else sys.stdout.buffer
        self.out = LineWriter(self._stream, args.log_file)
        self.frames_written: list[int] = []
        self.images_written: list[str] = []
        self._created = time.monotonic()
        self._write_failed = False
        self._first_frame = True
        self._noise_index = 0
        self.missing: list[SceneFile] = []
        self.recorder = Recorder(
            env.get(RECORD_ENV),
            {
                "pid": os.getpid(),
                "ppid": os.getppid(),
                "cuda_visible_devices": env.get("CUDA_VISIBLE_DEVICES"),
                "cuda_device_order": env.get("CUDA_DEVICE_ORDER"),
                "renderer": args.renderer,
                "layers": list(self.layers),
                "start": self.plan.frames[0] if self.plan.frames else args.start,
                "end": self.plan.frames[-1] if self.plan.frames else args.end,
                "by": args.by,
                "still": self.plan.still,
                "gpu_flag": args.gpu_flag,
                "argv": list(args.argv),
                "scene": str(self.scene),
            },
        )

    def run(self) -> int:
        """Render everything; may never return (hang faults) or exit abruptly (crash faults).

        Returns:
            The exit code: 0 when every frame was written (or skipped on purpose).
        """
        self.recorder.event("start")
        try:
            code = self._run()
        except FaultSpecError as exc:
            self.out.silent = False
            self.out.write([f"LRC Render STAND-IN: invalid stand-in setting: {exc}"])
            code = BAD_SPEC_EXIT_CODE
        self.recorder.event(
            "end",
            exit_code=code,
            frames_written=self.frames_written,
            images=self.images_written,
            missing_files=[item.value for item in self.missing],
        )
        self.out.close()
        return code

    def _run(self) -> int:
        """The render proper; returns the exit code."""
        if self.faults.run_fault("ignore_term", self.layers) is not None and hasattr(
            signal, "SIGTERM"
        ):
            # A renderer stuck in a driver call does not react to SIGTERM: only a kill ends it.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        silent = self.faults.run_fault("silent_work", self.layers)
        self.out.silent = silent is not None
        slow = self.faults.run_fault("slow_start", self.layers)
        if slow is not None and slow.number:
            # Before the first worker line: a start that stalls looks like this in a real log.
            time.sleep(slow.number)
        noise = self.faults.run_fault("noise", self.layers) is not None
        log = renderer_log(self.args.renderer, self._context())
        self._startup_banner(log.plugin)
        if noise:
            self.out.write(noise_lines(str(self.scene))[:2])
        if self.args.project and not os.path.isdir(self.args.project):
            self.out.write([f'// Error: Cannot open project "{self.args.project}" //'])
            return USAGE_EXIT_CODE
        if not self.scene.is_file():
            self.out.write([f'// Error: Cannot load scene "{self.scene}": file not found //'])
            return SCENE_LOAD_EXIT_CODE
        code = self._load_scene_files()
        if code is not None:
            return code
        read_s = time.monotonic() - self._created
        self.out.write([f"File read in {read_s:.2f} seconds.", f"Result: {self.scene}"])
        if self.faults.run_fault("crash_startup", self.layers) is not None:
            self.out.write(
                [
                    "// Fatal Error. Attempting to save in "
                    f"{self.scene.parent / (self.scene.stem + '.crash.ma')} "
                    "(LRC STAND-IN simulated start-up crash; nothing is saved)"
                ]
            )
            return FAILURE_EXIT_CODE
        if self.faults.run_fault("license", self.layers) is not None:
            self.out.write(log.licence_failure())
            return FAILURE_EXIT_CODE
        if self.faults.run_fault("plugin_load", self.layers) is not None and log.plugin:
            # Maya goes on after a failed plug-in load; with no renderer nothing is rendered,
            # and the process may still exit 0.
            self.out.write([*log.plugin_load_failure(), f"Scene {self.scene} completed."])
            return 0
        failure = log.device_failure()
        if failure is not None:
            self.out.write(failure)
            return FAILURE_EXIT_CODE
        self.out.write(log.startup())
        time.sleep(self.knobs.startup_s)
        frame_s_override = silent.number if silent is not None else None
        for layer in self.layers:
            code = self._render_layer(log, layer, noise, frame_s_override)
            if code is not None:
                return code
        self.out.write([*log.finish(), f"Scene {self.scene} completed."])
        if self.faults.run_fault("hang_after_last", self.layers) is not None:
            _hang_forever()
        exit_fault = self.faults.run_fault("exit_code", self.layers)
        if exit_fault is not None and exit_fault.number is not None:
            return int(exit_fault.number)
        return FAILURE_EXIT_CODE if self._write_failed else 0

    def _load_scene_files(self) -> int | None:
        """Resolve the scene's references, textures and caches as Maya would (see workspace)."""
        root = workspace_root(self.args.project, self.env)
        self.missing = missing_scene_files(self.scene, root, self.env)
        for item in self.missing:
            if item.kind == "reference":
                self.out.write(
                    [
                        f"// Error: file: {self.scene}: Could not open file. : {item.value} "
                        f"(LRC STAND-IN: reference not found from project {root} or the "
                        "scene's folder) //"
                    ]
                )
            else:
                self.out.write(
                    [
                        f'// Warning: file: {self.scene}: {item.kind} file "{item.value}" not found //'
                    ]
                )
        if any(item.kind == "reference" for item in self.missing):
            return SCENE_LOAD_EXIT_CODE
        return None

    def _startup_banner(self, plugin: str) -> None:
        """The first worker lines: the stand-in label, a Maya-like banner, plug-in loading."""
        cvd = self.env.get("CUDA_VISIBLE_DEVICES")
        lines = [
            f"{STANDIN_LABEL}: imitating mayabatch, renderer {self.args.renderer}, "
            f"pid {os.getpid()}",
            "Maya 2024 batch render (LRC STAND-IN imitation; no Autodesk code runs here)",
            f"LRC STAND-IN: CUDA_VISIBLE_DEVICES={'<unset>' if cvd is None else cvd} "
            f"CUDA_DEVICE_ORDER={self.env.get('CUDA_DEVICE_ORDER', '<unset>')}",
        ]
        if plugin:
            lines.append(f'// Loading plug-in "{plugin}" version {_PLUGIN_VERSIONS[plugin]} //')
        if self.args.verbose:
            lines += [
                f"// LRC Render STAND-IN: {flag} MEL is accepted but never executed: {mel}"
                for flag, mel in self.args.mel_hooks().items()
            ]
        self.out.write(lines)

    def _context(self) -> RenderContext:
        """Devices, threads and resolution for the renderer's lines."""
        args = self.args
        ordinals: tuple[int, ...] | None = args.gpu if args.renderer == "redshift" else None
        use_gpu = args.renderer == "redshift"
        if args.renderer == "arnold":
            use_gpu = args.ai_device == 1
            if args.ai_manual_gpu_selection and args.ai_gpu is not None:
                ordinals = (args.ai_gpu,)
        wanted = max(ordinals) + 1 if ordinals else 1
        devices = visible_devices(
            self.env.get("CUDA_VISIBLE_DEVICES"), self.env.get("CUDA_DEVICE_ORDER"), wanted
        )
        scale = (args.percent_res or 100.0) / 100.0
        return RenderContext(
            devices=devices,
            gpu_ordinals=ordinals,
            use_gpu=use_gpu,
            threads=args.threads or os.cpu_count() or 1,
            width=max(1, round((args.width or DEFAULT_WIDTH_PX) * scale)),
            height=max(1, round((args.height or DEFAULT_HEIGHT_PX) * scale)),
        )

    def _naming(self, layer: str) -> ImageNaming:
        """How this layer's images are named."""
        args = self.args
        # Like Render: -rd relative to the workspace root; no -proj: Maya's default project.
        output_dir = images_folder(workspace_root(args.project, self.env), args.output_dir)
        return ImageNaming(
            output_dir=output_dir,
            prefix=args.image_prefix or DEFAULT_IMAGE_PREFIX,
            scene_stem=self.scene.stem,
            layer=layer,
            camera=args.camera or DEFAULT_CAMERA,
            extension=image_extension(args.image_format),
            padding=args.padding,
            convention=args.file_name_convention,
            separate_layer_folders=len(self.layers) > 1,
        )

    def _render_layer(
        self, log: RendererLog, layer: str, noise: bool, frame_s_override: float | None
    ) -> int | None:
        """Render every frame of one layer; return an exit code to stop, or None to go on."""
        args, still = self.args, self.plan.still
        naming = self._naming(layer)
        frames = list(self.plan.frames)
        first_number = args.renumber_start if args.renumber_start is not None else args.start
        number_step = args.renumber_by if args.renumber_by is not None else args.by
        renumber = args.renumber_start is not None or args.renumber_by is not None
        what = (
            f"the current frame {frames[0]}, a still (animation is off: no frame number in "
            "the image name)"
            if still
            else f"frames {args.start} to {args.end} by {args.by}, {len(frames)} in all"
        )
        if not still and not args.frames_given and frames:
            what = f"frames {frames[0]} to {frames[-1]} (the scene's), {len(frames)} in all"
        self.out.write([f"Render layer {layer} ({artist_layer_name(layer)}): {what}"])
        for index, frame in enumerate(frames, start=1):
            number = first_number + (index - 1) * number_step if renumber else frame
            path = naming.still_path() if still else naming.path_for(number)
            if self._fires("hang_at", layer, frame):
                _hang_forever()
            if self._fires("skip", layer, frame):
                continue
            if args.skip_existing and _non_empty_file(path):
                self.out.write([f"Skipping frame {frame} (image exists)"])
                continue
            frame_s = (
                frame_s_override
                if frame_s_override is not None
                else self.knobs.seconds_per_frame(layer)
            )
            code = self._render_frame(log, layer, frame, (index, len(frames)), path, frame_s, noise)
            if code is not None:
                return code
        return None

    def _render_frame(
        self,
        log: RendererLog,
        layer: str,
        frame: int,
        position: tuple[int, int],
        path: Path,
        frame_s: float,
        noise: bool,
    ) -> int | None:
        """Print one frame's lines over ``frame_s`` seconds and write its image."""
        started = time.monotonic()
        crash = self._fires("crash_at", layer, frame)
        cuda = self._fires("cuda_error", layer, frame)
        self._first_frame = False
        self.out.write(log.frame_begin(frame, position[0], position[1], path))
        if noise:
            self.out.write([noise_lines(str(self.scene))[self._noise_index % 3]])
            self._noise_index += 1
        progress = log.frame_progress(frame, path)
        slice_s = frame_s / (len(progress) + 1)
        halfway = len(progress) // 2
        for step, line in enumerate(progress):
            if step == halfway and crash:
                _crash()
            if step == halfway and cuda:
                self.out.write(log.cuda_error(frame))
                return FAILURE_EXIT_CODE
            time.sleep(slice_s)
            self.out.write([line])
        time.sleep(slice_s)
        empty = self._fires("empty", layer, frame)
        try:
            _write_image(path, self._image_bytes(layer, frame, path) if not empty else b"")
        except OSError as exc:
            self.out.write([f'// Error: Cannot write image file "{path}": {exc} //'])
            self._write_failed = True
            return None
        self.frames_written.append(frame)
        self.images_written.append(str(path))
        self.out.write(log.frame_written(frame, path, time.monotonic() - started))
        if self._fires("crash_after", layer, frame):
            _crash()  # between frames: this frame is complete, the next one never begins
        return None

    def _fires(self, kind: str, layer: str, frame: int) -> bool:
        """Whether a frame fault of ``kind`` fires here (claims ``@once`` markers)."""
        return self.faults.frame_fault(kind, layer, frame, self._first_frame) is not None

    def _image_bytes(self, layer: str, frame: int, path: Path) -> bytes:
        """The placeholder image: the magic line, then JSON saying what wrote it."""
        info = {
            "standin": f"{STANDIN_LABEL}: placeholder, not a real image",
            "layer": layer,
            "layer_name": artist_layer_name(layer),
            "frame": frame,
            "file": path.name,
            "renderer": self.args.renderer,
            "pid": os.getpid(),
            "cuda_visible_devices": self.env.get("CUDA_VISIBLE_DEVICES"),
            "scene": str(self.scene),
            "missing_files": [item.value for item in self.missing],
        }
        return IMAGE_MAGIC + json.dumps(info, sort_keys=True).encode("utf-8") + b"\n"


def read_standin_image(path: str | os.PathLike[str]) -> dict[str, object] | None:
    """Return the JSON a stand-in image carries, or None if ``path`` is not a stand-in image.

    Args:
        path: An image file.

    Returns:
        The decoded information (layer, frame, pid, cuda_visible_devices...), or None when the
        file is empty or does not start with :data:`IMAGE_MAGIC`.

    Raises:
        OSError: The file cannot be read.
    """
    data = Path(path).read_bytes()
    if not data.startswith(IMAGE_MAGIC):
        return None
    try:
        info = json.loads(data[len(IMAGE_MAGIC) :].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return info if isinstance(info, dict) else None


def _help_or_usage(argv: Sequence[str]) -> int | None:
    """Handle ``-help``, ``-listRenderers`` and unparsable command lines; None to go on."""
    if wants_help(argv):
        _print_now(HELP_TEXT.rstrip("\n"))
        return 0
    if wants_renderer_list(argv):
        _print_now(f"Renderers imitated by the {STANDIN_LABEL}:")
        _print_now("\n".join(f"    {name}" for name in KNOWN_RENDERERS))
        return 0
    try:
        parse_render_args(argv)
    except RenderUsageError as exc:
        _print_now(f"// Error: {exc} //")
        _print_now(HELP_TEXT.rstrip("\n"))
        return USAGE_EXIT_CODE
    return None


def _print_now(text: str) -> None:
    """Print and flush at once: launcher and worker share the caller's stdout."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _write_image(path: Path, data: bytes) -> None:
    """Write an image file, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def _non_empty_file(path: Path) -> bool:
    """Whether ``path`` is a file with at least one byte (what ``-skipExistingFrames`` trusts)."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _crash() -> NoReturn:
    """Die at once like a crashing renderer: no cleanup, no further output."""
    sys.stdout.flush()
    os._exit(CRASH_EXIT_CODE)


def _hang_forever() -> NoReturn:
    """Stop doing anything, forever (until killed)."""
    sys.stdout.flush()
    while True:
        time.sleep(HANG_SLEEP_S)


if __name__ == "__main__":
    sys.exit(main())
