"""Entry points: userSetup.py, shelf and menu, the dialog entry, the module file, the installer."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from maya_helpers import ROOT

from lrc_toolbox.maya import entry, shelf
from lrc_toolbox.maya import module_install as mi

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]

USER_SETUP = ROOT / "userSetup.py"


def run_user_setup() -> None:
    runpy.run_path(str(USER_SETUP), run_name="__main__")


def controls(fake, kind: str) -> list:
    return [c for c in fake.controls.values() if c.kind == kind]


# -- userSetup.py ----------------------------------------------------------------------------------
def test_user_setup_adds_shelf_and_menu_once_maya_is_idle(fake_maya_env):
    run_user_setup()
    assert controls(fake_maya_env, "shelfButton") == []  # deferred: nothing yet
    fake_maya_env.run_deferred()
    (button,) = controls(fake_maya_env, "shelfButton")
    assert button.parent == "LRC_Toolbox" and button.flags["label"] == "Batch Render"
    (item,) = controls(fake_maya_env, "menuItem")
    assert item.parent == "lrcToolboxMenu" and item.flags["label"] == "Batch Render..."
    assert fake_maya_env.output == []


def test_user_setup_without_maya_prints_one_warning(monkeypatch, capsys):
    for name in ("maya", "maya.utils", "maya.cmds"):
        monkeypatch.setitem(sys.modules, name, None)  # importing them fails, as outside Maya
    run_user_setup()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("Warning: LRC Toolbox: start-up hook skipped")


def test_user_setup_without_execute_deferred_warns_once(fake_maya_env, monkeypatch):
    import fake_maya

    monkeypatch.delattr(fake_maya.utils, "executeDeferred")
    run_user_setup()
    (line,) = fake_maya_env.output
    assert "start-up hook skipped (AttributeError" in line


def test_user_setup_survives_the_shelf_code_raising(fake_maya_env, monkeypatch):
    def broken() -> None:
        raise RuntimeError("shelf is locked")

    monkeypatch.setattr(shelf, "install_ui", broken)
    run_user_setup()
    fake_maya_env.run_deferred()  # must not raise into Maya's idle loop
    (line,) = fake_maya_env.output
    assert line == (
        "// Warning: LRC Toolbox: the shelf button and menu were not added "
        "(RuntimeError: shelf is locked) //"
    )


def test_user_setup_survives_a_broken_install(fake_maya_env, monkeypatch):
    monkeypatch.setitem(sys.modules, "lrc_toolbox.maya.shelf", None)  # e.g. a half-copied package
    run_user_setup()
    fake_maya_env.run_deferred()
    (line,) = fake_maya_env.output
    assert "were not added (ModuleNotFoundError: import of lrc_toolbox.maya.shelf halted" in line


def test_user_setup_survives_maya_ui_errors_and_a_missing_cmds(fake_maya_env, monkeypatch, capsys):
    import fake_maya

    def no_ui(*_args, **_kwargs):
        raise RuntimeError("shelfLayout: object not found")

    monkeypatch.setattr(fake_maya.cmds, "shelfLayout", no_ui)
    run_user_setup()
    monkeypatch.setitem(sys.modules, "maya.cmds", None)  # even warning through Maya fails
    monkeypatch.setattr(fake_maya, "cmds", None)
    fake_maya_env.run_deferred()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "were not added" in err[0]


def test_user_setup_adds_nothing_in_batch_mode(fake_maya_env):
    import fake_maya

    fake_maya_env.batch = True  # Render / mayapy also run userSetup.py
    run_user_setup()
    # Batch Maya has no idle loop; a script may still run the queue itself.
    fake_maya.utils.processIdleEvents()
    assert controls(fake_maya_env, "shelfButton") == [] and fake_maya_env.output == []


# -- shelf and menu --------------------------------------------------------------------------------
def test_shelf_and_menu_are_idempotent_and_run_only_the_entry_point(fake_maya_env, monkeypatch):
    assert shelf.install_ui() and shelf.install_ui()
    shelf.install_shelf()
    shelf.install_menu()
    assert len(controls(fake_maya_env, "shelfLayout")) == 1
    (button,) = controls(fake_maya_env, "shelfButton")
    (menu,) = controls(fake_maya_env, "menu")
    (item,) = controls(fake_maya_env, "menuItem")
    assert menu.parent == "MayaWindow" and menu.flags["label"] == "LRC Toolbox"
    assert button.flags["sourceType"] == "python" and button.flags["docTag"] == shelf.BUTTON_DOC_TAG
    calls = []
    import lrc_toolbox.maya

    monkeypatch.setattr(lrc_toolbox.maya, "show_batch_render_dialog", lambda: calls.append(1))
    exec(button.flags["command"], {})  # what Maya runs on a click
    exec(item.flags["command"], {})
    assert calls == [1, 1]


def test_a_shelf_saved_by_maya_is_updated_not_duplicated(fake_maya_env):
    from maya import cmds, mel

    top = mel.eval("$tmp=$gShelfTopLevel")
    cmds.shelfLayout("LRC_Toolbox", parent=top)  # Maya reloaded the saved shelf at start-up
    cmds.shelfButton(parent="LRC_Toolbox", label="Batch Render", command="old()")  # no docTag
    cmds.shelfButton(parent="LRC_Toolbox", label="Batch Render", command="older()")
    cmds.shelfButton(parent="LRC_Toolbox", label="Other tool", command="other()")
    shelf.install_shelf()
    buttons = controls(fake_maya_env, "shelfButton")
    assert sorted(b.flags["label"] for b in buttons) == ["Batch Render", "Other tool"]
    ours = next(b for b in buttons if b.flags["label"] == "Batch Render")
    assert ours.flags["command"] == shelf.COMMAND and ours.flags["docTag"] == shelf.BUTTON_DOC_TAG


def test_remove_ui(fake_maya_env):
    shelf.install_ui()
    shelf.remove_ui()
    shelf.remove_ui()
    assert [c for c in fake_maya_env.controls.values() if c.kind != "layout"] == []


# -- the dialog entry ------------------------------------------------------------------------------
@pytest.fixture()
def stub_ui(monkeypatch):
    """Stand-ins for lrc_toolbox.ui's controller and dialog (they are another issue's work)."""
    shown: list = []

    class EngineController:
        def __init__(self, api, source) -> None:
            self.api, self.source = api, source

    def show_dialog(controller, parent=None):
        shown.append((controller, parent))
        return "dialog"

    controller_mod = types.ModuleType("lrc_toolbox.ui.controller")
    controller_mod.EngineController = EngineController
    dialog_mod = types.ModuleType("lrc_toolbox.ui.dialogs.batch_render_dialog")
    dialog_mod.show_dialog = show_dialog
    monkeypatch.setitem(sys.modules, "lrc_toolbox.ui.controller", controller_mod)
    monkeypatch.setitem(sys.modules, "lrc_toolbox.ui.dialogs.batch_render_dialog", dialog_mod)
    entry.reset_session_controller()
    yield shown
    entry.reset_session_controller()


def test_show_dialog_keeps_one_controller_and_parents_to_maya(fake_maya_env, stub_ui, monkeypatch):
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.maya.scene_source import MayaSceneSource

    window = object()
    monkeypatch.setattr(entry, "maya_main_window", lambda: window)
    import lrc_toolbox.maya

    assert lrc_toolbox.maya.show_batch_render_dialog() == "dialog"
    assert lrc_toolbox.maya.show_batch_render_dialog() == "dialog"
    (c1, p1), (c2, p2) = stub_ui
    assert c1 is c2 and p1 is p2 is window  # reopening brings back the same jobs
    assert isinstance(c1.api, BatchRenderAPI) and isinstance(c1.source, MayaSceneSource)


def test_main_window_is_wrapped_with_qt_py(fake_maya_env):
    qt = pytest.importorskip("Qt", reason="Qt.py or a Qt binding is missing", exc_type=ImportError)
    from lrc_toolbox.maya.main_window import maya_main_window

    app = qt.QtWidgets.QApplication.instance() or qt.QtWidgets.QApplication([])
    window = qt.QtWidgets.QMainWindow()
    window.setObjectName("MayaWindow")
    pointer = qt.QtCompat.getCppPointer(window)
    fake_maya_env.main_window_ptr = int(pointer[0] if isinstance(pointer, tuple) else pointer)
    wrapped = maya_main_window()
    assert isinstance(wrapped, qt.QtWidgets.QWidget) and wrapped.objectName() == "MayaWindow"
    fake_maya_env.batch = True
    assert maya_main_window() is None
    window.deleteLater()
    app.processEvents()


# -- the module file and the installer -------------------------------------------------------------
def test_the_shipped_module_file_has_its_own_root_and_points_at_this_checkout():
    shipped = ROOT / "maya_module" / "lrc_toolbox.mod"
    assert shipped.read_text() == mi.mod_file_text(".")
    module_line, path_line = shipped.read_text().splitlines()
    root = (shipped.parent / module_line.split(" ", 3)[3]).resolve()
    # Maya adds <module root>/scripts to every Maya and Render process's PYTHONPATH (Autodesk,
    # "Installing the module"): the root is maya_module/, never the checkout with its dev scripts/.
    assert root == ROOT / "maya_module" and not (root / "scripts").exists()
    assert path_line == "PYTHONPATH+:=.."
    package = (root / path_line.split(":=", 1)[1]).resolve()
    assert package == ROOT and (package / "userSetup.py").is_file()
    assert (package / "lrc_toolbox").is_dir()
    lines = shipped.read_text().splitlines()
    assert not any(line.lstrip().startswith(("//", "#")) for line in lines)  # Maya stops there


def load_installer():
    return runpy.run_path(str(ROOT / "scripts" / "install_maya_module.py"), run_name="installer")


def fake_mayapy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "mayapy"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    return exe


def test_installer_writes_the_module_file_and_installs_dependencies(tmp_path, capsys):
    main = load_installer()["main"]
    mayapy = fake_mayapy(tmp_path / "maya2024" / "bin")
    ran: list[list[str]] = []
    modules = tmp_path / "maya" / "modules"
    code = main(
        ["--modules-dir", str(modules), "--mayapy", str(mayapy)],
        runner=lambda argv: ran.append(list(argv)) or 0,
    )
    assert code == 0
    mod = modules / "lrc_toolbox.mod"
    assert mod.read_text() == (
        f"+ LRC_TOOLBOX 0.1.0 {(ROOT / 'maya_module').as_posix()}\nPYTHONPATH+:=..\n"
    )
    assert ran == [
        [str(mayapy), "-m", "pip", "install", "--user", "nvidia-ml-py", "psutil", "Qt.py"]
    ]
    out = capsys.readouterr().out
    assert f"Wrote {mod}" in out and "Restart Maya" in out
    assert main(["--modules-dir", str(modules), "--no-deps"], runner=lambda argv: 1 / 0) == 0
    assert mod.read_text().startswith("+ LRC_TOOLBOX 0.1.0 ")  # rewritten, not duplicated


def test_installer_failures_say_what_to_do(tmp_path, capsys, monkeypatch):
    main = load_installer()["main"]
    modules = tmp_path / "modules"
    mayapy = fake_mayapy(tmp_path / "bin")
    assert main(["--modules-dir", str(modules), "--mayapy", str(mayapy)], runner=lambda a: 1) == 1
    assert "installing the dependencies failed (exit code 1)" in capsys.readouterr().err
    assert main(["--modules-dir", str(modules), "--mayapy", str(tmp_path / "nope")]) == 1
    assert "is not an executable file" in capsys.readouterr().err
    monkeypatch.delenv("MAYA_LOCATION", raising=False)
    nowhere = {key: (str(tmp_path / "none"),) for key in mi._MAYAPY_ROOTS}
    monkeypatch.setattr(mi, "_MAYAPY_ROOTS", nowhere)  # no Maya installed
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["--modules-dir", str(modules)]) == 1
    assert "mayapy) was not found" in capsys.readouterr().err
    (modules / "lrc_toolbox.mod").write_text("+ SOMEONE_ELSE 1.0 /x\n")
    assert main(["--modules-dir", str(modules), "--no-deps"]) == 1
    assert "was not written by this installer" in capsys.readouterr().err
    assert main(["--modules-dir", str(modules), "--no-deps", "--force"]) == 0


def test_uninstall_removes_what_the_install_wrote(tmp_path, capsys):
    main = load_installer()["main"]
    app_dir = tmp_path / "maya"
    modules = app_dir / "modules"
    assert main(["--modules-dir", str(modules), "--no-deps"]) == 0
    shelves = app_dir / "2024" / "prefs" / "shelves"
    shelves.mkdir(parents=True)
    (shelves / "shelf_LRC_Toolbox.mel").write_text(f'shelfButton -c "{shelf.COMMAND}";\n')
    (shelves / "shelf_Rendering.mel").write_text("shelfButton;\n")
    capsys.readouterr()
    assert main(["--modules-dir", str(modules), "--uninstall"]) == 0
    out = capsys.readouterr().out
    assert not (modules / "lrc_toolbox.mod").exists()
    assert not (shelves / "shelf_LRC_Toolbox.mel").exists()
    assert (shelves / "shelf_Rendering.mel").exists()
    assert "mayapy -m pip uninstall nvidia-ml-py psutil Qt.py" in out
    assert main(["--modules-dir", str(modules), "--uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out
    (modules / "lrc_toolbox.mod").write_text("+ SOMEONE_ELSE 1.0 /x\n")
    assert main(["--modules-dir", str(modules), "--uninstall"]) == 1
    assert (modules / "lrc_toolbox.mod").exists()


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, "home/maya/modules"),
        ("win32", {}, "home/Documents/maya/modules"),
        ("darwin", {}, "home/Library/Preferences/Autodesk/maya/modules"),
        ("linux", {"MAYA_APP_DIR": "/studio/maya"}, "/studio/maya/modules"),
    ],
)
def test_default_modules_dir_per_os(platform, env, expected):
    assert mi.default_modules_dir(platform, env, Path("home")).as_posix() == expected


def test_find_mayapy_prefers_maya_location_then_the_newest_install(tmp_path):
    roots = tmp_path / "autodesk"
    old = fake_mayapy(roots / "maya2023" / "bin")
    new = fake_mayapy(roots / "maya2025" / "bin")
    (roots / "notmaya").mkdir()
    found, _ = mi.find_mayapy(platform="linux", environ={"PATH": ""}, roots=[str(roots)])
    assert found == new and found != old
    location = fake_mayapy(tmp_path / "custom" / "bin")
    env = {"MAYA_LOCATION": str(tmp_path / "custom"), "PATH": ""}
    found, _ = mi.find_mayapy(platform="linux", roots=[str(roots)], environ=env)
    assert found == location
    found, looked = mi.find_mayapy(
        platform="linux", environ={"PATH": ""}, roots=[str(tmp_path / "x")]
    )
    assert found is None and "PATH (mayapy)" in looked


@pytest.mark.slow
def test_run_maya_tests_without_mayapy_says_so_and_exits_0(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MAYA_LOCATION"}
    env["PATH"] = str(tmp_path)  # no mayapy on PATH (the standard install folders are empty here)
    if any(Path(r).exists() for roots in mi._MAYAPY_ROOTS.values() for r in roots):
        pytest.skip("a Maya install folder exists on this machine")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_maya_tests.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "no mayapy found" in proc.stdout and "fake maya only" in proc.stdout


# -- layering --------------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_maya_package_imports_where_maya_and_qt_cannot():
    code = textwrap.dedent("""
        import importlib, importlib.abc, pkgutil, sys
        BLOCKED = ("maya", "Qt", "PySide2", "PySide6", "shiboken2", "shiboken6")
        class Blocker(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError(f"{name} is blocked in this test")
        sys.meta_path.insert(0, Blocker())
        import lrc_toolbox.maya as pkg
        names = [i.name for i in pkgutil.walk_packages(pkg.__path__, prefix="lrc_toolbox.maya.")]
        for name in names:
            importlib.import_module(name)
        assert callable(pkg.show_batch_render_dialog)
        from lrc_toolbox.maya import host
        try:
            host.cmds()
        except host.MayaUnavailableError as exc:
            print("unavailable:", exc)
        print(len(names))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (
        "unavailable: maya.cmds is not available: this part of LRC Toolbox runs inside Maya"
        in proc.stdout
    )
    assert int(proc.stdout.split()[-1]) >= 12
