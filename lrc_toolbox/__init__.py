"""lrc_toolbox: the LRC Toolbox Batch Render Manager.

Runs several Maya ``Render`` processes at once, each pinned to its own GPU, from a Qt dialog inside
Maya, from Python (:mod:`lrc_toolbox.api`) or from a shell (``lrc-batch-render``). The core packages
(``core``, ``utils``, ``renderers``, ``cli``, ``config``) never import Maya or Qt.
"""

__version__ = "0.1.0"
