"""What people type, as the ids and values of the dataset: leaders, meetings, kinds, countries, groupings and
the values of any option with a fixed set of them. Anything that does not resolve raises UnknownName with the
closest matches (or every valid choice), so that the caller can say "did you mean ...?"; a value that cannot mean
anything (a date that is not one) raises BadValue. Pure functions: no I/O, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summits.model import Dataset, Kind, Leader, Meeting, Quote

GROUPINGS = ("president", "counterpart", "pair", "year", "decade", "country", "kind")

# Names people type for the places where meetings were held, beyond the names the data uses.
COUNTRY_SYNONYMS = {
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "united states of america": "United States",
    "ussr": "Soviet Union",
    "u s s r": "Soviet Union",
    "soviet union": "Soviet Union",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
}


class BadValue(ValueError):
    """A value given for an option that cannot mean anything, with what to do instead."""


class UnknownName(LookupError):
    """A name, id or value that matches nothing; carries the closest matches or the valid choices."""

    def __init__(self, what: str, given: str, suggestions: Sequence[str], choices: Sequence[str] = ()) -> None:
        super().__init__(f"unknown {what}: {given!r}")
        self.what = what
        self.given = given
        self.suggestions = tuple(suggestions)
        self.choices = tuple(choices)


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names: "George H.W. Bush" -> "george h w bush"."""
    plain = text.casefold()
    if not plain.isascii():  # only then is there an accent to take off, and unicodedata (a module of its own) to load
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def closest(given: str, candidates: Iterable[str] | dict[str, str], limit: int = 3) -> list[str]:
    """The candidates nearest to what was typed: those it starts, then the most similar.

    Candidates may be a mapping from a name to match against to the label to suggest (a surname to a full name).
    """
    import difflib

    labels = dict(candidates) if isinstance(candidates, dict) else {c: c for c in candidates}
    by_key: dict[str, str] = {}
    for name, label in sorted(labels.items()):
        by_key.setdefault(normalize(name), label)
    key = normalize(given)
    starts = [label for name, label in by_key.items() if key and name.startswith(key)]
    similar = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6)
    result: list[str] = []
    for label in starts + [by_key[s] for s in similar]:
        if label not in result:
            result.append(label)
    return result[: max(limit, len(starts))]


# ---------------------------------------------------------------- resolving what people type


def leader_keys(leader: Leader) -> set[str]:
    """Every normalized name that refers to this leader: id, full name, surname, aliases."""
    keys = {normalize(leader.id), normalize(leader.name), normalize(leader.surname)}
    keys.update(normalize(alias) for alias in leader.aliases)
    return keys


def resolve_leader(dataset: Dataset, name: str) -> frozenset[str]:
    """The ids of every leader the name can mean ("Bush" means both Presidents Bush)."""
    key = normalize(name)
    found = frozenset(leader.id for leader in dataset.leaders if key and key in leader_keys(leader))
    if found:
        return found
    names = {key: leader.name for leader in dataset.leaders for key in leader_keys(leader)}
    raise UnknownName("leader", name, closest(name, names))


def resolve_meeting(dataset: Dataset, ident: str) -> Meeting:
    meeting = dataset.meeting(ident.strip().lower())
    if meeting is None:
        raise UnknownName("meeting id", ident, closest(ident, (m.id for m in dataset.meetings), limit=5))
    return meeting


def resolve_kind(text: str) -> Kind:
    return Kind(resolve_choice("kind", text, [k.value for k in Kind]))


def resolve_grouping(text: str) -> str:
    return resolve_choice("grouping for --by", text, GROUPINGS)


def resolve_country(dataset: Dataset, text: str) -> str:
    """The country name as the data spells it, accepting common synonyms ("USSR", "UK")."""
    places = {m.country for m in dataset.meetings if m.country}
    by_key = {normalize(p): p for p in places}
    key = normalize(text)
    if key in by_key:
        return by_key[key]
    synonym = COUNTRY_SYNONYMS.get(key)
    if synonym is not None and normalize(synonym) in by_key:
        return by_key[normalize(synonym)]
    raise UnknownName("country", text, closest(text, places), sorted(places))


def resolve_choice(what: str, text: str, choices: Sequence[str]) -> str:
    """One of a fixed set of values, in any case."""
    value = text.strip().lower()
    if value not in choices:
        raise UnknownName(what, text, closest(text, choices), choices)
    return value


def speaker_label(dataset: Dataset, quote: Quote) -> str:
    """The speaker as printed: a leader's name, or the name and role of anyone else."""
    if quote.speaker is not None:
        leader = dataset.leader(quote.speaker)
        return leader.name if leader else quote.speaker
    if quote.speaker_role:
        return f"{quote.speaker_name} ({quote.speaker_role})"
    return quote.speaker_name or ""
