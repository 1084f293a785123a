"""Building the model from plain data: every schema problem found at once, each with its record and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summits.dataset.files import InvalidDataset, Problem, check, load
from tests.conftest import MINI, MINI_TEXT, error_of, invoke


def test_mini_dataset_loads_in_chronological_order(mini) -> None:  # type: ignore[no-untyped-def]
    assert [m.id for m in mini.meetings] == [
        "reykjavik-1986",
        "new-york-1988",
        "ljubljana-2001",
        "bratislava-2005",
        "hamburg-2017",
        "helsinki-2018",
        "trump-putin-call-2025-02",
    ]


def test_json_export_shape_loads_the_same(tmp_path: Path) -> None:
    import json

    from tests.conftest import tomllib

    path = tmp_path / "mini.json"
    path.write_text(json.dumps(tomllib.loads(MINI_TEXT)), encoding="utf-8")

    assert load(path) == load(MINI)


def test_every_problem_is_reported_at_once(write_toml) -> None:  # type: ignore[no-untyped-def]
    broken = (
        MINI_TEXT.replace('date = "2017-07-07"', 'date = "2017-02-30"')
        .replace('summary = "Lunch on Governors Island."', 'sumary = "Lunch on Governors Island."')
        .replace('id = "ljubljana-2001"', 'id = "reykjavik-1986"')
        .replace(
            'participants = ["bush-gw", "putin"]\nsummary = "Talks',
            'participants = ["bush-gw", "putn"]\nsummary = "Talks',
        )
        .replace('end_date = "1986-10-12"', 'end_date = "1986-10-01"')
    )
    _, problems = check(write_toml(broken))
    assert problems == [
        Problem("meeting reykjavik-1986 (#1)", "end_date", "1986-10-01 is before date 1986-10-11"),
        Problem("meeting new-york-1988", "summary", "missing (required)"),
        Problem("meeting new-york-1988", "sumary", "unknown key (did you mean 'summary'?)"),
        Problem("meeting reykjavik-1986 (#3)", "id", 'duplicate meeting id "reykjavik-1986"'),
        Problem("meeting reykjavik-1986 (#3)", "id", '"reykjavik-1986" names the year 1986 but the date is 2001-06-16'),
        Problem("meeting bratislava-2005", "participants", "unknown leader \"putn\" (did you mean 'putin'?)"),
        Problem(
            "meeting hamburg-2017",
            "date",
            '"2017-02-30" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)',
        ),
    ]


def test_participant_out_of_office_is_a_problem(write_toml) -> None:  # type: ignore[no-untyped-def]
    text = MINI_TEXT.replace('participants = ["reagan", "gorbachev"]', 'participants = ["bush-gw", "gorbachev"]')
    _, problems = check(write_toml(text))
    assert problems == [
        Problem(
            "meeting reykjavik-1986",
            "participants",
            "George W. Bush (bush-gw) held no office on 1986-10-11: check the date, or add a roles entry",
        )
    ]


def test_invalid_dataset_raises_with_problems(write_toml) -> None:  # type: ignore[no-untyped-def]
    path = write_toml(MINI_TEXT.replace('kind = "summit"', 'kind = "sumit"', 1))
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    assert raised.value.problems == [
        Problem(
            "meeting reykjavik-1986",
            "kind",
            '"sumit" is not one of: summit, visit, conference, sidelines, informal, phone, video, ministerial',
        )
    ]


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


def test_json_null_in_a_required_field_is_a_problem_not_a_missing_meeting(tmp_path: Path) -> None:
    from tests.conftest import tomllib

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
    from tests.conftest import tomllib

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
