"""The whole dataset in other formats: JSON (the data file's own shape), CSV and SQLite (normalised tables), and a
Markdown document for reading.

The relational layout is described once, in TABLES, and both the SQLite and the CSV writers use it, so a CSV
file has exactly the columns of the SQLite table of the same name. Files are written to a temporary file beside
the target and moved into place only when complete, so an interrupted export never leaves half a file and
--force never destroys the old file before the new one is whole.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from summits.model import COUNTRY_NAMES, KIND_DESCRIPTIONS, Dataset, Kind, Meeting
from summits.output.meetings import escape_controls

FORMATS = ("json", "csv", "sqlite", "markdown")
STDOUT = "-"


class ExportError(Exception):
    """The output path cannot be used (exists, is a directory, its directory is missing, not writable)."""


# ---------------------------------------------------------------- the relational layout (SQLite and CSV)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its columns with their SQL declarations, then table constraints (keys)."""

    name: str
    columns: tuple[tuple[str, str], ...]
    constraints: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self) -> str:
        lines = [f"  {name} {decl}" for name, decl in self.columns] + [f"  {c}" for c in self.constraints]
        return f"CREATE TABLE {self.name} (\n" + ",\n".join(lines) + "\n);"


_MEETING = "REFERENCES meetings(id)"
_LEADER = "REFERENCES leaders(id)"
_SOURCE = "REFERENCES sources(id)"
_COUNTRY = "REFERENCES countries(code)"

