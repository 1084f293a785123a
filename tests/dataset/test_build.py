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


def test_the_file_gives_the_data_version_and_as_of_date(mini) -> None:  # type: ignore[no-untyped-def]
    assert (mini.schema_version, mini.version, str(mini.as_of)) == (2, "0.2.0", "2026-11-30")


def test_every_record_has_its_contact_level_and_kind(mini) -> None:  # type: ignore[no-untyped-def]
    assert [(m.id, m.kind.value, m.contact.value) for m in mini.meetings] == [
        ("reykjavik-1986", "summit", "talks"),
        ("new-york-1988", "visit", "talks"),
        ("ljubljana-2001", "summit", "talks"),
        ("bratislava-2005", "summit", "talks"),
        ("hamburg-2017", "sidelines", "talks"),
        ("helsinki-2018", "summit", "talks"),
        ("trump-putin-call-2025-02", "phone", "call"),
    ]


def test_in_office_and_between_leaders_are_derived_from_the_offices(mini) -> None:  # type: ignore[no-untyped-def]
    new_york = mini.meeting("new-york-1988")
    assert [(p.leader.id, p.role, p.is_president, p.in_office) for p in new_york.participants] == [
        ("reagan", "President", True, True),
        ("bush-hw", "Vice President and President-elect", False, False),  # a role override, still not a leader
        ("gorbachev", "General Secretary of the Communist Party", False, True),
    ]
    assert new_york.between_leaders
    assert all(m.between_leaders for m in mini.meetings)


def test_yeltsin_as_president_of_the_rsfsr_holds_no_leaders_office(write_toml) -> None:  # type: ignore[no-untyped-def]
    """July 1991: Yeltsin was president of a Soviet republic, not of Russia; the meeting counts, as Bush and
    Gorbachev's, and Yeltsin is shown with his role."""
    text = (
        MINI_TEXT.replace(
            "\n[[sources]]",
            """
[[leaders]]
id = "yeltsin"
name = "Boris Yeltsin"
country = "RU"
offices = [
  { title = "President of the RSFSR", country = "RU", start = "1991-07-10", end = "1991-12-25" },
  { title = "President", country = "RU", start = "1991-12-25", end = "1999-12-31" },
]

[[sources]]""",
            1,
        )
        + """
[[meetings]]
id = "moscow-1991"
date = "1991-07-30"
city = "Moscow"
country = "Soviet Union"
kind = "summit"
contact = "talks"
participants = ["bush-hw", "gorbachev", "yeltsin"]
summary = "START signed."
sources = ["news-one"]

[[meetings]]
id = "camp-david-1992"
date = "1992-02-01"
city = "Camp David"
country = "United States"
kind = "summit"
contact = "talks"
participants = ["bush-hw", "yeltsin"]
summary = "First summit with the President of Russia."
sources = ["news-one"]
"""
    )
    dataset = load(write_toml(text))
    moscow, camp_david = dataset.meeting("moscow-1991"), dataset.meeting("camp-david-1992")
    assert [(p.leader.id, p.role, p.country, p.in_office) for p in moscow.participants] == [
        ("bush-hw", "President", "US", True),
        ("gorbachev", "General Secretary of the Communist Party and President", "SU", True),
        ("yeltsin", "President of the RSFSR", "RU", False),
    ]
    assert moscow.between_leaders
    assert [(p.leader.id, p.role, p.in_office) for p in camp_david.participants] == [
        ("bush-hw", "President", True),
        ("yeltsin", "President", True),
    ]


def test_a_quotes_language_is_its_speakers_sides_unless_the_file_says(write_toml) -> None:  # type: ignore[no-untyped-def]
    text = MINI_TEXT.replace(
        'text = "There is no clear agenda."', 'text = "There is no clear agenda."\nlanguage = "ru"'
    ).replace(
        'text = "I was able to get a sense of his soul."',
        'text = "I was able to get a sense of his soul."\nalso_in = ["ooh-trip-3817"]\n'
        'variants = [{ text = "a sense of his soul", source = "ooh-trip-3817" }]',
    )
    dataset = load(write_toml(text))
    helsinki = dataset.meeting("helsinki-2018")
    assert [(q.speaker or q.speaker_name, q.language, q.translated) for q in helsinki.quotes] == [
        ("trump", "en", False),
        ("putin", "ru", True),  # derived: a Russian leader
        ("Dmitry Peskov", "ru", True),  # given in the file: anyone else is "en" unless it says otherwise
    ]
    [soul] = dataset.meeting("ljubljana-2001").quotes
    assert (soul.also_in, [(v.text, v.source) for v in soul.variants]) == (
        ("ooh-trip-3817",),
        [("a sense of his soul", "ooh-trip-3817")],
    )


