"""A one-message strip above the buttons: what just happened, or what is wrong and what to do.

Non-modal on purpose: a pop-up per failed frame (or per refused start) would stop an artist who
is working in Maya; the strip keeps the latest message, and its tooltip the recent ones. A message
may offer actions (buttons such as "Resume" / "Cancel" for a job whose manager died); the next
message replaces them.
"""

from __future__ import annotations

import html
import time
from collections import deque
from collections.abc import Callable, Sequence

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words

#: Messages remembered in the tooltip.
HISTORY_LENGTH: int = 10

_STYLES: dict[str, str] = {
    "info": "background:#2e4a62; color:#e8f1f8;",
    "success": "background:#2f5d34; color:#e9f6ea;",
    "warning": "background:#6b5410; color:#fff6dc;",
    "error": "background:#6e2622; color:#ffe9e7;",
}

#: An action offered with a message: (button text, what clicking it does).
MessageAction = tuple[str, Callable[[], None]]


class MessageBar(QtWidgets.QFrame):
    """Shows the latest message with its level; hidden until the first one.

    Args:
        parent: Owner.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._level = ""
        self._history: deque[str] = deque(maxlen=HISTORY_LENGTH)
        self.label = QtWidgets.QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this message")
        self.close_button.clicked.connect(self.hide)
        self._actions_box = QtWidgets.QWidget()
        self._actions_layout = QtWidgets.QHBoxLayout(self._actions_box)
        self._actions_layout.setContentsMargins(0, 0, 0, 0)
        self._action_buttons: list[QtWidgets.QPushButton] = []
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self._actions_box, 0, QtCore.Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        self._actions_box.setVisible(False)
        self.setVisible(False)

    @property
    def level(self) -> str:
        """Level of the latest message (``info``, ``success``, ``warning``, ``error``)."""
        return self._level

    def text(self) -> str:
        """The latest message as plain text."""
        return self.label.text()

    def action_buttons(self) -> list[QtWidgets.QPushButton]:
        """The buttons the latest message offers (empty when it offers none)."""
        return list(self._action_buttons)

    def action_button(self, text: str) -> QtWidgets.QPushButton | None:
        """The offered button labelled ``text``, or None."""
        return next((button for button in self._action_buttons if button.text() == text), None)

    def show_message(
        self, text: str, level: str = "info", actions: Sequence[MessageAction] = ()
    ) -> None:
        """Show ``text`` (plain; several lines allowed) at ``level``.

        Args:
            text: The message.
            level: ``info``, ``success``, ``warning`` or ``error``.
            actions: Buttons to offer with it, each (text, callback); clicking one calls its
                callback (on the GUI thread).
        """
        text = in_dialog_words(text)  # the engine's words name CLI flags; the dialog's name fields
        self._set_actions(actions)
        self._level = level if level in _STYLES else "info"
        self.label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.label.setText(text)
        self.setStyleSheet(
            f"#messageBar {{ {_STYLES[self._level]} border-radius:3px; }}"
            f"#messageBar QLabel {{ {_STYLES[self._level]} }}"
        )
        self._history.append(f"{time.strftime('%H:%M:%S')} {text}")
        self.setToolTip("<br>".join(html.escape(item) for item in self._history))
        self.setVisible(True)

    def _set_actions(self, actions: Sequence[MessageAction]) -> None:
        for button in self._action_buttons:
            self._actions_layout.removeWidget(button)
            button.deleteLater()
        self._action_buttons = []
        for text, callback in actions:
            button = QtWidgets.QPushButton(text)
            button.setAutoDefault(False)  # Enter in the dialog must not click an offered action
            button.clicked.connect(lambda _checked=False, run=callback: run())
            self._actions_layout.addWidget(button)
            self._action_buttons.append(button)
        self._actions_box.setVisible(bool(self._action_buttons))
