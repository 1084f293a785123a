"""summits quote: the quotes of one meeting."""

from __future__ import annotations

import json

from tests.conftest import Runner


def test_quote_with_no_quotes_is_not_an_error(run: Runner) -> None:
    result = run("quote", "bratislava-2005", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "[]\n",
        "No quotes are recorded for bratislava-2005.\n",
    )


def test_quote_prints_speaker_text_context_source(run) -> None:  # type: ignore[no-untyped-def]
    result = run("quote", "helsinki-2018", "--format", "json")
    assert json.loads(result.stdout)[0] == {
        "meeting": "helsinki-2018",
        "speaker": "Donald Trump",
        "speaker_id": "trump",
        "speaker_role": None,
        "text": "I really think the world wants to see us get along.",
        "context": "before the talks",
        "source": "news-one",
    }
    table = run("quote", "helsinki-2018", "--speaker", "Peskov")
    assert "Dmitry Peskov (Kremlin" in table.stdout and "spokesman)" in table.stdout
    assert "“There is no clear agenda.”" in table.stdout
    assert "Donald Trump" not in table.stdout
