"""Re-rendering only what failed: the retry job for a finished job's failed frames (pure).

Shared by :class:`~lrc_toolbox.ui.control.engine_controller.EngineController` and the tests' fake
controller, so both build exactly the same retry job.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.ui.control.abstract import ControllerError, RetryRequest
from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameSet

__all__ = ["build_retry_request", "copy_config"]


def copy_config(config: RenderConfig, **changes: Any) -> RenderConfig:
    """A copy of ``config`` with ``changes`` applied and its lists copied (no shared state)."""
    copied = dataclasses.replace(
        config,
        layers=list(config.layers),
        gpus=list(config.gpus) if config.gpus is not None else None,
        extra_args=list(config.extra_args),
        output_settings=dict(config.output_settings),
        layer_frames=dict(config.layer_frames) if config.layer_frames is not None else None,
    )
    return dataclasses.replace(copied, **changes) if changes else copied


def build_retry_request(
    job_id: str, config: RenderConfig, failed: Mapping[str, Sequence[int]]
) -> RetryRequest:
    """Turn a finished job's failed frames into a job that renders only those.

    Args:
        job_id: The finished job.
        config: The settings the job was started with.
        failed: Failed frames per layer (layers without failures may be listed with none).

    Returns:
        The request: only the failed layers, each with exactly its failed frames
        (``config.layer_frames``; the shared frame range and step no longer apply).

    Raises:
        ControllerError: Nothing failed, or a frame cannot be written as a frame string.
    """
    per_layer = {layer: tuple(sorted(set(frames))) for layer, frames in failed.items() if frames}
    if not per_layer:
        raise ControllerError(f"job {job_id} has no failed frames to retry")
    try:
        strings = {layer: FrameSet(frames).to_string() for layer, frames in per_layer.items()}
    except (FrameRangeError, TypeError) as exc:
        raise ControllerError(f"cannot retry job {job_id}: {exc}") from exc
    retry_config = copy_config(
        config,
        layers=list(per_layer),
        frame_range="",
        step=1,
        skip_existing=False,
        layer_frames=strings,
    )
    return RetryRequest(source_job_id=job_id, config=retry_config, layer_frames=per_layer)
