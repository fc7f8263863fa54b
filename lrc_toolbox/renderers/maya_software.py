"""Maya Software (``Render -r sw``): a CPU renderer, Maya-core log rules only.

Maya Software prints ``Starting Rendering <image>``, ``Percentage of rendering done: N`` and
``Finished Rendering <image>.``, all covered by :mod:`lrc_toolbox.renderers.maya_common`.
"""

from __future__ import annotations

from lrc_toolbox.renderers.base import RendererProfile
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules

MAYA_SOFTWARE_PROFILE = RendererProfile(
    name="sw",
    render_flag="sw",
    label="Maya Software",
    uses_gpu=False,
    rules=maya_rules(),
    env=maya_env(),
    # ``-n N``: "Number of processors to use (0 indicates use all available)".
    threads_flag="-n",
)
