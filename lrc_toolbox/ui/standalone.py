"""``lrc-batch-render-gui``: the Batch Render dialog outside Maya.

For wranglers on a render node and for trying the tool without Maya (with the Render stand-in)::

    lrc-batch-render-gui --scene shot001.ma
    lrc-batch-render-gui --scene shot001.ma --render-exe "$(which lrc-render-standin)"
    lrc-batch-render-gui                      # asks for a scene first

Layers come from the ``.ma`` reader (:class:`~lrc_toolbox.core.scene_source.FileSceneSource`).
Closing the window with renders running asks whether to stop them: they are this process's
children. When a job ends, a system-tray message says so (where the desktop has a tray), naming
any failed frames. Exit codes: 0 closed normally (or no scene picked), 2 bad arguments or no Qt.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, Protocol

from lrc_toolbox import __version__

EXIT_OK = 0
EXIT_USAGE = 2

#: Seconds to wait at exit for stopped renders to be cleaned up (their trees are killed).
EXIT_STOP_WAIT_S: float = 30.0

#: How often Python gets to run its signal handlers while Qt's loop runs (Ctrl-C in a terminal).
SIGNAL_POLL_MS: int = 250

QT_MISSING_MESSAGE = (
    "lrc-batch-render-gui needs Qt for Python: pip install Qt.py PySide6-Essentials "
    "(or PySide2 on Python 3.10 and older setups)"
)


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a bad option as one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``lrc-batch-render-gui``."""
    parser = _ArgumentParser(
        prog="lrc-batch-render-gui",
        description="Open the Batch Render dialog outside Maya.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--scene", metavar="FILE", help="Maya scene (.ma; .mb with typed layers)")
    parser.add_argument(
        "--render-exe",
        metavar="PATH",
        help="Render executable (default: found through MAYA_LOCATION / PATH)",
    )
    parser.add_argument(
        "--store", metavar="FILE", help="job store file (default: the per-user data folder)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the standalone dialog; return the exit code.

    Args:
        argv: Arguments (default ``sys.argv[1:]``).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its line
        return int(exc.code or 0)
    if args.scene and not Path(args.scene).expanduser().is_file():
        sys.stderr.write(f"lrc-batch-render-gui: error: scene not found: {args.scene}\n")
        return EXIT_USAGE
    if args.render_exe and not Path(args.render_exe).expanduser().is_file():
        sys.stderr.write(
            f"lrc-batch-render-gui: error: render executable not found: {args.render_exe}\n"
        )
        return EXIT_USAGE
    try:
        from Qt import QtCore, QtWidgets
    except ImportError:
        sys.stderr.write(f"lrc-batch-render-gui: error: {QT_MISSING_MESSAGE}\n")
        return EXIT_USAGE

    from lrc_toolbox.ui.qt_compat import binding_problem

    problem = binding_problem()
    if problem:
        sys.stderr.write(f"lrc-batch-render-gui: error: {problem}\n")
        return EXIT_USAGE
    # Imported here: they import Qt, and the checks above must work without it.
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.core.scene_source import FileSceneSource
    from lrc_toolbox.ui.controller import EngineController
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog
    from lrc_toolbox.ui.qt_compat import exec_modal
    from lrc_toolbox.ui.tray_notifier import install_tray_notifier

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    scene = args.scene
    if not scene:
        scene, _filter = QtWidgets.QFileDialog.getOpenFileName(
            None, "Open a Maya scene to render", "", "Maya scenes (*.ma *.mb);;All files (*)"
        )
        if not scene:
            sys.stderr.write("lrc-batch-render-gui: no scene chosen\n")
            return EXIT_OK

    controller = EngineController(
        BatchRenderAPI(store_path=args.store), FileSceneSource(scene), render_exe=args.render_exe
    )
    dialog = BatchRenderDialog(controller)
    dialog.owns_renders = True
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_QuitOnClose, True)
    tray = install_tray_notifier(dialog)
    previous_handler = _route_interrupt_to(dialog)
    keep_python_awake = QtCore.QTimer()
    keep_python_awake.timeout.connect(lambda: None)  # lets Python run signal handlers
    keep_python_awake.start(SIGNAL_POLL_MS)
    dialog.show()
    try:
        exec_modal(app)
    finally:
        keep_python_awake.stop()
        if tray is not None:
            tray.hide()
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
        dialog.shutdown()
        # Renders are this process's children: never leave them orphaned.
        if controller.is_running():
            controller.stop_all()
            controller.wait(EXIT_STOP_WAIT_S)
    return EXIT_OK


class _Closable(Protocol):
    """What Ctrl-C needs of the window."""

    def close(self) -> bool:
        """Close it (the dialog asks about running renders first)."""
        ...


def _route_interrupt_to(
    dialog: _Closable,
) -> Callable[[int, FrameType | None], Any] | int | signal.Handlers | None:
    """Ctrl-C in the terminal closes the window (which asks about running renders).

    Returns:
        The handler it replaced (to put back), or None off the main thread (nothing replaced).
    """
    from threading import current_thread, main_thread

    if current_thread() is not main_thread():
        return None

    def close(_signum: int, _frame: FrameType | None) -> None:
        dialog.close()

    return signal.signal(signal.SIGINT, close)


if __name__ == "__main__":
    sys.exit(main())
