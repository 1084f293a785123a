"""The data model: leaders and their offices, sources, meetings, quotes, disputes and reported tallies.

Everything here is a frozen dataclass and knows nothing of files, TOML, Rich or Typer. Facts that can be
derived (a participant's role on a date, which side of the table they sat on) are derived here, never typed twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

# The sides of the table. Offices and leaders carry one of these codes.
COUNTRY_NAMES = {"US": "United States", "SU": "Soviet Union", "RU": "Russia"}
AMERICAN = frozenset({"US"})
SOVIET_OR_RUSSIAN = frozenset({"SU", "RU"})


class Kind(str, Enum):
    """What sort of encounter a meeting was (see the README for the definitions)."""

    SUMMIT = "summit"
    VISIT = "visit"
    CONFERENCE = "conference"
    SIDELINES = "sidelines"
    INFORMAL = "informal"
    PHONE = "phone"
    VIDEO = "video"
    MINISTERIAL = "ministerial"

    @property
    def is_call(self) -> bool:
        return self in (Kind.PHONE, Kind.VIDEO)


class SourceKind(str, Enum):
    """What sort of work a source is."""

    OFFICIAL = "official"
    NEWS = "news"
    REFERENCE = "reference"
    SEED = "seed"


SOURCE_KINDS = tuple(k.value for k in SourceKind)

KIND_DESCRIPTIONS = {
    Kind.SUMMIT: "a meeting that was the purpose of the trip",
    Kind.VISIT: "a state, official or working visit",
    Kind.CONFERENCE: "a multilateral conference where the two met",
    Kind.SIDELINES: "bilateral talks on the sidelines of a multilateral gathering",
    Kind.INFORMAL: "a brief encounter that the record reports",
    Kind.PHONE: "a telephone call",
    Kind.VIDEO: "a video call",
    Kind.MINISTERIAL: "a meeting below the leaders (such as foreign ministers) that a source names",
}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or only the year ("2018-07-16", "2001-06", "2005").

    Ordering is by (year, month, day) with unknown parts as 0, so "2001-06" sorts before "2001-06-16".
    """

    year: int
    month: int | None = None
    day: int | None = None
    # Derived once, when the date is made: filters, roles and sorting ask for these many times per date.
    first_day: dt.date = field(init=False, repr=False, compare=False)
    last_day: dt.date = field(init=False, repr=False, compare=False)
    sort_key: tuple[int, int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        first = dt.date(year, 1 if month is None else month, 1 if day is None else day)  # month 0 is no month
        if day is not None:
            last = first
        elif month is None or month == 12:
            last = dt.date(year, 12, 31)
        else:
            last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)  # the eve of the next month
        object.__setattr__(self, "first_day", first)
        object.__setattr__(self, "last_day", last)
        object.__setattr__(self, "sort_key", (year, month or 0, day or 0))

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key >= other.sort_key

    @property
    def precision(self) -> str:
        """ "day", "month" or "year"."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 at the known precision: YYYY-MM-DD, YYYY-MM or YYYY."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


DATE_TEXT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits: never ２０１８ or 𝟤𝟢𝟣𝟪


def parse_date(value: object) -> PartialDate | None:
    """A PartialDate from "YYYY", "YYYY-MM", "YYYY-MM-DD" (or a TOML date literal); None if invalid."""
    if isinstance(value, str):
        match = DATE_TEXT.fullmatch(value)
        if not match:
            return None
        year, month, day = match.groups()
        try:  # PartialDate computes its first and last days: that rejects month 13 and 2019-02-30
            return PartialDate(int(year), int(month) if month else None, int(day) if day else None)
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return None  # a time of day is never meant here
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    return None


@dataclass(frozen=True, slots=True)
class Office:
    title: str
    country: str
    start: PartialDate
    end: PartialDate | None = None  # None: still in office

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """True when the office was held on any day from first to last (inclusive)."""
        if self.start.first_day > last:
            return False
        return self.end is None or self.end.last_day >= first


@dataclass(frozen=True, slots=True)
class Leader:
    id: str
    name: str
    country: str
    offices: tuple[Office, ...]
    aliases: tuple[str, ...] = ()

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def offices_on(self, first: dt.date, last: dt.date) -> tuple[Office, ...]:
        """The offices held from first to last. An office that ends on the day another of the same leader's
        begins gives that day up, so Putin on 7 May 2000 is "President", not also "Acting President"."""
        held = [o for o in self.offices if o.overlaps(first, last)]
        if len(held) < 2:
            return tuple(held)
        starts = {o.start.first_day for o in held}
        return tuple(o for o in held if not (o.end and o.end.precision == "day" and o.end.first_day in starts))

    @property
    def is_american(self) -> bool:
        return self.country in AMERICAN


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str | None = None
    date: PartialDate | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    context: str
    source: str
    speaker: str | None = None  # a leader id
    speaker_name: str | None = None  # anyone else
    speaker_role: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    claim: str
    source: str


@dataclass(frozen=True, slots=True)
class Dispute:
    field: str
    value: str
    reason: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """A total reported by a source, e.g. "Bush and Putin met 28 times"."""

    leaders: tuple[str, str]
    start: PartialDate
    end: PartialDate
    in_person: bool
    number: int
    source: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """A leader at a meeting, with the role held on that date (derived from offices, or overridden)."""

    leader: Leader
    role: str
    country: str
    is_president: bool  # held the office of President of the United States on the date


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    date: PartialDate
    kind: Kind
    participants: tuple[Participant, ...]
    summary: str
    sources: tuple[str, ...]
    city: str | None = None
    country: str | None = None
    venue: str | None = None
    end_date: PartialDate | None = None
    event: str | None = None
    topics: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    role_overrides: tuple[tuple[str, str], ...] = ()

    @property
    def first_day(self) -> dt.date:
        return self.date.first_day

    @property
    def last_day(self) -> dt.date:
        return (self.end_date or self.date).last_day

    @property
    def americans(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.country in AMERICAN)

    @property
    def soviets_or_russians(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.country in SOVIET_OR_RUSSIAN)

    @property
    def place(self) -> str:
        """City and country, or the kind of call for meetings with no place."""
        parts = [p for p in (self.city, self.country) if p]
        return ", ".join(parts) if parts else f"({self.kind.value} call)"

    def has_leader(self, leader_id: str) -> bool:
        return any(p.leader.id == leader_id for p in self.participants)


def participant_on(
    leader: Leader, first: dt.date, last: dt.date, override: str | None, offices: tuple[Office, ...] | None = None
) -> Participant:
    """The leader as a participant in a meeting held from first to last: role and country from offices (pass
    `offices` when the caller already has leader.offices_on(first, last))."""
    if offices is None:
        offices = leader.offices_on(first, last)
    titles: list[str] = []
    for office in offices:
        if office.title not in titles:
            titles.append(office.title)
    role = override or " and ".join(titles) or "(no office on this date)"
    country = offices[0].country if offices else leader.country
    is_president = any(o.title == "President" and o.country in AMERICAN for o in offices)
    return Participant(leader=leader, role=role, country=country, is_president=is_president)


@dataclass(frozen=True, slots=True)
class Dataset:
    leaders: tuple[Leader, ...]
    sources: tuple[Source, ...]
    meetings: tuple[Meeting, ...]  # chronological
    tallies: tuple[Tally, ...] = ()
    schema_version: int = 1
    _leaders_by_id: dict[str, Leader] = field(default_factory=dict, compare=False, repr=False)
    _sources_by_id: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)
    _meetings_by_id: dict[str, Meeting] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Lookup tables are built once; the dataclass stays frozen for callers.
        self._leaders_by_id.update((x.id, x) for x in self.leaders)
        self._sources_by_id.update((x.id, x) for x in self.sources)
        self._meetings_by_id.update((x.id, x) for x in self.meetings)

    def leader(self, leader_id: str) -> Leader | None:
        return self._leaders_by_id.get(leader_id)

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._meetings_by_id.get(meeting_id)
