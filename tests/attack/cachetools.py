"""Finding and tampering with the dataset cache's entries from outside, as an attacker with write access to the
cache folder (or a damaged disk) would, without knowing how summits lays out the entry beyond this: a first
line of header, then a marshal payload."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

# A marshal tuple of one item that is the tuple itself (FLAG_REF on the tuple, then a reference to ref 0).
SELF_REFERENCE = b"\xa8\x01\x00\x00\x00r\x00\x00\x00\x00"
# A marshal tuple that declares 2**31 - 1 items.
HUGE_TUPLE = b"\xa8\xff\xff\xff\x7f"
MARKER = "@@summits-attack-marker@@"


def entries(folder: Path) -> list[Path]:
    """The cache entries summits wrote in folder (and below it), newest first."""
    if not folder.exists():
        return []
    found = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith((".partial", ".tmp"))]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def split(entry: Path) -> tuple[bytes, bytes]:
    head, _, body = entry.read_bytes().partition(b"\n")
    return head + b"\n", body


def _replace_first_date(value: Any, done: list[bool]) -> Any:
    if done[0]:
        return value
    if (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], int)
        and all(v is None or isinstance(v, int) for v in value[1:])
    ):
        done[0] = True
        return MARKER
    if isinstance(value, tuple):
        return tuple(_replace_first_date(v, done) for v in value)
    return value


def plant_self_reference(entry: Path) -> None:
    """Replace the first date tuple in the entry's payload with a tuple that contains itself."""
    head, body = split(entry)
    plain = marshal.loads(body)
    done = [False]
    changed = _replace_first_date(plain, done)
    assert done[0], "no date tuple found in the entry"
    dumped = marshal.dumps(changed, 2)  # version 2 writes no references, so the planted one is ref 0
    marker = marshal.dumps(MARKER, 2)
    assert dumped.count(marker) == 1
    entry.write_bytes(head + dumped.replace(marker, SELF_REFERENCE))


def plant_body(entry: Path, body: bytes) -> None:
    head, _ = split(entry)
    entry.write_bytes(head + body)
