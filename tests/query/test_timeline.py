"""summits timeline: binning (summits.timeline), drawing (summits.render_timeline) and the command."""

from __future__ import annotations

import json

import tomllib
from rich.text import Text

from summits.dataset.build import build
from summits.model import Dataset
from summits.output.timeline import GLYPHS, PALETTE, colour, segment_lengths, timeline_lines
from summits.query.counts import NO_PRESIDENT
from summits.query.timeline import Period, bin_meetings, group_of

from ..conftest import MINI_TEXT


def in_person(dataset: Dataset) -> list:  # type: ignore[type-arg]
    return [m for m in dataset.meetings if not m.kind.is_call]


def lines_of(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.rstrip() for line in result.stdout.splitlines()]


# ---------------------------------------------------------------- binning


def test_decades_run_without_gaps_and_split_by_president(mini: Dataset) -> None:
    chart = bin_meetings(in_person(mini), "decade", "president")
    assert chart.periods == (
        Period("1980s", 1980, 1989, (("Ronald Reagan", 2),)),
        Period("1990s", 1990, 1999, ()),
        Period("2000s", 2000, 2009, (("George W. Bush", 2),)),
        Period("2010s", 2010, 2019, (("Donald Trump", 2),)),
    )
    assert chart.groups == (("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 2))
    assert chart.total == 6


def test_years_cover_every_year_from_first_to_last_meeting(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "year", "president")
    assert [p.label for p in chart.periods] == [str(y) for y in range(1986, 2026)]
    assert chart.periods[-1] == Period("2025", 2025, 2025, (("Donald Trump", 1),))
    assert sum(1 for p in chart.periods if p.total) == 7


def test_kinds_come_in_their_documented_order(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "decade", "kind")
    assert chart.groups == (("summit", 4), ("sidelines", 1), ("informal", 1), ("phone", 1))
    assert chart.periods[0].counts == (("summit", 1), ("informal", 1))


def test_a_meeting_without_a_sitting_president_has_its_own_group() -> None:
    text = MINI_TEXT.replace(
        'participants = ["reagan", "bush-hw", "gorbachev"]', 'participants = ["bush-hw", "gorbachev"]'
    )
    dataset, problems = build(tomllib.loads(text))
    assert problems == [] and dataset is not None
    meeting = dataset.meeting("new-york-1988")
    assert meeting is not None
    assert group_of(meeting, "president") == NO_PRESIDENT
    chart = bin_meetings(in_person(dataset), "decade", "president")
    assert chart.periods[0].counts == (("Ronald Reagan", 1), (NO_PRESIDENT, 1))


def test_nothing_to_bin_gives_no_periods() -> None:
    chart = bin_meetings([], "year", "kind")
    assert chart.periods == () and chart.groups == () and chart.total == 0


# ---------------------------------------------------------------- scaling and drawing


def test_whole_columns_per_meeting_when_they_fit() -> None:
    assert segment_lengths([2, 1], most=3, room=10) == [6, 3]


def test_scaled_down_bars_keep_their_length_and_every_group() -> None:
    # 24 meetings in 12 columns: half a column each; the lone meetings still get a column.
    assert segment_lengths([1, 10, 1], most=24, room=12) == [1, 4, 1]
    assert segment_lengths([12, 12], most=24, room=12) == [6, 6]


def test_colour_terminal_gets_solid_coloured_blocks(mini: Dataset) -> None:
    chart = bin_meetings(in_person(mini), "decade", "president")
    lines = timeline_lines(chart, 40, use_colour=True)
    bar = lines[3]
    assert bar.plain == "2000s │" + "█" * 30 + " 2"
    assert [(bar.plain[s.start : s.end][:1], str(s.style)) for s in bar.spans] == [("█", PALETTE[1])]
    assert colour(len(PALETTE)) == ("▓", PALETTE[0])  # colours repeat with another block


def test_plain_text_gets_a_fill_character_per_group(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "decade", "kind")
    lines = timeline_lines(chart, 40, use_colour=False)
    assert all(not line.spans for line in lines)
    assert lines[1] == Text("1980s │" + GLYPHS[0] * 15 + GLYPHS[2] * 15 + " 2")


def test_legend_wraps_to_the_width(mini: Dataset) -> None:
    chart = bin_meetings(mini.meetings, "decade", "kind")
    legend = [line.plain for line in timeline_lines(chart, 40, use_colour=False)[7:]]
    assert legend == ["█ summit (4)   ░ sidelines (1)", "▓ informal (1)   ▒ phone (1)"]


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
