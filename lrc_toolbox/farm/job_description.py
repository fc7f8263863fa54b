"""The engine-neutral farm job: render layers x fixed chunks, each with its ``Render`` argv.

Every farm exporter (Open Job Description, OpenCue, Deadline 10) starts from :func:`describe_job`,
so the three engines get the same layers, frames, chunks, limits and command line as the local
engine. The command line is built by the local engine's own
:func:`~lrc_toolbox.core.job_runner.build_task_argv` (renderer profile, GPU flags, ``-rd``,
``-proj``, extra arguments), with two differences a farm needs:

* the scene is the artist's saved scene (an absolute path the workers must see), not a private
  per-layer snapshot in a local temp folder; ``-rl`` picks the layer;
* chunks are cut up front with a fixed size (``config.chunk_size``, or
  :data:`DEFAULT_FARM_CHUNK_FRAMES` when it is automatic), because a farm schedules tasks before
  anything was measured. Each of the frames' runs is cut with
  :meth:`~lrc_toolbox.utils.frame_parser.FrameRun.split` into contiguous chunks (``Render
  -s/-e/-b``), as the local scheduler cuts the run in front of its queue.

Frames keep the spec's meaning everywhere: the planned :class:`FrameSet` (where ``1-100x5`` ends
``96, 100``) is split into runs whose end lies on their step grid, so every engine's own syntax
(OpenCue/fileseq ``x``, Deadline ``x``, OpenJD task parameter lists) means exactly those frames.

Engines that put the command line in their own format ask a layer for an argv *template*: the same
argv with chosen items replaced by engine tokens (``{{Task.Param.Start}}``, ``#FRAME_START#``...),
see :meth:`FarmLayer.command`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.job_runner import build_task_argv
from lrc_toolbox.core.models import RenderMode
from lrc_toolbox.core.planner import JobPlan, PlannedLayer
from lrc_toolbox.core.scheduler import TaskSpec
from lrc_toolbox.scene import SceneReadError, find_dependencies
from lrc_toolbox.scene.workspace import workspace_images_dir
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet
from lrc_toolbox.utils.str_enum import StrEnum

__all__ = [
    "DEFAULT_FARM_CHUNK_FRAMES",
    "DEFAULT_MAYA_VERSION",
    "GPUS_PER_TASK",
    "ArgToken",
    "FarmChunk",
    "FarmJob",
    "FarmLayer",
    "describe_job",
    "maya_version_of",
    "workspace_images_dir",
]

#: Frames per farm task when the config asks for automatic chunking. A farm cuts its tasks before
#: anything is measured, so the local policy's measured sizing cannot run there; this is the size
#: that policy starts from with its assumed costs (a launch's start-up at most 10% of its chunk):
#: 30 s start-up x 9 / 30 s per frame = 9 frames.
DEFAULT_FARM_CHUNK_FRAMES: int = max(
    1,
    round(
        defaults.ASSUMED_STARTUP_S
        * (1.0 - defaults.MAX_STARTUP_OVERHEAD_FRACTION)
        / defaults.MAX_STARTUP_OVERHEAD_FRACTION
        / defaults.ASSUMED_FRAME_S
    ),
)

#: GPUs one farm task asks for: the local engine pins exactly one GPU per render.
GPUS_PER_TASK: int = 1

#: Maya version assumed when neither the scene (``.mb``) nor the Render path says which.
DEFAULT_MAYA_VERSION: str = "2024"
#: Maya's default ``images`` file rule (a fresh workspace's), relative to the project root.
DEFAULT_IMAGES_RULE: str = "images"
#: Missing dependencies named in a note (the rest are counted).
MISSING_NAMED_IN_NOTE: int = 3

_MAYA_VERSION_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


class ArgToken(StrEnum):
    """Items of a ``Render`` argv that an engine may replace with its own tokens or parameters."""

    RENDER_EXE = "render_exe"
    SCENE_FILE = "scene_file"
    PROJECT_DIR = "project_dir"
    OUTPUT_DIR = "output_dir"
    FRAME_START = "frame_start"
    FRAME_END = "frame_end"
    FRAME_STEP = "frame_step"


#: Frame tokens have no job-wide value: every chunk (or engine token) supplies its own.
FRAME_TOKENS: frozenset[ArgToken] = frozenset(
    {ArgToken.FRAME_START, ArgToken.FRAME_END, ArgToken.FRAME_STEP}
)

# Placeholders used to build the argv template. They pass the profile's validation (non-empty
# strings) and cannot occur in a real path or flag: \x1f is the ASCII unit separator.
_SENTINEL: dict[ArgToken, str] = {
    token: f"\x1flrc-{token.value}\x1f"
    for token in (
        ArgToken.RENDER_EXE,
        ArgToken.SCENE_FILE,
        ArgToken.PROJECT_DIR,
        ArgToken.OUTPUT_DIR,
    )
}
# Two probe runs whose start, end and step all differ from each other and between the runs, so
# the argv items that change between them are exactly -s, -e and -b, each told apart by value.
_PROBE_A = FrameRun(10, 40, 3)
_PROBE_B = FrameRun(11, 61, 5)

#: One template item: a literal string, or a token to fill in.
TemplateItem = str | ArgToken


@dataclass(frozen=True)
class FarmChunk:
    """One farm task: one layer's contiguous frame run and its exact ``Render`` argv.

    Attributes:
        run: The frames (``Render -s run.start -e run.end -b run.step``).
        argv: The command line, identical to what the local engine runs for these frames (with
            the saved scene instead of a temp snapshot).
    """

    run: FrameRun
    argv: tuple[str, ...]

    @property
    def frames(self) -> list[int]:
        """The frames this task renders."""
        return self.run.frames()


@dataclass(frozen=True)
class FarmLayer:
    """One render layer of a farm job.

    Attributes:
        name: The layer as the artist names it (``MASTER_BG_A``, ``masterLayer``).
        node: The ``renderLayer`` node ``Render -rl`` takes (``rs_MASTER_BG_A``).
        frames: Every frame to render, with the spec's meaning.
        runs: ``frames`` as the fewest contiguous runs, each with its end on its step grid.
        chunks: The tasks, in frame order: every run cut into pieces of the job's chunk size.
        template: The argv with :class:`ArgToken` items where tokens may go.
        values: The real value of every non-frame token present in ``template``.
    """

    name: str
    node: str
    frames: FrameSet
    runs: tuple[FrameRun, ...]
    chunks: tuple[FarmChunk, ...]
    template: tuple[TemplateItem, ...]
    values: Mapping[ArgToken, str] = field(default_factory=dict)

    @property
    def tokens(self) -> frozenset[ArgToken]:
        """The tokens this layer's argv holds (``PROJECT_DIR``/``OUTPUT_DIR`` only when set)."""
        return frozenset(item for item in self.template if isinstance(item, ArgToken))

    def command(self, replacements: Mapping[ArgToken, str]) -> list[str]:
        """The argv with tokens replaced: by ``replacements`` where given, else by real values.

        Args:
            replacements: What to put in place of some tokens, e.g. ``{FRAME_START:
                "#FRAME_START#"}``. Every frame token in the template must be given here.

        Returns:
            The argv as a list of separate items (never a shell string).

        Raises:
            ValueError: A frame token was not given.
        """
        argv: list[str] = []
        for item in self.template:
            if not isinstance(item, ArgToken):
                argv.append(item)
            elif item in replacements:
                argv.append(replacements[item])
            elif item in self.values:
                argv.append(self.values[item])
            else:
                raise ValueError(f"no value for {item.value} in the {self.name} command line")
        return argv


