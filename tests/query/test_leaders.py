"""Leaders' meetings counted: in person and calls, counterparts, reported tallies."""

from summits.model import Dataset
from summits.query import leaders as records


def test_leader_counts_separate_meetings_from_calls(mini: Dataset) -> None:
    counts = records.leader_counts(mini)
    assert {i: (c.meetings, c.calls) for i, c in counts.items()} == {
        "bush-hw": (1, 0),
        "bush-gw": (2, 0),
        "reagan": (2, 0),
        "trump": (2, 1),
        "gorbachev": (2, 0),
        "putin": (4, 1),
    }


def test_profile_counterparts_come_in_order_of_first_meeting(mini: Dataset) -> None:
    gorbachev = mini.leader("gorbachev")
    assert gorbachev is not None
    profile = records.leader_profile(mini, gorbachev)
    assert [(c.leader.id, c.counts.meetings, c.counts.calls) for c in profile.counterparts] == [
        ("reagan", 2, 0),
        ("bush-hw", 1, 0),
    ]
    assert [m.id for m in profile.meetings] == ["reykjavik-1986", "new-york-1988"]


def test_profile_tallies_compare_reported_with_listed(mini: Dataset) -> None:
    bush = mini.leader("bush-gw")
    assert bush is not None
    [check] = records.leader_profile(mini, bush).tallies
    assert (check.tally.number, check.listed, check.tally.source) == (3, 2, "news-one")
