"""Selecting meetings: leaders, ranges, countries, topics, calls left out and counted, quotes by speaker."""

import datetime as dt

import pytest

from summits.model import Kind
from summits.query import filters, names


def test_two_leaders_mean_meetings_with_both(mini) -> None:  # type: ignore[no-untyped-def]
    chosen = filters.Filters(leaders=(names.resolve_leader(mini, "Bush"), names.resolve_leader(mini, "Gorbachev")))
    assert [m.id for m in filters.select(mini, chosen).meetings] == ["new-york-1988"]


def test_year_range_is_inclusive_and_keeps_year_only_dates(mini) -> None:  # type: ignore[no-untyped-def]
    chosen = filters.Filters(
        start=filters.parse_bound("2005-06", upper=False), end=filters.parse_bound("2017", upper=True)
    )
    assert [m.id for m in filters.select(mini, chosen).meetings] == ["bratislava-2005", "hamburg-2017"]


def test_calls_are_left_out_unless_asked_for(mini) -> None:  # type: ignore[no-untyped-def]
    assert "trump-putin-call-2025-02" not in [m.id for m in filters.select(mini, filters.Filters()).meetings]
    assert [m.id for m in filters.select(mini, filters.Filters()).left_out] == ["trump-putin-call-2025-02"]
    with_calls = filters.select(mini, filters.Filters(include_calls=True)).meetings
    assert with_calls[-1].id == "trump-putin-call-2025-02"
    assert [m.id for m in filters.select(mini, filters.Filters(kind=Kind.PHONE)).meetings] == [
        "trump-putin-call-2025-02"
    ]


def test_country_accepts_synonyms_and_topic_matches_part_of_a_word(mini) -> None:  # type: ignore[no-untyped-def]
    assert names.resolve_country(mini, "usa") == "United States"
    topics = filters.select(mini, filters.Filters(topic="nuclear")).meetings
    assert [m.id for m in topics] == ["reykjavik-1986", "helsinki-2018"]


def test_parse_bound_rejects_garbage() -> None:
    assert filters.parse_bound("2001", upper=True) == dt.date(2001, 12, 31)
    with pytest.raises(ValueError, match="not a year or date"):
        filters.parse_bound("20x5", upper=False)


def test_quotes_by_speaker(mini) -> None:  # type: ignore[no-untyped-def]
    meeting = mini.meeting("helsinki-2018")
    assert [q.text for q in filters.quotes_of(mini, meeting, "Putin")] == ["successful and useful"]
    assert [q.text for q in filters.quotes_of(mini, meeting, "peskov")] == ["There is no clear agenda."]
    with pytest.raises(names.UnknownName):
        filters.quotes_of(mini, meeting, "Nobody")
