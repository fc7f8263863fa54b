"""The first checks of a job's settings: a selection that is empty or of the wrong type, an odd scene.

"Empty means empty, not everything": a script that passes an unset variable as the layers, the
GPUs or the frames must be told so, never launch a whole shot on every GPU. Leaving a setting out
keeps its documented default (``RenderConfig.layers`` empty: every renderable layer;
``frame_range`` ``""``: what Maya renders for each layer; ``gpus`` None: every usable GPU); what
is refused here is a value that is *given* but selects nothing, or is not what the setting holds
(``frames=5``, ``gpus=[]``, a layer named ``""``).

A scene path that is not a regular file (a FIFO, a device, a socket) is refused before anything
opens it: opening a FIFO blocks until someone writes to it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import fields
from pathlib import Path

from lrc_toolbox.core.models import RenderConfig

__all__ = ["PlanError", "check_scene_path", "check_selection", "render_layer_config"]


class PlanError(ValueError):
    """The job cannot start; the message is one line an artist or TD can act on."""


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _check_names(value: object, what: str, *, allow_empty_list: bool) -> None:
    """A list of non-empty strings (an empty list only when ``allow_empty_list``)."""
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise PlanError(f"{what} must be a list of names, got {_kind(value)} {value!r}")
    if not value and not allow_empty_list:
        raise PlanError(f"{what} is an empty list: name at least one, or leave it unset")
    for item in value:
        if not isinstance(item, str):
            raise PlanError(f"{what} must hold names (strings), got {_kind(item)} {item!r}")
        if not item.strip():
            raise PlanError(f"{what} has an empty name in {list(value)!r}")


def check_selection(config: RenderConfig) -> None:
    """Refuse a selection that is given but empty, or of the wrong type.

    Args:
        config: The job's settings.

    Raises:
        PlanError: One line naming the setting and the value.
    """
    if not isinstance(config.scene_file, (str, os.PathLike)) or not str(config.scene_file).strip():
        raise PlanError(f"no scene file given (scene_file={config.scene_file!r})")
    if not isinstance(config.frame_range, str):
        raise PlanError(
            f"frames must be a frame string such as '1-24' or '1,10-20,50' (got "
            f"{_kind(config.frame_range)} {config.frame_range!r}); leave it empty for what "
            "Maya renders for each layer"
        )
    _check_names(config.layers, "layers", allow_empty_list=True)
    if config.gpus is not None:
        _check_names(config.gpus, "gpus", allow_empty_list=False)
    if config.layer_frames is not None:
        if not isinstance(config.layer_frames, Mapping):
            raise PlanError(
                f"layer_frames must map layer names to frame strings, got {_kind(config.layer_frames)}"
            )
        for layer, frames in config.layer_frames.items():
            if not isinstance(layer, str) or not isinstance(frames, str):
                raise PlanError(
                    f"layer_frames must map layer names to frame strings, got {layer!r}: {frames!r}"
                )


def check_scene_path(path: Path) -> None:
    """The scene must be an existing, readable regular file (checked without opening it).

    Raises:
        PlanError: Missing, a folder, a FIFO/device/socket, or unreadable.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise PlanError(f"scene not found: {path}") from None
    except OSError as exc:
        raise PlanError(f"scene cannot be read: {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise PlanError(f"scene is a folder, not a file: {path}")
    if not stat.S_ISREG(mode):
        what = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "not a regular file"
        )
        raise PlanError(f"scene is {what}, not a Maya scene file: {path}")
    if not os.access(path, os.R_OK):
        raise PlanError(f"scene is not readable (permission denied): {path}")


def render_layer_config(
    scene_file: str,
    layer: object,
    frames: object,
    gpu_id: object,
    options: Mapping[str, object],
    *,
    none_means_all: bool = False,
) -> RenderConfig:
    """The :class:`RenderConfig` of ``BatchRenderAPI.render_layer`` (the spec's TD call).

    ``layer`` is one name or a non-empty list of names; ``frames`` a frame string (``""``: what
    Maya renders for each layer); ``gpu_id`` an index/UUID, a non-empty list of them, or None (every usable
    GPU); ``options`` other :class:`RenderConfig` fields.

    ``none_means_all``: a ``layer`` of None renders every renderable layer (the Maya TD call's
    documented default); otherwise None is refused like any unset value.

    Raises:
        PlanError: An empty or wrongly typed selection, or an unknown option.
    """
    layers: list[str]
    if layer is None and none_means_all:
        layers = []
    elif layer is None:
        raise PlanError("layer is None: name the layer(s) to render (masterLayer, MASTER_BG_A)")
    elif isinstance(layer, str):
        if not layer.strip():
            raise PlanError("layer is empty: name the layer to render (masterLayer, MASTER_BG_A)")
        layers = [layer]
    else:
        _check_names(layer, "layer", allow_empty_list=False)
        layers = list(layer)  # type: ignore[call-overload]
    if not isinstance(frames, str):
        raise PlanError(
            f"frames must be a frame string such as '1-24' (got {_kind(frames)} {frames!r}); "
            "leave it out for what Maya renders for each layer"
        )
    gpus: list[str] | None = None
    if gpu_id is not None:
        ids = list(gpu_id) if isinstance(gpu_id, (list, tuple)) else [gpu_id]
        if not ids or any(isinstance(i, bool) or not str(i).strip() for i in ids):
            raise PlanError(f"gpu_id {gpu_id!r} names no GPU: give an index or UUID, or None")
        gpus = [str(i).strip() for i in ids]
    config = RenderConfig(scene_file=scene_file, layers=layers, frame_range=frames, gpus=gpus)
    known = {f.name for f in fields(RenderConfig)}
    for key, value in options.items():
        if key not in known:
            raise PlanError(f"unknown render option '{key}'")
        if key == "layers":
            _check_names(value, "layers", allow_empty_list=False)
        setattr(config, key, value)
    return config
