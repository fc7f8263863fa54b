"""Steps with a progress display and Cancel, for work that must run on Maya's main thread.

Long work (reading every layer's settings, exporting a heavy scene) runs in steps; between steps
the display is updated and Cancel is checked. The display is the caller's callback when one is
given (the dialog's own bar), else Maya's ``progressWindow`` in an interactive session, else nothing
(``mayapy``, where there is no UI).
"""

from __future__ import annotations

from types import TracebackType

from lrc_toolbox.core.scene_source import PreparationCancelled, ProgressCallback
from lrc_toolbox.maya import host

#: The progress window counts in these units (Maya's window takes integers).
PROGRESS_STEPS: int = 100


class StepProgress:
    """A progress display for one long operation; use it as a context manager.

    Args:
        title: The window title (``LRC Toolbox: scene snapshot``).
        callback: ``(fraction, message) -> False to cancel``; when given, no window is opened.
        window: Open Maya's progress window when there is no callback (None: only when Maya has
            a UI).
    """

    def __init__(
        self, title: str, callback: ProgressCallback | None = None, window: bool | None = None
    ) -> None:
        self._title = title
        self._callback = callback
        self._want_window = window
        self._window_open = False

    def __enter__(self) -> StepProgress:
        want = self._want_window
        if self._callback is None and (want or (want is None and not host.is_batch())):
            host.maya_cmds.progressWindow(
                title=self._title,
                progress=0,
                status="Starting",
                isInterruptable=True,
                maxValue=PROGRESS_STEPS,
            )
            self._window_open = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the window (idempotent; also done on leaving the ``with`` block)."""
        if self._window_open:
            self._window_open = False
            host.maya_cmds.progressWindow(endProgress=True)

    def step(self, fraction: float, message: str) -> None:
        """Show progress, then check Cancel.

        Args:
            fraction: 0..1 of the whole operation.
            message: What is happening now, in the artist's words.

        Raises:
            PreparationCancelled: The artist pressed Cancel (or the callback returned False).
        """
        fraction = min(1.0, max(0.0, fraction))
        if self._callback is not None:
            if self._callback(fraction, message) is False:
                raise PreparationCancelled(f"cancelled while: {message}")
            return
        if self._window_open:
            cmds = host.maya_cmds
            cmds.progressWindow(
                edit=True, progress=int(round(fraction * PROGRESS_STEPS)), status=message
            )
            if cmds.progressWindow(query=True, isCancelled=True):
                raise PreparationCancelled(f"cancelled while: {message}")

    def sub(self, start: float, end: float) -> SubProgress:
        """A view of this display for one part of the work (``start``..``end`` of the whole)."""
        return SubProgress(self, start, end)


class SubProgress:
    """Maps a part's own 0..1 onto its share of a :class:`StepProgress`."""

    def __init__(self, parent: StepProgress, start: float, end: float) -> None:
        self._parent, self._start, self._end = parent, start, end

    def step(self, fraction: float, message: str) -> None:
        """Like :meth:`StepProgress.step`, with ``fraction`` of this part."""
        self._parent.step(self._start + (self._end - self._start) * fraction, message)
