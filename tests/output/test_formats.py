"""The one dispatch of output formats: every Format has a writer, and emit() says what a view lacks."""

from __future__ import annotations

import pytest

from summits.output.formats import WRITERS, Format, emit, items_view


def test_every_format_has_exactly_one_writer() -> None:
    assert set(WRITERS) == set(Format)


def _numbers(items: list[int]) -> object:
    return items_view(
        items, lambda n: {"n": n}, ("n",), lambda n: (n,), lambda console: [str(n) for n in items], "None."
    )


@pytest.mark.parametrize(
    ("output", "stdout"),
    [
        (Format.json, '[\n  {\n    "n": 1\n  },\n  {\n    "n": -2\n  }\n]\n'),
        (Format.csv, "n\n1\n'-2\n"),
        (Format.table, "1\n-2\n"),
    ],
)
def test_emit_writes_the_view_in_the_format_asked_for(
    output: Format, stdout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    emit(_numbers([1, -2]), output, "note: a note", None)  # type: ignore[arg-type]
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (stdout, "note: a note\n")


@pytest.mark.parametrize(("output", "stdout"), [(Format.json, "[]\n"), (Format.csv, "n\n"), (Format.table, "")])
def test_an_empty_view_says_so_on_stderr(output: Format, stdout: str, capsys: pytest.CaptureFixture[str]) -> None:
    emit(_numbers([]), output)  # type: ignore[arg-type]
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (stdout, "None.\n")
