"""Which frames go to which render slot next: the work queue and the automatic chunk policy.

Pure logic: no threads, no processes, no clock of its own (callers pass ``now``), so the same code
drives the real engine, ``--dry-run`` previews and the discrete-event simulation in the tests.

Why chunks at all: every ``Render`` launch pays a start-up cost (Maya plus the scene load: tens of
seconds in production), so one process per frame wastes GPUs; one process per layer leaves GPUs idle
when layers differ in cost. The automatic policy (:class:`ChunkPolicy`) learns the start-up time and
each layer's frame time from the running renders and, whenever a slot frees up, sizes the next chunk
so that:

* a launch's start-up stays a small fraction of its chunk (``max_startup_fraction``), and
* no chunk is longer than half of the balanced remaining time per slot ("guided" scheduling), and
  near the end a chunk is exactly what lets every slot finish together.

The layer with the most remaining estimated work goes first (longest-processing-time first), so heavy
layers never start last. See docs/architecture.md and ``scripts/bench_scheduling.py``.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.models import GPUInfo, RenderMode
from lrc_toolbox.core.task_outcome import split_retries
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet

#: Guided scheduling factor: a chunk takes at most 1/GUIDED_FACTOR of the balanced per-slot time.
GUIDED_FACTOR: float = 2.0

#: Measured samples kept per layer (older ones are forgotten: costs drift along a shot).
_SAMPLES_KEPT = 50


@dataclass(frozen=True)
class Slot:
    """One place a render can run: a GPU (or the CPU) and which of its ``renders_per_gpu``.

    Attributes:
        index: Position in the slot list (stable for a job).
        gpu: The GPU, or ``None`` for a CPU-only renderer.
        sub_index: 0..renders_per_gpu-1 on that GPU.
    """

    index: int
    gpu: GPUInfo | None
    sub_index: int = 0

    @property
    def cuda_device(self) -> str | None:
        """``CUDA_VISIBLE_DEVICES`` value for renders in this slot (None: do not pin)."""
        return self.gpu.cuda_visible_devices_value if self.gpu is not None else None

    @property
    def label(self) -> str:
        """Short human label, e.g. ``GPU 1`` or ``GPU 1 #2`` or ``CPU #1``."""
        if self.gpu is None:
            return f"CPU #{self.sub_index + 1}"
        base = f"GPU {self.gpu.device_id}"
        return base if self.sub_index == 0 else f"{base} #{self.sub_index + 1}"


def build_slots(
    gpus: Sequence[GPUInfo], renders_per_gpu: int, *, uses_gpu: bool, cpu_slots: int = 1
) -> list[Slot]:
    """Return the render slots: every usable GPU times ``renders_per_gpu``, or CPU slots.

    Args:
        gpus: Usable GPUs (after reservation and any allow-list).
        renders_per_gpu: Concurrent renders per GPU (>= 1).
        uses_gpu: False for CPU renderers (Maya Software): slots are then ``cpu_slots``.
        cpu_slots: Number of concurrent CPU renders when ``uses_gpu`` is False.

    Returns:
        Slots ordered GPU-major so consecutive launches spread over GPUs first.

    Raises:
        ValueError: ``renders_per_gpu`` or ``cpu_slots`` below 1.
    """
    if renders_per_gpu < 1:
        raise ValueError(f"renders per GPU must be at least 1 (got {renders_per_gpu})")
    if not uses_gpu:
        if cpu_slots < 1:
            raise ValueError(f"CPU render slots must be at least 1 (got {cpu_slots})")
        return [Slot(i, None, i) for i in range(cpu_slots)]
    # Sub-index major: slot order GPU0#1, GPU1#1, GPU0#2, GPU1#2 spreads the first wave over GPUs.
    pairs = [(sub, gpu) for sub in range(renders_per_gpu) for gpu in gpus]
    return [Slot(i, gpu, sub) for i, (sub, gpu) in enumerate(pairs)]


# --------------------------------------------------------------------------------------------------
# Cost model
# --------------------------------------------------------------------------------------------------
class CostModel:
    """Learns the launch start-up time and each layer's frame time from measurements.

    Until a layer is measured its frame time is the mean of the measured layers, or the prior.
    Medians of recent samples keep one slow frame (a cache warm-up) from skewing the estimate.
    """

    def __init__(
        self,
        startup_prior_s: float = defaults.ASSUMED_STARTUP_S,
        frame_prior_s: float = defaults.ASSUMED_FRAME_S,
    ) -> None:
        self._startup_prior_s = startup_prior_s
        self._frame_prior_s = frame_prior_s
        self._startup: list[float] = []
        self._frames: dict[str, list[float]] = {}

    def record_startup(self, seconds: float) -> None:
        """Record the time from launch to the first frame starting."""
        if seconds >= 0:
            self._startup = (self._startup + [seconds])[-_SAMPLES_KEPT:]

    def record_frame(self, layer: str, seconds: float) -> None:
        """Record how long one frame of ``layer`` took."""
        if seconds >= 0:
            samples = self._frames.setdefault(layer, [])
            samples.append(seconds)
            del samples[:-_SAMPLES_KEPT]

    def is_measured(self, layer: str) -> bool:
        """True once a frame of ``layer`` has been timed."""
        return bool(self._frames.get(layer))

    def startup_s(self) -> float:
        """Estimated start-up seconds per launch."""
        return statistics.median(self._startup) if self._startup else self._startup_prior_s

    def frame_s(self, layer: str) -> float:
        """Estimated seconds per frame of ``layer``."""
        samples = self._frames.get(layer)
        if samples:
            return statistics.median(samples)
        measured = [statistics.median(s) for s in self._frames.values() if s]
        return statistics.fmean(measured) if measured else self._frame_prior_s


