"""summits count: meetings per group, with reported tallies beside the number listed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Runner


@pytest.mark.parametrize(("output", "stdout"), [("table", ""), ("json", "[]\n"), ("csv", "key,count,reported\n")])
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
    assert line.split()[:7] == ["George", "W.", "Bush", "–", "Vladimir", "Putin", "2"]
    assert "3" in line.split() and "not found" in result.stdout
