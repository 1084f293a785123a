"""Citations: each style pinned on sources of every shape (full, no date, month only, no publisher)."""

from __future__ import annotations

import json
import re

import pytest

from summits.model import PartialDate, Source
from summits.output import citations
from summits.output.citations import Style, Work

NEWS = Source(
    id="ap-2018-07-16-helsinki",
    kind="news",
    title="Trump, Putin hold summit in Helsinki",
    publisher="Associated Press",
    date=PartialDate(2018, 7, 16),
    url="https://apnews.com/article/helsinki_summit",
)
MEMO = Source(
    id="frus-1961-63-v05-d87",
    kind="primary",
    title="Memorandum of Conversation, Vienna, June 4, 1961, 10:15 a.m.",
    publisher="Office of the Historian, U.S. Department of State",
    date=PartialDate(1961, 6, 4),
    url="https://history.state.gov/historicaldocuments/frus1961-63v05/d87",
)
PRESS = Source(
    id="wh-2018-press-conference",
    kind="primary",
    title="Remarks by President Trump and President Putin of the Russian Federation in Joint Press Conference",
    publisher="The White House",
    date=PartialDate(2018, 7),
)
BARE = Source(id="odd{key}", kind="reference", title="A & B: 50% of {braces}_and #hashes")


def test_chicago_notes_bibliography_entry() -> None:
    assert citations.chicago(NEWS) == (
        "“Trump, Putin hold summit in Helsinki.” Associated Press, July 16, 2018. "
        "https://apnews.com/article/helsinki_summit."
    )
    assert citations.chicago(BARE) == "“A & B: 50% of {braces}_and #hashes.”"


def test_apa_puts_the_title_first_and_the_date_in_parentheses() -> None:
    assert citations.apa(MEMO) == (
        "Memorandum of Conversation, Vienna, June 4, 1961, 10:15 a.m. (1961, June 4). "
        "Office of the Historian, U.S. Department of State. "
        "https://history.state.gov/historicaldocuments/frus1961-63v05/d87"
    )
    assert citations.apa(PRESS).endswith("Joint Press Conference. (2018, July). The White House.")
    assert citations.apa(BARE) == "A & B: 50% of {braces}_and #hashes. (n.d.)."


def test_mla_abbreviates_the_month_and_drops_the_scheme() -> None:
    assert citations.mla(NEWS) == (
        "“Trump, Putin hold summit in Helsinki.” Associated Press, 16 July 2018, apnews.com/article/helsinki_summit."
    )
    assert citations.mla(MEMO).endswith(
        "U.S. Department of State, 4 June 1961, history.state.gov/historicaldocuments/frus1961-63v05/d87."
    )


def test_wikipedia_uses_cite_news_for_news_and_cite_web_otherwise() -> None:
    assert citations.wikipedia(NEWS) == (
        "{{cite news |title=Trump, Putin hold summit in Helsinki |work=Associated Press |date=July 16, 2018 "
        "|url=https://apnews.com/article/helsinki_summit}}"
    )
    assert citations.wikipedia(MEMO).startswith("{{cite web |title=Memorandum of Conversation")
    pipe = Source(id="p", kind="news", title="A | B {{x}}")
    assert citations.wikipedia(pipe) == "{{cite news |title=A &#124; B &#123;&#123;x&#125;&#125;}}"


def test_csl_items_carry_type_container_issued_and_url() -> None:
    assert citations.csl_item(NEWS) == {
        "id": "ap-2018-07-16-helsinki",
        "type": "article-newspaper",
        "title": "Trump, Putin hold summit in Helsinki",
        "container-title": "Associated Press",
        "issued": {"date-parts": [[2018, 7, 16]]},
        "URL": "https://apnews.com/article/helsinki_summit",
    }
    assert citations.csl_item(MEMO)["type"] == "report"
    assert citations.csl_item(MEMO)["publisher"] == "Office of the Historian, U.S. Department of State"
    assert citations.csl_item(PRESS)["type"] == "speech"
    assert citations.csl_item(PRESS)["issued"] == {"date-parts": [[2018, 7]]}
    assert "issued" not in citations.csl_item(BARE)
    assert json.loads(citations.cite(NEWS, Style.CSL_JSON)) == citations.csl_item(NEWS)


def _parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A strict reader of one @type{key, name = {value} | bare, ...} entry: braces must balance."""
    head = re.match(r"@(\w+)\{([A-Za-z0-9_:.-]+),\n", text)
    assert head, text
    rest, fields = text[head.end() :], {}
    while rest.strip() != "}":
        m = re.match(r"  (\w+) = ", rest)
        assert m, rest
        rest = rest[m.end() :]
        if rest.startswith("{"):
            depth, i = 0, 0
            while True:
                ch = rest[i]
                if ch == "\\":
                    i += 2
                    continue
                depth += ch == "{"
                depth -= ch == "}"
                i += 1
                if depth == 0:
                    break
            value, rest = rest[1 : i - 1], rest[i:]
        else:
            m2 = re.match(r"\w+", rest)
            assert m2
            value, rest = m2.group(0), rest[m2.end() :]
        fields[m.group(1)] = value
        rest = rest[2:] if rest.startswith(",\n") else rest.lstrip("\n")
    return head.group(1), head.group(2), fields


def test_bibtex_entries_parse_and_escape_latex_syntax() -> None:
    kind, key, fields = _parse_bibtex(citations.bibtex(NEWS))
    assert (kind, key) == ("misc", "ap-2018-07-16-helsinki")
    assert fields == {
        "title": "Trump, Putin hold summit in Helsinki",
        "organization": "Associated Press",
        "year": "2018",
        "month": "jul",
        "date": "2018-07-16",
        "url": r"https://apnews.com/article/helsinki\_summit",
        "howpublished": r"\url{https://apnews.com/article/helsinki_summit}",
    }
    kind, key, fields = _parse_bibtex(citations.bibtex(BARE))
    assert key == "odd-key-"
    assert fields["title"] == r"A \& B: 50\% of \{braces\}\_and \#hashes"


@pytest.mark.parametrize("style", list(Style))
def test_every_style_names_the_url(style: Style) -> None:
    # MLA drops the scheme; every other style prints the URL whole.
    assert NEWS.url is not None
    url = NEWS.url.removeprefix("https://") if style is Style.MLA else NEWS.url
    assert url in citations.cite(NEWS, style)


def test_the_dataset_is_cited_as_a_dated_versioned_work() -> None:
    work = Work(
        title="summits: meetings between American and Soviet or Russian leaders",
        version="0.2.0",
        as_of=PartialDate(2026, 11, 30),
        url=None,
        publisher="The summits developers",
    )
    assert citations.chicago(citations.work_source(work)) == (
        "“summits: meetings between American and Soviet or Russian leaders, version 0.2.0 "
        "(data as of November 30, 2026).” The summits developers, November 30, 2026."
    )
    assert citations.csl_item(citations.work_source(work))["type"] == "dataset"
