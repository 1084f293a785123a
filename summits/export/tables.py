"""The relational layout of the whole dataset, described once in TABLES, and the SQLite and CSV writers that
both use it, so that a CSV file has exactly the columns of the SQLite table of the same name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summits.export.files import ExportError, new_mode, write_atomically, write_folder
from summits.model import COUNTRY_NAMES, KIND_DESCRIPTIONS, Dataset, Kind
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
