"""``lrc-batch-render-gui``: bad input is one line; the window opens on a scene and closes."""

from __future__ import annotations

import sys

from fakes import require_qt

require_qt()

from fakes import SAMPLE_SCENE  # noqa: E402
from Qt import QtCore, QtWidgets  # noqa: E402

from lrc_toolbox.ui import standalone  # noqa: E402
from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog  # noqa: E402


def test_missing_scene_is_one_line(capsys, tmp_path) -> None:
    assert standalone.main(["--scene", str(tmp_path / "nope.ma")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "scene not found" in err


def test_missing_render_exe_is_one_line(capsys, tmp_path) -> None:
    code = standalone.main(["--scene", str(SAMPLE_SCENE), "--render-exe", str(tmp_path / "x")])
    assert code == 2 and "render executable not found" in capsys.readouterr().err


def test_bad_option_is_one_line(capsys) -> None:
    assert standalone.main(["--frobnicate"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_without_qt_says_how_to_install(capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "Qt", None)  # "from Qt import ..." now raises ImportError
    assert standalone.main(["--scene", str(SAMPLE_SCENE)]) == 2
    assert "pip install Qt.py PySide6-Essentials" in capsys.readouterr().err


def test_opens_the_scene_and_exits_when_closed(qtbot, render_env, standin_exe, tmp_path) -> None:
    seen = {}

    def close_when_shown() -> None:
        dialogs = [
            w
            for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, BatchRenderDialog) and w.isVisible()
        ]
        if not dialogs or dialogs[0].scene is None:
            QtCore.QTimer.singleShot(50, close_when_shown)
            return
        dialog = dialogs[0]
        seen["title"] = dialog.windowTitle()
        seen["layers"] = dialog.render_config_widget.layer_box("MASTER_BG_A") is not None
        seen["owns"] = dialog.owns_renders
        dialog.close()

    QtCore.QTimer.singleShot(0, close_when_shown)
    code = standalone.main(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--render-exe",
            standin_exe,
            "--store",
            str(tmp_path / "jobs.sqlite3"),
        ]
    )
    assert code == 0
    assert seen["title"] == "Batch Render — shot001.ma"
    assert seen["layers"] and seen["owns"]


def test_a_binding_known_to_crash_is_refused_with_the_fix(capsys, monkeypatch) -> None:
    import collections

    import Qt

    version = collections.namedtuple("version_info", "major minor micro releaselevel serial")
    monkeypatch.setattr(Qt, "__binding__", "PySide6")
    monkeypatch.setattr(Qt, "__binding_version__", "6.12.0")
    monkeypatch.setattr(sys, "version_info", version(3, 11, 7, "final", 0))
    assert standalone.main(["--scene", str(SAMPLE_SCENE)]) == 2
    err = capsys.readouterr().err
    assert "PySide6 6.12.0 crashes on Python 3.11" in err and "PySide6-Essentials<6.12" in err
    monkeypatch.setattr(sys, "version_info", version(3, 12, 1, "final", 0))
    from lrc_toolbox.ui.qt_compat import binding_problem

    assert binding_problem() is None
