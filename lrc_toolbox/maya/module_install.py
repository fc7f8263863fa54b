"""Installing LRC Toolbox into Maya: the module file, its folder, ``mayapy`` and dependencies.

A Maya module file (``.mod``) tells Maya where a tool lives; Maya reads every ``.mod`` in the
user's ``modules`` folder at start-up and puts the paths it names on ``PYTHONPATH``. The installer
writes one such file pointing at this checkout (nothing is copied into Maya's prefs) and installs
the Python dependencies into Maya's own Python with ``mayapy -m pip install --user``. Uninstalling
removes that file. No ``maya`` import here: it runs with any Python.

The module's root is the checkout's own ``maya_module/`` folder, not the checkout: Maya adds
``<module root>/scripts`` (and ``plug-ins``, ``icons``, ``presets``) to ``MAYA_SCRIPT_PATH`` *and*
``PYTHONPATH`` of every Maya and ``Render`` process (Autodesk, "Installing the module"), and the
checkout's ``scripts/`` holds development tools, not Maya scripts. The package itself goes on
``PYTHONPATH`` with ``PYTHONPATH+:=..``, a path relative to the module root (Autodesk: ``+:=``
appends a path relative to the module's location; ``..`` works there, MHendricks/
maya-module-examples ``features.mod``). deadline-cloud-for-maya gives its module its own root the
same way (``maya_submitter_plugin/DeadlineCloudForMaya.mod``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MODULE_NAME = "LRC_TOOLBOX"
MODULE_VERSION = "0.1.0"
MOD_FILE_NAME = "lrc_toolbox.mod"
#: The module's own root inside the checkout (holds only the shipped .mod file).
MODULE_ROOT_DIR = "maya_module"
#: ``PYTHONPATH`` entry relative to the module root: the checkout, holding ``lrc_toolbox/`` and
#: ``userSetup.py`` (which Maya runs from ``PYTHONPATH`` at start-up).
PACKAGE_FROM_MODULE_ROOT = ".."
#: The module line's start: a ``lrc_toolbox.mod`` holding it is ours to overwrite or delete. (No
#: comment line marks the file: Maya 2024 stops reading a .mod file at a comment.)
MOD_LINE_START = f"+ {MODULE_NAME} "
#: What the package needs in Maya's Python (PyPI names).
DEPENDENCIES: tuple[str, ...] = ("nvidia-ml-py", "psutil", "Qt.py")

_MAYAPY_ROOTS = {
    "win": (r"C:\Program Files\Autodesk",),
    "darwin": ("/Applications/Autodesk",),
    "linux": ("/usr/autodesk",),
}
_VERSION_DIR = re.compile(r"^maya(\d{4})(?:\.(\d+))?$", re.IGNORECASE)

#: Runs a command (argv, never a shell string) and returns its exit code.
Runner = Callable[[Sequence[str]], int]


class InstallError(RuntimeError):
    """The install or uninstall cannot go on; the message says why and what to do."""


def _platform_key(platform: str) -> str:
    if platform.startswith("win"):
        return "win"
    return "darwin" if platform == "darwin" else "linux"


def default_modules_dir(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None, home: Path | None = None
) -> Path:
    """The user's Maya ``modules`` folder (for every Maya version).

    ``$MAYA_APP_DIR/modules`` when ``MAYA_APP_DIR`` is set; else ``~/maya/modules`` (Linux),
    ``~/Documents/maya/modules`` (Windows), ``~/Library/Preferences/Autodesk/maya/modules``
    (macOS).
    """
    env = os.environ if environ is None else environ
    if env.get("MAYA_APP_DIR"):
        return Path(env["MAYA_APP_DIR"]) / "modules"
    home = home or Path.home()
    key = _platform_key(platform)
    if key == "win":
        return home / "Documents" / "maya" / "modules"
    if key == "darwin":
        return home / "Library" / "Preferences" / "Autodesk" / "maya" / "modules"
    return home / "maya" / "modules"


def mod_file_text(module_root: str) -> str:
    """The ``.mod`` file's text for a module rooted at ``module_root``.

    Args:
        module_root: The checkout's ``maya_module`` folder (absolute, or relative to the .mod
            file's folder: ``.`` in the shipped ``maya_module/lrc_toolbox.mod``). The package is
            one folder up, added to ``PYTHONPATH`` relative to this root.
    """
    root = module_root.replace("\\", "/")
    return f"{MOD_LINE_START}{MODULE_VERSION} {root}\nPYTHONPATH+:={PACKAGE_FROM_MODULE_ROOT}\n"


def is_ours(path: Path) -> bool:
    """True when ``path`` is a .mod file for the LRC_TOOLBOX module (this installer's)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return any(line.startswith(MOD_LINE_START) for line in fh)
    except OSError:
        return False


def find_mayapy(
    explicit: str | None = None,
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
    roots: Sequence[str] | None = None,
) -> tuple[Path | None, list[str]]:
    """Find Maya's Python: explicit path, ``$MAYA_LOCATION``, this Python if it is mayapy, the
    standard install folders (newest Maya first), then ``PATH``.

    Returns:
        The executable (None when not found) and every place looked at.
    """
    env = os.environ if environ is None else environ
    key = _platform_key(platform)
    exe = "mayapy.exe" if key == "win" else "mayapy"
    looked: list[str] = []
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    else:
        if env.get("MAYA_LOCATION"):
            location = Path(env["MAYA_LOCATION"])
            candidates.append(location / "bin" / exe)
            if key == "darwin":  # MAYA_LOCATION may name Maya.app instead of Maya.app/Contents
                candidates.append(location / "Contents" / "bin" / exe)
        if Path(sys.executable).name.lower().startswith("mayapy"):
            candidates.append(Path(sys.executable))
        installed = _install_candidates(key, exe, roots)
        if not installed:
            looked += [f"{root} (no Maya install)" for root in roots or _MAYAPY_ROOTS[key]]
        candidates += installed
        on_path = shutil.which(exe, path=env.get("PATH"))
        if on_path:
            candidates.append(Path(on_path))
        else:
            looked.append(f"PATH ({exe})")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate, looked
        looked.append(str(candidate))
    return None, looked


def _install_candidates(key: str, exe: str, roots: Sequence[str] | None) -> list[Path]:
    found: list[tuple[tuple[int, int], Path]] = []
    for root in roots if roots is not None else _MAYAPY_ROOTS[key]:
        try:
            entries = list(Path(root).iterdir())
        except OSError:
            continue  # no Autodesk folder on this machine
        for entry in entries:
            match = _VERSION_DIR.match(entry.name)
            if not match:
                continue
            sub = ("Maya.app", "Contents", "bin", exe) if key == "darwin" else ("bin", exe)
            found.append(((int(match.group(1)), int(match.group(2) or 0)), entry.joinpath(*sub)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [path for _, path in found]


def pip_argv(mayapy: Path | str, packages: Sequence[str] = DEPENDENCIES) -> list[str]:
    """``mayapy -m pip install --user <packages>``."""
    return [str(mayapy), "-m", "pip", "install", "--user", *packages]


def run_command(argv: Sequence[str]) -> int:
    """Run ``argv`` (no shell), output to this console; return its exit code."""
    return subprocess.run(list(argv), check=False).returncode


@dataclass(frozen=True)
class InstallResult:
    """What the installer did.

    Attributes:
        mod_file: The module file written.
        pip_argv: The dependency command run (None with ``--no-deps``).
        messages: Lines for the user.
    """

    mod_file: Path
    pip_argv: list[str] | None
    messages: tuple[str, ...]


def install(
    package_root: Path,
    modules_dir: Path,
    *,
    mayapy: Path | None,
    deps: bool = True,
    force: bool = False,
    runner: Runner = run_command,
) -> InstallResult:
    """Write the module file and install the dependencies into Maya's Python.

    Args:
        package_root: The checkout (holds ``lrc_toolbox/``, ``userSetup.py`` and the module's
            own root ``maya_module/``).
        modules_dir: The user's Maya modules folder (created if missing).
        mayapy: Maya's Python for the dependencies (needed unless ``deps`` is False).
        deps: Install the dependencies.
        force: Overwrite a ``lrc_toolbox.mod`` that this installer did not write.
        runner: Runs the pip command (tests pass a fake).

    Raises:
        InstallError: Nothing usable was installed, or pip failed (the message says what to do).
    """
    root = package_root.resolve()
    if not (root / "lrc_toolbox" / "__init__.py").is_file():
        raise InstallError(
            f"{root} does not hold the lrc_toolbox package: run the installer "
            "from the LRC Toolbox checkout"
        )
    module_root = root / MODULE_ROOT_DIR
    if not module_root.is_dir():
        raise InstallError(f"{module_root} is missing: the checkout is incomplete")
    if deps and mayapy is None:
        raise InstallError(
            "Maya's Python (mayapy) was not found, so the dependencies cannot be installed: pass "
            "--mayapy /path/to/maya/bin/mayapy, set MAYA_LOCATION, or run this script with mayapy "
            "itself (or --no-deps to skip them)"
        )
    target = modules_dir / MOD_FILE_NAME
    if target.exists() and not force and not is_ours(target):
        raise InstallError(
            f"{target} exists and was not written by this installer: move it "
            "away, or pass --force to replace it"
        )
    try:
        modules_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(mod_file_text(module_root.as_posix()), encoding="utf-8")
    except OSError as exc:
        raise InstallError(f"cannot write {target}: {exc.strerror or exc}") from None
    messages = [f"Wrote {target} (Maya loads LRC Toolbox from {root} at its next start)."]
    argv = None
    if deps:
        assert mayapy is not None
        argv = pip_argv(mayapy)
        code = runner(argv)
        if code != 0:
            raise InstallError(
                f"installing the dependencies failed (exit code {code}): "
                f"{subprocess.list2cmdline(argv)}. The module file is written; "
                "fix the error above and run the installer again"
            )
        messages.append(f"Installed {', '.join(DEPENDENCIES)} into {mayapy}.")
    messages.append("Restart Maya: the LRC_Toolbox shelf and the LRC Toolbox menu appear.")
    return InstallResult(target, argv, tuple(messages))


#: Text that marks a shelf file Maya saved from our shelf (its button's command).
SHELF_FILE_MARK = "lrc_toolbox.maya.show_batch_render_dialog"
SHELF_FILE_NAME = "shelf_LRC_Toolbox.mel"


def saved_shelf_files(modules_dir: Path) -> list[Path]:
    """Shelf files Maya saved from the LRC_Toolbox shelf (``<maya app dir>/<ver>/prefs/shelves``).

    Maya writes every shelf into the user's prefs when it quits; after an uninstall that file
    would bring back a button that no longer works.
    """
    found = []
    for path in sorted(modules_dir.parent.glob(f"*/prefs/shelves/{SHELF_FILE_NAME}")):
        try:
            if SHELF_FILE_MARK in path.read_text(encoding="utf-8", errors="replace"):
                found.append(path)
        except OSError:
            continue  # unreadable: not ours to touch
    return found


def uninstall(modules_dir: Path) -> list[str]:
    """Remove the module file this installer wrote, and the shelf files Maya saved from it.

    The dependencies stay: other tools in Maya may use psutil, Qt.py or nvidia-ml-py. The
    returned lines say how to remove them by hand.

    Raises:
        InstallError: The file exists but was not written by this installer.
    """
    target = modules_dir / MOD_FILE_NAME
    messages = []
    if not target.exists():
        messages.append(f"Nothing to remove: {target} does not exist.")
    elif not is_ours(target):
        raise InstallError(f"{target} was not written by this installer; not removing it")
    else:
        try:
            target.unlink()
        except OSError as exc:
            raise InstallError(f"cannot remove {target}: {exc.strerror or exc}") from None
        messages.append(f"Removed {target}.")
    for shelf in saved_shelf_files(modules_dir):
        try:
            shelf.unlink()
            messages.append(f"Removed the saved shelf {shelf}.")
        except OSError as exc:
            messages.append(f"Could not remove the saved shelf {shelf}: {exc.strerror or exc}.")
    messages += [
        "Restart Maya: the LRC Toolbox shelf and menu are gone.",
        "The Python packages stay installed (other tools may use them). To remove them: "
        f"mayapy -m pip uninstall {' '.join(DEPENDENCIES)}",
    ]
    return messages
