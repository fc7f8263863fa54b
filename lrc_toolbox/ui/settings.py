"""Per-user memory of the dialog (QSettings "LRC" / "BatchRenderManager"), defaults from config.

Values are read back defensively: a settings file edited by hand, written by another version or by
the other Qt binding never breaks the dialog (a bad value falls back to its default). Lists are
stored as JSON text because PySide2 and PySide6 return one-item lists from INI files differently.

Tests point QSettings at a temporary folder (``QSettings.setPath``) or pass their own
``QSettings(path, IniFormat)``.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from Qt import QtCore

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.events import LogLevel

ORGANISATION: str = "LRC"
APPLICATION: str = "BatchRenderManager"

#: Bumped when a stored value changes meaning; older groups are then ignored.
SETTINGS_VERSION: int = 1

_CONFIG_GROUP = "config"


def open_settings() -> QtCore.QSettings:
    """The user's settings: an INI file under the user's config folder (same on every OS)."""
    return QtCore.QSettings(
        QtCore.QSettings.Format.IniFormat,
        QtCore.QSettings.Scope.UserScope,
        ORGANISATION,
        APPLICATION,
    )


@dataclass
class DialogValues:
    """Everything the Render Configuration panel remembers.

    Zero / empty values mean "automatic" where the engine has a policy: ``gpu_count`` 0 uses
    every usable GPU, ``cpu_threads`` 0 leaves threads to the renderer, ``chunk_size`` 0 is the
    automatic chunking, ``reserve_gpus`` -1 keeps the reservation policy's default, ``gpus`` ""
    lets detection choose.
    """

    scene_path: str = ""
    all_layers: bool = True
    layers: list[str] = field(default_factory=list)
    frame_range: str = ""
    step: int = 1
    gpu_count: int = 0
    cpu_threads: int = 0
    renders_per_gpu: int = defaults.RENDERS_PER_GPU
    mode: str = defaults.RENDER_MODE
    renderer: str = defaults.RENDERER
    output_dir: str = ""
    retries: int = defaults.RETRIES
    hang_timeout_s: float = defaults.HANG_TIMEOUT_S
    start_timeout_s: float = defaults.START_TIMEOUT_S
    chunk_size: int = 0
    keep_temp: bool = False
    skip_existing: bool = False
    gpus: str = ""
    reserve_gpus: int = -1
    render_exe: str = ""


#: Accepted ranges of the numeric values (outside: the default is used).
_LIMITS: dict[str, tuple[float, float]] = {
    "step": (1, 100_000),
    "gpu_count": (0, 64),
    "cpu_threads": (0, 1024),
    "renders_per_gpu": (1, 16),
    "retries": (0, 100),
    "hang_timeout_s": (1, 7 * 24 * 3600),
    "start_timeout_s": (1, 7 * 24 * 3600),
    "chunk_size": (0, 100_000),
    "reserve_gpus": (-1, 64),
}


class DialogSettings:
    """Typed access to the dialog's QSettings.

    Args:
        settings: The store; default :func:`open_settings`.
    """

    def __init__(self, settings: QtCore.QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else open_settings()

    # -- configuration ----------------------------------------------------------------------------
    def load_values(self) -> DialogValues:
        """The remembered configuration (defaults for anything missing or unreadable)."""
        base = DialogValues()
        if self._read("version", 0, int) != SETTINGS_VERSION:
            return base
        values: dict[str, Any] = {}
        for item in fields(DialogValues):
            default = getattr(base, item.name)
            key = f"{_CONFIG_GROUP}/{item.name}"
            if isinstance(default, list):
                values[item.name] = self._read_list(key)
            else:
                values[item.name] = self._read(key, default, type(default))
            limits = _LIMITS.get(item.name)
            if limits and not limits[0] <= values[item.name] <= limits[1]:
                values[item.name] = default
        if values["mode"] not in ("separate", "combined"):
            values["mode"] = base.mode
        return DialogValues(**values)

    def save_values(self, values: DialogValues) -> None:
        """Remember the configuration."""
        self.qsettings.setValue("version", SETTINGS_VERSION)
        for name, value in asdict(values).items():
            key = f"{_CONFIG_GROUP}/{name}"
            self.qsettings.setValue(key, json.dumps(value) if isinstance(value, list) else value)
        self.qsettings.sync()

    # -- other choices ----------------------------------------------------------------------------
    @property
    def farm_engine(self) -> str:
        """The farm engine chosen last ("" before the first choice)."""
        return self._read("farm/engine", "", str)

    @farm_engine.setter
    def farm_engine(self, engine: str) -> None:
        self.qsettings.setValue("farm/engine", engine)
        self.qsettings.sync()

    @property
    def farm_dry_run(self) -> bool:
        """Whether farm submissions only write their files."""
        return self._read("farm/dry_run", False, bool)

    @farm_dry_run.setter
    def farm_dry_run(self, dry_run: bool) -> None:
        self.qsettings.setValue("farm/dry_run", bool(dry_run))
        self.qsettings.sync()

    @property
    def log_level(self) -> str:
        """The Logs panel's level filter."""
        level = self._read("logs/level", LogLevel.INFO.value, str)
        shown = (LogLevel.INFO, LogLevel.WARNING, LogLevel.ERROR)
        return level if level in shown else LogLevel.INFO.value

    @log_level.setter
    def log_level(self, level: str) -> None:
        self.qsettings.setValue("logs/level", level)

    def save_state(self, name: str, state: QtCore.QByteArray) -> None:
        """Remember a widget state blob (window geometry, splitter sizes)."""
        self.qsettings.setValue(f"window/{name}", state)

    def load_state(self, name: str) -> QtCore.QByteArray | None:
        """A remembered widget state blob, or None."""
        value = self.qsettings.value(f"window/{name}")
        return value if isinstance(value, QtCore.QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.qsettings.sync()

    # -- typed reads ------------------------------------------------------------------------------
    def _read(self, key: str, default: Any, kind: type) -> Any:
        raw = self.qsettings.value(key)
        if raw is None:
            return default
        try:
            if kind is bool:
                if isinstance(raw, str):
                    return raw.strip().lower() in ("true", "1", "yes")
                return bool(raw)
            if kind is int:
                return int(float(raw))
            if kind is float:
                value = float(raw)
                return value if math.isfinite(value) else default
            return str(raw)
        except (TypeError, ValueError):
            return default

    def _read_list(self, key: str) -> list[str]:
        raw = self.qsettings.value(key)
        if not isinstance(raw, str):
            return []
        try:
            data = json.loads(raw)
        except ValueError:
            return []
        return [str(item) for item in data] if isinstance(data, list) else []
