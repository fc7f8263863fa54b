"""What the dialog's buttons allow now, from plain facts (pure functions).

A job runs here, a job is being prepared or started, a farm submission runs, the configuration has
problems, the selected rows render, a finished job has failed frames: from these the dialog decides
what can be pressed, and why not. The widgets only show the :class:`ButtonState`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ButtonState", "button_state", "start_blocked_reason"]


@dataclass(frozen=True)
class ButtonState:
    """What can be pressed now.

    Attributes:
        can_start: No job runs, none is starting, and the configuration is valid.
        start_tooltip: Why Start is disabled (or what it does).
        can_stop_selected: A selected row is rendering.
        can_stop_all: A job is running.
        can_retry: The selected (or last) finished job has failed frames.
        can_submit_farm: The configuration is valid and nothing is being submitted.
    """

    can_start: bool = False
    start_tooltip: str = ""
    can_stop_selected: bool = False
    can_stop_all: bool = False
    can_retry: bool = False
    can_submit_farm: bool = False


def button_state(
    *,
    running: bool,
    starting: bool,
    submitting: bool,
    problems: Sequence[str],
    stop_selected: bool,
    retryable: bool,
) -> ButtonState:
    """The buttons' state.

    Args:
        running: A job of this dialog's controller runs.
        starting: A job is being prepared or started.
        submitting: A farm submission runs.
        problems: What is wrong with the configuration (first one first), including
            "Reading the scene…" while the scene is not read yet.
        stop_selected: A selected row is rendering.
        retryable: The selected (or last) job finished with failed frames.

    Returns:
        What can be pressed, with Start's tooltip saying why not.
    """
    if running:
        tip = "A job is running: stop it or wait for it to finish"
    elif starting:
        tip = "Starting…"
    elif problems:
        tip = problems[0]
    else:
        tip = "Start rendering with these settings"
    return ButtonState(
        can_start=not running and not starting and not problems,
        start_tooltip=tip,
        can_stop_selected=stop_selected,
        can_stop_all=running,
        can_retry=not running and not starting and retryable,
        can_submit_farm=not problems and not starting and not submitting,
    )


def start_blocked_reason(*, running: bool, starting: bool) -> str:
    """Why History's Re-run and Resume cannot start a job now, or ``""`` when they can."""
    if running:
        return "A job is running here: stop it or wait for it to finish"
    if starting:
        return "Starting…"
    return ""
