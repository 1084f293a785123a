"""The relational layout of the whole dataset, described once in TABLES, and the SQLite and CSV writers that
both use it, so that a CSV file has exactly the columns of the SQLite table of the same name.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summits.export.files import ExportError, new_mode, write_atomically, write_folder
from summits.model import CONTACT_DESCRIPTIONS, COUNTRY_NAMES, KIND_DESCRIPTIONS, Contact, Dataset, Kind
from summits.output.formats import write_rows


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
    Table("about", (("key", "TEXT PRIMARY KEY"), ("value", "TEXT"))),
    Table("countries", (("code", "TEXT PRIMARY KEY"), ("name", "TEXT NOT NULL"))),
    Table(
        "kinds",
        (("kind", "TEXT PRIMARY KEY"), ("description", "TEXT NOT NULL"), ("is_call", "INTEGER NOT NULL")),
    ),
    Table("contacts", (("contact", "TEXT PRIMARY KEY"), ("description", "TEXT NOT NULL"))),
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
            ("contact", "TEXT NOT NULL REFERENCES contacts(contact)"),
            ("between_leaders", "INTEGER NOT NULL"),
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
            ("in_office", "INTEGER NOT NULL"),
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
            ("original_language", "TEXT NOT NULL"),
            ("translated", "INTEGER NOT NULL"),
        ),
        ("UNIQUE (meeting_id, position)",),
    ),
    Table(
        "quote_sources",
        (
            ("quote_id", "INTEGER NOT NULL REFERENCES quotes(id)"),
            ("position", "INTEGER NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
        ),
        ("PRIMARY KEY (quote_id, position)",),
    ),
    Table(
        "quote_variants",
        (
            ("quote_id", "INTEGER NOT NULL REFERENCES quotes(id)"),
            ("position", "INTEGER NOT NULL"),
            ("text", "TEXT NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
        ),
        ("PRIMARY KEY (quote_id, position)",),
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
            ("id", "TEXT PRIMARY KEY"),
            ("start_date", "TEXT NOT NULL"),
            ("end_date", "TEXT NOT NULL"),
            ("contact", "TEXT NOT NULL"),
            ("kinds", "TEXT"),
            ("titles", "TEXT"),
            ("qualifier", "TEXT NOT NULL"),
            ("number", "INTEGER NOT NULL"),
            ("words", "TEXT NOT NULL"),
            ("language", "TEXT NOT NULL"),
            ("source_id", f"TEXT NOT NULL {_SOURCE}"),
            ("definition", "TEXT NOT NULL"),
            ("explanation", "TEXT"),
        ),
    ),
    Table(
        "tally_leaders",
        (
            ("tally_id", "TEXT NOT NULL REFERENCES tallies(id)"),
            ("position", "INTEGER NOT NULL"),
            ("leader_id", f"TEXT NOT NULL {_LEADER}"),
        ),
        ("PRIMARY KEY (tally_id, position)",),
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
    rows["about"] = [
        ("title", "summits: meetings between American and Soviet or Russian leaders"),
        ("version", dataset.version),
        ("as_of", _iso(dataset.as_of)),
        ("schema_version", str(dataset.schema_version)),
    ]
    rows["countries"] = [(code, name) for code, name in COUNTRY_NAMES.items()]
    rows["contacts"] = [(c.value, CONTACT_DESCRIPTIONS[c]) for c in Contact]
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
                m.contact.value,
                int(m.between_leaders),
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
                (
                    m.id,
                    n,
                    p.leader.id,
                    p.role,
                    p.country,
                    int(p.is_president),
                    int(p.in_office),
                    int(p.leader.id in overridden),
                )
            )
        rows["meeting_topics"] += [(m.id, n, topic) for n, topic in enumerate(m.topics, 1)]
        rows["meeting_agreements"] += [(m.id, n, agreement) for n, agreement in enumerate(m.agreements, 1)]
        rows["meeting_sources"] += [(m.id, n, source) for n, source in enumerate(m.sources, 1)]
        for n, q in enumerate(m.quotes, 1):
            quote_id += 1
            rows["quotes"].append(
                (
                    quote_id,
                    m.id,
                    n,
                    q.speaker,
                    q.speaker_name,
                    q.speaker_role,
                    q.text,
                    q.context,
                    q.source,
                    q.language,
                    int(q.translated),
                )
            )
            rows["quote_sources"] += [(quote_id, k, source) for k, source in enumerate(q.also_in, 1)]
            rows["quote_variants"] += [(quote_id, k, v.text, v.source) for k, v in enumerate(q.variants, 1)]
        for n, d in enumerate(m.disputes, 1):
            dispute_id += 1
            rows["disputes"].append((dispute_id, m.id, n, d.field, d.value, d.reason))
            for k, c in enumerate(d.claims, 1):
                claim_id += 1
                rows["claims"].append((claim_id, dispute_id, k, c.claim, c.source))
    for t in dataset.tallies:
        rows["tallies"].append(
            (
                t.id,
                t.start.iso(),
                t.end.iso(),
                ",".join(c.value for c in t.contact),
                ",".join(k.value for k in t.kinds) or None,
                ",".join(t.titles) or None,
                t.qualifier,
                t.number,
                t.words,
                t.language,
                t.source,
                t.definition,
                t.explanation,
            )
        )
        rows["tally_leaders"] += [(t.id, n, leader) for n, leader in enumerate(t.leaders, 1)]
    return rows


def sqlite_schema() -> str:
    """The CREATE statements of the SQLite export (shown in the README)."""
    return "\n\n".join([t.ddl() for t in TABLES] + ["\n".join(INDEXES)]) + "\n"


def csv_names() -> list[str]:
    return [f"{t.name}.csv" for t in TABLES]


def write_csv(dataset: Dataset, directory: Path) -> list[Path]:
    """One CSV file per table, written into a new folder that then takes directory's place as a whole (see
    export.files.write_folder): an interrupted or failed export leaves the old tables, never a mix of old and
    new. Cells that a spreadsheet would run as a formula get a leading single quote
    (output.text.spreadsheet_safe); empty cells stand for no value."""
    rows = table_rows(dataset)
    names = [f"{table.name}.csv" for table in TABLES]

    def write(folder: Path) -> None:
        for table, name in zip(TABLES, names, strict=True):
            mode = new_mode(directory / name)
            path = folder / name
            try:
                with open(path, "w", encoding="utf-8", newline="") as stream:
                    write_rows(stream, table.column_names, rows[table.name])
                os.chmod(path, mode)
            except OSError as error:
                raise ExportError(f"cannot write {directory / name}: {error.strerror or error}") from None

    write_folder(directory, write)
    return [directory / name for name in names]


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
        except sqlite3.Error as error:  # a full disk, a file size limit, an I/O error
            raise ExportError(f"cannot write {path}: {error}; choose another --output") from None
        finally:
            connection.close()

    write_atomically(path, write)
    # Datasette reads titles, licence and column descriptions from a metadata file: one beside the database.
    metadata = json.dumps(datasette_metadata(dataset, path.stem), ensure_ascii=False, indent=2) + "\n"

    def write_metadata(temporary: Path) -> None:
        temporary.write_text(metadata, encoding="utf-8")

    write_atomically(metadata_path(path), write_metadata)


# What each table and column holds, for people browsing the export (Datasette shows these beside the data).
DESCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "about": ("The dataset as a citable work", {"key": "what", "value": "its value (title, version, as_of)"}),
    "countries": ("The sides of the table", {"code": "US, SU or RU", "name": "country name"}),
    "kinds": ("Settings of a meeting", {"kind": "setting", "description": "what it means", "is_call": "1 for calls"}),
    "contacts": (
        "What passed between the two leaders",
        {"contact": "talks, encounter, attended or call", "description": "what it means"},
    ),
    "leaders": ("U.S., Soviet and Russian leaders", {"id": "stable id", "name": "name", "country": "side"}),
    "leader_aliases": (
        "Other names a leader is known by",
        {"leader_id": "leader", "position": "order", "alias": "alias"},
    ),
    "offices": (
        "Offices held, with dates: a participant's role on a meeting's date is derived from these",
        {
            "leader_id": "leader",
            "position": "order",
            "title": "title of the office",
            "country": "side",
            "start_date": "first day",
            "end_date": "last day (empty while in office)",
        },
    ),
    "sources": (
        "Sources: primary records of what was said, other official records, news reports, reference works",
        {
            "id": "stable id",
            "kind": "primary, official, news, reference or seed",
            "title": "title",
            "publisher": "publisher",
            "date": "date, at the precision known",
            "url": "where a reader can look it up",
        },
    ),
    "meetings": (
        "Every meeting and call, in date order",
        {
            "id": "stable id, <place>-<year>",
            "seq": "chronological position",
            "date": "first day, at the precision known",
            "end_date": "last day of a meeting of several days",
            "date_precision": "day, month or year",
            "first_day": "earliest possible day",
            "last_day": "latest possible day",
            "kind": "setting: summit, visit, conference, sidelines, phone, video, ministerial",
            "contact": "talks, encounter, attended or call",
            "between_leaders": "1 when each side had a leader in office on the day: only these are counted",
            "city": "city",
            "country": "host country",
            "venue": "venue",
            "event": "the gathering it was part of",
            "summary": "what happened, in one or two sentences",
        },
    ),
    "participants": (
        "Who took part, with the role held on the day",
        {
            "meeting_id": "meeting",
            "position": "order",
            "leader_id": "leader",
            "role": "office held on the day",
            "country": "side",
            "is_president": "1 for the sitting U.S. president",
            "in_office": "1 when the role is a leader's office (president; head of party, state or government)",
            "role_overridden": "1 when the data file gives the role instead of the offices",
        },
    ),
    "meeting_topics": ("Topics of each meeting", {"meeting_id": "meeting", "position": "order", "topic": "topic"}),
    "meeting_agreements": (
        "Agreements signed or announced",
        {"meeting_id": "meeting", "position": "order", "agreement": "agreement"},
    ),
    "meeting_sources": (
        "Sources each meeting cites",
        {"meeting_id": "meeting", "position": "order", "source_id": "source"},
    ),
    "quotes": (
        "Quotes, verbatim as their source prints them",
        {
            "id": "row id",
            "meeting_id": "meeting",
            "position": "order within the meeting",
            "speaker_id": "leader who spoke",
            "speaker_name": "anyone else who spoke",
            "speaker_role": "their role",
            "text": "the words, in English",
            "context": "when and where they were said",
            "source_id": "source that prints them",
            "original_language": "language spoken (ISO 639-1)",
            "translated": "1 when the English is a translation",
        },
    ),
    "quote_sources": (
        "Other sources printing the same words",
        {"quote_id": "quote", "position": "order", "source_id": "source"},
    ),
    "quote_variants": (
        "Other wordings of the same words, each with its source",
        {"quote_id": "quote", "position": "order", "text": "the other wording", "source_id": "source"},
    ),
    "disputes": (
        "Disagreements between sources, the value used and why",
        {
            "id": "row id",
            "meeting_id": "meeting",
            "position": "order",
            "field": "what",
            "value": "value used",
            "reason": "why",
        },
    ),
    "claims": (
        "What each source claims in a disagreement",
        {"id": "row id", "dispute_id": "dispute", "position": "order", "claim": "claim", "source_id": "source"},
    ),
    "tallies": (
        "Totals sources report, with the definition each appears to follow (summits tallies shows the listed figure)",
        {
            "id": "stable id",
            "start_date": "period from",
            "end_date": "period to",
            "contact": "contact levels counted",
            "kinds": "settings counted (empty: all)",
            "titles": "offices counted (empty: any leader's office)",
            "qualifier": "exactly, more than, at least or about",
            "number": "the figure reported",
            "words": "the source's own words",
            "language": "language of the words",
            "source_id": "source",
            "definition": "what it appears to count",
            "explanation": "why the dataset's figure differs, where it does",
        },
    ),
    "tally_leaders": ("Leaders a tally names", {"tally_id": "tally", "position": "order", "leader_id": "leader"}),
}


def datasette_metadata(dataset: Dataset, database: str) -> dict[str, Any]:
    """Datasette metadata for the SQLite export: title, licence, source, as-of date, every table and column."""
    version = dataset.version or "unversioned"
    as_of = dataset.as_of.iso() if dataset.as_of else "unknown"
    return {
        "title": "summits: meetings between American and Soviet or Russian leaders",
        "description": f"Data version {version}, as of {as_of}. Every meeting cites its sources; quotes are verbatim.",
        "license": "MIT (code and the dataset's own text); quotes are short attributed excerpts of their sources",
        "source": "The summits dataset, from primary records (FRUS, White House, kremlin.ru) and news reports",
        "databases": {
            database: {
                "tables": {
                    name: {"description": about, "columns": columns} for name, (about, columns) in DESCRIPTIONS.items()
                }
            }
        },
    }


def metadata_path(path: Path) -> Path:
    """Where the metadata of an SQLite export goes: beside it, `<name>.metadata.json`."""
    return path.with_name(path.stem + ".metadata.json")
