"""Drawing a timeline: bars that fit the width, colours or fill characters, a legend."""

from __future__ import annotations

from rich.text import Text

from summits.model import Dataset
from summits.output.timeline import GLYPHS, PALETTE, colour, segment_lengths, timeline_lines
from summits.query.timeline import bin_meetings
from tests.query.test_timeline import in_person

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
