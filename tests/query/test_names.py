"""What people type, as ids and values: closest matches, every valid choice, our own errors."""

from __future__ import annotations

import pytest

from summits.query import names
from tests.conftest import Runner

# ================================================================ 4. unknown names; queries that match nothing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "helsinki-2019"], "unknown meeting id 'helsinki-2019'. Did you mean helsinki-2018?"),
        (["quote", "reykjavik-1968"], "unknown meeting id 'reykjavik-1968'. Did you mean reykjavik-1986?"),
        (["show", "zzzzzz"], "unknown meeting id 'zzzzzz'. Nothing similar found."),
        (["list", "--leader", "Putn"], "unknown leader 'Putn'. Did you mean Vladimir Putin?"),
        (["count", "--leader", "Gorbachov"], "unknown leader 'Gorbachov'. Did you mean Mikhail Gorbachev?"),
        (["list", "--leader", "Nixon"], "unknown leader 'Nixon'. Nothing similar found."),
        (
            ["count", "--by", "presidnt"],
            "unknown grouping for --by 'presidnt'. Did you mean president?\n"
            "Valid choices: president, counterpart, pair, year, decade, country, kind.",
        ),
        (
            ["count", "--by", "month"],
            "unknown grouping for --by 'month'\n"
            "Valid choices: president, counterpart, pair, year, decade, country, kind.",
        ),
        (
            ["list", "--kind", "sumit"],
            "unknown kind 'sumit'. Did you mean summit or visit?\n"
            "Valid choices: summit, visit, conference, sidelines, informal, phone, video, ministerial.",
        ),
        (
            ["list", "--kind", "call"],
            "unknown kind 'call'\n"
            "Valid choices: summit, visit, conference, sidelines, informal, phone, video, ministerial.",
        ),
        (
            ["list", "--country", "Finnland"],
            "unknown country 'Finnland'. Did you mean Finland or Iceland?\n"
            "Valid choices: Finland, Germany, Iceland, Slovakia, Slovenia, United States.",
        ),
        (["quote", "helsinki-2018", "--speaker", "Rhodes"], "unknown speaker 'Rhodes'. Nothing similar found."),
    ],
)
def test_unknown_name_gives_closest_matches_or_choices_and_exits_2(run: Runner, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"summits: error: {message}\n"


def test_unknown_leader_and_grouping_and_kind(run) -> None:  # type: ignore[no-untyped-def]
    leader = run("list", "--leader", "Gorbachov")
    assert (leader.exit_code, leader.stderr) == (
        2,
        "summits: error: unknown leader 'Gorbachov'. Did you mean Mikhail Gorbachev?\n",
    )
    grouping = run("count", "--by", "presidnet")
    assert grouping.exit_code == 2
    assert grouping.stderr.startswith(
        "summits: error: unknown grouping for --by 'presidnet'. Did you mean president?\n"
    )
    assert "Valid choices: president, counterpart, pair, year, decade, country, kind." in grouping.stderr
    kind = run("list", "--kind", "sumit")
    assert kind.exit_code == 2 and "Did you mean summit or visit?" in kind.stderr


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
