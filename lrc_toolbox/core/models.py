"""Plain data shared by the engine, the CLI and the dialog (the spec's data models).

Everything here is a small dataclass or enum with no behaviour beyond trivial derived values, so
the CLI (JSON), the API (TD scripts) and the dialog (table models) can all carry the same objects.
The hardware value objects (``GPUInfo``, ``CPUInfo``, ``SystemInfo``, ``ResourceInfo``,
``GPUProcess``) are defined in :mod:`lrc_toolbox.utils.hardware` and re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The hardware value objects live below the engine (utils) so GPU queries need no core import;
# they stay importable from here, where the CLI, API and dialog have always found them.
from lrc_toolbox.utils.hardware import (
    CPUInfo,
    GPUInfo,
    GPUProcess,
    ResourceInfo,
    SystemInfo,
)
from lrc_toolbox.utils.str_enum import StrEnum

__all__ = [
    "CPUInfo",
    "FrameState",
    "GPUInfo",
    "GPUProcess",
    "JobState",
    "RenderConfig",
    "RenderMode",
    "RenderStatus",
    "ResourceInfo",
    "SystemInfo",
    "TaskState",
    "TaskStatus",
]


# --------------------------------------------------------------------------------------------------
# Render configuration and state
# --------------------------------------------------------------------------------------------------
class RenderMode(StrEnum):
    """How layers map to processes: one process per layer, or one process for several layers."""

    SEPARATE = "separate"
    COMBINED = "combined"


class TaskState(StrEnum):
    """Explicit task state machine: queued -> running -> succeeded / failed / killed / cancelled."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    KILLED = "killed"  # stopped by a watchdog (hang, timeout)
    CANCELLED = "cancelled"  # stopped by the user

    @property
    def is_final(self) -> bool:
        """True for states a task never leaves."""
        return self not in (TaskState.QUEUED, TaskState.RUNNING)


class FrameState(StrEnum):
    """State of one (layer, frame): only ``DONE`` means a verified, non-empty image exists."""

    PENDING = "pending"
    RENDERING = "rendering"
    DONE = "done"
    FAILED = "failed"
    SKIPPED_EXISTING = "skipped_existing"  # image was already on disk and skip-existing was asked


class JobState(StrEnum):
    """State of a whole job."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass
class RenderConfig:
    """What to render and how. Shared by the CLI, the API and the dialog.

    Attributes:
        scene_file: Path of the ``.ma``/``.mb`` scene to render (a snapshot is rendered, never it).
        layers: Render layers as the artist names them (``MASTER_BG_A``, ``masterLayer``,
            ``env:trees``); empty means all renderable layers.
        frame_range: Frame string (``1,10-20,50``, ``1-100x5``); empty means what Maya renders
            for each layer (the current frame when the scene's animation flag is off, else the
            layer's start-end range, its overrides applied).
        step: The dialog's separate Step field, applied to plain ``a-b`` ranges.
        renderer: Profile name (``redshift``, ``arnold``, ``vray``, ``sw``, ``hw2``, ``file``).
        render_mode: One process per layer, or one for several layers.
        gpus: Explicit GPU allow-list (indices or UUIDs); ``None`` means detected minus reserved.
        gpu_count: How many GPUs to use at most (``None``: all usable).
        reserve_gpus: GPUs kept for the interactive session (``None``: policy default).
        renders_per_gpu: Concurrent renders on one GPU.
        cpu_threads: Threads per render (``None``: leave it to the renderer).
        chunk_size: Frames per process, or ``None`` for the automatic policy.
        retries: Extra attempts for frames still missing after a task ends.
        hang_timeout_s: Kill a render that prints nothing and writes no image for this long.
        start_timeout_s: Kill a render that shows no sign of life for this long after launch.
        max_task_time_s: Kill a task that runs longer than this (``None``: no limit).
        output_dir: The image folder (``Render -rd``); ``None``: the ``images`` rule of the
            scene's Maya project, else of Maya's default project (see
            :mod:`lrc_toolbox.core.output_location`). Every render gets the resolved folder.
        project_dir: Maya project (``Render -proj``); ``None``: the folder holding the scene's
            ``workspace.mel``, if any, else Maya's default project.
        render_exe: Path of ``Render`` (``None``: find it).
        skip_existing: Do not render frames whose images already exist.
        keep_temp: Keep temp scenes after the job (for debugging).
        extra_args: Extra ``Render`` flags, passed as separate argv items (never through a shell).
        output_settings: Free-form output options kept with the job (for the dialog and farms).
        layer_frames: Per-layer frame strings overriding ``frame_range`` for those layers (a
            retry of failed frames, which differ per layer).
        source_scene: The artist's scene when ``scene_file`` is a copy of it in another folder
            (inside Maya: the export of the open scene); the Maya project, the default image
            folder and scene-relative paths are found from its folder. ``None``: ``scene_file``
            is the artist's own file.
        still_layers: Layers to render as a still (no ``-s/-e``, no frame number in the image
            name) when their own frames are one frame: what resume and retry hand back for a
            stored job's still layers. A layer whose frames come from a scene with animation
            off is a still without being named here.
    """

    scene_file: str
    layers: list[str] = field(default_factory=list)
    frame_range: str = ""
    step: int = 1
    renderer: str = "file"
    render_mode: RenderMode = RenderMode.SEPARATE
    gpus: list[str] | None = None
    gpu_count: int | None = None
    reserve_gpus: int | None = None
    renders_per_gpu: int = 1
    cpu_threads: int | None = None
    chunk_size: int | None = None
    retries: int = 2
    hang_timeout_s: float = 600.0
    start_timeout_s: float = 900.0
    max_task_time_s: float | None = None
    output_dir: str | None = None
    project_dir: str | None = None
    render_exe: str | None = None
    skip_existing: bool = False
    keep_temp: bool = False
    extra_args: list[str] = field(default_factory=list)
    output_settings: dict[str, object] = field(default_factory=dict)
    layer_frames: dict[str, str] | None = None
    source_scene: str | None = None
    still_layers: list[str] | None = None

    @property
    def gpu_count_or_all(self) -> int | None:
        """Alias kept for the spec's ``gpu_count`` naming."""
        return self.gpu_count


@dataclass(frozen=True)
class TaskStatus:
    """A snapshot of one task for status displays (CLI, API, dialog).

    ``BatchRenderAPI.get_render_status()`` returns a list of these; the spec calls the class
    ``RenderStatus``, a name kept as an alias (:data:`RenderStatus`).
    """

    task_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    gpu: str | None
    pid: int | None
    state: TaskState
    frames_done: int
    frames_failed: int
    current_frame: int | None
    percent: float | None  # percent of the current frame
    attempt: int
    elapsed_s: float | None
    eta_s: float | None
    reason: str | None
    log_path: str | None


#: The spec's name for :class:`TaskStatus` (``get_render_status()`` rows), kept for TD scripts.
RenderStatus = TaskStatus
