"""summits show: everything about one meeting."""

from __future__ import annotations

import json


def test_show_json_expands_sources_and_disputes(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("show", "hamburg-2017", "--format", "json").stdout)
    assert data["disputes"][0]["claims"] == [
        {"claim": "June 7, 2017", "source": "news-one"},
        {"claim": "July 2017", "source": "ooh-trip-3817"},
    ]
    assert data["sources"] == [
        {
            "id": "news-one",
            "kind": "news",
            "title": "A news report",
            "publisher": "A Newspaper",
            "date": "2001-06",
            "url": None,
        }
    ]


def test_show_table_lists_everything(run) -> None:  # type: ignore[no-untyped-def]
    out = run("show", "hamburg-2017").stdout
    for expected in ("hamburg-2017", "2017-07-07", "Hamburg, Germany", "G20 summit", "Donald Trump: President, United States",
                     "Disagreements between sources", "June 7, 2017 [news-one]", "A news report (A Newspaper, 2001-06)"):  # fmt: skip
        assert expected in out


def test_unknown_meeting_id_suggests_the_closest(run) -> None:  # type: ignore[no-untyped-def]
    result = run("quote", "helsinki-2019")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "summits: error: unknown meeting id 'helsinki-2019'. Did you mean helsinki-2018?\n"