def test_a_tally_may_name_any_number_of_leaders_and_a_source_may_be_a_primary_record(write_toml) -> None:  # type: ignore[no-untyped-def]
    text = MINI_TEXT.replace('leaders = ["bush-gw", "putin"]', "leaders = []").replace(
        'kind = "official"', 'kind = "primary"'
    )
    dataset = load(write_toml(text))
    [tally] = dataset.tallies
    assert (tally.id, tally.leaders, tally.qualifier, tally.language, tally.kinds, tally.titles) == (
        "news-one-bush-putin-3",
        (),
        "exactly",
        "en",
        (),
        (),
    )
    assert dataset.source("ooh-trip-3817").kind == "primary"
    three = load(
        write_toml(MINI_TEXT.replace('leaders = ["bush-gw", "putin"]', 'leaders = ["bush-gw", "putin", "trump"]'))
    )
    assert three.tallies[0].leaders == ("bush-gw", "putin", "trump")


def test_a_tally_naming_no_leader_survives_the_json_round_trip(write_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from summits.dataset.build import build
    from summits.dataset.document import to_document

    dataset = load(write_toml(MINI_TEXT.replace('leaders = ["bush-gw", "putin"]', "leaders = []")))
    assert build(json.loads(json.dumps(to_document(dataset)))) == (dataset, [])


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
            '"sumit" is not one of: summit, visit, conference, sidelines, phone, video, ministerial',
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
        [Problem("tally news-one-bush-putin-3", "number", "must be an integer, not a string")],
    ),
    "wrong type: list of values given as a string": (
        'contact = ["talks", "encounter"]',
        'contact = "talks"',
        [Problem("tally news-one-bush-putin-3", "contact", "must be a list of strings, not a string")],
    ),
    "bad value: tally contact level": (
        'contact = ["talks", "encounter"]',
        'contact = ["talks", "meeting"]',
        [
            Problem(
                "tally news-one-bush-putin-3", "contact", '"meeting" is not one of: talks, encounter, attended, call'
            )
        ],
    ),
    "bad value: contact level of a call": (
        'kind = "phone"\ncontact = "call"',
        'kind = "phone"\ncontact = "talks"',
        [
            Problem(
                "meeting trump-putin-call-2025-02",
                "contact",
                '"talks" does not go with kind "phone": a call is contact "call", and only a call',
            )
        ],
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
        "schema_version = 2",
        "schema_version = 1",
        [Problem("file", "schema_version", "must be 2, not 1")],
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
        'end = "2009-01-20"\ncontact',
        'end = "1999-01-20"\ncontact',
        [Problem("tally news-one-bush-putin-3", "end", "1999-01-20 is before start 2001-01-20")],
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
    "missing required field: contact level": (
        'kind = "sidelines"\ncontact = "talks"\n',
        'kind = "sidelines"\n',
        [Problem("meeting hamburg-2017", "contact", "missing (required)")],
    ),
    "bad value: contact level": (
        'kind = "sidelines"\ncontact = "talks"',
        'kind = "sidelines"\ncontact = "met"',
        [Problem("meeting hamburg-2017", "contact", '"met" is not one of: talks, encounter, attended, call')],
    ),
    "bad value: contact call without a call kind": (
        'kind = "summit"\ncontact = "talks"\nparticipants = ["trump"',
        'kind = "summit"\ncontact = "call"\nparticipants = ["trump"',
        [
            Problem(
                "meeting helsinki-2018",
                "contact",
                '"call" does not go with kind "summit": a call is contact "call", and only a call',
            )
        ],
    ),
    "bad value: the informal kind is gone": (
        'kind = "visit"',
        'kind = "informal"',
        [
            Problem(
                "meeting new-york-1988",
                "kind",
                '"informal" is not one of: summit, visit, conference, sidelines, phone, video, ministerial',
            )
        ],
    ),
    "bad value: data version": (
        'version = "0.2.0"',
        'version = "0.2"',
        [Problem("file", "version", '"0.2" is not a version: use MAJOR.MINOR.PATCH, e.g. 0.2.0')],
    ),
    "bad value: as-of date": (
        'as_of = "2026-11-30"',
        'as_of = "2026-11-31"',
        [
            Problem(
                "file",
                "as_of",
                '"2026-11-31" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)',
            )
        ],
    ),
    "bad value: tally qualifier": (
        "number = 3",
        'qualifier = "roughly"\nnumber = 3',
        [
            Problem(
                "tally news-one-bush-putin-3",
                "qualifier",
                '"roughly" is not one of: exactly, more than, at least, about',
            )
        ],
    ),
    "bad value: tally language": (
        'words = "met three times"',
        'words = "met three times"\nlanguage = "Russian"',
        [
            Problem(
                "tally news-one-bush-putin-3",
                "language",
                '"Russian" is not a two-letter language code (ISO 639-1), such as "en" or "ru"',
            )
        ],
    ),
    "bad value: tally kinds": (
        'definition = "Meetings of Bush',
        'kinds = ["informal"]\ndefinition = "Meetings of Bush',
        [
            Problem(
                "tally news-one-bush-putin-3",
                "kinds",
                '"informal" is not one of: summit, visit, conference, sidelines, phone, video, ministerial',
            )
        ],
    ),
    "empty list: tally contact levels": (
        'contact = ["talks", "encounter"]',
        "contact = []",
        [Problem("tally news-one-bush-putin-3", "contact", "needs at least one value")],
    ),
    "missing required field: tally leaders": (
        'leaders = ["bush-gw", "putin"]\nstart',
        "start",
        [Problem("tally news-one-bush-putin-3", "leaders", "missing (required)")],
    ),
    "missing required field: tally definition": (
        'definition = "Meetings of Bush and Putin during Bush\'s two terms."\n',
        "",
        [Problem("tally news-one-bush-putin-3", "definition", "missing (required)")],
    ),
    "bad value: tally id": (
        'id = "news-one-bush-putin-3"',
        'id = "News One"',
        [
            Problem(
                "tally News One", "id", '"News One" is not a valid tally id (lower-case letters, digits and hyphens)'
            )
        ],
    ),
    "bad value: quote language": (
        'text = "successful and useful"',
        'text = "successful and useful"\nlanguage = "rus"',
        [
            Problem(
                "meeting helsinki-2018 quote #2",
                "language",
                '"rus" is not a two-letter language code (ISO 639-1), such as "en" or "ru"',
            )
        ],
    ),
    "dangling reference: quote also printed in": (
        'text = "I really think the world wants to see us get along."',
        'text = "I really think the world wants to see us get along."\nalso_in = ["news-two"]',
        [
            Problem(
                "meeting helsinki-2018 quote #1", "also_in", "unknown source \"news-two\" (did you mean 'news-one'?)"
            )
        ],
    ),
    "dangling reference: quote variant source": (
        'text = "I was able to get a sense of his soul."',
        'text = "I was able to get a sense of his soul."\nvariants = [{ text = "a sense of his soul", source = "news-two" }]',
        [
            Problem(
                "meeting ljubljana-2001 quote #1 variant #1",
                "source",
                "unknown source \"news-two\" (did you mean 'news-one'?)",
            )
        ],
    ),
    "dangling reference: tally leader": (
        'leaders = ["bush-gw", "putin"]',
        'leaders = ["bush-gw", "medvedev"]',
        [Problem("tally news-one-bush-putin-3", "leaders", 'unknown leader "medvedev"')],
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
                '"sideline" is not one of: summit, visit, conference, sidelines, phone, video, ministerial',
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
    assert problems[0].message.startswith("unknown key (expected one of: agreements, city, contact, country, date,")
