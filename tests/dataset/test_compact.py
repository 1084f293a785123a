"""compact.from_plain is the inverse of compact.to_plain, through marshal, for any dataset."""

from __future__ import annotations

import marshal

from hypothesis import HealthCheck, given, settings

from summits.dataset.compact import from_plain, to_plain
from summits.model import Dataset

from .test_document import datasets


def _through_marshal(dataset: Dataset) -> Dataset:
    return from_plain(marshal.loads(marshal.dumps(to_plain(dataset))))


def test_the_mini_dataset_comes_back_equal_with_shared_leaders(mini: Dataset) -> None:
    again = _through_marshal(mini)
    assert again == mini
    helsinki = again.meeting("helsinki-2018")
    assert helsinki is not None
    assert [p.leader for p in helsinki.participants] == [again.leader("trump"), again.leader("putin")]
    assert helsinki.participants[0].leader is again.leader("trump")


def test_the_plain_form_holds_the_fields_in_order(mini: Dataset) -> None:
    schema_version, leaders, sources, tallies, meetings = to_plain(mini)
    assert schema_version == 1
    assert leaders[2] == ("reagan", "Ronald Reagan", "US", (("President", "US", (1981, 1, 20), (1989, 1, 20)),), ())
    assert sources[1][:3] == ("news-one", "news", "A news report")
    assert meetings[0][:3] == ("reykjavik-1986", (1986, 10, 11), "summit")
    assert meetings[0][3] == (
        ("reagan", "President", "US", True),
        ("gorbachev", "General Secretary of the Communist Party", "SU", False),
    )
    assert len(tallies) == len(mini.tallies)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_datasets_come_back_equal(dataset: Dataset) -> None:
    assert _through_marshal(dataset) == dataset
