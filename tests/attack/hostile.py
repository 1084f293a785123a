"""Hostile datasets: valid-looking files whose text tries to take over a terminal, break markup or confuse a
reader, and files that look valid but are not. Each generator returns text to write to a file; nothing here
imports summits, so the attack suite works whatever the package's layout."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MINI = Path(__file__).resolve().parents[1] / "data" / "mini.toml"

# Text that a terminal would act on, or that a renderer would read as markup, keyed by what it attacks.
PAYLOADS: dict[str, str] = {
    "osc-title": "\x1b]0;PWNED-TITLE\x07",
    "csi-clear": "\x1b[2J\x1b[H",
    "osc8-link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;PWNED\x9c",
    "bidi": "\u202egnp.exe\u202c",
    "bidi-isolate": "\u2066abc\u2069",
    "rich-markup": "[bold red]red[/] [/] [link=https://evil.example]x",
    "nul-bel-del": "a\x00b\x07c\x08d\x7fe",
    "newline-cr": "line one\r\nline two\rover",
}

# What must never reach a terminal raw: the bytes of each payload's active part.
DANGEROUS_BYTES: tuple[bytes, ...] = (
    b"\x1b]0;PWNED",
    b"\x1b[2J",
    b"\x1b]8;;",
    "\x9b".encode(),
    "\x9d".encode(),
    "\u202e".encode(),
    "\u2066".encode(),
    b"\x00",
    b"\x07",
)


def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


def mini_document() -> dict[str, Any]:
    return tomllib.loads(mini_text())


def big_toml(padding: int = 70_000) -> str:
    """mini.toml behind a long comment: over the size at which the dataset cache starts keeping entries."""
    return "#" + "x" * padding + "\n" + mini_text()


def _meeting(document: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(m for m in document["meetings"] if m["id"] == ident)


def with_text(text: str) -> dict[str, Any]:
    """mini, with text planted in every kind of field a command prints: names, places, summaries, topics, quotes,
    sources and their URLs, dispute claims, tally notes."""
    document = copy.deepcopy(mini_document())
    putin = next(leader for leader in document["leaders"] if leader["id"] == "putin")
    putin["name"] = f"Vladimir {text} Putin"
    putin["aliases"] = [f"Alias {text}"]
    helsinki = _meeting(document, "helsinki-2018")
    helsinki["summary"] = f"Summit {text} summary."
    helsinki["venue"] = f"Palace {text}"
    helsinki["city"] = f"Helsinki {text}"
    helsinki["topics"] = [f"topic {text}", "nuclear arms"]
    helsinki["quotes"][0]["text"] = f"Quote {text} text."
    helsinki["quotes"][0]["context"] = f"context {text}"
    hamburg = _meeting(document, "hamburg-2017")
    hamburg["disputes"][0]["reason"] = f"reason {text}"
    hamburg["disputes"][0]["claims"][0]["claim"] = f"claim {text}"
    for source in document["sources"]:
        source["title"] = f"Title {text}"
        source["publisher"] = f"Publisher {text}"
    document["sources"][0]["url"] = f"https://evil.example/{text}"
    document["tallies"][0]["note"] = f"note {text}"
    return document


def as_json(document: dict[str, Any]) -> str:
    """JSON text; ensure_ascii keeps lone surrogates and controls as escapes, which the JSON loader reads back."""
    return json.dumps(document, ensure_ascii=True, indent=1)


def hostile_json(text: str) -> str:
    return as_json(with_text(text))


def all_payloads_json() -> str:
    return hostile_json(" ".join(PAYLOADS.values()))


def url_json(url: str) -> str:
    document = copy.deepcopy(mini_document())
    document["sources"][0]["url"] = url
    return as_json(document)


def duplicate_key_json() -> str:
    """A meeting with "summary" twice: a JSON parser that keeps the last silently drops the first."""
    text = as_json(mini_document())
    needle = '"summary": "Lunch on Governors Island."'
    assert needle in text
    return text.replace(needle, '"summary": "THE REAL SUMMARY",\n  ' + needle)


def surrogate_json() -> str:
    document = copy.deepcopy(mini_document())
    _meeting(document, "reykjavik-1986")["summary"] = "lone \ud800 surrogate"
    return as_json(document)


def huge_int_toml() -> str:
    return mini_text().replace("number = 3\n", "number = 99999999999999999999\n")


def huge_int_json() -> str:
    document = copy.deepcopy(mini_document())
    document["tallies"][0]["number"] = 10**30
    return as_json(document)


def confusable_digits_json() -> str:
    """Two look-alike meetings whose id and date use mathematical and full-width digits."""
    document = copy.deepcopy(mini_document())
    base = _meeting(document, "helsinki-2018")
    for digits in ("𝟢𝟣𝟤𝟥𝟦𝟧𝟨𝟩𝟪𝟫", "０１２３４５６７８９"):
        table = str.maketrans("0123456789", digits)
        twin = copy.deepcopy(base)
        twin["id"] = "helsinki-2018".translate(table)
        twin["date"] = "2018-07-16".translate(table)
        twin.pop("quotes", None)
        document["meetings"].append(twin)
    return as_json(document)


def datetime_toml() -> str:
    text = mini_text()
    text = text.replace(
        'id = "new-york-1988"\ndate = "1988-12-07"', 'id = "new-york-1988"\ndate = 1988-12-07T10:00:00Z'
    )
    return text.replace('id = "bratislava-2005"\ndate = "2005"', 'id = "bratislava-2005"\ndate = 10:00:00')


def confusable_key_toml() -> str:
    return mini_text().replace(
        'summary = "Lunch on Governors Island."', '"s\u0443mmary" = "Lunch on Governors Island."'
    )


def invalid_big_toml() -> str:
    return big_toml().replace('participants = ["bush-gw", "putin"]', 'participants = ["bush-gw", "nobody-at-all"]', 1)


def many_meetings_toml(count: int) -> str:
    """mini plus count generated meetings: big enough that loading and exporting take a noticeable while."""
    parts = [mini_text()]
    for n in range(count):
        parts.append(
            f'\n[[meetings]]\nid = "generated{n}-2001"\ndate = "2001-06-16"\ncity = "City {n}"\ncountry = "Slovenia"\n'
            f'kind = "summit"\nparticipants = ["bush-gw", "putin"]\n'
            f'summary = "Generated meeting number {n}, with a summary long enough to weigh something."\n'
            f'topics = ["topic {n % 50}"]\nsources = ["news-one"]\n'
        )
    return "".join(parts)
