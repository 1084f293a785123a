"""Reported tallies reconciled with the records: the figure a source reports beside the figure the dataset lists
on the same definition, a verdict, and, where the two differ, which definition would reproduce the report.

Pure functions over the model. The listed figure is always computed on the tally's own definition (its leaders,
period, contact levels and kinds, leaders in office), never on a filtered selection, so that no filter a user
types can change a verdict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import AMERICAN, Contact, Dataset, Meeting, Office, Participant, Tally

AGREES = "agrees"
DIFFERS = "differs"


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another definition that gives the reported figure, and the meetings it adds to or takes from the listed."""

    description: str
    added: tuple[Meeting, ...]
    removed: tuple[Meeting, ...]


@dataclass(frozen=True, slots=True)
class Reconciled:
    tally: Tally
    meetings: tuple[Meeting, ...]  # listed on the tally's definition
    alternatives: tuple[Alternative, ...]  # empty when the figures agree

    @property
    def listed(self) -> int:
        return len(self.meetings)

    @property
    def difference(self) -> int:
        """Listed minus reported: positive when the dataset lists more."""
        return self.listed - self.tally.number

    @property
    def verdict(self) -> str:
        return AGREES if self.tally.agrees_with(self.listed) else DIFFERS


def _side_matches(people: Sequence[Participant], named: set[str], in_office: bool, titles: Sequence[str]) -> bool:
    """A side of the table matches when one of its participants is one of the named leaders (any, if none is
    named), holding a leader's office on the date unless `in_office` is relaxed, and, if the tally names
    offices, one of those."""
    return any(
        (not named or p.leader.id in named)
        and (p.in_office or not in_office)
        and (not titles or any(t in titles for t in p.role.split(" and ")))
        for p in people
    )


def on_definition(
    dataset: Dataset,
    tally: Tally,
    contacts: frozenset[Contact] | None = None,
    in_office: bool = True,
) -> tuple[Meeting, ...]:
    """The meetings a tally's definition counts (or the same definition with other contact levels, or with the
    rule on offices relaxed, to look for what a source may have counted)."""
    levels = contacts if contacts is not None else frozenset(tally.contact)
    american = {i for i in tally.leaders if (x := dataset.leader(i)) is not None and x.country in AMERICAN}
    other = set(tally.leaders) - american
    first, last = tally.start.first_day, tally.end.last_day
    return tuple(
        m
        for m in dataset.meetings
        if first <= m.first_day <= last
        and m.contact in levels
        and (not tally.kinds or m.kind in tally.kinds)
        and _side_matches(m.americans, american, in_office, tally.titles)
        and _side_matches(m.soviets_or_russians, other, in_office, tally.titles)
    )


# The other definitions tried, in the order a reader would think of them; calls are never mixed with meetings.
_IN_PERSON_LEVELS: tuple[tuple[str, frozenset[Contact]], ...] = (
    ("talks only", frozenset({Contact.TALKS})),
    ("talks and encounters", frozenset({Contact.TALKS, Contact.ENCOUNTER})),
    (
        "talks, encounters and events both only attended",
        frozenset({Contact.TALKS, Contact.ENCOUNTER, Contact.ATTENDED}),
    ),
)


def reconcile(dataset: Dataset, tally: Tally) -> Reconciled:
    """The tally with the meetings listed on its definition and, if the figures differ, every simple variation
    of the definition that gives the reported figure."""
    listed = on_definition(dataset, tally)
    if tally.agrees_with(len(listed)):
        return Reconciled(tally, listed, ())
    alternatives: list[Alternative] = []
    if Contact.CALL not in tally.contact:
        for in_office in (True, False):
            for label, levels in _IN_PERSON_LEVELS:
                if in_office and levels == frozenset(tally.contact):
                    continue
                found = on_definition(dataset, tally, levels, in_office)
                if any(_changed(listed, found) == {m.id for m in a.added + a.removed} for a in alternatives):
                    continue  # the same meetings as a definition already given
                if tally.agrees_with(len(found)) and len(found) != len(listed):
                    description = label + ("" if in_office else ", with leaders out of office too")
                    alternatives.append(_alternative(description, listed, found))
    return Reconciled(tally, listed, tuple(alternatives))


def _changed(listed: Sequence[Meeting], found: Sequence[Meeting]) -> set[str]:
    return {m.id for m in listed} ^ {m.id for m in found}


def _alternative(description: str, listed: Sequence[Meeting], found: Sequence[Meeting]) -> Alternative:
    ids = {m.id for m in listed}
    found_ids = {m.id for m in found}
    return Alternative(
        description,
        tuple(m for m in found if m.id not in ids),
        tuple(m for m in listed if m.id not in found_ids),
    )


def reconcile_all(dataset: Dataset) -> list[Reconciled]:
    return [reconcile(dataset, t) for t in dataset.tallies]


def tallies_for(dataset: Dataset, leader_id: str) -> list[Tally]:
    return [t for t in dataset.tallies if leader_id in t.leaders]


def covers_pair(dataset: Dataset, tally: Tally, american_id: str, other_id: str) -> bool:
    """True when a tally's scope is a pair row's whole scope: the same two leaders, every contact level the
    default counts, and a period that takes in every day on which both held a leader's office."""
    if set(tally.leaders) != {american_id, other_id} or not {Contact.TALKS, Contact.ENCOUNTER} <= set(tally.contact):
        return False
    if tally.kinds:
        return False
    a, b = dataset.leader(american_id), dataset.leader(other_id)
    if a is None or b is None:
        return False
    days = [
        (max(x.start.first_day, y.start.first_day), min(_end(x), _end(y)))
        for x in a.offices
        if x.is_leader
        for y in b.offices
        if y.is_leader
    ]
    overlaps = [(s, e) for s, e in days if s <= e]
    if not overlaps:
        return False
    return tally.start.first_day <= min(s for s, _ in overlaps) and max(e for _, e in overlaps) <= tally.end.last_day


def _end(office: Office) -> dt.date:
    return office.end.last_day if office.end is not None else dt.date.max
