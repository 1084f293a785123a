"""Facts about the shipped dataset that must never regress. Each is checked against the official record or a
second source; the dataset records the reasoning where sources disagree."""

from __future__ import annotations

import json
import re

import pytest

from summits.dataset.files import check, default_path, load
from summits.model import Dataset, Kind
from summits.query import counts, filters


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load(default_path())


def test_the_shipped_dataset_validates_with_zero_problems() -> None:
    _, problems = check(default_path())
    assert problems == []


@pytest.mark.parametrize(
    ("meeting_id", "date", "participants"),
    [
        ("tehran-1943", "1943-11-28", {"roosevelt-f", "stalin"}),
        ("vienna-1961", "1961-06-03", {"kennedy", "khrushchev"}),
        ("moscow-1972", "1972-05-22", {"nixon", "brezhnev", "kosygin", "podgorny"}),
        ("reykjavik-1986", "1986-10-11", {"reagan", "gorbachev"}),
        ("washington-1987", "1987-12-08", {"reagan", "gorbachev"}),
        ("vancouver-1993", "1993-04-03", {"clinton", "yeltsin"}),
        ("oslo-1999", "1999-11-02", {"clinton", "putin"}),
        ("brdo-2001", "2001-06-16", {"bush-gw", "putin"}),
        ("heiligendamm-2007", "2007-06-07", {"bush-gw", "putin"}),
        ("hamburg-2017", "2017-07-07", {"trump", "putin"}),
        ("helsinki-2018", "2018-07-16", {"trump", "putin"}),
        ("geneva-2021", "2021-06-16", {"biden", "putin"}),
        ("anchorage-2025", "2025-08-15", {"trump", "putin"}),
    ],
)
def test_landmark_meetings(shipped: Dataset, meeting_id: str, date: str, participants: set[str]) -> None:
    meeting = shipped.meeting(meeting_id)
    assert meeting is not None
    assert meeting.date.iso() == date
    assert {p.leader.id for p in meeting.participants} == participants


def test_roles_on_the_date(shipped: Dataset) -> None:
    oslo = {p.leader.id: p.role for p in shipped.meeting("oslo-1999").participants}  # type: ignore[union-attr]
    assert oslo["putin"] == "Prime Minister"
    sochi = {p.leader.id: p.role for p in shipped.meeting("sochi-2008").participants}  # type: ignore[union-attr]
    assert sochi["bush-gw"] == "President"


def test_every_meeting_has_a_source_that_exists(shipped: Dataset) -> None:
    for meeting in shipped.meetings:
        assert meeting.sources, meeting.id
        assert all(shipped.source(s) is not None for s in meeting.sources), meeting.id
        assert all(shipped.source(q.source) is not None for q in meeting.quotes), meeting.id


def test_every_official_record_source_points_at_the_historian(shipped: Dataset) -> None:
    for source in shipped.sources:
        if source.id.startswith("ooh-"):
            assert source.kind == "official"
            assert source.url is not None and source.url.startswith("https://history.state.gov/departmenthistory/")
            assert re.search(r"(trip|visit) \d+$", source.title), source.title


def test_helsinki_carries_quotes_from_every_seed_that_covers_it(shipped: Dataset) -> None:
    meeting = shipped.meeting("helsinki-2018")
    assert meeting is not None
    cited = {q.source for q in meeting.quotes}
    assert {"seed-usareally-2018", "seed-bgnes-2025", "seed-ap-2025", "seed-rferl-2018"} <= cited


@pytest.mark.parametrize(
    ("meeting_id", "field"),
    [
        ("hamburg-2017", "date"),  # one seed says June 7, 2017
        ("heiligendamm-2007", "date"),  # one seed says 2011
        ("sochi-2008", "roles"),  # one seed calls Bush "former President"
        ("helsinki-2018", "duration"),  # "more than two hours" against "more than four hours"
        ("washington-1994", "date"),  # "in Washington two years later" than Vancouver 1993
    ],
)
def test_known_seed_errors_are_recorded_as_disputes(shipped: Dataset, meeting_id: str, field: str) -> None:
    meeting = shipped.meeting(meeting_id)
    assert meeting is not None
    assert field in {d.field for d in meeting.disputes}


def test_reported_tallies_sit_beside_the_listed_counts(shipped: Dataset) -> None:
    rows = {r.key: r for r in counts.count(shipped, filters.select(shipped, filters.Filters()).meetings, "pair")}
    checks = {key: [(c.tally.number, c.listed) for c in row.checks] for key, row in rows.items() if row.checks}
    assert checks["George W. Bush – Vladimir Putin"] == [(28, 28)]
    assert checks["Donald Trump – Vladimir Putin"] == [(6, 6)]
    assert checks["Joe Biden – Vladimir Putin"] == [(1, 1)]
    assert checks["Barack Obama – Vladimir Putin"][0][0] == 9
    assert checks["Barack Obama – Dmitry Medvedev"][0][0] == 12


def test_the_three_design_commands_answer_from_the_shipped_data(run) -> None:  # type: ignore[no-untyped-def]
    bush = json.loads(run("list", "--leader", "Bush", "--format", "json", data=None).stdout)
    assert [m["id"] for m in bush[:3]] == ["new-york-1988", "malta-1989", "washington-1990"]
    assert {p["id"] for m in bush for p in m["participants"]} >= {"bush-hw", "bush-gw", "putin", "yeltsin"}
    presidents = {
        r["key"]: r["count"]
        for r in json.loads(run("count", "--by", "president", "--format", "json", data=None).stdout)
    }
    assert presidents["George W. Bush"] >= 28
    quotes = json.loads(run("quote", "helsinki-2018", "--format", "json", data=None).stdout)
    assert any(q["text"] == "I really think the world wants to see us get along." for q in quotes)


def test_calls_are_marked_as_calls(shipped: Dataset) -> None:
    video = shipped.meeting("biden-putin-video-2021-12")
    assert video is not None and video.kind is Kind.VIDEO and video.date.iso() == "2021-12-07"