@dataclass(frozen=True)
class FarmJob:
    """Everything a farm exporter needs, engine-neutral.

    Attributes:
        name: Job name (the scene's file name without extension).
        scene_file: Absolute path of the saved scene the workers render.
        project_dir: Maya project (``Render -proj``), absolute, or None.
        output_dir: Image folder (``Render -rd``), absolute: the user's, else the project's
            ``images`` folder (its workspace rule), else ``images`` beside the scene. Always
            set, so every engine knows where the images come back from.
        output_dir_is_default: True when the user gave no output folder.
        render_exe: ``Render`` as found on this machine (workers may need another path).
        renderer: Renderer profile name (``redshift``, ``file``...).
        scene_renderer: The profile that reads this scene's logs (the scene's renderer when
            ``renderer`` is ``file`` and the scene names one), for engines that need a name.
        uses_gpu: Whether a task needs a GPU.
        gpus_per_task: GPUs per task (0 for CPU renderers).
        cpu_threads: Threads per render, or None for the renderer default.
        chunk_size: Frames per task.
        chunk_size_is_default: True when the config asked for automatic chunking.
        retries: Extra attempts per task after the first.
        hang_timeout_s: No output for this long means hung (engines that support it).
        start_timeout_s: No sign of life this long after launch means stalled.
        max_task_time_s: Longest a task may run, or None.
        skip_existing: ``Render -skipExistingFrames true``.
        extra_args: Extra ``Render`` flags (separate argv items).
        environment: Variables the renderer wants in the render's environment.
        maya_version: Maya version that saved the scene (``2024``), or None when unknown.
        uses_render_setup: The scene uses Render Setup layers (None when unknown, e.g. ``.mb``).
        layers: The render layers, in the user's order.
        dependencies: Files the scene needs (references, textures, caches), absolute, found
            on this machine (:func:`lrc_toolbox.scene.find_dependencies`); empty for ``.mb``.
        missing_dependencies: Paths the scene names that were not found here (as written).
        notes: Things the user should know about this export.
    """

    name: str
    scene_file: str
    project_dir: str | None
    output_dir: str
    output_dir_is_default: bool
    render_exe: str
    renderer: str
    scene_renderer: str
    uses_gpu: bool
    gpus_per_task: int
    cpu_threads: int | None
    chunk_size: int
    chunk_size_is_default: bool
    retries: int
    hang_timeout_s: float
    start_timeout_s: float
    max_task_time_s: float | None
    skip_existing: bool
    extra_args: tuple[str, ...]
    environment: Mapping[str, str]
    maya_version: str | None
    uses_render_setup: bool | None
    layers: tuple[FarmLayer, ...]
    dependencies: tuple[str, ...] = ()
    missing_dependencies: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def task_count(self) -> int:
        """Number of tasks over all layers."""
        return sum(len(layer.chunks) for layer in self.layers)

    @property
    def frame_count(self) -> int:
        """Number of (layer, frame) pairs."""
        return sum(len(layer.frames) for layer in self.layers)


