"""Fake ``maya.app``."""

from . import renderSetup  # noqa: F401
