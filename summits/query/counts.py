"""Counting meetings by a grouping, and setting the totals sources report beside the number listed.

Pure functions over the model: no I/O, no printing. Counts are computed from the meetings, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summits.model import Dataset, Meeting
from summits.query.filters import Filters
from summits.query.tallies import Reconciled, covers_pair, reconcile

NO_PRESIDENT = "(no sitting U.S. president)"
NO_COUNTERPART = "(no Soviet or Russian leader in office)"
NO_PAIR = "(not between leaders in office)"
NO_PLACE = "(call, no place)"


@dataclass(frozen=True, slots=True)
class CountRow:
    key: str
    count: int
    meetings: tuple[str, ...] = ()  # the ids counted, in date order (for --explain)
    checks: tuple[Reconciled, ...] = field(default=())  # reported tallies whose scope is this row's

    @property
    def reported(self) -> int | None:
        return self.checks[0].tally.number if self.checks else None


def _group_keys(meeting: Meeting, by: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(rank, label, leader ids) of every group a meeting falls in; rank sorts before first appearance (years by
    year). People and pairs are grouped only by the leaders who held a leader's office on the date: a vice
    president or a minister is never counted under a president, a counterpart or a pair."""
    if by == "president":
        presidents = [p for p in meeting.americans if p.is_president]
        return [(0, p.leader.name, (p.leader.id,)) for p in presidents] or [(1, NO_PRESIDENT, ())]
    if by == "counterpart":
        leaders = [p for p in meeting.soviets_or_russians if p.in_office]
        return [(0, p.leader.name, (p.leader.id,)) for p in leaders] or [(1, NO_COUNTERPART, ())]
    if by == "pair":
        pairs: list[tuple[int, str, tuple[str, ...]]] = [
            (0, f"{a.leader.name} – {b.leader.name}", (a.leader.id, b.leader.id))
            for a in meeting.americans
            if a.in_office
            for b in meeting.soviets_or_russians
            if b.in_office
        ]
        return pairs or [(1, NO_PAIR, ())]
    if by == "year":
        return [(meeting.date.year, str(meeting.date.year), ())]
    if by == "decade":
        decade = meeting.date.year // 10 * 10
        return [(decade, f"{decade}s", ())]
    if by == "country":
        return [(0, meeting.country or NO_PLACE, ())]
    if by == "kind":
        return [(0, meeting.kind.value, ())]
    if by == "contact":
        return [(0, meeting.contact.value, ())]
    raise ValueError(f"unknown grouping {by!r}")


def count(
    dataset: Dataset,
    meetings: Sequence[Meeting],
    by: str,
    filters: Filters | None = None,
    largest_first: bool = False,
) -> list[CountRow]:
    """Meetings per group. Rows for people and pairs come in order of their first meeting; years and decades in
    order; countries, kinds and contact levels by number, largest first (`largest_first`: every grouping by
    number). A pair row carries the reported tallies whose scope is the row's, reconciled on their own
    definitions, and only when the filters are the defaults: a filtered row's scope is no tally's."""
    counted: dict[str, list[str]] = {}
    order: dict[str, tuple[int, int]] = {}
    who: dict[str, tuple[str, ...]] = {}
    for index, meeting in enumerate(meetings):
        for rank, label, ids in _group_keys(meeting, by):
            counted.setdefault(label, []).append(meeting.id)
            order.setdefault(label, (rank, index))  # people and pairs: by first meeting, as meetings are chronological
            who.setdefault(label, ids)
    if by in ("country", "kind", "contact") or largest_first:
        labels = sorted(counted, key=lambda label: (-len(counted[label]), order[label]))
    else:
        labels = sorted(counted, key=lambda label: order[label])
    show_tallies = by == "pair" and (filters is None or filters.is_default)
    rows = []
    for label in labels:
        checks: tuple[Reconciled, ...] = ()
        if show_tallies and len(who[label]) == 2:
            a, b = who[label]
            checks = tuple(reconcile(dataset, t) for t in dataset.tallies if covers_pair(dataset, t, a, b))
        rows.append(CountRow(label, len(counted[label]), tuple(counted[label]), checks))
    return rows
