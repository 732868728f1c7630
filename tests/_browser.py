"""What the browser tests share: Debian's Chromium, how to launch it here, and failing (not skipping) without it."""

from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def playwright_or_fail():
    """Playwright's ``sync_playwright``; fail when it or Chromium is missing (skip only with KIT_SKIP_BROWSER=1)."""
    problems = []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
        problems.append("Playwright for Python is not installed (.venv/bin/python -m pip install playwright)")
    if not os.path.exists(CHROMIUM):
        problems.append(f"{CHROMIUM} is missing (as root: apt-get update && apt-get install -y chromium)")
    if problems:
        message = "; ".join(problems) + ". Set KIT_SKIP_BROWSER=1 to skip the browser tests on purpose."
        if os.environ.get("KIT_SKIP_BROWSER") == "1":
            pytest.skip(message)
        pytest.fail(message)
    return sync_playwright
