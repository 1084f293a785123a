"""Counting meetings by a grouping, and setting the totals sources report beside the number listed.

Pure functions over the model: no I/O, no printing. Counts are computed from the meetings, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summits.model import Dataset, Kind, Meeting, Tally
from summits.query.filters import Filters

NO_PRESIDENT = "(no sitting U.S. president)"
NO_PLACE = "(call, no place)"


@dataclass(frozen=True, slots=True)
class TallyCheck:
    """A reported tally beside the number of listed meetings within the same scope (period, in person or calls)."""

    tally: Tally
    listed: int


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str
    count: int
    checks: tuple[TallyCheck, ...] = field(default=())

    @property
    def reported(self) -> int | None:
        return self.checks[0].tally.number if self.checks else None


def _group_keys(meeting: Meeting, by: str) -> list[tuple[int, str]]:
    """(rank, label) of every group a meeting falls in; rank sorts before first appearance (years by year)."""
    if by == "president":
        presidents = [p for p in meeting.americans if p.is_president]
        return [(0, p.leader.name) for p in presidents] or [(1, NO_PRESIDENT)]
    if by == "counterpart":
        return [(0, p.leader.name) for p in meeting.soviets_or_russians]
    if by == "pair":
        return [
            (0, f"{a.leader.name} – {b.leader.name}") for a in meeting.americans for b in meeting.soviets_or_russians
        ]
    if by == "year":
        return [(meeting.date.year, str(meeting.date.year))]
    if by == "decade":
        decade = meeting.date.year // 10 * 10
        return [(decade, f"{decade}s")]
    if by == "country":
        return [(0, meeting.country or NO_PLACE)]
    if by == "kind":
        return [(0, meeting.kind.value)]
    raise ValueError(f"unknown grouping {by!r}")


def count(dataset: Dataset, meetings: Sequence[Meeting], by: str, filters: Filters | None = None) -> list[CountRow]:
    """Meetings per group. Rows for people and pairs come in order of their first meeting; years and decades in
    order; countries and kinds by number, largest first. Pair rows carry any reported tallies for that pair."""
    counts: dict[str, int] = {}
    order: dict[str, tuple[int, int]] = {}
    for index, meeting in enumerate(meetings):
        for rank, label in _group_keys(meeting, by):
            counts[label] = counts.get(label, 0) + 1
            order.setdefault(label, (rank, index))  # people and pairs: by first meeting, as meetings are chronological
    if by in ("country", "kind"):
        labels = sorted(counts, key=lambda label: (-counts[label], label))
    else:
        labels = sorted(counts, key=lambda label: order[label])
    checks = _tally_checks(dataset, meetings, filters or Filters()) if by == "pair" else {}
    return [CountRow(label, counts[label], checks.get(label, ())) for label in labels]


def _tally_checks(dataset: Dataset, meetings: Sequence[Meeting], filters: Filters) -> dict[str, tuple[TallyCheck, ...]]:
    """For each pair label, its reported tallies and how many listed meetings fall within each tally's scope."""
    result: dict[str, list[TallyCheck]] = {}
    calls_shown = filters.include_calls or (filters.kind is not None and filters.kind.is_call)
    for tally in dataset.tallies:
        if not tally.in_person and not calls_shown:
            continue  # a tally of calls says nothing about a list of meetings without calls
        a, b = (dataset.leader(i) for i in tally.leaders)
        if a is None or b is None:
            continue
        american, other = (a, b) if a.is_american else (b, a)
        label = f"{american.name} – {other.name}"
        listed = sum(1 for m in meetings if in_tally_scope(m, tally))
        result.setdefault(label, []).append(TallyCheck(tally, listed))
    return {label: tuple(checks) for label, checks in result.items()}


def in_tally_scope(meeting: Meeting, tally: Tally) -> bool:
    """Whether a meeting is one of those a tally counts: both leaders, the tally's period, in person or calls."""
    return (
        meeting.has_leader(tally.leaders[0])
        and meeting.has_leader(tally.leaders[1])
        and meeting.kind.is_call != tally.in_person
        and meeting.kind is not Kind.MINISTERIAL
        and tally.start.first_day <= meeting.first_day <= tally.end.last_day
    )


def tallies_for(dataset: Dataset, leader_id: str) -> list[Tally]:
    return [t for t in dataset.tallies if leader_id in t.leaders]
