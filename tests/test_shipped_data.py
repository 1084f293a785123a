"""Facts about the shipped dataset that must never regress. Each is checked against the official record or a
second source; the dataset records the reasoning where sources disagree."""

from __future__ import annotations

import json
import re

import pytest

from summits.dataset.files import check, default_path, load
from summits.model import Contact, Dataset, Kind
from summits.query import counts, filters, tallies


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
    """A pair row carries a tally only when the tally covers the pair's whole time in office; the listed figure is
    the one on the tally's own definition."""
    rows = {r.key: r for r in counts.count(shipped, filters.select(shipped, filters.Filters()).meetings, "pair")}
    checks = {
        key: [(c.tally.id, c.tally.number, c.listed, c.verdict) for c in row.checks]
        for key, row in rows.items()
        if row.checks
    }
    assert checks == {
        "Ronald Reagan – Mikhail Gorbachev": [("time-almanac-reagan-gorbachev-five", 5, 5, "agrees")],
        "Bill Clinton – Boris Yeltsin": [("reuters-2007-clinton-yeltsin-more-than-15", 15, 19, "agrees")],
        "George W. Bush – Vladimir Putin": [("ap-2025-bush-putin-28", 28, 29, "differs")],
        "Barack Obama – Vladimir Putin": [("ap-2025-obama-putin-9", 9, 12, "differs")],
        "Joe Biden – Vladimir Putin": [("ap-2025-biden-putin-1", 1, 1, "agrees")],
    }
    # AP's 28 counts summits both only attended: on talks and encounters alone the row lists fewer.
    assert rows["George W. Bush – Vladimir Putin"].count == 25
    # Trump's first-term tallies (6) do not cover his second term: no figure beside the whole pair.
    assert rows["Donald Trump – Vladimir Putin"].checks == ()


# ---------------------------------------------------------------- contact levels and roles (issue 11)


@pytest.mark.parametrize(
    ("meeting_id", "kind", "contact"),
    [
        ("helsinki-2018", Kind.SUMMIT, Contact.TALKS),
        ("geneva-1985", Kind.SUMMIT, Contact.TALKS),
        ("beijing-2008", Kind.SIDELINES, Contact.ENCOUNTER),  # the Olympics: a brief conversation reported
        ("evian-2003", Kind.CONFERENCE, Contact.ATTENDED),  # the G8: no separate conversation reported
        ("biden-putin-video-2021-12", Kind.VIDEO, Contact.CALL),
        ("bush-hw-gorbachev-call-1991-12", Kind.PHONE, Contact.CALL),
    ],
)
def test_landmark_contact_levels(shipped: Dataset, meeting_id: str, kind: Kind, contact: Contact) -> None:
    meeting = shipped.meeting(meeting_id)
    assert meeting is not None
    assert (meeting.kind, meeting.contact) == (kind, contact)


def test_every_call_and_only_a_call_has_contact_call(shipped: Dataset) -> None:
    calls = [m.id for m in shipped.meetings if m.contact is Contact.CALL]
    assert calls == [m.id for m in shipped.meetings if m.kind.is_call]
    assert len(calls) == 21


def test_a_vice_president_or_president_elect_is_shown_with_the_role_but_not_counted(shipped: Dataset) -> None:
    new_york = shipped.meeting("new-york-1988")
    assert new_york is not None
    assert [(p.leader.id, p.role, p.in_office) for p in new_york.participants] == [
        ("reagan", "President", True),
        ("bush-hw", "Vice President and President-elect", False),
        (
            "gorbachev",
            "General Secretary of the Communist Party and Chairman of the Presidium of the Supreme Soviet",
            True,
        ),
    ]
    sochi = shipped.meeting("sochi-2008")
    assert sochi is not None
    assert [(p.leader.id, p.role, p.in_office) for p in sochi.participants] == [
        ("bush-gw", "President", True),
        ("putin", "President", True),
        ("medvedev", "First Deputy Prime Minister and President-elect", False),
    ]


