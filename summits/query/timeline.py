"""Binning meetings into periods (years or decades) and groups (U.S. president or kind) for `summits timeline`.

Pure functions over the model: no I/O, no printing. The chart and the JSON/CSV counts are drawn from the same
Timeline, so a bar and the number printed for it can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from summits.model import Kind, Meeting
from summits.query.counts import NO_PRESIDENT


class Per(str, Enum):
    """How long each row of the chart is."""

    decade = "decade"
    year = "year"


class ColourBy(str, Enum):
    """What splits each bar."""

    president = "president"
    kind = "kind"


@dataclass(frozen=True, slots=True)
class Period:
    """One row of the chart: a year or a decade, with how many meetings each group had in it (groups in legend
    order; groups with no meeting in the period are left out)."""

    label: str
    first_year: int
    last_year: int
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True, slots=True)
class Timeline:
    per: str
    colour_by: str
    groups: tuple[tuple[str, int], ...]  # legend: every group with its total, in order
    periods: tuple[Period, ...]  # every period from the first meeting's to the last's, empty ones included

    @property
    def total(self) -> int:
        return sum(p.total for p in self.periods)


def group_of(meeting: Meeting, colour_by: str) -> str:
    """The group a meeting's bar segment belongs to: the sitting U.S. president (first, if ever two) or the kind."""
    if colour_by == "president":
        presidents = [p.leader.name for p in meeting.americans if p.is_president]
        return presidents[0] if presidents else NO_PRESIDENT
    if colour_by == "kind":
        return meeting.kind.value
    raise ValueError(f"unknown grouping for the timeline {colour_by!r}")


def _period_start(year: int, per: str) -> int:
    if per == "decade":
        return year // 10 * 10
    if per == "year":
        return year
    raise ValueError(f"unknown period {per!r}")


def _period(start: int, per: str, counts: dict[str, int], order: Sequence[str]) -> Period:
    if per == "decade":
        label, last = f"{start}s", start + 9
    else:
        label, last = str(start), start
    return Period(label, start, last, tuple((g, counts[g]) for g in order if counts.get(g)))


def bin_meetings(meetings: Sequence[Meeting], per: str, colour_by: str) -> Timeline:
    """Meetings per period and group. A meeting falls in the period of its (first) date, as in `count --by year`.

    Periods run without gaps from the first meeting's to the last's, so quiet years show as empty rows.
    Presidents are ordered by their first meeting; kinds in their documented order."""
    step = 10 if per == "decade" else 1
    by_period: dict[int, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for meeting in meetings:
        group = group_of(meeting, colour_by)
        cell = by_period.setdefault(_period_start(meeting.date.year, per), {})
        cell[group] = cell.get(group, 0) + 1
        totals[group] = totals.get(group, 0) + 1
    order: list[str] = list(totals)  # insertion order: meetings are chronological
    if colour_by == "kind":
        order = [k.value for k in Kind if k.value in totals]
    periods: list[Period] = []
    if by_period:
        for start in range(min(by_period), max(by_period) + 1, step):
            periods.append(_period(start, per, by_period.get(start, {}), order))
    return Timeline(per, colour_by, tuple((g, totals[g]) for g in order), tuple(periods))
