"""The model: partial dates, offices and roles on a date, kinds."""

from __future__ import annotations

import datetime as dt

import pytest

from summits.model import Kind, Leader, Office, PartialDate, parse_date, participant_on


def test_partial_dates_sort_year_then_month_then_day() -> None:
    dates = [PartialDate(2001, 6, 16), PartialDate(2001), PartialDate(2001, 6), PartialDate(2000, 12, 31)]
    assert [d.iso() for d in sorted(dates)] == ["2000-12-31", "2001", "2001-06", "2001-06-16"]


def test_partial_date_bounds_cover_the_whole_month_or_year() -> None:
    assert PartialDate(2024, 2).last_day == dt.date(2024, 2, 29)
    assert PartialDate(2023, 2).last_day == dt.date(2023, 2, 28)
    assert PartialDate(2023, 12).last_day == dt.date(2023, 12, 31)
    assert PartialDate(2023, 4).first_day == dt.date(2023, 4, 1)
    assert PartialDate(2005).first_day == dt.date(2005, 1, 1)
    assert PartialDate(2005).last_day == dt.date(2005, 12, 31)
    assert PartialDate(2005).precision == "year"
    assert PartialDate(2001, 6).precision == "month"


@pytest.mark.parametrize(("month", "day"), [(0, None), (2, 0), (2, 29), (13, None)])
def test_a_partial_date_that_is_no_calendar_date_is_refused(month: int, day: int | None) -> None:
    with pytest.raises(ValueError):
        PartialDate(2019, month, day)


def test_office_dates_are_inclusive() -> None:
    office = Office("President", "SU", PartialDate(1990, 3, 15), PartialDate(1991, 12, 25))
    day = dt.date(1991, 12, 25)
    assert office.overlaps(day, day)
    assert not office.overlaps(dt.date(1991, 12, 26), dt.date(1991, 12, 26))


def test_an_office_gives_up_the_day_another_begins() -> None:
    putin = Leader(
        "putin",
        "Vladimir Putin",
        "RU",
        (
            Office("Prime Minister", "RU", PartialDate(1999, 8, 9), PartialDate(2000, 5, 7)),
            Office("Acting President", "RU", PartialDate(1999, 12, 31), PartialDate(2000, 5, 7)),
            Office("President", "RU", PartialDate(2000, 5, 7), PartialDate(2008, 5, 7)),
        ),
    )
    inauguration = dt.date(2000, 5, 7)
    assert participant_on(putin, inauguration, inauguration, None).role == "President"
    before = dt.date(2000, 5, 6)
    assert participant_on(putin, before, before, None).role == "Prime Minister and Acting President"


def test_role_is_derived_from_offices_on_the_date(mini) -> None:  # type: ignore[no-untyped-def]
    putin = mini.leader("putin")
    day = dt.date(2009, 7, 7)
    assert participant_on(putin, day, day, None).role == "Prime Minister"
    later = dt.date(2018, 7, 16)
    assert participant_on(putin, later, later, None).role == "President"


def test_role_override_wins_and_president_flag_follows_offices(mini) -> None:  # type: ignore[no-untyped-def]
    meeting = mini.meeting("new-york-1988")
    roles = {p.leader.id: (p.role, p.is_president) for p in meeting.participants}
    assert roles == {
        "reagan": ("President", True),
        "bush-hw": ("Vice President and President-elect", False),
        "gorbachev": ("General Secretary of the Communist Party", False),
    }


def test_calls_are_the_phone_and_video_kinds() -> None:
    assert {k for k in Kind if k.is_call} == {Kind.PHONE, Kind.VIDEO}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-07-16", PartialDate(2018, 7, 16)),
        ("2001-06", PartialDate(2001, 6)),
        ("2005", PartialDate(2005)),
        ("2019-02-30", None),
        ("2019-13", None),
        ("2019-00", None),
        ("2019-02-00", None),
        ("2020-02", PartialDate(2020, 2)),
        ("20x5", None),
        ("2018-7-16", None),
        (2018, None),
    ],
)
def test_parse_date(text: object, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected
