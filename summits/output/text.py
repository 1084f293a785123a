"""How text from the data is shown, and the wording several views share.

Text that comes from the data file is always wrapped in rich.text.Text (never parsed as markup), and control
characters are shown escaped, so that a hand-edited file cannot change what the terminal does; a CSV cell never
starts a spreadsheet formula. JSON keeps the exact original text.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

from summits.model import Contact, Meeting, PartialDate, Participant, Tally
from summits.query.filters import OUT_OF_OFFICE, Filters

if TYPE_CHECKING:  # for annotations only: the views that show tallies import it
    from summits.query.tallies import Reconciled

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
    from rich.text import Text

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
    from rich import box
    from rich.table import Table

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


def tally_scope(tally: Tally) -> str:
    """What a reported tally counts: "talks, encounters; 2001-01-20 to 2009-01-20"."""
    levels = ", ".join(CONTACT_PLURALS[c] for c in tally.contact)
    kinds = f" ({', '.join(k.value for k in tally.kinds)} only)" if tally.kinds else ""
    titles = f", as {' or '.join(tally.titles)}" if tally.titles else ""
    return f"{levels}{kinds}{titles}; {tally.start} to {tally.end}"


CONTACT_PLURALS = {
    Contact.TALKS: "talks",
    Contact.ENCOUNTER: "encounters",
    Contact.ATTENDED: "events both attended",
    Contact.CALL: "calls",
}


def tally_verdict(check: Reconciled) -> str:
    """How the figure listed on a tally's definition compares with the figure its source reports."""
    difference = check.difference
    if check.verdict == "agrees":
        return (
            "agrees" if difference == 0 or check.tally.qualifier == "exactly" else f"agrees ({check.tally.qualifier})"
        )
    if difference < 0:
        return f"{-difference} fewer listed than reported"
    return f"{difference} more listed than reported"


def tally_reason(check: Reconciled) -> str:
    """Why the two figures differ, in words: the data's explanation, the definitions that would give the reported
    figure, or, when neither exists, a gap said plainly."""
    if check.verdict == "agrees":
        return ""
    parts = []
    if check.tally.explanation:
        parts.append(check.tally.explanation)
    for alternative in check.alternatives:
        change = [f"adds {', '.join(m.id for m in alternative.added)}"] if alternative.added else []
        if alternative.removed:
            change.append(f"drops {', '.join(m.id for m in alternative.removed)}")
        parts.append(f"Counting {alternative.description} gives {check.tally.number} ({'; '.join(change)}).")
    return " ".join(parts) or "No definition found that gives the reported figure: a gap, shown as it is."


LEFT_OUT_WORDING = {
    "attended": ("attended-only", "--contact attended"),
    "encounter": ("encounter", "--contact encounter"),
    "talks": ("talks", "--contact talks"),
    "call": ("call", "--calls"),
    OUT_OF_OFFICE: ("with a leader out of office", "--all"),
}


def _left_out_parts(left_out: dict[str, int]) -> list[str]:
    """ "12 attended-only (--contact attended)", "21 calls (--calls)", ... in a fixed order."""
    parts = []
    for reason, (what, flag) in LEFT_OUT_WORDING.items():
        if n := left_out.get(reason, 0):
            parts.append(f"{plural(n, 'call') if reason == 'call' else f'{n} {what}'} ({flag})")
    return parts


def left_out_note(left_out: dict[str, int], every_record: bool = True) -> str | None:
    """The one line that says what the default selection left out, and which flag brings each back, or None.
    `every_record`: the command takes --all."""
    if not any(left_out.values()):
        return None
    parts = _left_out_parts(left_out)
    if not every_record:
        return f"note: also matching but left out: {', '.join(parts)}."
    return f"note: also matching but left out: {', '.join(parts)}; --all includes every record."


def counted_note(filters: Filters, left_out: dict[str, int]) -> str:
    """What a count counted, in one sentence: "Counted: talks and encounters between leaders in office; ..."."""
    if filters.everything:
        what = "every record that matches, whatever the contact level and offices"
    else:
        names = [CONTACT_PLURALS[c] for c in Contact if c in filters.wanted_contacts]
        levels = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        what = f"{levels} between leaders in office on the day"
    left = _left_out_parts(left_out)
    return f"Counted: {what}" + (f"; left out: {', '.join(left)}." if left else ".")


_LINKABLE = re.compile(r"https?://[!#-~]+")  # printable ASCII, no spaces or quotes: safe inside an OSC 8 sequence


def hyperlinks() -> bool:
    """Whether URLs may be printed as OSC 8 hyperlinks: only on a terminal, and never with NO_COLOR."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def url_text(url: str, indent: str = "") -> Group:
    """A URL printed whole, never broken inside a word: a line that does not fit runs past the edge (the terminal
    wraps it, and a copy gives it back in one piece). On a terminal it is a hyperlink too. (In a Group, because
    Rich splits a long line of a Text printed on its own even when told not to wrap it.)"""
    from rich.console import Group
    from rich.style import Style
    from rich.text import Text

    text = Text(indent + escape_controls(url), style="dim", no_wrap=True, overflow="ignore")
    if _LINKABLE.fullmatch(url) and hyperlinks():
        text.stylize(Style(link=url), len(indent))
    return Group(text)
