"""Plain data (parsed TOML or JSON) into the model, and validation.

Validation collects *every* problem (record, field, message) before failing, so that one run tells a person
everything to fix in a hand-edited file. Imported only when a file is not in the cache (see dataset.files).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from summits.dataset.files import Problem
from summits.model import (
    AMERICAN,
    COUNTRY_NAMES,
    SOURCE_KINDS,
    SOVIET_OR_RUSSIAN,
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
    parse_date,
    participant_on,
)

SCHEMA_VERSION = 1
LEADER_ID = re.compile(r"[a-z]+(-[a-z]+)*")
SOURCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# ASCII digits only: \d alone would take any Unicode digit (２０１８, 𝟤𝟢𝟣𝟪), and with them look-alike ids.
MEETING_ID = re.compile(r"(?P<stem>[a-z0-9]+(-[a-z0-9]+)*?)-(?P<year>[0-9]{4})(-(?P<month>[0-9]{2}))?")
MAX_INTEGER = 2**63 - 1  # what SQLite (and most programs reading an export) can hold
_SURROGATE = re.compile("[\ud800-\udfff]")


# ---------------------------------------------------------------- building the model from plain data


_ABSENT = object()


class _Record:
    """Reads the fields of one table, recording a Problem for each missing, mistyped or unknown key."""

    def __init__(self, table: dict[str, Any], record: str, problems: list[Problem]) -> None:
        self.table = table
        self.record = record
        self.problems = problems
        self.seen: set[str] = set()
        self.flagged: set[str] = set()  # fields with a problem already: no second problem about what follows
        self.ok = True

    def problem(self, field: str, message: str) -> None:
        self.ok = False
        self.flagged.add(field)
        self.problems.append(Problem(self.record, field, message))

    # These run once per field of every record, so they look each key up once and never copy a string.

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        value = self.table.get(key, _ABSENT)
        if value is None or value is _ABSENT:  # JSON null: the same as leaving an optional key out
            if required:
                self.problem(key, "missing (required)" if value is _ABSENT else "is null: a value is required")
            return None
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.table.get(key)  # the most frequent read: a present string goes back without a call to _get
        if not isinstance(value, str) or not value or value.isspace():
            self._text_problem(key, required)
            return None
        self.seen.add(key)
        if not value.isascii() and _SURROGATE.search(value):
            self.problem(key, _surrogate_message(value))
            return None
        return value

    def _text_problem(self, key: str, required: bool) -> None:
        """Record why a field is not text: missing (when required), null, not a string, or blank."""
        value = self._get(key, required)
        if value is None:
            return
        if not isinstance(value, str):
            self.problem(key, f"must be a string, not {_type_name(value)}")
        else:
            self.problem(key, "must not be empty")

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        blank = False
        if isinstance(value, list):
            for item in value:
                if not isinstance(item, str):
                    break
                blank = blank or not item or item.isspace()
            else:  # every item is a string
                if blank:
                    self.problem(key, "must not contain empty strings")
                for item in value:
                    if not item.isascii() and _SURROGATE.search(item):
                        self.problem(key, _surrogate_message(item))
                        return ()
                return tuple(value)
        self.problem(key, f"must be a list of strings, not {_type_name(value)}")
        return ()

    def date(self, key: str, required: bool = True) -> PartialDate | None:
        value = self._get(key, required)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.problem(key, f"{_show(value)} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)")
        return parsed

    def integer(self, key: str) -> int | None:
        value = self._get(key, True)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"must be an integer, not {_type_name(value)}")
            return None
        if value < 0:
            self.problem(key, "must not be negative")
            return None
        if value > MAX_INTEGER:
            self.problem(key, f"is too large: the largest number a dataset can hold is {MAX_INTEGER}")
            return None
        return value

    def boolean(self, key: str) -> bool | None:
        value = self._get(key, True)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, not {_type_name(value)}")
            return None
        return value

    def tables(self, key: str, required: bool = False) -> list[dict[str, Any]]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"must be an array of tables, not {_type_name(value)}")
            return []
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(key, f"must be a table, not {_type_name(value)}")
            return {}
        return value

    def finish(self) -> None:
        """Report keys nobody asked for: usually a misspelt field name."""
        for key in self.table:
            if key not in self.seen:
                name = str(key) or '""'  # an empty key ("" = 1) still needs a visible name
                self.problem(name, f"unknown key{_did_you_mean(str(key), self.seen)}")


def _did_you_mean(key: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(sorted(known))})"
    return hint + _non_ascii_note(key)


def _non_ascii_note(text: str) -> str:
    """Names the non-ASCII characters in a key, which can look exactly like the ASCII ones expected."""
    if text.isascii():
        return ""
    import unicodedata

    odd = dict.fromkeys(c for c in text if not c.isascii())
    named = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in list(odd)[:3])
    return f"; the key has non-ASCII characters: {named}"


def _surrogate_message(text: str) -> str:
    found = _SURROGATE.search(text)
    code = ord(found.group()) if found else 0xD800
    return (
        f"holds U+{code:04X}, a lone surrogate, which is not a character (a \\u{code:04x} escape without its pair); "
        "fix the text"
    )


def _type_name(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return "a TOML date-time"
    if isinstance(value, dt.date):
        return "a TOML date"
    if isinstance(value, dt.time):
        return "a TOML time"
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), f"a {type(value).__name__}")


def _show(value: object) -> str:
    import datetime as dt

    if isinstance(value, (dt.datetime, dt.time)):  # as TOML writes them, never as a Python repr
        return f"{value.isoformat()} ({_type_name(value)})"
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def _each(tables: list[dict[str, Any]], label: str, id_key: str | None = "id") -> Iterator[tuple[str, dict[str, Any]]]:
    """Each table with the label its problems are reported under: its id, or its position when it has none. An
    id that more than one table uses gets the position too, so that a person can tell which record is which."""
    idents = [table.get(id_key) if id_key else None for table in tables]
    counts: dict[str, int] = {}
    for ident in idents:
        if isinstance(ident, str) and ident:
            counts[ident] = counts.get(ident, 0) + 1
    for index, (ident, table) in enumerate(zip(idents, tables, strict=True), start=1):
        if isinstance(ident, str) and ident:
            yield (f"{label} {ident}" if counts[ident] == 1 else f"{label} {ident} (#{index})"), table
        else:
            yield f"{label} #{index}", table


def _unique(record: _Record, ident: str | None, pattern: re.Pattern[str], seen: set[str], what: str, form: str) -> None:
    if ident is None:
        return
    if not pattern.fullmatch(ident):
        record.problem("id", f'"{ident}" is not a valid {what} id ({form})')
    elif ident in seen:
        record.problem("id", f'duplicate {what} id "{ident}"')
    seen.add(ident)


def build(document: dict[str, Any]) -> tuple[Dataset | None, list[Problem]]:
    """Turn parsed TOML/JSON into a Dataset, collecting every problem. The dataset is None if any were found."""
    problems: list[Problem] = []
    top = _Record(document, "file", problems)
    version = top._get("schema_version", True)
    if version is not None and (isinstance(version, bool) or version != SCHEMA_VERSION):
        top.problem("schema_version", f"must be {SCHEMA_VERSION}, not {_show(version)}")
    leader_tables, source_tables = top.tables("leaders", required=True), top.tables("sources", required=True)
    leaders = _build_leaders(leader_tables, problems)
    sources = _build_sources(source_tables, problems)
    # References are checked against every id the file declares, valid record or not: a leader whose record has
    # a problem is reported there once, not again as "unknown" by every meeting that names it.
    leader_ids, source_ids = _declared_ids(leader_tables), _declared_ids(source_tables)
    tallies = _build_tallies(top.tables("tallies"), leader_ids, source_ids, problems)
    by_id = {leader.id: leader for leader in leaders}
    meetings = _build_meetings(top.tables("meetings", required=True), by_id, leader_ids, source_ids, problems)
    top.finish()
    if problems:
        return None, problems
    meetings.sort(key=lambda m: (m.date.sort_key, (m.end_date or m.date).sort_key, m.id))
    return Dataset(tuple(leaders), tuple(sources), tuple(meetings), tuple(tallies)), problems


def _declared_ids(tables: list[dict[str, Any]]) -> set[str]:
    return {table["id"] for table in tables if isinstance(table.get("id"), str)}


def _build_leaders(tables: list[dict[str, Any]], problems: list[Problem]) -> list[Leader]:
    leaders: list[Leader] = []
    seen: set[str] = set()
    for label, table in _each(tables, "leader"):
        r = _Record(table, label, problems)
        ident = r.text("id")
        _unique(r, ident, LEADER_ID, seen, "leader", "lower-case letters and hyphens, e.g. bush-gw")
        name = r.text("name")
        country = _country(r, "country")
        aliases = r.texts("aliases")
        offices: list[Office] = []
        for index, office_table in enumerate(r.tables("offices", required=True), start=1):
            o = _Record(office_table, f"{label} office #{index}", problems)
            title, office_country = o.text("title"), _country(o, "country")
            start, end = o.date("start"), o.date("end", required=False)
            o.finish()
            if start and end and end.last_day < start.first_day:
                o.problem("end", f"{end} is before start {start}")
            if o.ok and title and office_country and start:
                offices.append(Office(title, office_country, start, end))
            else:
                r.ok = False  # a leader without all its offices would make meetings in them look wrong
        if "offices" in table and isinstance(table["offices"], list) and not table["offices"]:
            r.problem("offices", "needs at least one office")
        r.finish()
        if r.ok and ident and name and country:
            leaders.append(Leader(ident, name, country, tuple(offices), aliases))
    return leaders


def _country(r: _Record, key: str) -> str | None:
    value = r.text(key)
    if value is not None and value not in COUNTRY_NAMES:
        r.problem(key, f'"{value}" is not one of {", ".join(COUNTRY_NAMES)} (United States, Soviet Union, Russia)')
        return None
    return value


def _build_sources(tables: list[dict[str, Any]], problems: list[Problem]) -> list[Source]:
    sources: list[Source] = []
    seen: set[str] = set()
    for label, table in _each(tables, "source"):
        r = _Record(table, label, problems)
        ident = r.text("id")
        _unique(r, ident, SOURCE_ID, seen, "source", "lower-case letters, digits and hyphens")
        kind = r.text("kind")
        if kind is not None and kind not in SOURCE_KINDS:
            r.problem("kind", f'"{kind}" is not one of: {", ".join(SOURCE_KINDS)}')
        title, publisher = r.text("title"), r.text("publisher", required=False)
        date, url = r.date("date", required=False), r.text("url", required=False)
        if url is not None and not url.startswith(("https://", "http://")):
            r.problem("url", f"{_show(url)} must start with https:// or http://")
        r.finish()
        if r.ok and ident and kind and title:
            sources.append(Source(ident, kind, title, publisher, date, url))
    return sources


def _references(r: _Record, key: str, value: str | None, known: set[str], what: str) -> None:
    if value is not None and value not in known:
        r.problem(key, f'unknown {what} "{value}"{_did_you_mean_id(value, known)}')


def _did_you_mean_id(value: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _build_tallies(
    tables: list[dict[str, Any]], leader_ids: set[str], source_ids: set[str], problems: list[Problem]
) -> list[Tally]:
    tallies: list[Tally] = []
    for label, table in _each(tables, "tally", id_key=None):
        r = _Record(table, label, problems)
        who = r.texts("leaders", required=True)
        if "leaders" in table and "leaders" not in r.flagged and len(who) != 2:
            r.problem("leaders", "must name exactly two leader ids")
        for leader_id in who:
            _references(r, "leaders", leader_id, leader_ids, "leader")
        start, end = r.date("start"), r.date("end")
        if start and end and end.last_day < start.first_day:
            r.problem("end", f"{end} is before start {start}")
        in_person, number = r.boolean("in_person"), r.integer("number")
        source = r.text("source")
        _references(r, "source", source, source_ids, "source")
        note = r.text("note", required=False)
        r.finish()
        if r.ok and start and end and in_person is not None and number is not None and source:
            tallies.append(Tally((who[0], who[1]), start, end, in_person, number, source, note))
    return tallies


def _build_meetings(
    tables: list[dict[str, Any]],
    leaders: dict[str, Leader],
    leader_ids: set[str],
    source_ids: set[str],
    problems: list[Problem],
) -> list[Meeting]:
    meetings: list[Meeting] = []
    seen: set[str] = set()
    for label, table in _each(tables, "meeting"):
        meeting = _build_meeting(_Record(table, label, problems), leaders, leader_ids, source_ids, seen)
        if meeting is not None:
            meetings.append(meeting)
    return meetings


def _build_meeting(
    r: _Record, leaders: dict[str, Leader], leader_ids: set[str], source_ids: set[str], seen: set[str]
) -> Meeting | None:
    ident = r.text("id")
    _unique(r, ident, MEETING_ID, seen, "meeting", "<place>-<year>, e.g. helsinki-2018 or geneva-1985-11")
    date, end_date = r.date("date"), r.date("end_date", required=False)
    if ident and date and MEETING_ID.fullmatch(ident):
        _check_id_matches_date(r, ident, date)
    if date and end_date and end_date.last_day < date.first_day:
        r.problem("end_date", f"{end_date} is before date {date}")
    kind = _kind(r)
    is_call = kind is not None and kind.is_call
    city, country = r.text("city", required=not is_call), r.text("country", required=not is_call)
    venue, event = r.text("venue", required=False), r.text("event", required=False)
    summary = r.text("summary")
    topics, agreements = r.texts("topics"), r.texts("agreements")
    sources = r.texts("sources", required=True)
    if "sources" in r.table and "sources" not in r.flagged and not sources:
        r.problem("sources", "needs at least one source id")
    for source_id in sources:
        _references(r, "sources", source_id, source_ids, "source")
    overrides = _role_overrides(r)
    participants = _participants(r, leaders, leader_ids, date, end_date, overrides)
    quotes = _quotes(r, leader_ids, source_ids)
    disputes = _disputes(r, source_ids)
    r.finish()
    if not (r.ok and ident and date and kind and summary and participants):
        return None
    return Meeting(
        id=ident,
        date=date,
        kind=kind,
        participants=participants,
        summary=summary,
        sources=sources,
        city=city,
        country=country,
        venue=venue,
        end_date=end_date,
        event=event,
        topics=topics,
        agreements=agreements,
        quotes=quotes,
        disputes=disputes,
        role_overrides=tuple(sorted(overrides.items())),
    )


def _check_id_matches_date(r: _Record, ident: str, date: PartialDate) -> None:
    match = MEETING_ID.fullmatch(ident)
    assert match is not None
    if int(match["year"]) != date.year:
        r.problem("id", f'"{ident}" names the year {match["year"]} but the date is {date}')
    elif match["month"] and date.month is not None and int(match["month"]) != date.month:
        r.problem("id", f'"{ident}" names the month {match["month"]} but the date is {date}')


def _kind(r: _Record) -> Kind | None:
    value = r.text("kind")
    if value is None:
        return None
    try:
        return Kind(value)
    except ValueError:
        r.problem("kind", f'"{value}" is not one of: {", ".join(k.value for k in Kind)}')
        return None


def _role_overrides(r: _Record) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for key, value in r.mapping("roles").items():
        if not isinstance(value, str) or not value.strip():
            r.problem(f"roles.{key}", "must be a non-empty string")
        else:
            overrides[key] = value
    return overrides


def _participants(
    r: _Record,
    leaders: dict[str, Leader],
    leader_ids: set[str],
    date: PartialDate | None,
    end_date: PartialDate | None,
    overrides: dict[str, str],
) -> tuple[Participant, ...]:
    ids = r.texts("participants", required=True)
    if "participants" in r.table and "participants" not in r.flagged and len(ids) < 2:
        r.problem("participants", "needs at least two leader ids")
    if len(set(ids)) != len(ids):
        r.problem("participants", "lists a leader more than once")
    for key in overrides:
        if key not in ids:
            r.problem(f"roles.{key}", f'"{key}" is not a participant of this meeting')
    if date is None:
        return ()
    first, last = date.first_day, (end_date or date).last_day
    result = []
    for leader_id in ids:
        leader = leaders.get(leader_id)
        if leader is None:
            _references(r, "participants", leader_id, leader_ids, "leader")
            r.ok = False  # a declared leader whose record has problems: reported there
            continue
        offices = leader.offices_on(first, last)
        if not offices and leader_id not in overrides:
            r.problem(
                "participants",
                f"{leader.name} ({leader_id}) held no office on {date}: check the date, or add a roles entry",
            )
        result.append(participant_on(leader, first, last, overrides.get(leader_id), offices))
    sides = {p.country for p in result}
    if result and len(result) == len(ids):
        if not sides & AMERICAN:
            r.problem("participants", "needs at least one American participant")
        if not sides & SOVIET_OR_RUSSIAN:
            r.problem("participants", "needs at least one Soviet or Russian participant")
    return tuple(result)


def _quotes(r: _Record, leader_ids: set[str], source_ids: set[str]) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for index, table in enumerate(r.tables("quotes"), start=1):
        q = _Record(table, f"{r.record} quote #{index}", r.problems)
        text, context, source = q.text("text"), q.text("context"), q.text("source")
        _references(q, "source", source, source_ids, "source")
        speaker = q.text("speaker", required=False)
        name, role = q.text("speaker_name", required=False), q.text("speaker_role", required=False)
        if speaker is not None:
            _references(q, "speaker", speaker, leader_ids, "leader")
            if name is not None or role is not None:
                q.problem("speaker", "give either speaker (a leader id) or speaker_name and speaker_role, not both")
        elif name is None:
            q.problem("speaker", "missing: give speaker (a leader id) or speaker_name and speaker_role")
        elif role is None:
            q.problem("speaker_role", "missing: needed with speaker_name")
        q.finish()
        if not q.ok:
            r.ok = False
        elif text and context and source:
            quotes.append(Quote(text, context, source, speaker, name, role))
    return tuple(quotes)


def _disputes(r: _Record, source_ids: set[str]) -> tuple[Dispute, ...]:
    disputes: list[Dispute] = []
    for index, table in enumerate(r.tables("disputes"), start=1):
        d = _Record(table, f"{r.record} dispute #{index}", r.problems)
        field, value, reason = d.text("field"), d.text("value"), d.text("reason")
        claims: list[Claim] = []
        claim_tables = d.tables("claims", required=True)
        if "claims" in table and "claims" not in d.flagged and not claim_tables:
            d.problem("claims", "needs at least one claim")
        for number, claim_table in enumerate(claim_tables, start=1):
            c = _Record(claim_table, f"{d.record} claim #{number}", r.problems)
            claim, source = c.text("claim"), c.text("source")
            _references(c, "source", source, source_ids, "source")
            c.finish()
            if not c.ok:
                d.ok = False
            elif claim and source:
                claims.append(Claim(claim, source))
        d.finish()
        if not d.ok:
            r.ok = False
        elif field and value and reason:
            disputes.append(Dispute(field, value, reason, tuple(claims)))
    return tuple(disputes)
