"""A Render STAND-IN: a small program that imitates Maya's ``Render`` for tests and demos.

It is *not* Maya. It accepts Render's flags, behaves like ``Render.exe`` (a launcher that starts a
worker child), prints log lines in the format of the chosen renderer, writes one placeholder image per
frame and can inject faults. Everything tested against it is labelled as such in the docs.
"""
