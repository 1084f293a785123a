"""Bad input never crashes summits, never loses data and never lies.

Every case a person can cause (a bad data file, a mistyped name, an impossible option, hostile text in the data,
a closed pipe, a huge file) gets a precise message, with the path, record and field where there is one, and the
documented exit code: 0 ok, 1 `validate` found problems, 2 usage error / unknown name / bad data file, 141 closed
pipe. None of them produces a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from summits.cli import app
from summits.dataset.files import DataFileError, InvalidDataset, Problem, check, load
from summits.output import text as render
from summits.output.fields import MEETING_CSV_HEADER
from summits.output.meetings import meeting_panel, meetings_table
from summits.output.problems import problems_table
from summits.output.quotes import quotes_table

from ..conftest import MINI, MINI_TEXT

Runner = Callable[..., Result]


def invoke(*args: str, columns: int = 200) -> Result:
    """Run the CLI in-process with exactly these arguments (no --data added), failing on any uncaught exception."""
    env = {"COLUMNS": str(columns), "NO_COLOR": "1", "SUMMITS_DATA": ""}
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def error_of(path: Path, *args: str) -> str:
    """stderr of `summits --data PATH list` (or ARGS), asserting exit code 2 and nothing on stdout."""
    result = invoke("--data", str(path), *(args or ("list",)))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return result.stderr


# ================================================================ 1. the data file cannot be read


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert error_of(path) == (
        f"summits: error: {path}: no such file. Check the path given with --data or $SUMMITS_DATA.\n"
    )


def test_missing_file_from_the_environment_variable_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "from-env.toml"
    result = CliRunner().invoke(app, ["list"], env={"SUMMITS_DATA": str(path)}, catch_exceptions=False)
    assert result.exit_code == 2
    assert (
        result.stderr == f"summits: error: {path}: no such file. Check the path given with --data or $SUMMITS_DATA.\n"
    )


def test_directory_instead_of_a_file(tmp_path: Path) -> None:
    assert error_of(tmp_path) == (
        f"summits: error: {tmp_path}: is a directory, not a dataset file. Give the path of a .toml file.\n"
    )


def test_path_through_a_file_as_if_it_were_a_directory(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    path = tmp_path / "plain-file" / "meetings.toml"
    assert error_of(path) == f"summits: error: {path}: cannot read the file (Not a directory).\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_chmod_000(tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert error_of(path) == (
            f"summits: error: {path}: permission denied. Make the file readable, or use another --data path.\n"
        )
    finally:
        path.chmod(0o600)


def test_unreadable_file_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same case as chmod 000, which a test running as root cannot produce: the read itself is refused.
    path = tmp_path / "locked.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert error_of(path) == (
        f"summits: error: {path}: permission denied. Make the file readable, or use another --data path.\n"
    )


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"], ids=["zero-bytes", "only-whitespace"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(content)
    assert error_of(path) == (
        f"summits: error: {path}: the file is empty. A dataset needs [[leaders]], [[sources]] and [[meetings]].\n"
    )


def test_not_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINI_TEXT.replace("Höfði", "H\u00f6f\u00f0i").encode("latin-1"))
    line = MINI_TEXT[: MINI_TEXT.index("Höfði")].count("\n") + 1
    byte = len(MINI_TEXT[: MINI_TEXT.index("Höfði")].encode("latin-1")) + 2
    assert error_of(path) == (
        f"summits: error: {path}: not valid UTF-8 (byte {byte}, line {line}). Save the file as UTF-8.\n"
    )


def test_utf16_file_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "utf16.toml"
    path.write_bytes(MINI_TEXT.encode("utf-16"))
    assert error_of(path) == (f"summits: error: {path}: not valid UTF-8 (byte 1, line 1). Save the file as UTF-8.\n")


def test_utf8_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    # Some Windows editors start UTF-8 files with a byte-order mark; the file is still UTF-8.
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI_TEXT.encode("utf-8"))
    assert load(path) == load(MINI)


# ================================================================ 2. the file is not valid TOML (or JSON)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('schema_version = 1\n[[leaders]]\nid = "x\n', "Illegal character '\\n' (at line 3, column 8)"),
        ("schema_version = 1\nschema_version = 2\n", "Cannot overwrite a value (at line 2, column 19)"),
        (
            "schema_version = 1\n[[meetings]\n",
            "Expected ']]' at the end of an array declaration (at line 2, column 11)",
        ),
        ("schema_version = \n", "Invalid value (at line 1, column 18)"),
        ("schema_version = 1\n[[meetings]]\ndate = 2019-02-30\n", "Invalid date or datetime (at line 3, column 8)"),
        ('schema_version = 1\nx = "\\e"\n', "Unescaped '\\' in a string (at line 2, column 8)"),
        ("schema_version = 1\ntopics = [1,\n", "Invalid value (at end of file, line 3, column 1)"),
        ("schema_version = 1\ntopics = [1,", "Invalid value (at end of file, line 2, column 13)"),
    ],
    ids=[
        "unterminated-string",
        "duplicate-key",
        "bad-header",
        "no-value",
        "impossible-date-literal",
        "bad-escape",
        "unclosed-array",
        "unclosed-array-no-newline",
    ],
)
def test_toml_syntax_error_gives_file_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    assert error_of(path) == f"summits: error: {path}: TOML syntax error: {where}. Fix the file and run again.\n"


def test_json_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "schema_version": 1,\n  "leaders": [,]\n}\n', encoding="utf-8")
    assert error_of(path) == (f"summits: error: {path}: JSON syntax error at line 3, column 15: Expecting value.\n")


def test_json_top_level_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert error_of(path) == f"summits: error: {path}: a JSON dataset must be an object at the top level.\n"


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_a_number_too_long_to_convert_is_a_message_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"long-number.{suffix}"
    digits = "1" * 5000
    path.write_text(f"schema_version = {digits}\n" if suffix == "toml" else f'{{"schema_version": {digits}}}')
    assert error_of(path) == (
        f"summits: error: {path}: a number in the file has too many digits to read (more than 4300). "
        "Fix the file and run again.\n"
    )


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_nesting_too_deep_is_a_message_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep.{suffix}"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(f"topics = {nested}\n" if suffix == "toml" else nested)
    assert error_of(path) == f"summits: error: {path}: nesting too deep to parse.\n"


# ================================================================ 3. the file breaks the schema

# One broken copy of the mini dataset for every kind of schema problem: (old text, new text, expected problems).
SCHEMA_CASES: dict[str, tuple[str, str, list[Problem]]] = {
    "wrong type: string field given a number": (
        'summary = "Lunch on Governors Island."',
        "summary = 1988",
        [Problem("meeting new-york-1988", "summary", "must be a string, not an integer")],
    ),
    "wrong type: list field given a string": (
        'topics = ["missile defense"]\nsources',
        'topics = "missile defense"\nsources',
        [Problem("meeting ljubljana-2001", "topics", "must be a list of strings, not a string")],
    ),
    "wrong type: list of strings holding a table": (
        'participants = ["trump", "putin"]\nsummary = "Summit',
        'participants = ["trump", { id = "putin" }]\nsummary = "Summit',
        [Problem("meeting helsinki-2018", "participants", "must be a list of strings, not an array")],
    ),
    "wrong type: integer given as a string": (
        "number = 3",
        'number = "3"',
        [Problem("tally #1", "number", "must be an integer, not a string")],
    ),
    "wrong type: boolean given as a string": (
        "in_person = true",
        'in_person = "yes"',
        [Problem("tally #1", "in_person", "must be true or false, not a string")],
    ),
    "wrong type: date given as a number": (
        'date = "2005"',
        "date = 2005",
        [
            Problem(
                "meeting bratislava-2005",
                "date",
                "2005 is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)",
            )
        ],
    ),
    "wrong type: table given a string": (
        'roles = { bush-hw = "Vice President and President-elect" }',
        'roles = "Vice President and President-elect"',
        [Problem("meeting new-york-1988", "roles", "must be a table, not a string")],
    ),
    "wrong type: array of tables given a string": (
        'offices = [{ title = "President", country = "US", start = "1981-01-20", end = "1989-01-20" }]',
        'offices = "President"',
        [Problem("leader reagan", "offices", "must be an array of tables, not a string")],
    ),
    "wrong schema version": (
        "schema_version = 1",
        "schema_version = 2",
        [Problem("file", "schema_version", "must be 1, not 2")],
    ),
    "missing required field": (
        'summary = "Talks in Bratislava."\n',
        "",
        [Problem("meeting bratislava-2005", "summary", "missing (required)")],
    ),
    "missing place of an in-person meeting": (
        'city = "Bratislava"\n',
        "",
        [Problem("meeting bratislava-2005", "city", "missing (required)")],
    ),
    "missing name of a leader": (
        'name = "Ronald Reagan"\n',
        "",
        [Problem("leader reagan", "name", "missing (required)")],
    ),
    "empty required string": (
        'summary = "Talks in Bratislava."',
        'summary = "  "',
        [Problem("meeting bratislava-2005", "summary", "must not be empty")],
    ),
    "unknown key: misspelt field name": (
        'venue = "Brdo Castle"',
        'venu = "Brdo Castle"',
        [Problem("meeting ljubljana-2001", "venu", "unknown key (did you mean 'venue'?)")],
    ),
    "unknown key: misspelt table name": (
        "[[tallies]]",
        "[[tally]]",
        [Problem("file", "tally", "unknown key (did you mean 'tallies'?)")],
    ),
    "unknown key: in a nested quote": (
        'text = "I was able to get a sense of his soul."',
        'txt = "I was able to get a sense of his soul."',
        [
            Problem("meeting ljubljana-2001 quote #1", "text", "missing (required)"),
            Problem("meeting ljubljana-2001 quote #1", "txt", "unknown key (did you mean 'text'?)"),
        ],
    ),
    "impossible date: February 30": (
        'date = "2018-07-16"',
        'date = "2018-02-30"',
        [
            Problem(
                "meeting helsinki-2018",
                "date",
                '"2018-02-30" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)',
            )
        ],
    ),
    "impossible date: month 13": (
        'date = "2001-06"',
        'date = "2001-13"',
        [
            Problem(
                "source news-one",
                "date",
                '"2001-13" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)',
            )
        ],
    ),
    "impossible date: wrong form": (
        'date = "2005"',
        'date = "5 May 2005"',
        [
            Problem(
                "meeting bratislava-2005",
                "date",
                '"5 May 2005" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)',
            )
        ],
    ),
    "end before start: meeting": (
        'end_date = "1986-10-12"',
        'end_date = "1986-10-10"',
        [Problem("meeting reykjavik-1986", "end_date", "1986-10-10 is before date 1986-10-11")],
    ),
    "end before start: office": (
        '{ title = "President", country = "US", start = "2001-01-20", end = "2009-01-20" }',
        '{ title = "President", country = "US", start = "2001-01-20", end = "2000-01-20" }',
        [Problem("leader bush-gw office #1", "end", "2000-01-20 is before start 2001-01-20")],
    ),
    "end before start: tally": (
        'end = "2009-01-20"\nin_person',
        'end = "1999-01-20"\nin_person',
        [Problem("tally #1", "end", "1999-01-20 is before start 2001-01-20")],
    ),
    "duplicate id: meeting": (
        'id = "bratislava-2005"',
        'id = "ljubljana-2001"',
        [
            Problem("meeting ljubljana-2001 (#4)", "id", 'duplicate meeting id "ljubljana-2001"'),
            Problem("meeting ljubljana-2001 (#4)", "id", '"ljubljana-2001" names the year 2001 but the date is 2005'),
        ],
    ),
    "duplicate id: leader": (
        'id = "reagan"',
        'id = "bush-gw"',
        [
            Problem("leader bush-gw (#3)", "id", 'duplicate leader id "bush-gw"'),
            Problem("meeting reykjavik-1986", "participants", 'unknown leader "reagan"'),
            Problem("meeting new-york-1988", "participants", 'unknown leader "reagan"'),
        ],
    ),
    "duplicate id: source": (
        "[[tallies]]",
        '[[sources]]\nid = "news-one"\nkind = "news"\ntitle = "Another report"\n\n[[tallies]]',
        [Problem("source news-one (#3)", "id", 'duplicate source id "news-one"')],
    ),
    "dangling reference: participant": (
        'participants = ["reagan", "gorbachev"]',
        'participants = ["reagan", "gorbachov"]',
        [Problem("meeting reykjavik-1986", "participants", "unknown leader \"gorbachov\" (did you mean 'gorbachev'?)")],
    ),
    "dangling reference: meeting source": (
        'sources = ["ooh-trip-3817", "news-one"]',
        'sources = ["ooh-trip-3871", "news-one"]',
        [
            Problem(
                "meeting helsinki-2018", "sources", "unknown source \"ooh-trip-3871\" (did you mean 'ooh-trip-3817'?)"
            )
        ],
    ),
    "dangling reference: quote speaker": (
        'speaker = "bush-gw"',
        'speaker = "bush"',
        [Problem("meeting ljubljana-2001 quote #1", "speaker", "unknown leader \"bush\" (did you mean 'bush-hw'?)")],
    ),
    "dangling reference: claim source": (
        '{ claim = "July 2017", source = "ooh-trip-3817" }',
        '{ claim = "July 2017", source = "state-dept" }',
        [Problem("meeting hamburg-2017 dispute #1 claim #2", "source", 'unknown source "state-dept"')],
    ),
    "dangling reference: tally leader": (
        'leaders = ["bush-gw", "putin"]',
        'leaders = ["bush-gw", "medvedev"]',
        [Problem("tally #1", "leaders", 'unknown leader "medvedev"')],
    ),
    "participant not in office": (
        'participants = ["bush-gw", "putin"]\nsummary = "Talks',
        'participants = ["reagan", "putin"]\nsummary = "Talks',
        [
            Problem(
                "meeting bratislava-2005",
                "participants",
                "Ronald Reagan (reagan) held no office on 2005: check the date, or add a roles entry",
            )
        ],
    ),
    "id format: meeting": (
        'id = "helsinki-2018"',
        'id = "Helsinki 2018"',
        [
            Problem(
                "meeting Helsinki 2018",
                "id",
                '"Helsinki 2018" is not a valid meeting id (<place>-<year>, e.g. helsinki-2018 or geneva-1985-11)',
            )
        ],
    ),
    "id format: meeting id names another year": (
        'id = "hamburg-2017"',
        'id = "hamburg-2016"',
        [Problem("meeting hamburg-2016", "id", '"hamburg-2016" names the year 2016 but the date is 2017-07-07')],
    ),
    "id format: leader": (
        'id = "bush-hw"',
        'id = "Bush_HW"',
        [
            Problem(
                "leader Bush_HW",
                "id",
                '"Bush_HW" is not a valid leader id (lower-case letters and hyphens, e.g. bush-gw)',
            ),
            Problem("meeting new-york-1988", "participants", "unknown leader \"bush-hw\" (did you mean 'bush-gw'?)"),
        ],
    ),
    "id format: source": (
        'id = "ooh-trip-3817"',
        'id = "OOH trip 3817"',
        [
            Problem(
                "source OOH trip 3817",
                "id",
                '"OOH trip 3817" is not a valid source id (lower-case letters, digits and hyphens)',
            ),
            Problem(
                "meeting hamburg-2017 dispute #1 claim #2",
                "source",
                "unknown source \"ooh-trip-3817\" (did you mean 'OOH trip 3817'?)",
            ),
            Problem(
                "meeting helsinki-2018", "sources", "unknown source \"ooh-trip-3817\" (did you mean 'OOH trip 3817'?)"
            ),
        ],
    ),
    "bad value: kind": (
        'kind = "sidelines"',
        'kind = "sideline"',
        [
            Problem(
                "meeting hamburg-2017",
                "kind",
                '"sideline" is not one of: summit, visit, conference, sidelines, informal, phone, video, ministerial',
            )
        ],
    ),
    "bad value: country code": (
        'name = "Ronald Reagan"\ncountry = "US"',
        'name = "Ronald Reagan"\ncountry = "USA"',
        [Problem("leader reagan", "country", '"USA" is not one of US, SU, RU (United States, Soviet Union, Russia)')],
    ),
}


def broken(old: str, new: str) -> str:
    assert MINI_TEXT.count(old) >= 1, old
    return MINI_TEXT.replace(old, new, 1)


@pytest.mark.parametrize(("old", "new", "expected"), SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_schema_problem_names_record_and_field(tmp_path: Path, old: str, new: str, expected: list[Problem]) -> None:
    path = tmp_path / "meetings.toml"
    path.write_text(broken(old, new), encoding="utf-8")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    assert raised.value.problems == expected


def problem_lines(stderr: str) -> list[list[str]]:
    return [line.split() for line in stderr.splitlines()]


def assert_reported(output: str, problems: list[Problem]) -> None:
    """Each problem is a row of the table: record, field and message, each in full (the table is wide enough)."""
    rows = [" ".join(line.split()) for line in output.splitlines()]
    for p in problems:
        assert f"{p.record} {p.field} {p.message}" in rows, p


@pytest.mark.parametrize(("old", "new", "expected"), SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_schema_problem_through_list_exits_2(tmp_path: Path, old: str, new: str, expected: list[Problem]) -> None:
    path = tmp_path / "meetings.toml"
    path.write_text(broken(old, new), encoding="utf-8")
    stderr = error_of(path)
    assert stderr.splitlines()[0] == f"summits: error: {path} is not a valid dataset ({len(expected)} problem(s)):"
    assert_reported(stderr, expected)


def all_cases_at_once() -> tuple[str, list[Problem]]:
    """Every schema case that does not touch the same text as another, applied to one file. (Not the duplicate
    ids: a second record with an id puts the position into the labels of both, as their own cases show.)"""
    text, expected = MINI_TEXT, []
    for name, (old, new, problems) in SCHEMA_CASES.items():
        if name.startswith("duplicate id"):
            continue
        if text.count(old) == 1 and not any(p.record.startswith("file") for p in problems) and "id = " not in old:
            text = text.replace(old, new)
            expected += problems
    return text, expected


def test_every_kind_of_schema_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text, expected = all_cases_at_once()
    path = tmp_path / "meetings.toml"
    path.write_text(text, encoding="utf-8")
    _, problems = check(path)
    assert sorted(problems, key=repr) == sorted(expected, key=repr)
    assert len(problems) >= 25
    stderr = error_of(path)
    assert stderr.splitlines()[0] == f"summits: error: {path} is not a valid dataset ({len(expected)} problem(s)):"
    assert_reported(stderr, expected)
    assert stderr.splitlines()[-1] == (
        "Fix these in the file (see the README's 'The data file'), or check it with: summits validate PATH"
    )


@pytest.mark.parametrize("command", [["count"], ["show", "helsinki-2018"], ["quote", "helsinki-2018"]])
def test_every_data_command_reports_an_invalid_file_the_same_way(tmp_path: Path, command: list[str]) -> None:
    text, expected = all_cases_at_once()
    path = tmp_path / "meetings.toml"
    path.write_text(text, encoding="utf-8")
    stderr = error_of(path, *command)
    assert_reported(stderr, expected)


def test_validate_reports_the_same_problems_and_exits_1(tmp_path: Path) -> None:
    text, expected = all_cases_at_once()
    path = tmp_path / "meetings.toml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert_reported(result.stdout, expected)
    assert re.fullmatch(rf"{re.escape(str(path))}: {len(expected)} problems in \d+ records\n", result.stderr)


def test_validate_json_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    text, expected = all_cases_at_once()
    path = tmp_path / "meetings.toml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", str(path), "--format", "json")
    assert result.exit_code == 1
    rows = [Problem(r["record"], r["field"], r["problem"]) for r in json.loads(result.stdout)]
    assert sorted(rows, key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize("name", ["nope.toml", "empty.toml"])
def test_validate_on_an_unreadable_file_exits_2(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "empty.toml":
        path.write_text("", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summits: error: {path}: ")


def test_json_null_in_a_required_field_is_a_problem_not_a_missing_meeting(tmp_path: Path) -> None:
    from ..conftest import tomllib

    document = tomllib.loads(MINI_TEXT)
    document["meetings"][3]["summary"] = None
    path = tmp_path / "null.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    assert raised.value.problems == [Problem("meeting bratislava-2005", "summary", "is null: a value is required")]
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"{path}: 1 problem in 1 record\n"


def test_json_null_in_an_optional_field_is_the_same_as_leaving_it_out(tmp_path: Path) -> None:
    from ..conftest import tomllib

    document = tomllib.loads(MINI_TEXT)
    document["meetings"][0]["venue"] = None
    path = tmp_path / "null.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    dataset = load(path)
    assert len(dataset.meetings) == 7
    reykjavik = dataset.meeting("reykjavik-1986")
    assert reykjavik is not None and reykjavik.venue is None


def test_an_empty_key_is_named_so_that_it_can_be_found(tmp_path: Path) -> None:
    path = tmp_path / "meetings.toml"
    path.write_text(MINI_TEXT + '\n"" = 1\n', encoding="utf-8")
    _, problems = check(path)
    assert [(p.record, p.field) for p in problems] == [("meeting trump-putin-call-2025-02", '""')]
    assert problems[0].message.startswith("unknown key (expected one of: agreements, city, country, date,")


def test_very_many_problems_are_counted_and_the_first_shown(tmp_path: Path) -> None:
    # 1,000 meetings that all cite a missing source: the message gives the count at once instead of
    # spending minutes laying out a table of every row.
    meetings = "".join(
        f'\n[[meetings]]\nid = "place{i}-2018"\ndate = "2018-07-16"\ncity = "C"\ncountry = "D"\nkind = "summit"\n'
        f'participants = ["trump", "putin"]\nsummary = "S."\nsources = ["missing"]\n'
        for i in range(1000)
    )
    path = tmp_path / "many.toml"
    path.write_text(MINI_TEXT + meetings, encoding="utf-8")
    stderr = error_of(path)
    assert stderr.splitlines()[0] == f"summits: error: {path} is not a valid dataset (1000 problem(s)):"
    assert stderr.count('unknown source "missing"') == 200
    assert "... and 800 more, not shown here.\n" in stderr


# ================================================================ 4. unknown names; queries that match nothing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "helsinki-2019"], "unknown meeting id 'helsinki-2019'. Did you mean helsinki-2018?"),
        (["quote", "reykjavik-1968"], "unknown meeting id 'reykjavik-1968'. Did you mean reykjavik-1986?"),
        (["show", "zzzzzz"], "unknown meeting id 'zzzzzz'. Nothing similar found."),
        (["list", "--leader", "Putn"], "unknown leader 'Putn'. Did you mean Vladimir Putin?"),
        (["count", "--leader", "Gorbachov"], "unknown leader 'Gorbachov'. Did you mean Mikhail Gorbachev?"),
        (["list", "--leader", "Nixon"], "unknown leader 'Nixon'. Nothing similar found."),
        (
            ["count", "--by", "presidnt"],
            "unknown grouping for --by 'presidnt'. Did you mean president?\n"
            "Valid choices: president, counterpart, pair, year, decade, country, kind.",
        ),
        (
            ["count", "--by", "month"],
            "unknown grouping for --by 'month'\n"
            "Valid choices: president, counterpart, pair, year, decade, country, kind.",
        ),
        (
            ["list", "--kind", "sumit"],
            "unknown kind 'sumit'. Did you mean summit or visit?\n"
            "Valid choices: summit, visit, conference, sidelines, informal, phone, video, ministerial.",
        ),
        (
            ["list", "--kind", "call"],
            "unknown kind 'call'\n"
            "Valid choices: summit, visit, conference, sidelines, informal, phone, video, ministerial.",
        ),
        (
            ["list", "--country", "Finnland"],
            "unknown country 'Finnland'. Did you mean Finland or Iceland?\n"
            "Valid choices: Finland, Germany, Iceland, Slovakia, Slovenia, United States.",
        ),
        (["quote", "helsinki-2018", "--speaker", "Rhodes"], "unknown speaker 'Rhodes'. Nothing similar found."),
    ],
)
def test_unknown_name_gives_closest_matches_or_choices_and_exits_2(run: Runner, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"summits: error: {message}\n"


@pytest.mark.parametrize(
    ("output", "stdout"),
    [
        ("table", ""),
        ("json", "[]\n"),
        ("csv", ",".join(MEETING_CSV_HEADER) + "\n"),
    ],
)
def test_valid_query_matching_nothing_is_not_an_error(run: Runner, output: str, stdout: str) -> None:
    result = run("list", "--leader", "Putin", "--from", "1950", "--to", "1960", "--format", output)
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, "No meetings match.\n")


@pytest.mark.parametrize(("output", "stdout"), [("table", ""), ("json", "[]\n"), ("csv", "key,count,reported\n")])
def test_count_matching_nothing_is_not_an_error(run: Runner, output: str, stdout: str) -> None:
    result = run("count", "--kind", "video", "--calls", "--format", output)
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, "No meetings match.\n")


def test_quote_with_no_quotes_is_not_an_error(run: Runner) -> None:
    result = run("quote", "bratislava-2005", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "[]\n",
        "No quotes are recorded for bratislava-2005.\n",
    )


# ================================================================ 5. options that cannot hold or do not parse


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--from", "2010", "--to", "2000"], "--from 2010 is after --to 2000; swap them or widen the range."),
        (["count", "--from", "2010-06", "--to", "2010-05"], "--from 2010-06 is after --to 2010-05; swap them or widen the range."),
        (["list", "--from", "20x5"], "--from: '20x5' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--to", "2019-02-30"], "--to: '2019-02-30' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--from", ""], "--from: '' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--format", "xml"], "unknown value for --format 'xml'\nValid choices: table, json, csv."),
        (["list", "--format", "jsn"], "unknown value for --format 'jsn'. Did you mean json?\nValid choices: table, json, csv."),
        (["timeline", "--colour-by", "kinds"], "unknown value for --colour-by 'kinds'. Did you mean kind?\nValid choices: president, kind."),
        (["sources", "--kind", "offical"], "unknown value for --kind 'offical'. Did you mean official?\nValid choices: official, news, reference, seed."),
    ],
)  # fmt: skip
def test_a_bad_option_value_is_our_error_with_what_to_type_instead(run: Runner, args: list[str], message: str) -> None:
    """Every option value that cannot be used gets the same one-line error, never Click's "Invalid value"."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"summits: error: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--bogus"], "No such option: --bogus"),
        (["list", "--leader"], "Option '--leader' requires an argument."),
        (["show"], "Missing argument 'ID'."),
        (["show", "helsinki-2018", "extra"], "Got unexpected extra argument"),
    ],
)  # fmt: skip
def test_usage_error_exits_2_with_the_reason(run: Runner, args: list[str], message: str) -> None:
    # Click's own messages differ a little between versions ("Value error, ..."): the reason must be there.
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert message in result.stderr.splitlines()[-1]


