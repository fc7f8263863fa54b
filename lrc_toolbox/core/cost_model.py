"""How long a launch's start-up and a layer's frame take: learned as a job runs, primed by history.

Pure bookkeeping (no clock): the engine records what it measures
(:mod:`~lrc_toolbox.core.task_notes`), the scheduler and the split policies ask for estimates.
Re-exported by :mod:`~lrc_toolbox.core.scheduler`, where it has always been imported from.

Where an estimate comes from, best first:

1. **this job's measurements**: the median of recent samples, so one slow frame (a cache warm-up)
   does not skew it;
2. **earlier jobs of the same scene** (:class:`CostHistory`, read from the job store): an artist
   re-renders a scene many times, so its frames were timed before. History is a *prior*: it counts
   as :data:`HISTORY_WEIGHT_SAMPLES` of one fresh sample, so the first frame timed in this job
   already outweighs it two to one (the scene may have changed since);
3. a layer never timed and without history: the mean of the layers that are known, or the
   configured assumption when none is.

A layer is *measured* once this job timed one of its frames, *known* once it is measured or has
history; nothing is cut on the assumption alone (:mod:`~lrc_toolbox.core.tail_split`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

from lrc_toolbox.config import batch_render_defaults as defaults

__all__ = ["HISTORY_WEIGHT_SAMPLES", "CostHistory", "CostModel", "history_notice"]

#: Measured samples kept per layer (older ones are forgotten: costs drift along a shot).
_SAMPLES_KEPT = 50

#: Layers named in the notice that says a job starts from history (a 200-layer job is one line).
_NOTICE_LAYERS = 4

#: What an earlier job's figure weighs against one sample measured in this job.
HISTORY_WEIGHT_SAMPLES = 0.5


@dataclass(frozen=True)
class CostHistory:
    """What earlier jobs of the same scene and renderer measured (medians).

    Attributes:
        startup_s: Seconds from a launch to its first frame, or None when never timed.
        frame_s: Seconds per frame, per layer (only layers that were timed).
        jobs: How many earlier jobs the figures come from (0: no history).
    """

    startup_s: float | None = None
    frame_s: Mapping[str, float] = field(default_factory=dict)
    jobs: int = 0

    def __bool__(self) -> bool:
        return self.startup_s is not None or bool(self.frame_s)


def history_notice(history: CostHistory) -> str | None:
    """One line telling the user the job starts from earlier jobs' timings (None without any)."""
    if not history:
        return None
    jobs = f"{history.jobs} earlier job{'s' if history.jobs != 1 else ''}"
    parts = [] if history.startup_s is None else [f"start-up {history.startup_s:.1f} s"]
    timed = list(history.frame_s.items())
    # Under 10 ms (a stand-in's frames) reads "<0.01", never a frame time of "0.00 s".
    parts += [
        f"{layer} {seconds:.2f} s/frame" if seconds >= 0.01 else f"{layer} <0.01 s/frame"
        for layer, seconds in timed[:_NOTICE_LAYERS]
    ]
    if len(timed) > _NOTICE_LAYERS:
        parts.append(f"{len(timed) - _NOTICE_LAYERS} more layers")
    return (
        f"planned with the timings of {jobs} of this scene ({', '.join(parts)}); "
        "this job's own timings take over as its frames finish"
    )


class CostModel:
    """Learns the launch start-up time and each layer's frame time from measurements.

    Estimates are cached until the next measurement, so asking is O(1) however often the
    scheduler asks (it asks for every layer at every dispatch).

    Args:
        startup_prior_s: Assumed start-up when neither this job nor history timed one.
        frame_prior_s: Assumed frame time when no layer is known.
        history: Earlier jobs' figures (see the module rules), or None.
    """

    def __init__(
        self,
        startup_prior_s: float = defaults.ASSUMED_STARTUP_S,
        frame_prior_s: float = defaults.ASSUMED_FRAME_S,
        history: CostHistory | None = None,
    ) -> None:
        self._startup_prior_s = startup_prior_s
        self._frame_prior_s = frame_prior_s
        self._history = history or CostHistory()
        self._startup: list[float] = []
        self._frames: dict[str, list[float]] = {}
        self._startup_estimate: float | None = None
        self._frame_estimates: dict[str, float] = {}
        self._unmeasured_estimate: float | None = None

    @property
    def history(self) -> CostHistory:
        """The earlier jobs' figures this model started from."""
        return self._history

    def record_startup(self, seconds: float) -> None:
        """Record the time from launch to the first frame starting."""
        if seconds >= 0:
            self._startup = (self._startup + [seconds])[-_SAMPLES_KEPT:]
            self._startup_estimate = None

    def record_frame(self, layer: str, seconds: float) -> None:
        """Record how long one frame of ``layer`` took."""
        if seconds >= 0:
            samples = self._frames.setdefault(layer, [])
            samples.append(seconds)
            del samples[:-_SAMPLES_KEPT]
            self._frame_estimates.pop(layer, None)
            self._unmeasured_estimate = None

    def is_measured(self, layer: str) -> bool:
        """True once a frame of ``layer`` has been timed in this job."""
        return bool(self._frames.get(layer))

    def is_known(self, layer: str) -> bool:
        """True once ``layer`` is measured or earlier jobs timed it."""
        return self.is_measured(layer) or layer in self._history.frame_s

    def is_startup_measured(self) -> bool:
        """True once a launch's start-up has been timed in this job."""
        return bool(self._startup)

    def is_startup_known(self) -> bool:
        """True once a start-up is measured or earlier jobs timed one."""
        return self.is_startup_measured() or self._history.startup_s is not None

    def startup_s(self) -> float:
        """Estimated start-up seconds per launch."""
        if self._startup_estimate is None:
            self._startup_estimate = _blend(
                self._startup, self._history.startup_s, self._startup_prior_s
            )
        return self._startup_estimate

    def frame_s(self, layer: str) -> float:
        """Estimated seconds per frame of ``layer``."""
        estimate = self._frame_estimates.get(layer)
        if estimate is not None:
            return estimate
        # is_known() inlined: the scheduler asks this for every layer at every carve.
        samples = self._frames.get(layer)
        prior = self._history.frame_s.get(layer) if self._history.frame_s else None
        if samples or prior is not None:
            estimate = _blend(samples or [], prior, 0.0)
            self._frame_estimates[layer] = estimate
            return estimate
        if self._unmeasured_estimate is None:
            known = {name for name, samples in self._frames.items() if samples}
            known.update(self._history.frame_s)
            self._unmeasured_estimate = (
                statistics.fmean(self.frame_s(name) for name in sorted(known))
                if known
                else self._frame_prior_s
            )
        return self._unmeasured_estimate


def _blend(samples: list[float], history: float | None, assumed: float) -> float:
    """This job's median weighed against history (see the module rules), else the assumption."""
    if not samples:
        return history if history is not None else assumed
    median = statistics.median(samples)
    if history is None:
        return median
    weight = len(samples)
    return (HISTORY_WEIGHT_SAMPLES * history + weight * median) / (HISTORY_WEIGHT_SAMPLES + weight)
