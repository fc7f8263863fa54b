"""Machine-wide GPU slot leases: never two renders on one GPU slot, whichever process started them.

The dialog, the API and the CLI may run in several processes at once (a TD runs the CLI while the
artist's dialog renders). Before launching on a slot, a job takes that slot's *lease*: a small JSON
file in a machine-wide folder, created atomically while holding a short-lived lock on the folder.

A lease names two processes: the manager that took it and the render it launched. Renders outlive
a crashed manager (they write to their own log file), so a lease is stale only when *both* are gone;
each is checked by pid **and** process start time, so a recycled pid never keeps a lease alive nor
adopts one. Stale leases are reclaimed automatically by the next process that wants the slot.
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
        lock_path = self.folder / "leases.lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            _lock_fd(fd)
            yield
        finally:
            _unlock_fd(fd)
            os.close(fd)

    def read(self, key: str) -> Lease | None:
        """The lease on a slot, or None (also None for an unreadable, half-written file)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Lease(**data)
        except (OSError, ValueError, TypeError):
            return None

    def acquire(self, key: str, *, job_id: str, task_id: str) -> Lease | None:
        """Take the lease on a slot; None when a live process holds it. Stale leases are reclaimed."""
        with self._locked():
            current = self.read(key)
            path = self._path(key)
            if current is not None and current.is_alive():
                return None  # a live manager or render holds it (possibly another of our tasks)
            if path.exists():
                # Stale (both processes gone) or unreadable: reclaim it.
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            lease = Lease(key, self._pid, self._create_time, job_id, task_id,
                          socket.gethostname(), time.time())
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

    def adopt(self, key: str, *, job_id: str, task_id: str, render_pid: int,
              render_create_time: float | None) -> Lease:
        """Take over the lease of a render this process re-attached to (after a manager crash)."""
        with self._locked():
            lease = Lease(key, self._pid, self._create_time, job_id, task_id,
                          socket.gethostname(), time.time(), render_pid, render_create_time)
            self._write(self._path(key), lease)
            return lease

    def release(self, lease: Lease) -> None:
        """Give a slot back (only if the lease on disk is still this one)."""
        with self._locked():
            current = self.read(lease.slot_key)
            if _same_lease(current, lease):
                with contextlib.suppress(FileNotFoundError):
                    self._path(lease.slot_key).unlink()

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
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(asdict(lease)), encoding="utf-8")
        os.replace(tmp, path)  # readers never see a half-written lease
        with contextlib.suppress(OSError):
            path.chmod(0o666)


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