def test_unknown_command_exits_2_and_suggests(run: Runner) -> None:
    result = run("lst")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such command 'lst'. Did you mean 'list'?"


# ================================================================ 6. hostile text in the data is shown as text

HOSTILE = {
    "markup": "[bold red]loud[/] [/] [link=https://example.com/x]click[/link] [blink]x",
    "escape": "\x1b[31mred\x1b[0m \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\ \x1b[2J",
    "carriage_return": "visible\rhidden",
    "backspace": "abc\b\b\bxyz",
    "bidi": "\u202eevil\u202c \u2066isolate\u2069",
    "bell_and_del": "ring\x07 del\x7f c1\x9b31m",
}
LONG_WORD = "Llanfairpwllgwyngyll" * 15  # 300 characters without a space


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \u escapes is also a valid TOML basic string


def hostile_dataset(tmp_path: Path) -> Path:
    text = (
        MINI_TEXT.replace('"Summit with a joint news conference."', toml_string(" ".join(HOSTILE.values())))
        .replace('city = "Helsinki"', f"city = {toml_string(HOSTILE['markup'])}")
        .replace('country = "Finland"', f"country = {toml_string(HOSTILE['bidi'])}")
        .replace('venue = "Presidential Palace"', f"venue = {toml_string(HOSTILE['escape'])}")
        .replace('"There is no clear agenda."', toml_string(HOSTILE["carriage_return"] + HOSTILE["bidi"]))
        .replace('context = "before the summit"', f"context = {toml_string(HOSTILE['backspace'])}")
        .replace('name = "Dmitry Peskov"', f"name = {toml_string(HOSTILE['bell_and_del'])}")
        .replace('city = "Hamburg"', f'city = "{LONG_WORD}"')
        .replace('event = "G20 summit"', f'event = "{LONG_WORD}"')
        .replace('topics = ["election interference", "nuclear arms"]', f'topics = ["{LONG_WORD}", "[red]x[/red]"]')
    )
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_only_text(shown: str) -> None:
    """No character that a terminal would act on: no ESC, CR, BS, BEL, DEL, C1 controls or bidi overrides."""
    for char in shown:
        if char == "\n":
            continue
        code = ord(char)
        assert code >= 0x20, repr(char)
        assert not 0x7F <= code < 0xA0, repr(char)
        assert code not in (0x061C, 0x200E, 0x200F) and not 0x202A <= code <= 0x202E, repr(char)
        assert not 0x2066 <= code <= 0x2069, repr(char)


