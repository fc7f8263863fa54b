"""Build the environment of a ``Render`` child on purpose.

A render inherits the launching process's environment, and most of it is wanted: the studio's
``MAYA_*``/``REDSHIFT_*``/``MTOA_*`` variables, ``PATH``, ``PYTHONPATH``, licence servers
(``ADSKFLEX_LICENSE_FILE``, ``redshift_LICENSE``, ``RLM_LICENSE``...). A few variables, though,
describe only the *launcher's* own Python or Qt (a virtual environment, a pytest run, PySide's
plug-in folder) and make Maya load the wrong stdlib or the wrong Qt plug-ins when they leak. This
module starts from a copy of the environment, drops exactly those, pins the child to one GPU, and
applies the renderer's and the caller's variables, as plain strings.

Nothing here imports Maya or Qt; the result is passed to ``Popen(env=...)`` explicitly.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TypedDict

__all__ = [
    "CUDA_DEVICE_ORDER_VALUE",
    "CUDA_VARS",
    "LAUNCHER_ONLY_VARS",
    "EnvChanges",
    "build_child_environment",
    "describe_env_changes",
    "format_env_changes",
]

#: Variables that belong to the launching process only; each one is dropped from a child's env.
#: The reason for each is the comment beside it. What is *not* here is kept on purpose, notably
#: ``PYTHONPATH`` (studios put Maya tools on it and Render needs them), ``PATH``,
#: ``LD_LIBRARY_PATH``, ``MAYA_*``, licence variables and ``QT_PREFERRED_BINDING`` (read by Qt.py
#: inside Maya, a studio choice).
LAUNCHER_ONLY_VARS: frozenset[str] = frozenset(
    {
        # Points at the launcher's Python (a venv or the system 3.11); mayapy/mayabatch would load
        # that stdlib instead of Maya's and die in init ("Fatal Python error: init_fs_encoding").
        # Maya sets its own PYTHONHOME where it needs one, so nothing is lost.
        "PYTHONHOME",
        # Marks the launcher's venv; tools that honour it (pip, some site hooks, shell prompts)
        # would act on the venv from inside Maya's Python.
        "VIRTUAL_ENV",
        # macOS framework Python: makes a child interpreter report the launcher's executable as
        # sys.executable, so mayapy would look for site-packages next to the wrong Python.
        "PYTHONEXECUTABLE",
        # macOS venv launcher stub: same effect as PYTHONEXECUTABLE (sys.executable/sys.prefix of
        # the venv leak into mayapy).
        "__PYVENV_LAUNCHER__",
        # Set by PySide/PyQt wheels or the launcher's Qt app to its own plug-in folders; Maya's Qt
        # then loads plug-ins built against another Qt version and aborts ("Cannot mix
        # incompatible Qt library"). Maya finds its own plug-ins without these.
        "QT_PLUGIN_PATH",
        "QT_QPA_PLATFORM_PLUGIN_PATH",
        # pytest's per-test marker: some libraries change behaviour when they see it, and a real
        # render must behave the same whether or not a test launched it.
        "PYTEST_CURRENT_TEST",
        # The launcher's conda env. Libraries that look for data files (PROJ, GDAL, OpenSSL
        # certificates, some Qt builds) consult CONDA_PREFIX and would load the launcher's files
        # into Maya's process. The conda folders on PATH are kept: PATH is the studio's to manage.
        "CONDA_PREFIX",
    }
)

#: Variables the GPU pin owns; renderer/extra variables may not contradict a pin.
CUDA_VARS: tuple[str, str] = ("CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER")

#: Makes CUDA ordinals follow PCI bus order, the order NVML and nvidia-smi use, so an index means
#: the same GPU to us and to the child (CUDA's default order is fastest-first).
CUDA_DEVICE_ORDER_VALUE: str = "PCI_BUS_ID"

# One CUDA_VISIBLE_DEVICES item: an index ("0", "-1" hides all), a GPU UUID
# ("GPU-8932f937-d72c-4106-c12f-20bd9faed9f6") or a MIG UUID ("MIG-GPU-.../1/0", "MIG-<uuid>").
_CUDA_ITEM_RE = re.compile(r"[A-Za-z0-9-][A-Za-z0-9_/:.-]*")

# Windows environment names are case-insensitive ("Path" and "PATH" are one variable); a dict with
# both would hand CreateProcess two entries and the child would see either.
_CASE_INSENSITIVE_KEYS: bool = os.name == "nt"


class EnvChanges(TypedDict):
    """What a child environment changes compared with a base one (sorted by name).

    Attributes:
        added: Names only in the child, with their values.
        changed: Names in both with different values, mapped to ``(old, new)``.
        removed: Names only in the base.
    """

    added: dict[str, str]
    changed: dict[str, tuple[str, str]]
    removed: list[str]


def _norm(key: str) -> str:
    return key.upper() if _CASE_INSENSITIVE_KEYS else key


def _find_key(env: Mapping[str, str], key: str) -> str | None:
    """Return the spelling under which ``key`` is present in ``env`` (case-blind on Windows)."""
    if key in env:
        return key
    if _CASE_INSENSITIVE_KEYS:
        wanted = key.upper()
        for existing in env:
            if existing.upper() == wanted:
                return existing
    return None


def _check_key(key: object, source: str) -> str:
    if not isinstance(key, str):
        raise TypeError(
            f"{source}: environment variable names must be str, got {type(key).__name__} {key!r}"
        )
    if not key:
        raise ValueError(f"{source}: empty environment variable name")
    if "=" in key or "\0" in key:
        raise ValueError(f"{source}: environment variable name {key!r} must not contain '=' or NUL")
    return key


def _stringify(key: str, value: object, source: str) -> str:
    """Turn one override value into the string the child will see.

    ``bool`` becomes ``"1"``/``"0"`` (the convention of ``REDSHIFT_FORCEQUITONINTERNALERROR=1``;
    ``str(True)`` would give ``"True"``, which C ``atoi`` readers parse as 0). Containers and bytes
    are refused: ``str(["a", "b"])`` is never what a TD meant for a path list.
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "1" if value else "0"
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, os.PathLike):
        text = os.fsdecode(os.fspath(value))
    else:
        raise TypeError(
            f"{source}: value of {key} must be str, int, float, bool, a path or None "
            f"(None removes it), got {type(value).__name__}"
        )
    if "\0" in text:
        raise ValueError(f"{source}: value of {key} contains a NUL character")
    return text


