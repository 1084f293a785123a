"""Selecting meetings: leaders, ranges, countries, topics, the default selection and what it leaves out (contact
levels, leaders out of office), repeated options as unions, quotes by speaker."""

import datetime as dt

import pytest

from summits.dataset.build import build
from summits.model import Contact, Dataset, Kind
from summits.output.text import left_out_note
from summits.query import filters, names
from tests.conftest import MINI_TEXT, tomllib


def _variant(*replacements: tuple[str, str]) -> Dataset:
    """The mini dataset with some of its text replaced (each replacement must change the text)."""
    text = MINI_TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    dataset, problems = build(tomllib.loads(text))
    assert problems == [] and dataset is not None
    return dataset


# Hamburg 2017: both there, no conversation reported. New York 1988: only the vice president and Gorbachev.
ATTENDED = ('kind = "sidelines"\ncontact = "talks"', 'kind = "sidelines"\ncontact = "attended"')
OUT_OF_OFFICE = ('participants = ["reagan", "bush-hw", "gorbachev"]', 'participants = ["bush-hw", "gorbachev"]')


def ids(selection: filters.Selection) -> list[str]:
    return [m.id for m in selection.meetings]


def test_two_leaders_mean_meetings_with_both(mini) -> None:  # type: ignore[no-untyped-def]
    chosen = filters.Filters(leaders=(names.resolve_leader(mini, "Bush"), names.resolve_leader(mini, "Gorbachev")))
    assert [m.id for m in filters.select(mini, chosen).meetings] == ["new-york-1988"]


def test_year_range_is_inclusive_and_keeps_year_only_dates(mini) -> None:  # type: ignore[no-untyped-def]
    chosen = filters.Filters(
        start=filters.parse_bound("2005-06", upper=False), end=filters.parse_bound("2017", upper=True)
    )
    assert [m.id for m in filters.select(mini, chosen).meetings] == ["bratislava-2005", "hamburg-2017"]


def test_calls_are_left_out_unless_asked_for(mini) -> None:  # type: ignore[no-untyped-def]
    default = filters.select(mini, filters.Filters())
    assert "trump-putin-call-2025-02" not in ids(default)
    assert [(reason, m.id) for reason, m in default.excluded] == [("call", "trump-putin-call-2025-02")]
    assert default.left_out == {"call": 1}
    with_calls = filters.select(mini, filters.filters_from(mini, calls=True))
    assert ids(with_calls)[-1] == "trump-putin-call-2025-02"
    assert (len(with_calls.meetings), with_calls.left_out) == (7, {})
    # asking for a call kind asks for calls
    assert ids(filters.select(mini, filters.Filters(kinds=frozenset({Kind.PHONE})))) == ["trump-putin-call-2025-02"]
    only_calls = filters.select(mini, filters.filters_from(mini, contact=["call"]))
    assert ids(only_calls) == ["trump-putin-call-2025-02"]
    assert only_calls.left_out == {"talks": 6}


def test_the_default_is_talks_or_encounter_between_leaders_in_office() -> None:
    dataset = _variant(ATTENDED, OUT_OF_OFFICE)
    default = filters.select(dataset, filters.Filters())
    assert ids(default) == ["reykjavik-1986", "ljubljana-2001", "bratislava-2005", "helsinki-2018"]
    assert [(reason, m.id) for reason, m in default.excluded] == [
        (filters.OUT_OF_OFFICE, "new-york-1988"),
        ("attended", "hamburg-2017"),
        ("call", "trump-putin-call-2025-02"),
    ]
    assert default.left_out == {"out of office": 1, "attended": 1, "call": 1}
    assert left_out_note(default.left_out) == (
        "note: also matching but left out: 1 attended-only (--contact attended), 1 call (--calls), "
        "1 with a leader out of office (--all); --all includes every record."
    )
    new_york = dataset.meeting("new-york-1988")
    assert new_york is not None and not new_york.between_leaders
    assert [(p.leader.id, p.role, p.in_office) for p in new_york.participants] == [
        ("bush-hw", "Vice President and President-elect", False),
        ("gorbachev", "General Secretary of the Communist Party", True),
    ]


