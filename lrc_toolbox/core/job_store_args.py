"""Checking what callers hand the job store, and making new job ids.

Every check raises one clear :class:`ValueError` naming the argument, instead of a traceback from
inside :mod:`sqlite3` (or, worse, a stored value nobody can read back).
"""

from __future__ import annotations

import getpass
import json
import re
import secrets
import time
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

__all__ = [
    "check_float",
    "check_frames",
    "check_id",
    "check_int",
    "check_strings",
    "check_text",
    "coerce_state",
    "login_name",
    "new_job_id",
    "to_json",
]

#: A state enum (job, task or frame) a text is coerced into.
StateT = TypeVar("StateT", bound=Enum)

#: Job ids end up in folder and file names (logs, temp scenes), so they stay path-safe.
_JOB_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

#: SQLite INTEGER is a signed 64-bit value.
_SQLITE_INT_MIN = -(2**63)
_SQLITE_INT_MAX = 2**63 - 1


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


def check_id(value: object, what: str) -> str:
    """``value`` if it is a path-safe id (job or task), else :class:`ValueError`."""
    if not isinstance(value, str) or not _JOB_ID_RE.match(value):
        raise ValueError(
            f"{what} must be 1-128 characters of letters, digits, '.', '_' or '-' starting with "
            f"a letter or digit, got {value!r}"
        )
    return value


def check_text(value: object, what: str, *, optional: bool = False) -> str | None:
    """``value`` if it is a non-empty string (or ``None`` when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
    return value


def check_int(
    value: object, what: str, *, optional: bool = False, minimum: int | None = None
) -> int | None:
    """``value`` if it is an integer SQLite can hold, at least ``minimum`` when given."""
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


def check_float(value: object, what: str) -> float | None:
    """``value`` as a float, ``None`` kept; booleans and non-numbers are refused."""
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"{what} must be a number or None, got {value!r}")
    return float(value)


def check_frames(frames: object, what: str) -> list[int]:
    """Validate a frame list; duplicates are dropped (first occurrence kept)."""
    if isinstance(frames, (str, bytes)) or not isinstance(frames, Iterable):
        raise ValueError(f"{what} must be a sequence of integers, got {frames!r}")
    out: list[int] = []
    seen: set[int] = set()
    for frame in frames:
        check_int(frame, f"{what}: frame")
        if frame not in seen:
            seen.add(frame)
            out.append(frame)
    return out


def check_strings(values: object, what: str) -> list[str]:
    """``values`` as a list if it is a sequence of strings (a lone string is refused)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValueError(f"{what} must be a sequence of strings, got {values!r}")
    out = list(values)
    for item in out:
        if not isinstance(item, str):
            raise ValueError(f"{what} must hold strings only, got {item!r}")
    return out


def coerce_state(value: object, enum_type: type[StateT], what: str) -> StateT:
    """``value`` as a member of ``enum_type``, else a :class:`ValueError` listing the members."""
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise ValueError(f"{what} must be one of {allowed}; got {value!r}") from None


def to_json(value: object, what: str) -> str:
    """``value`` as JSON text (no NaN), else a :class:`ValueError` naming ``what``."""
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} cannot be stored as JSON: {exc}") from exc


def login_name() -> str | None:
    """The user's login name, or ``None`` where the system cannot tell."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        # No USER/LOGNAME and no passwd entry (some containers): not worth failing a job over.
        return None
