"""Reported tallies reconciled with the records: the figure listed on each tally's own definition (leaders, period,
contact levels, kinds, offices, leaders in office), a verdict, and the definitions that would give the reported
figure; which tallies cover a pair row."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from summits.dataset.files import load
from summits.model import Contact, Dataset, PartialDate, Tally
from summits.query import counts, filters
from summits.query.tallies import AGREES, DIFFERS, covers_pair, on_definition, reconcile, reconcile_all, tallies_for
from tests.conftest import MINI_TEXT

# The mini dataset with Hamburg 2017 as an event both only attended, and tallies of every sort.
TALLIES_TEXT = (
    MINI_TEXT.replace('kind = "sidelines"\ncontact = "talks"', 'kind = "sidelines"\ncontact = "attended"', 1)
    + """
[[tallies]]
id = "trump-putin-first-term-2"
leaders = ["trump", "putin"]
start = "2017-01-20"
end = "2021-01-20"
contact = ["talks", "encounter"]
number = 2
words = "met twice"
source = "news-one"
definition = "Meetings of Trump and Putin in his first term, counting the G20 in Hamburg."
explanation = "Counts the G20 in Hamburg, where no source reports a conversation."

[[tallies]]
id = "trump-putin-summits-1"
leaders = ["trump", "putin"]
start = "2017-01-20"
end = "2021-01-20"
contact = ["talks"]
kinds = ["summit"]
number = 1
words = "one summit"
source = "news-one"
definition = "Summits of Trump and Putin in his first term."

[[tallies]]
id = "trump-putin-calls-2025"
leaders = ["trump", "putin"]
start = "2025-01-20"
end = "2025-12-31"
contact = ["call"]
qualifier = "at least"
number = 1
words = "spoke at least once"
source = "news-one"
definition = "Calls of Trump and Putin in 2025."

[[tallies]]
id = "bush-gorbachev-1"
leaders = ["bush-hw", "gorbachev"]
start = "1981-01-20"
end = "1993-01-20"
contact = ["talks", "encounter"]
number = 1
words = "met once"
source = "news-one"
definition = "Meetings of George H. W. Bush and Gorbachev."

[[tallies]]
id = "gorbachev-with-presidents-2"
leaders = ["gorbachev"]
start = "1985-03-11"
end = "1991-12-25"
contact = ["talks", "encounter"]
titles = ["President", "General Secretary of the Communist Party"]
qualifier = "more than"
number = 1
words = "met American presidents more than once"
source = "news-one"
definition = "Gorbachev's meetings with any U.S. president."

