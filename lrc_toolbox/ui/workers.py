"""Running the controller's slow calls off the GUI thread, results back as signals.

NVML queries, planning a job (it reads the scene and queries GPUs) and farm submissions can take
seconds; the GUI thread must never wait on them. :class:`BackgroundRunner` runs a plain callable on
its own ``QThreadPool`` and delivers the result or the error to callbacks on the GUI thread
(CONVENTIONS items 4 and 7: errors cross threads as data). :class:`ResourcePoller` uses it to
refresh the System Resources panel every couple of seconds, one query at a time.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from Qt import QtCore

from lrc_toolbox.core.models import ResourceInfo

_LOG = logging.getLogger(__name__)

#: How often System Resources refreshes.
RESOURCE_REFRESH_MS: int = 2000

#: Threads of a dialog's pool: a resource query and a job start may overlap, nothing more.
POOL_THREADS: int = 2

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Call(QtCore.QRunnable):
    """One callable on the pool; reports back through the runner's signal."""

    def __init__(self, runner: BackgroundRunner, call_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python object until delivery
        self._runner = runner
        self._call_id = call_id
        self._fn = fn

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the GUI thread as data (CONVENTIONS 7)
            error = exc
        try:
            self._runner.finished_call.emit(self._call_id, result, error)
        except RuntimeError:  # the runner was deleted while we worked (dialog destroyed)
            _LOG.debug("background call %d finished after its runner was deleted", self._call_id)


class BackgroundRunner(QtCore.QObject):
    """Runs plain callables on a private thread pool; callbacks run on the GUI thread.

    Args:
        parent: Owner (create it on the GUI thread).
        max_threads: Pool size.
    """

    #: (call id, result, error) from a worker; internal, delivered queued to the GUI thread.
    finished_call = QtCore.Signal(int, object, object)

    def __init__(
        self, parent: QtCore.QObject | None = None, max_threads: int = POOL_THREADS
    ) -> None:
        super().__init__(parent)
        self._pool = QtCore.QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[_Call, DoneCallback, ErrorCallback]] = {}
        self.finished_call.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """True while a call has not been delivered yet."""
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_done: DoneCallback, on_error: ErrorCallback) -> int:
        """Run ``fn`` on the pool; ``on_done(result)`` or ``on_error(exc)`` follows on this thread.

        Returns:
            An id for the call.
        """
        call_id = next(self._ids)
        call = _Call(self, call_id, fn)
        self._pending[call_id] = (call, on_done, on_error)
        self._pool.start(call)
        return call_id

    def wait_for_done(self, timeout_ms: int = 5000) -> bool:
        """Wait for running calls (shutdown and tests only); True when all ended."""
        return bool(self._pool.waitForDone(timeout_ms))

    @QtCore.Slot(int, object, object)
    def _deliver(self, call_id: int, result: Any, error: Any) -> None:
        entry = self._pending.pop(call_id, None)
        if entry is None:
            return
        _call, on_done, on_error = entry
        if error is not None:
            on_error(error)
        else:
            on_done(result)


class ResourcePoller(QtCore.QObject):
    """Refreshes :class:`ResourceInfo` every :data:`RESOURCE_REFRESH_MS` off the GUI thread.

    One query at a time: a slow NVML call skips ticks instead of piling up threads.

    Args:
        runner: Where the query runs.
        make_query: Called on the GUI thread at each refresh; returns the plain callable that
            runs on a worker (so the query never reads widgets from the worker thread).
        parent: Owner.
        interval_ms: Refresh period.
    """

    resources_ready = QtCore.Signal(object)
    resources_failed = QtCore.Signal(str)

    def __init__(
        self,
        runner: BackgroundRunner,
        make_query: Callable[[], Callable[[], ResourceInfo]],
        parent: QtCore.QObject | None = None,
        interval_ms: int = RESOURCE_REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._make_query = make_query
        self._in_flight = False
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        """Refresh now and then periodically."""
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        """Stop refreshing (the dialog is hidden: nobody looks)."""
        self._timer.stop()

    @property
    def active(self) -> bool:
        """True while periodic refresh is on."""
        return bool(self._timer.isActive())

    def refresh(self) -> None:
        """Start one query unless one is still running."""
        if self._in_flight:
            return
        query = self._make_query()
        self._in_flight = True
        self._runner.run(query, self._on_done, self._on_error)

    def _on_done(self, info: Any) -> None:
        self._in_flight = False
        self.resources_ready.emit(info)

    def _on_error(self, error: BaseException) -> None:
        self._in_flight = False
        _LOG.warning("system resource query failed: %r", error)
        self.resources_failed.emit(f"{type(error).__name__}: {error}")
