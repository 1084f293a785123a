"""summits tallies [ID]: every total a source reports, beside the figure listed on its own definition, with a
verdict and, where the two differ, the reason; one tally with the meetings behind it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.query.test_tallies import TALLIES_TEXT


@pytest.fixture
def tallied(write_toml) -> Path:  # type: ignore[no-untyped-def]
    return write_toml(TALLIES_TEXT, "tallies.toml")


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_tallies_table_at_80_columns(run: Runner) -> None:
    result = run("tallies", columns=80)
    assert (result.exit_code, result.stderr) == (0, "")
    assert lines_of(result.stdout) == [
        "Tally                          Reported  Listed  Verdict",
        "─" * 80,
        "George W. Bush – Vladimir             3       2  1 fewer listed than reported",
        "Putin                                            No definition found that gives",
        "talks, encounters; 2001-01-20                    the reported figure: a gap,",
        "to 2009-01-20                                    shown as it is.",
        "news-one-bush-putin-3",
    ]
    assert "not found" not in result.stdout


def test_one_tally_in_full_with_its_meetings(run: Runner) -> None:
    result = run("tallies", "news-one-bush-putin-3", columns=80)
    assert (result.exit_code, result.stderr) == (0, "")
    lines = lines_of(result.stdout)
    assert lines[:12] == [
        "news-one-bush-putin-3",
        "Leaders      George W. Bush – Vladimir Putin",
        "Source says  “met three times”",
        "Source       A news report, A Newspaper [news-one]",
        "Definition   Meetings of Bush and Putin during Bush's two terms.",
        "Counted on   talks, encounters; 2001-01-20 to 2009-01-20, leaders in office on",
        "             the day",
        "Reported     3",
        "Listed       2",
        "Verdict      1 fewer listed than reported",
        "Why          No definition found that gives the reported figure: a gap, shown as",
        "             it is.",
    ]
    assert lines[13] == "Listed on its definition"
    assert [line.split()[0] for line in lines[16:] if line and not line.startswith(" ")] == [
        "ljubljana-2001",
        "bratislava-2005",
    ]


def test_tallies_json_has_the_documented_fields(run: Runner) -> None:
    result = run("tallies", "--format", "json")
    assert json.loads(result.stdout) == [
        {
            "id": "news-one-bush-putin-3",
            "leaders": ["bush-gw", "putin"],
            "from": "2001-01-20",
            "to": "2009-01-20",
            "contact": ["talks", "encounter"],
            "kinds": [],
            "qualifier": "exactly",
            "reported": 3,
            "listed": 2,
            "verdict": "differs",
            "difference": -1,
            "meetings": ["ljubljana-2001", "bratislava-2005"],
            "words": "met three times",
            "language": "en",
            "definition": "Meetings of Bush and Putin during Bush's two terms.",
            "explanation": "No definition found that gives the reported figure: a gap, shown as it is.",
            "alternatives": [],
            "source": "news-one",
        }
    ]
    one = json.loads(run("tallies", "news-one-bush-putin-3", "--format", "json").stdout)
    assert one == json.loads(result.stdout)[0]


def test_tallies_csv_is_one_row_per_tally(run: Runner, tallied: Path) -> None:
    result = run("tallies", "--leader", "Gorbachev", "--format", "csv", data=tallied)
    assert result.stdout.splitlines() == [
        "id,leaders,from,to,contact,kinds,qualifier,reported,listed,verdict,meetings,words,definition,explanation,"
        "source",
        "bush-gorbachev-1,bush-hw; gorbachev,1981-01-20,1993-01-20,talks; encounter,,exactly,1,0,differs,,met once,"
        'Meetings of George H. W. Bush and Gorbachev.,"Counting talks only, with leaders out of office too gives 1 '
        '(adds new-york-1988).",news-one',
        "gorbachev-with-presidents-2,gorbachev,1985-03-11,1991-12-25,talks; encounter,,more than,1,2,agrees,"
        "reykjavik-1986; new-york-1988,met American presidents more than once,Gorbachev's meetings with any U.S. "
        "president.,,news-one",
    ]


def test_leader_and_differs_narrow_the_list(run: Runner, tallied: Path) -> None:
    def ids(*args: str) -> list[str]:
        result = run("tallies", *args, "--format", "json", data=tallied)
        assert result.exit_code == 0
        return [t["id"] for t in json.loads(result.stdout)]

    assert ids() == [
        "news-one-bush-putin-3",
        "trump-putin-first-term-2",
        "trump-putin-summits-1",
        "trump-putin-calls-2025",
        "bush-gorbachev-1",
        "gorbachev-with-presidents-2",
        "all-leaders-about-5",
    ]
    assert ids("--leader", "Trump", "--leader", "Putin") == [  # repeated: tallies naming all of them
        "trump-putin-first-term-2",
        "trump-putin-summits-1",
        "trump-putin-calls-2025",
    ]
    assert ids("--differs") == ["news-one-bush-putin-3", "trump-putin-first-term-2", "bush-gorbachev-1"]
    assert ids("--leader", "Putin", "--differs") == ["news-one-bush-putin-3", "trump-putin-first-term-2"]


def test_a_differing_tally_gives_its_reason_and_the_definitions_that_fit(run: Runner, tallied: Path) -> None:
    result = run("tallies", "trump-putin-first-term-2", "--format", "json", data=tallied)
    data = json.loads(result.stdout)
    assert (data["reported"], data["listed"], data["verdict"], data["meetings"]) == (2, 1, "differs", ["helsinki-2018"])
    assert data["explanation"] == (
        "Counts the G20 in Hamburg, where no source reports a conversation. Counting talks, encounters and events "
        "both only attended gives 2 (adds hamburg-2017)."
    )
    assert data["alternatives"][0] == {
        "definition": "talks, encounters and events both only attended",
        "adds": ["hamburg-2017"],
        "drops": [],
    }


def test_nothing_matching_is_not_an_error(run: Runner) -> None:
    result = run("tallies", "--leader", "Trump", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "No reported tallies match.\n")


def test_an_unknown_tally_id_suggests_the_closest(run: Runner) -> None:
    result = run("tallies", "news-one")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "summits: error: unknown tally id 'news-one'. Did you mean news-one-bush-putin-3?\n"


def test_a_shipped_tally_shows_the_meetings_behind_it(run: Runner) -> None:
    result = run("tallies", "ap-2025-bush-putin-28", "--format", "json", data=None)
    data = json.loads(result.stdout)
    assert (data["leaders"], data["from"], data["to"]) == (["bush-gw", "putin"], "2001-01-20", "2009-01-20")
    assert data["contact"] == ["talks", "encounter", "attended"]
    assert (data["reported"], data["listed"], len(data["meetings"])) == (28, 29, 29)
    assert data["meetings"][0] == "brdo-2001" and data["meetings"][-1] == "beijing-2008"
    assert "evian-2003" in data["meetings"] and data["source"] == "seed-ap-2025"
    table = run("tallies", "ap-2025-bush-putin-28", columns=120, data=None)
    assert "Listed on its definition" in table.stdout and "evian-2003" in table.stdout
