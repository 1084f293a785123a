"""Full-text search over meetings: places, events, summaries, topics, agreements and quotes.

Pure functions over the model, no I/O. Matching is case-, accent- and punctuation-insensitive as in
`query.normalize`, and a query word matches at the start of a word, so "arm" finds "arms" and "armed"
but not "harm". Every word of the query must match somewhere in the meeting (AND).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from summits.model import Dataset, Meeting, Quote
from summits.query.names import speaker_label

# The fields searched, in the order results show them, with the weight a match in each adds to the score.
# Topics and agreements are the curated description of what a meeting was about, so they count most; the place and
# the gathering say where it happened; summaries and quotes are free text, where a word can appear in passing.
FIELD_WEIGHTS: dict[str, int] = {
    "topics": 3,
    "agreements": 3,
    "event": 2,
    "city": 2,
    "country": 2,
    "venue": 2,
    "summary": 1,
    "quotes": 1,
    "speakers": 1,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of a meeting's text that matched: the field, the text, and for quotes the quote itself."""

    field: str
    text: str
    quote: Quote | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    meeting: Meeting
    score: int
    hits: tuple[Hit, ...]

    @property
    def matched(self) -> tuple[str, ...]:
        """The names of the fields that matched, in the order of FIELD_WEIGHTS."""
        fields = {h.field for h in self.hits}
        return tuple(f for f in FIELD_WEIGHTS if f in fields)


# Letters that Unicode does not decompose into a base letter and an accent, spelled as English writers spell them.
_FOLDS = {"ð": "d", "þ": "th", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"}


@functools.cache  # text repeats a few hundred distinct characters; fold each once
def _fold(char: str) -> str:
    """One character as search compares it: lower case, no accents, and a space for anything but letters and digits.

    The same folding as `query.normalize`, except that letters outside a-z are kept (or spelled out, ø -> o)
    rather than turned into spaces, so that "Höfði" stays one word.
    """
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", char.casefold()):
        if unicodedata.combining(part):
            continue
        part = _FOLDS.get(part, part)
        out.append(part if part.isalnum() else " ")
    return "".join(out)


_ASCII_FOLDS = {code: _fold(chr(code)) for code in range(128)}


def query_words(text: str) -> tuple[str, ...]:
    """The distinct folded words of a query, in the order typed: "Nuclear  ARMS, nuclear" -> ("nuclear", "arms")."""
    return tuple(dict.fromkeys("".join(_fold(c) for c in text).split()))


def _normalized_chars(text: str) -> tuple[str, Sequence[int]]:
    """The text folded one character at a time (see `_fold`), with where each character came from in the text.

    Spaces are not collapsed, so that every position maps back to the original text.
    """
    if text.isascii():  # most text: each character folds to exactly one, so positions do not move
        return text.translate(_ASCII_FOLDS), range(len(text))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def match_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where in text any of the (normalized) words occurs at the start of a word, as sorted (start, end) offsets."""
    flat, origin = _normalized_chars(text)
    spans: set[tuple[int, int]] = set()
    for word in words:
        if not word:
            continue
        at = flat.find(word)
        while at != -1:
            if at == 0 or flat[at - 1] == " ":
                spans.add((origin[at], origin[at + len(word) - 1] + 1))
            at = flat.find(word, at + 1)
    return sorted(spans)


def matches_word(text: str | None, word: str) -> bool:
    return bool(text) and bool(match_spans(text or "", [word]))


def _field_texts(dataset: Dataset, meeting: Meeting) -> dict[str, list[tuple[str, Quote | None]]]:
    quotes: list[tuple[str, Quote | None]] = [(q.text, q) for q in meeting.quotes]
    speakers: list[tuple[str, Quote | None]] = [(speaker_label(dataset, q), q) for q in meeting.quotes]
    return {
        "topics": [(t, None) for t in meeting.topics],
        "agreements": [(a, None) for a in meeting.agreements],
        "event": [(meeting.event, None)] if meeting.event else [],
        "city": [(meeting.city, None)] if meeting.city else [],
        "country": [(meeting.country, None)] if meeting.country else [],
        "venue": [(meeting.venue, None)] if meeting.venue else [],
        "summary": [(meeting.summary, None)],
        "quotes": quotes,
        "speakers": speakers,
    }


def score_meeting(dataset: Dataset, meeting: Meeting, words: Sequence[str]) -> SearchResult | None:
    """The meeting as a search result, or None when some word matches none of its fields.

    Score: for every query word and every field it matches, that field's weight (FIELD_WEIGHTS); a field counts
    once per word however many of its topics or quotes match. So "nuclear arms" in a meeting whose topics say
    "nuclear arms" and whose summary mentions both words scores 3 + 3 + 1 + 1 = 8.
    """
    score = 0
    hits: dict[tuple[str, str, int], Hit] = {}
    fields = _field_texts(dataset, meeting)
    for word in words:
        found = False
        for field, texts in fields.items():
            matching = [(text, quote) for text, quote in texts if matches_word(text, word)]
            if not matching:
                continue
            found = True
            score += FIELD_WEIGHTS[field]
            for text, quote in matching:
                hits.setdefault((field, text, id(quote)), Hit(field, text, quote))
        if not found:
            return None
    ordered = sorted(hits.values(), key=lambda h: list(FIELD_WEIGHTS).index(h.field))
    return SearchResult(meeting, score, tuple(ordered))


def search(dataset: Dataset, meetings: Sequence[Meeting], text: str) -> list[SearchResult]:
    """The meetings in which every word of text matches, best first: highest score, then in chronological order."""
    words = query_words(text)
    if not words:
        return []
    results = [r for r in (score_meeting(dataset, m, words) for m in meetings) if r is not None]
    # sorted() is stable and meetings come in chronological order, so equal scores stay chronological.
    return sorted(results, key=lambda r: -r.score)
