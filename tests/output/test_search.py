"""The search view: results with what matched, the query words highlighted."""

from rich.text import Text

from summits.output.search import HIGHLIGHT, highlighted


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
