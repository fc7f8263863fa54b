"""``StrEnum``: the base of every enum whose members travel as text (JSON, the store, the CLI).

A member *is* its value: it compares equal to the plain string, hashes like it, and JSON, SQLite
parameters and f-strings see only the value, so swapping a bare string for a member changes no
output. Python 3.11 has :class:`enum.StrEnum`; this one also runs on 3.10 (Maya 2022-2024), and on
every version formats exactly like the value (``f"{TaskState.RUNNING}"`` is ``running``; a plain
``(str, Enum)`` gives ``TaskState.RUNNING`` on 3.11+).
"""

from __future__ import annotations

import enum

__all__ = ["StrEnum"]


class StrEnum(str, enum.Enum):
    """An enum of strings that prints, formats and serialises as its value."""

    def __str__(self) -> str:
        """The value, as a plain string."""
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        """Format the value (f-strings and ``str.format`` show ``running``, not the name)."""
        return format(str(self.value), format_spec)
