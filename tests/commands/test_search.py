"""summits search: words to meetings, best first, with the list filters."""

import json


def test_search_json_is_the_list_contract_with_score_and_matches(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "Iceland", "nuclear", "--format", "json")
    [data] = json.loads(result.stdout)
    assert data["id"] == "reykjavik-1986"
    assert set(data) >= {"id", "date", "end_date", "city", "country", "venue", "kind", "event", "participants",
                         "topics", "agreements", "summary", "sources"}  # fmt: skip
    assert data["score"] == 6
    assert data["matched"] == ["topics", "country", "summary"]
    assert data["matches"] == [
        {"field": "topics", "text": "nuclear arms"},
        {"field": "country", "text": "Iceland"},
        {"field": "summary", "text": "Talks on nuclear arms came close to abolishing ballistic missiles."},
    ]


def test_search_csv_adds_score_and_matched_fields(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "nuclear", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].endswith(",summary,sources,score,matched")
    assert [line.split(",")[0] for line in lines[1:]] == ["reykjavik-1986", "helsinki-2018"]
    assert lines[1].endswith(",4,topics; summary")
    assert lines[2].endswith(",3,topics")


def test_search_honours_the_list_filters(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "nuclear", "--from", "2000", "--format", "json")
    assert [m["id"] for m in json.loads(result.stdout)] == ["helsinki-2018"]
    result = run("search", "putin", "--leader", "Bush", "--format", "json")
    assert [m["id"] for m in json.loads(result.stdout)] == ["ljubljana-2001"]


def test_search_says_when_calls_would_match(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "telephone")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "No meetings match.\nnote: 1 phone/video call matches too; add --calls to include them.\n"
    result = run("search", "telephone", "--calls", "--format", "json")
    assert [m["id"] for m in json.loads(result.stdout)] == ["trump-putin-call-2025-02"]


def test_search_without_a_word_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "!!")
    assert result.exit_code == 2
    assert "give at least one word of letters or digits" in result.stderr


def test_search_the_shipped_dataset(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "SALT", "II", "--format", "json", data=None)
    assert result.exit_code == 0
    found = [m["id"] for m in json.loads(result.stdout)]
    assert "vienna-1979" in found
    assert found[0] == "vienna-1979"  # SALT II is its topic and its agreement
