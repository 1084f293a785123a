"""Which meetings a command shows: the filters that `list`, `count` and the others share, applied in one pass
that also keeps what the defaults left out (calls), so that a command can say so. Pure: no I/O, no printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import Dataset, Kind, Meeting, Quote, parse_date
from summits.query.names import BadValue, UnknownName, closest, normalize, resolve_country, resolve_kind, resolve_leader

# ---------------------------------------------------------------- filtering


@dataclass(frozen=True, slots=True)
class Filters:
    """What `list`, `count` and friends select. Each entry of `leaders` is a set of ids of which one must be present."""

    leaders: tuple[frozenset[str], ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    kind: Kind | None = None
    topic: str | None = None
    include_calls: bool = False

    def matches(self, meeting: Meeting, *, ignore_calls_rule: bool = False) -> bool:
        if not ignore_calls_rule and meeting.kind.is_call and not self.include_calls and self.kind is None:
            return False
        if self.kind is not None and meeting.kind is not self.kind:
            return False
        # A meeting known only to the month or year is kept when any of its possible days falls in range.
        if self.start is not None and meeting.last_day < self.start:
            return False
        if self.end is not None and meeting.first_day > self.end:
            return False
        if self.country is not None and meeting.country != self.country:
            return False
        if self.topic is not None:
            wanted = normalize(self.topic)
            if not any(wanted in normalize(t) for t in meeting.topics):
                return False
        return all(any(meeting.has_leader(i) for i in group) for group in self.leaders)


@dataclass(frozen=True, slots=True)
class Selection:
    """The meetings that pass the filters, in chronological order, and the calls that would pass too but were
    left out because calls were not asked for."""

    meetings: list[Meeting]
    left_out: list[Meeting]


def select(dataset: Dataset, filters: Filters) -> Selection:
    """The meetings that pass the filters, and the calls left out by default, in one pass over the dataset."""
    if filters.include_calls or filters.kind is not None:
        return Selection([m for m in dataset.meetings if filters.matches(m)], [])
    chosen: list[Meeting] = []
    left_out: list[Meeting] = []
    for meeting in dataset.meetings:
        if filters.matches(meeting, ignore_calls_rule=True):
            (left_out if meeting.kind.is_call else chosen).append(meeting)
    return Selection(chosen, left_out)


def parse_bound(text: str, *, upper: bool) -> dt.date:
    """A --from/--to value (YYYY, YYYY-MM or YYYY-MM-DD) as its first day, or last day when upper. ValueError if bad."""
    parsed = parse_date(text.strip())
    if parsed is None:
        raise ValueError(f"{text!r} is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed.last_day if upper else parsed.first_day


def filters_from(
    dataset: Dataset,
    leader: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
    calls: bool = False,
) -> Filters:
    """Filters from what was typed for --leader, --from, --to, --country, --kind, --topic and --calls."""
    first = _bound(start, "--from", upper=False)
    last = _bound(end, "--to", upper=True)
    if first and last and first > last:
        raise BadValue(f"--from {start} is after --to {end}; swap them or widen the range.")
    return Filters(
        leaders=tuple(resolve_leader(dataset, name) for name in leader or ()),
        start=first,
        end=last,
        country=resolve_country(dataset, country) if country else None,
        kind=resolve_kind(kind) if kind else None,
        topic=topic,
        include_calls=calls,
    )


def _bound(text: str | None, option: str, *, upper: bool) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_bound(text, upper=upper)
    except ValueError as error:
        raise BadValue(f"{option}: {error}") from None


def quotes_of(dataset: Dataset, meeting: Meeting, speaker: str | None = None) -> list[Quote]:
    """The quotes of a meeting, optionally only one speaker's (a leader's name or id, or part of another speaker's name)."""
    if speaker is None:
        return list(meeting.quotes)
    try:
        ids = resolve_leader(dataset, speaker)
    except UnknownName as unknown:
        wanted = normalize(speaker)
        others = [q for q in meeting.quotes if q.speaker_name and wanted and wanted in normalize(q.speaker_name)]
        if others:
            return others
        names = {q.speaker_name for q in meeting.quotes if q.speaker_name}
        suggestions = closest(speaker, names) + list(unknown.suggestions)
        raise UnknownName("speaker", speaker, suggestions[:3]) from None
    return [q for q in meeting.quotes if q.speaker in ids]
