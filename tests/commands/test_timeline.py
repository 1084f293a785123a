"""summits timeline: the chart, JSON and CSV through the command line."""

from __future__ import annotations

import json


def lines_of(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.rstrip() for line in result.stdout.splitlines()]


# ---------------------------------------------------------------- the command


def test_timeline_at_80_columns_without_colour(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", columns=80)
    assert result.exit_code == 0
    assert lines_of(result) == [
        "Meetings per decade, by U.S. president: 6 in all",
        "1980s │" + "█" * 70 + " 2",
        "1990s │",
        "2000s │" + "░" * 70 + " 2",
        "2010s │" + "▓" * 70 + " 2",
        "",
        "█ Ronald Reagan (2)   ░ George W. Bush (2)   ▓ Donald Trump (2)",
    ]
    assert result.stderr == "note: 1 phone/video call matches too; add --calls to include them.\n"


def test_timeline_at_200_columns_by_kind_with_calls(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--colour-by", "kind", "--calls", columns=200)
    assert lines_of(result) == [
        "Meetings per decade, by kind: 7 in all",
        "1980s │" + "█" * 95 + "▓" * 95 + " 2",
        "1990s │",
        "2000s │" + "█" * 190 + " 2",
        "2010s │" + "█" * 95 + "░" * 95 + " 2",
        "2020s │" + "▒" * 95 + " 1",
        "",
        "█ summit (4)   ░ sidelines (1)   ▓ informal (1)   ▒ phone (1)",
    ]
    assert result.stderr == ""


def test_timeline_per_year_fits_80_columns(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--per", "year", "--color-by", "kind", "--from", "2017", columns=80)
    assert lines_of(result) == [
        "Meetings per year, by kind: 2 in all",
        "2017 │" + "░" * 72 + " 1",
        "2018 │" + "█" * 72 + " 1",
        "",
        "█ summit (1)   ░ sidelines (1)",
    ]
    assert max(len(line) for line in lines_of(result)) == 80


def test_timeline_honours_the_leader_filter(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--leader", "Gorbachev", "--per", "year", columns=40)
    assert lines_of(result)[:2] == ["Meetings per year, by U.S. president: 2", "in all"]  # the title wraps
    assert lines_of(result)[2:5] == ["1986 │" + "█" * 32 + " 1", "1987 │", "1988 │" + "█" * 32 + " 1"]


def test_timeline_json_gives_counts_per_period_and_group(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--calls", "--format", "json")
    data = json.loads(result.stdout)
    assert [p["period"] for p in data] == ["1980s", "1990s", "2000s", "2010s", "2020s"]
    assert data[1] == {"period": "1990s", "first_year": 1990, "last_year": 1999, "total": 0, "groups": []}
    assert data[4] == {
        "period": "2020s",
        "first_year": 2020,
        "last_year": 2029,
        "total": 1,
        "groups": [{"group": "Donald Trump", "count": 1}],
    }


def test_timeline_csv_is_one_row_per_period_and_group(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--per", "year", "--from", "2001", "--to", "2005", "--format", "csv")
    assert result.stdout.splitlines() == [
        "period,first_year,last_year,group,count",
        "2001,2001,2001,George W. Bush,1",
        "2002,2002,2002,,0",
        "2003,2003,2003,,0",
        "2004,2004,2004,,0",
        "2005,2005,2005,George W. Bush,1",
    ]


def test_timeline_with_nothing_to_show_says_so(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--from", "1990", "--to", "1999")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "No meetings match.\n"


def test_timeline_rejects_an_unknown_period(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--per", "month")
    assert result.exit_code == 2
    assert result.stderr == "summits: error: unknown value for --per 'month'\nValid choices: decade, year.\n"


def test_timeline_help_shows_examples(run) -> None:  # type: ignore[no-untyped-def]
    result = run("timeline", "--help")
    assert "summits timeline --per year --from 1985 --to 1991 --colour-by kind" in result.stdout
    assert "--colour-by" in result.stdout and "--color-by" in result.stdout