def test_contact_levels_are_asked_for_and_all_brings_every_record() -> None:
    dataset = _variant(ATTENDED, OUT_OF_OFFICE)
    attended = filters.select(dataset, filters.filters_from(dataset, contact=["attended"]))
    assert ids(attended) == ["hamburg-2017"]
    assert attended.left_out == {"talks": 5, "call": 1}  # New York 1988: left out for its level before its offices
    both = filters.select(dataset, filters.filters_from(dataset, contact=["talks", "attended"]))
    assert ids(both) == ["reykjavik-1986", "ljubljana-2001", "bratislava-2005", "hamburg-2017", "helsinki-2018"]
    assert both.left_out == {"out of office": 1, "call": 1}
    everything = filters.select(dataset, filters.filters_from(dataset, everything=True))
    assert ids(everything) == [m.id for m in dataset.meetings]
    assert (len(everything.meetings), everything.excluded, everything.left_out) == (7, [], {})
    # --all keeps the other filters
    assert ids(filters.select(dataset, filters.filters_from(dataset, leader=["Gorbachev"], everything=True))) == [
        "reykjavik-1986",
        "new-york-1988",
    ]


def test_repeated_filters_are_unions(mini) -> None:  # type: ignore[no-untyped-def]
    kinds = filters.filters_from(mini, kind=["summit", "sidelines"])
    assert kinds.kinds == frozenset({Kind.SUMMIT, Kind.SIDELINES})
    assert ids(filters.select(mini, kinds)) == [
        "reykjavik-1986",
        "ljubljana-2001",
        "bratislava-2005",
        "hamburg-2017",
        "helsinki-2018",
    ]
    assert ids(filters.select(mini, filters.filters_from(mini, kind=["visit"]))) == ["new-york-1988"]
    assert ids(filters.select(mini, filters.filters_from(mini, kind=["summit", "visit"]))) == [
        "reykjavik-1986",
        "new-york-1988",
        "ljubljana-2001",
        "bratislava-2005",
        "helsinki-2018",
    ]
    countries = filters.filters_from(mini, country=["Finland", "iceland"])
    assert ids(filters.select(mini, countries)) == ["reykjavik-1986", "helsinki-2018"]
    topics = filters.filters_from(mini, topic=["syria", "missile"])
    assert ids(filters.select(mini, topics)) == ["reykjavik-1986", "ljubljana-2001", "hamburg-2017"]
    contacts = filters.filters_from(mini, contact=["talks", "call"])
    assert contacts.contacts == frozenset({Contact.TALKS, Contact.CALL})
    assert len(filters.select(mini, contacts).meetings) == 7
    # --leader keeps its documented meaning: repeated, meetings with both
    assert ids(filters.select(mini, filters.filters_from(mini, leader=["Reagan", "Putin"]))) == []


def test_filters_from_keeps_every_value_and_knows_the_defaults(mini) -> None:  # type: ignore[no-untyped-def]
    assert filters.filters_from(mini) == filters.Filters()
    assert filters.Filters().is_default
    assert filters.Filters().wanted_contacts == frozenset({Contact.TALKS, Contact.ENCOUNTER})
    assert not filters.filters_from(mini, start="2008").is_default
    assert not filters.filters_from(mini, calls=True).is_default
    assert filters.filters_from(mini, calls=True).wanted_contacts == frozenset(Contact) - {Contact.ATTENDED}
    with_attended = filters.filters_from(mini, contact=["attended"], calls=True)
    assert with_attended.wanted_contacts == frozenset({Contact.ATTENDED, Contact.CALL})


def test_country_accepts_synonyms_and_topic_matches_part_of_a_word(mini) -> None:  # type: ignore[no-untyped-def]
    assert names.resolve_country(mini, "usa") == "United States"
    topics = filters.select(mini, filters.Filters(topics=("nuclear",))).meetings
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
