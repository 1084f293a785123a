"""Questions about the records behind the meetings: leaders and their meetings, who cites which source, and
every disagreement between sources.

Pure functions over the model: no I/O, no printing. Counts are computed from the meetings, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import Dataset, Dispute, Leader, Meeting, Source
from summits.query.filters import TallyCheck, in_tally_scope, tallies_for


@dataclass(frozen=True, slots=True)
class MeetingCounts:
    """How many meetings a leader (or a pair) had: in person or otherwise (what `list` shows), and by phone or video."""

    meetings: int = 0
    calls: int = 0

    def add(self, meeting: Meeting) -> MeetingCounts:
        if meeting.kind.is_call:
            return MeetingCounts(self.meetings, self.calls + 1)
        return MeetingCounts(self.meetings + 1, self.calls)


@dataclass(frozen=True, slots=True)
class Counterpart:
    leader: Leader
    counts: MeetingCounts


@dataclass(frozen=True, slots=True)
class LeaderProfile:
    """One leader with everything `summits leaders NAME` shows."""

    leader: Leader
    counts: MeetingCounts
    counterparts: tuple[Counterpart, ...]  # in order of first meeting
    meetings: tuple[Meeting, ...]  # chronological, calls included
    tallies: tuple[TallyCheck, ...]  # each reported tally beside the number of meetings listed in its scope


def meetings_of(dataset: Dataset, leader_id: str) -> list[Meeting]:
    return [m for m in dataset.meetings if m.has_leader(leader_id)]


def leader_counts(dataset: Dataset) -> dict[str, MeetingCounts]:
    """Meetings and calls per leader id, for every leader (zero for those with none)."""
    counts = {leader.id: MeetingCounts() for leader in dataset.leaders}
    for meeting in dataset.meetings:
        for p in meeting.participants:
            counts[p.leader.id] = counts.get(p.leader.id, MeetingCounts()).add(meeting)
    return counts


def leader_profile(dataset: Dataset, leader: Leader) -> LeaderProfile:
    """A leader's meetings, counterparts across the table (with counts) and the tallies sources report for them."""
    meetings = meetings_of(dataset, leader.id)
    total = MeetingCounts()
    across: dict[str, MeetingCounts] = {}
    for meeting in meetings:
        total = total.add(meeting)
        me = next(p for p in meeting.participants if p.leader.id == leader.id)
        others = meeting.soviets_or_russians if me.country == "US" else meeting.americans
        for p in others:
            across[p.leader.id] = across.get(p.leader.id, MeetingCounts()).add(meeting)
    counterparts = tuple(
        Counterpart(other, counts) for other_id, counts in across.items() if (other := dataset.leader(other_id))
    )
    checks = tuple(
        TallyCheck(t, sum(1 for m in meetings if in_tally_scope(m, t))) for t in tallies_for(dataset, leader.id)
    )
    return LeaderProfile(leader, total, counterparts, tuple(meetings), checks)


@dataclass(frozen=True, slots=True)
class Citations:
    """How many records cite a source: meetings listing it, quotes copied from it, dispute claims and tallies."""

    source: Source
    meetings: int
    quotes: int
    claims: int
    tallies: int

    @property
    def total(self) -> int:
        return self.meetings + self.quotes + self.claims + self.tallies


def citations(dataset: Dataset, sources: Sequence[Source] | None = None) -> list[Citations]:
    """Every source (or the given ones) in dataset order, with the number of records that cite it."""
    meetings: dict[str, int] = {}
    quotes: dict[str, int] = {}
    claims: dict[str, int] = {}
    tallies: dict[str, int] = {}
    for meeting in dataset.meetings:
        for source_id in dict.fromkeys(meeting.sources):
            meetings[source_id] = meetings.get(source_id, 0) + 1
        for quote in meeting.quotes:
            quotes[quote.source] = quotes.get(quote.source, 0) + 1
        for dispute in meeting.disputes:
            for claim in dispute.claims:
                claims[claim.source] = claims.get(claim.source, 0) + 1
    for tally in dataset.tallies:
        tallies[tally.source] = tallies.get(tally.source, 0) + 1
    return [
        Citations(s, meetings.get(s.id, 0), quotes.get(s.id, 0), claims.get(s.id, 0), tallies.get(s.id, 0))
        for s in (dataset.sources if sources is None else sources)
    ]


@dataclass(frozen=True, slots=True)
class DisputeRow:
    meeting: Meeting
    dispute: Dispute


def disputes(meetings: Sequence[Meeting], field: str | None = None) -> list[DisputeRow]:
    """Every recorded disagreement in the meetings, in their order; only those about `field` if given
    (compared case-insensitively, and "quotes" also finds "quotes (wording)")."""
    wanted = field.strip().casefold() if field else None
    return [
        DisputeRow(m, d)
        for m in meetings
        for d in m.disputes
        if wanted is None or d.field.casefold() == wanted or d.field.casefold().startswith(wanted + " ")
    ]
