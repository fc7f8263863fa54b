"""End-of-job notifications inside Maya: an in-view message and a Script Editor line.

Engine events arrive on engine threads; everything here is handed to Maya's main thread with
``executeDeferred`` (Maya's API is not thread-safe). Failed frames are named in the message.
"""

from __future__ import annotations

from collections.abc import Callable

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.notifications import job_finished_message
from lrc_toolbox.maya import host

#: Seconds the in-view message stays before fading.
IN_VIEW_STAY_MS = 6000


def show_in_view(title: str, body: str) -> None:
    """Show ``title``/``body`` as a viewport message and print it (call on Maya's main thread)."""
    cmds = host.maya_cmds
    safe_title = title.replace("<", "&lt;").replace(">", "&gt;")
    safe_body = body.replace("<", "&lt;").replace(">", "&gt;")
    cmds.inViewMessage(
        amg=f"<hl>{safe_title}</hl>  {safe_body}",
        pos="topCenter",
        fade=True,
        fadeStayTime=IN_VIEW_STAY_MS,
    )
    line = f"LRC Batch Render: {title}. {body}"
    if "fail" in title.lower() or "cancel" in title.lower():
        cmds.warning(line)
    else:
        print(line)


def job_finished_notifier(
    defer: Callable[..., None] | None = None,
) -> Callable[[ev.Event], None]:
    """An engine subscriber that shows the end-of-job message on Maya's main thread."""
    hand_over = defer or host.defer

    def on_event(event: ev.Event) -> None:
        if isinstance(event, ev.JobFinished):
            title, body = job_finished_message(event)
            hand_over(show_in_view, title, body)

    return on_event
