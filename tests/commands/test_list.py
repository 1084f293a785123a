"""summits list: meetings in chronological order, as a table, JSON or CSV."""

from __future__ import annotations

import json

import pytest

from summits.output.fields import MEETING_CSV_HEADER
from tests.conftest import Runner


@pytest.mark.parametrize(
    ("output", "stdout"),
    [
        ("table", ""),
        ("json", "[]\n"),
        ("csv", ",".join(MEETING_CSV_HEADER) + "\n"),
    ],
)
def test_valid_query_matching_nothing_is_not_an_error(run: Runner, output: str, stdout: str) -> None:
    result = run("list", "--leader", "Putin", "--from", "1950", "--to", "1960", "--format", output)
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, "No meetings match.\n")


def test_list_by_leader_prints_a_table_of_matching_meetings(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--leader", "Bush", columns=140)
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].split() == ["ID", "Date", "Place", "United", "States", "USSR", "/", "Russia", "Kind", "Summary"]
    assert [line.split()[0] for line in lines[2:] if not line.startswith(" " * 5)] == [
        "new-york-1988",
        "ljubljana-2001",
        "bratislava-2005",
    ]
    assert "Vladimir Putin" in result.stdout
    assert result.stderr == ""


def test_list_json_follows_the_contract(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--leader", "Trump", "--format", "json")
    data = json.loads(result.stdout)
    assert [m["id"] for m in data] == ["hamburg-2017", "helsinki-2018"]
    assert set(data[0]) >= {"id", "date", "end_date", "city", "country", "venue", "kind", "event", "participants",
                            "topics", "agreements", "summary", "sources"}  # fmt: skip
    assert data[0]["participants"][1] == {
        "id": "putin",
        "name": "Vladimir Putin",
        "country": "Russia",
        "role": "President",
    }
    assert result.stderr == "note: 1 phone/video call matches too; add --calls to include them.\n"


def test_list_csv_has_a_header_and_one_row_per_meeting(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--from", "2001", "--to", "2005", "--format", "csv")
    assert result.stdout.splitlines() == [
        "id,date,end_date,city,country,venue,kind,event,participants,roles,topics,agreements,summary,sources",
        "ljubljana-2001,2001-06-16,,Kranj,Slovenia,Brdo Castle,summit,,George W. Bush; Vladimir Putin,"
        "George W. Bush: President; Vladimir Putin: President,missile defense,,First meeting of Bush and Putin.,news-one",
        "bratislava-2005,2005,,Bratislava,Slovakia,,summit,,George W. Bush; Vladimir Putin,"
        "George W. Bush: President; Vladimir Putin: President,,,Talks in Bratislava.,news-one",
    ]


def test_no_match_is_not_an_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--from", "1950", "--to", "1960", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "No meetings match.\n")
