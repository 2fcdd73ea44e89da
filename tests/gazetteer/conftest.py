"""The real gazetteer, built once per machine by the code under test."""

from __future__ import annotations

import pytest

from crisisdesk import gazetteer


@pytest.fixture(scope="session")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.open()
