"""The dataset as one self-contained HTML page: a timeline, the meetings with their full records, the counts and
reported totals, and how to cite it, readable without JavaScript and filterable with it.

The page makes no request of any kind: its style and its one script are inline, and its Content-Security-Policy
allows those two by their hashes and nothing else. Every text from the data is escaped (control and bidirectional
characters shown as visible escapes, then HTML-escaped for text and attributes alike), and only http(s) URLs
become links.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlencode

from summits import __version__
from summits.export.files import write_text
from summits.model import (
    CONTACT_DESCRIPTIONS,
    COUNTRY_NAMES,
    KIND_DESCRIPTIONS,
    LANGUAGE_NAMES,
    Contact,
    Dataset,
    Kind,
    Meeting,
    Quote,
    Source,
)
from summits.output.citations import apa, bibtex, chicago, mla
from summits.output.cite import dataset_work
from summits.output.text import (
    CONTACT_PLURALS,
    counted_note,
    date_range_label,
    escape_controls,
    plural,
    tally_reason,
    tally_scope,
    tally_verdict,
)
from summits.query.counts import CountRow, count
from summits.query.filters import Filters, select
from summits.query.names import normalize, speaker_label
from summits.query.sources import primary_first
from summits.query.tallies import Reconciled, reconcile_all
from summits.query.timeline import Timeline, bin_meetings, group_of

TITLE = "Meetings of U.S. presidents with Soviet and Russian leaders"
LICENCE = "MIT"
COLOURS = 10  # classes c0 to c9 of the stylesheet, given to presidents in turn
COLUMNS = ("Date", "Place", "Leaders", "Kind", "Contact")

_SAFE_URL = re.compile(r"https?://[!#-&(-;=?-~]+")  # printable ASCII without space, quotes, < or >


def text(value: object) -> str:
    """Data as HTML text or an attribute value (quotes escaped too): never markup, never a control character."""
    return escape(escape_controls(str(value) if value is not None else ""), quote=True)


def block(value: str) -> str:
    """Data as preformatted HTML text: as text(), keeping its line breaks."""
    return escape(escape_controls(value, keep_newlines=True), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it may be a link (http or https, nothing a browser would read otherwise), else None."""
    return url if url is not None and _SAFE_URL.fullmatch(url) else None


def link(url: str | None, label: str) -> str:
    """`label` (already HTML) as a link to url, or as plain text when the URL may not be a link."""
    href = safe_url(url)
    return f'<a href="{text(href)}">{label}</a>' if href else label


@cache
def _asset(name: str) -> str:
    return files("summits.export").joinpath(name).read_text(encoding="utf-8")


def sha256(source: str) -> str:
    """The CSP hash source of an inline style or script: 'sha256-BASE64'."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str) -> str:
    """No network at all: nothing but the page's own style and script, each allowed by its hash."""
    return (
        f"default-src 'none'; script-src {sha256(script)}; style-src {sha256(style)}; "
        "base-uri 'none'; form-action 'none'"
    )


# ---------------------------------------------------------------- the page


def html_text(dataset: Dataset) -> str:
    """The dataset as one HTML page."""
    style, script = _asset("page.css"), _asset("page.js")
    return "\n".join(_page(dataset, style, script)) + "\n"


def write_html(dataset: Dataset, path: Path) -> None:
    write_text(path, html_text(dataset))


