import io

from rich.console import Console

from summits.output import fields
from summits.output import text as render


def test_control_and_bidi_characters_are_shown_escaped() -> None:
    assert render.escape_controls("a\x1b[31mb\rc\bd\u202ee") == "a\\x1b[31mb\\x0dc\\x08d\\u202ee"
    assert render.escape_controls("tab\tnew\nline") == "tab new line"
    assert render.escape_controls("keep\nline", keep_newlines=True) == "keep\nline"


def test_markup_in_data_is_printed_as_text() -> None:
    out = io.StringIO()
    Console(file=out, width=60, color_system=None).print(render.plain("[bold]x[/] [link=http://e.vil]y[/link]"))
    assert out.getvalue() == "[bold]x[/] [link=http://e.vil]y[/link]\n"


def test_spreadsheet_formulas_are_neutralised() -> None:
    assert [render.spreadsheet_safe(v) for v in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "ok", None)] == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok",
        "",
    ]
    assert render.spreadsheet_safe(["a", "b"]) == "a; b"


def test_compact_dates(mini) -> None:  # type: ignore[no-untyped-def]
    assert render.compact_dates(mini.meeting("reykjavik-1986")) == "1986-10-11–12"
    assert render.compact_dates(mini.meeting("bratislava-2005")) == "2005"


def test_meeting_data_follows_the_json_contract(mini) -> None:  # type: ignore[no-untyped-def]
    data = fields.meeting_data(mini.meeting("new-york-1988"))
    assert data == {
        "id": "new-york-1988",
        "date": "1988-12-07",
        "end_date": None,
        "date_precision": "day",
        "city": "New York",
        "country": "United States",
        "venue": "Governors Island",
        "kind": "informal",
        "event": None,
        "participants": [
            {"id": "reagan", "name": "Ronald Reagan", "country": "United States", "role": "President"},
            {
                "id": "bush-hw",
                "name": "George H. W. Bush",
                "country": "United States",
                "role": "Vice President and President-elect",
            },
            {
                "id": "gorbachev",
                "name": "Mikhail Gorbachev",
                "country": "Soviet Union",
                "role": "General Secretary of the Communist Party",
            },
        ],
        "topics": [],
        "agreements": [],
        "summary": "Lunch on Governors Island.",
        "sources": ["news-one"],
    }
