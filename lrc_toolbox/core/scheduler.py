"""Which frames go to which render slot next: the work queue and the automatic chunk policy.

Pure logic: no threads, no processes, no clock of its own (callers pass ``now``), so the same code
drives the real engine, ``--dry-run`` previews and the discrete-event simulation in the tests.

Why chunks at all: every ``Render`` launch pays a start-up cost (Maya plus the scene load: tens of
seconds in production), so one process per frame wastes GPUs; one process per layer leaves GPUs idle
when layers differ in cost. Automatic chunks:

* the **first wave** (nothing measured yet) gives every layer a slot before any layer gets a second,
  so every layer's frame time is known after its first frame, and sizes a layer's chunks as its
  share of the slots by frame count: big chunks, because a running render can later be cut short at
  a frame boundary (:mod:`~lrc_toolbox.core.tail_split`) but never lengthened;
* once measured, the policy (:class:`ChunkPolicy`) sizes each chunk so that a launch's start-up stays
  a small fraction of it (``max_startup_fraction``) and no chunk is longer than half of the balanced
  remaining time per slot ("guided" scheduling);
* the layer with the most remaining estimated work goes first (longest-processing-time first), so
  heavy layers never start last; frames a running render gives away go first, as one task;
* once every cost is known (measured, or timed by earlier jobs of the scene), the level plan
  (:mod:`~lrc_toolbox.core.rebalance`) decides instead: free slots take only what it made ready.

Carving costs O(layers) whatever the job's size (frames are kept as runs, estimates are cached). See
docs/architecture.md and ``scripts/bench_scheduling.py``.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.chunk_policy import ChunkPolicy
from lrc_toolbox.core.cost_model import CostModel
from lrc_toolbox.core.models import GPUInfo, RenderMode
from lrc_toolbox.core.pending_frames import PendingRuns
from lrc_toolbox.core.task_outcome import split_retries
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet


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
    """What the queue needs to know about a running task to balance the rest (and to split it).

    Attributes:
        layers: Its layers.
        frames_left: Frames (per layer) without a verified image yet, the current one included.
        started_s: When it was launched.
        first_frame_seen: Whether it has begun rendering (its start-up is over).
        task_id: Its id ("" where nobody needs it).
        unstarted: Frames it has not begun yet, in render order (a suffix of its run), or None when
            it cannot give frames away (several layers in one process, or nothing left).
        frame_started_s: When the frame it renders now began (None: in start-up or between
            frames).
    """

    layers: tuple[str, ...]
    frames_left: int
    started_s: float
    first_frame_seen: bool = False
    task_id: str = ""
    unstarted: FrameRun | None = None
    frame_started_s: float | None = None


class _Attempts:
    """Tasks each frame of one layer was given, at O(log n + k) per task for k retried frames.

    A frame's count is kept explicitly only when it is not the obvious one: counts from a
    resumed job, and frames that went back to the queue (retries). Any other frame has been given
    once if it is no longer queued, never if it still is.
    """

    def __init__(self, counts: Mapping[int, int]) -> None:
        self._counts: dict[int, int] = dict(counts)
        self._frames = sorted(self._counts)  # the explicit ones, for range lookups

    def get(self, frame: int, pending: PendingRuns) -> int:
        """How many tasks ``frame`` was given."""
        count = self._counts.get(frame)
        if count is not None:
            return count
        return 0 if frame in pending else 1

    def pin(self, frame: int, count: int) -> None:
        """Keep ``frame``'s count explicitly (it goes back to the queue)."""
        if frame not in self._counts:
            bisect.insort(self._frames, frame)
        self._counts[frame] = count

    def retried_in(self, pending: PendingRuns) -> int:
        """How many queued frames were given to a task before (O(k log n), k explicit counts)."""
        return sum(1 for frame, count in self._counts.items() if count and frame in pending)

    def give(self, run: FrameRun) -> int:
        """One more task for every frame of ``run``; return the highest count among them."""
        highest = 1
        low = bisect.bisect_left(self._frames, run.start)
        high = bisect.bisect_right(self._frames, run.end)
        for frame in self._frames[low:high]:
            if run.index_of(frame) is not None:
                self._counts[frame] += 1
                highest = max(highest, self._counts[frame])
        return highest


@dataclass
class _LayerWork:
    pending: PendingRuns
    attempts: _Attempts
    started: bool = False
    first_chunk: int | None = None  # first-wave chunk size while the layer is unknown