def _page(dataset: Dataset, style: str, script: str) -> Iterator[str]:
    meetings = dataset.meetings
    counted = select(dataset, Filters())
    presidents = _colours(bin_meetings(counted.meetings, "decade", "president"))
    yield "<!DOCTYPE html>"
    yield '<html lang="en">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(style, script)}">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield '<meta name="color-scheme" content="light dark">'
    yield '<meta name="referrer" content="no-referrer">'
    yield f"<title>{TITLE}</title>"
    yield f"<style>{style}</style>"
    yield "</head>"
    yield "<body>"
    yield '<a class="skip" href="#meetings">Skip to the meetings</a>'
    yield "<header>"
    yield f"<h1>{TITLE}</h1>"
    yield f'<p class="lead">{_lead(dataset)}</p>'
    yield '<nav aria-label="Contents"><ul>'
    for anchor, label in (
        ("timeline", "Timeline"),
        ("meetings", "Meetings"),
        ("counts", "Counts and reported totals"),
        ("cite", "How to cite"),
        ("sources", "Sources"),
    ):
        yield f'<li><a href="#{anchor}">{label}</a></li>'
    yield "</ul></nav>"
    yield "</header>"
    yield "<main>"
    yield from _timeline(dataset, presidents)
    yield from _meetings(dataset, meetings, presidents)
    yield from _counts(dataset, counted.meetings, counted.left_out)
    yield from _citation(dataset)
    yield "</main>"
    yield "<footer>"
    yield (
        f"<p>Written by summits {text(__version__)} from the data file; the same records and definitions as the "
        "command line (<code>summits list</code>, <code>count</code>, <code>timeline</code>, <code>tallies</code>)."
        "</p>"
    )
    yield "</footer>"
    yield f"<script>{script}</script>"
    yield "</body>"
    yield "</html>"


def _lead(dataset: Dataset) -> str:
    meetings = dataset.meetings
    span = f", {meetings[0].date} to {meetings[-1].end_date or meetings[-1].date}" if meetings else ""
    version = f" Data version {text(dataset.version)}" if dataset.version else " Data"
    as_of = f", as of {text(dataset.as_of)}." if dataset.as_of else "."
    return (
        f"{plural(len(meetings), 'record')}{text(span)}, with {plural(len(dataset.leaders), 'leader')} and "
        f"{plural(len(dataset.sources), 'source')}: summits, visits, meetings on the sidelines, encounters, events "
        f"both attended, and calls, each with its sources.{version}{as_of}"
    )


# ---------------------------------------------------------------- the timeline


def _colours(timeline: Timeline) -> dict[str, str]:
    """Each president's colour class, in legend order."""
    return {group: f"c{n % COLOURS}" for n, (group, _) in enumerate(timeline.groups)}


def _filter_of(**values: object) -> str:
    return urlencode({k: str(v) for k, v in values.items()})


