"""The render manager's memory: jobs, tasks and frames in one SQLite file.

The store is what survives a Maya crash. The manager writes every state change here in a short
transaction, so another process can re-open the file after the manager died, show the history,
resume the frames still missing, or re-attach to renders that are still running (found by
``pid`` plus process create time, which together identify a process even after pid reuse).

Design notes:

* One SQLite file (stdlib :mod:`sqlite3`) in WAL mode under a per-user data folder (see
  :func:`data_dir`). WAL lets readers (a history dialog, ``lrc-batch-render status``) run while the
  manager writes.
* Every write is its own ``BEGIN IMMEDIATE`` transaction. A deferred transaction that later wants
  to write can fail at once with "database is locked" in WAL mode (its snapshot is stale and the
  busy handler is not consulted); taking the write lock up front makes concurrent writers wait in
  the busy handler (``PRAGMA busy_timeout``) instead.
* One connection per :class:`JobStore`, shared by threads under a :class:`threading.Lock`.
  Several stores (threads or processes) on the same file are coordinated by SQLite's own locking.
* The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` holds one step per
  version, so later work appends a step (``ALTER TABLE ... ADD COLUMN``) instead of editing one.
* State machines are tables (:data:`TASK_TRANSITIONS`, :data:`JOB_TRANSITIONS`,
  :data:`FRAME_TRANSITIONS`); anything else raises :class:`InvalidTransitionError`. Frame states
  that mean "a verified image exists" (``done``, ``skipped_existing``) are final and *sticky*:
  reports that would change them are ignored rather than rejected, because a killed task's frames
  that already have verified images stay done.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import re
import secrets
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lrc_toolbox.config.batch_render_defaults import DATA_DIR_ENV
from lrc_toolbox.core.models import FrameState, JobState, TaskState

__all__ = [
    "APP_DIR_NAME",
    "BUSY_TIMEOUT_S",
    "FRAME_TRANSITIONS",
    "JOB_TRANSITIONS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STORE_FILE_NAME",
    "TASK_TRANSITIONS",
    "DataDirError",
    "FrameRecord",
    "InvalidTransitionError",
    "JobExistsError",
    "JobRecord",
    "JobStore",
    "JobStoreError",
    "NotFoundError",
    "TaskRecord",
    "data_dir",
    "default_store_path",
    "migrate",
    "new_job_id",
    "resolve_data_dir",
]

_LOG = logging.getLogger(__name__)

#: Folder name under the platform's per-user data location.
APP_DIR_NAME: str = "lrc_toolbox"

#: File name of the store inside :func:`data_dir`.
STORE_FILE_NAME: str = "jobs.sqlite3"

#: How long a writer waits for another writer's lock before giving up. Generous on purpose: a
#: 100k-frame job insert on a slow network home folder can hold the lock for seconds.
BUSY_TIMEOUT_S: float = 30.0

#: Mode of the data folder when this module creates it: job configs and log paths are private.
DATA_DIR_MODE: int = 0o700

#: Host parameters per ``IN (...)`` query; far below SQLite's oldest limit of 999.
_IN_CHUNK_SIZE: int = 500

#: Job ids end up in folder and file names (logs, temp scenes), so they stay path-safe.
_JOB_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

#: SQLite INTEGER is a signed 64-bit value.
_SQLITE_INT_MIN = -(2**63)
_SQLITE_INT_MAX = 2**63 - 1


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------
class JobStoreError(RuntimeError):
    """The job store could not do what was asked (locked too long, unreadable file, closed...)."""


class InvalidTransitionError(JobStoreError):
    """A job, task or frame was asked to move to a state its state machine does not allow."""


class NotFoundError(JobStoreError, LookupError):
    """A job, task or frame the caller named is not in the store."""


class JobExistsError(JobStoreError, ValueError):
    """A job or task id is already taken."""


class DataDirError(JobStoreError, ValueError):
    """The per-user data folder cannot be used (a file is in the way, no permission...)."""


# --------------------------------------------------------------------------------------------------
# State machines
# --------------------------------------------------------------------------------------------------
#: Allowed task moves. ``queued -> failed`` is the launch failure (no executable, spawn refused):
#: there is no pid, so the task never was ``running``.
TASK_TRANSITIONS: dict[TaskState, frozenset[TaskState]] = {
    TaskState.QUEUED: frozenset({TaskState.RUNNING, TaskState.CANCELLED, TaskState.FAILED}),
    TaskState.RUNNING: frozenset(
        {TaskState.SUCCEEDED, TaskState.FAILED, TaskState.KILLED, TaskState.CANCELLED}
    ),
    TaskState.SUCCEEDED: frozenset(),
    TaskState.FAILED: frozenset(),
    TaskState.KILLED: frozenset(),
    TaskState.CANCELLED: frozenset(),
}

#: Allowed job moves. ``running -> running`` is accepted as a no-op (every task start may say so);
#: ``queued -> failed`` covers a job that dies while preparing (scene snapshot failed, no GPU).
JOB_TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.CANCELLED, JobState.FAILED}),
    JobState.RUNNING: frozenset(
        {JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED}
    ),
    JobState.SUCCEEDED: frozenset(),
    JobState.FAILED: frozenset(),
    JobState.CANCELLED: frozenset(),
}

#: Allowed frame moves. ``rendering -> pending`` hands a frame back (its task stopped before it);
#: ``failed -> pending`` is a retry; ``pending -> failed`` gives up a frame that never got a turn
#: (job cancelled, launch failed, the layer hit a fatal error): its ``attempts`` stays as it was.
FRAME_TRANSITIONS: dict[FrameState, frozenset[FrameState]] = {
    FrameState.PENDING: frozenset(
        {FrameState.RENDERING, FrameState.FAILED, FrameState.SKIPPED_EXISTING}
    ),
    FrameState.RENDERING: frozenset({FrameState.PENDING, FrameState.DONE, FrameState.FAILED}),
    FrameState.FAILED: frozenset({FrameState.PENDING, FrameState.SKIPPED_EXISTING}),
    FrameState.DONE: frozenset(),
    FrameState.SKIPPED_EXISTING: frozenset(),
}

#: Frame states backed by a verified image on disk; later reports never change them.
_STICKY_FRAME_STATES = frozenset({FrameState.DONE, FrameState.SKIPPED_EXISTING})

_FINAL_JOB_STATES = frozenset(state for state, nxt in JOB_TRANSITIONS.items() if not nxt)


# --------------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------------
# No CHECK constraints on state columns: SQLite cannot alter a CHECK without rebuilding the table,
# and the state machines above are enforced in Python anyway.
_SCHEMA_V1: tuple[str, ...] = (
    """
    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        state TEXT NOT NULL,
        scene TEXT NOT NULL,
        config_json TEXT NOT NULL,
        manager_pid INTEGER,
        manager_create_time REAL,
        host TEXT,
        "user" TEXT,
        reason TEXT,
        ended_at REAL
    )
    """,
    "CREATE INDEX jobs_created_at ON jobs (created_at)",
    "CREATE INDEX jobs_state ON jobs (state)",
    """
    CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        layers_json TEXT NOT NULL,
        frames_json TEXT NOT NULL,
        gpu TEXT,
        slot INTEGER,
        attempt INTEGER NOT NULL,
        state TEXT NOT NULL,
        pid INTEGER,
        pid_create_time REAL,
        exit_code INTEGER,
        reason TEXT,
        log_path TEXT,
        temp_scene TEXT,
        argv_json TEXT,
        queued_at REAL NOT NULL,
        started_at REAL,
        ended_at REAL
    )
    """,
    "CREATE INDEX tasks_job_id ON tasks (job_id)",
    "CREATE INDEX tasks_state ON tasks (state)",
    """
    CREATE TABLE frames (
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        frame INTEGER NOT NULL,
        state TEXT NOT NULL,
        task_id TEXT,
        gpu TEXT,
        output_path TEXT,
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        started_at REAL,
        ended_at REAL,
        PRIMARY KEY (job_id, layer, frame)
    )
    """,
    "CREATE INDEX frames_job_state ON frames (job_id, state)",
)

#: ``MIGRATIONS[i]`` takes a store from ``user_version`` *i* to *i + 1*. Append, never edit.
#: Version 2: peak GPU memory per task (history), when NVML can tell.
_SCHEMA_V2: tuple[str, ...] = ("ALTER TABLE tasks ADD COLUMN peak_gpu_memory INTEGER",)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_SCHEMA_V1, _SCHEMA_V2)

#: The ``user_version`` this code writes and expects.
SCHEMA_VERSION: int = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring a store's schema up to :data:`SCHEMA_VERSION`.

    Runs in one ``BEGIN IMMEDIATE`` transaction and re-reads ``user_version`` inside it, so two
    processes opening a fresh file at once do not both create the tables.

    Args:
        conn: An open connection in autocommit mode (``isolation_level=None``), not inside a
            transaction.

    Returns:
        The schema version the store had before (0 for a new file).

    Raises:
        JobStoreError: The file was written by a newer version of this module (its schema is
            unknown here), or SQLite failed.
    """
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
        # Up to date: no write lock needed, so a read-only copy of a store still opens.
        return SCHEMA_VERSION
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if before > SCHEMA_VERSION:
            raise JobStoreError(
                f"job store schema version {before} is newer than this lrc_toolbox understands "
                f"({SCHEMA_VERSION}); upgrade lrc_toolbox or point {DATA_DIR_ENV} elsewhere"
            )
        for version in range(before, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        if before != SCHEMA_VERSION:
            # user_version is part of the database header, so it commits with the DDL above.
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return before


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    # Python 3.10 has no ``sqlite_errorcode``; SQLITE_BUSY/SQLITE_LOCKED read the same in text.
    text = str(exc).lower()
    return "locked" in text or "busy" in text


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


# --------------------------------------------------------------------------------------------------
# Where the store lives
# --------------------------------------------------------------------------------------------------
def resolve_data_dir(
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> Path:
    """Compute the per-user data folder without touching the disk.

    Order: ``$LRC_TOOLBOX_DATA_DIR`` (used as-is, ``~`` expanded, made absolute); otherwise
    Windows ``%LOCALAPPDATA%\\lrc_toolbox``, macOS ``~/Library/Application Support/lrc_toolbox``,
    elsewhere ``$XDG_DATA_HOME/lrc_toolbox`` (only an absolute value counts, as the XDG spec says)
    or ``~/.local/share/lrc_toolbox``.

    Args:
        environ: Environment to read (default :data:`os.environ`).
        platform: A :data:`sys.platform` value (default: this machine's).
        home: The user's home folder (default :meth:`Path.home`).

    Returns:
        The absolute folder path.
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    override = env.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(os.path.abspath(os.path.expanduser(override)))
    home_dir = Path.home() if home is None else home
    if plat.startswith("win"):
        local = env.get("LOCALAPPDATA", "").strip()
        base = Path(local) if local else home_dir / "AppData" / "Local"
    elif plat == "darwin":
        base = home_dir / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "").strip()
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home_dir / ".local" / "share"
    return base / APP_DIR_NAME


def _ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (mode 0700) unless it exists; leave an existing folder's mode alone."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=DATA_DIR_MODE, parents=True)
    except FileExistsError:
        # Another process may have created it between the check above and here.
        if folder.is_dir():
            return
        raise DataDirError(f"data folder {folder} exists but is not a directory") from None
    except OSError as exc:
        raise DataDirError(
            f"cannot create data folder {folder}: {exc.strerror or exc} "
            f"(set {DATA_DIR_ENV} to a writable folder)"
        ) from exc
    if os.name == "posix":
        # mkdir's mode is filtered by the umask; an odd umask (0177) would lock us out.
        try:
            os.chmod(folder, DATA_DIR_MODE)
        except OSError as exc:  # some network mounts refuse chmod; the folder still works
            _LOG.warning("could not make data folder %s private: %s", folder, exc)


def data_dir() -> Path:
    """Return the per-user data folder, creating it (mode 0700) when missing.

    See :func:`resolve_data_dir` for where it is.

    Returns:
        The absolute folder path; it exists when this returns.

    Raises:
        DataDirError: The folder cannot be created, or a file is in its place.
    """
    folder = resolve_data_dir()
    _ensure_private_dir(folder)
    return folder


def default_store_path() -> Path:
    """Return the default store file, ``<data_dir>/jobs.sqlite3`` (its folder is created).

    Returns:
        The file path (the file itself is created by :class:`JobStore`).

    Raises:
        DataDirError: The data folder cannot be created.
    """
    return data_dir() / STORE_FILE_NAME


def new_job_id(now: float | None = None) -> str:
    """Make a new job id such as ``20261123-145233-ab12cd``.

    The time part is UTC, so ids sort by creation time everywhere and across daylight-saving
    changes; the 24 random bits make two jobs started in the same second distinct. Ids started in
    the same second sort in random order.

    Args:
        now: Seconds since the epoch to stamp (default: now).

    Returns:
        The id: ``YYYYMMDD-HHMMSS-xxxxxx`` (lower-case hex).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(time.time() if now is None else now))
    return f"{stamp}-{secrets.token_hex(3)}"


# --------------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class JobRecord:
    """One job as stored.

    Attributes:
        id: Job id.
        created_at: Seconds since the epoch.
        updated_at: Last change to the job, one of its tasks or frames.
        state: Job state.
        scene: The scene file the artist rendered (not the temp snapshot).
        config: The render configuration as given to :meth:`JobStore.create_job` (parsed JSON).
        manager_pid: Pid of the process that ran the job, if recorded.
        manager_create_time: That process's create time (psutil), to tell a reused pid apart.
        host: Host name of the machine that created the job.
        user: Login name that created the job.
        reason: Why the job ended the way it did (free text), if given.
        ended_at: When the job reached a final state.
    """

    id: str
    created_at: float
    updated_at: float
    state: JobState
    scene: str
    config: dict[str, Any]
    manager_pid: int | None
    manager_create_time: float | None
    host: str | None
    user: str | None
    reason: str | None
    ended_at: float | None


@dataclass(frozen=True)
class TaskRecord:
    """One task (one ``Render`` process launch) as stored.

    Attributes:
        id: Task id.
        job_id: Owning job.
        layers: Render layers (artist names) the process renders.
        frames: Frames the process renders.
        gpu: GPU UUID or index it is pinned to; ``None`` for a CPU render.
        slot: Scheduler slot number, if any.
        attempt: Attempt number of this chunk (retries get a higher one).
        state: Task state.
        pid: Process id once running.
        pid_create_time: The process's create time (psutil), to re-attach safely after pid reuse.
        exit_code: Exit status once ended, if known.
        reason: Why it ended (free text), if given.
        log_path: The task's log file.
        temp_scene: The scene snapshot it renders.
        argv: The exact command line launched (empty until started).
        queued_at: When the task was added.
        started_at: When the process was launched.
        ended_at: When the task reached a final state.
    """

    id: str
    job_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    gpu: str | None
    slot: int | None
    attempt: int
    state: TaskState
    pid: int | None
    pid_create_time: float | None
    exit_code: int | None
    reason: str | None
    log_path: str | None
    temp_scene: str | None
    argv: tuple[str, ...]
    queued_at: float
    started_at: float | None
    ended_at: float | None
    peak_gpu_memory: int | None = None


@dataclass(frozen=True)
class FrameRecord:
    """One (layer, frame) of a job as stored.

    Attributes:
        job_id: Owning job.
        layer: Render layer (artist name).
        frame: Frame number.
        state: Frame state; only ``done`` means a verified, non-empty image exists.
        task_id: The task that last rendered (or is rendering) it.
        gpu: The GPU it was last rendered on (``None``: CPU or never).
        output_path: The verified image, once known.
        reason: Why it failed or was retried, if given.
        attempts: How many times it entered ``rendering``.
        started_at: When it last entered ``rendering``.
        ended_at: When it last reached ``done``, ``failed`` or ``skipped_existing``.
    """

    job_id: str
    layer: str
    frame: int
    state: FrameState
    task_id: str | None
    gpu: str | None
    output_path: str | None
    reason: str | None
    attempts: int
    started_at: float | None
    ended_at: float | None


# --------------------------------------------------------------------------------------------------
# Input checks (one clear ValueError instead of a traceback from inside sqlite3)
# --------------------------------------------------------------------------------------------------
def _check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not _JOB_ID_RE.match(value):
        raise ValueError(
            f"{what} must be 1-128 characters of letters, digits, '.', '_' or '-' starting with "
            f"a letter or digit, got {value!r}"
        )
    return value


def _check_text(value: object, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    return value


def _check_int(
    value: object, what: str, *, optional: bool = False, minimum: int | None = None
) -> int | None:
    if value is None and optional:
        return None
    # bool is an int subclass; True as a frame number is a bug upstream, not frame 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{what} must be an integer, got {value!r}")
    if not _SQLITE_INT_MIN <= value <= _SQLITE_INT_MAX:
        raise ValueError(f"{what} {value} is outside the 64-bit range the store can hold")
    if minimum is not None and value < minimum:
        raise ValueError(f"{what} must be >= {minimum}, got {value}")
    return value


def _check_float(value: object, what: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"{what} must be a number or None, got {value!r}")
    return float(value)


def _check_frames(frames: object, what: str) -> list[int]:
    """Validate a frame list; duplicates are dropped (first occurrence kept)."""
    if isinstance(frames, (str, bytes)) or not isinstance(frames, Iterable):
        raise ValueError(f"{what} must be a sequence of integers, got {frames!r}")
    out: list[int] = []
    seen: set[int] = set()
    for frame in frames:
        _check_int(frame, f"{what}: frame")
        if frame not in seen:
            seen.add(frame)
            out.append(frame)
    return out


def _check_strings(values: object, what: str) -> list[str]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValueError(f"{what} must be a sequence of strings, got {values!r}")
    out = list(values)
    for item in out:
        if not isinstance(item, str):
            raise ValueError(f"{what} must hold strings only, got {item!r}")
    return out


def _coerce_state(value: object, enum_type: type, what: str) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise ValueError(f"{what} must be one of {allowed}; got {value!r}") from None


def _to_json(value: object, what: str) -> str:
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} cannot be stored as JSON: {exc}") from exc


def _from_json(text: str | None, default: Any) -> Any:
    return default if text is None else json.loads(text)


def _login_name() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        # No USER/LOGNAME and no passwd entry (some containers): not worth failing a job over.
        return None


# --------------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------------
class JobStore:
    """Thread- and process-safe store of jobs, tasks and frames in one SQLite file.

    Every method is one short transaction. Share one instance between threads freely; other
    processes open their own instance on the same file.

    Args:
        path: Store file; ``None`` for :func:`default_store_path`. Missing parent folders are
            created (mode 0700).
        clock: Source of timestamps (seconds since the epoch); tests pass a fake one.

    Raises:
        DataDirError: The folder for the file cannot be created.
        JobStoreError: The file is not a usable SQLite store, or has a newer schema.
    """

    def __init__(
        self, path: str | Path | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._path = default_store_path() if path is None else Path(path).expanduser().absolute()
        if path is not None:
            _ensure_private_dir(self._path.parent)
        self._clock = clock
        self._lock = threading.Lock()
        self._owner_pid = os.getpid()
        self._conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                str(self._path),
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,  # autocommit; transactions are explicit BEGIN IMMEDIATE
                check_same_thread=False,  # guarded by self._lock instead
            )
        except sqlite3.Error as exc:
            raise JobStoreError(f"cannot open job store {self._path}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000):d}")
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
            migrate(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise JobStoreError(f"cannot use job store {self._path}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    # ---------------------------------------------------------------------------------- plumbing
    @property
    def path(self) -> Path:
        """The store file."""
        return self._path

    def close(self) -> None:
        """Close the connection. Safe to call twice; the store cannot be used afterwards."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> JobStore:
        """Return the store itself."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the store."""
        self.close()

    def __repr__(self) -> str:
        """Show the file and whether the store is open."""
        state = "closed" if self._conn is None else "open"
        return f"JobStore({str(self._path)!r}, {state})"

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

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding SQLite's write lock from the start."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise JobStoreError(f"job store {self._path}: {exc}") from exc
            try:
                yield conn
            except sqlite3.Error as exc:
                self._rollback(conn)
                raise JobStoreError(f"job store {self._path}: {exc}") from exc
            except BaseException:
                self._rollback(conn)
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback(conn)
                raise JobStoreError(f"job store {self._path}: commit failed: {exc}") from exc

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        # SQLite rolls back by itself on some errors (disk full, I/O); a second ROLLBACK would
        # raise and hide the real error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read; a single SELECT in autocommit mode already sees one consistent snapshot."""
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise JobStoreError(f"job store {self._path}: {exc}") from exc

    def _touch_job(self, conn: sqlite3.Connection, job_id: str, now: float) -> None:
        conn.execute("UPDATE jobs SET updated_at = ? WHERE id = ?", (now, job_id))

    # ---------------------------------------------------------------------------------- jobs
    def create_job(
        self,
        *,
        job_id: str,
        scene: str,
        config: Mapping[str, Any],
        frames: Mapping[str, Sequence[int]],
        manager_pid: int | None = None,
        manager_create_time: float | None = None,
    ) -> None:
        """Insert a job (state ``queued``) and all its frames (``pending``) in one transaction.

        Args:
            job_id: Id for the job (see :func:`new_job_id`); path-safe characters only.
            scene: The scene file the artist asked to render.
            config: Render configuration, JSON-serialisable (e.g. ``dataclasses.asdict`` of a
                :class:`~lrc_toolbox.core.models.RenderConfig`).
            frames: Frames per render layer. Duplicate frames within a layer are stored once.
            manager_pid: Pid of the process that runs the job.
            manager_create_time: That process's create time, so a reused pid is not mistaken
                for the manager.

        Raises:
            ValueError: An argument is malformed (bad id, non-integer frame, config not JSON).
            JobExistsError: ``job_id`` is already in the store.
            JobStoreError: SQLite failed.
        """
        _check_id(job_id, "job_id")
        _check_text(scene, "scene")
        if not isinstance(config, Mapping):
            raise ValueError(f"config must be a mapping, got {type(config).__name__}")
        config_json = _to_json(dict(config), "config")
        if not isinstance(frames, Mapping):
            raise ValueError(f"frames must be a mapping of layer -> frames, got {frames!r}")
        rows: list[tuple[str, str, int]] = []
        for layer, layer_frames in frames.items():
            _check_text(layer, "layer name")
            rows.extend((job_id, layer, f) for f in _check_frames(layer_frames, f"layer {layer}"))
        _check_int(manager_pid, "manager_pid", optional=True, minimum=0)
        create_time = _check_float(manager_create_time, "manager_create_time")
        host = socket.gethostname() or None
        user = _login_name()
        now = self._clock()
        with self._write() as conn:
            try:
                conn.execute(
                    "INSERT INTO jobs (id, created_at, updated_at, state, scene, config_json, "
                    'manager_pid, manager_create_time, host, "user") '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        job_id,
                        now,
                        now,
                        JobState.QUEUED.value,
                        scene,
                        config_json,
                        manager_pid,
                        create_time,
                        host,
                        user,
                    ),
                )
            except sqlite3.IntegrityError:
                raise JobExistsError(f"job {job_id} already exists in {self._path}") from None
            conn.executemany(
                "INSERT INTO frames (job_id, layer, frame, state) VALUES (?, ?, ?, 'pending')",
                rows,
            )

    def set_job_state(self, job_id: str, state: JobState, reason: str | None = None) -> None:
        """Move a job to ``state`` (see :data:`JOB_TRANSITIONS`).

        ``running -> running`` changes nothing. Entering a final state stamps ``ended_at``.

        Args:
            job_id: The job.
            state: The new state.
            reason: Why (stored when given; kept otherwise).

        Raises:
            ValueError: ``state`` is not a job state.
            NotFoundError: No such job.
            InvalidTransitionError: The move is not allowed (e.g. from a final state).
            JobStoreError: SQLite failed.
        """
        new = _coerce_state(state, JobState, "job state")
        _check_text(reason, "reason", optional=True)
        now = self._clock()
        with self._write() as conn:
            row = conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")
            current = JobState(row["state"])
            if new not in JOB_TRANSITIONS[current]:
                raise InvalidTransitionError(
                    f"job {job_id}: {current.value} -> {new.value} is not allowed "
                    f"(allowed: {_names(JOB_TRANSITIONS[current])})"
                )
            if new == current:
                return
            ended_at = now if new in _FINAL_JOB_STATES else None
            conn.execute(
                "UPDATE jobs SET state = ?, updated_at = ?, ended_at = ?, "
                "reason = COALESCE(?, reason) WHERE id = ?",
                (new.value, now, ended_at, reason, job_id),
            )

    def set_manager(self, job_id: str, *, pid: int, create_time: float | None) -> None:
        """Record the process that now runs a job (a resume after the first manager died).

        Args:
            job_id: The job.
            pid: The new manager's pid.
            create_time: Its start time (psutil), to tell a reused pid apart later.

        Raises:
            NotFoundError: No such job.
            JobStoreError: SQLite failed.
        """
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE jobs SET manager_pid = ?, manager_create_time = ?, updated_at = ? "
                "WHERE id = ?",
                (int(pid), create_time, self._clock(), job_id),
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")

    def get_job(self, job_id: str) -> JobRecord | None:
        """Read one job.

        Args:
            job_id: The job.

        Returns:
            The job, or ``None`` when it is not in the store.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._read() as conn:
            row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else _job_record(row)

    def list_jobs(
        self, limit: int = 50, states: Iterable[JobState] | None = None
    ) -> list[JobRecord]:
        """List jobs, newest first.

        Args:
            limit: Most jobs to return (>= 1).
            states: Only jobs in these states (default: all).

        Returns:
            Jobs ordered by creation time, newest first.

        Raises:
            ValueError: ``limit`` is not a positive integer or a state is unknown.
            JobStoreError: SQLite failed.
        """
        _check_int(limit, "limit", minimum=1)
        sql = "SELECT * FROM jobs"
        params: list[Any] = []
        if states is not None:
            wanted = sorted({_coerce_state(s, JobState, "job state").value for s in states})
            if not wanted:
                return []
            sql += f" WHERE state IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        params.append(limit)
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_job_record(row) for row in rows]

    def delete_job(self, job_id: str, *, force: bool = False) -> bool:
        """Delete a job with its tasks and frames.

        Args:
            job_id: The job.
            force: Also delete a job that is not final (a manager that died without saying so
                leaves its job ``running`` forever). Without it such a job is refused, because a
                live manager would lose its state.

        Returns:
            True when the job existed.

        Raises:
            InvalidTransitionError: The job is queued or running and ``force`` is false.
            JobStoreError: SQLite failed.
        """
        with self._write() as conn:
            row = conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return False
            if not force and JobState(row["state"]) not in _FINAL_JOB_STATES:
                raise InvalidTransitionError(
                    f"job {job_id} is {row['state']}; pass force=True to delete an unfinished job"
                )
            conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        return True

    def prune(self, older_than_s: float) -> int:
        """Delete final jobs (with tasks and frames) that ended more than ``older_than_s`` ago.

        Args:
            older_than_s: Age in seconds (>= 0), measured from the job's ``ended_at``.

        Returns:
            How many jobs were deleted.

        Raises:
            ValueError: ``older_than_s`` is negative or not a number.
            JobStoreError: SQLite failed.
        """
        age = _check_float(older_than_s, "older_than_s")
        if age is None or age < 0 or age != age:
            raise ValueError(f"older_than_s must be a number >= 0, got {older_than_s!r}")
        cutoff = self._clock() - age
        finals = sorted(s.value for s in _FINAL_JOB_STATES)
        with self._write() as conn:
            cursor = conn.execute(
                f"DELETE FROM jobs WHERE state IN ({', '.join('?' * len(finals))}) "
                "AND COALESCE(ended_at, updated_at) < ?",
                (*finals, cutoff),
            )
            return cursor.rowcount

    # ---------------------------------------------------------------------------------- tasks
    def add_task(
        self,
        *,
        task_id: str,
        job_id: str,
        layers: Sequence[str],
        frames: Sequence[int],
        gpu: str | None,
        slot: int | None,
        attempt: int,
        log_path: str | None,
        temp_scene: str | None,
    ) -> None:
        """Add a ``queued`` task to a job.

        Args:
            task_id: Unique task id (path-safe characters).
            job_id: The owning job.
            layers: Render layers (artist names) the process will render.
            frames: Frames it will render.
            gpu: Planned GPU (UUID or index); ``None`` for CPU.
            slot: Planned scheduler slot.
            attempt: Attempt number (>= 0).
            log_path: The log file it will write.
            temp_scene: The scene snapshot it will render.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such job.
            JobExistsError: ``task_id`` is taken.
            JobStoreError: SQLite failed.
        """
        _check_id(task_id, "task_id")
        layer_list = _check_strings(layers, "layers")
        frame_list = _check_frames(frames, "task frames")
        _check_text(gpu, "gpu", optional=True)
        _check_int(slot, "slot", optional=True, minimum=0)
        _check_int(attempt, "attempt", minimum=0)
        _check_text(log_path, "log_path", optional=True)
        _check_text(temp_scene, "temp_scene", optional=True)
        now = self._clock()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
                raise NotFoundError(f"no job {job_id!r} in {self._path}")
            try:
                conn.execute(
                    "INSERT INTO tasks (id, job_id, layers_json, frames_json, gpu, slot, attempt, "
                    "state, log_path, temp_scene, queued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        task_id,
                        job_id,
                        json.dumps(layer_list),
                        json.dumps(frame_list),
                        gpu,
                        slot,
                        attempt,
                        TaskState.QUEUED.value,
                        log_path,
                        temp_scene,
                        now,
                    ),
                )
            except sqlite3.IntegrityError:
                raise JobExistsError(f"task {task_id} already exists in {self._path}") from None
            self._touch_job(conn, job_id, now)

    def task_started(
        self,
        task_id: str,
        *,
        pid: int,
        pid_create_time: float | None,
        argv: Sequence[str],
        gpu: str | None,
        slot: int | None,
    ) -> None:
        """Record that a task's process was launched (``queued -> running``).

        Args:
            task_id: The task.
            pid: The launched process's pid.
            pid_create_time: Its create time (psutil ``create_time()``), for re-attach.
            argv: The exact command line.
            gpu: The GPU it was actually pinned to (``None``: CPU); replaces the planned one.
            slot: The slot it actually took; replaces the planned one.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such task.
            InvalidTransitionError: The task is not ``queued``.
            JobStoreError: SQLite failed.
        """
        _check_int(pid, "pid", minimum=0)
        create_time = _check_float(pid_create_time, "pid_create_time")
        argv_json = json.dumps(_check_strings(argv, "argv"))
        _check_text(gpu, "gpu", optional=True)
        _check_int(slot, "slot", optional=True, minimum=0)
        now = self._clock()
        with self._write() as conn:
            job_id = self._move_task(conn, task_id, TaskState.RUNNING)
            conn.execute(
                "UPDATE tasks SET state = ?, pid = ?, pid_create_time = ?, argv_json = ?, "
                "gpu = ?, slot = ?, started_at = ? WHERE id = ?",
                (TaskState.RUNNING.value, pid, create_time, argv_json, gpu, slot, now, task_id),
            )
            self._touch_job(conn, job_id, now)

    def task_finished(
        self, task_id: str, *, state: TaskState, exit_code: int | None, reason: str | None
    ) -> None:
        """Record how a task ended (a final state; ``queued -> failed`` for a launch failure).

        Args:
            task_id: The task.
            state: ``succeeded``, ``failed``, ``killed`` or ``cancelled``.
            exit_code: The process's exit status, if there was a process.
            reason: Why (free text), if known.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such task.
            InvalidTransitionError: ``state`` is not reachable from the task's current state
                (a final state never changes; a non-final ``state`` is never reachable here).
            JobStoreError: SQLite failed.
        """
        new = _coerce_state(state, TaskState, "task state")
        if not new.is_final:
            raise InvalidTransitionError(
                f"task {task_id}: task_finished needs a final state, got {new.value}"
            )
        _check_int(exit_code, "exit_code", optional=True)
        _check_text(reason, "reason", optional=True)
        now = self._clock()
        with self._write() as conn:
            job_id = self._move_task(conn, task_id, new)
            conn.execute(
                "UPDATE tasks SET state = ?, exit_code = ?, reason = ?, ended_at = ? WHERE id = ?",
                (new.value, exit_code, reason, now, task_id),
            )
            self._touch_job(conn, job_id, now)

    def _move_task(self, conn: sqlite3.Connection, task_id: str, new: TaskState) -> str:
        """Check a task move inside a write transaction; return the task's job id."""
        row = conn.execute("SELECT job_id, state FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no task {task_id!r} in {self._path}")
        current = TaskState(row["state"])
        if new not in TASK_TRANSITIONS[current]:
            raise InvalidTransitionError(
                f"task {task_id}: {current.value} -> {new.value} is not allowed "
                f"(allowed: {_names(TASK_TRANSITIONS[current])})"
            )
        return str(row["job_id"])

    def set_task_peak_gpu_memory(self, task_id: str, peak_bytes: int) -> None:
        """Record the most GPU memory a task's processes used (kept if a higher value is known).

        Args:
            task_id: The task.
            peak_bytes: Bytes, as NVML reported them for the render's processes.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._write() as conn:
            conn.execute(
                "UPDATE tasks SET peak_gpu_memory = MAX(COALESCE(peak_gpu_memory, 0), ?) "
                "WHERE id = ?",
                (int(peak_bytes), task_id),
            )

    def get_task(self, task_id: str) -> TaskRecord | None:
        """Read one task.

        Args:
            task_id: The task.

        Returns:
            The task, or ``None`` when it is not in the store.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._read() as conn:
            row = conn.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else _task_record(row)

    def get_tasks(self, job_id: str) -> list[TaskRecord]:
        """Read a job's tasks in the order they were added.

        Args:
            job_id: The job.

        Returns:
            Its tasks (empty for an unknown job).

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM tasks WHERE job_id = ? ORDER BY queued_at, rowid", (job_id,)
            ).fetchall()
        return [_task_record(row) for row in rows]

    def running_tasks(self) -> list[TaskRecord]:
        """Read every ``running`` task of every job (what a re-attaching process looks for).

        Returns:
            Running tasks, oldest start first.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM tasks WHERE state = ? ORDER BY started_at, rowid",
                (TaskState.RUNNING.value,),
            ).fetchall()
        return [_task_record(row) for row in rows]

    # ---------------------------------------------------------------------------------- frames
    def set_frames_state(
        self,
        job_id: str,
        layer: str,
        frames: Iterable[int],
        state: FrameState,
        *,
        task_id: str | None = None,
        gpu: str | None = None,
        output_path: str | None = None,
        reason: str | None = None,
    ) -> list[int]:
        """Move frames of one layer to ``state`` (see :data:`FRAME_TRANSITIONS`), all or none.

        Frames already in ``state`` are left alone. Frames that are ``done`` or
        ``skipped_existing`` are kept as they are whatever is reported (a killed task's frames
        that already have verified images stay done). Any other move the table does not allow
        raises, and then nothing is changed.

        Field rules: entering ``rendering`` bumps ``attempts``, stamps ``started_at``, clears
        ``ended_at`` and ``reason`` and sets ``task_id``/``gpu`` exactly as given (``None`` gpu
        means CPU). Entering ``done``, ``failed`` or ``skipped_existing`` stamps ``ended_at``;
        ``done`` clears an old failure ``reason``. For every other field, ``None`` keeps the
        stored value.

        Args:
            job_id: The job.
            layer: The render layer.
            frames: Frame numbers (duplicates are ignored).
            state: The new state.
            task_id: The task reporting.
            gpu: The GPU it ran on.
            output_path: The verified image (with ``done`` / ``skipped_existing``).
            reason: Why (with ``failed`` or a retry to ``pending``).

        Returns:
            The frames that changed, in the order given.

        Raises:
            ValueError: An argument is malformed.
            NotFoundError: No such job, or a frame is not in the job's layer.
            InvalidTransitionError: A frame cannot make the move (nothing is changed).
            JobStoreError: SQLite failed.
        """
        new = _coerce_state(state, FrameState, "frame state")
        wanted = _check_frames(frames, "frames")
        _check_text(task_id, "task_id", optional=True)
        _check_text(gpu, "gpu", optional=True)
        _check_text(output_path, "output_path", optional=True)
        _check_text(reason, "reason", optional=True)
        now = self._clock()
        assignment, values = _frame_update_sql(new, now, task_id, gpu, output_path, reason)
        with self._write() as conn:
            current: dict[int, str] = {}
            for start in range(0, len(wanted), _IN_CHUNK_SIZE):
                chunk = wanted[start : start + _IN_CHUNK_SIZE]
                current.update(
                    conn.execute(
                        "SELECT frame, state FROM frames WHERE job_id = ? AND layer = ? "
                        f"AND frame IN ({', '.join('?' * len(chunk))})",
                        (job_id, layer, *chunk),
                    ).fetchall()
                )
            missing = [f for f in wanted if f not in current]
            if missing:
                if conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
                    raise NotFoundError(f"no job {job_id!r} in {self._path}")
                raise NotFoundError(
                    f"job {job_id} layer {layer!r} has no frame(s) {_preview(missing)}"
                )
            # Compare raw column strings: this loop runs once per frame, up to 100k times.
            keep = {s.value for s in _STICKY_FRAME_STATES} | {new.value}
            sources = {old.value for old, nxt in FRAME_TRANSITIONS.items() if new in nxt}
            changed: list[int] = []
            refused: list[str] = []
            for frame in wanted:
                old = current[frame]
                if old in sources:
                    changed.append(frame)
                elif old not in keep:
                    refused.append(f"{frame} ({old})")
            if refused:
                raise InvalidTransitionError(
                    f"job {job_id} layer {layer!r}: cannot move frame(s) {_preview(refused)} "
                    f"to {new.value}"
                )
            if changed:
                conn.executemany(
                    f"UPDATE frames SET {assignment} WHERE job_id = ? AND layer = ? AND frame = ?",
                    [(*values, job_id, layer, frame) for frame in changed],
                )
                self._touch_job(conn, job_id, now)
        return changed

    def get_frames(
        self,
        job_id: str,
        layer: str | None = None,
        states: Iterable[FrameState] | None = None,
    ) -> list[FrameRecord]:
        """Read a job's frames in the order the job listed them (layer by layer).

        Args:
            job_id: The job.
            layer: Only this layer (default: all).
            states: Only frames in these states (default: all).

        Returns:
            The frames (empty for an unknown job).

        Raises:
            ValueError: A state is unknown.
            JobStoreError: SQLite failed.
        """
        sql = "SELECT * FROM frames WHERE job_id = ?"
        params: list[Any] = [job_id]
        if layer is not None:
            sql += " AND layer = ?"
            params.append(layer)
        if states is not None:
            wanted = sorted({_coerce_state(s, FrameState, "frame state").value for s in states})
            if not wanted:
                return []
            sql += f" AND state IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        sql += " ORDER BY rowid"
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_frame_record(row) for row in rows]

    def frame_counts(self, job_id: str) -> dict[str, dict[FrameState, int]]:
        """Count a job's frames per layer and state.

        Args:
            job_id: The job.

        Returns:
            ``{layer: {state: count}}`` with every :class:`FrameState` present (zeros included),
            layers in the order the job listed them; empty for an unknown job.

        Raises:
            JobStoreError: SQLite failed.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT layer, state, COUNT(*) AS n, MIN(rowid) AS first FROM frames "
                "WHERE job_id = ? GROUP BY layer, state",
                (job_id,),
            ).fetchall()
        first_seen: dict[str, int] = {}
        counts: dict[str, dict[FrameState, int]] = {}
        for row in rows:
            layer = row["layer"]
            first_seen[layer] = min(first_seen.get(layer, row["first"]), row["first"])
            per_state = counts.setdefault(layer, dict.fromkeys(FrameState, 0))
            per_state[FrameState(row["state"])] = int(row["n"])
        return {layer: counts[layer] for layer in sorted(counts, key=first_seen.__getitem__)}


# --------------------------------------------------------------------------------------------------
# Row helpers
# --------------------------------------------------------------------------------------------------
def _names(states: Iterable[Any]) -> str:
    names = sorted(state.value for state in states)
    return ", ".join(names) if names else "nothing, it is final"


def _preview(items: Sequence[Any], limit: int = 10) -> str:
    shown = ", ".join(str(item) for item in items[:limit])
    return shown if len(items) <= limit else f"{shown} and {len(items) - limit} more"


def _frame_update_sql(
    new: FrameState,
    now: float,
    task_id: str | None,
    gpu: str | None,
    output_path: str | None,
    reason: str | None,
) -> tuple[str, tuple[Any, ...]]:
    """The ``SET`` clause (fixed text, no user data) and its values for a move to ``new``."""
    sets = ["state = ?"]
    values: list[Any] = [new.value]
    if new == FrameState.RENDERING:
        # Entering rendering is an assignment: whatever ran it before no longer applies.
        sets += ["task_id = ?", "gpu = ?", "reason = ?", "attempts = attempts + 1"]
        sets += ["started_at = ?", "ended_at = NULL"]
        values += [task_id, gpu, reason, now]
    else:
        sets += ["task_id = COALESCE(?, task_id)", "gpu = COALESCE(?, gpu)"]
        values += [task_id, gpu]
        # A done frame has no error to show; elsewhere keep the last reason unless told one.
        sets.append("reason = ?" if new == FrameState.DONE else "reason = COALESCE(?, reason)")
        values.append(reason)
        if new == FrameState.PENDING:
            sets.append("ended_at = NULL")
        else:
            sets.append("ended_at = ?")
            values.append(now)
    sets.append("output_path = COALESCE(?, output_path)")
    values.append(output_path)
    return ", ".join(sets), tuple(values)


def _job_record(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        id=row["id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        state=JobState(row["state"]),
        scene=row["scene"],
        config=_from_json(row["config_json"], {}),
        manager_pid=row["manager_pid"],
        manager_create_time=row["manager_create_time"],
        host=row["host"],
        user=row["user"],
        reason=row["reason"],
        ended_at=row["ended_at"],
    )


def _task_record(row: sqlite3.Row) -> TaskRecord:
    return TaskRecord(
        id=row["id"],
        job_id=row["job_id"],
        layers=tuple(_from_json(row["layers_json"], [])),
        frames=tuple(_from_json(row["frames_json"], [])),
        gpu=row["gpu"],
        slot=row["slot"],
        attempt=row["attempt"],
        state=TaskState(row["state"]),
        pid=row["pid"],
        pid_create_time=row["pid_create_time"],
        exit_code=row["exit_code"],
        reason=row["reason"],
        log_path=row["log_path"],
        temp_scene=row["temp_scene"],
        argv=tuple(_from_json(row["argv_json"], [])),
        queued_at=row["queued_at"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        peak_gpu_memory=row["peak_gpu_memory"] if "peak_gpu_memory" in row.keys() else None,
    )


def _frame_record(row: sqlite3.Row) -> FrameRecord:
    return FrameRecord(
        job_id=row["job_id"],
        layer=row["layer"],
        frame=row["frame"],
        state=FrameState(row["state"]),
        task_id=row["task_id"],
        gpu=row["gpu"],
        output_path=row["output_path"],
        reason=row["reason"],
        attempts=row["attempts"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
    )
