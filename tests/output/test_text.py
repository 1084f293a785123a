"""Text from the data shown as text: escaped controls, no markup, safe CSV cells, whatever the data holds."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from summits.dataset.files import InvalidDataset, load
from summits.output import fields
from summits.output import text as render
from summits.output.meetings import meeting_panel, meetings_table
from summits.output.problems import problems_table
from summits.output.quotes import quotes_table
from tests.conftest import MINI_TEXT, Runner, error_of, invoke
from tests.dataset.test_build import broken


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


# ================================================================ 6. hostile text in the data is shown as text

HOSTILE = {
    "markup": "[bold red]loud[/] [/] [link=https://example.com/x]click[/link] [blink]x",
    "escape": "\x1b[31mred\x1b[0m \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\ \x1b[2J",
    "carriage_return": "visible\rhidden",
    "backspace": "abc\b\b\bxyz",
    "bidi": "\u202eevil\u202c \u2066isolate\u2069",
    "bell_and_del": "ring\x07 del\x7f c1\x9b31m",
}
LONG_WORD = "Llanfairpwllgwyngyll" * 15  # 300 characters without a space


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \u escapes is also a valid TOML basic string


def hostile_dataset(tmp_path: Path) -> Path:
    text = (
        MINI_TEXT.replace('"Summit with a joint news conference."', toml_string(" ".join(HOSTILE.values())))
        .replace('city = "Helsinki"', f"city = {toml_string(HOSTILE['markup'])}")
        .replace('country = "Finland"', f"country = {toml_string(HOSTILE['bidi'])}")
        .replace('venue = "Presidential Palace"', f"venue = {toml_string(HOSTILE['escape'])}")
        .replace('"There is no clear agenda."', toml_string(HOSTILE["carriage_return"] + HOSTILE["bidi"]))
        .replace('context = "before the summit"', f"context = {toml_string(HOSTILE['backspace'])}")
        .replace('name = "Dmitry Peskov"', f"name = {toml_string(HOSTILE['bell_and_del'])}")
        .replace('city = "Hamburg"', f'city = "{LONG_WORD}"')
        .replace('event = "G20 summit"', f'event = "{LONG_WORD}"')
        .replace('topics = ["election interference", "nuclear arms"]', f'topics = ["{LONG_WORD}", "[red]x[/red]"]')
    )
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_only_text(shown: str) -> None:
    """No character that a terminal would act on: no ESC, CR, BS, BEL, DEL, C1 controls or bidi overrides."""
    for char in shown:
        if char == "\n":
            continue
        code = ord(char)
        assert code >= 0x20, repr(char)
        assert not 0x7F <= code < 0xA0, repr(char)
        assert code not in (0x061C, 0x200E, 0x200F) and not 0x202A <= code <= 0x202E, repr(char)
        assert not 0x2066 <= code <= 0x2069, repr(char)


ESCAPED = {
    "markup": HOSTILE["markup"],
    "escape": "\\x1b[31mred\\x1b[0m \\x1b]8;;https://example.com\\x1b\\link\\x1b]8;;\\x1b\\ \\x1b[2J",
    "carriage_return": "visible\\x0dhidden",
    "backspace": "abc\\x08\\x08\\x08xyz",
    "bidi": "\\u202eevil\\u202c \\u2066isolate\\u2069",
    "bell_and_del": "ring\\x07 del\\x7f c1\\x9b31m",
}


def test_escape_controls_shows_every_control_as_text() -> None:
    for name, text in HOSTILE.items():
        assert render.escape_controls(text) == ESCAPED[name]
        assert render.plain(text).plain == ESCAPED[name]


@pytest.mark.parametrize("width", [80, 120])
def test_hostile_text_in_a_table_changes_nothing_but_the_text(tmp_path: Path, width: int) -> None:
    dataset = load(hostile_dataset(tmp_path))
    helsinki = dataset.meeting("helsinki-2018")
    assert helsinki is not None
    # A colour terminal: our own styles may emit ANSI codes, the data may not.
    console = Console(record=True, width=width, force_terminal=True, color_system="standard", highlight=False)
    console.print(meetings_table(list(dataset.meetings), width))
    console.print(meeting_panel(dataset, helsinki))
    console.print(quotes_table(dataset, helsinki.quotes))
    raw = console.export_text(styles=True, clear=False)
    assert "\x1b]8;" not in raw  # no hyperlink, neither the data's [link=...] nor its OSC 8 sequence
    assert "\x1b[31m" not in raw and "\x1b[5m" not in raw and "\x1b[2J" not in raw  # no red, blink or clear
    shown = console.export_text()
    assert_only_text(shown)
    assert all(len(line) <= width for line in shown.splitlines()), max(shown.splitlines(), key=len)
    flat = "".join(shown.split())  # the table wraps long cells; the text survives, escaped, in full
    for name in ("markup", "escape", "bidi"):
        assert "".join(ESCAPED[name].split()) in flat, name
    assert "".join(ESCAPED["carriage_return"].split()) in flat
    assert "abc\\x08\\x08\\x08xyz" in flat
    assert LONG_WORD in flat


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["list", "--calls"], "[link=https://example.com/x]click[/link]"),
        (["show", "helsinki-2018"], "\\x1b[31mred\\x1b[0m"),
        (["show", "hamburg-2017"], LONG_WORD),
        (["quote", "helsinki-2018"], "visible\\x0dhidden"),
        (["count", "--by", "country"], "\\u202eevil\\u202c"),
    ],
)
@pytest.mark.parametrize("columns", [80, 120])
def test_hostile_text_through_the_cli_prints_as_text(
    tmp_path: Path, command: list[str], shown: str, columns: int
) -> None:
    result = invoke("--data", str(hostile_dataset(tmp_path)), *command, columns=columns)
    assert result.exit_code == 0
    assert_only_text(result.stdout)
    assert_only_text(result.stderr)
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    assert "".join(shown.split()) in "".join(result.stdout.split())  # wrapped at the table's width, but all there


def test_json_keeps_the_exact_original_text(tmp_path: Path) -> None:
    path = hostile_dataset(tmp_path)
    listed = json.loads(invoke("--data", str(path), "list", "--format", "json").stdout)
    helsinki = next(m for m in listed if m["id"] == "helsinki-2018")
    assert helsinki["summary"] == " ".join(HOSTILE.values())
    assert helsinki["city"] == HOSTILE["markup"]
    assert helsinki["venue"] == HOSTILE["escape"]
    assert next(m for m in listed if m["id"] == "hamburg-2017")["city"] == LONG_WORD
    quotes = json.loads(invoke("--data", str(path), "quote", "helsinki-2018", "--format", "json").stdout)
    assert quotes[2]["text"] == HOSTILE["carriage_return"] + HOSTILE["bidi"]
    assert quotes[2]["context"] == HOSTILE["backspace"]
    assert quotes[2]["speaker"] == HOSTILE["bell_and_del"]


def test_hostile_text_in_a_users_argument_is_shown_as_text(run: Runner) -> None:
    result = run("list", "--leader", "[bold]\x1b[31mPutn\u202e")
    assert result.exit_code == 2
    assert_only_text(result.stderr)
    assert result.stderr.startswith("summits: error: unknown leader '[bold]\\x1b[31mPutn\\u202e'")


def test_hostile_text_in_problem_reports_is_shown_as_text(tmp_path: Path) -> None:
    path = tmp_path / "meetings.toml"
    path.write_text(
        broken('id = "helsinki-2018"', f"id = {toml_string('[bold]x' + chr(27) + '[2J')}")
        + '\n"[link=https://example.com]k\\u001b" = 1\n',
        encoding="utf-8",
    )
    stderr = error_of(path)
    assert_only_text(stderr)
    assert "[bold]x\\x1b[2J" in stderr
    assert "[link=https://example.com]k\\x1b" in stderr
    table = Console(record=True, width=200, force_terminal=True, color_system="standard")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    table.print(problems_table(raised.value.problems))
    assert "\x1b]8;" not in table.export_text(styles=True)