ESCAPED = {
    "markup": HOSTILE["markup"],
    "escape": "\\x1b[31mred\\x1b[0m \\x1b]8;;https://example.com\\x1b\\link\\x1b]8;;\\x1b\\ \\x1b[2J",
    "carriage_return": "visible\\x0dhidden",
    "backspace": "abc\\x08\\x08\\x08xyz",
    "bidi": "\\u202eevil\\u202c \\u2066isolate\\u2069",
    "bell_and_del": "ring\\x07 del\\x7f c1\\x9b31m",
}


def test_escape_controls_shows_every_control_as_text() -> None:
    for name, text in HOSTILE.items():
        assert render.escape_controls(text) == ESCAPED[name]
        assert render.plain(text).plain == ESCAPED[name]


@pytest.mark.parametrize("width", [80, 120])
def test_hostile_text_in_a_table_changes_nothing_but_the_text(tmp_path: Path, width: int) -> None:
    dataset = load(hostile_dataset(tmp_path))
    helsinki = dataset.meeting("helsinki-2018")
    assert helsinki is not None
    # A colour terminal: our own styles may emit ANSI codes, the data may not.
    console = Console(record=True, width=width, force_terminal=True, color_system="standard", highlight=False)
    console.print(meetings_table(list(dataset.meetings), width))
    console.print(meeting_panel(dataset, helsinki))
    console.print(quotes_table(dataset, helsinki.quotes))
    raw = console.export_text(styles=True, clear=False)
    assert "\x1b]8;" not in raw  # no hyperlink, neither the data's [link=...] nor its OSC 8 sequence
    assert "\x1b[31m" not in raw and "\x1b[5m" not in raw and "\x1b[2J" not in raw  # no red, blink or clear
    shown = console.export_text()
    assert_only_text(shown)
    assert all(len(line) <= width for line in shown.splitlines()), max(shown.splitlines(), key=len)
    flat = "".join(shown.split())  # the table wraps long cells; the text survives, escaped, in full
    for name in ("markup", "escape", "bidi"):
        assert "".join(ESCAPED[name].split()) in flat, name
    assert "".join(ESCAPED["carriage_return"].split()) in flat
    assert "abc\\x08\\x08\\x08xyz" in flat
    assert LONG_WORD in flat


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["list", "--calls"], "[link=https://example.com/x]click[/link]"),
        (["show", "helsinki-2018"], "\\x1b[31mred\\x1b[0m"),
        (["show", "hamburg-2017"], LONG_WORD),
        (["quote", "helsinki-2018"], "visible\\x0dhidden"),
        (["count", "--by", "country"], "\\u202eevil\\u202c"),
    ],
)
@pytest.mark.parametrize("columns", [80, 120])
def test_hostile_text_through_the_cli_prints_as_text(
    tmp_path: Path, command: list[str], shown: str, columns: int
) -> None:
    result = invoke("--data", str(hostile_dataset(tmp_path)), *command, columns=columns)
    assert result.exit_code == 0
    assert_only_text(result.stdout)
    assert_only_text(result.stderr)
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    assert "".join(shown.split()) in "".join(result.stdout.split())  # wrapped at the table's width, but all there


