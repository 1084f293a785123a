"""The Markdown export: a document to read, with data text escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summits.export.markdown import md
from tests.commands.test_export import Run, _export
from tests.conftest import MINI_TEXT

# ---------------------------------------------------------------- Markdown


def test_markdown_starts_with_a_title_and_the_first_meeting(run: Run) -> None:
    result = _export(run, "markdown", "-")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:18] == [
        "# Meetings of U.S. presidents with Soviet and Russian leaders",
        "",
        "7 meetings, 1986-10-11 to 2025-02-12, in chronological order, with 6 leaders and 2 sources. Phone and "
        "video calls are included and marked as such. Each role is the office the person held on the day. Quotes "
        "are verbatim from the source named beside them.",
        "",
        "## 1986-10-11 to 1986-10-12: Reykjavik, Iceland",
        "",
        "- **Id:** `reykjavik-1986`",
        "- **Kind:** summit",
        "- **Venue:** Höfði House",
        "- **Participants:** Ronald Reagan (President, United States); Mikhail Gorbachev (General Secretary of the "
        "Communist Party, Soviet Union)",
        "- **Topics:** nuclear arms, missile defense",
        "",
        "Talks on nuclear arms came close to abolishing ballistic missiles.",
        "",
        "### Sources",
        "",
        "- `news-one`: A news report (A Newspaper, 2001-06)",
        "",
    ]


def test_markdown_has_every_meeting_quote_dispute_and_source_url(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mini.md"
    assert _export(run, "markdown", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1986-10-11 to 1986-10-12: Reykjavik, Iceland",
        "## 1988-12-07: New York, United States",
        "## 2001-06-16: Kranj, Slovenia",
        "## 2005: Bratislava, Slovakia",
        "## 2017-07-07: Hamburg, Germany",
        "## 2018-07-16: Helsinki, Finland",
        "## 2025-02-12: (phone call)",
        "## Leaders",
        "## Totals reported by sources",
    ]
    assert "> — Dmitry Peskov (Kremlin spokesman), before the summit (source: `news-one`)" in text
    assert "- **date:** this dataset uses 2017-07-07. The official record puts the trip on July 6-8, 2017." in text
    assert "  - `ooh-trip-3817`: July 2017" in text
    assert (
        "- `ooh-trip-3817`: Travels of the President: Donald J. Trump, trip 3817 (Office of the Historian, "
        "U.S. Department of State) <https://history.state.gov/departmenthistory/travels/president/trump-donald-j>"
    ) in text
    assert (
        "- George W. Bush and Vladimir Putin, 2001-01-20 to 2009-01-20, in person: 3 (source: `news-one`): “met three times”"
        in text
    )


@pytest.mark.parametrize(
    ("text", "line_start", "expected"),
    [
        ("*bold* _it_ `code`", False, r"\*bold\* \_it\_ \`code\`"),
        ("[link](https://x.example) <script>", False, r"\[link\](https://x.example) \<script\>"),
        ("a | b ~~s~~ $x$ &amp; #1 \\", False, r"a \| b \~\~s\~\~ \$x\$ \&amp; \#1 \\"),
        ("line\nbreak\x1b[31m", False, r"line break\\x1b\[31m"),
        ("- not a list", True, r"\- not a list"),
        ("> not a quote", True, r"\> not a quote"),
        ("1986. Not a list", True, r"1986\. Not a list"),
        ("    not code", True, "not code"),
        ("- inline", False, "- inline"),
    ],
)
def test_markdown_escapes_data_text(text: str, line_start: bool, expected: str) -> None:
    assert md(text, line_start=line_start) == expected


def test_markdown_escapes_hostile_text(run: Run, write_toml: Callable[[str], Path]) -> None:
    data = write_toml(
        MINI_TEXT.replace('summary = "Talks in Bratislava."', 'summary = "# [x](javascript:alert(1)) <img>"')
    )
    result = _export(run, "markdown", "-", data=data)
    assert r"\# \[x\](javascript:alert(1)) \<img\>" in result.stdout.splitlines()
