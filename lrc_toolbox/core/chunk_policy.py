"""How many frames the next task takes: the automatic chunk policy.

Pure arithmetic, used by the work queue (:mod:`~lrc_toolbox.core.scheduler`, which re-exports
these names).
"""

from __future__ import annotations

from dataclasses import dataclass

from lrc_toolbox.config import batch_render_defaults as defaults

__all__ = ["GUIDED_FACTOR", "ChunkPolicy"]

#: Guided scheduling factor: a chunk takes at most 1/GUIDED_FACTOR of the balanced per-slot time.
GUIDED_FACTOR: float = 2.0


@dataclass(frozen=True)
class ChunkPolicy:
    """How many frames the next task takes.

    Attributes:
        fixed_size: A user-chosen chunk size (``--chunk-size N``), or ``None`` for automatic.
        max_startup_fraction: Automatic mode keeps start-up at most this fraction of a chunk.
        guided_factor: Automatic mode takes at most 1/guided_factor of the balanced per-slot time.
    """

    fixed_size: int | None = None
    max_startup_fraction: float = defaults.MAX_STARTUP_OVERHEAD_FRACTION
    guided_factor: float = GUIDED_FACTOR

    def __post_init__(self) -> None:
        if self.fixed_size is not None and self.fixed_size < 1:
            raise ValueError(f"chunk size must be at least 1 frame (got {self.fixed_size})")
        if not 0 < self.max_startup_fraction < 1:
            raise ValueError("max_startup_fraction must be between 0 and 1")

    def chunk_frames(
        self,
        *,
        available: int,
        frame_s: float,
        startup_s: float,
        layer_measured: bool,
        balanced_s: float,
    ) -> int:
        """Return the number of frames for the next task (1..available).

        Args:
            available: Frames left in the contiguous run the task is cut from.
            frame_s: Estimated seconds per frame of this layer.
            startup_s: Estimated start-up seconds per launch.
            layer_measured: Whether ``frame_s`` was measured for this layer (else a guess).
            balanced_s: Remaining work (queued plus running) divided by the slot count: how long
                every slot would still work if the rest were shared perfectly.
        """
        if available <= 0:
            return 0
        if self.fixed_size is not None:
            return min(self.fixed_size, available)
        frame_s = max(frame_s, 1e-6)
        fraction = self.max_startup_fraction
        floor_s = startup_s * (1.0 - fraction) / fraction  # start-up <= fraction of the chunk
        ideal_s = max(balanced_s, frame_s)
        if layer_measured:
            target_s = min(max(floor_s, ideal_s / self.guided_factor), ideal_s)
        else:
            # Unknown frame cost: a modest first chunk measures the layer without risking a huge
            # chunk sized from a guess.
            target_s = min(floor_s, ideal_s)
        frames = max(1, round(target_s / frame_s))
        frames = min(frames, available)
        leftover = available - frames
        # Don't leave a sliver that would cost a whole start-up on its own.
        if (
            0 < leftover
            and leftover * frame_s < startup_s
            and available * frame_s <= ideal_s * 1.25
        ):
            frames = available
        return frames
