"""What a render child is launched with: its checked argv and environment, the Popen options.

Kept apart from :mod:`lrc_toolbox.utils.render_subprocess`, which runs the child: this module
only says *what* to run and refuses bad input before anything is written or started (no shell
strings, no non-str items, no NUL), with messages that tell a TD how to fix the call.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "check_argv",
    "check_env",
    "launch_failure_message",
    "popen_platform_options",
]

IS_WINDOWS: bool = os.name == "nt"

# Windows creation flags, spelled out so the Windows branch can be built (and tested) anywhere.
_CREATE_NEW_PROCESS_GROUP: int = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x00000200)
_CREATE_NO_WINDOW: int = getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)
_BELOW_NORMAL_PRIORITY_CLASS: int = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0x00004000)


def popen_platform_options(
    *, windows: bool = IS_WINDOWS, low_priority: bool = False
) -> dict[str, Any]:
    """Return the platform-specific ``Popen`` keyword arguments for a render child.

    Args:
        windows: Build the Windows options instead of the POSIX ones.
        low_priority: Windows only: start the child at ``BELOW_NORMAL_PRIORITY_CLASS``, which its
            own children inherit. POSIX niceness is set after the start instead (see
            :meth:`~lrc_toolbox.utils.render_subprocess.RenderProcess.start`), because ``preexec_fn`` is unsafe in a threaded process.

    Returns:
        ``{"creationflags": ...}`` on Windows: a new process group (so ``CTRL_BREAK_EVENT`` reaches
        the tree and the artist's console Ctrl+C does not) and no console window. On POSIX
        ``{"start_new_session": True}``: the child leads its own session and process group, so
        the whole tree can be signalled and a terminal's signals do not reach it.
    """
    if windows:
        flags = _CREATE_NEW_PROCESS_GROUP | _CREATE_NO_WINDOW
        if low_priority:
            flags |= _BELOW_NORMAL_PRIORITY_CLASS
        return {"creationflags": flags}
    return {"start_new_session": True}


def check_argv(argv: object) -> tuple[str, ...]:
    """Check an argument vector: a non-empty sequence of str, no shell string, no NUL.

    Args:
        argv: What the caller passed as ``argv``.

    Returns:
        The items as a tuple.

    Raises:
        TypeError: ``argv`` is a single string or bytes, not a sequence, or holds non-str items.
        ValueError: ``argv`` is empty, ``argv[0]`` is empty, or an item contains NUL.
    """
    if isinstance(argv, (str, bytes)) or not isinstance(argv, Sequence):
        raise TypeError(
            "argv must be a sequence of str (one item per argument, no shell), "
            f"got {type(argv).__name__}"
        )
    items = tuple(argv)
    if not items:
        raise ValueError("argv is empty: it needs at least the executable")
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(
                f"argv[{index}] must be str, got {type(item).__name__} {item!r}; "
                "convert paths and numbers with str() when building argv"
            )
        if "\0" in item:
            raise ValueError(f"argv[{index}] contains a NUL character: {item!r}")
    if not items[0]:
        raise ValueError("argv[0] (the executable) is empty")
    return items


def check_env(env: object) -> dict[str, str]:
    """Check a child environment: str names to str values, no ``=`` or NUL in the wrong place.

    Args:
        env: What the caller passed as ``env``.

    Returns:
        A copy as a plain dict.

    Raises:
        TypeError: ``env`` is not a mapping, or an entry is not str to str.
        ValueError: An entry has an empty name, ``=`` in its name or NUL anywhere.
    """
    if not isinstance(env, Mapping):
        raise TypeError(f"env must be a mapping of str to str, got {type(env).__name__}")
    checked: dict[str, str] = {}
    for key, value in env.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(
                f"env entries must be str to str, got {key!r}: {type(value).__name__}; "
                "build env with lrc_toolbox.utils.child_env.build_child_environment"
            )
        # Windows keeps hidden per-drive entries such as "=C:" in its environment; only a
        # leading '=' is legal there.
        name_part = key[1:] if IS_WINDOWS else key
        if not key or "=" in name_part or "\0" in key or "\0" in value:
            raise ValueError(f"env has an invalid entry {key!r} (empty, '=' or NUL)")
        checked[key] = value
    return checked


def launch_failure_message(exc: OSError, *, executable: str, cwd: str | None) -> str:
    """Explain why ``Popen`` refused to start a render, in words an artist can act on.

    Args:
        exc: The error ``Popen`` raised.
        executable: ``argv[0]``.
        cwd: The working directory asked for, or None.

    Returns:
        One line naming the executable and the cause.
    """
    # Popen names the missing thing in `filename`: the executable, or the cwd.
    missing = None if exc.filename is None else os.fspath(exc.filename)
    if cwd is not None and missing == cwd:
        return f"cannot start {executable!r}: working directory {cwd!r}: {exc.strerror}"
    if isinstance(exc, FileNotFoundError):
        return f"cannot start {executable!r}: executable not found (check the path or PATH)"
    if isinstance(exc, PermissionError):
        return f"cannot start {executable!r}: permission denied (is it an executable file?)"
    return f"cannot start {executable!r}: {exc.strerror or exc}"
