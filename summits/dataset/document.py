"""A Dataset back into plain data in the shape of the data file: the inverse of dataset.build.

`to_document` gives dicts, lists, strings, integers and booleans only, in the order and with the keys that
`data/meetings.toml` uses (see the README's "The data file"), so that `json.dumps` of it is a dataset file that
`summits --data FILE.json` reads, and `dataset.build(to_document(d))` gives back a Dataset equal to `d`.
Optional keys are left out when they have no value, as a person writing the TOML file would leave them out.
Derived facts (participants' roles and countries) are not written: the loader derives them again; only roles
given in the file as overrides are written back.
"""

from __future__ import annotations

from typing import Any

from summits.model import LANGUAGES, Dataset, Dispute, Leader, Meeting, Office, PartialDate, Quote, Source, Tally


def to_document(dataset: Dataset) -> dict[str, Any]:
    """The whole dataset as plain data, key for key as in the data file."""
    return {
        **_present(
            [("schema_version", dataset.schema_version), ("version", dataset.version), ("as_of", _date(dataset.as_of))]
        ),
        "leaders": [leader_document(x) for x in dataset.leaders],
        "sources": [source_document(x) for x in dataset.sources],
        "tallies": [tally_document(x) for x in dataset.tallies],
        "meetings": [meeting_document(x, dataset) for x in dataset.meetings],
    }


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _present(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A table without the optional keys that have no value (None or an empty list or table)."""
    return {key: value for key, value in pairs if value is not None and value != [] and value != {}}


def office_document(office: Office) -> dict[str, Any]:
    return _present(
        [
            ("title", office.title),
            ("country", office.country),
            ("start", office.start.iso()),
            ("end", _date(office.end)),
        ]
    )


def leader_document(leader: Leader) -> dict[str, Any]:
    return _present(
        [
            ("id", leader.id),
            ("name", leader.name),
            ("country", leader.country),
            ("aliases", list(leader.aliases)),
            ("offices", [office_document(o) for o in leader.offices]),
        ]
    )


def source_document(source: Source) -> dict[str, Any]:
    return _present(
        [
            ("id", source.id),
            ("kind", source.kind),
            ("title", source.title),
            ("publisher", source.publisher),
            ("date", _date(source.date)),
            ("url", source.url),
        ]
    )


def tally_document(tally: Tally) -> dict[str, Any]:
    # `leaders` is written even when empty (a tally of every leader): the loader requires the key.
    return {"id": tally.id, "leaders": list(tally.leaders)} | _present(
        [
            ("start", tally.start.iso()),
            ("end", tally.end.iso()),
            ("contact", [c.value for c in tally.contact]),
            ("kinds", [k.value for k in tally.kinds]),
            ("titles", list(tally.titles)),
            ("qualifier", tally.qualifier if tally.qualifier != "exactly" else None),
            ("number", tally.number),
            ("words", tally.words),
            ("language", tally.language if tally.language != "en" else None),
            ("source", tally.source),
            ("definition", tally.definition),
            ("explanation", tally.explanation),
        ]
    )


def quote_document(quote: Quote, derived_language: str = "en") -> dict[str, Any]:
    return _present(
        [
            ("speaker", quote.speaker),
            ("speaker_name", quote.speaker_name),
            ("speaker_role", quote.speaker_role),
            ("text", quote.text),
            ("context", quote.context),
            ("source", quote.source),
            # Written only where it is not what the loader would derive again from the speaker.
            ("language", quote.language if quote.language != derived_language else None),
            ("also_in", list(quote.also_in)),
            ("variants", [{"text": v.text, "source": v.source} for v in quote.variants]),
        ]
    )


def dispute_document(dispute: Dispute) -> dict[str, Any]:
    return {
        "field": dispute.field,
        "value": dispute.value,
        "reason": dispute.reason,
        "claims": [{"claim": c.claim, "source": c.source} for c in dispute.claims],
    }


def _speaker_language(dataset: Dataset | None, quote: Quote) -> str:
    """The language the loader gives a quote whose file entry names none: its speaker's side's."""
    leader = dataset.leader(quote.speaker) if dataset and quote.speaker else None
    return LANGUAGES.get(leader.country, "en") if leader else "en"


def meeting_document(meeting: Meeting, dataset: Dataset | None = None) -> dict[str, Any]:
    return _present(
        [
            ("id", meeting.id),
            ("date", meeting.date.iso()),
            ("end_date", _date(meeting.end_date)),
            ("city", meeting.city),
            ("country", meeting.country),
            ("venue", meeting.venue),
            ("kind", meeting.kind.value),
            ("contact", meeting.contact.value),
            ("event", meeting.event),
            ("participants", [p.leader.id for p in meeting.participants]),
            ("roles", dict(meeting.role_overrides)),
            ("summary", meeting.summary),
            ("topics", list(meeting.topics)),
            ("agreements", list(meeting.agreements)),
            ("sources", list(meeting.sources)),
            ("quotes", [quote_document(q, _speaker_language(dataset, q)) for q in meeting.quotes]),
            ("disputes", [dispute_document(d) for d in meeting.disputes]),
        ]
    )
