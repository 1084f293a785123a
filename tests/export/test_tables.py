"""`summits export`: JSON that reads back unchanged, CSV and SQLite tables with keys, Markdown to read."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from summits.dataset.files import load
from summits.export.tables import TABLES
from tests.commands.test_export import Run, _export
from tests.conftest import MINI, MINI_TEXT

TABLE_NAMES = [
    "claims", "countries", "disputes", "kinds", "leader_aliases", "leaders", "meeting_agreements",
    "meeting_sources", "meeting_topics", "meetings", "offices", "participants", "quotes", "sources", "tallies",
]  # fmt: skip

# Meetings per sitting U.S. president, as `summits count --by president` counts them: every meeting at which a
# participant held the office of President of the United States on the date; a meeting with none counts once
# under "(no sitting U.S. president)". The README shows this query.
PRESIDENT_COUNTS = """
SELECT l.name AS president, COUNT(*) AS meetings
FROM meetings AS m
JOIN kinds AS k ON k.kind = m.kind
JOIN participants AS p ON p.meeting_id = m.id AND p.is_president = 1
JOIN leaders AS l ON l.id = p.leader_id
WHERE k.is_call IN ({calls})
GROUP BY l.id
ORDER BY MIN(m.seq)
"""
NO_PRESIDENT_COUNT = """
SELECT COUNT(*) FROM meetings AS m JOIN kinds AS k ON k.kind = m.kind
WHERE k.is_call IN ({calls})
  AND NOT EXISTS (SELECT 1 FROM participants AS p WHERE p.meeting_id = m.id AND p.is_president = 1)