def _check_cuda_device(cuda_device: object) -> str:
    if isinstance(cuda_device, int) and not isinstance(cuda_device, bool):
        cuda_device = str(cuda_device)
    if not isinstance(cuda_device, str):
        raise TypeError(
            f"cuda_device must be a str (GPU index or UUID) or None, got "
            f"{type(cuda_device).__name__}"
        )
    items = cuda_device.split(",")
    if not cuda_device or not all(_CUDA_ITEM_RE.fullmatch(item) for item in items):
        raise ValueError(
            "cuda_device must be a GPU index ('0'), a GPU UUID ('GPU-8932f937-...') or a "
            f"comma-separated list of them, without spaces; got {cuda_device!r}"
        )
    return cuda_device


def _apply(
    env: dict[str, str],
    overrides: Mapping[str, object] | None,
    source: str,
    pinned: Mapping[str, str],
) -> None:
    if overrides is None:
        return
    if not isinstance(overrides, Mapping):
        raise TypeError(f"{source} must be a mapping of names to values, got {type(overrides)!r}")
    for raw_key, raw_value in overrides.items():
        key = _check_key(raw_key, source)
        value = None if raw_value is None else _stringify(key, raw_value, source)
        pinned_key = _find_key(pinned, key)
        if pinned_key is not None and value != pinned[pinned_key]:
            # The pin is the product's promise (one render per GPU); a profile or a TD silently
            # undoing it would put two renders on one GPU. Refuse instead of guessing who wins.
            raise ValueError(
                f"{source} sets {key}={value!r}, which contradicts the GPU pin "
                f"{pinned_key}={pinned[pinned_key]!r}; pass cuda_device=None to pin by hand"
            )
        existing = _find_key(env, key)
        if value is None:
            if existing is not None:
                del env[existing]
            continue
        if existing is not None and existing != key:
            del env[existing]  # one entry per variable on Windows; the caller's spelling wins
        env[key] = value


