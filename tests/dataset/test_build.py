from pathlib import Path

import pytest

from summits.dataset.files import DataFileError, InvalidDataset, Problem, check, load
from summits.model import PartialDate, parse_date

from ..conftest import MINI_TEXT


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

    from ..conftest import tomllib

    path = tmp_path / "mini.json"
    path.write_text(json.dumps(tomllib.loads(MINI_TEXT)), encoding="utf-8")
    from ..conftest import MINI

    assert load(path) == load(MINI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-07-16", PartialDate(2018, 7, 16)),
        ("2001-06", PartialDate(2001, 6)),
        ("2005", PartialDate(2005)),
        ("2019-02-30", None),
        ("2019-13", None),
        ("2019-00", None),
        ("2019-02-00", None),
        ("2020-02", PartialDate(2020, 2)),
        ("20x5", None),
        ("2018-7-16", None),
        (2018, None),
    ],
)
def test_parse_date(text: object, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"nope\.toml: no such file"):
        load(tmp_path / "nope.toml")


def test_toml_syntax_error_gives_line_and_column(write_toml) -> None:  # type: ignore[no-untyped-def]
    path = write_toml('schema_version = 1\n[[leaders]]\nid = "x\n')
    with pytest.raises(DataFileError, match=r"TOML syntax error: .*line 3, column"):
        load(path)


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
