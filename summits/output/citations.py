"""Ready-to-paste citations of sources, quotes and the dataset itself, in the styles people paste into drafts.

Pure text: a citation is built from a Source (and, for a quote, its speaker and meeting) and returned as a
string or, for CSL-JSON, as plain data. No style invents what a source does not say: a missing publisher or
date is left out, never guessed, and no source in the dataset names a personal author, so none is printed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from summits.model import PartialDate, Source


class Style(str, Enum):
    """The citation styles `summits cite` prints."""

    CHICAGO = "chicago"
    APA = "apa"
    MLA = "mla"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"
    WIKIPEDIA = "wikipedia"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# MLA abbreviates months of more than four letters (MLA Handbook, 9th ed., 2021).
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# How each kind of source reads as a CSL item type and as a Wikipedia citation template.
CSL_TYPES = {
    "news": "article-newspaper",
    "seed": "article-newspaper",
    "reference": "entry-encyclopedia",
    "dataset": "dataset",
}


@dataclass(frozen=True, slots=True)
class Work:
    """What a citation needs to know about the dataset as a citable work."""

    title: str
    version: str
    as_of: PartialDate | None
    url: str | None
    publisher: str


def csl_type(source: Source) -> str:
    """The CSL item type: speeches and news conferences are `speech`, memoranda and other records `report`."""
    if source.kind in CSL_TYPES:
        return CSL_TYPES[source.kind]
    if source.kind == "primary":
        spoken = re.search(
            r"\b(remarks|news conference|press conference|statement|address|toast)\b", source.title, re.I
        )
        return "speech" if spoken else "report"
    return "webpage"


def _long_date(date: PartialDate, months: Sequence[str] = MONTHS) -> str:
    """'July 16, 2018', 'July 2018' or '2018': the date at the precision the source gives."""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{months[date.month - 1]} {date.year}"
    return f"{months[date.month - 1]} {date.day}, {date.year}"


def _day_month_year(date: PartialDate) -> str:
    """MLA's '16 July 2018' order."""
    if date.month is None:
        return str(date.year)
    month = MLA_MONTHS[date.month - 1]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def _sentence(text: str) -> str:
    """Text ending in one full stop (or the question or exclamation mark it already has)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def chicago(source: Source) -> str:
    """Chicago notes-bibliography, bibliography entry for an online source without a named author."""
    parts = [f"“{_sentence(source.title)}”"]
    tail = [p for p in (source.publisher, _long_date(source.date) if source.date else None) if p]
    if tail:
        parts.append(_sentence(", ".join(tail)))
    if source.url:
        parts.append(_sentence(source.url))
    return " ".join(parts)


def apa(source: Source) -> str:
    """APA 7th edition, reference-list entry for a work with no author: the title moves to the author's place."""
    if source.date is None:
        when = "(n.d.)."
    elif source.date.month is None:
        when = f"({source.date.year})."
    else:
        month = MONTHS[source.date.month - 1]
        when = f"({source.date.year}, {month}{'' if source.date.day is None else f' {source.date.day}'})."
    parts = [_sentence(source.title), when]
    if source.publisher:
        parts.append(_sentence(source.publisher))
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def mla(source: Source) -> str:
    """MLA 9th edition, works-cited entry: title, container or publisher, date, URL without the scheme."""
    parts = [f"“{_sentence(source.title)}”"]
    tail = [p for p in (source.publisher, _day_month_year(source.date) if source.date else None) if p]
    if source.url:
        tail.append(re.sub(r"^https?://", "", source.url))
    if tail:
        parts.append(_sentence(", ".join(tail)))
    return " ".join(parts)


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_BIBTEX_REPLACE = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "^": r"\^{}",
    "~": r"\~{}",
}


def _bibtex_text(text: str) -> str:
    """Escape the characters that BibTeX and LaTeX treat as syntax; keep the text otherwise as it is."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACE.get(m.group(1), "\\" + m.group(1)), text)


def _bibtex_key(key: str) -> str:
    """A citation key BibTeX accepts: letters, digits and - _ : . only."""
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", key) or "source"


def bibtex(source: Source) -> str:
    """A BibTeX @misc entry (the type every BibTeX style knows), with the URL in `url` and `howpublished`."""
    fields: list[tuple[str, str]] = [("title", "{" + _bibtex_text(source.title) + "}")]
    if source.publisher:
        fields.append(("organization", "{" + _bibtex_text(source.publisher) + "}"))
    if source.date:
        fields.append(("year", "{" + str(source.date.year) + "}"))
        if source.date.month is not None:
            fields.append(("month", BIBTEX_MONTHS[source.date.month - 1]))
        fields.append(("date", "{" + source.date.iso() + "}"))
    if source.url:
        fields.append(("url", "{" + _bibtex_text(source.url) + "}"))
        fields.append(("howpublished", "{\\url{" + source.url.replace("}", "%7D").replace("{", "%7B") + "}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{_bibtex_key(source.id)},\n{body}\n}}"


def csl_item(source: Source) -> dict[str, Any]:
    """One CSL-JSON item (the citation format of Zotero, Mendeley and Pandoc)."""
    item: dict[str, Any] = {"id": source.id, "type": csl_type(source), "title": source.title}
    if source.publisher:
        # A newspaper is the container of its article; other publishers publish the record themselves.
        item["container-title" if item["type"] == "article-newspaper" else "publisher"] = source.publisher
    if source.date:
        parts = [source.date.year] + [p for p in (source.date.month, source.date.day) if p is not None]
        item["issued"] = {"date-parts": [parts]}
    if source.url:
        item["URL"] = source.url
    return item


def _wiki_value(text: str) -> str:
    """Template parameter values may not hold | {{ or }}: write them as the entities Wikipedia uses."""
    return text.replace("|", "&#124;").replace("{{", "&#123;&#123;").replace("}}", "&#125;&#125;")


def wikipedia(source: Source) -> str:
    """A {{cite news}} template for news reports, {{cite web}} for everything else."""
    template = "cite news" if csl_type(source) == "article-newspaper" else "cite web"
    params = [("title", source.title)]
    if source.publisher:
        params.append(("work" if template == "cite news" else "publisher", source.publisher))
    if source.date:
        params.append(("date", _long_date(source.date)))
    if source.url:
        params.append(("url", source.url))
    body = " ".join(f"|{name}={_wiki_value(value)}" for name, value in params)
    return "{{" + template + " " + body + "}}"


FORMATTERS = {
    Style.CHICAGO: chicago,
    Style.APA: apa,
    Style.MLA: mla,
    Style.BIBTEX: bibtex,
    Style.WIKIPEDIA: wikipedia,
}


def cite(source: Source, style: Style) -> str:
    """One source in one style (CSL-JSON as one item; `cite_all` gives the array)."""
    if style is Style.CSL_JSON:
        return json.dumps(csl_item(source), ensure_ascii=False, indent=2)
    return FORMATTERS[style](source)


def work_source(work: Work) -> Source:
    """The dataset as a Source, so that it is cited by the same code as every record in it."""
    return Source(
        id=f"summits-{work.version}",
        kind="dataset",
        title=f"{work.title}, version {work.version}"
        + (f" (data as of {_long_date(work.as_of)})" if work.as_of else ""),
        publisher=work.publisher,
        date=work.as_of,
        url=work.url,
    )
