"""The stable public front for TDs and tools: import from here, internals may move.

Example::

    from lrc_toolbox.api import BatchRenderAPI
    api = BatchRenderAPI()
    job = api.render_layer(scene_file="shot001.ma", layer="MASTER_BG_A", frames="1-24", gpu_id=1)
    job.wait()
"""

from __future__ import annotations

from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle
from lrc_toolbox.core.events import (
    Event,
    FrameDone,
    FrameFailed,
    JobFinished,
    JobStarted,
    LogLine,
    Progress,
    TaskFinished,
    TaskStarted,
)
from lrc_toolbox.core.job_runner import JobResult
from lrc_toolbox.core.models import (
    CPUInfo,
    FrameState,
    GPUInfo,
    JobState,
    RenderConfig,
    RenderMode,
    RenderStatus,
    ResourceInfo,
    SystemInfo,
    TaskState,
    TaskStatus,
)
from lrc_toolbox.core.planner import JobPlan, PlanError
from lrc_toolbox.core.render_executable import RenderExecutableNotFound, find_render_executable
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.renderers import get_profile, profile_names
from lrc_toolbox.scene import SceneInfo, read_scene
from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameSet, parse_frame_range

__all__ = [
    "BatchRenderAPI",
    "CPUInfo",
    "Event",
    "FrameDone",
    "FrameFailed",
    "FrameRangeError",
    "FrameSet",
    "FrameState",
    "GPUInfo",
    "JobFinished",
    "JobHandle",
    "JobPlan",
    "JobResult",
    "JobStarted",
    "JobState",
    "LogLine",
    "PlanError",
    "Progress",
    "RenderConfig",
    "RenderExecutableNotFound",
    "RenderMode",
    "RenderStatus",
    "ResourceInfo",
    "SceneInfo",
    "SystemDetector",
    "SystemInfo",
    "TaskFinished",
    "TaskStarted",
    "TaskState",
    "TaskStatus",
    "find_render_executable",
    "get_profile",
    "parse_frame_range",
    "profile_names",
    "read_scene",
]
