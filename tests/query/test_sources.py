"""Who cites which source, and the recorded disagreements between sources."""

import dataclasses

from summits.model import Claim, Dataset, Dispute
from summits.query import sources as records

# ---------------------------------------------------------------- sources


def test_citations_count_every_kind_of_record(mini: Dataset) -> None:
    rows = records.citations(mini)
    assert [(c.source.id, c.meetings, c.quotes, c.claims, c.tallies, c.total) for c in rows] == [
        ("ooh-trip-3817", 1, 0, 1, 0, 2),
        ("news-one", 7, 4, 1, 1, 13),
    ]


# ---------------------------------------------------------------- disputes


def test_disputes_can_be_narrowed_to_a_field(mini: Dataset) -> None:
    meeting = mini.meetings[0]
    wording = Dispute("quotes (wording)", "v", "r", (Claim("c", "news-one"),))
    city = Dispute("city", "v", "r", (Claim("c", "news-one"),))
    changed = dataclasses.replace(meeting, disputes=(wording, city))
    assert [r.dispute.field for r in records.disputes([changed])] == ["quotes (wording)", "city"]
    assert [r.dispute.field for r in records.disputes([changed], "Quotes")] == ["quotes (wording)"]
    assert [r.dispute.field for r in records.disputes([changed], "CITY")] == ["city"]
    assert records.disputes([changed], "quo") == []
