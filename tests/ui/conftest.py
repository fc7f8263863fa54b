"""Fixtures for the dialog's tests: offscreen Qt, settings in a temp folder, a fake controller.

``QT_QPA_PLATFORM=offscreen`` is set before anything imports Qt, so the tests run on a machine
without a display (CI, the PySide2 leg). QSettings' user scope is pointed at the test's temp folder:
no test reads or writes the real user's settings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

try:  # the controller tests run without Qt; the widget tests skip themselves without it
    from Qt import QtCore
except ImportError:
    QtCore = None

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import FakeController  # noqa: E402

QT_MISSING = "Qt is not installed (pip install Qt.py 'PySide6-Essentials<6.12' pytest-qt)"


@pytest.fixture(autouse=True, scope="session")
def _usable_binding() -> None:
    """Fail with the fix instead of crashing midway on a binding known to abort."""
    if QtCore is None:
        return
    from lrc_toolbox.ui.qt_compat import binding_problem

    problem = binding_problem()
    if problem:
        pytest.fail(problem, pytrace=False)


def pytest_report_header(config: pytest.Config) -> str:
    """Say which binding the UI tests ran under (the PySide2 and PySide6 legs look alike)."""
    if QtCore is None:
        return f"Qt binding: none ({QT_MISSING})"
    import Qt

    return f"Qt binding: {Qt.__binding__} {Qt.__qt_version__} (Qt.py {Qt.__version__})"


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Path:
    """Every QSettings (user scope, INI) of a test lives in that test's temp folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    if QtCore is None:
        return folder
    QtCore.QSettings.setPath(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(folder)
    )
    return folder


@pytest.fixture()
def settings_file(tmp_path: Path) -> QtCore.QSettings:
    """An INI QSettings file in the test's temp folder."""
    return QtCore.QSettings(str(tmp_path / "dialog.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture()
def fake_controller() -> FakeController:
    """A controller that behaves like the engine, driven by the test."""
    return FakeController()


@pytest.fixture()
def make_dialog(qtbot, settings_file):
    """Build (and afterwards shut down) dialogs over a controller."""
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog

    made = []

    def make(controller, *, settings=None, show=True, confirm=True):
        dialog = BatchRenderDialog(controller, settings=settings or settings_file)
        dialog.confirm = lambda _title, _text: confirm
        dialog.opened_paths = []
        dialog.open_path = lambda path: dialog.opened_paths.append(path) or True
        qtbot.addWidget(dialog)
        made.append(dialog)
        if show:
            dialog.show()
            qtbot.waitUntil(lambda: dialog.scene is not None)
        return dialog

    yield make
    for dialog in made:
        dialog.shutdown()
