"""Shell completion: meeting ids, leader names, speakers, countries, topics, disputed fields, --by groupings and
kinds (options whose values are an Enum complete by themselves: see cli.typer_command).

Typer calls these while the user presses Tab (`summits completion SHELL` prints the script that sets it up). Each returns
(value, help) pairs whose value starts with what was typed; zsh and fish show the help beside the value.
They read the dataset named by --data or $SUMMITS_DATA, as the command itself would, and never raise: a
missing or broken data file gives no completions rather than a traceback in the middle of the user's command line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, Protocol

from summits.dataset.files import ENV_VAR, load
from summits.model import CONTACT_DESCRIPTIONS, KIND_DESCRIPTIONS, Contact, Dataset, Kind
from summits.query.names import COUNTRY_SYNONYMS, GROUPINGS

Completions = list[tuple[str, str]]


class Context(Protocol):
    """What a callback reads of the Click context Typer passes it. A protocol rather than typer.Context, so that
    the fast completion path (summits/quick_completion.py) can call the callbacks without importing Typer; Typer
    still finds the context argument, by its name `ctx`."""

    @property
    def params(self) -> dict[str, Any]: ...

    @property
    def args(self) -> list[str]: ...

    def find_root(self) -> Context: ...


GROUPING_HELP = {
    "president": "meetings per U.S. president",
    "counterpart": "meetings per Soviet or Russian leader",
    "pair": "meetings per president and counterpart, with reported tallies",
    "year": "meetings per year",
    "decade": "meetings per decade",
    "country": "meetings per host country",
    "kind": "meetings per setting (summit, visit, ...)",
    "contact": "meetings per contact level (talks, encounter, ...)",
}


def _never_raises(complete: Callable[..., Completions]) -> Callable[..., Completions]:
    @wraps(complete)
    def wrapper(*args: Any, **kwargs: Any) -> Completions:
        try:
            return complete(*args, **kwargs)
        except Exception:  # a completion must never break the user's shell line
            return []

    return wrapper


def _dataset(ctx: Context | None) -> Dataset:
    """The dataset the command would use: --data if already typed, else $SUMMITS_DATA, else the shipped one."""
    path = None
    if ctx is not None:  # --data after the command name wins, as it does when the command runs
        path = ctx.params.get("data_file") or ctx.find_root().params.get("data")
    return load(path or os.environ.get(ENV_VAR) or None)


def _matching(candidates: Iterable[tuple[str, str]], incomplete: str) -> Completions:
    """Candidates that start with what was typed (as the shell will only offer those), first help kept.

    Text from the data stays plain text in every shell: a value with a control character is never offered (the
    shell would type it into the command line), and help is shown with controls escaped and Rich markup escaped,
    because Typer renders zsh and fish help as markup."""
    # bash shows the values alone: the help is not made for it (making it imports Rich, a third of a TAB's time).
    with_help = os.environ.get("_SUMMITS_COMPLETE") != "complete_bash"
    seen: dict[str, str] = {}
    for value, help_text in candidates:
        if value.startswith(incomplete or "") and value.isprintable():
            seen.setdefault(value, _plain_help(help_text) if with_help else "")
    return list(seen.items())


def _plain_help(text: str) -> str:
    from rich.markup import escape

    from summits.output.text import escape_controls

    return escape(escape_controls(text))


@_never_raises
def complete_meeting_id(ctx: Context, incomplete: str) -> Completions:
    """Meeting ids, in chronological order, each with its date, place and kind."""
    meetings = _dataset(ctx).meetings
    return _matching(((m.id, f"{m.date} {m.place}, {m.kind.value}") for m in meetings), incomplete)


def _leader_words(dataset: Dataset, leader_ids: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """Every single word that names a leader: id, surname, one-word aliases. A word that names more than one
    leader ("Bush") lists them all in its help, as it selects them all."""
    wanted = set(leader_ids) if leader_ids is not None else None
    names: dict[str, list[str]] = {}
    for leader in dataset.leaders:
        if wanted is not None and leader.id not in wanted:
            continue
        for word in (leader.id, leader.surname, *leader.aliases):
            if word and " " not in word and leader.name not in names.setdefault(word, []):
                names[word].append(leader.name)
    return [(word, ", ".join(people)) for word, people in names.items()]


@_never_raises
def complete_leader(ctx: Context, incomplete: str) -> Completions:
    """Leader ids, surnames and one-word aliases (words the shell can complete without quoting)."""
    return _matching(_leader_words(_dataset(ctx)), incomplete)


@_never_raises
def complete_speaker(ctx: Context, incomplete: str) -> Completions:
    """The speakers quoted at the meeting already typed (`quote ID --speaker`); any leader if there is none yet."""
    dataset = _dataset(ctx)
    # While the option still lacks its value the command line does not parse, and the meeting id typed before it
    # is left among the unparsed arguments rather than in the parameters.
    typed = [ctx.params.get("meeting_id"), *ctx.args]
    meeting = next((m for m in (dataset.meeting(str(t).strip().lower()) for t in typed if t) if m), None)
    if meeting is None:
        return _matching(_leader_words(dataset), incomplete)
    leader_ids = {q.speaker for q in meeting.quotes if q.speaker}
    candidates = _leader_words(dataset, leader_ids)
    for q in meeting.quotes:
        if q.speaker_name:  # anyone else is found by part of the name: offer the last word that is a name
            help_text = f"{q.speaker_name} ({q.speaker_role})" if q.speaker_role else q.speaker_name
            names = [w for w in q.speaker_name.split() if _NAME_WORD.fullmatch(w) and w[0].isupper()]
            if names:
                candidates.append((names[-1], help_text))
    return _matching(candidates, incomplete)


@_never_raises
def complete_country(ctx: Context, incomplete: str) -> Completions:
    """The countries meetings were held in, and the short names `--country` also takes (USA, UK, USSR)."""
    places = sorted({m.country for m in _dataset(ctx).meetings if m.country})
    candidates = [(_shell_word(p), "") for p in places]
    candidates += [
        (short.upper(), name) for short, name in COUNTRY_SYNONYMS.items() if short.isalpha() and name in places
    ]
    return _matching(candidates, incomplete)


@_never_raises
def complete_topic(ctx: Context, incomplete: str) -> Completions:
    """The words of the topics in the dataset (`--topic` matches part of a topic), each with the topics it is in."""
    topics: dict[str, list[str]] = {}
    for meeting in _dataset(ctx).meetings:
        for topic in meeting.topics:
            for word in topic.lower().split():
                if len(word) > 2 and _NAME_WORD.fullmatch(word) and topic not in topics.setdefault(word, []):
                    topics[word].append(topic)
    return _matching(((w, ", ".join(sorted(t)[:4])) for w, t in sorted(topics.items())), incomplete.lower())


@_never_raises
def complete_field(ctx: Context, incomplete: str) -> Completions:
    """The fields that sources disagree about in the dataset (`disputes --field`)."""
    fields = sorted({d.field for m in _dataset(ctx).meetings for d in m.disputes})
    return _matching(((_shell_word(f), "") for f in fields), incomplete)


# The callbacks that read nothing of the context but the dataset it names: with no --data on the command line,
# the fast completion path calls them with no context at all (see summits/quick_completion.py).
DATASET_ONLY = frozenset(
    {
        "complete_meeting_id",
        "complete_leader",
        "complete_country",
        "complete_topic",
        "complete_field",
        "complete_grouping",
        "complete_kind",
        "complete_contact",
        "complete_tally",
        "complete_source_id",
    }
)

# A word the shell completes as it is: letters, digits, and the marks inside names.
_NAME_WORD = re.compile(r"[\w.'-]+")


def _shell_word(value: str) -> str:
    """A value as bash inserts it: spaces, brackets and other characters the shell would act on escaped with a
    backslash ("New\\ Zealand"). zsh and fish quote what they insert themselves."""
    if os.environ.get("_SUMMITS_COMPLETE") != "complete_bash":
        return value
    return re.sub(r"([^\w.,:/@%+=-])", r"\\\1", value)


@_never_raises
def complete_grouping(incomplete: str) -> Completions:
    """The values of `count --by`."""
    return _matching(((g, GROUPING_HELP.get(g, "")) for g in GROUPINGS), incomplete)


@_never_raises
def complete_kind(incomplete: str) -> Completions:
    """The kinds of meeting, each with its definition."""
    return _matching(((k.value, KIND_DESCRIPTIONS[k]) for k in Kind), incomplete)


@_never_raises
def complete_contact(incomplete: str) -> Completions:
    """The contact levels, each with its definition."""
    return _matching(((c.value, CONTACT_DESCRIPTIONS[c]) for c in Contact), incomplete)


@_never_raises
def complete_tally(ctx: Context, incomplete: str) -> Completions:
    """Reported tally ids, each with the figure and its source's words."""
    return _matching(((t.id, f"{t.number}: {t.words[:60]}") for t in _dataset(ctx).tallies), incomplete)


@_never_raises
def complete_source_id(ctx: Context, incomplete: str) -> Completions:
    """Source ids, each with its kind and title."""
    return _matching(((s.id, f"{s.kind}: {s.title[:60]}") for s in _dataset(ctx).sources), incomplete)
