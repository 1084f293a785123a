"""A view saved as a picture or a page, as a colour terminal shows it: SVG, HTML or plain text (Rich's export)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    pass

from summits.output.formats import View
from summits.query.names import BadValue

SUFFIXES = (".svg", ".html", ".txt")


def save(view: View, path: Path, width: int, title: str = "summits") -> None:
    """Lay the view out as a colour terminal this wide would show it, and write it to path, in the form its suffix
    names (one of SUFFIXES). New files get the usual permissions (the umask's)."""
    from rich.console import Console

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise BadValue(f"{path.name}: the file name must end in {', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]}.")
    # A picture or a page in colour; plain text as a terminal without colour shows it (each group its own fill
    # character, where colour blocks would all look alike).
    colour: Literal["truecolor"] | None = "truecolor" if suffix != ".txt" else None
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=colour is not None,
        color_system=colour,
        highlight=False,
    )
    for part in view.render(console):
        console.print(part)
    if suffix == ".svg":
        text = console.export_svg(title=title)
    elif suffix == ".html":
        text = console.export_html()
    else:
        text = console.export_text()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise BadValue(f"{path}: cannot write the file ({error.strerror or error}).") from None
