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
    "about", "claims", "contacts", "countries", "disputes", "kinds", "leader_aliases", "leaders",
    "meeting_agreements", "meeting_sources", "meeting_topics", "meetings", "offices", "participants",
    "quote_sources", "quote_variants", "quotes", "sources", "tallies", "tally_leaders",
]  # fmt: skip

# Meetings per sitting U.S. president, as `summits count --by president` counts them: by default, records of talks
# or an encounter between leaders in office (`between_leaders`), under each participant who held the office of
# President of the United States on the date; with --all, every record, and one with no sitting president counts
# once under "(no sitting U.S. president)".
PRESIDENT_COUNTS = """
SELECT l.name AS president, COUNT(*) AS meetings
FROM meetings AS m
JOIN participants AS p ON p.meeting_id = m.id AND p.is_president = 1
JOIN leaders AS l ON l.id = p.leader_id
WHERE {where}
GROUP BY l.id
ORDER BY MIN(m.seq)
"""
NO_PRESIDENT_COUNT = """
SELECT COUNT(*) FROM meetings AS m
WHERE {where}
  AND NOT EXISTS (SELECT 1 FROM participants AS p WHERE p.meeting_id = m.id AND p.is_president = 1)
"""
# The options of `count` and the SQL condition that selects the same records.
SELECTIONS = {
    "default": ((), "m.between_leaders = 1 AND m.contact IN ('talks', 'encounter')"),
    "calls": (("--calls",), "m.between_leaders = 1 AND m.contact IN ('talks', 'encounter', 'call')"),
    "attended": (("--contact", "attended"), "m.between_leaders = 1 AND m.contact = 'attended'"),
    "all": (("--all",), "1 = 1"),
}

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


def _president_counts(connection: sqlite3.Connection, selection: str) -> list[tuple[str, int]]:
    where = SELECTIONS[selection][1]
    rows = connection.execute(PRESIDENT_COUNTS.format(where=where)).fetchall()
    (none,) = connection.execute(NO_PRESIDENT_COUNT.format(where=where)).fetchone()
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
        "about": 4, "claims": 2, "contacts": 4, "countries": 3, "disputes": 1, "kinds": 7, "leader_aliases": 1,
        "leaders": 6, "meeting_agreements": 0, "meeting_sources": 8, "meeting_topics": 7, "meetings": 7,
        "offices": 11, "participants": 15, "quote_sources": 0, "quote_variants": 0, "quotes": 4, "sources": 2,
        "tallies": 1, "tally_leaders": 2,
    }  # fmt: skip
    for table in TABLES:
        columns = [r[1] for r in mini_db.execute(f"PRAGMA table_info({table.name})")]
        assert tuple(columns) == table.column_names


