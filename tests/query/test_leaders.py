"""Leaders' meetings counted: in person and calls, counterparts, reported tallies."""

from summits.model import Dataset
from summits.query import leaders as records


def test_leader_counts_separate_meetings_from_calls(mini: Dataset) -> None:
    counts = records.leader_counts(mini)
    assert {i: (c.meetings, c.calls, c.other) for i, c in counts.items()} == {
        "bush-hw": (0, 0, 1),  # New York 1988, as vice president: a record, not a meeting between leaders
        "bush-gw": (2, 0, 0),
        "reagan": (2, 0, 0),
        "trump": (2, 1, 0),
        "gorbachev": (2, 0, 0),
        "putin": (4, 1, 0),
    }


def test_profile_counterparts_come_in_order_of_first_meeting(mini: Dataset) -> None:
    gorbachev = mini.leader("gorbachev")
    assert gorbachev is not None
    profile = records.leader_profile(mini, gorbachev)
    assert [(c.leader.id, c.counts.meetings, c.counts.calls, c.counts.other) for c in profile.counterparts] == [
        ("reagan", 2, 0, 0),
        ("bush-hw", 0, 0, 1),  # Bush was vice president: counted apart, never as a meeting
    ]
    assert [m.id for m in profile.meetings] == ["reykjavik-1986", "new-york-1988"]


def test_profile_tallies_compare_reported_with_listed(mini: Dataset) -> None:
    bush = mini.leader("bush-gw")
    assert bush is not None
    [check] = records.leader_profile(mini, bush).tallies
    assert (check.tally.id, check.tally.number, check.listed, check.tally.source) == (
        "news-one-bush-putin-3",
        3,
        2,
        "news-one",
    )
    assert [m.id for m in check.meetings] == ["ljubljana-2001", "bratislava-2005"]
