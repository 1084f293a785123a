"""Which meetings a command shows: the filters that `list`, `count` and the others share, applied in one pass
that also counts what the defaults left out (attended-only records, calls, leaders out of office), so that a
command can say so. Pure: no I/O, no printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import DEFAULT_CONTACTS, Contact, Dataset, Kind, Meeting, Quote, parse_date
from summits.query.names import (
    BadValue,
    UnknownName,
    closest,
    normalize,
    resolve_contact,
    resolve_country,
    resolve_kind,
    resolve_leader,
)

# ---------------------------------------------------------------- filtering


@dataclass(frozen=True, slots=True)
class Filters:
    """What `list`, `count` and friends select.

    Each entry of `leaders` is a set of ids of which one must be present (--leader repeated: meetings with both).
    Every other repeated option is a union: a meeting passes when it matches any of the values given. `contacts`
    None is the default: talks and encounters between leaders in office. `everything` (--all) keeps every record.
    """

    leaders: tuple[frozenset[str], ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    countries: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    topics: tuple[str, ...] = ()
    contacts: frozenset[Contact] | None = None
    everything: bool = False

    @property
    def wanted_contacts(self) -> frozenset[Contact]:
        """The contact levels selected: those asked for, or the default (with calls when a call kind is asked)."""
        if self.contacts is not None:
            return self.contacts
        if any(k.is_call for k in self.kinds):
            return DEFAULT_CONTACTS | {Contact.CALL}
        return DEFAULT_CONTACTS

    @property
    def is_default(self) -> bool:
        """True when nothing narrows or widens the default selection: the scope of a reported tally's row."""
        return self == Filters()

    def matches_others(self, meeting: Meeting) -> bool:
        """Every filter but the defaults on contact level and roles."""
        if self.kinds and meeting.kind not in self.kinds:
            return False
        # A meeting known only to the month or year is kept when any of its possible days falls in range.
        if self.start is not None and meeting.last_day < self.start:
            return False
        if self.end is not None and meeting.first_day > self.end:
            return False
        if self.countries and meeting.country not in self.countries:
            return False
        if self.topics:
            wanted = [normalize(t) for t in self.topics]
            if not any(w in normalize(t) for w in wanted for t in meeting.topics):
                return False
        return all(any(meeting.has_leader(i) for i in group) for group in self.leaders)

    def left_out_because(self, meeting: Meeting) -> str | None:
        """Why the contact-level and role rules leave out a meeting that passes the other filters, or None."""
        if self.everything:
            return None
        if meeting.contact not in self.wanted_contacts:
            return meeting.contact.value
        if not meeting.between_leaders:
            return OUT_OF_OFFICE
        return None

    def matches(self, meeting: Meeting) -> bool:
        return self.matches_others(meeting) and self.left_out_because(meeting) is None


OUT_OF_OFFICE = "out of office"


@dataclass(frozen=True, slots=True)
class Selection:
    """The meetings that pass the filters, in chronological order, and, of those that pass every filter but the
    default rules on contact level and roles, how many each rule left out ("attended", "call", "out of office")."""

    meetings: list[Meeting]
    excluded: list[tuple[str, Meeting]]  # (reason, meeting) for each left out by the defaults

    @property
    def left_out(self) -> dict[str, int]:
        """How many meetings each default rule left out, by reason."""
        return reasons(self.excluded)


