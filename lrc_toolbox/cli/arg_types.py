"""Argument types shared by the CLI's commands: the text a user typed, turned into a value.

Each raises :class:`argparse.ArgumentTypeError` with one line naming what was expected, which
:class:`~lrc_toolbox.cli.cli_output.OneLineArgumentParser` prints as the command's one error line
(exit 2). Ranges the engine also checks for the API (renders per GPU, retries, timeouts) are left
to the planner, so the CLI and the API give the same message.
"""

from __future__ import annotations

import argparse

__all__ = ["at_least_one", "chunk_size", "days", "seconds", "whole_number"]


def whole_number(text: str) -> int:
    """An integer option; its range is the planner's to check."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def at_least_one(text: str) -> int:
    """A count that must be 1 or more (``history --limit``)."""
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def seconds(text: str) -> float:
    """A duration in seconds; its range is the planner's to check (``inf`` means no limit)."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None


def days(text: str) -> float:
    """A number of days, 0 or more (``history --prune-days``); NaN is refused too."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more days (got {text})")
    return value


def chunk_size(text: str) -> int | None:
    """``auto`` (None: the engine sizes chunks) or a number of frames per task."""
    if text.strip().lower() == "auto":
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not 'auto' or a number of frames") from None
