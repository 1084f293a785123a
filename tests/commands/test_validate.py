"""summits validate [PATH]: every problem as a table (or JSON/CSV), a one-line summary, exit 0/1/2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from summits.dataset.files import Problem
from tests.conftest import MINI, MINI_TEXT, invoke
from tests.dataset.test_build import all_cases_at_once, assert_reported

# Three mistakes a person editing the file might make: an unknown key, a misspelt kind, a misspelt source id.
BROKEN = (
    MINI_TEXT.replace('name = "Donald Trump"\n', 'name = "Donald Trump"\nparty = "R"\n')
    .replace('kind = "informal"', 'kind = "chat"', 1)
    .replace('context = "before the talks"\nsource = "news-one"', 'context = "before the talks"\nsource = "news-two"')
)


@pytest.fixture
def broken(write_toml):  # type: ignore[no-untyped-def]
    return write_toml(BROKEN, "broken.toml")


def test_a_clean_file_exits_0_with_its_counts(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(MINI))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"{MINI}: valid: 7 meetings, 6 leaders, 2 sources, 4 quotes\n"


def test_without_a_path_it_checks_the_data_option(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate")
    assert result.exit_code == 0
    assert result.stderr == f"{MINI}: valid: 7 meetings, 6 leaders, 2 sources, 4 quotes\n"


def test_without_a_path_or_option_it_checks_summits_data(run, broken) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", data=None, env={"SUMMITS_DATA": str(broken)})
    assert result.exit_code == 1
    assert result.stderr == f"{broken}: 3 problems in 3 records\n"


def test_problems_are_a_table_on_stdout_and_a_summary_on_stderr(run, broken) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(broken), columns=200)
    assert result.exit_code == 1
    rows = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert rows[0].split() == ["Record", "Field", "Problem"]
    assert [" ".join(row.split()) for row in rows[2:]] == [
        "leader trump party unknown key (expected one of: aliases, country, id, name, offices)",
        'meeting new-york-1988 kind "chat" is not one of: summit, visit, conference, sidelines, informal, phone, '
        "video, ministerial",
        "meeting helsinki-2018 quote #1 source unknown source \"news-two\" (did you mean 'news-one'?)",
    ]  # trump's record has a problem, reported once there: the meetings naming trump do not repeat it
    assert result.stderr == f"{broken}: 3 problems in 3 records\n"


def test_problems_as_json(run, broken) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(broken), "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert len(problems) == 3
    assert problems[1] == {
        "record": "meeting new-york-1988",
        "field": "kind",
        "problem": '"chat" is not one of: summit, visit, conference, sidelines, informal, phone, video, ministerial',
    }


def test_problems_as_csv(run, broken) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(broken), "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        "record,field,problem",
        'leader trump,party,"unknown key (expected one of: aliases, country, id, name, offices)"',
        'meeting new-york-1988,kind,"""chat"" is not one of: summit, visit, conference, sidelines, informal, phone, '
        'video, ministerial"',
    ]


def test_a_clean_file_in_json_is_an_empty_list(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_a_file_that_does_not_parse_exits_2_naming_line_and_column(run, write_toml) -> None:  # type: ignore[no-untyped-def]
    path = write_toml('schema_version = 1\n[[leaders]]\nid = "x\n', "syntax.toml")
    result = run("validate", str(path), columns=300)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"summits: error: {path}: TOML syntax error: Illegal character '\\n' (at line 3, column 8). "
        "Fix the file and run again.\n"
    )


def test_a_missing_file_exits_2(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nope.toml"
    result = run("validate", str(path), columns=300)
    assert result.exit_code == 2
    assert (
        result.stderr == f"summits: error: {path}: no such file. Check the path given with --data or $SUMMITS_DATA.\n"
    )


def test_the_path_argument_wins_over_a_broken_data_option(run, broken) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(MINI), data=broken)
    assert result.exit_code == 0


def test_a_json_dataset_can_be_checked(run, write_toml) -> None:  # type: ignore[no-untyped-def]
    path = write_toml(json.dumps({"schema_version": 1, "leaders": [], "sources": [], "meetings": []}), "d.json")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.stderr == f"{path}: valid: 0 meetings, 0 leaders, 0 sources, 0 quotes\n"


def test_validate_help_shows_examples(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--help")
    assert "summits validate my-meetings.toml" in result.stdout
    assert "Exit status: 0 when the file is valid, 1 when it has problems, 2" in " ".join(result.stdout.split())


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
