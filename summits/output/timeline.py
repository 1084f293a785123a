"""Drawing a Timeline: horizontal bars of block characters, one row per year or decade, with a legend.

On a colour terminal each group (a president or a kind) has its own colour and the bars are solid blocks. Without
colour (NO_COLOR, a pipe, a file) each group has its own fill character instead, so the chart still reads in
plain text, in an e-mail or in a README. Bars scale to the width they are given: when every meeting fits, each
meeting gets the same whole number of columns, so segments can be counted; otherwise bars are scaled down and
every group present in a period keeps at least one column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console
    from rich.text import Text

from summits.output.formats import View
from summits.output.text import escape_controls
from summits.query.timeline import Timeline


def timeline_view(timeline: Timeline) -> View:
    return View(
        count=len(timeline.periods),
        data=lambda: timeline_data(timeline),
        header=TIMELINE_CSV_HEADER,
        rows=lambda: timeline_csv_rows(timeline),
        render=lambda console: timeline_lines(timeline, console.width, use_colour=_in_colour(console)),
        empty="No meetings match.",
        chart=True,
    )


def _in_colour(console: Console) -> bool:
    return console.color_system is not None and not console.no_color


# Fill characters for plain text: dense and light alternate, so neighbouring segments stand apart.
GLYPHS = ("█", "░", "▓", "▒", "#", ":", "@", "=", "%", "+", "*", "~", "o", "x", "/", "$", "&", "^", "<", ">")
# The terminal's own named colours, which every colour terminal has and which follow the user's theme; ordered so
# that neighbours (successive presidents) differ. Past the twelfth group the colours repeat with a lighter block.
PALETTE = (
    "bright_blue", "bright_red", "bright_green", "bright_yellow", "bright_magenta", "bright_cyan",
    "blue", "red", "green", "yellow", "magenta", "cyan",
)  # fmt: skip
COLOUR_BLOCKS = ("█", "▓", "▒")
AXIS = " │"
LEGEND_GAP = "   "
GROUP_TITLES = {"president": "U.S. president", "kind": "kind"}
TIMELINE_CSV_HEADER = ("period", "first_year", "last_year", "group", "count")


def glyph(index: int) -> str:
    return GLYPHS[index % len(GLYPHS)]


def colour(index: int) -> tuple[str, str]:
    """The block and colour of a group on a colour terminal."""
    block = COLOUR_BLOCKS[index // len(PALETTE) % len(COLOUR_BLOCKS)]
    return block, PALETTE[index % len(PALETTE)]


def segment_lengths(counts: Sequence[int], most: int, room: int) -> list[int]:
    """Columns for each segment of a bar whose counts are given, when the longest bar (`most`) may take `room`.

    Whole columns per meeting when they fit; otherwise proportional, rounding the running total (so the bar's
    length is right), and never hiding a group that has a meeting."""
    room = max(room, 1)
    if most <= room:
        per_meeting = room // most
        return [n * per_meeting for n in counts]
    scale = room / most
    bounds, running = [0], 0
    for n in counts:
        running += n
        bounds.append(int(running * scale + 0.5))
    lengths = [b - a for a, b in pairwise(bounds)]
    for i, n in enumerate(counts):
        if n and not lengths[i]:
            lengths[i] = 1
            widest = max(range(len(lengths)), key=lambda j: lengths[j])
            if lengths[widest] > 1:
                lengths[widest] -= 1
    return lengths


def timeline_lines(timeline: Timeline, width: int, *, use_colour: bool) -> list[Text]:
    """The chart as lines: title, one bar per period, a blank line, the legend. Bars and legend lines fit in
    `width` (unless it is too narrow for a label and a count); the title and a very long legend entry may not."""
    from rich.text import Text

    index = {group: i for i, (group, _) in enumerate(timeline.groups)}

    def fill(group: str) -> tuple[str, str | None]:
        i = index[group]
        return colour(i) if use_colour else (glyph(i), None)

    label_width = max(len(p.label) for p in timeline.periods)
    most = max(p.total for p in timeline.periods)
    room = width - label_width - len(AXIS) - 1 - len(str(most))
    lines = [Text(f"Meetings per {timeline.per}, by {GROUP_TITLES[timeline.colour_by]}: {timeline.total} in all")]
    for period in timeline.periods:
        line = Text(period.label.rjust(label_width) + AXIS)
        lengths = segment_lengths([n for _, n in period.counts], most, room)
        for (group, _), length in zip(period.counts, lengths, strict=True):
            char, style = fill(group)
            line.append(char * length, style=style)
        if period.total:
            line.append(f" {period.total}")
        lines.append(line)
    lines.append(Text(""))
    lines.extend(_legend(timeline, width, fill))
    return lines


def _legend(timeline: Timeline, width: int, fill: Any) -> Iterator[Text]:
    """Legend entries ("█ Ronald Reagan (5)") packed into lines no wider than `width`."""
    from rich.text import Text

    line = Text("")
    for group, total in timeline.groups:
        char, style = fill(group)
        entry = Text(char, style=style)
        name = group[1:-1] if group.startswith("(") and group.endswith(")") else group  # "(no sitting ...)"
        entry.append(f" {escape_controls(name)} ({total})")
        if line.cell_len and line.cell_len + len(LEGEND_GAP) + entry.cell_len > width:
            yield line
            line = Text("")
        if line.cell_len:
            line.append(LEGEND_GAP)
        line.append_text(entry)
    if line.cell_len:
        yield line


# ---------------------------------------------------------------- the counts, for JSON and CSV


def timeline_data(timeline: Timeline) -> list[dict[str, Any]]:
    """Every period (empty ones included) with its total and its count per group."""
    return [
        {
            "period": p.label,
            "first_year": p.first_year,
            "last_year": p.last_year,
            "total": p.total,
            "groups": [{"group": group, "count": n} for group, n in p.counts],
        }
        for p in timeline.periods
    ]


def timeline_csv_rows(timeline: Timeline) -> Iterator[list[object]]:
    """One row per period and group (tidy data); a period without meetings gets one row with count 0."""
    for p in timeline.periods:
        if not p.counts:
            yield [p.label, p.first_year, p.last_year, "", 0]
        for group, n in p.counts:
            yield [p.label, p.first_year, p.last_year, group, n]
