"""Debian's Chromium driven by Playwright, shared by the report and web app browser tests.

A plain module on the tests' sys.path (see conftest.py), not a conftest: both test
folders import the same launch settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (CI runs as root); no background networking (this machine's network is closed).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
MISSING = "Debian chromium is not installed: run scripts/browser-deps.sh"


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium, closed afterwards; `playwright install` is never used."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