def _timeline(dataset: Dataset, colours: dict[str, str]) -> Iterator[str]:
    counted = select(dataset, Filters())
    chart = bin_meetings(counted.meetings, "decade", "president")
    first_of: dict[tuple[int, str], str] = {}
    for m in counted.meetings:
        first_of.setdefault((m.date.year // 10 * 10, group_of(m, "president")), m.id)
    widest = max((p.total for p in chart.periods), default=0) or 1
    yield '<section id="timeline" aria-labelledby="timeline-h">'
    yield '<h2 id="timeline-h">Timeline</h2>'
    yield (
        "<p>Meetings per decade, each bar split by the sitting U.S. president: the chart of "
        "<code>summits timeline</code>. Counted, as everywhere on this page unless said otherwise: talks and "
        'encounters between leaders in office on the day. <span class="timeline-help">Each part of a bar links to '
        "its meetings.</span></p>"
    )
    yield '<ul class="timeline">'
    for period in chart.periods:
        yield f'<li><span class="decade">{text(period.label)}</span>'
        yield (
            f'<svg viewBox="0 0 {widest} 1" preserveAspectRatio="none" role="group" '
            f'aria-label="{text(period.label)}: {plural(period.total, "meeting")}">'
        )
        x = 0
        for group, n in period.counts:
            label = f"{group}, {period.label}: {plural(n, 'meeting')}"
            target = first_of.get((period.first_year, group), "")
            query = _filter_of(president=group, **{"from": period.first_year, "to": period.last_year})
            yield (
                f'<a href="#m-{text(target)}" data-filter="{text(query)}" aria-label="{text(label)}">'
                f'<rect class="{colours.get(group, "c0")}" x="{x}" y="0" width="{n}" height="1">'
                f"<title>{text(label)}</title></rect></a>"
            )
            x += n
        yield "</svg>"
        yield f'<span class="total">{period.total}</span></li>'
    yield "</ul>"
    yield '<ul class="legend" aria-label="Presidents">'
    for group, n in chart.groups:
        query = _filter_of(president=group)
        yield (
            f'<li><a href="#meetings" data-filter="{text(query)}"><svg viewBox="0 0 1 1" aria-hidden="true">'
            f'<rect class="swatch {colours.get(group, "c0")}" width="1" height="1"/></svg>{text(group)}</a> '
            f"({n})</li>"
        )
    yield "</ul>"
    yield "</section>"


# ---------------------------------------------------------------- the meetings


def _meetings(dataset: Dataset, meetings: Iterable[Meeting], colours: dict[str, str]) -> Iterator[str]:
    meetings = list(meetings)
    default = Filters()
    yield '<section id="meetings" aria-labelledby="meetings-h">'
    yield '<h2 id="meetings-h">Meetings</h2>'
    yield from _filter_form(dataset, meetings)
    yield (
        f'<p id="shown" role="status" tabindex="-1">All {plural(len(meetings), "record")} listed, in date order: '
        "calls and events both attended included.</p>"
    )
    yield '<table class="meetings" id="meeting-table">'
    yield (
        "<caption>Meetings in date order. Each opens to its full record: summary, topics, agreements, quotes, "
        "disagreements between sources, and sources.</caption>"
    )
    yield "<thead><tr>"
    for column in COLUMNS:
        yield f'<th scope="col"><button type="button">{column}</button></th>'
    yield "</tr></thead>"
    for seq, m in enumerate(meetings):
        yield from _meeting(dataset, m, seq, default.left_out_because(m) is None)
    yield "</table>"
    yield "</section>"


def _filter_form(dataset: Dataset, meetings: list[Meeting]) -> Iterator[str]:
    presidents = list(dict.fromkeys(group_of(m, "president") for m in meetings))
    years = [m.date.year for m in meetings] or [0]
    yield '<form class="filters" id="filters" role="search" aria-label="Filter the meetings" hidden>'
    yield (
        '<label>Leader <input name="leader" list="leader-names" autocomplete="off" '
        'placeholder="e.g. Gorbachev; A + B for both"></label>'
    )
    yield '<datalist id="leader-names">'
    for leader in dataset.leaders:
        yield f'<option value="{text(leader.name)}"></option>'
    yield "</datalist>"
    yield '<label>Sitting U.S. president <select name="president"><option value="">any</option>'
    for name in presidents:
        yield f'<option value="{text(name)}">{text(name)}</option>'
    yield "</select></label>"
    yield '<label>Place <input name="place" autocomplete="off" placeholder="city, country or venue"></label>'
    yield '<div class="years">'
    yield (
        f'<label>From year <input name="from" type="number" inputmode="numeric" min="{min(years)}" '
        f'max="{max(years)}"></label>'
    )
    yield (
        f'<label>To year <input name="to" type="number" inputmode="numeric" min="{min(years)}" '
        f'max="{max(years)}"></label>'
    )
    yield "</div>"
    yield '<label>Kind <select name="kind"><option value="">any</option>'
    for kind in Kind:
        yield f'<option value="{kind.value}">{kind.value}</option>'
    yield "</select></label>"
    yield '<label>Contact <select name="contact">'
    yield '<option value="counted" selected>counted: talks and encounters, leaders in office</option>'
    yield '<option value="all">every record</option>'
    for contact in Contact:
        yield f'<option value="{contact.value}">{contact.value} only</option>'
    yield "</select></label>"
    yield '<label>Words <input name="q" type="search" autocomplete="off" placeholder="any text in the record"></label>'
    yield '<div class="actions"><button type="reset">Clear the filters</button></div>'
    yield "</form>"


def _place(m: Meeting) -> str:
    return normalize(" ".join(x for x in (m.city, m.country, m.venue, m.event) if x))


def _meeting(dataset: Dataset, m: Meeting, seq: int, counted: bool) -> Iterator[str]:
    people = "|".join(normalize(" ".join((p.leader.name, *p.leader.aliases, p.leader.id))) for p in m.participants)
    end_year = (m.end_date or m.date).year
    yield (
        f'<tbody class="meeting" id="m-{text(m.id)}" data-seq="{seq}" data-leaders="{text(people)}" '
        f'data-president="{text(group_of(m, "president"))}" data-place="{text(_place(m))}" '
        f'data-year="{m.date.year}" data-end-year="{end_year}" data-kind="{text(m.kind.value)}" '
        f'data-contact="{text(m.contact.value)}" data-counted="{int(counted)}">'
    )
    yield "<tr>"
    yield f'<th scope="row" data-sort="{seq:05d}">{text(date_range_label(m.date, m.end_date))}</th>'
    venue = f'<br><span class="venue">{text(m.venue)}</span>' if m.venue else ""
    yield f'<td data-label="Place">{text(m.place)}{venue}</td>'
    people_list = "".join(
        f'<li>{text(p.leader.name)} <span class="role">({text(p.role)}, {text(COUNTRY_NAMES[p.country])})</span></li>'
        for p in m.participants
    )
    yield f'<td data-label="Leaders"><ul class="people">{people_list}</ul></td>'
    yield f'<td data-label="Kind">{text(m.kind.value)}</td>'
    yield f'<td data-label="Contact">{text(m.contact.value)}</td>'
    yield "</tr>"
    yield '<tr class="record"><td colspan="5">'
    yield f'<details id="r-{text(m.id)}"><summary>Full record <span class="muted">({text(m.id)})</span></summary>'
    yield '<div class="record-body">'
    yield from _record(dataset, m)
    yield "</div></details></td></tr>"
    yield "</tbody>"


def _record(dataset: Dataset, m: Meeting) -> Iterator[str]:
    yield f"<p>{text(m.summary)}</p>"
    yield "<dl>"
    yield f"<dt>Id</dt><dd><code>{text(m.id)}</code></dd>"
    yield f"<dt>Kind</dt><dd>{text(m.kind.value)}: {text(KIND_DESCRIPTIONS[m.kind])}</dd>"
    yield f"<dt>Contact</dt><dd>{text(m.contact.value)}: {text(CONTACT_DESCRIPTIONS[m.contact])}</dd>"
    if m.event:
        yield f"<dt>Event</dt><dd>{text(m.event)}</dd>"
    if m.venue:
        yield f"<dt>Venue</dt><dd>{text(m.venue)}</dd>"
    if m.topics:
        yield f"<dt>Topics</dt><dd>{', '.join(text(t) for t in m.topics)}</dd>"
    if m.agreements:
        yield f"<dt>Agreements</dt><dd>{'; '.join(text(a) for a in m.agreements)}</dd>"
    yield "</dl>"
    if m.quotes:
        yield "<h3>Quotes</h3>"
        for q in m.quotes:
            yield from _quote(dataset, q)
    if m.disputes:
        yield "<h3>Disagreements between sources</h3>"
        yield "<ul>"
        for d in m.disputes:
            yield f"<li><strong>{text(d.field)}</strong>: this dataset uses {text(d.value)}. {text(d.reason)}<ul>"
            for c in d.claims:
                yield f"<li>{_source_ref(dataset, c.source)}: {text(c.claim)}</li>"
            yield "</ul></li>"
        yield "</ul>"
    yield "<h3>Sources</h3>"
    yield '<ol class="sources">'
    for s in primary_first(dataset, m.sources):
        yield f"<li>{_source_line(s)}</li>"
    yield "</ol>"


def _quote(dataset: Dataset, q: Quote) -> Iterator[str]:
    translated = (
        f' <span class="translated">(translated from {text(LANGUAGE_NAMES.get(q.language, q.language))})</span>'
        if q.translated
        else ""
    )
    also = "".join(f", also in {_source_ref(dataset, s)}" for s in q.also_in)
    yield '<figure class="quote">'
    yield f"<blockquote><p>“{text(q.text)}”</p></blockquote>"
    yield (
        f"<figcaption>— {text(speaker_label(dataset, q))}{translated}, {text(q.context)}; "
        f"source: {_source_ref(dataset, q.source)}{also}</figcaption>"
    )
    yield "</figure>"


def _source_ref(dataset: Dataset, source_id: str) -> str:
    """A source named by its title, linking to it where it has a URL."""
    s = dataset.source(source_id)
    if s is None:  # pragma: no cover - the loader rejects dangling references
        return f"<code>{text(source_id)}</code>"
    return link(s.url, text(s.title))


def _source_line(s: Source) -> str:
    details = ", ".join(text(x) for x in (s.publisher, s.date.iso() if s.date else None) if x)
    return (
        f'<span class="tag">{text(s.kind)}</span> {link(s.url, text(s.title))}'
        + (f" ({details})" if details else "")
        + f' <code class="muted">{text(s.id)}</code>'
    )


# ---------------------------------------------------------------- counts and reported totals


def _counts(dataset: Dataset, meetings: list[Meeting], left_out: dict[str, int]) -> Iterator[str]:
    default = Filters()
    yield '<section id="counts" aria-labelledby="counts-h">'
    yield '<h2 id="counts-h">Counts and reported totals</h2>'
    yield '<h3 id="definition">What counts as a meeting</h3>'
    yield (
        "<p>A meeting, for every count on this page (and for <code>summits count</code>), is a record of "
        f"{CONTACT_PLURALS[Contact.TALKS]} or an {CONTACT_PLURALS[Contact.ENCOUNTER][:-1]} between leaders in "
        "office on the day: a U.S. president, and a Soviet or Russian head of party, state or government. "
        "Events both attended without a reported conversation, phone and video calls, and meetings where a "
        "participant was not in a leader's office (a vice president, a foreign minister) are listed in the table "
        "above but not counted.</p>"
    )
    yield "<ul>"
    for contact in Contact:
        yield f"<li><strong>{contact.value}</strong>: {text(CONTACT_DESCRIPTIONS[contact])}</li>"
    yield "</ul>"
    yield f'<p class="note">{text(counted_note(default, left_out))}</p>'
    yield "<h3>Meetings per president</h3>"
    yield from _count_table(count(dataset, meetings, "president", default), "President", "summits count --by president")
    yield "<h3>Meetings per pair</h3>"
    yield from _count_table(count(dataset, meetings, "pair", default), "Pair", "summits count --by pair")
    yield "<h3>Totals reported by sources</h3>"
    checks = reconcile_all(dataset)
    if not checks:
        yield "<p>No reported totals in this export (a part of the record leaves them out: they count the whole).</p>"
    else:
        yield (
            "<p>Every total a source reports, beside the figure the records give on the same definition (the same "
            "leaders, period and contact levels, leaders in office), with a verdict and, where the two differ, why: "
            "<code>summits tallies</code>.</p>"
        )
        yield from _tallies_table(dataset, checks)
    yield "</section>"


def _count_table(rows: list[CountRow], label: str, command: str) -> Iterator[str]:
    reports = any(r.checks for r in rows)
    yield f'<div class="wide" role="region" tabindex="0" aria-label="{text(command)}"><table>'
    yield f"<caption>{text(command)}</caption>"
    yield f'<thead><tr><th scope="col">{label}</th><th scope="col" class="num">Listed</th>'
    if reports:
        yield (
            '<th scope="col" class="num">Reported</th><th scope="col" class="num">On its definition</th>'
            '<th scope="col">Verdict</th>'
        )
    yield "</tr></thead><tbody>"
    for row in rows:
        yield f'<tr><th scope="row">{text(row.key)}</th><td class="num">{row.count}</td>'
        if reports:
            yield f'<td class="num">{"<br>".join(str(c.tally.number) for c in row.checks)}</td>'
            yield f'<td class="num">{"<br>".join(str(c.listed) for c in row.checks)}</td>'
            yield f"<td>{'<br>'.join(text(tally_verdict(c)) for c in row.checks)}</td>"
        yield "</tr>"
    yield "</tbody></table></div>"


def _tallies_table(dataset: Dataset, checks: list[Reconciled]) -> Iterator[str]:
    yield '<div class="wide" role="region" tabindex="0" aria-label="summits tallies"><table class="tallies">'
    yield "<caption>summits tallies</caption>"
    yield (
        '<thead><tr><th scope="col">Leaders</th><th scope="col">Counting</th><th scope="col" class="num">Reported'
        '</th><th scope="col" class="num">Listed</th><th scope="col">Verdict and explanation</th>'
        '<th scope="col">Source</th></tr></thead><tbody>'
    )
    for check in checks:
        t = check.tally
        names = " and ".join(text(getattr(dataset.leader(i), "name", i)) for i in t.leaders) or "All leaders"
        qualifier = "" if t.qualifier == "exactly" else f"{text(t.qualifier)} "
        reason = tally_reason(check)
        translated = (
            f' <span class="translated">(translated from {text(LANGUAGE_NAMES.get(t.language, t.language))})</span>'
            if t.language != "en"
            else ""
        )
        yield (
            f'<tr id="t-{text(t.id)}"><th scope="row">{names}</th>'
            f'<td>{text(tally_scope(t))}<br><span class="muted">{text(t.definition)}</span></td>'
            f'<td class="num">{qualifier}{t.number}</td><td class="num">{check.listed}</td>'
            f"<td><strong>{text(tally_verdict(check))}</strong>" + (f". {text(reason)}" if reason else "") + "</td>"
            f"<td>“{text(t.words)}”{translated}: {_source_ref(dataset, t.source)}</td></tr>"
        )
    yield "</tbody></table></div>"


# ---------------------------------------------------------------- citation and sources


def _citation(dataset: Dataset) -> Iterator[str]:
    work = dataset_work(dataset, __version__).source()
    yield '<section id="cite" aria-labelledby="cite-h">'
    yield '<h2 id="cite-h">How to cite</h2>'
    version = text(dataset.version or __version__)
    as_of = text(dataset.as_of) if dataset.as_of else "not stated"
    yield (
        f"<p>Data version <strong>{version}</strong>, checked as of <strong>{as_of}</strong>. The code and the "
        f"dataset's own text (summaries, contexts, reasons) are under the {LICENCE} licence; quotes are short "
        "excerpts of their sources, attributed to speaker and source, and remain the words of those sources; the "
        "records of the U.S. government are in the public domain. Cite a meeting by its sources, listed in its "
        "record (<code>summits cite ID</code> prints them in every style).</p>"
    )
    for name, style in (("Chicago", chicago), ("APA", apa), ("MLA", mla), ("BibTeX", bibtex)):
        yield f"<h3>{name}</h3>"
        yield f"<pre>{block(style(work))}</pre>"
    yield "</section>"
    yield '<section id="sources" aria-labelledby="sources-h">'
    yield '<h2 id="sources-h">Sources</h2>'
    yield f"<p>{plural(len(dataset.sources), 'source')}, the records of what was said first.</p>"
    yield '<ul class="sources">'
    for s in primary_first(dataset, [s.id for s in dataset.sources]):
        yield f'<li id="s-{text(s.id)}">{_source_line(s)}</li>'
    yield "</ul>"
    yield "</section>"
