"""Each kind of record as plain data, written once for every view that shows it: JSON objects and CSV rows of
meetings, participants, sources, quotes, disputes and reported tallies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summits.model import COUNTRY_NAMES, Dataset, Dispute, Meeting, Participant, Quote, Source
from summits.query.names import speaker_label

if TYPE_CHECKING:  # for annotations only: the views that show tallies import it
    from summits.query.counts import TallyCheck


def participant_data(p: Participant) -> dict[str, Any]:
    return {"id": p.leader.id, "name": p.leader.name, "country": COUNTRY_NAMES[p.country], "role": p.role}


def meeting_data(meeting: Meeting) -> dict[str, Any]:
    """A meeting in the documented JSON contract (list and search)."""
    return {
        "id": meeting.id,
        "date": meeting.date.iso(),
        "end_date": meeting.end_date.iso() if meeting.end_date else None,
        "date_precision": meeting.date.precision,
        "city": meeting.city,
        "country": meeting.country,
        "venue": meeting.venue,
        "kind": meeting.kind.value,
        "event": meeting.event,
        "participants": [participant_data(p) for p in meeting.participants],
        "topics": list(meeting.topics),
        "agreements": list(meeting.agreements),
        "summary": meeting.summary,
        "sources": list(meeting.sources),
    }


def source_data(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "kind": source.kind,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.iso() if source.date else None,
        "url": source.url,
    }


def quote_data(dataset: Dataset, meeting: Meeting, quote: Quote) -> dict[str, Any]:
    return {
        "meeting": meeting.id,
        "speaker": speaker_label(dataset, quote) if quote.speaker else quote.speaker_name,
        "speaker_id": quote.speaker,
        "speaker_role": quote.speaker_role,
        "text": quote.text,
        "context": quote.context,
        "source": quote.source,
    }


def dispute_data(dispute: Dispute) -> dict[str, Any]:
    return {
        "field": dispute.field,
        "value": dispute.value,
        "reason": dispute.reason,
        "claims": [{"claim": c.claim, "source": c.source} for c in dispute.claims],
    }


def tally_data(check: TallyCheck) -> dict[str, Any]:
    """A reported tally beside the number of meetings listed in its scope."""
    t = check.tally
    return {
        "leaders": list(t.leaders),
        "start": t.start.iso(),
        "end": t.end.iso(),
        "in_person": t.in_person,
        "reported": t.number,
        "listed": check.listed,
        "source": t.source,
        "note": t.note,
    }


MEETING_CSV_HEADER = (
    "id", "date", "end_date", "city", "country", "venue", "kind", "event",
    "participants", "roles", "topics", "agreements", "summary", "sources",
)  # fmt: skip


def meeting_csv_row(meeting: Meeting) -> list[object]:
    return [
        meeting.id,
        meeting.date.iso(),
        meeting.end_date.iso() if meeting.end_date else "",
        meeting.city,
        meeting.country,
        meeting.venue,
        meeting.kind.value,
        meeting.event,
        [p.leader.name for p in meeting.participants],
        [f"{p.leader.name}: {p.role}" for p in meeting.participants],
        list(meeting.topics),
        list(meeting.agreements),
        meeting.summary,
        list(meeting.sources),
    ]
