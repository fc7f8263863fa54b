"""End-of-job notification of the standalone app: a system-tray message.

The standalone dialog (``lrc-batch-render-gui``) is often behind other windows while it renders;
when a job ends, a tray message says so, naming failed frames
(:func:`~lrc_toolbox.core.notifications.job_finished_message`, the same words as Maya's in-view
message and the dialog's message bar). Only where the desktop has a system tray
(``QSystemTrayIcon.isSystemTrayAvailable()``); inside Maya the Maya layer shows its own in-view
message, so this module is used by :mod:`lrc_toolbox.ui.standalone` only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from Qt import QtCore, QtWidgets

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.notifications import job_finished_message

_LOG = logging.getLogger(__name__)

#: How long the tray message stays (the desktop may cap it).
TRAY_MESSAGE_MS: int = 10_000
TRAY_TOOLTIP: str = "LRC Batch Render"


def system_tray_available() -> bool:
    """True when the desktop has a system tray to show messages in."""
    return bool(QtWidgets.QSystemTrayIcon.isSystemTrayAvailable())


def make_tray_icon(window: QtWidgets.QWidget) -> QtWidgets.QSystemTrayIcon:
    """A tray icon owned by ``window`` (its icon, or a standard one); clicking brings it back."""
    icon = window.windowIcon()
    if icon.isNull():
        icon = window.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ComputerIcon)
    tray = QtWidgets.QSystemTrayIcon(icon, window)
    tray.setToolTip(TRAY_TOOLTIP)

    def bring_back(*_args: object) -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    tray.messageClicked.connect(bring_back)
    tray.activated.connect(bring_back)
    return tray


class TrayNotifier(QtCore.QObject):
    """Shows a tray message for each finished job it is told about (GUI thread).

    Args:
        tray: The tray icon (``QSystemTrayIcon`` or anything with ``showMessage``/``hide``).
        parent: Owner.
        message_ms: How long each message stays.
    """

    def __init__(
        self, tray: Any, parent: QtCore.QObject | None = None, message_ms: int = TRAY_MESSAGE_MS
    ) -> None:
        super().__init__(parent)
        self.tray = tray
        self._message_ms = message_ms
        self._shown: set[str] = set()

    def notify(self, event: ev.JobFinished) -> None:
        """Show the end-of-job message of ``event`` (once per job)."""
        if event.job_id in self._shown:
            return
        self._shown.add(event.job_id)
        title, body = job_finished_message(event)
        icon = (
            QtWidgets.QSystemTrayIcon.MessageIcon.Information
            if event.ok
            else QtWidgets.QSystemTrayIcon.MessageIcon.Warning
        )
        try:
            self.tray.showMessage(title, body, icon, self._message_ms)
        except RuntimeError as exc:  # the icon was deleted with its window: nothing to show on
            _LOG.warning("tray message not shown: %s", exc)

    def hide(self) -> None:
        """Remove the icon from the tray (the app is closing)."""
        try:
            self.tray.hide()
        except RuntimeError:  # already deleted with its window
            pass


def install_tray_notifier(
    dialog: Any,
    *,
    available: Callable[[], bool] | None = None,
    make_tray: Callable[[Any], Any] | None = None,
) -> TrayNotifier | None:
    """Show a tray message whenever ``dialog`` announces a finished job.

    Args:
        dialog: A :class:`~lrc_toolbox.ui.dialogs.batch_render_dialog.BatchRenderDialog` (its
            ``job_finished`` signal carries the engine's ``JobFinished`` event).
        available: Whether a system tray exists (default :func:`system_tray_available`).
        make_tray: Makes the tray icon for the dialog (default :func:`make_tray_icon`).

    Returns:
        The notifier, or None when there is no system tray (nothing is shown then; the
        dialog's message bar still says the job ended).
    """
    if not (available or system_tray_available)():
        _LOG.info("no system tray: end-of-job messages appear in the dialog only")
        return None
    tray = (make_tray or make_tray_icon)(dialog)
    tray.show()
    notifier = TrayNotifier(tray, dialog)
    dialog.job_finished.connect(notifier.notify)
    return notifier
