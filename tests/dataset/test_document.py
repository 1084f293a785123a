"""serialize.to_document is the inverse of dataset.build: nothing in a valid dataset is lost on the way out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summits.dataset.build import build
from summits.dataset.document import to_document
from summits.dataset.files import read_document
from summits.model import (
    SOURCE_KINDS,
    Claim,
    Dataset,
    Dispute,
    Kind,
    Leader,
    Meeting,
    Office,
    PartialDate,
    Quote,
    Source,
    Tally,
    participant_on,
)
from tests.conftest import MINI


def _round_trip(dataset: Dataset) -> tuple[Dataset | None, list[Any]]:
    """Through JSON text and back, as `export --format json` and `--data FILE.json` do."""
    return build(json.loads(json.dumps(to_document(dataset), ensure_ascii=False)))


def test_document_has_the_data_file_shape(mini: Dataset) -> None:
    document = to_document(mini)
    assert list(document) == ["schema_version", "leaders", "sources", "tallies", "meetings"]
    assert document["leaders"][0] == {
        "id": "bush-hw",
        "name": "George H. W. Bush",
        "country": "US",
        "aliases": ["Bush Sr."],
        "offices": [
            {"title": "Vice President", "country": "US", "start": "1981-01-20", "end": "1989-01-20"},
            {"title": "President", "country": "US", "start": "1989-01-20", "end": "1993-01-20"},
        ],
    }
    assert document["tallies"] == [
        {
            "leaders": ["bush-gw", "putin"],
            "start": "2001-01-20",
            "end": "2009-01-20",
            "in_person": True,
            "number": 3,
            "source": "news-one",
            "note": "met three times",
        }
    ]
    meetings = {m["id"]: m for m in document["meetings"]}
    assert meetings["new-york-1988"] == {
        "id": "new-york-1988",
        "date": "1988-12-07",
        "city": "New York",
        "country": "United States",
        "venue": "Governors Island",
        "kind": "informal",
        "participants": ["reagan", "bush-hw", "gorbachev"],
        "roles": {"bush-hw": "Vice President and President-elect"},
        "summary": "Lunch on Governors Island.",
        "sources": ["news-one"],
    }
    assert meetings["helsinki-2018"]["quotes"][2] == {
        "speaker_name": "Dmitry Peskov",
        "speaker_role": "Kremlin spokesman",
        "text": "There is no clear agenda.",
        "context": "before the summit",
        "source": "news-one",
    }
    assert meetings["hamburg-2017"]["disputes"][0]["claims"][1] == {"claim": "July 2017", "source": "ooh-trip-3817"}
    assert meetings["trump-putin-call-2025-02"] == {
        "id": "trump-putin-call-2025-02",
        "date": "2025-02-12",
        "kind": "phone",
        "participants": ["trump", "putin"],
        "summary": "Telephone call.",
        "sources": ["news-one"],
    }


def test_mini_dataset_round_trips_exactly(mini: Dataset) -> None:
    assert build(to_document(mini)) == (mini, [])
    assert _round_trip(mini) == (mini, [])


def test_document_differs_when_the_dataset_does(mini: Dataset) -> None:
    # The round trip compares real content: a changed summary gives a different dataset back.
    document = to_document(mini)
    document["meetings"][0]["summary"] += "!"
    rebuilt, problems = build(document)
    assert problems == []
    assert rebuilt != mini


# ---------------------------------------------------------------- property: mutations of the mini dataset

# Any non-blank text, including control characters, markup, quotes and characters outside the BMP.
TEXT = st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip()))
TEXTS = st.lists(TEXT, max_size=3)


def _mini_document() -> dict[str, Any]:
    return read_document(MINI)


@st.composite
def mini_mutations(draw: st.DrawFn) -> dict[str, Any]:
    """The mini dataset with free text replaced, optional fields dropped, lists reordered, records removed."""
    doc = _mini_document()
    for leader in doc["leaders"]:
        if draw(st.booleans()):
            leader["name"] = draw(TEXT)
        if draw(st.booleans()):
            leader["aliases"] = draw(TEXTS)
        for office in leader["offices"]:
            if draw(st.booleans()):
                office["title"] = draw(TEXT)
    for source in doc["sources"]:
        source["title"] = draw(TEXT)
        for key in ("publisher", "date", "url"):
            if draw(st.booleans()):
                source.pop(key, None)
        if draw(st.booleans()):
            source["publisher"] = draw(TEXT)
        if draw(st.booleans()):
            source["url"] = draw(st.sampled_from(["https://", "http://"])) + draw(st.text(max_size=20))
    tallies = [dict(t) for t in draw(st.lists(st.sampled_from(doc["tallies"]), max_size=2))]
    for tally in tallies:
        if draw(st.booleans()):
            tally["note"] = draw(TEXT)
        tally["number"] = draw(st.integers(0, 10**6))
    doc["tallies"] = tallies
    kept = draw(st.lists(st.sampled_from(range(len(doc["meetings"]))), unique=True, min_size=1))
    doc["meetings"] = [doc["meetings"][i] for i in sorted(kept)]
    for meeting in doc["meetings"]:
        meeting["summary"] = draw(TEXT)
        for key in ("venue", "event", "end_date", "topics", "agreements", "quotes", "disputes", "roles"):
            if draw(st.booleans()):
                meeting.pop(key, None)
        for key in ("venue", "event"):
            if draw(st.booleans()):
                meeting[key] = draw(TEXT)
        if meeting["kind"] not in ("phone", "video"):
            meeting["city"], meeting["country"] = draw(TEXT), draw(TEXT)
        meeting["topics"], meeting["agreements"] = draw(TEXTS), draw(TEXTS)
        meeting["participants"] = draw(st.permutations(meeting["participants"]))
        meeting["sources"] = draw(st.lists(st.sampled_from(["news-one", "ooh-trip-3817"]), min_size=1, max_size=3))
        for quote in meeting.get("quotes", []):
            quote["text"], quote["context"] = draw(TEXT), draw(TEXT)
        for dispute in meeting.get("disputes", []):
            dispute["value"], dispute["reason"] = draw(TEXT), draw(TEXT)
            for claim in dispute["claims"]:
                claim["claim"] = draw(TEXT)
    return doc


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mini_mutations())
def test_mutated_mini_datasets_round_trip(document: dict[str, Any]) -> None:
    dataset, problems = build(document)
    assert problems == []
    assert dataset is not None
    assert _round_trip(dataset) == (dataset, [])


# ---------------------------------------------------------------- property: datasets built from the model

# Every generated office covers this window, so any meeting dated inside it has its participants in office.
WINDOW_START, WINDOW_END = dt.date(1990, 1, 1), dt.date(1999, 12, 31)


def _partial(draw: st.DrawFn, day: dt.date) -> PartialDate:
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


@st.composite
def offices(draw: st.DrawFn, countries: list[str]) -> tuple[Office, ...]:
    title = st.one_of(st.sampled_from(["President", "Prime Minister", "Vice President"]), TEXT)
    start = _partial(draw, draw(st.dates(dt.date(1950, 1, 1), dt.date(1989, 12, 31))))
    end_day = draw(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
    main = Office(draw(title), draw(st.sampled_from(countries)), start, _partial(draw, end_day) if end_day else None)
    extra = []
    if draw(st.booleans()):
        first = draw(st.dates(dt.date(1940, 1, 1), dt.date(2030, 1, 1)))
        last = draw(st.one_of(st.none(), st.dates(first, dt.date(2040, 1, 1))))
        extra.append(Office(draw(title), draw(st.sampled_from(countries)), PartialDate.from_date(first),
                            PartialDate.from_date(last) if last else None))  # fmt: skip
    return (main, *extra)


LEADER_IDS = st.from_regex(r"[a-z]{1,8}(-[a-z]{1,3})?", fullmatch=True)
SOURCE_IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    ids = draw(st.lists(LEADER_IDS, min_size=2, max_size=5, unique=True))
    split = draw(st.integers(1, len(ids) - 1))
    leaders = []
    for n, ident in enumerate(ids):
        american = n < split
        country = "US" if american else draw(st.sampled_from(["SU", "RU"]))
        leaders.append(
            Leader(
                ident,
                draw(TEXT),
                country,
                draw(offices(["US"] if american else ["SU", "RU"])),
                tuple(draw(TEXTS)),
            )
        )
    americans, others = leaders[:split], leaders[split:]
    source_ids = draw(st.lists(SOURCE_IDS, min_size=1, max_size=4, unique=True))
    optional_date = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    sources = [
        Source(
            ident,
            draw(st.sampled_from(SOURCE_KINDS)),
            draw(TEXT),
            draw(st.one_of(st.none(), TEXT)),
            _partial(draw, day) if (day := draw(optional_date)) else None,
            draw(st.one_of(st.none(), st.text(max_size=15).map(lambda s: "https://" + s))),
        )
        for ident in source_ids
    ]
    source = st.sampled_from(source_ids)
    meetings = []
    for n in range(draw(st.integers(0, 5))):
        day = draw(st.dates(WINDOW_START, WINDOW_END))
        date = _partial(draw, day)
        end_day = draw(st.one_of(st.none(), st.dates(date.last_day, WINDOW_END)))
        end_date = PartialDate.from_date(end_day) if end_day else None
        kind = draw(st.sampled_from(list(Kind)))
        who = [draw(st.sampled_from(americans)), draw(st.sampled_from(others))]
        overrides = {leader.id: draw(TEXT) for leader in who if draw(st.booleans())}
        first, last = date.first_day, (end_date or date).last_day
        quotes = [
            Quote(draw(TEXT), draw(TEXT), draw(source), speaker=draw(st.sampled_from(ids)))
            if draw(st.booleans())
            else Quote(draw(TEXT), draw(TEXT), draw(source), speaker_name=draw(TEXT), speaker_role=draw(TEXT))
            for _ in range(draw(st.integers(0, 2)))
        ]
        disputes = [
            Dispute(
                draw(TEXT),
                draw(TEXT),
                draw(TEXT),
                tuple(Claim(draw(TEXT), draw(source)) for _ in range(draw(st.integers(1, 2)))),
            )
            for _ in range(draw(st.integers(0, 1)))
        ]
        call = kind.is_call and draw(st.booleans())
        meetings.append(
            Meeting(
                id=f"place{n}-{date.year}",
                date=date,
                kind=kind,
                participants=tuple(participant_on(x, first, last, overrides.get(x.id)) for x in who),
                summary=draw(TEXT),
                sources=tuple(draw(st.lists(source, min_size=1, max_size=3))),
                city=None if call else draw(TEXT),
                country=None if call else draw(TEXT),
                venue=draw(st.one_of(st.none(), TEXT)),
                end_date=end_date,
                event=draw(st.one_of(st.none(), TEXT)),
                topics=tuple(draw(TEXTS)),
                agreements=tuple(draw(TEXTS)),
                quotes=tuple(quotes),
                disputes=tuple(disputes),
                role_overrides=tuple(sorted(overrides.items())),
            )
        )
    meetings.sort(key=lambda m: (m.date, m.end_date or m.date, m.id))
    tallies = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.dates(dt.date(1950, 1, 1), dt.date(2000, 1, 1)))
        end = draw(st.dates(start, dt.date(2030, 1, 1)))
        pair = (draw(st.sampled_from(americans)).id, draw(st.sampled_from(others)).id)
        tallies.append(
            Tally(
                pair if draw(st.booleans()) else (pair[1], pair[0]),
                PartialDate.from_date(start),
                _partial(draw, end),
                draw(st.booleans()),
                draw(st.integers(0, 1000)),
                draw(source),
                draw(st.one_of(st.none(), TEXT)),
            )
        )
    return Dataset(tuple(leaders), tuple(sources), tuple(meetings), tuple(tallies))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_datasets_round_trip(dataset: Dataset) -> None:
    assert build(to_document(dataset)) == (dataset, [])
    assert _round_trip(dataset) == (dataset, [])
