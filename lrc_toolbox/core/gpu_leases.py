"""Machine-wide GPU slot leases: never two renders on one GPU slot, whichever process started them.

The dialog, the API and the CLI may run in several processes at once (a TD runs the CLI while the
artist's dialog renders). Before launching on a slot, a job takes that slot's *lease*: a small JSON
file in a machine-wide folder, created atomically while holding a short-lived lock on the folder.

A lease names two processes: the manager that took it and the render it launched. Renders outlive
a crashed manager (they write to their own log file), so a lease is stale only when *both* are gone;
each is checked by pid **and** process start time, so a recycled pid never keeps a lease alive nor
adopts one. Stale leases are reclaimed automatically by the next process that wants the slot.

Several users share the default folder (``/tmp`` style: world-writable, sticky). The lock file and
the leases are therefore world-writable files; a user cannot delete another user's file there, so
a stale lease of someone else is overwritten in place instead of replaced. New files are created
with ``O_EXCL`` (never through a link someone planted), and a lease file that is not a well-formed
lease (garbage, wrong types, oversized) counts as no lease. Anyone on the machine can still write a
lease that blocks a slot: leases coordinate cooperating tools, they are not a security boundary.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

#: Environment variable overriding the lease folder (tests, or a studio-wide local path).
LEASE_DIR_ENV = "LRC_TOOLBOX_LEASE_DIR"
#: Two start times closer than this are the same process (psutil rounds differently per platform).
CREATE_TIME_TOLERANCE_S = 0.05
#: How long to wait for the folder lock before giving up on one attempt.
LOCK_TIMEOUT_S = 10.0
#: Leases and the lock file are shared by every user of the machine (see the module docstring).
SHARED_FILE_MODE = 0o666
#: A lease is a few hundred bytes; anything much bigger is not a lease and is not read whole.
MAX_LEASE_BYTES = 64 * 1024
#: Open flags that refuse to follow a symbolic link (0 where the platform has no such flag).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def lease_dir() -> Path:
    """The machine-wide lease folder (``$LRC_TOOLBOX_LEASE_DIR`` or ``<tmp>/lrc_toolbox-leases``).

    The default folder is shared by every user of the machine (GPUs are), so it is created
    world-writable with the sticky bit, like ``/tmp`` itself: users can add leases but only remove
    their own leases (stale ones are replaced through the folder lock by whoever needs the slot).
    """
    override = os.environ.get(LEASE_DIR_ENV)
    folder = Path(override) if override else Path(tempfile.gettempdir()) / "lrc_toolbox-leases"
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        if not override and sys.platform != "win32":
            with contextlib.suppress(OSError):
                folder.chmod(0o1777)
    return folder


def process_identity(pid: int | None) -> float | None:
    """The start time of ``pid`` if it runs now (None when gone or a zombie)."""
    if not pid:
        return None
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return None
        return proc.create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return None


def is_same_process(pid: int | None, create_time: float | None) -> bool:
    """True when ``pid`` runs now *and* started at ``create_time`` (not a recycled pid)."""
    if not pid or create_time is None:
        return False
    started = process_identity(pid)
    return started is not None and abs(started - create_time) <= CREATE_TIME_TOLERANCE_S


@dataclass
class Lease:
    """Who holds a GPU slot."""

    slot_key: str
    owner_pid: int
    owner_create_time: float
    job_id: str
    task_id: str
    host: str
    taken_at: float
    render_pid: int | None = None
    render_create_time: float | None = None

    def is_alive(self) -> bool:
        """True while the manager or its render still runs."""
        return is_same_process(self.owner_pid, self.owner_create_time) or is_same_process(
            self.render_pid, self.render_create_time
        )


#: Field types of a lease file; anything else makes the file "no lease" (garbage cannot crash a job).
_LEASE_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "slot_key": (str,),
    "owner_pid": (int,),
    "owner_create_time": (int, float),
    "job_id": (str,),
    "task_id": (str,),
    "host": (str,),
    "taken_at": (int, float),
    "render_pid": (int, type(None)),
    "render_create_time": (int, float, type(None)),
}


def _lease_from_json(data: object) -> Lease | None:
    """A :class:`Lease` from decoded JSON, or None when it is not exactly a lease's fields."""
    if not isinstance(data, dict) or set(data) != set(_LEASE_FIELD_TYPES):
        return None
    for name, types in _LEASE_FIELD_TYPES.items():
        value = data[name]
        if isinstance(value, bool) or not isinstance(value, types):
            return None
    return Lease(**data)


def _same_lease(current: Lease | None, lease: Lease) -> bool:
    """True when the lease on disk is the one we took (same owner process, same taking)."""
    return (
        current is not None
        and current.owner_pid == lease.owner_pid
        and current.owner_create_time == lease.owner_create_time
        and current.taken_at == lease.taken_at
    )


def slot_key(gpu: str | None, sub_index: int) -> str:
    """File-safe key of a GPU slot: the GPU's UUID (or index) and which of its renders."""
    base = gpu if gpu else "cpu"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in base)
    return f"{safe}.slot{sub_index}"


