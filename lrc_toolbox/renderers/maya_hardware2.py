"""Maya Hardware 2.0 (``Render -r hw2``): Viewport 2.0 rendering, Maya-core log rules only.

Hardware 2.0 draws through OpenGL/DirectX, not CUDA, so ``CUDA_VISIBLE_DEVICES`` does not pin it and
it takes no GPU slot. It has no thread-count flag.
"""

from __future__ import annotations

from lrc_toolbox.renderers.base import RendererProfile
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules

MAYA_HARDWARE2_PROFILE = RendererProfile(
    name="hw2",
    render_flag="hw2",
    label="Maya Hardware 2.0",
    uses_gpu=False,
    rules=maya_rules(),
    env=maya_env(),
)
