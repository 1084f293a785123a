"""The HTML export: one self-contained page, the same numbers as the CLI, and data text that stays text."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from summits.dataset.files import load
from summits.export import exporter
from summits.export.html import html_text, safe_url, sha256, text
from tests.commands.test_export import Run, _export
from tests.conftest import MINI, MINI_TEXT

# ---------------------------------------------------------------- a small parser of the page


BLOCKS = frozenset(
    {"br", "p", "div", "dt", "dd", "li", "tr", "td", "th", "h1", "h2", "h3", "h4"}
    | {"blockquote", "figcaption", "pre", "caption", "summary", "ul", "ol"}
)


class Page(HTMLParser):
    """Every element with its attributes, the text inside each element with an id, the script and the style."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}  # by the id of each enclosing element
        self.ids: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None
        self.feed(source)
        self.close()

    def _gap(self, tag: str) -> None:
        """Blocks are apart in the text, as a reader sees them."""
        if tag in BLOCKS:
            self.handle_data(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._gap(tag)
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._raw = tag
            (self.scripts if tag == "script" else self.styles).append("")
        if tag in ("br", "meta", "input", "rect", "link", "img"):
            return
        self.stack.append(attributes.get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        self._gap(tag)
        if tag in ("script", "style"):
            self._raw = None
        if tag not in ("br", "meta", "input", "rect", "link", "img") and self.stack:
            self.stack.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.scripts[-1] += data
        elif self._raw == "style":
            self.styles[-1] += data
        for ident in self.stack:
            if ident:
                self.texts.setdefault(ident, []).append(data)

    def text_of(self, ident: str) -> str:
        return " ".join("".join(self.texts.get(ident, [])).split())

    def with_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and cls in (a.get("class") or "").split()]


def meeting_rows(source: str) -> list[tuple[str, ...]]:
    """Each meeting's first row as cell texts: date, place, leaders, kind, contact."""
    rows = re.findall(r'<tbody class="meeting"[^>]*>\s*<tr>(.*?)</tr>', source, re.S)
    return [
        tuple(" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r))
        for r in rows
    ]


@pytest.fixture
def page() -> str:
    return html_text(load(MINI))


# ---------------------------------------------------------------- the command


def test_html_export_writes_one_page(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "summits.html"
    result = _export(run, "html", target)
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 7 meetings, 6 leaders and 2 sources as HTML to {target}.\n"
    assert target.read_text(encoding="utf-8") == html_text(load(MINI))
    assert exporter("HTML").suffix == ".html"


def test_html_to_standard_output(run: Run) -> None:
    result = _export(run, "html", "-")
    assert result.exit_code == 0
    assert result.stdout == html_text(load(MINI))


def test_export_with_filters_writes_a_part(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "reagan-gorbachev.html"
    result = _export(run, "html", target, "--leader", "Reagan", "--leader", "Gorbachev")
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 2 meetings, 6 leaders and 1 sources as HTML to {target}.\n"
    source = target.read_text(encoding="utf-8")
    assert [row[0] for row in meeting_rows(source)] == ["1986-10-11 to 1986-10-12", "1988-12-07"]
    assert "No reported totals in this export" in source


def test_export_with_filters_keeps_every_record_of_them(run: Run, tmp_path: Path) -> None:
    """Filters select meetings as `summits disputes` does: every record, calls too, whatever the contact level."""
    target = tmp_path / "calls.json"
    assert _export(run, "json", target, "--leader", "Trump", "--from", "2025").exit_code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [m["id"] for m in document["meetings"]] == ["trump-putin-call-2025-02"]
    assert [s["id"] for s in document["sources"]] == ["news-one"]
    assert document["tallies"] == []
    assert load(target).meetings[0].id == "trump-putin-call-2025-02"


def test_export_filters_reject_unknown_leaders(run: Run, tmp_path: Path) -> None:
    result = _export(run, "html", tmp_path / "x.html", "--leader", "Nobody")
    assert result.exit_code == 2
    assert not (tmp_path / "x.html").exists()


# ---------------------------------------------------------------- what the page holds


def test_meetings_table_rows(page: str) -> None:
    assert meeting_rows(page) == [
        (
            "1986-10-11 to 1986-10-12",
            "Reykjavik, Iceland Höfði House",
            "Ronald Reagan (President, United States) Mikhail Gorbachev (General Secretary of the Communist Party, "
            "Soviet Union)",
            "summit",
            "talks",
        ),
        (
            "1988-12-07",
            "New York, United States Governors Island",
            "Ronald Reagan (President, United States) George H. W. Bush (Vice President and President-elect, United "
            "States) Mikhail Gorbachev (General Secretary of the Communist Party, Soviet Union)",
            "visit",
            "talks",
        ),
        (
            "2001-06-16",
            "Kranj, Slovenia Brdo Castle",
            "George W. Bush (President, United States) Vladimir Putin (President, Russia)",
            "summit",
            "talks",
        ),
        (
            "2005",
            "Bratislava, Slovakia",
            "George W. Bush (President, United States) Vladimir Putin (President, Russia)",
            "summit",
            "talks",
        ),
        (
            "2017-07-07",
            "Hamburg, Germany",
            "Donald Trump (President, United States) Vladimir Putin (President, Russia)",
            "sidelines",
            "talks",
        ),
        (
            "2018-07-16",
            "Helsinki, Finland Presidential Palace",
            "Donald Trump (President, United States) Vladimir Putin (President, Russia)",
            "summit",
            "talks",
        ),
        (
            "2025-02-12",
            "(phone call)",
            "Donald Trump (President, United States) Vladimir Putin (President, Russia)",
            "phone",
            "call",
        ),
    ]


def test_meeting_rows_carry_what_the_filters_read(page: str) -> None:
    rows = Page(page).with_class("tbody", "meeting")
    assert [(r["id"], r["data-counted"], r["data-president"], r["data-year"]) for r in rows] == [
        ("m-reykjavik-1986", "1", "Ronald Reagan", "1986"),
        ("m-new-york-1988", "1", "Ronald Reagan", "1988"),
        ("m-ljubljana-2001", "1", "George W. Bush", "2001"),
        ("m-bratislava-2005", "1", "George W. Bush", "2005"),
        ("m-hamburg-2017", "1", "Donald Trump", "2017"),
        ("m-helsinki-2018", "1", "Donald Trump", "2018"),
        ("m-trump-putin-call-2025-02", "0", "Donald Trump", "2025"),
    ]
    assert rows[1]["data-leaders"] == "ronald reagan reagan|george h w bush bush sr bush hw|mikhail gorbachev gorbachev"
    assert rows[1]["data-place"] == "new york united states governors island"


def test_full_record_of_a_meeting(page: str) -> None:
    assert Page(page).text_of("r-helsinki-2018") == (
        "Full record (helsinki-2018) Summit with a joint news conference. "
        "Id helsinki-2018 Kind summit: a meeting that was the purpose of the trip "
        "Contact talks: they held talks: a summit, a visit, a bilateral meeting on the sidelines, a working meal "
        "Venue Presidential Palace Topics election interference, nuclear arms "
        "Quotes “I really think the world wants to see us get along.” — Donald Trump, before the talks; "
        "source: A news report "
        "“successful and useful” — Vladimir Putin (translated from Russian), joint news conference; "
        "source: A news report "
        "“There is no clear agenda.” — Dmitry Peskov (Kremlin spokesman), before the summit; source: A news report "
        "Sources official Travels of the President: Donald J. Trump, trip 3817 (Office of the Historian, U.S. "
        "Department of State) ooh-trip-3817 news A news report (A Newspaper, 2001-06) news-one"
    )


def test_disagreements_and_source_links(page: str) -> None:
    assert (
        Page(page)
        .text_of("r-hamburg-2017")
        .endswith(
            "Disagreements between sources date: this dataset uses 2017-07-07. The official record puts the trip on "
            "July 6-8, 2017. A news report: June 7, 2017 Travels of the President: Donald J. Trump, trip 3817: July 2017 "
            "Sources news A news report (A Newspaper, 2001-06) news-one"
        )
    )
    assert (
        '<a href="https://history.state.gov/departmenthistory/travels/president/trump-donald-j">Travels of the '
        "President: Donald J. Trump, trip 3817</a>"
    ) in page


def test_sources_of_a_record_come_primary_first(write_toml: Callable[..., Path]) -> None:
    data = write_toml(
        MINI_TEXT.replace('sources = ["ooh-trip-3817", "news-one"]', 'sources = ["news-one", "ooh-trip-3817"]')
    )
    record = Page(html_text(load(data))).text_of("r-helsinki-2018")
    assert record.index("ooh-trip-3817") < record.index("news-one")


def test_timeline_is_the_chart_of_summits_timeline(page: str) -> None:
    parsed = Page(page)
    links = [a for t, a in parsed.elements if t == "a" and a.get("data-filter")]
    assert [(a.get("aria-label"), a["href"], a["data-filter"]) for a in links] == [
        ("Ronald Reagan, 1980s: 2 meetings", "#m-reykjavik-1986", "president=Ronald+Reagan&from=1980&to=1989"),
        ("George W. Bush, 2000s: 2 meetings", "#m-ljubljana-2001", "president=George+W.+Bush&from=2000&to=2009"),
        ("Donald Trump, 2010s: 2 meetings", "#m-hamburg-2017", "president=Donald+Trump&from=2010&to=2019"),
        (None, "#meetings", "president=Ronald+Reagan"),
        (None, "#meetings", "president=George+W.+Bush"),
        (None, "#meetings", "president=Donald+Trump"),
    ]
    bars = [a["aria-label"] for t, a in parsed.elements if t == "svg" and a.get("role") == "group"]
    assert bars == ["1980s: 2 meetings", "1990s: 0 meetings", "2000s: 2 meetings", "2010s: 2 meetings"]


def test_counts_and_tallies(page: str) -> None:
    counts = Page(page).text_of("counts")
    assert "Counted: talks and encounters between leaders in office on the day; left out: 1 call (--calls)." in counts
    assert (
        "summits count --by president President Listed Ronald Reagan 2 George W. Bush 2 Donald Trump 2 "
        "Meetings per pair summits count --by pair Pair Listed Reported On its definition Verdict "
        "Ronald Reagan – Mikhail Gorbachev 2 George W. Bush – Vladimir Putin 2 3 2 1 fewer listed than reported "
        "Donald Trump – Vladimir Putin 2"
    ) in counts
    assert counts.endswith(
        "George W. Bush and Vladimir Putin talks, encounters; 2001-01-20 to 2009-01-20 Meetings of Bush and Putin "
        "during Bush's two terms. 3 2 1 fewer listed than reported. No definition found that gives the reported "
        "figure: a gap, shown as it is. “met three times”: A news report"
    )
    assert counts.index("What counts as a meeting") < counts.index("Meetings per president")


def test_citation(page: str) -> None:
    cite = Page(page).text_of("cite")
    assert "Data version 0.2.0, checked as of 2026-11-30. The code and the dataset's own text" in cite
    assert "under the MIT licence" in cite
    assert (
        "Chicago “summits: meetings between American and Soviet or Russian leaders, version 0.2.0 (data as of "
        "November 30, 2026).” The summits developers, November 30, 2026."
    ) in cite
    sources = Page(page).text_of("sources")
    assert sources == (
        "Sources 2 sources, the records of what was said first. official Travels of the President: Donald J. Trump, "
        "trip 3817 (Office of the Historian, U.S. Department of State) ooh-trip-3817 news A news report "
        "(A Newspaper, 2001-06) news-one"
    )


def test_landmarks_headings_and_table_headers(page: str) -> None:
    parsed = Page(page)
    tags = [t for t, _ in parsed.elements]
    for landmark in ("header", "nav", "main", "footer"):
        assert tags.count(landmark) == 1
    levels = [int(t[1]) for t in tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels  # no level skipped
    headers = [a.get("scope") for t, a in parsed.elements if t == "th"]
    assert headers.count("col") >= 5 and None not in headers
    assert parsed.elements[0] == ("html", {"lang": "en"})
    assert all("aria-label" in a or "id" in a for t, a in parsed.elements if t == "section") is True


# ---------------------------------------------------------------- self-contained and locked down


def test_no_request_leaves_the_page(page: str) -> None:
    parsed = Page(page)
    for tag, attributes in parsed.elements:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source")
        assert not {"src", "srcset", "poster", "action", "formaction", "background"} & attributes.keys(), tag
        if tag == "a":
            assert attributes["href"] is not None
            assert attributes["href"].startswith(("#", "https://", "http://")), attributes
    assert re.search(r"url\(|@import|https?://", parsed.styles[0]) is None
    assert re.search(r"https?://|fetch\(|XMLHttpRequest|import\(", parsed.scripts[0]) is None


def test_content_security_policy_allows_only_the_inline_style_and_script(page: str) -> None:
    parsed = Page(page)
    assert len(parsed.scripts) == 1 and len(parsed.styles) == 1
    [csp] = [a["content"] for t, a in parsed.elements if t == "meta" and a.get("http-equiv")]
    assert csp == (
        f"default-src 'none'; script-src {sha256(parsed.scripts[0])}; style-src {sha256(parsed.styles[0])}; "
        "base-uri 'none'; form-action 'none'"
    )
    assert not any(k.startswith("on") or k == "style" for _, a in parsed.elements for k in a)


def test_without_javascript_every_record_shows() -> None:
    parsed = Page(html_text(load(MINI)))
    assert [a.get("hidden") for a in parsed.with_class("tbody", "meeting")] == [None] * 7
    [form] = [a for t, a in parsed.elements if t == "form"]
    assert "hidden" in form  # the filters appear with the script that runs them
    assert parsed.text_of("shown") == "All 7 records listed, in date order: calls and events both attended included."


# ---------------------------------------------------------------- hostile data renders inert

HOSTILE = {
    "script": "<script>document.title='pwned'</script>",
    "img": "<img src=x onerror=\"document.title='pwned'\">",
    "attribute": '" onmouseover="alert(1)" x=\'',
    "closing": "</td></tr></tbody></table><h1>fake</h1><!--",
    "entity": "&lt;b&gt; &amp;amp; &#x3C;",
    "controls": "bell\x07 esc\x1b[31m cr\rback\b del\x7f c1\x9b bidi\u202eevil\u202c",
}


def hostile_dataset(write_toml: Callable[..., Path]) -> Path:
    every = " ".join(HOSTILE.values())
    return write_toml(
        MINI_TEXT.replace('"Summit with a joint news conference."', json.dumps(every))
        .replace('city = "Helsinki"', f"city = {json.dumps(HOSTILE['img'])}")
        .replace('venue = "Presidential Palace"', f"venue = {json.dumps(HOSTILE['attribute'])}")
        .replace('"There is no clear agenda."', json.dumps(HOSTILE["closing"]))
        .replace('name = "Dmitry Peskov"', f"name = {json.dumps(HOSTILE['script'])}")
        .replace('title = "A news report"', f"title = {json.dumps(HOSTILE['attribute'] + HOSTILE['script'])}")
        .replace('topics = ["election interference", "nuclear arms"]', f"topics = [{json.dumps(every)}]")
        .replace('words = "met three times"', f"words = {json.dumps(HOSTILE['closing'])}")
        .replace('publisher = "A Newspaper"', f"publisher = {json.dumps(HOSTILE['entity'])}")
        .replace('name = "Ronald Reagan"', f"name = {json.dumps(HOSTILE['attribute'])}")
    )


def hostile_page(write_toml: Callable[..., Path]) -> str:
    dataset = load(hostile_dataset(write_toml))
    # The loader refuses any URL but http(s); the page must not trust that alone.
    bad = ("javascript:alert(1)", "JavaScript:alert(1)", 'https://x" onclick="alert(1)', "data:text/html,<b>")
    sources = tuple(
        dataclasses.replace(s, url=bad[n % len(bad)]) if s.id == "news-one" or n < 4 else s
        for n, s in enumerate(dataset.sources)
    )
    return html_text(dataclasses.replace(dataset, sources=sources, _sources_by_id={}))


def test_hostile_text_renders_inert(write_toml: Callable[..., Path]) -> None:
    source = hostile_page(write_toml)
    clean = html_text(load(MINI))
    parsed = Page(source)
    assert [t for t, _ in parsed.elements].count("script") == 1
    assert {t for t, _ in parsed.elements} == {t for t, _ in Page(clean).elements}  # no element of the data's own
    assert sorted({k for _, a in parsed.elements for k in a}) == sorted({k for _, a in Page(clean).elements for k in a})
    assert [t for t, _ in parsed.elements].count("h1") == 1
    assert "<!--" not in source
    for tag, attributes in parsed.elements:
        if tag == "a":
            assert (attributes["href"] or "").startswith(("#", "https://", "http://")), attributes
    assert "javascript:" not in source.lower() and "data:" not in source
    for char in source:
        assert char in "\n" or (ord(char) >= 0x20 and not 0x7F <= ord(char) < 0xA0), repr(char)
        assert not 0x202A <= ord(char) <= 0x202E and not 0x2066 <= ord(char) <= 0x2069, repr(char)
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in source
    assert "&amp;lt;b&amp;gt; &amp;amp;amp; &amp;#x3C;" in source
    assert r"bell\x07 esc\x1b[31m cr\x0dback\x08 del\x7f c1\x9b bidi\u202eevil\u202c" in source


def test_text_and_urls() -> None:
    assert text('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert text(None) == ""
    assert text("a\x00b\u202e") == r"a\x00b\u202e"
    assert safe_url("https://example.com/a?b=1&c=2#d") == "https://example.com/a?b=1&c=2#d"
    assert safe_url("http://example.com") == "http://example.com"
    for bad in (
        "javascript:alert(1)",
        " https://example.com",
        "https://exa mple.com",
        'https://x"y',
        "https://x'y",
        "https://x<y",
        "https://x\ny",
        "//example.com",
        "data:text/html,x",
        "HTTPS://example.com",
        None,
    ):
        assert safe_url(bad) is None, bad
