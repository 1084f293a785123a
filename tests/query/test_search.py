import json

from rich.text import Text

from summits.model import Dataset
from summits.output.search import HIGHLIGHT, highlighted
from summits.query import search


def ids(results: list[search.SearchResult]) -> list[tuple[str, int]]:
    return [(r.meeting.id, r.score) for r in results]


# ---------------------------------------------------------------- pure search


def test_query_words_are_folded_and_deduplicated() -> None:
    assert search.query_words("Nuclear  ARMS, nuclear") == ("nuclear", "arms")
    assert search.query_words("Höfði") == ("hofdi",)
    assert search.query_words("!!") == ()


def test_a_word_matches_at_the_start_of_a_word_only() -> None:
    text = "Talks on nuclear arms, not harm"
    assert search.match_spans(text, ["arm"]) == [(17, 20)]
    assert search.match_spans(text, ["nuclear", "arms"]) == [(9, 16), (17, 21)]


def test_matching_ignores_case_and_accents_and_maps_back_to_the_original_text() -> None:
    assert search.match_spans("Höfði House", search.query_words("hofdi HOUSE")) == [(0, 5), (6, 11)]
    assert search.match_spans("Gorbatchëv", ["gorbatchev"]) == [(0, 10)]


def test_results_rank_by_weighted_fields_then_chronologically(mini: Dataset) -> None:
    # Reykjavik: topics (3) and summary (1) for each of the two words; Helsinki: topics only.
    assert ids(search.search(mini, mini.meetings, "nuclear arms")) == [("reykjavik-1986", 8), ("helsinki-2018", 6)]
    # An event match (2) ranks above a summary match (1).
    assert ids(search.search(mini, mini.meetings, "summit")) == [("hamburg-2017", 2), ("helsinki-2018", 1)]
    # Equal scores stay in chronological order.
    assert ids(search.search(mini, mini.meetings, "putin")) == [
        ("ljubljana-2001", 1),
        ("hamburg-2017", 1),
        ("helsinki-2018", 1),
    ]


def test_every_word_must_match_somewhere(mini: Dataset) -> None:
    assert search.search(mini, mini.meetings, "nuclear soul") == []
    # The two words may match in different fields.
    assert ids(search.search(mini, mini.meetings, "Iceland nuclear")) == [
        ("reykjavik-1986", 6)
    ]  # country 2, topics 3, summary 1


def test_quotes_match_by_text_and_by_speaker(mini: Dataset) -> None:
    [soul] = search.search(mini, mini.meetings, "soul")
    assert (soul.meeting.id, soul.matched) == ("ljubljana-2001", ("quotes",))
    [peskov] = search.search(mini, mini.meetings, "kremlin spokesman")
    assert (peskov.meeting.id, peskov.score, peskov.matched) == ("helsinki-2018", 2, ("speakers",))
    assert [h.text for h in peskov.hits] == ["Dmitry Peskov (Kremlin spokesman)"]


def test_highlighting_styles_the_matches_and_never_reads_markup() -> None:
    text = highlighted("[bold]Höfði[/bold] house", ("hofdi", "house"))
    assert text.plain == "[bold]Höfði[/bold] house"
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(6, 11, HIGHLIGHT), (19, 24, HIGHLIGHT)]
    escaped = highlighted("nuclear\x1b[31m", ("nuclear",))
    assert escaped.plain == "nuclear\\x1b[31m"
    assert isinstance(escaped, Text)


# ---------------------------------------------------------------- the command


def test_search_table_at_80_columns_stacks_the_meeting_beside_its_matches(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "nuclear", "arms", columns=80)
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Meeting             Matches",
        "─" * 80,
        "reykjavik-1986      topics: nuclear arms",
        "1986-10-11–12       summary: Talks on nuclear arms came close to abolishing",
        "Reykjavik, Iceland  ballistic missiles.",
        "Ronald Reagan",
        "Mikhail Gorbachev",
        "score 8",
        "",
        "helsinki-2018       topics: nuclear arms",
        "2018-07-16",
        "Helsinki, Finland",
        "Donald Trump",
        "Vladimir Putin",
        "score 6",
    ]
    assert result.stderr == ""


def test_search_table_on_a_wide_terminal_has_a_column_each(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "soul", columns=160)
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].split() == ["ID", "Date", "Place", "Leaders", "Score", "Matches"]
    assert lines[2].split() == [
        "ljubljana-2001", "2001-06-16", "Kranj,", "Slovenia", "George", "W.", "Bush", "1",
        "George", "W.", "Bush:", "“I", "was", "able", "to", "get", "a", "sense", "of", "his", "soul.”",
    ]  # fmt: skip


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
