"""The sources behind the meetings: who cites which source, and every recorded disagreement between sources.

Pure functions over the model: no I/O, no printing. Counts are computed from the records, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import Dataset, Dispute, Meeting, Source


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
