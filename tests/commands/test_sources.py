"""summits sources: every source with what cites it."""

import json


def test_sources_table_at_80_columns(run) -> None:  # type: ignore[no-untyped-def]
    result = run("sources", columns=80)
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Source                                                                Cited by",
        "─" * 80,
        "ooh-trip-3817  official                                               1 meeting",
        "Travels of the President: Donald J. Trump, trip 3817                  1 claim",
        "Office of the Historian, U.S. Department of State",
        "https://history.state.gov/departmenthistory/travels/president/trump-",
        "donald-j",
        "",
        "news-one  news                                                        7 meetings",
        "A news report                                                         4 quotes",
        "A Newspaper, 2001-06                                                  1 claim",
        "                                                                      1 tally",
    ]


def test_sources_table_on_a_wide_terminal_has_a_column_per_kind_of_record(run) -> None:  # type: ignore[no-untyped-def]
    lines = [line.rstrip() for line in run("sources", columns=140).stdout.splitlines() if line.strip()]
    assert lines[0].split() == ["ID", "Kind", "Source", "Meetings", "Quotes", "Claims", "Tallies"]
    assert lines[-2].split() == ["news-one", "news", "A", "news", "report", "7", "4", "1", "1"]


def test_sources_json_and_csv(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("sources", "--format", "json").stdout)
    assert data[1] == {
        "id": "news-one",
        "kind": "news",
        "title": "A news report",
        "publisher": "A Newspaper",
        "date": "2001-06",
        "url": None,
        "cited_by": {"meetings": 7, "quotes": 4, "claims": 1, "tallies": 1},
    }
    assert run("sources", "--format", "csv").stdout.splitlines() == [
        "id,kind,title,publisher,date,url,meetings,quotes,claims,tallies",
        'ooh-trip-3817,official,"Travels of the President: Donald J. Trump, trip 3817",'
        '"Office of the Historian, U.S. Department of State",,'
        "https://history.state.gov/departmenthistory/travels/president/trump-donald-j,1,0,1,0",
        "news-one,news,A news report,A Newspaper,2001-06,,7,4,1,1",
    ]


def test_sources_by_kind_and_uncited(run) -> None:  # type: ignore[no-untyped-def]
    result = run("sources", "--kind", "official", "--format", "csv")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["id", "ooh-trip-3817"]
    result = run("sources", "--uncited")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No sources match.\n")
    assert run("sources", "--kind", "blog").exit_code == 2


def test_sources_on_the_shipped_dataset(run) -> None:  # type: ignore[no-untyped-def]
    result = run("sources", "--format", "json", data=None)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) > 100
    ap = next(s for s in data if s["id"] == "seed-ap-2025")
    assert ap["cited_by"]["tallies"] >= 5
    assert run("sources", data=None, columns=80).exit_code == 0