def test_yeltsin_in_july_1991_is_president_of_the_rsfsr_not_a_leader(shipped: Dataset) -> None:
    moscow = shipped.meeting("moscow-1991")
    assert moscow is not None and moscow.date.iso() == "1991-07-30"
    yeltsin = next(p for p in moscow.participants if p.leader.id == "yeltsin")
    assert (yeltsin.role, yeltsin.in_office) == ("President of the RSFSR", False)
    assert moscow.between_leaders  # Bush and Gorbachev were: the meeting counts, under them


@pytest.mark.parametrize("options", [(), ("--all",), ("--calls",), ("--contact", "talks", "--contact", "attended")])
def test_count_by_pair_counts_only_leaders_in_office(run, options: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "pair", *options, "--format", "json", data=None)
    assert result.exit_code == 0
    rows = {row["key"]: row["meetings"] for row in json.loads(result.stdout)}
    counted = {meeting_id for ids in rows.values() for meeting_id in ids}
    assert {"new-york-1988", "sochi-2008", "moscow-1991"} <= counted  # each counted, under the leaders in office
    assert "new-york-1988" not in rows["George H. W. Bush – Mikhail Gorbachev"]
    assert "new-york-1988" in rows["Ronald Reagan – Mikhail Gorbachev"]
    assert "sochi-2008" not in rows["George W. Bush – Dmitry Medvedev"]
    assert "sochi-2008" in rows["George W. Bush – Vladimir Putin"]
    assert "moscow-1991" not in rows.get("George H. W. Bush – Boris Yeltsin", [])
    assert "moscow-1991" in rows["George H. W. Bush – Mikhail Gorbachev"]


def test_count_by_pair_begins_each_pair_when_both_held_office(run) -> None:  # type: ignore[no-untyped-def]
    rows = {
        row["key"]: row["meetings"]
        for row in json.loads(run("count", "--by", "pair", "--format", "json", data=None).stdout)
    }
    assert rows["George H. W. Bush – Mikhail Gorbachev"] == [
        "malta-1989",
        "washington-1990",
        "helsinki-1990",
        "paris-1990",
        "london-1991",
        "moscow-1991",
        "madrid-1991",
    ]
    assert rows["George W. Bush – Dmitry Medvedev"] == ["toyako-2008", "lima-2008"]
    assert "(not between leaders in office)" not in rows
    every = {
        row["key"]: row["meetings"]
        for row in json.loads(run("count", "--by", "pair", "--all", "--format", "json", data=None).stdout)
    }
    assert every["(not between leaders in office)"] == ["geneva-2009"]  # Clinton and Lavrov, foreign ministers


def test_repeated_kinds_are_a_union(run) -> None:  # type: ignore[no-untyped-def]
    def by_kind(*kinds: str) -> dict[str, int]:
        options = [value for kind in kinds for value in ("--kind", kind)]
        result = run("count", "--by", "kind", *options, "--format", "json", data=None)
        assert result.exit_code == 0
        return {row["key"]: row["count"] for row in json.loads(result.stdout)}

    summits, visits = by_kind("summit"), by_kind("visit")
    assert (summits, visits) == ({"summit": 37}, {"visit": 15})
    assert by_kind("summit", "visit") == {"summit": 37, "visit": 15}
    assert by_kind("visit", "summit", "visit") == {"summit": 37, "visit": 15}