[[tallies]]
id = "all-leaders-about-5"
leaders = []
start = "1980"
end = "2020"
contact = ["talks", "encounter"]
qualifier = "about"
number = 5
words = "about five meetings"
source = "news-one"
definition = "Every meeting of U.S. and Soviet or Russian leaders from 1980 to 2020."
"""
)


@pytest.fixture
def tallied(tmp_path: Path) -> Dataset:
    path = tmp_path / "tallies.toml"
    path.write_text(TALLIES_TEXT, encoding="utf-8")
    return load(path)


def _check(dataset: Dataset, tally_id: str):  # type: ignore[no-untyped-def]
    return reconcile(dataset, next(t for t in dataset.tallies if t.id == tally_id))


def _ids(meetings) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.id for m in meetings]


def test_the_mini_tally_lists_the_two_meetings_it_defines(mini: Dataset) -> None:
    [check] = reconcile_all(mini)
    assert (check.tally.id, check.listed, check.difference, check.verdict) == ("news-one-bush-putin-3", 2, -1, DIFFERS)
    assert _ids(check.meetings) == ["ljubljana-2001", "bratislava-2005"]
    assert check.alternatives == ()  # no simple definition gives 3: a gap, shown as it is


def test_each_tally_is_counted_on_its_own_definition(tallied: Dataset) -> None:
    results = {c.tally.id: (c.listed, c.verdict, _ids(c.meetings)) for c in reconcile_all(tallied)}
    assert results == {
        "news-one-bush-putin-3": (2, DIFFERS, ["ljubljana-2001", "bratislava-2005"]),
        "trump-putin-first-term-2": (1, DIFFERS, ["helsinki-2018"]),  # Hamburg was attended only
        "trump-putin-summits-1": (1, AGREES, ["helsinki-2018"]),  # kinds: summits only
        "trump-putin-calls-2025": (1, AGREES, ["trump-putin-call-2025-02"]),  # at least 1
        "bush-gorbachev-1": (0, DIFFERS, []),  # Bush was vice president in 1988
        # any leader on the side none is named for, each side holding one of the offices named: Reagan, twice
        "gorbachev-with-presidents-2": (2, AGREES, ["reykjavik-1986", "new-york-1988"]),
        # no leader named: every meeting between leaders in office, talks or an encounter
        "all-leaders-about-5": (
            5,
            AGREES,
            ["reykjavik-1986", "new-york-1988", "ljubljana-2001", "bratislava-2005", "helsinki-2018"],
        ),
    }


def test_a_differing_tally_names_the_definitions_that_give_its_figure(tallied: Dataset) -> None:
    trump = _check(tallied, "trump-putin-first-term-2")
    assert [(a.description, _ids(a.added), _ids(a.removed)) for a in trump.alternatives] == [
        ("talks, encounters and events both only attended", ["hamburg-2017"], []),
    ]  # the same change with leaders out of office too is not repeated
    bush = _check(tallied, "bush-gorbachev-1")
    assert [(a.description, _ids(a.added), _ids(a.removed)) for a in bush.alternatives] == [
        ("talks only, with leaders out of office too", ["new-york-1988"], []),
    ]
    assert _check(tallied, "trump-putin-summits-1").alternatives == ()  # agrees: nothing to explain


def test_a_call_tally_is_never_explained_by_meetings(tallied: Dataset) -> None:
    calls = next(t for t in tallied.tallies if t.id == "trump-putin-calls-2025")
    check = reconcile(tallied, replace(calls, number=3, qualifier="exactly"))
    assert (check.listed, check.verdict, check.alternatives) == (1, DIFFERS, ())


@pytest.mark.parametrize(
    ("qualifier", "number", "agrees"),
    [
        ("exactly", 2, [2]),
        ("more than", 2, [3, 4]),
        ("at least", 2, [2, 3, 4]),
        ("about", 2, [1, 2, 3]),
    ],
)
def test_a_qualified_figure_agrees_as_the_source_states_it(qualifier: str, number: int, agrees: list[int]) -> None:
    day = PartialDate(2001)
    tally = Tally("t", (), day, day, (Contact.TALKS,), number, "w", "s", "d", qualifier=qualifier)
    assert [n for n in range(5) if tally.agrees_with(n)] == agrees


def test_the_offices_a_tally_names_hold_on_each_side(tallied: Dataset) -> None:
    gorbachev = next(t for t in tallied.tallies if t.id == "gorbachev-with-presidents-2")
    presidents_only = replace(gorbachev, titles=("President",))  # Gorbachev became President only in 1990
    assert on_definition(tallied, presidents_only) == ()
    secretaries_only = replace(gorbachev, titles=("General Secretary of the Communist Party",))
    assert on_definition(tallied, secretaries_only) == ()  # and Reagan was never one


def test_on_definition_can_widen_the_levels_or_relax_the_offices(tallied: Dataset) -> None:
    bush = next(t for t in tallied.tallies if t.id == "bush-gorbachev-1")
    assert on_definition(tallied, bush) == ()
    assert _ids(on_definition(tallied, bush, in_office=False)) == ["new-york-1988"]
    trump = next(t for t in tallied.tallies if t.id == "trump-putin-first-term-2")
    widened = on_definition(tallied, trump, frozenset({Contact.TALKS, Contact.ENCOUNTER, Contact.ATTENDED}))
    assert _ids(widened) == ["hamburg-2017", "helsinki-2018"]


def test_tallies_for_a_leader(tallied: Dataset) -> None:
    assert [t.id for t in tallies_for(tallied, "gorbachev")] == ["bush-gorbachev-1", "gorbachev-with-presidents-2"]
    assert [t.id for t in tallies_for(tallied, "reagan")] == []  # a tally naming no one is for no one in particular


def test_covers_pair_takes_every_day_both_held_a_leaders_office(tallied: Dataset) -> None:
    by_id = {t.id: t for t in tallied.tallies}
    assert covers_pair(tallied, by_id["news-one-bush-putin-3"], "bush-gw", "putin")
    # Trump's second term is Trump – Putin too: a first-term tally is not the pair row's scope
    assert not covers_pair(tallied, by_id["trump-putin-first-term-2"], "trump", "putin")
    assert not covers_pair(tallied, by_id["trump-putin-summits-1"], "trump", "putin")  # kinds
    assert not covers_pair(tallied, by_id["trump-putin-calls-2025"], "trump", "putin")  # calls only
    # Bush and Gorbachev both held a leader's office from January 1989: the tally covers it
    assert covers_pair(tallied, by_id["bush-gorbachev-1"], "bush-hw", "gorbachev")
    assert not covers_pair(tallied, by_id["gorbachev-with-presidents-2"], "reagan", "gorbachev")  # one leader
    assert not covers_pair(tallied, by_id["all-leaders-about-5"], "reagan", "gorbachev")  # no leader


def test_the_pair_rows_carry_only_the_tallies_that_cover_them(tallied: Dataset) -> None:
    rows = counts.count(tallied, filters.select(tallied, filters.Filters()).meetings, "pair")
    assert [(r.key, r.count, [c.tally.id for c in r.checks]) for r in rows] == [
        ("Ronald Reagan – Mikhail Gorbachev", 2, []),
        ("George W. Bush – Vladimir Putin", 2, ["news-one-bush-putin-3"]),
        ("Donald Trump – Vladimir Putin", 1, []),
    ]
    # Bush Sr. and Gorbachev have no row (no meeting while both held office): the tally is in `summits tallies`
    every = filters.select(tallied, filters.Filters(everything=True)).meetings
    assert "George H. W. Bush – Mikhail Gorbachev" not in [r.key for r in counts.count(tallied, every, "pair")]
