"""Default values for the Batch Render Manager, in one place.

The CLI's option defaults, the API's :class:`~lrc_toolbox.core.models.RenderConfig` and the dialog's
initial values all read these constants, so a studio changes a default here once.
"""

from __future__ import annotations

#: Frames a single parse may expand to; ``1-999999999`` is refused before anything is allocated.
MAX_FRAMES: int = 100_000

#: GPUs and CPU threads kept for the interactive Maya session when the manager runs inside Maya.
MAYA_RESERVED_GPUS: int = 1
MAYA_RESERVED_CPU_THREADS: int = 4

#: Nothing is reserved when the manager runs from a shell (no interactive Maya to keep alive).
SHELL_RESERVED_GPUS: int = 0
SHELL_RESERVED_CPU_THREADS: int = 0

#: Concurrent renders on one GPU.
RENDERS_PER_GPU: int = 1

#: Extra attempts for frames still missing after a task ends.
RETRIES: int = 2

#: No output and no new image for this long: the render is hung (Redshift at 100% that never exits).
HANG_TIMEOUT_S: float = 600.0

#: No sign of life (first line) for this long after launch: the start is stalled.
START_TIMEOUT_S: float = 900.0

#: Seconds between SIGTERM/CTRL_BREAK and killing a render's whole process tree.
TERMINATE_GRACE_S: float = 10.0

#: Default renderer profile: ``file`` uses the renderer stored in the scene.
RENDERER: str = "file"

#: Render mode: one process per layer.
RENDER_MODE: str = "separate"

#: Automatic chunking: assumed cost before anything is measured. Production Maya + scene load is
#: tens of seconds; a frame is unknown until the first one finishes.
ASSUMED_STARTUP_S: float = 30.0
ASSUMED_FRAME_S: float = 30.0

#: Automatic chunking: a launch's start-up should cost at most this fraction of its chunk's time.
MAX_STARTUP_OVERHEAD_FRACTION: float = 0.10

#: Environment variable that overrides where the job store and logs live.
DATA_DIR_ENV: str = "LRC_TOOLBOX_DATA_DIR"

#: Finished jobs (and their logs) are forgotten after this many days (history, retry, open log).
RETENTION_DAYS: float = 30.0
