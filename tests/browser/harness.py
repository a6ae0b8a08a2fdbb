"""Moved to tools/browser.py (docs/make_screenshots.py uses it too); kept for code written against this path."""

from tools.browser import *  # noqa: F403
