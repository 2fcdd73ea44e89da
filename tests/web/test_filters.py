"""Event filters reach SQL only as bound parameters."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from crisisdesk.web.filters import EventFilters, FilterError, event_query

HOSTILE = "x' OR '1'='1'; DROP TABLE events; --"


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_values_are_parameters(dialect):
    filters = EventFilters.parse(type=HOSTILE, place=HOSTILE, actor=HOSTILE, outlet=HOSTILE,
                                 date_from="2025-03-01", date_to="2025-03-09")
    compiled = event_query(filters).compile(dialect=dialect)
    assert "DROP" not in str(compiled) and "2025-03" not in str(compiled)
    assert HOSTILE in compiled.params.values()


def test_parse():
    assert EventFilters.parse(place="  Teska ", type="") == EventFilters(place="Teska")
    assert EventFilters.parse(date_from="2025-03-01").params() == {"date_from": "2025-03-01"}
    assert not EventFilters.parse()
    with pytest.raises(FilterError, match="date_to must be a day"):
        EventFilters.parse(date_to="2025-13-01")
    with pytest.raises(FilterError, match="date_from must be a day"):
        EventFilters.parse(date_from="2025-3-1")
