"""The dialog's small modal helpers: a yes/no question, opening a path, the prepare progress.

Kept apart from the dialog so it stays a layout and a set of reactions; each helper is replaceable
in tests (the dialog's ``confirm`` and ``open_path`` attributes).
"""

from __future__ import annotations

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.ui.qt_compat import exec_modal

__all__ = ["PREPARE_PROGRESS_DELAY_MS", "PrepareProgress", "ask_yes_no", "open_local_path"]

#: Prepare progress dialogs appear only for preparations longer than this.
PREPARE_PROGRESS_DELAY_MS: int = 400


def ask_yes_no(parent: QtWidgets.QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question in a modal box; True for Yes (No is the default)."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No
    )
    box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
    exec_modal(box)
    # Compare buttons, not exec()'s int: the bindings differ in how they type it.
    return box.clickedButton() == box.button(QtWidgets.QMessageBox.StandardButton.Yes)


def open_local_path(path: str) -> bool:
    """Open a file or folder with the desktop's default application; False if that failed."""
    return bool(QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(path)))


class PrepareProgress:
    """The ``prepare`` progress callback: a progress dialog with Cancel, shown only if slow.

    Args:
        parent: The window the progress dialog is modal to.
    """

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self._parent = parent
        self._dialog: QtWidgets.QProgressDialog | None = None

    def __call__(self, fraction: float, message: str) -> bool:
        """Show progress; False once the user pressed Cancel (the preparation then stops)."""
        if self._dialog is None:
            dialog = QtWidgets.QProgressDialog(
                "Preparing the scene…", "Cancel", 0, 1000, self._parent
            )
            dialog.setWindowTitle("Batch Render")
            dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PREPARE_PROGRESS_DELAY_MS)
            dialog.setAutoClose(False)
            self._dialog = dialog
        self._dialog.setLabelText(message or "Preparing the scene…")
        self._dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        # Maya exports on its main thread in steps: let the Cancel button be clicked between them.
        QtCore.QCoreApplication.processEvents()
        return not self._dialog.wasCanceled()

    def finish(self) -> None:
        """Close the progress dialog, if it was shown."""
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