def _absolute(path: str | None) -> str | None:
    """An absolute, user-expanded path (workers start in another folder), or None."""
    if not path:
        return None
    return os.path.abspath(os.path.expanduser(path))


def maya_version_of(job: FarmJob) -> tuple[str, bool]:
    """The Maya release (``2024``) the workers need: the scene's, else from the Render path.

    Args:
        job: The farm job.

    Returns:
        ``(version, guessed)``: guessed is True when neither says and
        :data:`DEFAULT_MAYA_VERSION` was taken.
    """
    for source in (job.maya_version or "", job.render_exe):
        match = _MAYA_VERSION_RE.search(source)
        if match:
            return match.group(1), False
    return DEFAULT_MAYA_VERSION, True


def _output_dir(plan: JobPlan, project: str | None) -> tuple[str, bool]:
    """Where the images go on the farm, and whether that is a default (see FarmJob)."""
    given = _absolute(plan.config.output_dir)
    if given:
        return given, False
    if project:
        return str(workspace_images_dir(project)), True
    return str(plan.scene_path.resolve().parent / DEFAULT_IMAGES_RULE), True


def _dependencies(plan: JobPlan, project: str | None) -> tuple[list[str], list[str], list[str]]:
    """(files, missing, notes) of the scene's dependencies."""
    if plan.scene is None:
        return (
            [],
            [],
            [
                "a Maya Binary scene's references and textures cannot be listed without Maya: "
                "only the scene is sent with the job (save it as .ma to send them too)"
            ],
        )
    try:
        deps = find_dependencies(plan.scene_path, project_dir=project)
    except (SceneReadError, OSError) as exc:
        return [], [], [f"the scene's dependencies could not be listed: {exc}"]
    notes = []
    missing = [item.value for item in deps.missing]
    if missing:
        named = ", ".join(missing[:MISSING_NAMED_IN_NOTE])
        more = len(missing) - MISSING_NAMED_IN_NOTE
        notes.append(
            f"{len(missing)} file(s) the scene uses were not found on this machine and are not "
            f"sent with the job: {named}" + (f" and {more} more" if more > 0 else "")
        )
    if deps.unread:
        notes.append(
            "what these references use could not be read (Maya Binary or unreadable): "
            + ", ".join(str(p) for p in deps.unread[:MISSING_NAMED_IN_NOTE])
        )
    return [str(p) for p in deps.files], missing, notes


