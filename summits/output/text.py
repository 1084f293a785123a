"""How text from the data is shown, and the wording several views share.

Text that comes from the data file is always wrapped in rich.text.Text (never parsed as markup), and control
characters are shown escaped, so that a hand-edited file cannot change what the terminal does; a CSV cell never
starts a spreadsheet formula. JSON keeps the exact original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from summits.model import Meeting, PartialDate, Participant

if TYPE_CHECKING:  # for annotations only: the views that show tallies import it
    from summits.query.counts import TallyCheck

# Characters that would move the cursor, recolour the terminal or reorder text (Trojan Source) if printed raw.
_BIDI_CONTROLS = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    """Control and bidirectional-override characters as visible escapes (\\x1b, \\u202e); tabs become spaces."""
    if text.isprintable():  # nearly all text: every character changed below is one that isprintable() rejects
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char in "\t\n":
            out.append(" ")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif code in _BIDI_CONTROLS or 0xD800 <= code < 0xE000:  # (a lone surrogate cannot even be encoded)
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def plain(text: str | None, style: str = "", *, keep_newlines: bool = False) -> Text:
    """Data as literal text: never markup, never terminal codes."""
    return Text(escape_controls(text or "", keep_newlines=keep_newlines), style=style)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a single quote)."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, (list, tuple)) else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def compact_dates(meeting: Meeting) -> str:
    """ "1985-11-19–21", "1972-05-22–06-01" or the single date, at the precision known."""
    start, end = meeting.date.iso(), meeting.end_date.iso() if meeting.end_date else None
    if end is None or end == start:
        return start
    if len(start) == len(end) == 10 and start[:8] == end[:8]:
        return f"{start}–{end[8:]}"
    if len(start) == len(end) == 10 and start[:5] == end[:5]:
        return f"{start}–{end[5:]}"
    return f"{start} – {end}"


def person(p: Participant, meeting: Meeting) -> str:
    """A participant as listed: the name, with the role only when it is out of the ordinary (a president-elect,
    an American who is not the president). `show` always gives the role."""
    unusual = p.leader.id in dict(meeting.role_overrides) or (p.country == "US" and not p.is_president)
    return f"{p.leader.name} ({p.role})" if unusual else p.leader.name


def fit(texts: Sequence[str], cap: int) -> int:
    """A column's minimum width: its longest line, up to cap, so that short names never wrap."""
    return min(cap, max((len(line) for text in texts for line in text.split("\n")), default=0))


def data_table(title: str | None = None) -> Table:
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        header_style="bold",
        title_justify="left",
        pad_edge=False,
        collapse_padding=True,
        show_edge=False,  # no blank line above the header and below the last row, no margin on the left
    )


def date_range_label(start: PartialDate, end: PartialDate | None) -> str:
    return f"{start}" if end is None or end == start else f"{start} to {end}"


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 meeting", "2 meetings"."""
    return f"{n} {noun}" if n == 1 else f"{n} {nouns or noun + 's'}"


# ---------------------------------------------------------------- shared wording


def tally_scope(check: TallyCheck) -> str:
    """What a reported tally counts: "in person, 2001-01-20 to 2009-01-20"."""
    tally = check.tally
    return f"{'in person' if tally.in_person else 'calls'}, {tally.start} to {tally.end}"


def tally_verdict(check: TallyCheck) -> str:
    """How the number listed here compares with the number a source reports."""
    difference = check.listed - check.tally.number
    if difference == 0:
        return "agrees"
    if difference < 0:
        return f"{-difference} not found with a source"
    return f"{difference} more than reported"


def calls_note(hidden: int, *, listed: bool = False) -> str | None:
    """The note that calls were left out (of what matched, or with `listed` of what is listed), or None."""
    if not hidden:
        return None
    if listed:
        what = "call is not listed" if hidden == 1 else "calls are not listed"
    else:
        what = "call matches too" if hidden == 1 else "calls match too"
    return f"note: {hidden} phone/video {what}; add --calls to include them."
