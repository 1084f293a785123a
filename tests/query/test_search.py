"""Search scoring: words folded, matched at word starts, ranked by field weight."""

from summits.model import Dataset
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