def _task_spec(plan: JobPlan, layer: PlannedLayer, run: FrameRun) -> TaskSpec:
    """A task for :func:`build_task_argv`; the first slot says whether renders are GPU-pinned."""
    return TaskSpec(task_id="farm", layers=(layer.name,), run=run, attempt=1, slot=plan.slots[0])


def _template_plan(plan: JobPlan, project: str | None, output: str | None) -> JobPlan:
    """A copy of ``plan`` whose paths are sentinels, so their argv positions can be found."""
    config = dataclasses.replace(
        plan.config, output_dir=_SENTINEL[ArgToken.OUTPUT_DIR] if output else None
    )
    return dataclasses.replace(
        plan,
        config=config,
        output=None,  # the argv then takes the config's (sentinel) folder
        render_exe=dataclasses.replace(plan.render_exe, path=_SENTINEL[ArgToken.RENDER_EXE]),
        project_dir=_SENTINEL[ArgToken.PROJECT_DIR] if project else None,
    )


def _argv_template(
    plan: JobPlan, layer: PlannedLayer, project: str | None, output: str | None
) -> tuple[TemplateItem, ...]:
    """The layer's argv with tokens, found by building it twice with different probe values."""
    probe_plan = _template_plan(plan, project, output)
    scene = _SENTINEL[ArgToken.SCENE_FILE]
    argv_a = build_task_argv(probe_plan, _task_spec(plan, layer, _PROBE_A), scene)
    argv_b = build_task_argv(probe_plan, _task_spec(plan, layer, _PROBE_B), scene)
    if len(argv_a) != len(argv_b):
        raise ValueError("the Render command line changes length with its frames")
    by_value = {
        str(_PROBE_A.start): ArgToken.FRAME_START,
        str(_PROBE_A.end): ArgToken.FRAME_END,
        str(_PROBE_A.step): ArgToken.FRAME_STEP,
    }
    by_sentinel = {value: token for token, value in _SENTINEL.items()}
    template: list[TemplateItem] = []
    found: set[ArgToken] = set()
    for item_a, item_b in zip(argv_a, argv_b, strict=True):
        if item_a != item_b:
            token = by_value.get(item_a)
            if token is None or token in found:
                raise ValueError(f"unexpected frame-dependent Render argument {item_a!r}")
            template.append(token)
            found.add(token)
        elif item_a in by_sentinel:
            template.append(by_sentinel[item_a])
        elif "\x1f" in item_a:
            raise ValueError(f"a path is embedded inside the Render argument {item_a!r}")
        else:
            template.append(item_a)
    if found != FRAME_TOKENS:
        raise ValueError("the Render command line does not carry -s/-e/-b frame arguments")
    return tuple(template)