def test_json_keeps_the_exact_original_text(tmp_path: Path) -> None:
    path = hostile_dataset(tmp_path)
    listed = json.loads(invoke("--data", str(path), "list", "--format", "json").stdout)
    helsinki = next(m for m in listed if m["id"] == "helsinki-2018")
    assert helsinki["summary"] == " ".join(HOSTILE.values())
    assert helsinki["city"] == HOSTILE["markup"]
    assert helsinki["venue"] == HOSTILE["escape"]
    assert next(m for m in listed if m["id"] == "hamburg-2017")["city"] == LONG_WORD
    quotes = json.loads(invoke("--data", str(path), "quote", "helsinki-2018", "--format", "json").stdout)
    assert quotes[2]["text"] == HOSTILE["carriage_return"] + HOSTILE["bidi"]
    assert quotes[2]["context"] == HOSTILE["backspace"]
    assert quotes[2]["speaker"] == HOSTILE["bell_and_del"]


def test_hostile_text_in_a_users_argument_is_shown_as_text(run: Runner) -> None:
    result = run("list", "--leader", "[bold]\x1b[31mPutn\u202e")
    assert result.exit_code == 2
    assert_only_text(result.stderr)
    assert result.stderr.startswith("summits: error: unknown leader '[bold]\\x1b[31mPutn\\u202e'")


