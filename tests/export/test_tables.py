"""`summits export`: JSON that reads back unchanged, CSV and SQLite tables with keys, Markdown to read."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from summits.dataset.document import to_document
from summits.dataset.files import default_path, load
from summits.export.markdown import md
from summits.export.tables import TABLES

from ..conftest import MINI, MINI_TEXT

Run = Callable[..., Result]

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


def _export(run: Run, fmt: str, target: Path | str, *extra: str, data: Path | None = MINI) -> Result:
    return run("export", "--format", fmt, "--output", str(target), *extra, data=data)


def _hostile(write_toml: Callable[[str], Path]) -> Path:
    text = MINI_TEXT.replace('summary = "Talks in Bratislava."', f"summary = {json.dumps(HOSTILE_SUMMARY)}")
    text = text.replace('text = "successful and useful"', f"text = {json.dumps(HOSTILE_QUOTE)}")
    assert text.count("HYPERLINK") == 1 and text.count("@SUM") == 1
    return write_toml(text)


# ---------------------------------------------------------------- JSON


def test_json_export_reads_back_as_the_same_dataset(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mini.json"
    result = _export(run, "json", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Wrote 7 meetings, 6 leaders and 2 sources as JSON to {target}.\n"
    assert load(target) == load(MINI)
    assert json.loads(target.read_text(encoding="utf-8")) == to_document(load(MINI))
    # and the tool answers the same from it
    assert run("list", "--calls", data=target).stdout == run("list", "--calls").stdout


def test_shipped_dataset_survives_the_json_round_trip(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "meetings.json"
    assert _export(run, "json", target, data=None).exit_code == 0
    shipped = load(default_path())
    assert len(shipped.meetings) > 100
    assert load(target) == shipped


def test_json_to_standard_output(run: Run) -> None:
    result = _export(run, "json", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == to_document(load(MINI))
    assert result.stderr == ""


def test_json_without_a_json_ending_gets_a_note(run: Run, tmp_path: Path) -> None:
    result = _export(run, "json", tmp_path / "mini.txt")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "note: name the file with a .json ending to read it back with: summits --data mini.txt.json"
    )


# ---------------------------------------------------------------- paths


def test_existing_file_is_kept_unless_forced(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    result = _export(run, "json", target)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"summits: error: {target} already exists; add --force to replace it, or choose another --output\n"
    )
    assert target.read_text(encoding="utf-8") == "precious"
    assert _export(run, "json", target, "--force").exit_code == 0
    assert load(target) == load(MINI)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("fmt", "target", "message"),
    [
        ("json", "{tmp}/missing/out.json", "directory {tmp}/missing does not exist; create it first, or choose another --output"),
        ("sqlite", "{tmp}", "{tmp} is a directory; give a file name, e.g. {tmp}/summits.sqlite"),
        ("markdown", "{tmp}/file.txt/out.md", "{tmp}/file.txt is not a directory; choose another --output"),
        ("csv", "{tmp}/file.txt", "{tmp}/file.txt is a file; the CSV export writes one file per table into a directory: give one"),
        ("csv", "{tmp}/missing/csv", "directory {tmp}/missing does not exist; create it first, or choose another --output"),
        ("csv", "-", "--format csv cannot be written to standard output; give a directory with --output"),
        ("sqlite", "-", "--format sqlite cannot be written to standard output; give a file with --output"),
    ],
)  # fmt: skip
def test_bad_output_paths_are_usage_errors(run: Run, tmp_path: Path, fmt: str, target: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    result = _export(run, fmt, target.format(tmp=tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"summits: error: {message.format(tmp=tmp_path)}\n"
    assert result.stdout == ""
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"


def test_unknown_format_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = _export(run, "xlsx", tmp_path / "out.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "summits: error: unknown value for --format 'xlsx'\nValid choices: json, csv, sqlite, markdown.\n"
    )


def test_export_reads_the_data_file_it_is_given(run: Run, tmp_path: Path) -> None:
    result = _export(run, "json", tmp_path / "out.json", data=tmp_path / "nope.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summits: error: {tmp_path / 'nope.toml'}: no such file.")
    assert not (tmp_path / "out.json").exists()


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


# ---------------------------------------------------------------- Markdown


def test_markdown_starts_with_a_title_and_the_first_meeting(run: Run) -> None:
    result = _export(run, "markdown", "-")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:18] == [
        "# Meetings of U.S. presidents with Soviet and Russian leaders",
        "",
        "7 meetings, 1986-10-11 to 2025-02-12, in chronological order, with 6 leaders and 2 sources. Phone and "
        "video calls are included and marked as such. Each role is the office the person held on the day. Quotes "
        "are verbatim from the source named beside them.",
        "",
        "## 1986-10-11 to 1986-10-12: Reykjavik, Iceland",
        "",
        "- **Id:** `reykjavik-1986`",
        "- **Kind:** summit",
        "- **Venue:** Höfði House",
        "- **Participants:** Ronald Reagan (President, United States); Mikhail Gorbachev (General Secretary of the "
        "Communist Party, Soviet Union)",
        "- **Topics:** nuclear arms, missile defense",
        "",
        "Talks on nuclear arms came close to abolishing ballistic missiles.",
        "",
        "### Sources",
        "",
        "- `news-one`: A news report (A Newspaper, 2001-06)",
        "",
    ]


def test_markdown_has_every_meeting_quote_dispute_and_source_url(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mini.md"
    assert _export(run, "markdown", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1986-10-11 to 1986-10-12: Reykjavik, Iceland",
        "## 1988-12-07: New York, United States",
        "## 2001-06-16: Kranj, Slovenia",
        "## 2005: Bratislava, Slovakia",
        "## 2017-07-07: Hamburg, Germany",
        "## 2018-07-16: Helsinki, Finland",
        "## 2025-02-12: (phone call)",
        "## Leaders",
        "## Totals reported by sources",
    ]
    assert "> — Dmitry Peskov (Kremlin spokesman), before the summit (source: `news-one`)" in text
    assert "- **date:** this dataset uses 2017-07-07. The official record puts the trip on July 6-8, 2017." in text
    assert "  - `ooh-trip-3817`: July 2017" in text
    assert (
        "- `ooh-trip-3817`: Travels of the President: Donald J. Trump, trip 3817 (Office of the Historian, "
        "U.S. Department of State) <https://history.state.gov/departmenthistory/travels/president/trump-donald-j>"
    ) in text
    assert (
        "- George W. Bush and Vladimir Putin, 2001-01-20 to 2009-01-20, in person: 3 (source: `news-one`): “met three times”"
        in text
    )


@pytest.mark.parametrize(
    ("text", "line_start", "expected"),
    [
        ("*bold* _it_ `code`", False, r"\*bold\* \_it\_ \`code\`"),
        ("[link](https://x.example) <script>", False, r"\[link\](https://x.example) \<script\>"),
        ("a | b ~~s~~ $x$ &amp; #1 \\", False, r"a \| b \~\~s\~\~ \$x\$ \&amp; \#1 \\"),
        ("line\nbreak\x1b[31m", False, r"line break\\x1b\[31m"),
        ("- not a list", True, r"\- not a list"),
        ("> not a quote", True, r"\> not a quote"),
        ("1986. Not a list", True, r"1986\. Not a list"),
        ("    not code", True, "not code"),
        ("- inline", False, "- inline"),
    ],
)
def test_markdown_escapes_data_text(text: str, line_start: bool, expected: str) -> None:
    assert md(text, line_start=line_start) == expected


def test_markdown_escapes_hostile_text(run: Run, write_toml: Callable[[str], Path]) -> None:
    data = write_toml(
        MINI_TEXT.replace('summary = "Talks in Bratislava."', 'summary = "# [x](javascript:alert(1)) <img>"')
    )
    result = _export(run, "markdown", "-", data=data)
    assert r"\# \[x\](javascript:alert(1)) \<img\>" in result.stdout.splitlines()