@dataclass
class _HandedRun:
    layer: str
    run: FrameRun
    attempt: int
    ready: bool = True  # a free slot may take it now (else it waits for the level plan)
    serial: int = 0


@dataclass(frozen=True)
class QueuedSource:
    """Queued frames as the level plan sees them (:meth:`WorkQueue.sources`).

    Attributes:
        key: What :meth:`WorkQueue.make_ready` takes them by.
        layer: Their layer.
        frames: How many.
    """

    key: tuple[str, str | int]
    layer: str
    frames: int


class WorkQueue:
    """Frames still to render, carved into tasks when slots free up.

    Carving is O(layers) per task whatever the job's size: each layer's frames are kept as runs
    (:class:`~lrc_toolbox.core.pending_frames.PendingRuns`) and estimates are cached.

    The first wave (no frame measured yet) gives every layer a slot before any layer gets a second
    one, so every layer's cost is measured early, and sizes its chunks as the layer's share of the
    job by frame count (with more slots than layers the biggest layers get several): big chunks,
    because a running render can be cut short at a frame boundary later (:meth:`hand_over`) but
    never lengthened. Once a layer is measured, the chunk policy sizes its chunks.

    Once every cost is known the level plan (:mod:`~lrc_toolbox.core.rebalance`) takes over: it
    sets :attr:`directed`, and then a free slot takes only the runs the plan made ready
    (:meth:`make_ready`, :meth:`hand_over` with ``ready``).

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
        given = attempts or {}
        self._layers: dict[str, _LayerWork] = {
            name: _LayerWork(PendingRuns(frames), _Attempts(given.get(name, {})))
            for name, frames in layers.items()
        }
        self._order = list(self._layers)
        self._ids = itertools.count(first_task_number)
        self._failed: dict[tuple[str, int], str] = {}
        self._handed: list[_HandedRun] = []
        self._serials = itertools.count(1)
        self._first_wave_planned = False
        #: Set by the level plan: free slots take only ready runs (see the class notes).
        self.directed = False

    # -- state -----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when no frame waits for a task."""
        return not self._handed and not any(work.pending for work in self._layers.values())

    def has_launchable(self) -> bool:
        """True when a free slot would get a task now (directed: only ready runs count)."""
        if self.directed:
            return any(item.ready for item in self._handed)
        return not self.is_empty()

    def sources(self) -> list[QueuedSource]:
        """What is queued, for the level plan: each handed run not yet ready, each layer's
        pending frames (O(layers + handed runs))."""
        result = [
            QueuedSource(("handed", item.serial), item.layer, len(item.run))
            for item in self._handed
            if not item.ready
        ]
        result += [
            QueuedSource(("pending", name), name, len(self._layers[name].pending))
            for name in self._order
            if self._layers[name].pending
        ]
        return result

    def queued_layers(self, limit: int) -> set[str] | None:
        """Layers with queued frames (handed runs included), or None when more than ``limit``
        (stops counting there: O(limit + handed runs), however many layers the job has)."""
        names = {item.layer for item in self._handed}
        for name in self._order:
            if len(names) > limit:
                return None
            if self._layers[name].pending:
                names.add(name)
        return None if len(names) > limit else names

    def make_ready(self, key: tuple[str, str | int], count: int) -> int:
        """Make the first ``count`` frames of a source ready for the next free slot, as one task.

        Pending frames are carved as a task would be (from the layer's first run, so fewer when
        that run is shorter); a handed run is cut, its rest staying queued.

        Args:
            key: A :class:`QueuedSource`'s key.
            count: Frames (at least 1).

        Returns:
            How many frames were made ready (0: the source is gone).
        """
        kind, name = key
        if kind == "pending":
            work = self._layers.get(str(name))
            if work is None or not work.pending or count < 1:
                return 0
            run = work.pending.take(count)
            work.started = True
            attempt = work.attempts.give(run)
            self._handed.append(_HandedRun(str(name), run, attempt, True, next(self._serials)))
            return len(run)
        index = next((i for i, h in enumerate(self._handed) if h.serial == name), None)
        if index is None or count < 1:
            return 0
        item = self._handed[index]
        if count >= len(item.run):
            item.ready = True
            return len(item.run)
        head, tail = item.run.cut(count)
        assert tail is not None
        item.run = tail
        ready = _HandedRun(item.layer, head, item.attempt, True, next(self._serials))
        self._handed.insert(index, ready)
        return count

    def pending(self) -> dict[str, FrameSet]:
        """Frames still queued, per layer (O(frames): for reports, not for every dispatch)."""
        queued = {name: list(work.pending) for name, work in self._layers.items()}
        for item in self._handed:
            queued[item.layer].extend(item.run.frames())
        return {name: FrameSet(frames) for name, frames in queued.items() if frames}

    def queued_frames(self, layer: str) -> int:
        """How many frames of ``layer`` wait for a task."""
        handed = sum(len(item.run) for item in self._handed if item.layer == layer)
        return len(self._layers[layer].pending) + handed

    def queued_counts(self) -> dict[str, int]:
        """How many frames wait for a task, per layer (O(layers + handed runs): every tick)."""
        counts = {name: self.queued_frames(name) for name in self._layers}
        return {name: count for name, count in counts.items() if count}

    def requeued_frames(self) -> int:
        """Queued frames that a task was given before: retries and a resumed job's frames.

        Frames handed over from a split task are not counted: they were never attempted.
        """
        return sum(work.attempts.retried_in(work.pending) for work in self._layers.values())

    def attempts(self, layer: str, frame: int) -> int:
        """How many tasks have been given this frame so far."""
        work = self._layers[layer]
        return work.attempts.get(frame, work.pending)

    def queued_work_s(self) -> float:
        """Estimated render seconds of everything still queued (start-ups excluded)."""
        total = sum(len(w.pending) * self.cost.frame_s(name) for name, w in self._layers.items())
        return total + sum(len(item.run) * self.cost.frame_s(item.layer) for item in self._handed)

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

        Frames handed over from a running render (:meth:`hand_over`) go first, as they are.
        While :attr:`directed`, only ready runs are given (None when there is none).

        Args:
            slot: The free slot.
            running: The tasks running right now (to balance what is left).
            slot_count: Total number of slots of the job.
            now: Current time in seconds on the caller's clock.
        """
        index = next(
            (i for i, item in enumerate(self._handed) if item.ready or not self.directed), None
        )
        if index is not None:
            item = self._handed.pop(index)
            self._layers[item.layer].started = True
            return TaskSpec(f"t{next(self._ids):04d}", (item.layer,), item.run, item.attempt, slot)
        if self.directed:
            return None
        candidates = [name for name in self._order if self._layers[name].pending]
        if not candidates:
            return None
        if not self._first_wave_planned:
            self._plan_first_wave(candidates, slot_count)
        if self.mode is RenderMode.COMBINED:
            return self._next_combined(slot, running, slot_count, now)
        # Every layer gets a slot before any gets another (all are measured early); then the
        # longest remaining work first, so the heavy layer never starts last.
        fresh = [name for name in candidates if not self._layers[name].started]
        layer = max(fresh or candidates, key=self._remaining_work_s)
        work = self._layers[layer]
        run = work.pending.first_run()
        assert run is not None
        count = self._chunk(layer, len(run), running, slot_count, now)
        return self._spec(slot, (layer,), self._layers[layer].pending.take(count))

    def _remaining_work_s(self, layer: str) -> float:
        return len(self._layers[layer].pending) * self.cost.frame_s(layer)

    def _plan_first_wave(self, candidates: list[str], slot_count: int) -> None:
        """Size each unmeasured layer's first-wave chunks: its share of the slots by frames.

        Largest remainders: with more slots than layers the biggest layers get several chunks
        (the first in the user's order on a tie); every layer gets at least one.
        """
        self._first_wave_planned = True
        sizes = {name: len(self._layers[name].pending) for name in candidates}
        total = sum(sizes.values())
        quotas = {name: slot_count * size / total for name, size in sizes.items()}
        pieces = {name: max(1, math.floor(quota)) for name, quota in quotas.items()}
        spare = slot_count - sum(pieces.values())
        by_remainder = sorted(candidates, key=lambda n: pieces[n] - quotas[n])
        for name in by_remainder[: max(0, spare)]:
            pieces[name] += 1
        for name in candidates:
            self._layers[name].first_chunk = math.ceil(sizes[name] / pieces[name])

    def _chunk(
        self,
        layer: str,
        available: int,
        running: Sequence[TaskLoad],
        slot_count: int,
        now: float,
    ) -> int:
        """Frames of ``layer``'s first run (``available`` long) the next task takes."""
        work = self._layers[layer]
        if self.policy.fixed_size is None and work.first_chunk and not self.cost.is_known(layer):
            return min(work.first_chunk, available)
        balanced = (self.queued_work_s() + self.running_left_s(running, now)) / max(slot_count, 1)
        return self.policy.chunk_frames(
            available=available,
            frame_s=self.cost.frame_s(layer),
            startup_s=self.cost.startup_s(),
            layer_measured=self.cost.is_measured(layer),
            balanced_s=balanced,
        )

    def _next_combined(
        self, slot: Slot, running: Sequence[TaskLoad], slot_count: int, now: float
    ) -> TaskSpec | None:
        # Combined: frames every pending layer still needs go together (one process, several -rl
        # layers); frames only some layers need go as single-layer tasks (retries, skips).
        pending = [n for n in self._order if self._layers[n].pending]
        firsts = [self._layers[n].pending.first_run() for n in pending]
        layers: tuple[str, ...]
        same_head = len(pending) > 1 and all(run == firsts[0] for run in firsts)
        if same_head:
            layers, run = tuple(pending), firsts[0]  # the common case, in O(layers)
        else:
            common = self._layers[pending[0]].pending.as_frameset()
            for name in pending[1:]:
                common = common.intersection(self._layers[name].pending.as_frameset())
            if not common or len(pending) == 1:
                layers, run = (pending[0],), firsts[0]
            else:
                layers, run = tuple(pending), common.runs()[0]
        assert run is not None
        per_frame = sum(self.cost.frame_s(n) for n in layers)
        balanced = (self.queued_work_s() + self.running_left_s(running, now)) / max(slot_count, 1)
        count = self.policy.chunk_frames(
            available=len(run),
            frame_s=per_frame,
            startup_s=self.cost.startup_s(),
            layer_measured=all(self.cost.is_measured(n) for n in layers),
            balanced_s=balanced,
        )
        if len(layers) == 1:
            return self._spec(slot, layers, self._layers[layers[0]].pending.take(count))
        piece = run.cut(count)[0]
        for name in layers:
            if same_head:
                self._layers[name].pending.take(count)
            else:
                self._layers[name].pending.remove(piece.frames())
        return self._spec(slot, layers, piece)

    def _spec(self, slot: Slot, layers: tuple[str, ...], run: FrameRun) -> TaskSpec:
        attempt = 1
        for name in layers:
            work = self._layers[name]
            work.started = True
            attempt = max(attempt, work.attempts.give(run))
        return TaskSpec(f"t{next(self._ids):04d}", layers, run, attempt, slot)

    def hand_over(self, layer: str, run: FrameRun, attempt: int, *, ready: bool = True) -> None:
        """Queue frames a running render gives away, for the next free slot, as one task.

        The render will be stopped right after its last kept frame, so these frames are moved,
        not retried: no attempt is counted against them (the new task carries ``attempt``).

        Args:
            layer: Their layer.
            run: The frames (a suffix of the running task's run).
            attempt: The running task's attempt number.
            ready: A free slot may take them now; else (while :attr:`directed`) they wait for
                the level plan to give them to a slot.
        """
        self._handed.append(_HandedRun(layer, run, attempt, ready, next(self._serials)))

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
        frames = list(frames)
        counts = {frame: self.attempts(layer, frame) for frame in frames}
        requeued, failed = split_retries(frames, counts, retries=self.retries, retryable=retryable)
        for frame in failed:
            self._failed[(layer, frame)] = reason
        self.requeue(layer, requeued)
        return requeued, failed

    def requeue(self, layer: str, frames: Iterable[int]) -> None:
        """Put frames back in the queue (the retry decision was made by the caller).

        See :func:`~lrc_toolbox.core.task_outcome.split_retries` for the rule.
        """
        work = self._layers[layer]
        frames = [frame for frame in frames if frame not in work.pending]
        for frame in frames:
            work.attempts.pin(frame, work.attempts.get(frame, work.pending))
        work.pending.add(frames)

    def remove(self, layer: str, frames: Iterable[int]) -> None:
        """Take frames out of the queue without a task (e.g. images that already exist)."""
        self._layers[layer].pending.remove(frames)

    def drop_layer(self, layer: str, reason: str) -> list[int]:
        """Remove every queued frame of ``layer`` (a deterministic failure); return them."""
        dropped = self._layers[layer].pending.clear()
        handed = [item for item in self._handed if item.layer == layer]
        if handed:
            self._handed = [item for item in self._handed if item.layer != layer]
            dropped = sorted(dropped + [f for item in handed for f in item.run.frames()])
        for frame in dropped:
            self._failed[(layer, frame)] = reason
        return dropped

    def drop_all(self, reason: str) -> dict[str, list[int]]:
        """Remove every queued frame (cancel); return them per layer."""
        layers = [name for name in self._order if self.queued_frames(name)]
        return {name: self.drop_layer(name, reason) for name in layers}


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
