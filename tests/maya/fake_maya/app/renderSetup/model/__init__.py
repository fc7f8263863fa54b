"""Fake ``maya.app.renderSetup.model``."""

from . import renderSetup  # noqa: F401