def test_hostile_text_in_problem_reports_is_shown_as_text(tmp_path: Path) -> None:
    path = tmp_path / "meetings.toml"
    path.write_text(
        broken('id = "helsinki-2018"', f"id = {toml_string('[bold]x' + chr(27) + '[2J')}")
        + '\n"[link=https://example.com]k\\u001b" = 1\n',
        encoding="utf-8",
    )
    stderr = error_of(path)
    assert_only_text(stderr)
    assert "[bold]x\\x1b[2J" in stderr
    assert "[link=https://example.com]k\\x1b" in stderr
    table = Console(record=True, width=200, force_terminal=True, color_system="standard")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    table.print(problems_table(raised.value.problems))
    assert "\x1b]8;" not in table.export_text(styles=True)


# ================================================================ 7. a closed pipe ends quietly with 141


def summits_command() -> list[str]:
    """The installed console script, as a user runs it (or `python -m summits` where it is not on the path)."""
    script = Path(sys.executable).with_name("summits")
    if script.exists():
        return [str(script)]
    found = shutil.which("summits")
    return [found] if found else [sys.executable, "-m", "summits"]


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run summits with stdout a pipe whose reader has already gone, as after `| head -1` has read its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
        return subprocess.run(
            [*summits_command(), *args], stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=60, check=False
        )
    finally:
        os.close(write_end)


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 meetings: more output than a pipe holds, in every format."""
    path = tmp_path_factory.mktemp("large") / "meetings.toml"
    path.write_text(generated_dataset(3000), encoding="utf-8")
    return path


CLOSED_PIPE_CASES = [
    ["list"],
    ["list", "--format", "json"],
    ["list", "--format", "csv"],
    ["count", "--by", "country"],
    ["show", "place1-1951"],
    ["count", "--format", "json"],
    ["--help"],
    ["--version"],
]


@pytest.mark.parametrize("args", CLOSED_PIPE_CASES, ids=[" ".join(a) for a in CLOSED_PIPE_CASES])
def test_closed_pipe_ends_quietly_with_141(large_file: Path, args: list[str]) -> None:
    done = run_into_closed_pipe("--data", str(large_file), *args)
    assert done.stderr == b""
    assert done.returncode == 141


def test_closed_pipe_with_the_shipped_dataset_and_calls_as_json() -> None:
    done = run_into_closed_pipe("list", "--calls", "--format", "json")
    assert (done.returncode, done.stderr) == (141, b"")


def test_head_reading_one_line_then_leaving(large_file: Path) -> None:
    """`summits list --format csv | head -1`: the first line arrives, then summits ends quietly."""
    env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
    with subprocess.Popen(
        [*summits_command(), "--data", str(large_file), "list", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        code = process.wait(timeout=60)
    assert (
        first
        == b"id,date,end_date,city,country,venue,kind,event,participants,roles,topics,agreements,summary,sources\n"
    )
    assert (code, stderr) == (141, b"")


def test_output_to_an_open_pipe_still_exits_0(large_file: Path) -> None:
    env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
    done = subprocess.run(
        [*summits_command(), "--data", str(large_file), "list", "--format", "json"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(json.loads(done.stdout)) == 3000


# ================================================================ 9. a very large file


GENERATED_HEAD = """schema_version = 1