# In the order they are written (every table after those it refers to).
TABLES: tuple[Table, ...] = (
    Table("countries", (("code", "TEXT PRIMARY KEY"), ("name", "TEXT NOT NULL"))),
    Table(
        "kinds",
        (("kind", "TEXT PRIMARY KEY"), ("description", "TEXT NOT NULL"), ("is_call", "INTEGER NOT NULL")),
    ),
    Table(
        "leaders",
        (("id", "TEXT PRIMARY KEY"), ("name", "TEXT NOT NULL"), ("country", f"TEXT NOT NULL {_COUNTRY}")),
    ),
    Table(
        "leader_aliases",
        (("leader_id", f"TEXT NOT NULL {_LEADER}"), ("position", "INTEGER NOT NULL"), ("alias", "TEXT NOT NULL")),
        ("PRIMARY KEY (leader_id, position)",),
    ),
    Table(
        "offices",
        (
            ("leader_id", f"TEXT NOT NULL {_LEADER}"),
            ("position", "INTEGER NOT NULL"),
            ("title", "TEXT NOT NULL"),
            ("country", f"TEXT NOT NULL {_COUNTRY}"),
            ("start_date", "TEXT NOT NULL"),
            ("end_date", "TEXT"),
        ),
        ("PRIMARY KEY (leader_id, position)",),
    ),
    Table(
        "sources",
        (
            ("id", "TEXT PRIMARY KEY"),
            ("kind", "TEXT NOT NULL"),
            ("title", "TEXT NOT NULL"),
            ("publisher", "TEXT"),
            ("date", "TEXT"),
            ("url", "TEXT"),
        ),
    ),
    Table(
        "meetings",
        (
            ("id", "TEXT PRIMARY KEY"),
            ("seq", "INTEGER NOT NULL UNIQUE"),
            ("date", "TEXT NOT NULL"),
            ("end_date", "TEXT"),
            ("date_precision", "TEXT NOT NULL"),
            ("first_day", "TEXT NOT NULL"),
            ("last_day", "TEXT NOT NULL"),
            ("kind", "TEXT NOT NULL REFERENCES kinds(kind)"),
            ("city", "TEXT"),
            ("country", "TEXT"),
            ("venue", "TEXT"),
            ("event", "TEXT"),
            ("summary", "TEXT NOT NULL"),
        ),
    ),
    Table(
        "participants",
        (
            ("meeting_id", f"TEXT NOT NULL {_MEETING}"),
            ("position", "INTEGER NOT NULL"),
            ("leader_id", f"TEXT NOT NULL {_LEADER}"),
            ("role", "TEXT NOT NULL"),
            ("country", f"TEXT NOT NULL {_COUNTRY}"),
            ("is_president", "INTEGER NOT NULL"),
            ("role_overridden", "INTEGER NOT NULL"),
        ),
        ("PRIMARY KEY (meeting_id, leader_id)", "UNIQUE (meeting_id, position)"),
    ),
    Table(
        "meeting_topics",
        (("meeting_id", f"TEXT NOT NULL {_MEETING}"), ("position", "INTEGER NOT NULL"), ("topic", "TEXT NOT NULL")),
        ("PRIMARY KEY (meeting_id, position)",),
    ),
    Table(
        "meeting_agreements",
        (
            ("meeting_id", f"TEXT NOT NULL {_MEETING}"),
            ("position", "INTEGER NOT NULL"),
            ("agreement", "TEXT NOT NULL"),
        ),
        ("PRIMARY KEY (meeting_id, position)",),
    ),
    Table(
        "meeting_sources",
        (
            ("meeting_id", f"TEXT NOT NULL {_MEETING}"),
            ("position", "INTEGER NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
        ),
        ("PRIMARY KEY (meeting_id, position)",),
    ),
    Table(
        "quotes",
        (
            ("id", "INTEGER PRIMARY KEY"),
            ("meeting_id", f"TEXT NOT NULL {_MEETING}"),
            ("position", "INTEGER NOT NULL"),
            ("speaker_id", f"TEXT {_LEADER}"),
            ("speaker_name", "TEXT"),
            ("speaker_role", "TEXT"),
            ("text", "TEXT NOT NULL"),
            ("context", "TEXT NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
        ),
        ("UNIQUE (meeting_id, position)",),
    ),
    Table(
        "disputes",
        (
            ("id", "INTEGER PRIMARY KEY"),
            ("meeting_id", f"TEXT NOT NULL {_MEETING}"),
            ("position", "INTEGER NOT NULL"),
            ("field", "TEXT NOT NULL"),
            ("value", "TEXT NOT NULL"),
            ("reason", "TEXT NOT NULL"),
        ),
        ("UNIQUE (meeting_id, position)",),
    ),
    Table(
        "claims",
        (
            ("id", "INTEGER PRIMARY KEY"),
            ("dispute_id", "INTEGER NOT NULL REFERENCES disputes(id)"),
            ("position", "INTEGER NOT NULL"),
            ("claim", "TEXT NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
        ),
        ("UNIQUE (dispute_id, position)",),
    ),
    Table(
        "tallies",
        (
            ("id", "INTEGER PRIMARY KEY"),
            ("leader1_id", f"TEXT NOT NULL {_LEADER}"),
            ("leader2_id", f"TEXT NOT NULL {_LEADER}"),
            ("start_date", "TEXT NOT NULL"),
            ("end_date", "TEXT NOT NULL"),
            ("in_person", "INTEGER NOT NULL"),
            ("number", "INTEGER NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
            ("note", "TEXT"),
        ),
    ),
)

# Indexes on the columns that joins use, for sqlite3, Datasette and pandas alike.
INDEXES = (
    "CREATE INDEX participants_leader ON participants(leader_id);",
    "CREATE INDEX offices_country ON offices(country);",
    "CREATE INDEX meeting_sources_source ON meeting_sources(source_id);",
    "CREATE INDEX quotes_meeting ON quotes(meeting_id);",
    "CREATE INDEX disputes_meeting ON disputes(meeting_id);",
    "CREATE INDEX claims_dispute ON claims(dispute_id);",
    "CREATE INDEX meetings_date ON meetings(first_day);",
)

Row = tuple[Any, ...]


def _iso(value: Any) -> str | None:
    return value.iso() if value is not None else None


def table_rows(dataset: Dataset) -> dict[str, list[Row]]:
    """Every table's rows, in the column order of TABLES. Positions count from 1; booleans are 0 or 1."""
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    rows["countries"] = [(code, name) for code, name in COUNTRY_NAMES.items()]
    rows["kinds"] = [(k.value, KIND_DESCRIPTIONS[k], int(k.is_call)) for k in Kind]
    for leader in dataset.leaders:
        rows["leaders"].append((leader.id, leader.name, leader.country))
        for n, alias in enumerate(leader.aliases, 1):
            rows["leader_aliases"].append((leader.id, n, alias))
        for n, o in enumerate(leader.offices, 1):
            rows["offices"].append((leader.id, n, o.title, o.country, o.start.iso(), _iso(o.end)))
    for s in dataset.sources:
        rows["sources"].append((s.id, s.kind, s.title, s.publisher, _iso(s.date), s.url))
    quote_id = dispute_id = claim_id = 0
    for seq, m in enumerate(dataset.meetings, 1):
        rows["meetings"].append(
            (
                m.id,
                seq,
                m.date.iso(),
                _iso(m.end_date),
                m.date.precision,
                m.first_day.isoformat(),
                m.last_day.isoformat(),
                m.kind.value,
                m.city,
                m.country,
                m.venue,
                m.event,
                m.summary,
            )
        )
        overridden = dict(m.role_overrides)
        for n, p in enumerate(m.participants, 1):
            rows["participants"].append(
                (m.id, n, p.leader.id, p.role, p.country, int(p.is_president), int(p.leader.id in overridden))
            )
        rows["meeting_topics"] += [(m.id, n, topic) for n, topic in enumerate(m.topics, 1)]
        rows["meeting_agreements"] += [(m.id, n, agreement) for n, agreement in enumerate(m.agreements, 1)]
        rows["meeting_sources"] += [(m.id, n, source) for n, source in enumerate(m.sources, 1)]
        for n, q in enumerate(m.quotes, 1):
            quote_id += 1
            rows["quotes"].append(
                (quote_id, m.id, n, q.speaker, q.speaker_name, q.speaker_role, q.text, q.context, q.source)
            )
        for n, d in enumerate(m.disputes, 1):
            dispute_id += 1
            rows["disputes"].append((dispute_id, m.id, n, d.field, d.value, d.reason))
            for k, c in enumerate(d.claims, 1):
                claim_id += 1
                rows["claims"].append((claim_id, dispute_id, k, c.claim, c.source))
    for n, t in enumerate(dataset.tallies, 1):
        rows["tallies"].append(
            (n, t.leaders[0], t.leaders[1], t.start.iso(), t.end.iso(), int(t.in_person), t.number, t.source, t.note)
        )
    return rows


def sqlite_schema() -> str:
    """The CREATE statements of the SQLite export (shown in the README)."""
    return "\n\n".join([t.ddl() for t in TABLES] + ["\n".join(INDEXES)]) + "\n"


# ---------------------------------------------------------------- checking where to write


def check_file_target(path: Path, force: bool, suggested_name: str = "summits-export") -> None:
    """Raise ExportError unless a file can be written at path (replacing one only with force)."""
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name, e.g. {path / suggested_name}")
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path} already exists; add --force to replace it, or choose another --output")
    _check_parent(path)


def check_directory_target(path: Path, names: Sequence[str], force: bool) -> None:
    """Raise ExportError unless the CSV files can be written into the directory path (created if missing)."""
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; the CSV export writes one file per table into a directory: give one")
    if path.is_dir():
        existing = [name for name in names if (path / name).exists()]
        if existing and not force:
            shown = ", ".join(existing[:3]) + (f" and {len(existing) - 3} more" if len(existing) > 3 else "")
            raise ExportError(f"{path} already holds {shown}; add --force to replace them, or choose another --output")
        return
    _check_parent(path)


def _check_parent(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        raise ExportError(f"directory {parent} does not exist; create it first, or choose another --output")
    if not parent.is_dir():
        raise ExportError(f"{parent} is not a directory; choose another --output")


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(temporary path) beside path, then move the result into place; remove it on any failure."""
    import tempfile

    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_text(path: Path, text: str) -> None:
    def write(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    _write_atomically(path, write)


# ---------------------------------------------------------------- the writers


def json_text(dataset: Dataset) -> str:
    """The dataset in the data file's shape, as JSON that `summits --data FILE.json` reads back unchanged."""
    import json

    from summits.dataset.document import to_document

    return json.dumps(to_document(dataset), ensure_ascii=False, indent=2) + "\n"


def write_json(dataset: Dataset, path: Path) -> None:
    _write_text(path, json_text(dataset))


def csv_names() -> list[str]:
    return [f"{t.name}.csv" for t in TABLES]


def write_csv(dataset: Dataset, directory: Path) -> list[Path]:
    """One CSV file per table into directory (created if missing). Cells that a spreadsheet would run as a
    formula get a leading single quote (render.spreadsheet_safe); empty cells stand for no value."""
    from summits.output.meetings import write_csv as write_rows

    directory.mkdir(exist_ok=True)
    rows = table_rows(dataset)
    written = []
    for table in TABLES:
        path = directory / f"{table.name}.csv"

        def write(temporary: Path, table: Table = table) -> None:
            with open(temporary, "w", encoding="utf-8", newline="") as stream:
                write_rows(stream, table.column_names, rows[table.name])

        _write_atomically(path, write)
        written.append(path)
    return written


def write_sqlite(dataset: Dataset, path: Path) -> None:
    """A new SQLite database with every table of TABLES, foreign keys enforced while writing."""
    import sqlite3

    rows = table_rows(dataset)

    def write(temporary: Path) -> None:
        temporary.unlink()  # sqlite3 writes a new database; an empty file would be one too, but be explicit
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(sqlite_schema())
            with connection:
                for table in TABLES:
                    marks = ", ".join("?" for _ in table.columns)
                    connection.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows[table.name])
            connection.execute(f"PRAGMA user_version = {int(dataset.schema_version)}")
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            if problems:  # pragma: no cover - the loader has already checked every reference
                raise ExportError(f"internal error: dangling references in the export: {problems[:3]}")
        finally:
            connection.close()

    _write_atomically(path, write)


def write_markdown(dataset: Dataset, path: Path) -> None:
    _write_text(path, markdown_text(dataset))


def write_to_stream(dataset: Dataset, export_format: str, stream: IO[str]) -> None:
    """json or markdown to an open stream (standard output)."""
    stream.write(json_text(dataset) if export_format == "json" else markdown_text(dataset))


# ---------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
_MD_LINE_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")
_AUTOLINK = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+")


def md(text: str | None, *, line_start: bool = False) -> str:
    """Data text as literal Markdown: control characters shown escaped, newlines as spaces, and every character
    that Markdown (CommonMark, GitHub) would read as formatting, a link, HTML or math backslash-escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", escape_controls(text or ""))
    if line_start:
        escaped = escaped.lstrip(" ")
        match = _MD_LINE_START.match(escaped)
        if match:
            if match.group(1).isdigit():  # "1986. ..." would start a numbered list
                end = match.end()
                escaped = escaped[:end] + "\\" + escaped[end:]
            else:
                escaped = "\\" + escaped
    return escaped


def _url(url: str) -> str:
    return f"<{url}>" if _AUTOLINK.fullmatch(url) else md(url)


def _date_label(meeting: Meeting) -> str:
    from summits.query.filters import date_range_label

    return date_range_label(meeting.date, meeting.end_date)


def markdown_lines(dataset: Dataset) -> Iterator[str]:
    from summits.query.filters import speaker_label

    meetings = dataset.meetings
    yield "# Meetings of U.S. presidents with Soviet and Russian leaders"
    yield ""
    span = f", {meetings[0].date} to {meetings[-1].end_date or meetings[-1].date}" if meetings else ""
    yield (
        f"{len(meetings)} meetings{span}, in chronological order, with {len(dataset.leaders)} leaders and "
        f"{len(dataset.sources)} sources. Phone and video calls are included and marked as such. Each role is the "
        "office the person held on the day. Quotes are verbatim from the source named beside them."
    )
    for m in meetings:
        yield ""
        yield f"## {md(_date_label(m))}: {md(m.place)}"
        yield ""
        yield f"- **Id:** `{m.id}`"
        yield f"- **Kind:** {md(m.kind.value)}"
        if m.event:
            yield f"- **Event:** {md(m.event)}"
        if m.venue:
            yield f"- **Venue:** {md(m.venue)}"
        people = "; ".join(f"{md(p.leader.name)} ({md(p.role)}, {COUNTRY_NAMES[p.country]})" for p in m.participants)
        yield f"- **Participants:** {people}"
        if m.topics:
            yield f"- **Topics:** {', '.join(md(t) for t in m.topics)}"
        if m.agreements:
            yield f"- **Agreements:** {'; '.join(md(a) for a in m.agreements)}"
        yield ""
        yield md(m.summary, line_start=True)
        if m.quotes:
            yield ""
            yield "### Quotes"
            for q in m.quotes:
                yield ""
                yield f"> “{md(q.text)}”"
                yield ">"
                yield f"> — {md(speaker_label(dataset, q))}, {md(q.context)} (source: `{q.source}`)"
        if m.disputes:
            yield ""
            yield "### Disagreements between sources"
            yield ""
            for d in m.disputes:
                yield f"- **{md(d.field)}:** this dataset uses {md(d.value)}. {md(d.reason)}"
                for c in d.claims:
                    yield f"  - `{c.source}`: {md(c.claim)}"
        yield ""
        yield "### Sources"
        yield ""
        for source_id in m.sources:
            s = dataset.source(source_id)
            if s is None:  # pragma: no cover - the loader rejects dangling references
                continue
            details = ", ".join(md(x) for x in (s.publisher, _iso(s.date)) if x)
            line = f"- `{s.id}`: {md(s.title)}" + (f" ({details})" if details else "")
            yield line + (f" {_url(s.url)}" if s.url else "")
    if dataset.leaders:
        yield ""
        yield "## Leaders"
        yield ""
        for leader in dataset.leaders:
            offices = "; ".join(
                f"{md(o.title)} ({COUNTRY_NAMES[o.country]}) from {o.start}" + (f" to {o.end}" if o.end else "")
                for o in leader.offices
            )
            yield f"- **{md(leader.name)}** (`{leader.id}`): {offices}"
    if dataset.tallies:
        yield ""
        yield "## Totals reported by sources"
        yield ""
        for t in dataset.tallies:
            names = " and ".join(md(getattr(dataset.leader(i), "name", i)) for i in t.leaders)
            scope = "in person" if t.in_person else "calls"
            note = f": “{md(t.note)}”" if t.note else ""
            yield f"- {names}, {t.start} to {t.end}, {scope}: {t.number} (source: `{t.source}`){note}"


def markdown_text(dataset: Dataset) -> str:
    """The dataset as a Markdown document for reading: one section per meeting, in chronological order."""
    return "\n".join(markdown_lines(dataset)) + "\n"
