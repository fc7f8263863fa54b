"""Timing knobs of the Render STAND-IN, read from the environment.

Tests and benchmarks shape the work through the environment rather than special flags, so the
engine launches the stand-in with exactly the argv it would give Maya's ``Render``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from lrc_toolbox.standin.faults import FaultSpecError
from lrc_toolbox.standin.image_paths import artist_layer_name

STARTUP_S_ENV: str = "LRC_STANDIN_STARTUP_S"
FRAME_S_ENV: str = "LRC_STANDIN_FRAME_S"
LAYER_FRAME_S_ENV: str = "LRC_STANDIN_LAYER_FRAME_S"

DEFAULT_STARTUP_S: float = 0.05
DEFAULT_FRAME_S: float = 0.02


@dataclass(frozen=True)
class TimingKnobs:
    """How long the stand-in pretends to work.

    Attributes:
        startup_s: Sleep before the first frame (Maya start-up and scene load).
        frame_s: Seconds per frame.
        layer_frame_s: Per-layer seconds per frame, keyed by artist layer name.
    """

    startup_s: float = DEFAULT_STARTUP_S
    frame_s: float = DEFAULT_FRAME_S
    layer_frame_s: dict[str, float] = field(default_factory=dict)

    def seconds_per_frame(self, layer: str) -> float:
        """Return the frame time for one layer.

        Args:
            layer: Node name (``rs_BG``) or artist name (``BG``).

        Returns:
            The per-layer override, else the global frame time.
        """
        return self.layer_frame_s.get(artist_layer_name(layer), self.frame_s)


def read_timing_knobs(env: Mapping[str, str]) -> TimingKnobs:
    """Read the timing knobs from an environment mapping.

    Args:
        env: Usually ``os.environ``.

    Returns:
        The knobs, with defaults for unset variables.

    Raises:
        FaultSpecError: A value is not a finite number >= 0, or the per-layer list is malformed.
    """
    startup = _seconds(STARTUP_S_ENV, env.get(STARTUP_S_ENV), DEFAULT_STARTUP_S)
    frame = _seconds(FRAME_S_ENV, env.get(FRAME_S_ENV), DEFAULT_FRAME_S)
    per_layer: dict[str, float] = {}
    for item in (env.get(LAYER_FRAME_S_ENV) or "").split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise FaultSpecError(
                f'{LAYER_FRAME_S_ENV} item "{item}" is not LAYER=SECONDS (e.g. "BG=0.2,rs_CHAR=0.1")'
            )
        per_layer[artist_layer_name(name.strip())] = _seconds(LAYER_FRAME_S_ENV, value, frame)
    return TimingKnobs(startup_s=startup, frame_s=frame, layer_frame_s=per_layer)


def _seconds(name: str, raw: str | None, default: float) -> float:
    """Parse one seconds value (``default`` when unset or blank)."""
    if raw is None or not raw.strip():
        return default
    try:
        seconds = float(raw)
    except ValueError:
        raise FaultSpecError(f'{name}: "{raw}" is not a number of seconds') from None
    if not math.isfinite(seconds) or seconds < 0:
        raise FaultSpecError(f'{name}: "{raw}" must be a finite number of seconds >= 0')
    return seconds
