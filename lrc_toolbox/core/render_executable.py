"""Finding Maya's ``Render`` executable.

Search order: an explicit path (``--render-exe``), ``$MAYA_LOCATION/bin``, the standard install folders
of this OS (newest Maya version first), then ``PATH``. When nothing is found the error names every
place that was looked at and how to point at the executable.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: Standard install roots per platform; ``{ver}`` folders are globbed and sorted newest first.
_WINDOWS_ROOTS = (r"C:\Program Files\Autodesk",)
_LINUX_ROOTS = ("/usr/autodesk",)
_MAC_ROOTS = ("/Applications/Autodesk",)
_VERSION_RE = re.compile(r"^maya(\d{4})(?:\.(\d+))?$", re.IGNORECASE)


class RenderExecutableNotFound(FileNotFoundError):
    """Raised when ``Render`` cannot be found; the message lists where we looked."""

    def __init__(self, looked_in: Iterable[str]) -> None:
        self.looked_in = tuple(looked_in)
        places = "\n  ".join(self.looked_in) or "(nowhere)"
        super().__init__(
            "Maya's Render executable was not found. Looked in:\n  "
            f"{places}\n"
            "Point at it with --render-exe /path/to/maya/bin/Render (Render.exe on Windows), "
            "or set MAYA_LOCATION to the Maya install folder."
        )

    def __str__(self) -> str:  # FileNotFoundError's own __str__ would drop our message
        return self.args[0]


@dataclass(frozen=True)
class RenderExecutable:
    """A ``Render`` that was found, and how."""

    path: str
    source: str  # "explicit", "MAYA_LOCATION", "install folder", "PATH"

    @property
    def is_standin(self) -> bool:
        """True when this is the project's Render stand-in, not Maya."""
        return "standin" in Path(self.path).name.lower()


def _exe_name(platform: str) -> str:
    return "Render.exe" if platform.startswith("win") else "Render"


def _install_candidates(platform: str, roots: Iterable[str] | None = None) -> list[Path]:
    """Return ``Render`` paths under the standard install roots, newest Maya version first."""
    sub: tuple[str, ...]
    if platform.startswith("win"):
        default_roots, sub = _WINDOWS_ROOTS, ("bin", "Render.exe")
    elif platform == "darwin":
        default_roots, sub = _MAC_ROOTS, ("Maya.app", "Contents", "bin", "Render")
    else:
        default_roots, sub = _LINUX_ROOTS, ("bin", "Render")
    found: list[tuple[tuple[int, int], Path]] = []
    for root in roots if roots is not None else default_roots:
        root_path = Path(root)
        try:
            entries = list(root_path.iterdir())
        except OSError:
            continue  # the root does not exist on this machine: nothing to list
        for entry in entries:
            match = _VERSION_RE.match(entry.name)
            if match:
                version = (int(match.group(1)), int(match.group(2) or 0))
                found.append((version, entry.joinpath(*sub)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [path for _, path in found]


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_render_executable(
    explicit: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    install_roots: Iterable[str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> RenderExecutable:
    """Find Maya's ``Render``.

    Args:
        explicit: A path given by the user (``--render-exe``); when set, only it is considered.
        environ: Environment to read ``MAYA_LOCATION``/``PATH`` from (default ``os.environ``).
        platform: ``sys.platform`` value to search for (tests).
        install_roots: Override the standard install roots (tests).
        which: ``shutil.which``-like lookup on ``PATH``.

    Returns:
        The executable and where it was found.

    Raises:
        RenderExecutableNotFound: Nothing usable was found; the message lists where we looked.
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    name = _exe_name(plat)
    looked: list[str] = []

    if explicit:
        path = Path(explicit).expanduser()
        if _is_executable(path):
            return RenderExecutable(str(path.resolve()), "explicit")
        resolved = which(explicit)  # a bare name such as "Render" or "lrc-render-standin"
        if resolved:
            return RenderExecutable(resolved, "explicit")
        reason = "not executable" if path.exists() else "does not exist"
        raise RenderExecutableNotFound([f"{explicit} (given with --render-exe: {reason})"])

    maya_location = env.get("MAYA_LOCATION")
    if maya_location:
        sub = (
            ("Contents", "bin", name)
            if plat == "darwin" and not maya_location.endswith("Contents")
            else ("bin", name)
        )
        candidate = Path(maya_location).joinpath(*sub)
        if _is_executable(candidate):
            return RenderExecutable(str(candidate), "MAYA_LOCATION")
        looked.append(f"{candidate} (from MAYA_LOCATION)")
    else:
        looked.append("$MAYA_LOCATION/bin (MAYA_LOCATION is not set)")

    for candidate in _install_candidates(plat, install_roots):
        if _is_executable(candidate):
            return RenderExecutable(str(candidate), "install folder")
        looked.append(str(candidate))
    if install_roots is None:
        pattern = {
            "win": r"C:\Program Files\Autodesk\Maya<version>\bin\Render.exe",
            "darwin": "/Applications/Autodesk/maya<version>/Maya.app/Contents/bin/Render",
        }
        key = "win" if plat.startswith("win") else plat
        looked.append(pattern.get(key, "/usr/autodesk/maya<version>/bin/Render"))

    on_path = which(name)
    if on_path:
        return RenderExecutable(on_path, "PATH")
    looked.append(f"{name} on PATH")
    raise RenderExecutableNotFound(looked)
