import datetime as dt

import pytest

from crisisdesk.ingest.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Jan 6, 2022", "2022-01-06"),
        ("January 5, 2022", "2022-01-05"),
        ("Thursday, January 6, 2022", "2022-01-06"),
        ("6 January 2022", "2022-01-06"),
        ("2022-01-06", "2022-01-06"),
        ("06.01.2022", "2022-01-06"),
        ("Sept. 3, 2021", "2021-09-03"),
    ],
)
def test_full_dates(text, iso):
    found = parse_date(text)
    assert found is not None and found.iso == iso and found.weekday_agrees


@pytest.mark.parametrize("text", ["January 5", "may 6, 2022", "2022", "February 30, 2022", "Jan 6, 2022 and more"])
def test_not_one_full_date(text):
    assert parse_date(text) is None


def test_weekday_that_disagrees_is_flagged():
    assert parse_date("Friday, January 6, 2022").weekday_agrees is False


def test_offsets_point_into_the_text():
    text = "Peacekeepers landed in Kazakhstan, Thursday, January 6, 2022.Credit:TV"
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "Thursday, January 6, 2022"
    assert found.date == dt.date(2022, 1, 6)


def test_dates_never_cross_a_line_break():
    assert list(find_dates("January\n6, 2022")) == []
