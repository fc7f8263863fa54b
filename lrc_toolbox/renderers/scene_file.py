"""The scene's own renderer (``Render -r file``): each layer renders with what the scene says.

The renderer is unknown when the command is built, so the profile passes no renderer flags (a
Redshift flag would make Arnold's ``Render`` fail) and relies on ``CUDA_VISIBLE_DEVICES`` to pin
the GPU. It assumes a GPU renderer, wants the Redshift safety variable (ignored by the others) and
parses with every renderer's rules, since any of them may print, except their plug-in load
failures: which renderer the scene uses is unknown here, and a scene's ``requires`` of a plug-in
it does not render with fails to load harmlessly. (The planner reads a ``.ma`` scene's renderer
per layer and gives each layer its renderer's own profile; this one is for the rest.)
"""

from __future__ import annotations

from lrc_toolbox.renderers.arnold import ARNOLD_RULES
from lrc_toolbox.renderers.base import RendererProfile
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules
from lrc_toolbox.renderers.redshift import REDSHIFT_RULES
from lrc_toolbox.renderers.vray import VRAY_RULES

SCENE_FILE_PROFILE = RendererProfile(
    name="file",
    render_flag="file",
    label="Scene renderer",
    uses_gpu=True,
    rules=maya_rules(REDSHIFT_RULES, ARNOLD_RULES, VRAY_RULES),
    env=maya_env(REDSHIFT_FORCEQUITONINTERNALERROR="1"),
)
