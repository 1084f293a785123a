"""A cache of built and validated datasets, so that a file is not parsed and checked again until it changes.

Loading a dataset means parsing its TOML (Python's TOML parser reads a few megabytes a second), then building
and checking every record. Both give the same result for the same bytes read by the same code. So once a file
has loaded without a problem, the Dataset is kept in its compact form (dataset/compact.py, written with
marshal), and made again from that, several times faster, for as long as neither the file nor summits changes.
A file with problems is never kept: it is read and checked, and its problems reported, every time.

Each dataset path has one entry, which records a 256-bit BLAKE2 digest of the file's content it was made from,
a digest of the summits code that builds and checks datasets, and the Python version (whose marshal format it
depends on). An entry is used only when all three match, so a stale entry can never answer; a damaged or
unreadable one is ignored. Files under MIN_BYTES are loaded directly, as that is as fast as the cache, and
only the MAX_ENTRIES most recently written entries are kept.

The cache lives in $SUMMITS_CACHE_DIR, or else $XDG_CACHE_HOME/summits, or else ~/.cache/summits. Setting
SUMMITS_CACHE_DIR to an empty value turns it off. Nothing here raises: a cache that cannot be read or written
is simply not used.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from summits.dataset import compact
from summits.model import Dataset

try:  # the module hashlib takes BLAKE2 from, without the 4 ms hashlib spends loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

ENV_VAR = "SUMMITS_CACHE_DIR"
MIN_BYTES = 64 * 1024
MAX_ENTRIES = 8
FORMAT = b"summits-dataset-1"
SUFFIX = ".dataset"


def directory() -> Path | None:
    """Where entries are kept, or None when the cache is turned off."""
    explicit = os.environ.get(ENV_VAR)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summits"


@dataclass(frozen=True)
class Slot:
    """Where the entry for a file with given content lives, and the header that entry must start with."""

    entry: Path
    header: bytes


def slot(path: Path, content: bytes) -> Slot | None:
    """The cache slot of a file with this content, or None when the cache does not apply: a small file, the cache
    turned off, or code that cannot be read. Made once per load: the header holds a digest of all the content."""
    if len(content) < MIN_BYTES:
        return None
    folder = directory()
    code = code_digest()
    if folder is None or code is None:
        return None
    name = blake2b(os.fsencode(os.path.abspath(path)), digest_size=16).hexdigest()
    python = ".".join(str(n) for n in sys.version_info[:3]).encode()
    digest = blake2b(content, digest_size=32).hexdigest().encode()
    header = b"%s %s %s %s %s\n" % (FORMAT, python, sys.implementation.name.encode(), code, digest)
    return Slot(folder / f"{name}{SUFFIX}", header)


@functools.cache
def code_digest() -> bytes | None:
    """A digest of the summits code that builds and checks datasets, or None when it cannot be read (then the
    cache is not used: an entry must never outlive the code that made it).

    That code is every module of this folder and the model, whatever their names: a module added, split or
    renamed here makes every entry stale without a list of names to keep up to date."""
    digest = blake2b(digest_size=16)
    folder = Path(__file__).resolve().parent
    try:
        for path in [*sorted(folder.glob("*.py")), folder.parent / "model.py"]:
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest().encode()


def load(place: Slot) -> Dataset | None:
    """The dataset kept in this slot, if an entry made from exactly this content (by this code) is there."""
    try:
        with place.entry.open("rb") as stream:
            if stream.readline() != place.header:
                return None
            plain = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    try:
        return compact.from_plain(plain)
    except Exception:  # an entry damaged in a way marshal did not notice: build from the file instead
        return None


def store(place: Slot, dataset: Dataset) -> None:
    """Keep the dataset a file built into without a problem, replacing the slot's previous entry."""
    payload = marshal.dumps(compact.to_plain(dataset))
    partial = place.entry.with_name(f"{place.entry.name}.{os.getpid()}.partial")
    try:
        place.entry.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            stream.write(place.header)
            stream.write(payload)
        os.replace(partial, place.entry)  # readers see the old entry or the new one, never half of one
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return
    _prune(place.entry.parent)


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently written entries: files that come and go must not fill the disk."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
        for old in folder.glob("*.parsed"):  # entries of an earlier format, which nothing reads any more
            old.unlink(missing_ok=True)