"""

HOSTILE_SUMMARY = '=HYPERLINK("https://example.com/?leak=1","Click")'
HOSTILE_QUOTE = "@SUM(1+1)*cmd|' /C calc'!A0"


def _hostile(write_toml: Callable[[str], Path]) -> Path:
    text = MINI_TEXT.replace('summary = "Talks in Bratislava."', f"summary = {json.dumps(HOSTILE_SUMMARY)}")
    text = text.replace('text = "successful and useful"', f"text = {json.dumps(HOSTILE_QUOTE)}")
    assert text.count("HYPERLINK") == 1 and text.count("@SUM") == 1
    return write_toml(text)


# ---------------------------------------------------------------- SQLite


@pytest.fixture
def mini_db(run: Run, tmp_path: Path) -> sqlite3.Connection:
    target = tmp_path / "mini.sqlite"
    result = _export(run, "sqlite", target)
    assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _president_counts(connection: sqlite3.Connection, calls: bool) -> list[tuple[str, int]]:
    included = "0, 1" if calls else "0"
    rows = connection.execute(PRESIDENT_COUNTS.format(calls=included)).fetchall()
    (none,) = connection.execute(NO_PRESIDENT_COUNT.format(calls=included)).fetchone()
    return rows + ([("(no sitting U.S. president)", none)] if none else [])


def _cli_counts(run: Run, *args: str, data: Path | None = MINI) -> list[tuple[str, int]]:
    result = run("count", "--by", "president", *args, "--format", "json", data=data)
    return [(row["key"], row["count"]) for row in json.loads(result.stdout)]


def test_sqlite_has_the_documented_tables_and_sound_keys(mini_db: sqlite3.Connection) -> None:
    names = [r[0] for r in mini_db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    assert names == TABLE_NAMES
    assert mini_db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert mini_db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    counts = {name: mini_db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in names}
    assert counts == {
        "claims": 2, "countries": 3, "disputes": 1, "kinds": 8, "leader_aliases": 1, "leaders": 6,
        "meeting_agreements": 0, "meeting_sources": 8, "meeting_topics": 7, "meetings": 7, "offices": 11,
        "participants": 15, "quotes": 4, "sources": 2, "tallies": 1,
    }  # fmt: skip
    for table in TABLES:
        columns = [r[1] for r in mini_db.execute(f"PRAGMA table_info({table.name})")]
        assert tuple(columns) == table.column_names


def test_sqlite_refuses_a_dangling_reference(mini_db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        mini_db.execute("INSERT INTO participants VALUES ('helsinki-2018', 3, 'nobody', 'x', 'US', 0, 0)")


def test_sqlite_participants_carry_derived_role_and_country(mini_db: sqlite3.Connection) -> None:
    rows = mini_db.execute(
        "SELECT position, leader_id, role, country, is_president, role_overridden FROM participants "
        "WHERE meeting_id = 'new-york-1988' ORDER BY position"
    ).fetchall()
    assert rows == [
        (1, "reagan", "President", "US", 1, 0),
        (2, "bush-hw", "Vice President and President-elect", "US", 0, 1),
        (3, "gorbachev", "General Secretary of the Communist Party", "SU", 0, 0),
    ]
    meeting = mini_db.execute(
        "SELECT seq, date, end_date, date_precision, first_day, last_day, kind, city, venue FROM meetings "
        "WHERE id = 'bratislava-2005'"
    ).fetchone()
    assert meeting == (4, "2005", None, "year", "2005-01-01", "2005-12-31", "summit", "Bratislava", None)


@pytest.mark.parametrize("calls", [True, False])
def test_sqlite_join_counts_meetings_per_president_like_count(
    mini_db: sqlite3.Connection, run: Run, calls: bool
) -> None:
    expected = _cli_counts(run, *(["--calls"] if calls else []))
    assert _president_counts(mini_db, calls) == expected
    assert expected == [("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 3 if calls else 2)]


def test_sqlite_join_counts_match_count_on_the_shipped_dataset(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "shipped.sqlite"
    assert _export(run, "sqlite", target, data=None).exit_code == 0
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for calls in (True, False):
        expected = _cli_counts(run, *(["--calls"] if calls else []), data=None)
        assert len(expected) > 10
        assert _president_counts(connection, calls) == expected


# ---------------------------------------------------------------- CSV and exact text


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_one_file_per_table(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "csv"
    result = _export(run, "csv", target)
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 7 meetings, 6 leaders and 2 sources as 15 CSV files in {target}.\n"
    assert sorted(p.name for p in target.iterdir()) == [f"{name}.csv" for name in TABLE_NAMES]
    for table in TABLES:
        header = (target / f"{table.name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(table.column_names)
    assert _csv_rows(target / "participants.csv")[3] == {
        "meeting_id": "new-york-1988",
        "position": "2",
        "leader_id": "bush-hw",
        "role": "Vice President and President-elect",
        "country": "US",
        "is_president": "0",
        "role_overridden": "1",
    }
    assert (target / "meetings.csv").read_text(encoding="utf-8").splitlines()[4] == (
        "bratislava-2005,4,2005,,year,2005-01-01,2005-12-31,summit,Bratislava,Slovakia,,,Talks in Bratislava."
    )
    again = _export(run, "csv", target)
    assert again.exit_code == 2
    assert again.stderr == (
        f"summits: error: {target} already holds countries.csv, kinds.csv, leaders.csv and 12 more; "
        "add --force to replace them, or choose another --output\n"
    )
    assert _export(run, "csv", target, "--force").exit_code == 0


def test_formulas_are_neutralised_in_csv_but_exact_in_json_and_sqlite(
    run: Run, tmp_path: Path, write_toml: Callable[[str], Path]
) -> None:
    data = _hostile(write_toml)
    assert _export(run, "csv", tmp_path / "csv", data=data).exit_code == 0
    assert _export(run, "json", tmp_path / "out.json", data=data).exit_code == 0
    assert _export(run, "sqlite", tmp_path / "out.sqlite", data=data).exit_code == 0

    meetings = {row["id"]: row for row in _csv_rows(tmp_path / "csv" / "meetings.csv")}
    assert meetings["bratislava-2005"]["summary"] == "'" + HOSTILE_SUMMARY
    assert meetings["helsinki-2018"]["summary"] == "Summit with a joint news conference."
    quotes = [row["text"] for row in _csv_rows(tmp_path / "csv" / "quotes.csv")]
    assert "'" + HOSTILE_QUOTE in quotes

    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    summaries = {m["id"]: m["summary"] for m in document["meetings"]}
    assert summaries["bratislava-2005"] == HOSTILE_SUMMARY
    assert load(tmp_path / "out.json") == load(data)

    connection = sqlite3.connect(tmp_path / "out.sqlite")
    (summary,) = connection.execute("SELECT summary FROM meetings WHERE id = 'bratislava-2005'").fetchone()
    assert summary == HOSTILE_SUMMARY
    (text,) = connection.execute("SELECT text FROM quotes WHERE speaker_id = 'putin'").fetchone()
    assert text == HOSTILE_QUOTE


def test_control_characters_and_markup_stay_exact_in_sqlite(
    run: Run, tmp_path: Path, write_toml: Callable[[str], Path]
) -> None:
    tricky = "[bold]x[/] \x1b[31mred\x1b[0m \u202eevil\r\nline *two* <b>"
    data = write_toml(MINI_TEXT.replace('summary = "Telephone call."', f"summary = {json.dumps(tricky)}"))
    assert _export(run, "sqlite", tmp_path / "out.sqlite", data=data).exit_code == 0
    connection = sqlite3.connect(tmp_path / "out.sqlite")
    (summary,) = connection.execute("SELECT summary FROM meetings WHERE kind = 'phone'").fetchone()
    assert summary == tricky
