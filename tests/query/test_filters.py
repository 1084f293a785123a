import datetime as dt

import pytest

from summits.model import Kind
from summits.query import counts, filters, names


def test_bush_means_both_presidents_bush(mini) -> None:  # type: ignore[no-untyped-def]
    assert names.resolve_leader(mini, "Bush") == {"bush-hw", "bush-gw"}
    assert names.resolve_leader(mini, "george w. bush") == {"bush-gw"}
    assert names.resolve_leader(mini, "BUSH SR") == {"bush-hw"}
    assert names.resolve_leader(mini, "putin") == {"putin"}


def test_unknown_leader_suggests_close_names(mini) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(names.UnknownName) as raised:
        names.resolve_leader(mini, "Gorbachov")
    assert raised.value.suggestions == ("Mikhail Gorbachev",)


def test_unknown_meeting_suggests_ids(mini) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(names.UnknownName) as raised:
        names.resolve_meeting(mini, "helsinki-2019")
    assert raised.value.suggestions == ("helsinki-2018",)


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


def test_count_by_president_counts_only_sitting_presidents(mini) -> None:  # type: ignore[no-untyped-def]
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "president")
    assert [(r.key, r.count) for r in rows] == [("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 2)]


def test_count_by_pair_sets_the_reported_tally_beside_the_listed(mini) -> None:  # type: ignore[no-untyped-def]
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "pair")
    bush_putin = next(r for r in rows if r.key == "George W. Bush – Vladimir Putin")
    assert (bush_putin.count, bush_putin.reported, bush_putin.checks[0].listed) == (2, 3, 2)


def test_count_by_decade_and_kind(mini) -> None:  # type: ignore[no-untyped-def]
    meetings = filters.select(mini, filters.Filters()).meetings
    assert [(r.key, r.count) for r in counts.count(mini, meetings, "decade")] == [
        ("1980s", 2),
        ("2000s", 2),
        ("2010s", 2),
    ]
    assert [(r.key, r.count) for r in counts.count(mini, meetings, "kind")] == [
        ("summit", 4),
        ("informal", 1),
        ("sidelines", 1),
    ]


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
