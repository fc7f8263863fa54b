"""The job store's errors: one base class, and a subclass per thing a caller may want to catch."""

from __future__ import annotations

__all__ = [
    "DamagedStoreError",
    "DataDirError",
    "InvalidTransitionError",
    "JobClaimedError",
    "JobExistsError",
    "JobStoreError",
    "NotFoundError",
    "StoreBusyError",
]


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


class DamagedStoreError(JobStoreError):
    """The store file is not (or no longer) a sound SQLite database: it must be moved aside."""


class StoreBusyError(JobStoreError):
    """Another process held the store's write lock longer than the wait allows."""


class JobClaimedError(JobStoreError):
    """A process asked to manage a job that has ended or that another live process manages.

    Attributes:
        holder_pid: The live manager's pid, or None when the job has ended.
    """

    def __init__(self, message: str, holder_pid: int | None) -> None:
        super().__init__(message)
        self.holder_pid = holder_pid
