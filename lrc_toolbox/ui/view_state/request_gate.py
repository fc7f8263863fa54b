"""At most one request in flight; one asked for meanwhile runs once, when the first ends.

The History tab re-reads the job store every few seconds, after every job start and end, and on
Refresh; it reads the selected job's details after every list read and on every click. Those reads
run on a worker and may be slow (a big store, a network home folder): sending each one would pile
reads up behind each other, and their answers could arrive out of order. A :class:`RequestGate`
sends the first request at once, remembers only the latest one asked for while it runs, and sends
that one when the first reports it ended. Pure Python (no Qt, no threads): the owner calls
:meth:`~RequestGate.request` and :meth:`~RequestGate.finished` on one thread (the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["RequestGate"]

Send = Callable[[], None]


class RequestGate:
    """Lets one request through at a time and keeps the latest one asked for meanwhile.

    Example::

        gate = RequestGate()
        gate.request(lambda: runner.run(read, on_done, on_error))  # sent now
        gate.request(lambda: ...)   # remembered (a read is in flight)
        gate.request(send_latest)   # replaces the remembered one
        gate.finished()             # from on_done/on_error: send_latest is sent now
    """

    def __init__(self) -> None:
        self._in_flight = False
        self._waiting: Send | None = None

    @property
    def in_flight(self) -> bool:
        """True from a sent request until :meth:`finished`."""
        return self._in_flight

    @property
    def waiting(self) -> bool:
        """True when a request is remembered for when the one in flight ends."""
        return self._waiting is not None

    def request(self, send: Send) -> bool:
        """Send a request now, or remember it when one is in flight.

        Args:
            send: Starts the request (for example hands a read to a worker). It must lead to
                exactly one :meth:`finished` call, when the request ends either way.

        Returns:
            True when ``send`` was called now; False when it waits (replacing any request that
            was waiting: only the latest one matters).
        """
        if self._in_flight:
            self._waiting = send
            return False
        self._in_flight = True
        try:
            send()
        except BaseException:
            self._in_flight = False  # nothing is in flight: the next request goes through
            raise
        return True

    def finished(self) -> None:
        """The request in flight ended (success or error): send the waiting one, if any."""
        self._in_flight = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.request(waiting)

    def drop_waiting(self) -> None:
        """Forget the waiting request (what it asked for is no longer wanted)."""
        self._waiting = None