class LeaseBook:
    """Takes, updates and returns GPU slot leases in the machine-wide folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or lease_dir()
        me = psutil.Process()
        self._pid = me.pid
        self._create_time = me.create_time()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.lease"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the folder lock: check-then-create must be atomic across processes."""
        fd = self._open_lock_file(self.folder / "leases.lock")
        try:
            _lock_fd(fd)
            yield
        finally:
            _unlock_fd(fd)
            os.close(fd)

    @staticmethod
    def _open_lock_file(lock_path: Path) -> int:
        """Open (creating it shared) the folder's lock file; read-only if another user made it.

        ``flock`` works on a read-only descriptor, so a lock file created by another user whose
        umask kept it from being world-writable still serves everyone.
        """
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, SHARED_FILE_MODE)
        except PermissionError:
            return os.open(lock_path, os.O_RDONLY | _NOFOLLOW)
        if hasattr(os, "fchmod"):
            with contextlib.suppress(OSError):  # not ours to change: it is someone else's file
                os.fchmod(fd, SHARED_FILE_MODE)  # the umask must not lock other users out
        return fd

    def read(self, key: str) -> Lease | None:
        """The lease on a slot, or None (also None for an unreadable, half-written or bogus file)."""
        try:
            with open(self._path(key), "rb") as handle:
                raw = handle.read(MAX_LEASE_BYTES + 1)
        except OSError:
            return None
        if len(raw) > MAX_LEASE_BYTES:
            return None
        try:
            return _lease_from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, TypeError):
            return None

    def acquire(self, key: str, *, job_id: str, task_id: str) -> Lease | None:
        """Take the lease on a slot; None when a live process holds it. Stale leases are reclaimed."""
        with self._locked():
            current = self.read(key)
            path = self._path(key)
            if current is not None and current.is_alive():
                return None  # a live manager or render holds it (possibly another of our tasks)
            if path.exists():
                # Stale (both processes gone) or unreadable: reclaim it. Another user's file in a
                # sticky folder cannot be removed: _write then overwrites it in place.
                with contextlib.suppress(FileNotFoundError, PermissionError):
                    path.unlink()
            lease = Lease(
                key,
                self._pid,
                self._create_time,
                job_id,
                task_id,
                socket.gethostname(),
                time.time(),
            )
            self._write(path, lease)
            return lease

    def attach_render(self, lease: Lease, pid: int, create_time: float | None) -> None:
        """Record the render holding the slot (it keeps the lease alive if the manager dies)."""
        lease.render_pid = pid
        lease.render_create_time = create_time
        with self._locked():
            current = self.read(lease.slot_key)
            if _same_lease(current, lease):
                self._write(self._path(lease.slot_key), lease)

    def adopt(
        self,
        key: str,
        *,
        job_id: str,
        task_id: str,
        render_pid: int,
        render_create_time: float | None,
    ) -> Lease:
        """Take over the lease of a render this process re-attached to (after a manager crash)."""
        with self._locked():
            lease = Lease(
                key,
                self._pid,
                self._create_time,
                job_id,
                task_id,
                socket.gethostname(),
                time.time(),
                render_pid,
                render_create_time,
            )
            self._write(self._path(key), lease)
            return lease

    def release(self, lease: Lease) -> None:
        """Give a slot back (only if the lease on disk is still this one)."""
        with self._locked():
            current = self.read(lease.slot_key)
            if _same_lease(current, lease):
                path = self._path(lease.slot_key)
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                except PermissionError:
                    # Another user's file that we overwrote in place: empty it (an empty lease
                    # file is no lease) since we cannot remove it.
                    with contextlib.suppress(OSError):
                        _overwrite_in_place(path, b"")

    def holders(self) -> list[Lease]:
        """Every live lease on this machine (stale ones are not listed)."""
        found = []
        for path in sorted(self.folder.glob("*.lease")):
            lease = self.read(path.name[: -len(".lease")])
            if lease is not None and lease.is_alive():
                found.append(lease)
        return found

    @staticmethod
    def _write(path: Path, lease: Lease) -> None:
        data = json.dumps(asdict(lease)).encode("utf-8")
        # mkstemp creates with O_EXCL: a link planted under a predictable name is never followed.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if hasattr(os, "fchmod"):
                    with contextlib.suppress(OSError):
                        os.fchmod(handle.fileno(), SHARED_FILE_MODE)
            try:
                os.replace(tmp_name, path)  # readers never see a half-written lease
                return
            except PermissionError:
                # A stale lease of another user in a sticky folder cannot be replaced; it is
                # world-writable, so it is overwritten in place (under the folder lock).
                _overwrite_in_place(path, data)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)


def _overwrite_in_place(path: Path, data: bytes) -> None:
    """Replace a file's content without replacing the file (never through a symbolic link)."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _lock_fd(fd: int) -> None:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
