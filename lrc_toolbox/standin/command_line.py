"""Maya ``Render`` command-line parsing for the Render STAND-IN.

``Render``'s flags start with a single dash, some contain ``:`` (``-ai:lve``) and ``-reg`` takes four
values, so argparse is a poor fit: this is a small table-driven parser. It accepts the flags Maya's
``Render -help`` lists (plus the renderer-specific ones farm tools pass), then the scene file last.
Anything else raises :class:`RenderUsageError`, which the stand-in turns into Maya's exit code 206.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

#: Maya's exit code for a command line it cannot parse (Deadline's MayaCmd.py documents it).
USAGE_EXIT_CODE: int = 206

#: ``-r`` values the stand-in accepts. ``hw``/``vr``/``file`` print Maya Software style lines,
#: ``file`` because the stand-in does not read the renderer stored in the scene.
KNOWN_RENDERERS: tuple[str, ...] = (
    "arnold",
    "file",
    "hw",
    "hw2",
    "redshift",
    "sw",
    "vr",
    "vray",
)

#: ``-fnc`` names in the order of Maya's Render Settings "Frame/Animation ext" menu; ``-fnc 1`` is
#: the first (UNVERIFIED numbering: Render's help only says "numbers 1, 2, ... can also be used").
FILE_NAME_CONVENTIONS: tuple[str, ...] = (
    "name",
    "name.ext",
    "name.#.ext",
    "name.ext.#",
    "name.#",
    "name#.ext",
    "name_#.ext",
)

DEFAULT_FILE_NAME_CONVENTION: str = "name.#.ext"

#: Maya's default animation range when the scene's globals are not read.
DEFAULT_START_FRAME: int = 1
DEFAULT_END_FRAME: int = 10
DEFAULT_PADDING: int = 4
MAX_PADDING: int = 16

USAGE_LINE: str = "Usage: Render [options] filename"

HELP_TEXT: str = f"""{USAGE_LINE}
       where "filename" is a Maya ASCII or a Maya binary file.

  LRC Render STAND-IN: this is NOT Autodesk Maya. It imitates Maya's Render (a launcher that
  starts a worker), prints log lines in the chosen renderer's format and writes placeholder
  images, so the LRC Batch Render Manager can be tested and demoed without Maya.

Common options:
  -help                     Print this message
  -listRenderers            List the renderers the stand-in imitates
  -r / -renderer string     Renderer: {", ".join(KNOWN_RENDERERS)}
  -rl name[,name...]        Render these layers, one after the other (true/false: masterLayer)
  -s float / -e float / -b float   Start / end / by frame (whole frames only); -s or -e turn
                            animation on. Without them the scene decides: animation off
                            renders its current frame as a still (no frame number in the
                            image name), animation on its start..end (default 1..10)
  -rd path                  Directory in which to store image files
  -im filename              Image file name prefix; tokens <Scene> <RenderLayer> <Layer> <Camera>
  -of string                Output image format (file extension), default exr
  -pad int                  Digits in the frame number (default 4)
  -fnc string|int           File name convention ({", ".join(FILE_NAME_CONVENTIONS)})
  -rfs int / -rfb int       Renumber frame start / by
  -cam name                 Camera (default persp)
  -proj path                Maya project (default: $MAYA_APP_DIR/projects/default); images go
                            to its images rule when -rd is absent, a relative -rd is under it
  -x int / -y int / -percentRes float   Resolution
  -skipExistingFrames bool  Do not re-render frames whose image exists and is not empty
  -log path                 Also append the output to this file
  -n / -threads / -ai:threads int       CPU threads
  -gpu {{0,1}}               Redshift GPU ordinals (relative to CUDA_VISIBLE_DEVICES)
  -ai:device 0|1 -ai:manGpuSel bool -ai:gpu int -ai:lve int -ai:alf bool -rt int   Arnold
  -preRender/-postRender/-preLayer/-postLayer/-preFrame/-postFrame string
                            MEL hooks: accepted, never executed by the stand-in
  -verb / -keepMel / -test  Accepted

