"""One clock for the engine: monotonic time for durations, wall time for files and records.

Everything in a job that needs the time (the supervisor, the task monitors whose notes carry an
``at``, the watchdog's inputs, the status rows) asks the same :class:`Clock`, so no code ever
subtracts two readings taken from different clocks. Durations, deadlines and timeouts use
:meth:`Clock.monotonic`; comparing with a file's modification time needs the wall clock, and
:meth:`Clock.wall_at` turns a monotonic instant into the wall time it corresponds to, on the
same clock.

Tests inject a :class:`ManualClock` and move time by hand (no sleeps).
"""

from __future__ import annotations

import threading
import time


class Clock:
    """The machine's clocks (``time.monotonic`` and ``time.time``) behind one object."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (durations, deadlines, timeouts)."""
        return time.monotonic()

    def wall(self) -> float:
        """Seconds since the epoch (what file modification times are measured in)."""
        return time.time()

    def wall_at(self, monotonic_s: float) -> float:
        """The wall time of an instant read earlier from :meth:`monotonic`.

        Args:
            monotonic_s: A value returned by this clock's :meth:`monotonic`.

        Returns:
            ``wall() - (monotonic() - monotonic_s)``: both readings come from this one clock.
        """
        return self.wall() - (self.monotonic() - monotonic_s)


#: The clock every engine object uses unless a test gives it another.
SYSTEM_CLOCK = Clock()


class ManualClock(Clock):
    """A clock that moves only when told to (tests and simulations).

    Monotonic and wall time move together, as they do on a real machine. Reading it from several
    threads is safe.

    Args:
        monotonic_s: The starting monotonic reading.
        wall_s: The starting wall time (seconds since the epoch).
    """

    def __init__(self, monotonic_s: float = 1000.0, wall_s: float = 1_700_000_000.0) -> None:
        self._lock = threading.Lock()
        self._monotonic = float(monotonic_s)
        self._wall = float(wall_s)

    def monotonic(self) -> float:
        """The current monotonic reading."""
        with self._lock:
            return self._monotonic

    def wall(self) -> float:
        """The current wall time."""
        with self._lock:
            return self._wall

    def wall_at(self, monotonic_s: float) -> float:
        """The wall time of an earlier monotonic reading (one consistent snapshot)."""
        with self._lock:
            return self._wall - (self._monotonic - monotonic_s)

    def advance(self, seconds: float) -> None:
        """Move both clocks forward.

        Args:
            seconds: How far (0 or more).

        Raises:
            ValueError: ``seconds`` is negative: a monotonic clock never goes back.
        """
        if seconds < 0:
            raise ValueError(f"a clock cannot go back ({seconds}s)")
        with self._lock:
            self._monotonic += seconds
            self._wall += seconds


__all__ = ["SYSTEM_CLOCK", "Clock", "ManualClock"]
