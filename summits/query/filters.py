"""Questions asked of a dataset: resolve names and ids, filter meetings, count them by a grouping.

Pure functions over the model: no I/O, no printing. Anything a user typed that does not resolve raises
UnknownName with the closest matches, so the caller can say "did you mean ...?".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summits.model import Dataset, Kind, Leader, Meeting, PartialDate, Quote, Tally

GROUPINGS = ("president", "counterpart", "pair", "year", "decade", "country", "kind")
NO_PRESIDENT = "(no sitting U.S. president)"
NO_PLACE = "(call, no place)"

# Names people type for the places where meetings were held, beyond the names the data uses.
COUNTRY_SYNONYMS = {
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "united states of america": "United States",
    "ussr": "Soviet Union",
    "u s s r": "Soviet Union",
    "soviet union": "Soviet Union",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
}


class UnknownName(LookupError):
    """A name, id or value that matches nothing; carries the closest matches or the valid choices."""

    def __init__(self, what: str, given: str, suggestions: Sequence[str], choices: Sequence[str] = ()) -> None:
        super().__init__(f"unknown {what}: {given!r}")
        self.what = what
        self.given = given
        self.suggestions = tuple(suggestions)
        self.choices = tuple(choices)


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names: "George H.W. Bush" -> "george h w bush"."""
    plain = text.casefold()
    if not plain.isascii():  # only then is there an accent to take off, and unicodedata (a module of its own) to load
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def closest(given: str, candidates: Iterable[str] | dict[str, str], limit: int = 3) -> list[str]:
    """The candidates nearest to what was typed: those it starts, then the most similar.

    Candidates may be a mapping from a name to match against to the label to suggest (a surname to a full name).
    """
    import difflib

    labels = dict(candidates) if isinstance(candidates, dict) else {c: c for c in candidates}
    by_key: dict[str, str] = {}
    for name, label in sorted(labels.items()):
        by_key.setdefault(normalize(name), label)
    key = normalize(given)
    starts = [label for name, label in by_key.items() if key and name.startswith(key)]
    similar = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6)
    result: list[str] = []
    for label in starts + [by_key[s] for s in similar]:
        if label not in result:
            result.append(label)
    return result[: max(limit, len(starts))]


# ---------------------------------------------------------------- resolving what people type


def leader_keys(leader: Leader) -> set[str]:
    """Every normalized name that refers to this leader: id, full name, surname, aliases."""
    keys = {normalize(leader.id), normalize(leader.name), normalize(leader.surname)}
    keys.update(normalize(alias) for alias in leader.aliases)
    return keys


def resolve_leader(dataset: Dataset, name: str) -> frozenset[str]:
    """The ids of every leader the name can mean ("Bush" means both Presidents Bush)."""
    key = normalize(name)
    found = frozenset(leader.id for leader in dataset.leaders if key and key in leader_keys(leader))
    if found:
        return found
    names = {key: leader.name for leader in dataset.leaders for key in leader_keys(leader)}
    raise UnknownName("leader", name, closest(name, names))


def resolve_meeting(dataset: Dataset, ident: str) -> Meeting:
    meeting = dataset.meeting(ident.strip().lower())
    if meeting is None:
        raise UnknownName("meeting id", ident, closest(ident, (m.id for m in dataset.meetings), limit=5))
    return meeting


def resolve_kind(text: str) -> Kind:
    try:
        return Kind(text.strip().lower())
    except ValueError:
        choices = [k.value for k in Kind]
        raise UnknownName("kind", text, closest(text, choices), choices) from None


def resolve_grouping(text: str) -> str:
    value = text.strip().lower()
    if value not in GROUPINGS:
        raise UnknownName("grouping for --by", text, closest(text, GROUPINGS), GROUPINGS)
    return value


def resolve_country(dataset: Dataset, text: str) -> str:
    """The country name as the data spells it, accepting common synonyms ("USSR", "UK")."""
    places = {m.country for m in dataset.meetings if m.country}
    by_key = {normalize(p): p for p in places}
    key = normalize(text)
    if key in by_key:
        return by_key[key]
    synonym = COUNTRY_SYNONYMS.get(key)
    if synonym is not None and normalize(synonym) in by_key:
        return by_key[normalize(synonym)]
    raise UnknownName("country", text, closest(text, places), sorted(places))


def parse_bound(text: str, *, upper: bool) -> dt.date:
    """A --from/--to value (YYYY, YYYY-MM or YYYY-MM-DD) as its first day, or last day when upper. ValueError if bad."""
    from summits.dataset.build import parse_date

    parsed = parse_date(text.strip())
    if parsed is None:
        raise ValueError(f"{text!r} is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed.last_day if upper else parsed.first_day


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


def select(dataset: Dataset, filters: Filters) -> list[Meeting]:
    """The meetings that pass the filters, in chronological order."""
    return [m for m in dataset.meetings if filters.matches(m)]


def hidden_calls(dataset: Dataset, filters: Filters) -> int:
    """How many phone/video calls the filters would match but leave out because calls were not asked for."""
    if filters.include_calls or filters.kind is not None:
        return 0
    return sum(1 for m in dataset.meetings if m.kind.is_call and filters.matches(m, ignore_calls_rule=True))


# ---------------------------------------------------------------- counting


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


# ---------------------------------------------------------------- quotes


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


def speaker_label(dataset: Dataset, quote: Quote) -> str:
    """The speaker as printed: a leader's name, or the name and role of anyone else."""
    if quote.speaker is not None:
        leader = dataset.leader(quote.speaker)
        return leader.name if leader else quote.speaker
    if quote.speaker_role:
        return f"{quote.speaker_name} ({quote.speaker_role})"
    return quote.speaker_name or ""


def date_range_label(start: PartialDate, end: PartialDate | None) -> str:
    return f"{start}" if end is None or end == start else f"{start} to {end}"