def test_a_filtered_count_states_nothing_about_reported_tallies(run, shipped: Dataset) -> None:  # type: ignore[no-untyped-def]
    """`count --by pair --from 2008` once said 25 of AP's 28 Bush–Putin meetings were "not found": a tally was
    compared with a filtered subset. A filtered row's scope is no tally's: it shows none."""
    before = {c.tally.id: (c.listed, c.verdict) for c in tallies.reconcile_all(shipped)}
    for options in (
        ("--from", "2008"),
        ("--to", "2004"),
        ("--kind", "summit", "--kind", "visit"),
        ("--leader", "Obama", "--kind", "summit", "--kind", "visit", "--kind", "sidelines"),
        ("--contact", "talks"),
        ("--calls",),
        ("--all",),
    ):
        table = run("count", "--by", "pair", *options, data=None)
        assert table.exit_code == 0, options
        assert table.stdout.splitlines()[0].split() == ["Pair", "Listed"], options  # no Reported column
        for words in ("Reported", "reported", "not found", "missing", "fewer listed", "more listed"):
            assert words not in table.stdout, (options, words)
        rows = json.loads(run("count", "--by", "pair", *options, "--format", "json", data=None).stdout)
        assert rows and all(row["reported"] is None and row["tallies"] == [] for row in rows), options
    bush_putin = json.loads(run("count", "--by", "pair", "--from", "2008", "--format", "json", data=None).stdout)[0]
    assert (bush_putin["key"], bush_putin["count"]) == ("George W. Bush – Vladimir Putin", 3)
    # and the verdicts, on each tally's own definition, are those of the unfiltered data
    assert {c.tally.id: (c.listed, c.verdict) for c in tallies.reconcile_all(shipped)} == before
    default = json.loads(run("count", "--by", "pair", "--format", "json", data=None).stdout)
    shown = {t["id"]: (t["listed"], t["verdict"]) for row in default for t in row["tallies"]}
    assert shown == {i: before[i] for i in shown} and len(shown) == 5


def test_list_json_gives_a_contact_level_and_the_default_selection(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--format", "json", data=None)
    meetings = json.loads(result.stdout)
    assert all(m["contact"] in ("talks", "encounter") for m in meetings)
    assert all(m["between_leaders"] for m in meetings)
    american = {"United States"}
    for m in meetings:  # a leader in office on each side
        sides = {p["country"] in american for p in m["participants"] if p["in_office"]}
        assert sides == {True, False}, m["id"]
    assert len(meetings) == 126
    assert result.stderr == (
        "note: also matching but left out: 12 attended-only (--contact attended), 21 calls (--calls), "
        "1 with a leader out of office (--all); --all includes every record.\n"
    )
    every = run("list", "--all", "--format", "json", data=None)
    records = json.loads(every.stdout)
    assert (len(records), every.stderr) == (160, "")
    assert all(m["contact"] in ("talks", "encounter", "attended", "call") for m in records)
    assert sum(m["contact"] == "attended" for m in records) == 12
    assert sum(m["contact"] == "call" for m in records) == 21
    assert [m["id"] for m in records if not m["between_leaders"]] == ["geneva-2009"]
    assert {m["id"] for m in meetings} < {m["id"] for m in records}


def test_tallies_json_reconciles_every_reported_figure(run, shipped: Dataset) -> None:  # type: ignore[no-untyped-def]
    result = run("tallies", "--format", "json", data=None)
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert len(data) >= 50
    assert len(data) == len(shipped.tallies)
    required = {"id", "leaders", "from", "to", "contact", "reported", "listed", "meetings", "explanation", "source"}
    for tally in data:
        assert required <= set(tally), tally["id"]
        assert tally["listed"] == len(tally["meetings"]), tally["id"]
        assert tally["contact"] and set(tally["contact"]) <= {"talks", "encounter", "attended", "call"}
        assert shipped.source(tally["source"]) is not None, tally["id"]
        assert all(shipped.meeting(i) is not None for i in tally["meetings"]), tally["id"]
    differing = [t for t in data if t["verdict"] != "agrees"]
    assert differing, "the sources do not all agree with the records"
    for tally in differing:
        own = shipped_tally(shipped, tally["id"]).explanation
        assert own and tally["explanation"].startswith(own), tally["id"]  # the reason, in the data's own words
    bush_putin = next(t for t in data if t["id"] == "ap-2025-bush-putin-28")
    assert (bush_putin["reported"], bush_putin["listed"], bush_putin["verdict"]) == (28, 29, "differs")
    assert "evian-2003" in bush_putin["meetings"]  # a summit both only attended


def shipped_tally(dataset: Dataset, tally_id: str):  # type: ignore[no-untyped-def]
    return next(t for t in dataset.tallies if t.id == tally_id)


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
