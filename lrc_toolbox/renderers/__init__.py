"""Renderer profiles and their registry: ``get_profile("redshift")``, ``profile_names()``.

Each profile (see :mod:`lrc_toolbox.renderers.base`) knows how to build ``Render``'s argv, which
environment the renderer wants and how to read its log. Names are matched case-insensitively;
Maya's own renderer names (``defaultRenderGlobals.currentRenderer``: ``mayaSoftware``,
``mayaHardware2``, ``arnold``, ``redshift``, ``vray``) are accepted as aliases, so a value read
from a scene can be looked up directly.
"""

from __future__ import annotations

from lrc_toolbox.renderers.arnold import ARNOLD_PROFILE
from lrc_toolbox.renderers.base import (
    EventKind,
    InvalidInvocationError,
    LineRule,
    LogEvent,
    LogParser,
    RendererProfile,
    RenderInvocation,
    frame_from_image_path,
    iter_events,
)
from lrc_toolbox.renderers.maya_hardware2 import MAYA_HARDWARE2_PROFILE
from lrc_toolbox.renderers.maya_software import MAYA_SOFTWARE_PROFILE
from lrc_toolbox.renderers.redshift import REDSHIFT_PROFILE
from lrc_toolbox.renderers.scene_file import SCENE_FILE_PROFILE
from lrc_toolbox.renderers.vray import VRAY_PROFILE

__all__ = [
    "EventKind",
    "InvalidInvocationError",
    "LineRule",
    "LogEvent",
    "LogParser",
    "RenderInvocation",
    "RendererProfile",
    "UnknownRendererError",
    "frame_from_image_path",
    "get_profile",
    "iter_events",
    "profile_names",
]

#: Profiles in display order (the CLI's ``--renderer`` choices, the dialog's combo box).
_PROFILES: tuple[RendererProfile, ...] = (
    SCENE_FILE_PROFILE,
    REDSHIFT_PROFILE,
    ARNOLD_PROFILE,
    VRAY_PROFILE,
    MAYA_SOFTWARE_PROFILE,
    MAYA_HARDWARE2_PROFILE,
)

#: Other spellings: Maya's ``currentRenderer`` values, plug-in names and common names.
_ALIASES: dict[str, str] = {
    "mayaSoftware": "sw",
    "software": "sw",
    "mayaHardware2": "hw2",
    "hardware2": "hw2",
    "V-Ray": "vray",
    "vrayformaya": "vray",
    "mtoa": "arnold",
    "redshift4maya": "redshift",
    "scene": "file",
}

_BY_NAME: dict[str, RendererProfile] = {profile.name: profile for profile in _PROFILES}
_BY_KEY: dict[str, RendererProfile] = {
    **{name.lower(): profile for name, profile in _BY_NAME.items()},
    **{alias.lower(): _BY_NAME[target] for alias, target in _ALIASES.items()},
}


class UnknownRendererError(ValueError):
    """A renderer name that no profile answers to."""


def profile_names() -> list[str]:
    """Return the canonical profile names, in display order.

    Returns:
        ``["file", "redshift", "arnold", "vray", "sw", "hw2"]``.
    """
    return [profile.name for profile in _PROFILES]


def get_profile(name: str) -> RendererProfile:
    """Return the profile for a renderer name or alias (case-insensitive).

    Args:
        name: A profile name (``redshift``, ``sw``...) or an alias (``mayaSoftware``,
            ``mayaHardware2``, ``mtoa``...). Surrounding whitespace is ignored.

    Returns:
        The profile.

    Raises:
        UnknownRendererError: If nothing answers to ``name``; the message lists the known names.
    """
    if isinstance(name, str):
        profile = _BY_KEY.get(name.strip().lower())
        if profile is not None:
            return profile
    known = ", ".join(profile_names())
    aliases = ", ".join(_ALIASES)
    raise UnknownRendererError(
        f"unknown renderer {name!r}; known renderers: {known} (aliases: {aliases})"
    )
