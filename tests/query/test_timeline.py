"""summits timeline: binning (summits.timeline), drawing (summits.render_timeline) and the command."""

from __future__ import annotations

import tomllib

from summits.dataset.build import build
from summits.model import Dataset
from summits.query.counts import NO_PRESIDENT
from summits.query.timeline import Period, bin_meetings, group_of
from tests.conftest import MINI_TEXT


def in_person(dataset: Dataset) -> list:  # type: ignore[type-arg]
    return [m for m in dataset.meetings if not m.kind.is_call]


# ---------------------------------------------------------------- binning


def test_decades_run_without_gaps_and_split_by_president(mini: Dataset) -> None:
    chart = bin_meetings(in_person(mini), "decade", "president")
    assert chart.periods == (
        Period("1980s", 1980, 1989, (("Ronald Reagan", 2),)),
        Period("1990s", 1990, 1999, ()),
        Period("2000s", 2000, 2009, (("George W. Bush", 2),)),
        Period("2010s", 2010, 2019, (("Donald Trump", 2),)),
    )
    assert chart.groups == (("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 2))
    assert chart.total == 6


def test_years_cover_every_year_from_first_to_last_meeting(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "year", "president")
    assert [p.label for p in chart.periods] == [str(y) for y in range(1986, 2026)]
    assert chart.periods[-1] == Period("2025", 2025, 2025, (("Donald Trump", 1),))
    assert sum(1 for p in chart.periods if p.total) == 7


def test_kinds_come_in_their_documented_order(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "decade", "kind")
    assert chart.groups == (("summit", 4), ("sidelines", 1), ("informal", 1), ("phone", 1))
    assert chart.periods[0].counts == (("summit", 1), ("informal", 1))


def test_a_meeting_without_a_sitting_president_has_its_own_group() -> None:
    text = MINI_TEXT.replace(
        'participants = ["reagan", "bush-hw", "gorbachev"]', 'participants = ["bush-hw", "gorbachev"]'
    )
    dataset, problems = build(tomllib.loads(text))
    assert problems == [] and dataset is not None
    meeting = dataset.meeting("new-york-1988")
    assert meeting is not None
    assert group_of(meeting, "president") == NO_PRESIDENT
    chart = bin_meetings(in_person(dataset), "decade", "president")
    assert chart.periods[0].counts == (("Ronald Reagan", 1), (NO_PRESIDENT, 1))


def test_nothing_to_bin_gives_no_periods() -> None:
    chart = bin_meetings([], "year", "kind")
    assert chart.periods == () and chart.groups == () and chart.total == 0
