"""The whole dataset as a Markdown document for reading: one section per meeting, in chronological order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from summits.export.files import write_text
from summits.model import COUNTRY_NAMES, LANGUAGE_NAMES, Dataset, Meeting, PartialDate
from summits.output.text import date_range_label, escape_controls, tally_reason, tally_scope, tally_verdict
from summits.query.names import speaker_label
from summits.query.sources import primary_first
from summits.query.tallies import reconcile_all

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
_MD_LINE_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")
# A URL written as an autolink, raw: only when it holds no control character (C0, DEL, C1) and no bidi or
# invisible formatting character; any other URL is escaped like the rest of the text.
_AUTOLINK = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")


def md(text: str | None, *, line_start: bool = False) -> str:
    """Data text as literal Markdown: control characters shown escaped, newlines as spaces, and every character
    that Markdown (CommonMark, GitHub) would read as formatting, a link, HTML or math backslash-escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", escape_controls(text or ""))
    if line_start:
        escaped = escaped.lstrip(" ")
        match = _MD_LINE_START.match(escaped)
        if match:
            if match.group(1).isdigit():  # "1986. ..." would start a numbered list
                end = match.end()
                escaped = escaped[:end] + "\\" + escaped[end:]
            else:
                escaped = "\\" + escaped
    return escaped


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _url(url: str) -> str:
    return f"<{url}>" if _AUTOLINK.fullmatch(url) else md(url)


def _date_label(meeting: Meeting) -> str:
    return date_range_label(meeting.date, meeting.end_date)


def markdown_lines(dataset: Dataset) -> Iterator[str]:
    meetings = dataset.meetings
    yield "# Meetings of U.S. presidents with Soviet and Russian leaders"
    yield ""
    span = f", {meetings[0].date} to {meetings[-1].end_date or meetings[-1].date}" if meetings else ""
    yield (
        f"{len(meetings)} meetings{span}, in chronological order, with {len(dataset.leaders)} leaders and "
        f"{len(dataset.sources)} sources. Phone and video calls are included and marked as such. Each role is the "
        "office the person held on the day. Quotes are verbatim from the source named beside them."
    )
    for m in meetings:
        yield ""
        yield f"## {md(_date_label(m))}: {md(m.place)}"
        yield ""
        yield f"- **Id:** `{m.id}`"
        yield f"- **Kind:** {md(m.kind.value)}"
        if m.event:
            yield f"- **Event:** {md(m.event)}"
        if m.venue:
            yield f"- **Venue:** {md(m.venue)}"
        people = "; ".join(f"{md(p.leader.name)} ({md(p.role)}, {COUNTRY_NAMES[p.country]})" for p in m.participants)
        yield f"- **Participants:** {people}"
        if m.topics:
            yield f"- **Topics:** {', '.join(md(t) for t in m.topics)}"
        if m.agreements:
            yield f"- **Agreements:** {'; '.join(md(a) for a in m.agreements)}"
        yield ""
        yield md(m.summary, line_start=True)
        if m.quotes:
            yield ""
            yield "### Quotes"
            for q in m.quotes:
                yield ""
                yield f"> “{md(q.text)}”"
                yield ">"
                translated = f" (translated from {LANGUAGE_NAMES.get(q.language, q.language)})" if q.translated else ""
                yield f"> — {md(speaker_label(dataset, q))}{translated}, {md(q.context)} (source: `{q.source}`)"
        if m.disputes:
            yield ""
            yield "### Disagreements between sources"
            yield ""
            for d in m.disputes:
                yield f"- **{md(d.field)}:** this dataset uses {md(d.value)}. {md(d.reason)}"
                for c in d.claims:
                    yield f"  - `{c.source}`: {md(c.claim)}"
        yield ""
        yield "### Sources"
        yield ""
        for s in primary_first(dataset, m.sources):  # the record of what was said first
            details = ", ".join(md(x) for x in (s.publisher, _iso(s.date)) if x)
            line = f"- `{s.id}`: {md(s.title)}" + (f" ({details})" if details else "")
            yield line + (f" {_url(s.url)}" if s.url else "")
    if dataset.leaders:
        yield ""
        yield "## Leaders"
        yield ""
        for leader in dataset.leaders:
            offices = "; ".join(
                f"{md(o.title)} ({COUNTRY_NAMES[o.country]}) from {o.start}" + (f" to {o.end}" if o.end else "")
                for o in leader.offices
            )
            yield f"- **{md(leader.name)}** (`{leader.id}`): {offices}"
    if dataset.tallies:
        yield ""
        yield "## Totals reported by sources"
        yield ""
        for check in reconcile_all(dataset):
            t = check.tally
            names = " and ".join(md(getattr(dataset.leader(i), "name", i)) for i in t.leaders) or "All leaders"
            reason = tally_reason(check)
            yield (
                f"- {names}, {md(tally_scope(t))}: reported {t.number}, listed {check.listed}, "
                f"{md(tally_verdict(check))} (`{t.id}`, source: `{t.source}`): “{md(t.words)}”"
                + (f" {md(reason)}" if reason else "")
            )


def markdown_text(dataset: Dataset) -> str:
    """The dataset as a Markdown document for reading: one section per meeting, in chronological order."""
    return "\n".join(markdown_lines(dataset)) + "\n"


def write_markdown(dataset: Dataset, path: Path) -> None:
    write_text(path, markdown_text(dataset))
