"""The options several commands share, declared once: --format, and the filters of `list` (--leader, --from,
--to, --country, --kind, --topic, --contact, --calls, --all), which a command receives already resolved, as
query Filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from inspect import Parameter
from typing import Annotated, Any, Optional, TypeVar

import typer

from summits import completion
from summits.model import Kind
from summits.output.formats import Format
from summits.query.names import BadValue

MeetingIdArgument = Annotated[
    str,
    typer.Argument(metavar="ID", help="Meeting id, e.g. helsinki-2018.", autocompletion=completion.complete_meeting_id),
]
OptionalMeetingIdArgument = Annotated[
    Optional[str],
    typer.Argument(metavar="ID", help="Meeting id, e.g. helsinki-2018.", autocompletion=completion.complete_meeting_id),
]
LeaderNameArgument = Annotated[
    Optional[str],
    typer.Argument(
        metavar="NAME",
        help="A leader by name, surname, alias or id; a surname shared by several shows each.",
        autocompletion=completion.complete_leader,
    ),
]
SourceIdArgument = Annotated[
    Optional[str],
    typer.Argument(
        metavar="ID",
        help="A source id, to show it in full with every record that cites it.",
        autocompletion=completion.complete_source_id,
    ),
]
SpeakerOption = Annotated[
    Optional[str],
    typer.Option(
        "--speaker",
        "-s",
        metavar="NAME",
        help="Only this speaker's words (a joint statement counts for each of its speakers).",
        autocompletion=completion.complete_speaker,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]

LeaderOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--leader",
        "-l",
        metavar="NAME",
        help="Leader by name, surname, alias or id (repeat for meetings with both).",
        autocompletion=completion.complete_leader,
    ),
]
FromOption = Annotated[
    Optional[str], typer.Option("--from", metavar="YEAR", help="From this year or date (inclusive).")
]
ToOption = Annotated[Optional[str], typer.Option("--to", metavar="YEAR", help="Up to this year or date (inclusive).")]
CountryOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--country",
        metavar="NAME",
        help="Where it was held (repeat for any of several).",
        autocompletion=completion.complete_country,
    ),
]
KindOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--kind",
        metavar="KIND",
        help=f"The setting: {', '.join(k.value for k in Kind)} (repeat for any of several).",
        autocompletion=completion.complete_kind,
    ),
]
TopicOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Topic, part of a word is enough (repeat for any of several).",
        autocompletion=completion.complete_topic,
    ),
]
ContactOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--contact",
        metavar="LEVEL",
        help="What passed between them: talks, encounter, attended, call (repeat for several; "
        "default: talks and encounter).",
        autocompletion=completion.complete_contact,
    ),
]
CallsOption = Annotated[bool, typer.Option("--calls", help="Include phone and video calls too.")]
AllOption = Annotated[
    bool,
    typer.Option("--all", help="Every record: also attended-only events, calls and leaders out of office."),
]
LimitOption = Annotated[Optional[int], typer.Option("--limit", "-n", metavar="N", help="Show the first N only.")]

T = TypeVar("T")


def first(items: Sequence[T], limit: int | None) -> tuple[Sequence[T], str | None]:
    """The first `limit` items (all of them without --limit), and a note saying how many were left out, if any."""
    if limit is None:
        return items, None
    if limit < 1:
        raise BadValue(f"--limit must be 1 or more, not {limit}.")
    if len(items) <= limit:
        return items, None
    return items[:limit], f"note: showing the first {limit} of {len(items)}; raise or drop --limit for more."


def _option(name: str, annotation: Any, default: Any) -> Parameter:
    return Parameter(name, Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


# The filter options, in the order --help lists them: they take the place of a command's `filters` parameter.
# (`start` and `end`, since `from` is a keyword; --calls is left out where calls are always included.)
FILTER_OPTIONS: tuple[Parameter, ...] = (
    _option("leader", LeaderOption, None),
    _option("start", FromOption, None),
    _option("end", ToOption, None),
    _option("country", CountryOption, None),
    _option("kind", KindOption, None),
    _option("topic", TopicOption, None),
    _option("contact", ContactOption, None),
    _option("calls", CallsOption, False),
    _option("everything", AllOption, False),
)
