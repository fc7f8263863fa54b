"""The job store's one SQLite connection: opening a file, and short transactions on it.

* One SQLite file (stdlib :mod:`sqlite3`) in WAL mode. WAL lets readers (a history dialog,
  ``lrc-batch-render status``) run while the manager writes.
* Every write is its own ``BEGIN IMMEDIATE`` transaction. A deferred transaction that later wants
  to write can fail at once with "database is locked" in WAL mode (its snapshot is stale and the
  busy handler is not consulted); taking the write lock up front makes concurrent writers wait in
  the busy handler (``PRAGMA busy_timeout``) instead.
* One connection per store, shared by threads under a :class:`threading.Lock`. Several stores
  (threads or processes) on the same file are coordinated by SQLite's own locking.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from lrc_toolbox.core.job_store_errors import DamagedStoreError, JobStoreError, StoreBusyError
from lrc_toolbox.core.job_store_schema import migrate

__all__ = [
    "BUSY_NOTICE_S",
    "BUSY_TIMEOUT_S",
    "MOVE_ASIDE_HINT",
    "BusyNotice",
    "StoreConnection",
    "store_error",
]

# This module's own logger name, as in every module (tests/test_logger_names.py).
_LOG = logging.getLogger(__name__)

#: How long a writer waits for another writer's lock before giving up. Generous on purpose: a
#: 100k-frame job insert on a slow network home folder can hold the lock for seconds.
BUSY_TIMEOUT_S: float = 30.0
#: A writer that waited this long says why (once) before it waits on: nobody should stare at a
#: silent command for half a minute.
BUSY_NOTICE_S: float = 2.0
#: One wait of SQLite's own busy handler; the wait is repeated up to :data:`BUSY_TIMEOUT_S`.
_BUSY_SLICE_S: float = 0.5

#: What to do with a store that cannot be used as it is.
MOVE_ASIDE_HINT = "move it aside (rename it) and a new, empty store is made on the next run"

#: Callback told (once per wait) that the store is busy: one line for the user.
BusyNotice = Callable[[str], None]


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    # Python 3.10 has no ``sqlite_errorcode``; SQLITE_BUSY/SQLITE_LOCKED read the same in text.
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_damaged(exc: sqlite3.Error) -> bool:
    """SQLite found the file is not (or no longer) a sound database."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "corrupt" in text
    )


def store_error(path: Path, exc: sqlite3.Error, doing: str = "") -> JobStoreError:
    """The one-line error for a failed store operation: what to do with the file, no traceback.

    Args:
        path: The store file.
        exc: SQLite's error.
        doing: What was being done (``commit``), for the message.
    """
    what = f"{doing}: " if doing else ""
    if _is_damaged(exc):
        return DamagedStoreError(f"job store {path} is damaged ({what}{exc}): {MOVE_ASIDE_HINT}")
    if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
        return StoreBusyError(
            f"job store {path} is locked by another process (waited {BUSY_TIMEOUT_S:g} s, "
            f"{what}{exc}): let that process finish, or {MOVE_ASIDE_HINT}"
        )
    return JobStoreError(f"job store {path}: {what}{exc}")


def _enable_wal(conn: sqlite3.Connection) -> str:
    """Switch the file to WAL (a persistent property of the file) and return the journal mode.

    Converting needs an exclusive lock and SQLite does not run the busy handler for it, so
    processes opening a fresh file together would fail at once with "database is locked"
    (seen about 1 open in 60 with 8 processes). Read the mode first (after the first open there
    is nothing to convert and no lock to take), else retry with backoff within the busy budget.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay_s = 0.005
    while True:
        try:
            mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            if mode == "wal":
                return mode
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(delay_s)
        delay_s = min(delay_s * 2, 0.1)


class StoreConnection:
    """The connection to one store file, opened (WAL, pragmas, schema migrated) on creation.

    Args:
        path: The store file (its folder exists).

    Raises:
        JobStoreError: The file is not a usable SQLite store, or has a newer schema.
    """

    def __init__(self, path: Path, *, on_busy: BusyNotice | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._owner_pid = os.getpid()
        self._on_busy = on_busy
        self._conn: sqlite3.Connection | None = None
        if path.exists() and not path.is_file():
            raise JobStoreError(f"job store {path} is not a file: {MOVE_ASIDE_HINT}")
        try:
            conn = sqlite3.connect(
                str(self._path),
                timeout=_BUSY_SLICE_S,
                isolation_level=None,  # autocommit; transactions are explicit BEGIN IMMEDIATE
                check_same_thread=False,  # guarded by self._lock instead
            )
        except sqlite3.Error as exc:
            raise store_error(self._path, exc, "cannot open it") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_SLICE_S * 1000):d}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = _enable_wal(conn)
            if mode != "wal":
                # Network filesystems may refuse WAL; the store still works, readers just block.
                _LOG.warning(
                    "job store %s: WAL not available, journal mode is %s", self._path, mode
                )
            # In WAL mode NORMAL loses nothing when the *process* dies (only on power loss),
            # and saves an fsync per transaction.
            conn.execute("PRAGMA synchronous = NORMAL")
            self._retry_busy(lambda: migrate(conn), "opening it")
        except sqlite3.Error as exc:
            conn.close()
            raise store_error(self._path, exc, "cannot use it") from exc
        except JobStoreError as exc:
            conn.close()
            if "newer than this lrc_toolbox" in str(exc):
                raise JobStoreError(
                    f"job store {self._path} was written by a newer lrc_toolbox ({exc}); or "
                    f"{MOVE_ASIDE_HINT}"
                ) from exc
            raise
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    @property
    def is_open(self) -> bool:
        """False once :meth:`close` was called."""
        return self._conn is not None

    def close(self) -> None:
        """Close the connection. Safe to call twice; the store cannot be used afterwards."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JobStoreError(f"job store {self._path} is closed")
        if os.getpid() != self._owner_pid:
            # SQLite forbids carrying an open connection across fork(): its locks would be shared.
            raise JobStoreError(
                f"job store {self._path} was opened in process {self._owner_pid}; "
                "open a new JobStore in this process"
            )
        return self._conn

    def _retry_busy(self, action: Callable[[], object], doing: str) -> None:
        """Run ``action``, waiting out another process's lock (saying so) up to the budget."""
        started = time.monotonic()
        told = False
        while True:
            try:
                action()
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                waited = time.monotonic() - started
                if waited >= BUSY_TIMEOUT_S:
                    raise
                if not told and waited >= BUSY_NOTICE_S:
                    told = True
                    message = (
                        f"job store {self._path} is locked by another process ({doing}): "
                        f"waiting up to {BUSY_TIMEOUT_S:g} s"
                    )
                    _LOG.warning("%s", message)
                    if self._on_busy is not None:
                        self._on_busy(message)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding SQLite's write lock from the start."""
        with self._lock:
            conn = self._connection()
            try:
                self._retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"), "writing")
            except sqlite3.Error as exc:
                raise store_error(self._path, exc) from exc
            try:
                yield conn
            except sqlite3.Error as exc:
                self._rollback(conn)
                raise store_error(self._path, exc) from exc
            except BaseException:
                self._rollback(conn)
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback(conn)
                raise store_error(self._path, exc, "commit failed") from exc

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        # SQLite rolls back by itself on some errors (disk full, I/O); a second ROLLBACK would
        # raise and hide the real error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One read; a single SELECT in autocommit mode already sees one consistent snapshot."""
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise store_error(self._path, exc) from exc
