"""summits count: meetings per group, with reported tallies beside the number listed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Runner


@pytest.mark.parametrize(
    ("output", "stdout"), [("table", ""), ("json", "[]\n"), ("csv", "key,count,reported,meetings\n")]
)
def test_count_matching_nothing_is_not_an_error(run: Runner, output: str, stdout: str) -> None:
    result = run("count", "--kind", "video", "--calls", "--format", output)
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, "No meetings match.\n")


def test_count_by_president(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "president")
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    assert rows == [
        ["President", "Listed"],
        ["─" * 22],
        ["Ronald", "Reagan", "2"],
        ["George", "W.", "Bush", "2"],
        ["Donald", "Trump", "2"],
    ]
    # What was counted is said under the table, on stderr, so that a pipe gets the rows alone.
    assert result.stderr == (
        "Counted: talks and encounters between leaders in office on the day; left out: 1 call (--calls).\n"
    )


def test_count_json_carries_reported_tallies(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "pair", "--format", "json")
    rows = {row["key"]: row for row in json.loads(result.stdout)}
    assert rows["George W. Bush – Vladimir Putin"]["count"] == 2
    assert rows["George W. Bush – Vladimir Putin"]["reported"] == 3
    assert rows["Donald Trump – Vladimir Putin"]["reported"] is None
    assert rows["George W. Bush – Vladimir Putin"]["tallies"][0]["listed"] == 2


def test_count_table_shows_reported_beside_listed(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "pair")
    line = next(line for line in result.stdout.splitlines() if "George W. Bush –" in line)
    assert " ".join(line.split()) == "George W. Bush – Vladimir Putin 2 3 2 1 fewer listed than reported"
    assert result.stdout.splitlines()[0].split() == ["Pair", "Listed", "Reported", "On", "its", "definition", "Verdict"]
    assert result.stderr.splitlines()[0] == (
        "Reported totals, with their definitions and sources: summits tallies (news-one-bush-putin-3)."
    )
    assert "not found" not in result.stdout  # the dataset lists fewer: it never claims meetings are missing


def test_count_explain_lists_the_ids_under_each_row_and_a_filter_shows_no_tally(run: Runner) -> None:
    result = run("count", "--by", "pair", "--explain", "--from", "2005")
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Pair                             Listed",
        "─" * 39,
        "George W. Bush – Vladimir Putin       1",
        "bratislava-2005",
        "Donald Trump – Vladimir Putin         2",
        "hamburg-2017, helsinki-2018",
    ]  # filtered: the Bush–Putin tally (3, on its own definition) is no figure for this row
    assert result.stderr == (
        "Counted: talks and encounters between leaders in office on the day; left out: 1 call (--calls).\n"
    )


def test_count_by_contact_and_repeated_kinds(run: Runner) -> None:
    result = run("count", "--by", "contact", "--all")
    assert [line.split() for line in result.stdout.splitlines() if line.strip()] == [
        ["Contact", "Listed"],
        ["─" * 15],
        ["talks", "6"],
        ["call", "1"],
        ["Total", "7"],
    ]
    assert result.stderr == "Counted: every record that matches, whatever the contact level and offices.\n"
    both = run("count", "--by", "kind", "--kind", "summit", "--kind", "visit", "--format", "json")
    assert [(row["key"], row["count"]) for row in json.loads(both.stdout)] == [("summit", 4), ("visit", 1)]
    assert both.stderr == "Counted: talks and encounters between leaders in office on the day.\n"
