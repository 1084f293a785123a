"""summits cite: a meeting's sources, one quote, or the dataset, in every style, on the mini dataset."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import Runner

TRAVELS = "https://history.state.gov/departmenthistory/travels/president/trump-donald-j"


def test_chicago_is_the_default_one_line_a_source(run: Runner) -> None:
    result = run("cite", "helsinki-2018", columns=60)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "“Travels of the President: Donald J. Trump, trip 3817.” Office of the Historian, U.S. Department of "
        f"State. {TRAVELS}.",
        "“A news report.” A Newspaper, June 2001.",
    ]  # each whole, never wrapped at the width: a line to paste


@pytest.mark.parametrize(
    ("style", "first"),
    [
        ("apa", f"Travels of the President: Donald J. Trump, trip 3817. (n.d.). Office of the Historian, U.S. "
                f"Department of State. {TRAVELS}"),
        ("mla", "“Travels of the President: Donald J. Trump, trip 3817.” Office of the Historian, U.S. Department "
                "of State, history.state.gov/departmenthistory/travels/president/trump-donald-j."),
        ("wikipedia", "{{cite web |title=Travels of the President: Donald J. Trump, trip 3817 |publisher=Office of "
                      f"the Historian, U.S. Department of State |url={TRAVELS}}}}}"),
    ],
)  # fmt: skip
def test_other_styles_give_one_citation_per_source_with_its_url(run: Runner, style: str, first: str) -> None:
    lines = run("cite", "helsinki-2018", "--style", style).stdout.splitlines()
    assert len(lines) == 2
    assert lines[0] == first


def test_csl_json_is_an_array_of_csl_items(run: Runner) -> None:
    items = json.loads(run("cite", "helsinki-2018", "--style", "csl-json").stdout)
    assert items == [
        {
            "id": "ooh-trip-3817",
            "type": "webpage",
            "title": "Travels of the President: Donald J. Trump, trip 3817",
            "publisher": "Office of the Historian, U.S. Department of State",
            "URL": TRAVELS,
        },
        {
            "id": "news-one",
            "type": "article-newspaper",
            "title": "A news report",
            "container-title": "A Newspaper",
            "issued": {"date-parts": [[2001, 6]]},
        },
    ]
    assert json.loads(run("cite", "helsinki-2018", "--style", "csl-json", "--format", "json").stdout) == items


def test_bibtex_entries_parse(run: Runner) -> None:
    text = run("cite", "helsinki-2018", "--style", "bibtex").stdout
    entries = re.findall(r"@(\w+)\{([^,\n]+),\n((?:  \w+ = .*\n)+)\}", text)
    assert [(kind, key) for kind, key, _ in entries] == [("misc", "ooh-trip-3817"), ("misc", "news-one")]
    fields = dict(re.findall(r"  (\w+) = (.*?),?\n", entries[1][2]))
    assert fields == {
        "title": "{A news report}",
        "organization": "{A Newspaper}",
        "year": "{2001}",
        "month": "jun",
        "date": "{2001-06}",
    }
    assert text.count("{") == text.count("}")


def test_a_quote_is_cited_with_its_speaker_translation_mark_and_source(run: Runner) -> None:
    result = run("cite", "helsinki-2018", "--quote", "1")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Donald Trump, 2018-07-16 (Helsinki, Finland): “")
    assert lines[1] == "“A news report.” A Newspaper, June 2001."
    assert run("cite", "helsinki-2018", "--quote", "9").stderr == (
        "summits: error: --quote 9: helsinki-2018 has 3 quotes; give a number from 1 to 3 (see summits quote "
        "helsinki-2018).\n"
    )


def test_the_dataset_cites_its_version_and_date(run: Runner) -> None:
    assert run("cite", "--dataset").stdout == (
        "“summits: meetings between American and Soviet or Russian leaders, version 0.2.0 (data as of November 30, "
        "2026).” The summits developers, November 30, 2026.\n"
    )


def test_an_unknown_meeting_or_a_missing_id_is_an_error(run: Runner) -> None:
    unknown = run("cite", "helsinky-2018")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("summits: error: unknown meeting id 'helsinky-2018'. Did you mean helsinki-2018")
    missing = run("cite")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "summits: error: give a meeting ID (summits cite helsinki-2018), or --dataset to cite the dataset.\n",
    )