def build_child_environment(
    base: Mapping[str, str] | None = None,
    *,
    cuda_device: str | None,
    renderer_env: Mapping[str, object] | None = None,
    extra: Mapping[str, object] | None = None,
) -> dict[str, str]:
    """Return the environment for one ``Render`` child.

    Steps, in order: copy ``base``; drop :data:`LAUNCHER_ONLY_VARS`; pin the GPU; apply
    ``renderer_env``; apply ``extra``. ``base`` is never modified.

    Args:
        base: The environment to start from; ``os.environ`` when None. Its entries are copied as
            they are (Windows' hidden ``=C:`` entries included).
        cuda_device: ``CUDA_VISIBLE_DEVICES`` value for the child: a GPU UUID (``GPU-8932f...``,
            preferred: immune to ordering), an index, or a comma-separated list. When given,
            ``CUDA_DEVICE_ORDER=PCI_BUS_ID`` is set too, so an index means the same GPU as in
            nvidia-smi/NVML. When None, any inherited ``CUDA_VISIBLE_DEVICES`` is left alone.
            An ``int`` index is accepted too.
        renderer_env: The renderer profile's variables (``RendererProfile.environment()``).
        extra: The caller's variables, applied last. In both mappings a value is stringified
            (``bool`` as ``"1"``/``"0"``, numbers with ``str``, paths with ``os.fspath``) and
            ``None`` removes the variable.

    Returns:
        A new ``dict`` of str to str, ready for ``Popen(env=...)``.

    Raises:
        ValueError: A name is empty or contains ``=`` or NUL, a value contains NUL, ``cuda_device``
            is malformed, or ``renderer_env``/``extra`` contradict the GPU pin.
        TypeError: A name is not a str, a value is of an unsupported type, or ``cuda_device`` is
            neither str, int nor None.
    """
    env = dict(os.environ if base is None else base)
    launcher_only = {_norm(name) for name in LAUNCHER_ONLY_VARS}
    for key in [k for k in env if _norm(k) in launcher_only]:
        del env[key]

    pinned: dict[str, str] = {}
    if cuda_device is not None:
        pinned = {
            "CUDA_VISIBLE_DEVICES": _check_cuda_device(cuda_device),
            "CUDA_DEVICE_ORDER": CUDA_DEVICE_ORDER_VALUE,
        }
        _apply(env, pinned, "cuda_device", {})

    _apply(env, renderer_env, "renderer_env", pinned)
    _apply(env, extra, "extra", pinned)
    return env


def describe_env_changes(base: Mapping[str, str], child: Mapping[str, str]) -> EnvChanges:
    """Compare two environments, for the log header and ``--dry-run``.

    Args:
        base: The environment the child was built from (usually ``os.environ``).
        child: The child's environment.

    Returns:
        An :class:`EnvChanges` with ``added``, ``changed`` (``(old, new)``) and ``removed``, each
        sorted by name. Names compare case-blind on Windows, where the OS treats them so.
    """
    base_by_norm = {_norm(k): (k, v) for k, v in base.items()}
    child_by_norm = {_norm(k): (k, v) for k, v in child.items()}
    added: dict[str, str] = {}
    changed: dict[str, tuple[str, str]] = {}
    for norm_key in sorted(child_by_norm):
        key, value = child_by_norm[norm_key]
        if norm_key not in base_by_norm:
            added[key] = value
        elif base_by_norm[norm_key][1] != value:
            changed[key] = (base_by_norm[norm_key][1], value)
    removed = sorted(base_by_norm[n][0] for n in base_by_norm if n not in child_by_norm)
    return EnvChanges(added=added, changed=changed, removed=removed)


def format_env_changes(changes: EnvChanges) -> list[str]:
    """Render :class:`EnvChanges` as human-readable lines (no newline characters).

    Args:
        changes: What :func:`describe_env_changes` returned.

    Returns:
        One line per variable: ``+NAME=value``, ``~NAME=new (was old)``, ``-NAME``; or a single
        ``(no changes)`` line. Values are written with ``repr`` escapes only when they contain
        line breaks, so a line stays one line.
    """

    def show(value: str) -> str:
        return repr(value) if ("\n" in value or "\r" in value) else value

    lines = [f"+{k}={show(v)}" for k, v in changes["added"].items()]
    lines += [f"~{k}={show(new)} (was {show(old)})" for k, (old, new) in changes["changed"].items()]
    lines += [f"-{k}" for k in changes["removed"]]
    return lines or ["(no changes)"]
