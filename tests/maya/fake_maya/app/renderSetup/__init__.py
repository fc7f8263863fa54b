"""Fake ``maya.app.renderSetup``."""

from . import model  # noqa: F401