Stand-in knobs (environment): LRC_STANDIN_STARTUP_S, LRC_STANDIN_FRAME_S,
LRC_STANDIN_LAYER_FRAME_S, LRC_STANDIN_FAULTS, LRC_STANDIN_STATE_DIR, LRC_STANDIN_RECORD,
LRC_STANDIN_LAUNCHER_RECORD.
"""


class RenderUsageError(ValueError):
    """The command line cannot be parsed; ``Render`` prints its usage and exits 206."""


@dataclass(frozen=True)
class FlagSpec:
    """How one ``Render`` flag is read.

    Attributes:
        dest: Attribute of :class:`RenderArgs` that receives the value.
        kind: ``str``, ``int``, ``float``, ``bool``, ``gpu``, ``reg`` (four ints) or ``switch``
            (no value).
    """

    dest: str
    kind: str


_FLAGS: dict[str, FlagSpec] = {
    "-r": FlagSpec("renderer", "str"),
    "-renderer": FlagSpec("renderer", "str"),
    "-rl": FlagSpec("render_layers", "str"),
    "-s": FlagSpec("start", "float"),
    "-e": FlagSpec("end", "float"),
    "-b": FlagSpec("by", "float"),
    "-rd": FlagSpec("output_dir", "str"),
    "-im": FlagSpec("image_prefix", "str"),
    "-of": FlagSpec("image_format", "str"),
    "-pad": FlagSpec("padding", "int"),
    "-cam": FlagSpec("camera", "str"),
    "-proj": FlagSpec("project", "str"),
    "-x": FlagSpec("width", "int"),
    "-y": FlagSpec("height", "int"),
    "-percentRes": FlagSpec("percent_res", "float"),
    "-n": FlagSpec("threads", "int"),
    "-threads": FlagSpec("threads", "int"),
    "-gpu": FlagSpec("gpu", "gpu"),
    "-ai:device": FlagSpec("ai_device", "int"),
    "-ai:manGpuSel": FlagSpec("ai_manual_gpu_selection", "bool"),
    "-ai:gpu": FlagSpec("ai_gpu", "int"),
    "-ai:lve": FlagSpec("ai_verbosity", "int"),
    "-ai:threads": FlagSpec("threads", "int"),
    "-ai:alf": FlagSpec("ai_abort_on_license_fail", "bool"),
    "-rt": FlagSpec("render_type", "int"),
    "-reg": FlagSpec("region", "reg"),
    "-skipExistingFrames": FlagSpec("skip_existing", "bool"),
    "-log": FlagSpec("log_file", "str"),
    "-preRender": FlagSpec("pre_render_mel", "str"),
    "-postRender": FlagSpec("post_render_mel", "str"),
    "-preLayer": FlagSpec("pre_layer_mel", "str"),
    "-postLayer": FlagSpec("post_layer_mel", "str"),
    "-preFrame": FlagSpec("pre_frame_mel", "str"),
    "-postFrame": FlagSpec("post_frame_mel", "str"),
    "-verb": FlagSpec("verbose", "switch"),
    "-test": FlagSpec("test_only", "switch"),
    "-keepMel": FlagSpec("keep_mel", "switch"),
    "-rfs": FlagSpec("renumber_start", "int"),
    "-rfb": FlagSpec("renumber_by", "int"),
    "-fnc": FlagSpec("file_name_convention", "str"),
}

_HELP_FLAGS: frozenset[str] = frozenset({"-h", "-help", "--help"})
_LIST_FLAG: str = "-listRenderers"
_TRUE_WORDS: frozenset[str] = frozenset({"1", "true", "on", "yes"})
_FALSE_WORDS: frozenset[str] = frozenset({"0", "false", "off", "no"})
_GPU_RE = re.compile(r"^\{?\s*(\d+(?:\s*,\s*\d+)*)\s*\}?$")


@dataclass(frozen=True)
class RenderArgs:
    """A parsed ``Render`` command line.

    Frame values are whole numbers (the stand-in does not render sub-frames). ``None`` means
    the flag was not given. ``layers`` is empty when ``-rl`` was absent or a boolean.

    Attributes:
        scene_file: The scene filename (last argument).
        renderer: ``-r`` value, lower-cased; ``file`` when absent.
        layers: Layer node names from ``-rl``, in order, without duplicates.
        start: First frame.
        end: Last frame.
        by: Frame step (> 0).
        frames_given: ``-s`` or ``-e`` was passed: an animation of ``start``..``end`` (each
            turns animation on, as in Maya). Without them the scene decides: a still of its
            current frame when its animation is off (see :mod:`lrc_toolbox.standin.scene_frames`).
        by_given: ``-b`` was passed.
        argv: The arguments as given (without the program name).
    """

    scene_file: str
    renderer: str = "file"
    layers: tuple[str, ...] = ()
    start: int = DEFAULT_START_FRAME
    end: int = DEFAULT_END_FRAME
    by: int = 1
    frames_given: bool = False
    by_given: bool = False
    output_dir: str | None = None
    image_prefix: str | None = None
    image_format: str | None = None
    padding: int = DEFAULT_PADDING
    camera: str | None = None
    project: str | None = None
    width: int | None = None
    height: int | None = None
    percent_res: float | None = None
    threads: int | None = None
    gpu: tuple[int, ...] | None = None
    gpu_flag: str | None = None
    ai_device: int | None = None
    ai_manual_gpu_selection: bool | None = None
    ai_gpu: int | None = None
    ai_verbosity: int | None = None
    ai_abort_on_license_fail: bool | None = None
    render_type: int | None = None
    region: tuple[int, int, int, int] | None = None
    skip_existing: bool = False
    log_file: str | None = None
    pre_render_mel: str | None = None
    post_render_mel: str | None = None
    pre_layer_mel: str | None = None
    post_layer_mel: str | None = None
    pre_frame_mel: str | None = None
    post_frame_mel: str | None = None
    verbose: bool = False
    test_only: bool = False
    keep_mel: bool = False
    renumber_start: int | None = None
    renumber_by: int | None = None
    file_name_convention: str = DEFAULT_FILE_NAME_CONVENTION
    argv: tuple[str, ...] = ()

    def mel_hooks(self) -> dict[str, str]:
        """Return the MEL hooks that were given (the stand-in never executes them).

        Returns:
            ``{flag: mel}`` for each of ``-preRender`` ... ``-postFrame`` that was given.
        """
        hooks = {
            "-preRender": self.pre_render_mel,
            "-postRender": self.post_render_mel,
            "-preLayer": self.pre_layer_mel,
            "-postLayer": self.post_layer_mel,
            "-preFrame": self.pre_frame_mel,
            "-postFrame": self.post_frame_mel,
        }
        return {flag: mel for flag, mel in hooks.items() if mel is not None}


def wants_help(argv: Sequence[str]) -> bool:
    """Return True when ``argv`` asks for the help text.

    Args:
        argv: ``Render``'s arguments.

    Returns:
        Whether ``-h``, ``-help`` or ``--help`` is among them.
    """
    return any(arg in _HELP_FLAGS for arg in argv)


def wants_renderer_list(argv: Sequence[str]) -> bool:
    """Return True when ``argv`` asks for the renderer list.

    Args:
        argv: ``Render``'s arguments.

    Returns:
        Whether ``-listRenderers`` is among them.
    """
    return _LIST_FLAG in argv


def parse_render_args(argv: Sequence[str]) -> RenderArgs:
    """Parse ``Render``'s arguments (without the program name).

    Args:
        argv: The arguments, flags first and the scene filename last.

    Returns:
        The parsed and validated command line.

    Raises:
        RenderUsageError: Unknown flag, missing or malformed value, missing filename, an
            argument after the filename, or inconsistent values (end before start, step <= 0).
    """
    values: dict[str, object] = {}
    scene: str | None = None
    index = 0
    while index < len(argv):
        token = argv[index]
        if scene is not None:
            raise RenderUsageError(f'unexpected argument "{token}" after the filename "{scene}"')
        spec = _FLAGS.get(token)
        if spec is None:
            if token.startswith("-") and len(token) > 1:
                raise RenderUsageError(f'unknown flag "{token}"')
            scene = token
            index += 1
            continue
        arity = {"switch": 0, "reg": 4}.get(spec.kind, 1)
        raw = list(argv[index + 1 : index + 1 + arity])
        if len(raw) < arity:
            raise RenderUsageError(f'flag "{token}" needs {arity} value(s)')
        values[spec.dest] = _convert(token, spec, raw)
        if spec.kind == "gpu":
            values["gpu_flag"] = raw[0]
        index += 1 + arity
    if scene is None or not scene.strip():
        raise RenderUsageError("no scene filename given")
    return _build(scene, values, tuple(argv))


def _convert(flag: str, spec: FlagSpec, raw: list[str]) -> object:
    """Convert one flag's raw value(s) by the flag's kind."""
    if spec.kind == "switch":
        return True
    if spec.kind == "reg":
        return tuple(_to_int(flag, item) for item in raw)
    value = raw[0]
    if spec.kind == "str":
        return value
    if spec.kind == "int":
        return _to_int(flag, value)
    if spec.kind == "float":
        return _to_float(flag, value)
    if spec.kind == "bool":
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        raise RenderUsageError(f'flag "{flag}" expects true or false, got "{value}"')
    match = _GPU_RE.match(value.strip())
    if match is None:
        raise RenderUsageError(f'flag "{flag}" expects GPU ordinals like {{0,1}}, got "{value}"')
    return tuple(int(part) for part in match.group(1).split(","))


def _to_int(flag: str, value: str) -> int:
    """Parse an integer flag value."""
    try:
        return int(value.strip())
    except ValueError:
        raise RenderUsageError(f'flag "{flag}" expects an integer, got "{value}"') from None


def _to_float(flag: str, value: str) -> float:
    """Parse a float flag value (finite only)."""
    try:
        number = float(value.strip())
    except ValueError:
        raise RenderUsageError(f'flag "{flag}" expects a number, got "{value}"') from None
    if not math.isfinite(number):
        raise RenderUsageError(f'flag "{flag}" expects a finite number, got "{value}"')
    return number


def _whole_frame(flag: str, value: float) -> int:
    """Return ``value`` as an int, refusing sub-frames the stand-in cannot name."""
    if value != int(value):
        raise RenderUsageError(
            f'flag "{flag}" is {value:g}: the stand-in renders whole frames only'
        )
    return int(value)


def _parse_layers(raw: str) -> tuple[str, ...]:
    """Split ``-rl``'s comma list; a boolean means 'the scene's layers' (masterLayer here)."""
    if raw.strip().lower() in _TRUE_WORDS | _FALSE_WORDS:
        return ()
    layers: list[str] = []
    for part in raw.split(","):
        name = part.strip()
        if name and name not in layers:
            layers.append(name)
    if not layers:
        raise RenderUsageError(f'flag "-rl" has no layer name in "{raw}"')
    return tuple(layers)


def _number(fields: dict[str, object], key: str, default: float) -> float:
    """Return a numeric flag value from the parsed fields (``default`` when absent)."""
    value = fields.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RenderUsageError(f"internal: flag value {key}={value!r} is not a number")
    return float(value)


def _build(scene: str, values: dict[str, object], argv: tuple[str, ...]) -> RenderArgs:
    """Validate cross-flag rules and build :class:`RenderArgs`."""
    fields: dict[str, object] = dict(values)
    renderer = str(fields.pop("renderer", "file")).strip().lower()
    if renderer not in KNOWN_RENDERERS:
        raise RenderUsageError(
            f'unknown renderer "{renderer}" (known: {", ".join(KNOWN_RENDERERS)})'
        )
    # -s and -e turn animation on (each runs "setAttr defaultRenderGlobals.animation 1" in
    # Render's flag XML); without them the scene decides (see standin/scene_frames.py).
    frames_given = "start" in fields or "end" in fields
    by_given = "by" in fields
    start = _whole_frame("-s", _number(fields, "start", DEFAULT_START_FRAME))
    end = _whole_frame("-e", _number(fields, "end", DEFAULT_END_FRAME))
    by = _whole_frame("-b", _number(fields, "by", 1))
    for key in ("start", "end", "by"):
        fields.pop(key, None)
    if by <= 0:
        raise RenderUsageError(f'flag "-b" must be a positive step, got {by}')
    if end < start:
        raise RenderUsageError(f"end frame {end} is before start frame {start}")
    layers = _parse_layers(str(fields.pop("render_layers"))) if "render_layers" in fields else ()
    padding = int(_number(fields, "padding", DEFAULT_PADDING))
    fields.pop("padding", None)
    if not 1 <= padding <= MAX_PADDING:
        raise RenderUsageError(f'flag "-pad" must be 1..{MAX_PADDING}, got {padding}')
    fnc = _file_name_convention(
        str(fields.pop("file_name_convention", DEFAULT_FILE_NAME_CONVENTION))
    )
    positive = (
        ("-x", "width"),
        ("-y", "height"),
        ("-percentRes", "percent_res"),
        ("-rfb", "renumber_by"),
    )
    for flag, key in positive:
        if key in fields and _number(fields, key, 1) <= 0:
            raise RenderUsageError(f'flag "{flag}" must be positive, got {fields[key]}')
    if "ai_device" in fields and fields["ai_device"] not in (0, 1):
        raise RenderUsageError(
            f'flag "-ai:device" must be 0 (CPU) or 1 (GPU), got {fields["ai_device"]}'
        )
    image_format = fields.get("image_format")
    if image_format is not None and not re.fullmatch(r"[A-Za-z0-9_]+", str(image_format)):
        raise RenderUsageError(f'flag "-of" expects a format name like exr, got "{image_format}"')
    return RenderArgs(
        scene_file=scene,
        renderer=renderer,
        layers=layers,
        start=start,
        end=end,
        by=by,
        frames_given=frames_given,
        by_given=by_given,
        padding=padding,
        file_name_convention=fnc,
        argv=argv,
        # The remaining keys are RenderArgs field names, with values of their types, by
        # construction of _FLAGS (a table the type checker cannot follow).
        **cast("dict[str, Any]", fields),
    )


def _file_name_convention(raw: str) -> str:
    """Resolve ``-fnc`` (a name or a 1-based number) to a name in FILE_NAME_CONVENTIONS."""
    value = raw.strip()
    if value in FILE_NAME_CONVENTIONS:
        return value
    if value.isdigit() and 1 <= int(value) <= len(FILE_NAME_CONVENTIONS):
        return FILE_NAME_CONVENTIONS[int(value) - 1]
    raise RenderUsageError(
        f'flag "-fnc" expects one of {", ".join(FILE_NAME_CONVENTIONS)} or 1..'
        f'{len(FILE_NAME_CONVENTIONS)}, got "{raw}"'
    )
