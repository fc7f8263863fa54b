"""``defaultRenderGlobals`` attribute names and the readers of ``setAttr`` values.

Shared by :mod:`lrc_toolbox.scene.scene_info`: which render-globals attributes the reader reports
(short and long names), Maya's ``imageFormat`` enum, and the helpers that turn a ``setAttr``'s
value words into a string, a bool or a number.
"""

from __future__ import annotations

from lrc_toolbox.scene.lexing import Word

__all__ = ["GLOBAL_ATTRS", "IMAGE_FORMAT_ENUM", "bool_value", "float_value", "string_value"]

_TRUE_WORDS = frozenset({"yes", "on", "true", "1"})
_FALSE_WORDS = frozenset({"no", "off", "false", "0"})
# defaultRenderGlobals attributes we report, short and long names.
GLOBAL_ATTRS = {
    "ren": "renderer",
    "currentRenderer": "renderer",
    "fs": "start_frame",
    "startFrame": "start_frame",
    "ef": "end_frame",
    "endFrame": "end_frame",
    "bfs": "by_frame",
    "byFrameStep": "by_frame",
    "an": "animation",
    "animation": "animation",
    "ifp": "image_prefix",
    "imageFilePrefix": "image_prefix",
    "imfkey": "image_format",
    "imfPluginKey": "image_format",
    "outf": "image_format_enum",
    "imageFormat": "image_format_enum",
}
# defaultRenderGlobals.imageFormat enum values (Maya's own enum list) to the usual extension.
# Used only when the file sets .outf but not .imfkey.
IMAGE_FORMAT_ENUM = {
    0: "gif",
    1: "si",
    2: "rla",
    3: "tif",
    4: "tif",
    5: "sgi",
    6: "als",
    7: "iff",
    8: "jpg",
    9: "eps",
    10: "iff",
    12: "yuv",
    13: "sgi",
    19: "tga",
    20: "bmp",
    31: "psd",
    32: "png",
    35: "dds",
    36: "psd",
    40: "exr",
}


def string_value(values: list[Word]) -> str | None:
    """The string a setAttr assigns: one quoted word, or ``("a" + "b")`` concatenations."""
    if not values:
        return None
    if values[0].text == "(" and not values[0].quoted:
        return "".join(w.text for w in values if w.quoted)
    return values[0].text


def bool_value(values: list[Word]) -> bool | None:
    """A ``yes``/``no``/``on``/``off``/``1``/``0`` value, or None when it is none of those."""
    if not values:
        return None
    word = values[0].text.lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


def float_value(values: list[Word]) -> float | None:
    """A finite number, or None when the value is not one."""
    if not values:
        return None
    try:
        value = float(values[0].text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None
