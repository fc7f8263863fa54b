"""The Maya ASCII (``.ma``) scene format, in pure Python (no Maya, no Qt).

One job per module:

- :mod:`~lrc_toolbox.scene.lexing`: the streaming MEL statement scanner and the word tokenizer.
- :mod:`~lrc_toolbox.scene.statements`: the statements that matter for rendering, with the node
  a relative ``setAttr`` applies to, and the command-argument helpers.
- :mod:`~lrc_toolbox.scene.file_check`: is a path a readable Maya ASCII scene (header probe).
- :mod:`~lrc_toolbox.scene.scene_info`: :class:`SceneInfo` / :class:`LayerInfo` and
  :func:`read_scene`, the interpreter that builds them (only layers Maya can render).
- :mod:`~lrc_toolbox.scene.layer_overrides`: the Render Setup tree and legacy adjustments of a
  file, each layer's overrides in Maya's order (:class:`LayerOverride`).
- :mod:`~lrc_toolbox.scene.layer_settings`: :class:`LayerSettings`, what a layer renders
  (renderer, animation flag, frames) with its overrides applied.
- :mod:`~lrc_toolbox.scene.patching`: the byte edits that make chosen layers the only renderable
  ones, and the streaming copy that applies them.
- :mod:`~lrc_toolbox.scene.snapshots`: :class:`SceneSnapshots`, the per-layer private copies
  written into a :class:`~lrc_toolbox.utils.temp_file_manager.TempFileManager`'s job folder.
- :mod:`~lrc_toolbox.scene.dependencies`: :func:`find_dependencies`, the references, textures and
  caches a scene needs (what a farm must receive along with it).
- :mod:`~lrc_toolbox.scene.relocation`: :func:`plan_path_edits`, a copy elsewhere that names
  the files the original finds beside itself by their absolute paths.
- :mod:`~lrc_toolbox.scene.workspace`: Maya projects: finding one from a scene, its ``images``
  rule, Maya's default project.
- :mod:`~lrc_toolbox.scene.errors`: :class:`SceneReadError` and its subclasses.

Layering: this package may import ``lrc_toolbox.utils`` and ``lrc_toolbox.config``; ``core`` and
the layers above it import it; ``utils``, ``config`` and ``renderers`` never do.
"""

from __future__ import annotations

from lrc_toolbox.scene.dependencies import (
    SceneDependencies,
    ScenePath,
    find_dependencies,
    read_scene_paths,
)
from lrc_toolbox.scene.errors import (
    BINARY_SCENE_HINT,
    BinarySceneError,
    LayerNotFoundError,
    NotMayaAsciiError,
    SceneIsDirectoryError,
    SceneNotFoundError,
    ScenePermissionError,
    SceneReadError,
)
from lrc_toolbox.scene.file_check import check_scene_file
from lrc_toolbox.scene.layer_overrides import LayerOverride
from lrc_toolbox.scene.layer_settings import LayerSettings
from lrc_toolbox.scene.lexing import (
    Statement,
    Word,
    iter_statements,
    split_statements,
    tokenize,
)
from lrc_toolbox.scene.patching import (
    ByteEdit,
    RenderablePatch,
    copy_with_edits,
    plan_renderable_patch,
)
from lrc_toolbox.scene.relocation import PathRewrite, plan_path_edits
from lrc_toolbox.scene.scene_info import (
    MASTER_LAYER_NAME,
    MAYA_DEFAULT_RENDERER,
    LayerInfo,
    SceneInfo,
    read_scene,
)
from lrc_toolbox.scene.snapshots import PathAnchor, SceneSnapshots
from lrc_toolbox.scene.statements import (
    DEFAULT_LAYER_NODE,
    SceneStatement,
    iter_scene_statements,
    parse_plug,
)

__all__ = [
    "BINARY_SCENE_HINT",
    "DEFAULT_LAYER_NODE",
    "MASTER_LAYER_NAME",
    "MAYA_DEFAULT_RENDERER",
    "BinarySceneError",
    "ByteEdit",
    "LayerInfo",
    "LayerNotFoundError",
    "LayerOverride",
    "LayerSettings",
    "NotMayaAsciiError",
    "RenderablePatch",
    "SceneDependencies",
    "SceneInfo",
    "SceneIsDirectoryError",
    "SceneNotFoundError",
    "ScenePermissionError",
    "SceneReadError",
    "SceneSnapshots",
    "ScenePath",
    "SceneStatement",
    "PathAnchor",
    "PathRewrite",
    "Statement",
    "Word",
    "check_scene_file",
    "copy_with_edits",
    "find_dependencies",
    "iter_scene_statements",
    "iter_statements",
    "parse_plug",
    "plan_path_edits",
    "plan_renderable_patch",
    "read_scene",
    "read_scene_paths",
    "split_statements",
    "tokenize",
]
