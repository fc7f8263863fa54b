"""The job store's errors: one base class, and a subclass per thing a caller may want to catch."""

from __future__ import annotations

__all__ = [
    "DataDirError",
    "InvalidTransitionError",
    "JobExistsError",
    "JobStoreError",
    "NotFoundError",
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