def describe_job(plan: JobPlan, *, chunk_size: int | None = None) -> FarmJob:
    """Turn a validated local plan into the engine-neutral farm job.

    Args:
        plan: A plan from :func:`lrc_toolbox.core.planner.plan_job`.
        chunk_size: Frames per task; default ``plan.config.chunk_size``, or
            :data:`DEFAULT_FARM_CHUNK_FRAMES` when that is automatic (None).

    Returns:
        The farm job: every layer with its runs, chunks and exact argv per chunk.

    Raises:
        ValueError: ``chunk_size`` below 1, a layer without frames, a Render command line
            the profile refuses, or one that does not carry the frames as ``-s/-e/-b`` (the
            farm could not cut chunks).
    """
    config = plan.config
    size = chunk_size if chunk_size is not None else config.chunk_size
    is_default = size is None
    if size is None:
        size = DEFAULT_FARM_CHUNK_FRAMES
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"chunk size must be a whole number of frames >= 1 (got {size!r})")
    scene_file = str(plan.scene_path.resolve())
    project = _absolute(plan.project_dir)
    output, output_is_default = _output_dir(plan, project)
    values: dict[ArgToken, str] = {
        ArgToken.RENDER_EXE: plan.render_exe.path,
        ArgToken.SCENE_FILE: scene_file,
        ArgToken.OUTPUT_DIR: output,
    }
    if project:
        values[ArgToken.PROJECT_DIR] = project
    layers = []
    for planned in plan.layers:
        if not planned.frames:
            raise ValueError(f"layer {planned.name} has no frames to render")
        template = _argv_template(plan, planned, project, output)
        runs = tuple(planned.frames.runs())
        layer = FarmLayer(
            name=planned.name,
            node=planned.node,
            frames=planned.frames,
            runs=runs,
            chunks=(),
            template=template,
            values=dict(values),
        )
        chunks = tuple(
            FarmChunk(
                run=piece,
                argv=tuple(
                    layer.command(
                        {
                            ArgToken.FRAME_START: str(piece.start),
                            ArgToken.FRAME_END: str(piece.end),
                            ArgToken.FRAME_STEP: str(piece.step),
                        }
                    )
                ),
            )
            for run in runs
            for piece in run.split(size)
        )
        layers.append(dataclasses.replace(layer, chunks=chunks))
    # The plan's GPU notes are about this machine's GPUs, not the farm's.
    local_gpu_notes = set(plan.resources.notes)
    notes = [note for note in plan.notes if note not in local_gpu_notes]
    if config.render_mode == RenderMode.COMBINED and len(layers) > 1:
        notes.append("combined mode is not used on a farm: every task renders one layer")
    if is_default:
        notes.append(
            f"chunk size 'auto' cannot adapt on a farm: {size} frames per task (set a chunk "
            "size to choose)"
        )
    if output_is_default:
        notes.append(f"images go to {output} (set an output folder to choose)")
    notes += [
        f"{layer.name}: a still here (animation is off), but farm tasks pass -s/-e, which turn "
        f"animation on: its image on the farm gets the frame number {layer.frames.first} "
        "(a local render writes Maya's unnumbered still name)"
        for layer in plan.layers
        if layer.still
    ]
    dependencies, missing, dependency_notes = _dependencies(plan, project)
    notes += dependency_notes
    uses_gpu = plan.uses_gpu
    scene = plan.scene
    return FarmJob(
        name=plan.scene_path.stem,
        scene_file=scene_file,
        project_dir=project,
        output_dir=output,
        output_dir_is_default=output_is_default,
        render_exe=plan.render_exe.path,
        renderer=plan.profile.name,
        scene_renderer=plan.parse_profile.name,
        uses_gpu=uses_gpu,
        gpus_per_task=GPUS_PER_TASK if uses_gpu else 0,
        cpu_threads=config.cpu_threads,
        chunk_size=size,
        chunk_size_is_default=is_default,
        retries=config.retries,
        hang_timeout_s=config.hang_timeout_s,
        start_timeout_s=config.start_timeout_s,
        max_task_time_s=config.max_task_time_s,
        skip_existing=config.skip_existing,
        extra_args=tuple(config.extra_args),
        environment=plan.profile.environment(),
        maya_version=scene.maya_version if scene is not None else None,
        uses_render_setup=scene.uses_render_setup if scene is not None else None,
        layers=tuple(layers),
        dependencies=tuple(dependencies),
        missing_dependencies=tuple(missing),
        notes=tuple(notes),
    )
