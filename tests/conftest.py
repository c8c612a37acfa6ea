"""Shared pytest setup. Browser tests (marked `browser`, dash[testing]'s `dash_duo`) run headless Chrome/Chromium
by default (TIMELINE_BROWSER_HEADED=1 shows the window) and are skipped when chromium or chromedriver is absent."""
from __future__ import annotations

import os
import shutil

import pytest

try:
    from dash.testing import plugin as _dash_plugin

    _DASH_TESTING = bool(getattr(_dash_plugin, "_installed", False))
except ImportError:  # dash[testing] missing
    _DASH_TESTING = False


def chrome_binary() -> str | None:
    for name in ("google-chrome", "google-chrome-stable", "chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser_missing() -> str | None:
    if not _DASH_TESTING:
        return "dash[testing] is not installed"
    if chrome_binary() is None:
        return "no chromium / chrome on PATH"
    if shutil.which("chromedriver") is None:
        return "no chromedriver on PATH"
    return None


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:selenium.*")
    if hasattr(config.option, "headless") and not os.environ.get("TIMELINE_BROWSER_HEADED"):
        config.option.headless = True


def pytest_collection_modifyitems(config, items):
    reason = browser_missing()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=f"browser test: {reason}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


if _DASH_TESTING:
    def pytest_setup_options():
        """Chrome options for dash_duo: no network chatter (the machine may be offline), a fixed window size."""
        from selenium.webdriver.chrome.options import Options

        options = Options()
        binary = chrome_binary()
        if binary and "chromium" in binary:
            options.binary_location = binary
        for arg in ("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                    "--disable-default-apps", "--disable-sync", "--disable-extensions", "--no-first-run",
                    "--metrics-recording-only", "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--window-size=1400,1100", "--hide-scrollbars"):
            options.add_argument(arg)
        return options
