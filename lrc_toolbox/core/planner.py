"""Turn a :class:`RenderConfig` into a validated :class:`JobPlan`, or one clear error.

Everything that can be wrong with the user's input or environment is found here, before anything
is launched or written: bad frames, a missing scene, unknown layers or renderer, no ``Render``,
GPU ids that do not exist, an output folder that cannot be written, nonsense numbers. The CLI turns
:class:`PlanError` into one line on stderr and exit code 2.

It is also the gate between user text and the ``Render`` command line. ``Render`` turns its
arguments into a temporary MEL script, so no value we pass may end a MEL string: layer nodes must
be Maya node names, and paths may hold no double quote, no control character and no leading ``-``.
Extra arguments (the user's own flags) may hold no control character and no MEL hook
(``-preRender`` and friends): MEL from a form field or a TD's config never reaches a render.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core.farm_target import farm_resources
from lrc_toolbox.core.models import GPUInfo, RenderConfig, RenderMode, ResourceInfo
from lrc_toolbox.core.output_location import (
    OutputLocation,
    OutputLocationError,
    resolve_output_location,
)
from lrc_toolbox.core.plan_inputs import PlanError, check_scene_path, check_selection
from lrc_toolbox.core.render_executable import (
    RenderExecutable,
    RenderExecutableNotFound,
    find_render_executable,
)
from lrc_toolbox.core.scheduler import Slot, build_slots
from lrc_toolbox.core.system_detector import GPUSelectionError, SystemDetector
from lrc_toolbox.renderers import UnknownRendererError, get_profile
from lrc_toolbox.renderers.base import RendererProfile
from lrc_toolbox.scene import (
    BinarySceneError,
    LayerInfo,
    LayerNotFoundError,
    SceneInfo,
    SceneReadError,
    read_scene,
)
from lrc_toolbox.scene.workspace import PROJECT_SEARCH_DEPTH, find_maya_project
from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameRun, FrameSet

__all__ = [
    "DEFAULT_LAYER_NODE",
    "MASTER_LAYER",
    "MAX_GPU_IDS",
    "MAX_RENDERS_PER_GPU",
    "PROJECT_SEARCH_DEPTH",
    "JobPlan",
    "PlanError",
    "PlannedLayer",
    "find_maya_project",
    "is_still_task",
    "plan_job",
    "resolve_layers",
    "still_frame",
]

MASTER_LAYER = "masterLayer"
DEFAULT_LAYER_NODE = "defaultRenderLayer"

#: Maya's internal renderer names -> our profile names (for ``-r file`` scenes). A scene that
#: sets no renderer renders with Maya Software (the reader reports ``mayaSoftware`` then).
_SCENE_RENDERER_PROFILES = {
    "redshift": "redshift",
    "arnold": "arnold",
    "vray": "vray",
    "mayasoftware": "sw",
    "mayahardware2": "hw2",
}
#: Our profile names -> Maya's renderer names (for a renderer the user forces).
_MAYA_RENDERER_NAMES = {
    "redshift": "redshift",
    "arnold": "arnold",
    "vray": "vray",
    "sw": "mayaSoftware",
    "hw2": "mayaHardware2",
}


#: Concurrent renders one GPU may take; more is a typo (and would allocate slots without bound).
MAX_RENDERS_PER_GPU = 64
#: GPU ids one job may name.
MAX_GPU_IDS = 1024

#: Maya node names: letters, digits and ``_`` (not starting with a digit), with ``:`` namespaces.
_MAYA_NODE_NAME_RE = re.compile(r"^:?[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)*$")
#: Characters that could end or break a MEL string in the script ``Render`` writes.
_UNSAFE_RENDER_TEXT_RE = re.compile(r'["\x00-\x1f\x7f]')
_CONTROL_CHAR_RE = re.compile(r"[\x00-\x1f\x7f]")
#: ``Render`` flags whose value is MEL that the render runs (``-preRender``, Arnold's
#: ``-insertPreFrame``...): never accepted from user text.
_MEL_FLAG_RE = re.compile(
    r"^-(?:insert)?(?:pre|post)(?:render|layer|frame)(?:mel)?$", re.IGNORECASE
)


#: The ``Render`` a farm export names when this machine has none: the workers' own, from their
#: PATH (Deadline Cloud's conda environment puts Maya's on it; ``--farm-render`` names another).
FARM_WORKER_RENDER = "Render"


@dataclass(frozen=True)
class PlannedLayer:
    """One layer of the job.

    Attributes:
        name: The layer as the user named it (``MASTER_BG_A``, ``masterLayer``, ``env:trees``).
        node: The renderLayer node ``Render -rl`` takes (``rs_MASTER_BG_A``, ``defaultRenderLayer``).
        frames: Frames to render.
        renderer: Maya's renderer for this layer (``arnold``, ``mayaSoftware``...): the scene's,
            with the layer's override applied, or the one the user forced; None when unknown
            (a Maya Binary scene rendered with the scene's renderer).
        log_profile: The profile whose rules read this layer's log and whose ``uses_gpu`` says
            its slot kind; None: the job's :attr:`JobPlan.parse_profile`.
        notes: What to tell the user about this layer (current frame, overrides left to Maya).
        still: The layer renders a still, as Maya renders a scene whose animation is off: its
            one frame (the current time) is rendered without ``-s/-e/-b`` and its image name
            has no frame number (see :func:`still_frame`). False when the user gave frames:
            ``-s/-e`` turn animation on, and Maya then numbers the images.
    """

    name: str
    node: str
    frames: FrameSet
    renderer: str | None = None
    log_profile: RendererProfile | None = None
    notes: tuple[str, ...] = ()
    still: bool = False


def still_frame(layers: Sequence[PlannedLayer]) -> int | None:
    """The frame one process rendering ``layers`` renders as a still, or None: an animation.

    A still task is launched without ``-s/-e/-b``: each of those flags runs ``setAttr
    defaultRenderGlobals.animation 1`` (the renderers' ``Render`` XML), after which Maya puts a
    frame number in the image name, while Maya's own render of a scene whose animation is off
    writes ``<prefix>.<ext>`` (Autodesk, "Subfolders and names of rendered images"; Deadline's
    MayaCmd omits them "so that the output file isn't padded"). Several layers in one process
    are a still only when every one of them is a still of the same frame.
    """
    if not layers or not all(layer.still and len(layer.frames) == 1 for layer in layers):
        return None
    frames = {layer.frames.first for layer in layers}
    return frames.pop() if len(frames) == 1 else None


def is_still_task(layers: Sequence[PlannedLayer], run: FrameRun) -> bool:
    """Whether a task rendering ``run`` of ``layers`` renders a still (see :func:`still_frame`)."""
    frame = still_frame(layers)
    return frame is not None and run.start == run.end == frame


@dataclass
class JobPlan:
    """A validated job, ready to run (nothing launched, nothing written yet)."""

    config: RenderConfig
    scene_path: Path
    scene: SceneInfo | None  # None for .mb scenes (layers cannot be listed without Maya)
    profile: RendererProfile  # builds argv (``-r`` flag)
    parse_profile: RendererProfile  # reads logs (the scene's renderer when ``-r file``)
    render_exe: RenderExecutable
    resources: ResourceInfo
    slots: list[Slot]
    layers: list[PlannedLayer]
    notes: list[str] = field(default_factory=list)
    project_dir: str | None = None
    output: OutputLocation | None = None  # where the images go (None only in hand-made plans)

    @property
    def total_frames(self) -> int:
        """Number of (layer, frame) pairs in the job."""
        return sum(len(layer.frames) for layer in self.layers)

    @property
    def uses_gpu(self) -> bool:
        """True when any layer renders with a GPU renderer (the job then needs GPU slots)."""
        return any(self.profile_for([layer]).uses_gpu for layer in self.layers) or (
            not self.layers and self.parse_profile.uses_gpu
        )

    def profile_for(self, layers: Sequence[PlannedLayer]) -> RendererProfile:
        """The profile that reads the log of a task rendering ``layers``.

        One layer: its own (its renderer's rules). Several layers in one process (combined
        mode) with different renderers: the scene-file profile, which knows every renderer's
        lines.
        """
        profiles = {
            (layer.log_profile or self.parse_profile).name: layer.log_profile or self.parse_profile
            for layer in layers
        }
        if len(profiles) == 1:
            return next(iter(profiles.values()))
        return self.parse_profile if not profiles else get_profile("file")

    @property
    def output_dir(self) -> str | None:
        """The absolute image folder every render gets as ``-rd`` (see :attr:`output`)."""
        if self.output is not None:
            return self.output.output_dir
        return self.config.output_dir or None


def resolve_layers(requested: list[str], scene: SceneInfo | None) -> list[tuple[str, str]]:
    """Map the user's layer names to ``(display name, renderLayer node)`` pairs.

    Args:
        requested: Names as typed (``MASTER_BG_A``, ``rs_MASTER_BG_A``, ``masterLayer``); empty
            or ``["all"]`` means every renderable layer of the scene.
        scene: The parsed scene, or None for a Maya Binary file.

    Raises:
        PlanError: Unknown layer, no renderable layer, or "all" on a scene we cannot read.
    """
    wants_all = not requested or [r.lower() for r in requested] == ["all"]
    if scene is None:
        if wants_all:
            raise PlanError(
                "listing the layers of a Maya Binary (.mb) scene needs Maya: name the layers to "
                "render with --layer NAME, or save the scene as .ma"
            )
        # Without Maya we cannot look the nodes up; Render Setup (Maya 2017+) names the node rs_X.
        pairs = []
        for name in requested:
            if name in (MASTER_LAYER, DEFAULT_LAYER_NODE):
                pairs.append((name, DEFAULT_LAYER_NODE))
            elif name.startswith("rs_"):
                pairs.append((name, name))
            else:
                pairs.append((name, f"rs_{name}"))
        return pairs
    if wants_all:
        renderable = [layer for layer in scene.layers if layer.renderable]
        if not renderable:
            raise PlanError(
                f"no renderable layer in {scene.path}: name layers with --layer NAME "
                "(an explicitly named layer renders even when it is switched off)"
            )
        return [(layer.name, layer.node) for layer in renderable]
    pairs = []
    for name in requested:
        try:
            info = scene.layer(name)
        except LayerNotFoundError as exc:
            raise PlanError(str(exc)) from exc
        pairs.append((name, info.node))
    seen: set[str] = set()
    unique = []
    for display, node in pairs:
        if node not in seen:
            seen.add(node)
            unique.append((display, node))
    return unique


def _frames_for(config: RenderConfig, scene: SceneInfo | None) -> FrameSet | None:
    """The frames the user gave for every layer, or None: each layer's own (the scene's)."""
    text = config.frame_range.strip()
    if not text and config.layer_frames:
        return FrameSet(())  # every layer has its own frames
    if not text:
        if scene is None:
            raise PlanError("a Maya Binary scene has no readable frame range: give --frames")
        return None
    try:
        return FrameSet.parse(text, step=config.step)
    except FrameRangeError as exc:
        raise PlanError(f"frames: {exc}") from exc


def _scene_frames(layer: LayerInfo, step: int) -> FrameSet:
    """The frames Maya renders for a layer: its range (overrides applied) or its current frame."""
    settings = layer.settings
    start, end = int(round(settings.start_frame)), int(round(settings.end_frame))
    if settings.animation and end < start:
        raise PlanError(
            f"the frame range {start}-{end} of layer {layer.name} is reversed: give --frames"
        )
    try:
        return FrameSet.parse(settings.frames, step=step)
    except FrameRangeError as exc:
        raise PlanError(f"frames of layer {layer.name}: {exc}") from exc


def _check_numbers(config: RenderConfig) -> None:
    if config.renders_per_gpu < 1:
        raise PlanError(f"--renders-per-gpu must be at least 1 (got {config.renders_per_gpu})")
    if config.renders_per_gpu > MAX_RENDERS_PER_GPU:
        raise PlanError(
            f"--renders-per-gpu must be at most {MAX_RENDERS_PER_GPU} "
            f"(got {config.renders_per_gpu})"
        )
    if config.gpus is not None and len(config.gpus) > MAX_GPU_IDS:
        raise PlanError(f"--gpus names {len(config.gpus)} GPUs; at most {MAX_GPU_IDS} are accepted")
    if config.chunk_size is not None and config.chunk_size < 1:
        raise PlanError(f"--chunk-size must be 'auto' or at least 1 (got {config.chunk_size})")
    if config.retries < 0:
        raise PlanError(f"--retries must be 0 or more (got {config.retries})")
    if config.step < 1:
        raise PlanError(f"--step must be at least 1 (got {config.step})")
    for label, value in (
        ("--hang-timeout", config.hang_timeout_s),
        ("--start-timeout", config.start_timeout_s),
        ("--max-task-time", config.max_task_time_s),
    ):
        if value is not None and (math.isnan(value) or value <= 0):
            # NaN compares false with everything: it would silently switch the watchdog off.
            raise PlanError(f"{label} must be a positive number of seconds (got {value})")
    if config.gpu_count is not None and config.gpu_count < 1:
        raise PlanError(f"--gpu-count must be at least 1 (got {config.gpu_count})")
    if config.cpu_threads is not None and config.cpu_threads < 1:
        raise PlanError(f"--cpu-threads must be at least 1 (got {config.cpu_threads})")


def _check_render_text(value: str, what: str, *, path: bool = False) -> None:
    """Refuse a value that could end a MEL string (or, for a path, pass for a ``Render`` flag)."""
    bad = _UNSAFE_RENDER_TEXT_RE.search(value)
    if bad is not None:
        char = "a double quote" if bad.group() == '"' else f"the control character {bad.group()!r}"
        raise PlanError(
            f"{what} {value!r} contains {char}: Render writes its arguments into a MEL script, "
            "where that could end a string; rename it"
        )
    if path and value.startswith("-"):
        raise PlanError(
            f"{what} {value!r} starts with '-': Render would read it as a flag "
            f"(write ./{value} for a relative path)"
        )


def _check_render_inputs(
    config: RenderConfig, scene_path: Path, nodes: Sequence[str], output: OutputLocation
) -> None:
    """The user text that reaches ``Render``'s argv: layer nodes, paths, extra arguments."""
    for node in nodes:
        if not _MAYA_NODE_NAME_RE.match(node):
            raise PlanError(
                f"render layer node {node!r} is not a Maya node name (letters, digits and _, "
                "with : between namespaces): Render cannot be given it safely"
            )
    _check_render_text(scene_path.name, "scene file name")
    for what, value in (
        ("output folder", config.output_dir),  # as typed: '-x' is a flag typed as a value
        ("Maya project folder", config.project_dir),
        ("output folder", output.output_dir),  # as every render gets it
        ("Maya project folder", output.project_dir),
    ):
        if value:
            _check_render_text(value, what, path=True)
    extra = config.extra_args
    if isinstance(extra, str) or not all(isinstance(arg, str) for arg in extra):
        raise PlanError("extra Render arguments must be a list of separate strings")
    for arg in extra:
        if _MEL_FLAG_RE.match(arg.strip()):
            raise PlanError(
                f"extra Render argument {arg!r} runs MEL in the render; MEL hooks are not "
                "accepted (put the work in the scene or a studio Render wrapper instead)"
            )
        if _CONTROL_CHAR_RE.search(arg):
            # A line break would end the MEL statement Render builds from this argument. (A
            # double quote is the user's own flag text, like a hand-typed Render command line.)
            _check_render_text(arg, "extra Render argument")


def _check_output_dir(path: str | None) -> None:
    if not path:
        return
    target = Path(path).expanduser()
    if target.exists() and not target.is_dir():
        raise PlanError(f"output folder {target} is not a folder")
    probe = target
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise PlanError(f"output folder {target} is not a folder ({probe} is a file)")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise PlanError(f"output folder {target} is not writable (no write permission on {probe})")


def _read_scene(path: Path) -> SceneInfo | None:
    check_scene_path(path)
    if not os.access(path, os.R_OK):
        raise PlanError(f"scene is not readable (permission denied): {path}")
    try:
        return read_scene(path)
    except BinarySceneError:
        return None
    except SceneReadError as exc:
        raise PlanError(str(exc)) from exc


def _profiles(renderer: str, scene: SceneInfo | None) -> tuple[RendererProfile, RendererProfile]:
    try:
        profile = get_profile(renderer)
    except UnknownRendererError as exc:
        raise PlanError(str(exc)) from exc
    parse_profile = profile
    if profile.name == "file" and scene is not None:
        parse_profile = _scene_profile(scene.renderer or "mayaSoftware") or profile
    return profile, parse_profile


def _local_resources(
    config: RenderConfig, detector: SystemDetector, *, uses_gpu: bool, renderer_label: str
) -> tuple[ResourceInfo, list[Slot]]:
    """This machine's resources for the job and the render slots they give.

    Args:
        config: What the user asked for (GPU choice, reservation, renders per GPU, threads).
        detector: Where the machine's GPUs and CPUs come from.
        uses_gpu: Whether any layer of the job renders on a GPU.
        renderer_label: The GPU renderer named when no GPU is usable.
    """
    try:
        resources = detector.get_available_resources(
            gpus=config.gpus,
            reserve_gpus=config.reserve_gpus,
            gpu_count=config.gpu_count,
        )
    except (GPUSelectionError, ValueError) as exc:
        raise PlanError(str(exc)) from exc
    usable: list[GPUInfo] = list(resources.usable_gpus)
    if uses_gpu and not usable:
        why = resources.system.gpu_error or "all GPUs are reserved for the interactive session"
        raise PlanError(
            f"no usable NVIDIA GPU for {renderer_label}: {why}. "
            "Name GPUs with --gpus 0,1 to use them anyway, or lower --reserve-gpus"
        )
    cpu_slots = 1
    if not uses_gpu:
        threads = resources.cpu_threads_available or resources.cpu_threads_total or 1
        cpu_slots = max(1, threads // config.cpu_threads) if config.cpu_threads else 1
    try:
        slots = build_slots(usable, config.renders_per_gpu, uses_gpu=uses_gpu, cpu_slots=cpu_slots)
    except ValueError as exc:
        raise PlanError(str(exc)) from exc
    return resources, slots


def _scene_profile(maya_renderer: str) -> RendererProfile | None:
    """Our profile for one of Maya's renderer names, or None for renderers we have none for."""
    mapped = _SCENE_RENDERER_PROFILES.get(maya_renderer.lower())
    return get_profile(mapped) if mapped else None


def _plan_layers(
    config: RenderConfig,
    scene: SceneInfo | None,
    pairs: list[tuple[str, str]],
    frames: FrameSet | None,
    profile: RendererProfile,
    parse_profile: RendererProfile,
) -> list[PlannedLayer]:
    """Each layer's frames, renderer, log profile and notes."""
    layers = []
    for display, node in pairs:
        info = _layer_info(scene, node)
        own = (config.layer_frames or {}).get(display)
        if own is not None:
            try:
                layer_set = FrameSet.parse(own)
            except FrameRangeError as exc:
                raise PlanError(f"frames of layer {display}: {exc}") from exc
        elif frames is not None:
            layer_set = frames
        elif info is not None:
            layer_set = _scene_frames(info, config.step)
        else:  # a layer the reader does not know (named by node on a .ma): the masterLayer range
            layer_set = FrameSet.parse(scene.layers[0].frames if scene else "1")
        if info is None:
            layers.append(PlannedLayer(display, node, layer_set))
            continue
        notes = list(info.notes())
        if own is not None or frames is not None:
            notes = [n for n in notes if n != info.settings.frame_note]  # the user chose frames
        # A still: Maya's own frames for a scene whose animation is off, or a stored still
        # that a resume or retry hands back (its frame then comes as the layer's own frames).
        still = (own is None and frames is None and not info.settings.animation) or (
            display in (config.still_layers or ()) and len(layer_set) == 1
        )
        if profile.name == "file":
            renderer = info.renderer
            log_profile = _scene_profile(renderer) or parse_profile
            if info.settings.renderer_from_default:
                notes.append("no renderer set in the scene: Maya Software renders it, on the CPU")
            elif log_profile.name == "file":
                notes.append(
                    f"renders with {renderer}, which LRC Toolbox has no profile for: its log is "
                    "read with every known renderer's rules, and it takes a GPU slot"
                )
        else:
            renderer = _MAYA_RENDERER_NAMES.get(profile.name, profile.render_flag)
            log_profile = profile
            if _scene_profile(info.renderer) is not profile:
                notes.append(
                    f"the scene renders this layer with {info.renderer}; --renderer "
                    f"{profile.name} renders it with {profile.label} instead"
                )
        layers.append(
            PlannedLayer(display, node, layer_set, renderer, log_profile, tuple(notes), still)
        )
    return layers


def _layer_info(scene: SceneInfo | None, node: str) -> LayerInfo | None:
    if scene is None:
        return None
    for layer in scene.layers:
        if layer.node == node:
            return layer
    return None


def plan_job(
    config: RenderConfig,
    *,
    detector: SystemDetector | None = None,
    environ: Mapping[str, str] | None = None,
    for_farm: bool = False,
) -> JobPlan:
    """Validate ``config`` against the scene and this machine and return the plan.

    Args:
        config: What the user asked for.
        detector: System detector (injectable for tests); default probes this machine.
        environ: Environment for finding ``Render`` (default ``os.environ``).
        for_farm: Plan for a farm export (:mod:`lrc_toolbox.core.farm_target`): the farm's
            workers provide the GPUs, so this machine's GPUs are neither probed nor required.

    Returns:
        A plan with layers, frames, slots and the executable. Nothing has been started or written.

    Raises:
        PlanError: One clear, single-line reason the job cannot start.
    """
    check_selection(config)
    _check_numbers(config)
    scene_path = Path(config.scene_file).expanduser()
    scene = _read_scene(scene_path)
    frames = _frames_for(config, scene)
    layer_pairs = resolve_layers(list(config.layers), scene)
    profile, parse_profile = _profiles(config.renderer, scene)
    layers = _plan_layers(config, scene, layer_pairs, frames, profile, parse_profile)
    if layers and len({(lay.log_profile or parse_profile).name for lay in layers}) == 1:
        parse_profile = layers[0].log_profile or parse_profile
    output = _output_location(config, scene_path, environ)
    _check_output_dir(output.output_dir)
    exe_notes: list[str] = []
    try:
        exe = find_render_executable(config.render_exe, environ=environ)
    except RenderExecutableNotFound as exc:
        if not for_farm or config.render_exe:
            raise PlanError(" ".join(str(exc).split())) from exc
        # A farm export runs Render on the workers, not here: a machine without Maya (a
        # pipeline server, a TD's laptop) can still export; the workers find their own.
        exe = RenderExecutable(path=FARM_WORKER_RENDER, source="the farm workers' PATH")
        exe_notes.append(
            "no Render on this machine: the farm's workers run 'Render' from their own PATH "
            "(name theirs with --farm-render)"
        )

    gpu_layers = [lay for lay in layers if (lay.log_profile or parse_profile).uses_gpu]
    uses_gpu = bool(gpu_layers) or (not layers and parse_profile.uses_gpu)
    gpu_label = (gpu_layers[0].log_profile or parse_profile).label if gpu_layers else ""
    if for_farm:
        resources, slots = farm_resources(uses_gpu=uses_gpu)
    else:
        resources, slots = _local_resources(
            config,
            detector or SystemDetector(),
            uses_gpu=uses_gpu,
            renderer_label=gpu_label or parse_profile.label,
        )
    notes = list(resources.notes) + exe_notes
    if scene is not None:
        notes += scene.warnings
    for layer in layers:
        notes += [f"{layer.name}: {note}" for note in layer.notes]
    if uses_gpu:
        notes += [
            f"{lay.name}: renders on the CPU ({(lay.log_profile or parse_profile).label}); in "
            "this job it takes a GPU slot like the GPU layers"
            for lay in layers
            if lay not in gpu_layers
        ]
    if config.render_mode is RenderMode.COMBINED and len(layer_pairs) > 1:
        notes.append(
            "combined mode: one process renders several layers (all frames of one "
            "layer, then the next); retries of missing frames run per layer"
        )
        shared = [
            s.name
            for s in layers
            if s.still and any(not o.still and s.frames.first in o.frames for o in layers)
        ]
        if shared:
            notes.append(
                f"combined mode: {', '.join(shared)} may render in one process with a layer "
                "that is not a still, which passes -s/-e: they turn animation on, so the still "
                "image gets a frame number (separate mode keeps Maya's still names)"
            )
    if exe.is_standin:
        notes.append(f"using the Render STAND-IN ({exe.path}), not Maya: images are placeholders")
    _check_render_inputs(config, scene_path, [node for _, node in layer_pairs], output)
    project = output.project_dir
    return JobPlan(
        config=config,
        scene_path=scene_path.resolve(),
        scene=scene,
        profile=profile,
        parse_profile=parse_profile,
        render_exe=exe,
        resources=resources,
        slots=slots,
        layers=layers,
        notes=notes,
        project_dir=project,
        output=output,
    )


def _output_location(
    config: RenderConfig, scene_path: Path, environ: Mapping[str, str] | None
) -> OutputLocation:
    """The job's image folder and project, found from the artist's scene (not a copy of it)."""
    original = Path(config.source_scene).expanduser() if config.source_scene else scene_path
    try:
        return resolve_output_location(
            original,
            output_dir=config.output_dir,
            project_dir=config.project_dir,
            environ=environ,
        )
    except OutputLocationError as exc:
        raise PlanError(str(exc)) from exc
