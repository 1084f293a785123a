"""A built Dataset as nested tuples of strings, integers, booleans and None, and back.

This is the form the cache keeps (dataset/cache.py): marshal writes and reads it quickly, and `from_plain`
makes the Dataset again several times faster than building it from the file, because it checks nothing. That
is safe only for a form made by `to_plain` from a Dataset that was built and validated by this same code,
which the cache makes sure of; anything else must go through dataset.build.

`from_plain(to_plain(d)) == d` for every Dataset d. Participants point at the same Leader objects as the
dataset's leaders, as after dataset.build; equal dates share one PartialDate object, which is immutable.
"""

from __future__ import annotations

from typing import Any

from summits.model import (
    Claim,
    Dataset,
    Dispute,
    Kind,
    Leader,
    Meeting,
    Office,
    PartialDate,
    Participant,
    Quote,
    Source,
    Tally,
)

DateTuple = tuple[int, int | None, int | None]


def _date(value: PartialDate | None) -> DateTuple | None:
    return None if value is None else (value.year, value.month, value.day)


def to_plain(dataset: Dataset) -> tuple[Any, ...]:
    """The dataset as nested tuples, field by field in the order of the model's classes."""
    leaders = tuple(
        (
            x.id,
            x.name,
            x.country,
            tuple((o.title, o.country, _date(o.start), _date(o.end)) for o in x.offices),
            x.aliases,
        )
        for x in dataset.leaders
    )
    sources = tuple((s.id, s.kind, s.title, s.publisher, _date(s.date), s.url) for s in dataset.sources)
    tallies = tuple(
        (t.leaders, _date(t.start), _date(t.end), t.in_person, t.number, t.source, t.note) for t in dataset.tallies
    )
    meetings = tuple(
        (
            m.id,
            _date(m.date),
            m.kind.value,
            tuple((p.leader.id, p.role, p.country, p.is_president) for p in m.participants),
            m.summary,
            m.sources,
            m.city,
            m.country,
            m.venue,
            _date(m.end_date),
            m.event,
            m.topics,
            m.agreements,
            tuple((q.text, q.context, q.source, q.speaker, q.speaker_name, q.speaker_role) for q in m.quotes),
            tuple((d.field, d.value, d.reason, tuple((c.claim, c.source) for c in d.claims)) for d in m.disputes),
            m.role_overrides,
        )
        for m in dataset.meetings
    )
    return (dataset.schema_version, leaders, sources, tallies, meetings)


def from_plain(plain: tuple[Any, ...]) -> Dataset:
    """The Dataset that `to_plain` was given. Raises (TypeError, ValueError, KeyError, ...) on any other input."""
    schema_version, leader_rows, source_rows, tally_rows, meeting_rows = plain
    dates: dict[DateTuple, PartialDate] = {}

    def date(value: DateTuple | None) -> PartialDate | None:
        if value is None:
            return None
        made = dates.get(value)
        if made is None:
            made = dates[value] = PartialDate(*value)
        return made

    def required_date(value: DateTuple) -> PartialDate:
        made = date(value)
        if made is None:
            raise ValueError("a required date is missing")
        return made

    leaders = tuple(
        Leader(
            ident,
            name,
            country,
            tuple(Office(title, where, required_date(start), date(end)) for title, where, start, end in offices),
            tuple(aliases),
        )
        for ident, name, country, offices, aliases in leader_rows
    )
    by_id = {x.id: x for x in leaders}
    sources = tuple(
        Source(ident, kind, title, publisher, date(when), url)
        for ident, kind, title, publisher, when, url in source_rows
    )
    tallies = tuple(
        Tally((who[0], who[1]), required_date(start), required_date(end), in_person, number, source, note)
        for who, start, end, in_person, number, source, note in tally_rows
    )
    kinds = {k.value: k for k in Kind}
    meetings = tuple(
        Meeting(
            ident,
            required_date(when),
            kinds[kind],
            tuple(Participant(by_id[who], role, side, is_president) for who, role, side, is_president in people),
            summary,
            tuple(sources_cited),
            city,
            country,
            venue,
            date(end),
            event,
            tuple(topics),
            tuple(agreements),
            tuple(Quote(*quote) for quote in quotes),
            tuple(
                Dispute(field, value, reason, tuple(Claim(claim, source) for claim, source in claims))
                for field, value, reason, claims in disputes
            ),
            tuple((who, role) for who, role in overrides),
        )
        for (
            ident,
            when,
            kind,
            people,
            summary,
            sources_cited,
            city,
            country,
            venue,
            end,
            event,
            topics,
            agreements,
            quotes,
            disputes,
            overrides,
        ) in meeting_rows
    )
    return Dataset(leaders, sources, meetings, tallies, schema_version)