def reasons(excluded: Sequence[tuple[str, Meeting]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reason, _ in excluded:
        counts[reason] = counts.get(reason, 0) + 1
    return counts


def select(dataset: Dataset, filters: Filters) -> Selection:
    """The meetings that pass the filters, and what the defaults left out, in one pass over the dataset."""
    chosen: list[Meeting] = []
    excluded: list[tuple[str, Meeting]] = []
    for meeting in dataset.meetings:
        if not filters.matches_others(meeting):
            continue
        reason = filters.left_out_because(meeting)
        if reason is None:
            chosen.append(meeting)
        else:
            excluded.append((reason, meeting))
    return Selection(chosen, excluded)


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
    country: Sequence[str] | None = None,
    kind: Sequence[str] | None = None,
    topic: Sequence[str] | None = None,
    contact: Sequence[str] | None = None,
    calls: bool = False,
    everything: bool = False,
) -> Filters:
    """Filters from what was typed for --leader, --from, --to, --country, --kind, --topic, --contact, --calls
    and --all. Every value given is kept: repeated options other than --leader are unions."""
    first, last = parse_bounds(start, end)
    contacts = frozenset(resolve_contact(c) for c in contact or ()) or None
    if calls:  # --calls: the default levels, or those asked for, and calls too
        contacts = (contacts if contacts is not None else DEFAULT_CONTACTS) | {Contact.CALL}
    return Filters(
        leaders=tuple(resolve_leader(dataset, name) for name in leader or ()),
        start=first,
        end=last,
        countries=frozenset(resolve_country(dataset, c) for c in country or ()),
        kinds=frozenset(resolve_kind(k) for k in kind or ()),
        topics=tuple(t for t in topic or () if t.strip()),
        contacts=contacts,
        everything=everything,
    )


def _bound(text: str | None, option: str, *, upper: bool) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_bound(text, upper=upper)
    except ValueError as error:
        raise BadValue(f"{option}: {error}") from None


def quotes_of(dataset: Dataset, meeting: Meeting, speaker: str | None = None, text: str | None = None) -> list[Quote]:
    """The quotes of a meeting, optionally only one speaker's (a leader's name or id, or part of another speaker's
    name, such as a joint statement's "Donald Trump and Vladimir Putin") and only those holding every word of
    `text`."""
    quotes = list(meeting.quotes)
    if speaker is not None:
        quotes = _by_speaker(dataset, quotes, speaker)
    return _with_words(quotes, text)


def _by_speaker(dataset: Dataset, quotes: list[Quote], speaker: str) -> list[Quote]:
    wanted = normalize(speaker)
    try:
        ids = resolve_leader(dataset, speaker)
    except UnknownName as unknown:
        others = [q for q in quotes if q.speaker_name and wanted and wanted in normalize(q.speaker_name)]
        if others:
            return others
        names = {q.speaker_name for q in quotes if q.speaker_name}
        suggestions = closest(speaker, names) + list(unknown.suggestions)
        raise UnknownName("speaker", speaker, suggestions[:3]) from None
    # A joint attribution ("Donald Trump and Vladimir Putin") speaks for each leader it names.
    full_names = [normalize(x.name) for i in ids if (x := dataset.leader(i))]
    return [
        q
        for q in quotes
        if q.speaker in ids or (q.speaker_name and any(n in normalize(q.speaker_name) for n in full_names))
    ]


def _with_words(quotes: list[Quote], text: str | None) -> list[Quote]:
    if not text or not text.strip():
        return quotes
    words = [normalize(w) for w in text.split()]
    return [q for q in quotes if all(w in normalize(q.text) for w in words)]


def quotes_across(
    dataset: Dataset,
    speaker: str | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    text: str | None = None,
) -> list[tuple[Meeting, Quote]]:
    """Every meeting's quotes, in date order, narrowed by speaker, period and words."""
    pairs = [
        (m, q)
        for m in dataset.meetings
        if not ((first and m.last_day < first) or (last and m.first_day > last))
        for q in m.quotes
    ]
    kept = [q for _, q in pairs]
    if speaker is not None:
        try:
            kept = _by_speaker(dataset, kept, speaker)
        except UnknownName:
            # No quote of the period is that speaker's: an error only if no quote at all is (the suggestions are
            # then drawn from every speaker); a known speaker who said nothing in the period gives no quotes.
            _by_speaker(dataset, [q for m in dataset.meetings for q in m.quotes], speaker)
            kept = []
    wanted = {id(q) for q in _with_words(kept, text)}  # by identity: equal quotes at two meetings stay apart
    return [(m, q) for m, q in pairs if id(q) in wanted]


def parse_bounds(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to as the first and last days they allow."""
    first = _bound(start, "--from", upper=False)
    last = _bound(end, "--to", upper=True)
    if first and last and first > last:
        raise BadValue(f"--from {start} is after --to {end}; swap them or widen the range.")
    return first, last