# --------------------------------------------------------------------------------------------------
# Chunk policy
# --------------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------------
# Work queue
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TaskSpec:
    """One unit of work for one process: layers x a contiguous frame run, on a slot.

    Attributes:
        task_id: Unique within the job (``t0001``...).
        layers: Artist-facing layer names rendered by this process (one in separate mode).
        run: The contiguous frames (``Render -s/-e/-b``).
        attempt: 1 for the first try of these frames, 2+ for retries.
        slot: Where it runs.
    """

    task_id: str
    layers: tuple[str, ...]
    run: FrameRun
    attempt: int
    slot: Slot

    @property
    def frames(self) -> list[int]:
        """The frames of this task."""
        return self.run.frames()


@dataclass
class TaskLoad:
    """What the queue needs to know about a running task to balance the rest."""

    layers: tuple[str, ...]
    frames_left: int
    started_s: float
    first_frame_seen: bool = False


@dataclass
class _LayerWork:
    frames: FrameSet
    attempts: dict[int, int] = field(default_factory=dict)


class WorkQueue:
    """Frames still to render, carved into tasks when slots free up.

    Args:
        layers: Frames per artist-facing layer name (insertion order = the user's order).
        mode: Separate (one layer per process) or combined (all layers of a group in one process).
        policy: Chunk policy.
        cost: Cost model shared with the engine (it records measurements into it).
        retries: Extra attempts per frame after the first.
        attempts: Tasks each frame was already given (a resumed job), per layer.
        first_task_number: Number of the first task id (a resumed job continues its numbering).
    """

    def __init__(
        self,
        layers: Mapping[str, FrameSet],
        *,
        mode: RenderMode = RenderMode.SEPARATE,
        policy: ChunkPolicy | None = None,
        cost: CostModel | None = None,
        retries: int = defaults.RETRIES,
        attempts: Mapping[str, Mapping[int, int]] | None = None,
        first_task_number: int = 1,
    ) -> None:
        if retries < 0:
            raise ValueError(f"retries must be 0 or more (got {retries})")
        self.mode = mode
        self.policy = policy or ChunkPolicy()
        self.cost = cost or CostModel()
        self.retries = retries
        self._layers: dict[str, _LayerWork] = {
            name: _LayerWork(FrameSet(frames)) for name, frames in layers.items()
        }
        for name, counts in (attempts or {}).items():
            if name in self._layers:
                self._layers[name].attempts.update(counts)
        self._order = list(self._layers)
        self._ids = itertools.count(first_task_number)
        self._failed: dict[tuple[str, int], str] = {}

    # -- state -----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when no frame waits for a task."""
        return not any(work.frames for work in self._layers.values())

    def pending(self) -> dict[str, FrameSet]:
        """Frames still queued, per layer."""
        return {name: work.frames for name, work in self._layers.items() if work.frames}

    def attempts(self, layer: str, frame: int) -> int:
        """How many tasks have been given this frame so far."""
        return self._layers[layer].attempts.get(frame, 0)

    def queued_work_s(self) -> float:
        """Estimated render seconds of everything still queued (start-ups excluded)."""
        return sum(len(w.frames) * self.cost.frame_s(name) for name, w in self._layers.items())

    def running_left_s(self, running: Iterable[TaskLoad], now: float) -> float:
        """Estimated seconds the running tasks still need, from the current cost model."""
        total = 0.0
        for work in running:
            per_frame = sum(self.cost.frame_s(layer) for layer in work.layers)
            left = work.frames_left * per_frame
            if not work.first_frame_seen:
                left += max(0.0, self.cost.startup_s() - (now - work.started_s))
            total += max(left, 0.0)
        return total

    # -- carving ----------------------------------------------------------------------------------
    def next_task(
        self, slot: Slot, *, running: Sequence[TaskLoad] = (), slot_count: int, now: float = 0.0
    ) -> TaskSpec | None:
        """Carve the next task for a free ``slot``, or return None when nothing is queued.

        Args:
            slot: The free slot.
            running: The tasks running right now (to balance what is left).
            slot_count: Total number of slots of the job.
            now: Current time in seconds on the caller's clock.
        """
        candidates = [name for name in self._order if self._layers[name].frames]
        if not candidates:
            return None
        # Longest remaining work first, so the heavy layer never starts last.
        layer = max(
            candidates,
            key=lambda n: len(self._layers[n].frames) * self.cost.frame_s(n),
        )
        if self.mode is RenderMode.COMBINED:
            return self._next_combined(slot, running, slot_count, now)
        work = self._layers[layer]
        run = work.frames.runs()[0]
        balanced = (self.queued_work_s() + self.running_left_s(running, now)) / max(slot_count, 1)
        count = self.policy.chunk_frames(
            available=len(run),
            frame_s=self.cost.frame_s(layer),
            startup_s=self.cost.startup_s(),
            layer_measured=self.cost.is_measured(layer),
            balanced_s=balanced,
        )
        return self._take(slot, (layer,), run.split(count)[0])

    def _next_combined(
        self, slot: Slot, running: Sequence[TaskLoad], slot_count: int, now: float
    ) -> TaskSpec | None:
        # Combined: frames every pending layer still needs go together (one process, several -rl
        # layers); frames only some layers need go as single-layer tasks (retries, skips).
        pending = [n for n in self._order if self._layers[n].frames]
        common = self._layers[pending[0]].frames
        for name in pending[1:]:
            common = common.intersection(self._layers[name].frames)
        if not common or len(pending) == 1:
            layer = pending[0]
            layers: tuple[str, ...] = (layer,)
            run = self._layers[layer].frames.runs()[0]
        else:
            layers = tuple(pending)
            run = common.runs()[0]
        per_frame = sum(self.cost.frame_s(n) for n in layers)
        balanced = (self.queued_work_s() + self.running_left_s(running, now)) / max(slot_count, 1)
        count = self.policy.chunk_frames(
            available=len(run),
            frame_s=per_frame,
            startup_s=self.cost.startup_s(),
            layer_measured=all(self.cost.is_measured(n) for n in layers),
            balanced_s=balanced,
        )
        return self._take(slot, layers, run.split(count)[0])

    def _take(self, slot: Slot, layers: tuple[str, ...], run: FrameRun) -> TaskSpec:
        frames = run.frames()
        attempt = 1
        for name in layers:
            work = self._layers[name]
            work.frames = work.frames.difference(FrameSet(frames))
            for frame in frames:
                work.attempts[frame] = work.attempts.get(frame, 0) + 1
                attempt = max(attempt, work.attempts[frame])
        return TaskSpec(f"t{next(self._ids):04d}", layers, run, attempt, slot)

    # -- outcomes ---------------------------------------------------------------------------------
    def requeue_missing(
        self, layer: str, frames: Iterable[int], *, retryable: bool, reason: str
    ) -> tuple[list[int], list[int]]:
        """Put frames that a task did not deliver back in the queue, if attempts are left.

        Args:
            layer: Artist-facing layer name.
            frames: Frames without a verified image.
            retryable: False for deterministic failures (licence, bad scene): never retried.
            reason: Why they are missing (kept for frames that fail for good).

        Returns:
            (requeued frames, frames failed for good).
        """
        work = self._layers[layer]
        frames = list(frames)
        requeued, failed = split_retries(
            frames, work.attempts, retries=self.retries, retryable=retryable
        )
        for frame in failed:
            self._failed[(layer, frame)] = reason
        self.requeue(layer, requeued)
        return requeued, failed

    def requeue(self, layer: str, frames: Iterable[int]) -> None:
        """Put frames back in the queue (the retry decision was made by the caller).

        See :func:`~lrc_toolbox.core.task_outcome.split_retries` for the rule.
        """
        frames = list(frames)
        if frames:
            work = self._layers[layer]
            work.frames = work.frames.union(FrameSet(frames))

    def remove(self, layer: str, frames: Iterable[int]) -> None:
        """Take frames out of the queue without a task (e.g. images that already exist)."""
        work = self._layers[layer]
        work.frames = work.frames.difference(FrameSet(frames))

    def drop_layer(self, layer: str, reason: str) -> list[int]:
        """Remove every queued frame of ``layer`` (a deterministic failure); return them."""
        work = self._layers[layer]
        dropped = list(work.frames)
        for frame in dropped:
            self._failed[(layer, frame)] = reason
        work.frames = FrameSet(())
        return dropped

    def drop_all(self, reason: str) -> dict[str, list[int]]:
        """Remove every queued frame (cancel); return them per layer."""
        return {
            name: self.drop_layer(name, reason) for name in self._order if self._layers[name].frames
        }


def lower_bound_s(
    frame_costs_s: Mapping[str, Sequence[float]], slots: int, startup_s: float
) -> float:
    """Return the makespan no schedule can beat: ``max(total/slots + startup, startup + longest)``.

    Args:
        frame_costs_s: Per layer, the render seconds of each frame.
        slots: Number of slots.
        startup_s: Start-up seconds per launch.
    """
    all_costs = [c for costs in frame_costs_s.values() for c in costs]
    if not all_costs:
        return 0.0
    return max(sum(all_costs) / slots + startup_s, startup_s + max(all_costs))


def expected_task_count(frames: int, chunk: int) -> int:
    """Number of tasks ``frames`` contiguous frames make with a fixed ``chunk`` size."""
    return math.ceil(frames / chunk) if chunk > 0 else 0
