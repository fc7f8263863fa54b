"""Fault injection for the Render STAND-IN (``LRC_STANDIN_FAULTS``).

A fault spec is a ``;``-separated list of items ``kind[=value][@mod[@mod]]``, for example
``crash_at=3@once;skip=5@layer=CHAR;noise``. Modifiers: ``@once`` fires a fault only the first time
for this fault + layer + frame, across processes, using marker files in ``LRC_STANDIN_STATE_DIR``
created with ``O_CREAT | O_EXCL`` so two renders cannot both fire it; ``@layer=NAME`` limits a fault
to one layer (node name ``rs_X`` or artist name ``X``).

Frame faults (``crash_at``, ``crash_after``, ``hang_at``, ``skip``, ``empty``, ``cuda_error``) are
tested per layer and frame: ``crash_at=N`` dies in the middle of frame N, ``crash_after=N`` right
after frame N's image was written and reported (between frames). Run faults (``crash_startup``,
``license``, ``plugin_load`` (the renderer's plug-in fails to load; the process still exits 0),
``slow_start``, ``silent_work``, ``noise``, ``hang_after_last``, ``exit_code``,
``ignore_term``) apply to the whole process; with ``@layer`` they apply when that layer is one of
the run's layers. ``ignore_term`` makes the worker ignore SIGTERM, like a renderer stuck in a driver
call, so only a kill stops it.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.standin.image_paths import artist_layer_name

#: Environment variables read by the stand-in for faults.
FAULTS_ENV: str = "LRC_STANDIN_FAULTS"
STATE_DIR_ENV: str = "LRC_STANDIN_STATE_DIR"

#: Exit code for an invalid fault spec or stand-in knob (a test bug, not a render failure).
BAD_SPEC_EXIT_CODE: int = 2

#: Value type per fault kind: "frame" (int, required), "frame?" (int, optional), "seconds"
#: (float >= 0, required), "seconds?" (optional), "code" (int 0..255, required), None (no value).
_KINDS: dict[str, str | None] = {
    "crash_at": "frame",
    "crash_after": "frame",
    "crash_startup": None,
    "hang_at": "frame",
    "hang_after_last": None,
    "skip": "frame",
    "empty": "frame",
    "license": None,
    "plugin_load": None,
    "cuda_error": "frame?",
    "noise": None,
    "silent_work": "seconds?",
    "slow_start": "seconds",
    "exit_code": "code",
    "ignore_term": None,
}

FRAME_FAULT_KINDS: frozenset[str] = frozenset(
    {"crash_at", "crash_after", "hang_at", "skip", "empty", "cuda_error"}
)


class FaultSpecError(ValueError):
    """``LRC_STANDIN_FAULTS`` (or a related knob) cannot be parsed."""


@dataclass(frozen=True)
class Fault:
    """One parsed fault item.

    Attributes:
        kind: Fault kind (a key of the table in this module).
        text: The item as written, used as the identity of ``@once`` markers.
        frame: Frame the fault is tied to, for frame faults (``None``: any frame where optional).
        number: Seconds or exit code for kinds that take one.
        once: Fire only the first time (per fault + layer + frame), across processes.
        layer: Only for this layer (node or artist name), or ``None`` for all layers.
    """

    kind: str
    text: str
    frame: int | None = None
    number: float | None = None
    once: bool = False
    layer: str | None = None

    def matches_layer(self, layer: str) -> bool:
        """Return whether this fault applies to a layer.

        Args:
            layer: Node name (``rs_CHAR``) or artist name (``CHAR``).

        Returns:
            True when the fault has no ``@layer`` or names the same layer.
        """
        if self.layer is None:
            return True
        # Comparing artist names makes "CHAR", "rs_CHAR" and their counterparts equivalent.
        return artist_layer_name(self.layer) == artist_layer_name(layer)


@dataclass
class FaultPlan:
    """The faults of one stand-in process and the ``@once`` bookkeeping.

    Attributes:
        faults: Parsed fault items, in spec order.
        state_dir: Folder for ``@once`` markers (required when any fault uses ``@once``).
    """

    faults: tuple[Fault, ...] = ()
    state_dir: Path | None = None
    _fired_here: set[str] = field(default_factory=set, init=False, repr=False)

    def frame_fault(self, kind: str, layer: str, frame: int, first_frame: bool) -> Fault | None:
        """Return the fault of ``kind`` that fires at this layer and frame, or None.

        Args:
            kind: A frame fault kind.
            layer: The layer being rendered (as given to ``-rl``).
            frame: The scene frame about to be rendered.
            first_frame: Whether this is the process's first rendered frame (``cuda_error``
                without a frame fires there).

        Returns:
            The firing fault; a ``@once`` fault fires only if this call claims its marker.
        """
        for fault in self.faults:
            if fault.kind != kind or not fault.matches_layer(layer):
                continue
            hit = frame == fault.frame if fault.frame is not None else first_frame
            if hit and self._claim(fault, f"{layer}|{frame}"):
                return fault
        return None

    def run_fault(self, kind: str, layers: Sequence[str]) -> Fault | None:
        """Return the run-level fault of ``kind`` that applies to a run of ``layers``, or None.

        Args:
            kind: A run fault kind.
            layers: The run's layers (as given to ``-rl``).

        Returns:
            The firing fault; a ``@once`` fault fires only if this call claims its marker.
        """
        for fault in self.faults:
            if fault.kind != kind or not any(fault.matches_layer(name) for name in layers):
                continue
            if self._claim(fault, ",".join(layers)):
                return fault
        return None

    def _claim(self, fault: Fault, where: str) -> bool:
        """Return whether ``fault`` may fire at ``where``; ``@once`` claims a marker file."""
        if not fault.once:
            return True
        key = f"{fault.text}|{where}"
        if key in self._fired_here:
            # The same process asking twice (e.g. a re-check) keeps its earlier answer.
            return True
        if self.state_dir is None:
            raise FaultSpecError(f"{fault.text}: @once needs {STATE_DIR_ENV}")
        self.state_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        marker = self.state_dir / f"once-{digest}.marker"
        try:
            # O_EXCL makes the create-if-absent atomic: of two racing renders only one fires.
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, f"{key}\npid {os.getpid()}\n".encode())
        finally:
            os.close(fd)
        self._fired_here.add(key)
        return True


def parse_faults(spec: str | None, state_dir: str | None = None) -> FaultPlan:
    """Parse a ``LRC_STANDIN_FAULTS`` value.

    Args:
        spec: The spec; ``None`` or blank means no faults.
        state_dir: ``LRC_STANDIN_STATE_DIR`` (needed by ``@once``).

    Returns:
        The fault plan.

    Raises:
        FaultSpecError: Unknown kind or modifier, a missing/extra/malformed value, or ``@once``
            without a state directory.
    """
    faults = tuple(_parse_item(item.strip()) for item in _items(spec or ""))
    state = Path(state_dir) if state_dir else None
    if state is None and any(fault.once for fault in faults):
        raise FaultSpecError(f"@once is used but {STATE_DIR_ENV} is not set")
    return FaultPlan(faults=faults, state_dir=state)


def _items(spec: str) -> Iterable[str]:
    """Yield the non-blank ``;``-separated items of a spec."""
    return (item for item in spec.split(";") if item.strip())


def _parse_item(item: str) -> Fault:
    """Parse one ``kind[=value][@mod...]`` item."""
    head, *mods = item.split("@")
    kind, has_value, raw_value = (part.strip() for part in head.partition("="))
    if kind not in _KINDS:
        raise FaultSpecError(
            f'{FAULTS_ENV} item "{item}": unknown fault "{kind}" '
            f"(known: {', '.join(sorted(_KINDS))})"
        )
    value_type = _KINDS[kind]
    frame: int | None = None
    number: float | None = None
    if value_type is None:
        if has_value:
            raise FaultSpecError(f'{FAULTS_ENV} item "{item}": "{kind}" takes no value')
    elif not has_value or not raw_value:
        if not value_type.endswith("?"):
            raise FaultSpecError(f'{FAULTS_ENV} item "{item}": "{kind}" needs a value ({kind}=...)')
    elif value_type.startswith("frame"):
        frame = _int_value(item, raw_value)
    elif value_type.startswith("seconds"):
        number = _seconds_value(item, raw_value)
    else:
        code = _int_value(item, raw_value)
        if not 0 <= code <= 255:
            raise FaultSpecError(f'{FAULTS_ENV} item "{item}": exit code must be 0..255')
        number = float(code)
    once = False
    layer: str | None = None
    for mod in (mod.strip() for mod in mods):
        if mod == "once":
            once = True
        elif mod.startswith("layer=") and mod[len("layer=") :].strip():
            layer = mod[len("layer=") :].strip()
        else:
            raise FaultSpecError(
                f'{FAULTS_ENV} item "{item}": unknown modifier "@{mod}" (known: @once, @layer=NAME)'
            )
    return Fault(kind=kind, text=item, frame=frame, number=number, once=once, layer=layer)


def _int_value(item: str, raw: str) -> int:
    """Parse an integer fault value."""
    try:
        return int(raw)
    except ValueError:
        raise FaultSpecError(f'{FAULTS_ENV} item "{item}": "{raw}" is not an integer') from None


def _seconds_value(item: str, raw: str) -> float:
    """Parse a non-negative, finite seconds value."""
    try:
        seconds = float(raw)
    except ValueError:
        raise FaultSpecError(f'{FAULTS_ENV} item "{item}": "{raw}" is not a number') from None
    if not math.isfinite(seconds) or seconds < 0:
        raise FaultSpecError(f'{FAULTS_ENV} item "{item}": seconds must be >= 0 and finite')
    return seconds
