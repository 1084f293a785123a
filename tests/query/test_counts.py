"""Counting meetings by a grouping, with reported tallies beside the number listed."""

from summits.query import counts, filters


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
