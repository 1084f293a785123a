"""A cache of parsed dataset files, so that a large TOML file is not parsed again until it changes.

Parsing TOML is the slowest step of loading a dataset (Python's TOML parser reads a few megabytes a second);
reading back the parsed data with marshal is some thirty times faster. Only the parse is cached: the dataset is
still built and validated from the parsed data on every run, so the cache can never hide a problem.

Each dataset path has one entry, which records a 256-bit BLAKE2 digest of the file's content it was made from (and the
Python version, whose parser and marshal format it depends on). An entry is used only when that matches the file
as read now, so a stale entry can never answer; a damaged or unreadable one is ignored. Files under
MIN_BYTES are parsed directly, as that is as fast as the cache, and only the MAX_ENTRIES most recently written
entries are kept.

The cache lives in $SUMMITS_CACHE_DIR, or else $XDG_CACHE_HOME/summits, or else ~/.cache/summits. Setting
SUMMITS_CACHE_DIR to an empty value turns it off. Nothing here raises: a cache that cannot be read or written
is simply not used.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

try:  # the module hashlib takes BLAKE2 from, without the 4 ms hashlib spends loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

ENV_VAR = "SUMMITS_CACHE_DIR"
MIN_BYTES = 64 * 1024
MAX_ENTRIES = 8
FORMAT = b"summits-parsed-2"


def directory() -> Path | None:
    """Where entries are kept, or None when the cache is turned off."""
    explicit = os.environ.get(ENV_VAR)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summits"


def _entry(path: Path) -> Path | None:
    folder = directory()
    if folder is None:
        return None
    name = blake2b(os.fsencode(os.path.abspath(path)), digest_size=16).hexdigest()
    return folder / f"{name}.parsed"


def _header(content: bytes) -> bytes:
    python = ".".join(str(n) for n in sys.version_info[:3]).encode()
    digest = blake2b(content, digest_size=32).hexdigest().encode()
    return b"%s %s %s %s\n" % (FORMAT, python, sys.implementation.name.encode(), digest)


def load(path: Path, content: bytes) -> dict[str, Any] | None:
    """The parsed data of a file with this content, if an entry made from exactly this content exists."""
    if len(content) < MIN_BYTES:
        return None
    entry = _entry(path)
    if entry is None:
        return None
    try:
        with entry.open("rb") as stream:
            if stream.readline() != _header(content):
                return None
            document = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return document if isinstance(document, dict) else None


def store(path: Path, content: bytes, document: dict[str, Any]) -> None:
    """Keep the parsed data of a file with this content, replacing the path's previous entry."""
    if len(content) < MIN_BYTES:
        return
    entry = _entry(path)
    if entry is None:
        return
    try:
        payload = marshal.dumps(document)
    except ValueError:
        return  # a value marshal cannot keep (a TOML date literal): parse such a file each time
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            stream.write(_header(content))
            stream.write(payload)
        os.replace(partial, entry)  # readers see the old entry or the new one, never half of one
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return
    _prune(entry.parent)


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently written entries: files that come and go must not fill the disk."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("*.parsed"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
