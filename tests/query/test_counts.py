"""Counting meetings by a grouping (role-aware: only leaders in office are counted under a person or a pair), with
the reported tallies whose scope is a pair row's beside the number listed."""

from summits.dataset.build import build
from summits.model import Dataset
from summits.query import counts, filters
from tests.conftest import MINI_TEXT, tomllib


def _variant(*replacements: tuple[str, str]) -> Dataset:
    text = MINI_TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    dataset, problems = build(tomllib.loads(text))
    assert problems == [] and dataset is not None
    return dataset


def _rows(rows: list[counts.CountRow]) -> list[tuple[str, int, tuple[str, ...]]]:
    return [(r.key, r.count, r.meetings) for r in rows]


def test_count_by_president_counts_only_sitting_presidents(mini) -> None:  # type: ignore[no-untyped-def]
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "president")
    assert _rows(rows) == [
        ("Ronald Reagan", 2, ("reykjavik-1986", "new-york-1988")),  # not also under Bush, the vice president
        ("George W. Bush", 2, ("ljubljana-2001", "bratislava-2005")),
        ("Donald Trump", 2, ("hamburg-2017", "helsinki-2018")),
    ]


def test_a_leader_out_of_office_is_never_counted_under_a_person_or_a_pair(mini) -> None:  # type: ignore[no-untyped-def]
    # New York 1988: Reagan, Vice President Bush and Gorbachev. The pair is Reagan – Gorbachev only.
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "pair")
    assert [r.key for r in rows] == [
        "Ronald Reagan – Mikhail Gorbachev",
        "George W. Bush – Vladimir Putin",
        "Donald Trump – Vladimir Putin",
    ]
    assert rows[0].meetings == ("reykjavik-1986", "new-york-1988")
    # Without Reagan, the record is between no leaders in office: with --all it has a row of its own.
    alone = _variant(('participants = ["reagan", "bush-hw", "gorbachev"]', 'participants = ["bush-hw", "gorbachev"]'))
    every = filters.select(alone, filters.Filters(everything=True)).meetings
    assert _rows(counts.count(alone, every, "pair")) == [
        ("Ronald Reagan – Mikhail Gorbachev", 1, ("reykjavik-1986",)),
        ("George W. Bush – Vladimir Putin", 2, ("ljubljana-2001", "bratislava-2005")),
        ("Donald Trump – Vladimir Putin", 3, ("hamburg-2017", "helsinki-2018", "trump-putin-call-2025-02")),
        (counts.NO_PAIR, 1, ("new-york-1988",)),  # rows for no one come last
    ]
    assert [(r.key, r.count) for r in counts.count(alone, every, "president")] == [
        ("Ronald Reagan", 1),
        ("George W. Bush", 2),
        ("Donald Trump", 3),
        (counts.NO_PRESIDENT, 1),
    ]
    assert _rows(counts.count(alone, every, "counterpart"))[0] == (
        "Mikhail Gorbachev",
        2,
        ("reykjavik-1986", "new-york-1988"),
    )  # Gorbachev was in office: the record counts under him, not under a pair


def test_count_by_pair_sets_the_reported_tally_beside_the_listed(mini) -> None:  # type: ignore[no-untyped-def]
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "pair")
    bush_putin = next(r for r in rows if r.key == "George W. Bush – Vladimir Putin")
    assert (bush_putin.count, bush_putin.reported, bush_putin.checks[0].listed) == (2, 3, 2)
    assert [c.tally.id for c in bush_putin.checks] == ["news-one-bush-putin-3"]
    assert [r.reported for r in rows] == [None, 3, None]


def test_a_tally_is_reconciled_on_its_own_definition_never_on_the_rows_meetings(mini) -> None:  # type: ignore[no-untyped-def]
    # Given only one of the two meetings, the row counts 1 but the tally's listed figure is still 2.
    [row] = counts.count(mini, [mini.meeting("ljubljana-2001")], "pair")
    assert (row.count, row.reported, row.checks[0].listed) == (1, 3, 2)
    assert [m.id for m in row.checks[0].meetings] == ["ljubljana-2001", "bratislava-2005"]


def test_a_filtered_count_shows_no_tally(mini) -> None:  # type: ignore[no-untyped-def]
    for chosen in (
        filters.filters_from(mini, start="2005"),
        filters.filters_from(mini, kind=["summit"]),
        filters.filters_from(mini, calls=True),
        filters.filters_from(mini, everything=True),
    ):
        rows = counts.count(mini, filters.select(mini, chosen).meetings, "pair", chosen)
        bush_putin = next(r for r in rows if r.key == "George W. Bush – Vladimir Putin")
        assert (bush_putin.checks, bush_putin.reported) == ((), None), chosen
    rows = counts.count(mini, filters.select(mini, filters.Filters()).meetings, "pair", filters.Filters())
    assert [r.reported for r in rows] == [None, 3, None]


def test_a_tally_shows_on_a_pair_row_only_when_it_covers_the_pairs_whole_time(mini) -> None:  # type: ignore[no-untyped-def]
    from summits.query.tallies import covers_pair

    [tally] = mini.tallies
    assert covers_pair(mini, tally, "bush-gw", "putin") and covers_pair(mini, tally, "putin", "bush-gw")
    assert not covers_pair(mini, tally, "trump", "putin")
    for old, new in [
        ('end = "2009-01-20"\ncontact', 'end = "2008-04-06"\ncontact'),  # ends before Bush's term does
        ('contact = ["talks", "encounter"]\nnumber', 'contact = ["talks"]\nnumber'),  # talks only
        ('contact = ["talks", "encounter"]\nnumber', 'contact = ["talks", "encounter"]\nkinds = ["summit"]\nnumber'),
    ]:
        narrower = _variant((old, new))
        assert not covers_pair(narrower, narrower.tallies[0], "bush-gw", "putin"), new
        rows = counts.count(narrower, filters.select(narrower, filters.Filters()).meetings, "pair")
        assert [r.reported for r in rows] == [None, None, None], new


def test_count_by_decade_kind_and_contact(mini) -> None:  # type: ignore[no-untyped-def]
    meetings = filters.select(mini, filters.Filters()).meetings
    assert [(r.key, r.count) for r in counts.count(mini, meetings, "decade")] == [
        ("1980s", 2),
        ("2000s", 2),
        ("2010s", 2),
    ]
    assert _rows(counts.count(mini, meetings, "kind")) == [
        ("summit", 4, ("reykjavik-1986", "ljubljana-2001", "bratislava-2005", "helsinki-2018")),
        ("visit", 1, ("new-york-1988",)),
        ("sidelines", 1, ("hamburg-2017",)),
    ]
    every = filters.select(mini, filters.Filters(everything=True)).meetings
    assert [(r.key, r.count) for r in counts.count(mini, every, "contact")] == [("talks", 6), ("call", 1)]
    attended = _variant(('kind = "sidelines"\ncontact = "talks"', 'kind = "sidelines"\ncontact = "attended"'))
    every = filters.select(attended, filters.Filters(everything=True)).meetings
    assert _rows(counts.count(attended, every, "contact")) == [
        ("talks", 5, ("reykjavik-1986", "new-york-1988", "ljubljana-2001", "bratislava-2005", "helsinki-2018")),
        ("attended", 1, ("hamburg-2017",)),
        ("call", 1, ("trump-putin-call-2025-02",)),
    ]
