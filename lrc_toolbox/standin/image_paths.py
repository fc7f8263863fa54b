"""Image file names the Render STAND-IN writes, following Maya's naming rules.

Maya builds an image path from the output directory (``-rd``), a prefix with tokens (``-im``), the
frame number padded to ``-pad`` digits and the format's extension, arranged by the file name
convention (``-fnc``, default ``name.#.ext``). The engine verifies frames by these paths, so the
stand-in must name files exactly the way its profiles predict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: Legacy node name of the master layer, and the name artists see for it.
MASTER_LAYER_NODE: str = "defaultRenderLayer"
MASTER_LAYER_NAME: str = "masterLayer"

#: Prefix Render Setup puts on the legacy ``renderLayer`` node that drives layer ``X`` (``rs_X``).
RENDER_SETUP_NODE_PREFIX: str = "rs_"

#: Prefix used when neither ``-im`` nor a scene prefix is known (Maya's usual batch layout).
DEFAULT_IMAGE_PREFIX: str = "<RenderLayer>/<Scene>"
DEFAULT_CAMERA: str = "persp"
DEFAULT_IMAGE_FORMAT: str = "exr"

#: ``-of`` spellings that name the same file extension.
_FORMAT_EXTENSIONS: dict[str, str] = {
    "openexr": "exr",
    "deepexr": "exr",
    "tiff": "tif",
    "jpeg": "jpg",
    "maya": "iff",
}

_TOKEN_RE = re.compile(r"<(scene|renderlayer|layer|camera)>", re.IGNORECASE)
_LAYER_TOKEN_RE = re.compile(r"<(renderlayer|layer)>", re.IGNORECASE)


def artist_layer_name(layer: str) -> str:
    """Return the layer name an artist sees for a ``Render -rl`` layer name.

    Args:
        layer: A render layer node name (``rs_CHAR``, ``defaultRenderLayer``) or an artist name.

    Returns:
        ``CHAR`` for ``rs_CHAR``, ``masterLayer`` for ``defaultRenderLayer``, else ``layer``.
    """
    if layer in (MASTER_LAYER_NODE, MASTER_LAYER_NAME):
        return MASTER_LAYER_NAME
    if layer.startswith(RENDER_SETUP_NODE_PREFIX) and len(layer) > len(RENDER_SETUP_NODE_PREFIX):
        return layer[len(RENDER_SETUP_NODE_PREFIX) :]
    return layer


def format_frame_number(number: int, padding: int) -> str:
    """Return a frame number as Maya writes it in file names (C ``%0*d``).

    Args:
        number: The frame number (may be negative).
        padding: Total width; a negative number's minus sign counts toward it.

    Returns:
        ``0007`` for (7, 4); ``-005`` for (-5, 4); ``12345`` for (12345, 4).
    """
    return f"{number:0{padding}d}"


def image_extension(image_format: str | None) -> str:
    """Return the file extension for an ``-of`` value.

    Args:
        image_format: The ``-of`` value, or None.

    Returns:
        The extension without the dot (``exr`` when absent; ``tiff`` gives ``tif``).
    """
    if not image_format:
        return DEFAULT_IMAGE_FORMAT
    lowered = image_format.lower()
    return _FORMAT_EXTENSIONS.get(lowered, lowered)


@dataclass(frozen=True)
class ImageNaming:
    """Everything that names one layer's images.

    Attributes:
        output_dir: Image directory (``-rd`` under the workspace root, else the workspace's
            ``images`` rule; see :mod:`lrc_toolbox.standin.workspace`).
        prefix: Image prefix template (``-im`` or :data:`DEFAULT_IMAGE_PREFIX`).
        scene_stem: The scene file name without its extension (``<Scene>``).
        layer: The layer as given to ``-rl`` (node or artist name).
        camera: Camera name (``<Camera>``).
        extension: File extension without the dot.
        padding: Frame number width.
        convention: File name convention (one of ``command_line.FILE_NAME_CONVENTIONS``).
        separate_layer_folders: Put each layer in its own folder when the prefix has no layer
            token (several layers in one run would otherwise overwrite each other).
    """

    output_dir: Path
    prefix: str
    scene_stem: str
    layer: str
    camera: str = DEFAULT_CAMERA
    extension: str = DEFAULT_IMAGE_FORMAT
    padding: int = 4
    convention: str = "name.#.ext"
    separate_layer_folders: bool = False

    def path_for(self, number: int) -> Path:
        """Return the image path for one output frame number.

        Args:
            number: The number in the file name (the frame, or its renumbered value).

        Returns:
            The absolute or ``output_dir``-relative image path.
        """
        name = self._name()
        digits = format_frame_number(number, self.padding)
        ext = self.extension
        pattern = {
            "name": "{n}",
            "name.ext": "{n}.{e}",
            "name.#.ext": "{n}.{f}.{e}",
            "name.ext.#": "{n}.{e}.{f}",
            "name.#": "{n}.{f}",
            "name#.ext": "{n}{f}.{e}",
            "name_#.ext": "{n}_{f}.{e}",
        }[self.convention]
        return self.output_dir / pattern.format(n=name, f=digits, e=ext)

    def still_path(self) -> Path:
        """Return the image path of a still: no frame number (Maya's ``<prefix>.<ext>``).

        Autodesk, "Subfolders and names of rendered images": a still render of ``MyScene`` is
        saved "as MyScene.iff". The conventions without an extension (``name``, ``name.#``)
        give the bare name.
        """
        name = self._name()
        if self.convention in ("name", "name.#"):
            return self.output_dir / name
        return self.output_dir / f"{name}.{self.extension}"

    def _name(self) -> str:
        """The prefix with its tokens filled (and a layer folder when several layers render)."""
        prefix = self.prefix
        if self.separate_layer_folders and _LAYER_TOKEN_RE.search(prefix) is None:
            prefix = f"<RenderLayer>/{prefix}"
        return _TOKEN_RE.sub(self._token_value, prefix)

    def _token_value(self, match: re.Match[str]) -> str:
        """Return the value of one ``<Token>`` in the prefix."""
        token = match.group(1).lower()
        if token == "scene":
            return self.scene_stem
        if token == "camera":
            # Maya writes ':' (namespaces) and '|' (DAG paths) of camera names as '_'.
            return re.sub(r"[:|]", "_", self.camera).strip("_") or DEFAULT_CAMERA
        return artist_layer_name(self.layer)
