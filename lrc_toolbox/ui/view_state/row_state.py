"""The state of a row of the Active Renders table, and the order states sort in.

Apart from :mod:`.render_rows` so that the status words (:mod:`.status_words`) and the rows can
both use it without importing each other.
"""

from __future__ import annotations

from lrc_toolbox.utils.str_enum import StrEnum

__all__ = ["STATE_SORT_ORDER", "RowState"]


class RowState(StrEnum):
    """What a row is doing (the spec's states, plus Stopped); its words come from
    :func:`~lrc_toolbox.ui.view_state.status_words.task_words`."""

    WAITING = "Waiting"
    RENDERING = "Rendering"
    RETRYING = "Retrying"
    DONE = "Done"
    FAILED = "Failed"
    STOPPED = "Stopped"

    @property
    def is_active(self) -> bool:
        """True while a render process may still be running for the row."""
        return self in (RowState.RENDERING, RowState.RETRYING)


#: Order of states when sorting by status: what needs attention first.
STATE_SORT_ORDER: dict[RowState, int] = {
    RowState.FAILED: 0,
    RowState.RETRYING: 1,
    RowState.RENDERING: 2,
    RowState.WAITING: 3,
    RowState.STOPPED: 4,
    RowState.DONE: 5,
}
