"""Checks before launch, each a sentence an artist understands, with a way out.

Every check is a plain function over data read from Maya (:class:`SceneFacts`), so each message is
tested without Maya; :func:`gather_facts` reads that data from the open scene. The problems found:

* a chosen layer that no longer exists;
* layers Maya would not render as set up (legacy layers in Render Setup mode, or the reverse);
* a layer with no renderable camera;
* a renderer whose plug-in is not loaded;
* an output folder that cannot be written;
* not enough disk space for the temporary scene copies.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.maya import host
from lrc_toolbox.maya.layers import (
    LayerDetails,
    MayaLayer,
    SceneLayers,
    list_scene_layers,
    read_layer_details,
)
from lrc_toolbox.maya.progress import StepProgress, SubProgress
from lrc_toolbox.renderers import UnknownRendererError, get_profile

#: Room kept on top of the estimate (the export of a changed scene grows; logs share the disk).
DISK_MARGIN_RATIO: float = 1.2
_GIB = 1024**3


@dataclass(frozen=True)
class SceneFacts:
    """What the checks need to know about the open scene.

    Attributes:
        layers: The scene's layers.
        chosen: The layers the job would render.
        missing: Requested layer names that matched nothing.
        details: Per chosen layer, what it renders (None when not read, e.g. no layer matched).
        loaded_plugins: Names of the loaded Maya plug-ins.
        scene_bytes: Size of the scene on disk, or of an export of it (None: unknown, e.g. an
            untitled scene before its export).
        temp_dir: Where the temporary scene copies go.
    """

    layers: SceneLayers
    chosen: tuple[MayaLayer, ...]
    missing: tuple[str, ...]
    details: tuple[LayerDetails, ...] | None
    loaded_plugins: frozenset[str]
    scene_bytes: int | None
    temp_dir: Path


def default_temp_dir() -> Path:
    """Where :class:`~lrc_toolbox.utils.temp_file_manager.TempFileManager` puts job folders."""
    return Path(tempfile.gettempdir())


def missing_layer_problems(missing: Sequence[str], layers: SceneLayers) -> list[str]:
    """A chosen layer is not in the scene any more (renamed or deleted since it was listed)."""
    known = ", ".join(layer.name for layer in layers.layers)
    return [
        f"The render layer {name!r} is no longer in the scene (renamed or deleted?). Refresh "
        f"the layer list and tick the layers again. Layers now: {known}."
        for name in missing
    ]


def mode_problems(layers: SceneLayers, chosen: Sequence[MayaLayer]) -> list[str]:
    """Legacy layers in a Render Setup session (or Render Setup layers in a legacy one)."""
    explanation = layers.mismatch_explanation(chosen)
    return [explanation] if explanation else []


def camera_problems(details: Sequence[LayerDetails]) -> list[str]:
    """A layer with no renderable camera renders nothing (Redshift aborts the whole render)."""
    return [
        f"The layer {d.layer.name} has no renderable camera, so nothing would be rendered. In "
        "Render Settings > Common > Renderable Camera, pick the shot camera for this layer."
        for d in details
        if not d.cameras
    ]


def plugin_problems(
    details: Sequence[LayerDetails], renderer: str, loaded_plugins: frozenset[str]
) -> list[str]:
    """The renderer's Maya plug-in is not loaded (its scene copies would not render).

    Args:
        details: The chosen layers' details (their own renderer counts when ``renderer`` is
            ``file``).
        renderer: The job's renderer profile name (``file``: each layer's own).
        loaded_plugins: Loaded plug-in names.
    """
    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for d in details:
        name = d.renderer if renderer == "file" else renderer
        wanted.setdefault(name, []).append(d.layer.name)
    for name, layer_names in wanted.items():
        try:
            profile = get_profile(name) if name else None
        except UnknownRendererError:
            problems.append(
                f"The layer(s) {', '.join(layer_names)} render with {name!r}, which LRC Toolbox "
                "does not know. Choose Redshift, Arnold, V-Ray, Maya Software or Maya Hardware 2.0 "
                "in Render Settings, or pick a renderer in the dialog."
            )
            continue
        if profile is None or not profile.maya_plugin:
            continue
        if profile.maya_plugin not in loaded_plugins:
            problems.append(
                f"{profile.label} is not loaded in this Maya (plug-in {profile.maya_plugin}), but "
                f"{', '.join(layer_names)} render with it. Load it in Windows > Settings/"
                "Preferences > Plug-in Manager, or choose another renderer."
            )
    return problems


def _nearest_existing(path: Path) -> Path:
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return probe


def folder_problem(folder: str | Path, what: str) -> str | None:
    """Why ``folder`` cannot receive files, or None when it (or its nearest parent) is writable."""
    target = Path(folder).expanduser()
    probe = _nearest_existing(target)
    if probe.exists() and not probe.is_dir():
        return (
            f"{what} {target} cannot be created: {probe} is a file. Choose another output folder."
        )
    if not os.access(probe, os.W_OK | os.X_OK):
        return (
            f"{what} {target} is not writable (no write permission on {probe}). Choose "
            "another output folder in the dialog, or ask for write access to it."
        )
    return None


def output_problems(details: Sequence[LayerDetails], output_dir: str | None) -> list[str]:
    """The images cannot be written where they would go."""
    if output_dir:
        problem = folder_problem(output_dir, "The output folder")
        return [problem] if problem else []
    problems = []
    for d in details:
        for folder in d.image_dirs:
            problem = folder_problem(folder, f"The image folder of layer {d.layer.name},")
            if problem and problem not in problems:
                problems.append(problem)
    return problems


def estimate_temp_bytes(scene_bytes: int, layer_count: int, *, exported: bool) -> int:
    """Disk space the temporary scenes need.

    Args:
        scene_bytes: The scene file's (or its export's) size.
        layer_count: Layers in the job (one copy each).
        exported: True when the export already exists (only the copies are still to come).
    """
    copies = layer_count + (0 if exported else 1)
    return int(scene_bytes * copies * DISK_MARGIN_RATIO)


def disk_problems(needed_bytes: int, temp_dir: Path) -> list[str]:
    """Not enough free space for the temporary scene copies."""
    try:
        free = shutil.disk_usage(_nearest_existing(temp_dir)).free
    except OSError as exc:
        return [
            f"The temporary folder {temp_dir} cannot be used ({exc.strerror or exc}). Point "
            "TMPDIR (TEMP on Windows) at a writable disk and restart Maya."
        ]
    if free >= needed_bytes:
        return []
    return [
        f"Not enough free disk space for the temporary scene copies: they need about "
        f"{needed_bytes / _GIB:.1f} GB in {temp_dir}, and only {free / _GIB:.1f} GB is free. Free "
        "some space there, render fewer layers at once, or point TMPDIR (TEMP on Windows) at a "
        "bigger disk and restart Maya."
    ]


def find_problems(facts: SceneFacts, config: RenderConfig) -> list[str]:
    """Every problem with rendering ``config`` from this scene (empty: good to go)."""
    problems = missing_layer_problems(facts.missing, facts.layers)
    if not facts.chosen and not facts.missing:
        problems.append(
            "No render layer is renderable in this scene. Tick the layers to "
            "render (a ticked layer renders even when it is switched off in Maya)."
        )
    problems += mode_problems(facts.layers, facts.chosen)
    details = facts.details or ()
    problems += camera_problems(details)
    problems += plugin_problems(details, config.renderer, facts.loaded_plugins)
    problems += output_problems(details, config.output_dir)
    if facts.scene_bytes is not None and facts.chosen:
        needed = estimate_temp_bytes(facts.scene_bytes, len(facts.chosen), exported=False)
        problems += disk_problems(needed, facts.temp_dir)
    return problems


def loaded_plugins() -> frozenset[str]:
    """Names of the plug-ins loaded in this Maya."""
    return frozenset(host.as_strings(host.maya_cmds.pluginInfo(query=True, listPlugins=True)))


def scene_file_bytes() -> int | None:
    """Size of the open scene's file on disk (None: untitled, or not saved there)."""
    name = str(host.maya_cmds.file(query=True, sceneName=True) or "")
    try:
        return os.path.getsize(name) if name else None
    except OSError:
        return None


def gather_facts(
    config: RenderConfig,
    progress: StepProgress | SubProgress | None = None,
    temp_dir: Path | None = None,
) -> SceneFacts:
    """Read from the open scene what :func:`find_problems` needs (main thread).

    Reading each chosen layer's details makes it current in turn; the scene is put back
    afterwards (see :func:`~lrc_toolbox.maya.layers.read_layer_details`).

    Raises:
        PreparationCancelled: Cancel was pressed while the layers were read.
        SceneStateError: The scene could not be put back exactly.
    """
    layers = list_scene_layers()
    chosen, missing = layers.chosen(list(config.layers))
    details = read_layer_details(chosen, progress, layers.mode) if chosen else []
    return SceneFacts(
        layers=layers,
        chosen=tuple(chosen),
        missing=tuple(missing),
        details=tuple(details),
        loaded_plugins=loaded_plugins(),
        scene_bytes=scene_file_bytes(),
        temp_dir=temp_dir or default_temp_dir(),
    )