def test_sqlite_refuses_a_dangling_reference(mini_db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        mini_db.execute("INSERT INTO participants VALUES ('helsinki-2018', 3, 'nobody', 'x', 'US', 0, 0, 0)")
    with pytest.raises(sqlite3.IntegrityError):
        mini_db.execute("INSERT INTO tally_leaders VALUES ('news-one-bush-putin-3', 3, 'nobody')")
    with pytest.raises(sqlite3.IntegrityError):
        mini_db.execute("UPDATE meetings SET contact = 'chat' WHERE id = 'helsinki-2018'")


def test_sqlite_participants_carry_derived_role_and_country(mini_db: sqlite3.Connection) -> None:
    rows = mini_db.execute(
        "SELECT position, leader_id, role, country, is_president, in_office, role_overridden FROM participants "
        "WHERE meeting_id = 'new-york-1988' ORDER BY position"
    ).fetchall()
    assert rows == [
        (1, "reagan", "President", "US", 1, 1, 0),
        (2, "bush-hw", "Vice President and President-elect", "US", 0, 0, 1),
        (3, "gorbachev", "General Secretary of the Communist Party", "SU", 0, 1, 0),
    ]
    meeting = mini_db.execute(
        "SELECT seq, date, end_date, date_precision, first_day, last_day, kind, contact, between_leaders, city, venue "
        "FROM meetings WHERE id = 'bratislava-2005'"
    ).fetchone()
    assert meeting == (4, "2005", None, "year", "2005-01-01", "2005-12-31", "summit", "talks", 1, "Bratislava", None)
    calls = mini_db.execute("SELECT id, kind, contact FROM meetings WHERE contact = 'call'").fetchall()
    assert calls == [("trump-putin-call-2025-02", "phone", "call")]


def test_sqlite_has_the_data_version_contact_levels_tallies_and_quote_languages(mini_db: sqlite3.Connection) -> None:
    assert dict(mini_db.execute("SELECT key, value FROM about").fetchall()) == {
        "title": "summits: meetings between American and Soviet or Russian leaders",
        "version": "0.2.0",
        "as_of": "2026-11-30",
        "schema_version": "2",
    }
    assert [r[0] for r in mini_db.execute("SELECT contact FROM contacts ORDER BY rowid")] == [
        "talks",
        "encounter",
        "attended",
        "call",
    ]
    assert mini_db.execute("SELECT * FROM tallies").fetchall() == [
        (
            "news-one-bush-putin-3",
            "2001-01-20",
            "2009-01-20",
            "talks,encounter",
            None,
            None,
            "exactly",
            3,
            "met three times",
            "en",
            "news-one",
            "Meetings of Bush and Putin during Bush's two terms.",
            None,
        )
    ]
    assert mini_db.execute("SELECT * FROM tally_leaders ORDER BY position").fetchall() == [
        ("news-one-bush-putin-3", 1, "bush-gw"),
        ("news-one-bush-putin-3", 2, "putin"),
    ]
    languages = mini_db.execute(
        "SELECT COALESCE(speaker_id, speaker_name), original_language, translated FROM quotes ORDER BY id"
    ).fetchall()
    assert languages == [("bush-gw", "en", 0), ("trump", "en", 0), ("putin", "ru", 1), ("Dmitry Peskov", "en", 0)]


@pytest.mark.parametrize(
    ("selection", "counts"),
    [
        ("default", [("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 2)]),
        ("calls", [("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 3)]),
        ("attended", []),
        ("all", [("Ronald Reagan", 2), ("George W. Bush", 2), ("Donald Trump", 3)]),
    ],
)
def test_sqlite_join_counts_meetings_per_president_like_count(
    mini_db: sqlite3.Connection, run: Run, selection: str, counts: list[tuple[str, int]]
) -> None:
    expected = _cli_counts(run, *SELECTIONS[selection][0])
    assert _president_counts(mini_db, selection) == expected
    assert expected == counts


def test_sqlite_join_counts_match_count_on_the_shipped_dataset(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "shipped.sqlite"
    assert _export(run, "sqlite", target, data=None).exit_code == 0
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for selection, (options, _) in SELECTIONS.items():
        expected = _cli_counts(run, *options, data=None)
        assert len(expected) > (10 if selection != "attended" else 2), selection
        assert _president_counts(connection, selection) == expected, selection


# ---------------------------------------------------------------- CSV and exact text


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_one_file_per_table(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "csv"
    result = _export(run, "csv", target)
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 7 meetings, 6 leaders and 2 sources as 20 CSV files in {target}.\n"
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
        "in_office": "0",
        "role_overridden": "1",
    }
    assert (target / "meetings.csv").read_text(encoding="utf-8").splitlines()[4] == (
        "bratislava-2005,4,2005,,year,2005-01-01,2005-12-31,summit,talks,1,Bratislava,Slovakia,,,Talks in Bratislava."
    )
    assert (target / "tally_leaders.csv").read_text(encoding="utf-8").splitlines() == [
        "tally_id,position,leader_id",
        "news-one-bush-putin-3,1,bush-gw",
        "news-one-bush-putin-3,2,putin",
    ]
    again = _export(run, "csv", target)
    assert again.exit_code == 2
    assert again.stderr == (
        f"summits: error: {target} already holds about.csv, countries.csv, kinds.csv and 17 more; "
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
