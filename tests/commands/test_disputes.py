"""summits disputes: every recorded disagreement between sources."""

import json


def test_disputes_table(run) -> None:  # type: ignore[no-untyped-def]
    result = run("disputes", columns=80)
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "hamburg-2017  2017-07-07  Hamburg, Germany  field: date",
        "  Claim  June 7, 2017  [news-one]",
        "  Claim  July 2017  [ooh-trip-3817]",
        "  Used   2017-07-07",
        "  Why    The official record puts the trip on July 6-8, 2017.",
    ]
    assert result.stderr == ""


def test_disputes_json_and_csv(run) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(run("disputes", "--format", "json").stdout) == [
        {
            "meeting": "hamburg-2017",
            "date": "2017-07-07",
            "field": "date",
            "value": "2017-07-07",
            "reason": "The official record puts the trip on July 6-8, 2017.",
            "claims": [
                {"claim": "June 7, 2017", "source": "news-one"},
                {"claim": "July 2017", "source": "ooh-trip-3817"},
            ],
        }
    ]
    assert run("disputes", "--format", "csv").stdout.splitlines() == [
        "meeting,date,field,value,reason,claims,claim_sources",
        'hamburg-2017,2017-07-07,date,2017-07-07,"The official record puts the trip on July 6-8, 2017.",'
        '"June 7, 2017; July 2017",news-one; ooh-trip-3817',
    ]


def test_disputes_honour_the_filters(run) -> None:  # type: ignore[no-untyped-def]
    result = run("disputes", "--leader", "Reagan")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No disagreements match.\n")
    result = run("disputes", "--field", "city")
    assert result.stderr == "No disagreements match.\n"
    result = run("disputes", "--leader", "Trump", "--field", "DATE", "--format", "csv")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["meeting", "hamburg-2017"]


def test_disputes_on_the_shipped_dataset(run) -> None:  # type: ignore[no-untyped-def]
    from summits.dataset.files import load

    every = sum(len(m.disputes) for m in load(None).meetings)
    result = run("disputes", "--format", "json", data=None)
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == every
    assert run("disputes", data=None, columns=80).exit_code == 0