[[leaders]]
id = "alpha"
name = "Alpha President"
country = "US"
offices = [{ title = "President", country = "US", start = "1900-01-01" }]

[[leaders]]
id = "beta"
name = "Beta Leader"
country = "RU"
offices = [{ title = "President", country = "RU", start = "1900-01-01" }]

[[sources]]
id = "generated"
kind = "reference"
title = "Generated"
"""
GENERATED_MEETING = """
[[meetings]]
id = "place{n}-{year}"
date = "{year}-{month:02d}-{day:02d}"
city = "City {n}"
country = "Country {country}"
kind = "summit"
participants = ["alpha", "beta"]
summary = "Generated meeting number {n}."
sources = ["generated"]
"""


GENERATED_CALL = """
[[meetings]]
id = "call{n}-{year}"
date = "{year}-{month:02d}"
kind = "phone"
participants = ["alpha", "beta"]
summary = "Call {n}."
sources = ["generated"]
"""


def generated_dataset(count: int, template: str = GENERATED_MEETING) -> str:
    """A valid dataset of `count` meetings, one a year from 1950 to 2019 over and over, in 50 countries."""
    return GENERATED_HEAD + "".join(
        template.format(n=n, year=1950 + n % 70, month=1 + n % 12, day=1 + n % 28, country=n % 50) for n in range(count)
    )


def test_a_dataset_of_100000_meetings_loads_and_says_so_first(tmp_path: Path) -> None:
    """The file is over 10 MB: summits says it is reading a large file, then answers; it never hangs silently.
    (Calls, the shortest records, keep the test quick: the time goes into parsing and checking every record.)"""
    path = tmp_path / "huge.toml"
    path.write_text(generated_dataset(100_000, GENERATED_CALL), encoding="utf-8")
    megabytes = path.stat().st_size / 1_000_000
    assert megabytes > 10
    started = time.monotonic()
    done = subprocess.run(
        [*summits_command(), "--data", str(path), "count", "--by", "decade", "--calls", "--format", "csv"],
        capture_output=True,
        env={**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode() == (
        f"summits: reading {path} ({megabytes:.0f} MB); a file this large takes a while to check.\n"
    )
    assert done.stdout.decode().splitlines() == [
        "key,count,reported",
        "1950s,14290,",
        "1960s,14290,",
        "1970s,14290,",
        "1980s,14290,",
        "1990s,14280,",
        "2000s,14280,",
        "2010s,14280,",
    ]
    assert time.monotonic() - started < 300


def test_a_large_file_with_a_problem_at_the_end_names_it(tmp_path: Path) -> None:
    path = tmp_path / "large.toml"
    text = generated_dataset(10_000)
    path.write_text(text + '\n[[meetings]]\nid = "place1-1951"\n', encoding="utf-8")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    assert raised.value.problems[0] == Problem(
        "meeting place1-1951 (#10001)", "id", 'duplicate meeting id "place1-1951"'
    )
    line = text.count("\n") + 3
    path.write_text(text + '\n[[meetings]]\nid = "unterminated\n', encoding="utf-8")
    with pytest.raises(
        DataFileError, match=rf"TOML syntax error: Illegal character '\\n' \(at line {line}, column 19\)"
    ):
        load(path)
