"""The few PySide2/PySide6 differences Qt.py leaves open, handled in one place.

Everything else in ``lrc_toolbox.ui`` writes plain Qt 6 style code through Qt.py: scoped enums
(``QtCore.Qt.ItemDataRole.DisplayRole``, which PySide2 5.15 accepts too) and ``exec()``.
"""

from __future__ import annotations

import sys
from typing import Any

import Qt
from Qt import QtCompat, QtCore

#: PySide6 releases that corrupt ``None``'s reference count on Python < 3.12 (every call of a
#: method returning void drops a reference; after some thousands the interpreter aborts with
#: "none_dealloc"). Python 3.12+ is immune (``None`` is immortal there). Measured here with
#: 6.12.0 on Python 3.11; 6.11.3 is fine.
BROKEN_PYSIDE6_BEFORE_PY312: tuple[str, ...] = ("6.12.0",)


def binding_problem() -> str | None:
    """Why the Qt binding in use cannot run the dialog, or None when it can.

    Returns:
        A message that says what to install instead, for a binding known to crash.
    """
    version = str(getattr(Qt, "__binding_version__", ""))
    if (
        Qt.__binding__ == "PySide6"
        and version in BROKEN_PYSIDE6_BEFORE_PY312
        and sys.version_info < (3, 12)
    ):
        return (
            f"PySide6 {version} crashes on Python {sys.version_info.major}."
            f"{sys.version_info.minor} (a reference-counting bug that aborts after a few "
            "thousand Qt calls): pip install 'PySide6-Essentials<6.12'"
        )
    return None


def exec_modal(obj: Any) -> Any:
    """Run a modal loop (``QDialog``, ``QMenu``, ``QMessageBox``) and return its result.

    PySide6 names it ``exec()``; PySide2 5.15 only has ``exec_()`` (``exec`` was a keyword in
    Python 2). Qt.py maps ``exec_`` for QApplication only, so dialogs and menus need this.

    Args:
        obj: A Qt object with a modal ``exec``.

    Returns:
        Whatever ``exec`` returns (a dialog code, the chosen action...).
    """
    run = getattr(obj, "exec", None)
    if run is None:
        run = obj.exec_
    return run()


def is_alive(obj: Any) -> bool:
    """True while ``obj``'s C++ object still exists (not deleted by Qt or its parent)."""
    if obj is None:
        return False
    try:
        return bool(QtCompat.isValid(obj))
    except (RuntimeError, TypeError):
        return False


def enum_value(value: Any) -> int:
    """An enum or flag as an int, for both bindings (PySide6 enums are Python enums)."""
    raw = getattr(value, "value", value)
    return int(raw)


def user_role(offset: int) -> int:
    """``Qt.UserRole + offset`` as an int, the same on both bindings."""
    return enum_value(QtCore.Qt.ItemDataRole.UserRole) + offset
