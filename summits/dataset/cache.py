"""A cache of built and validated datasets, so that a file is not parsed and checked again until it changes.

Loading a dataset means parsing its TOML (Python's TOML parser reads a few megabytes a second), then building
and checking every record. Both give the same result for the same bytes read by the same code. So once a file
has loaded without a problem, the Dataset is kept in its compact form (dataset/compact.py, written with
marshal), and made again from that, several times faster, for as long as neither the file nor summits changes.
A file with problems is never kept: it is read and checked, and its problems reported, every time.

The cache can only be right, or absent:

* Each dataset path has one entry. Its first line records a 256-bit BLAKE2 digest of the file's content it was
  made from, a digest of the summits code that builds and checks datasets, the Python version (whose marshal
  format it depends on), and a 256-bit digest and the length of the payload that follows. An entry is used only
  when all of these match, checked before the payload is decoded: a stale, damaged or truncated entry is never
  decoded, let alone used.
* An entry is read only when it is a regular file owned by the user, not writable by anyone else, no larger than
  a bound, in a folder owned by the user that no one else can write. A folder summits makes is 0700, an entry
  0600: a private dataset stays private. Opening never follows a symbolic link and never waits on a FIFO.
* The decoded payload is checked for shape (tuples, strings, integers, booleans and None only, nested no deeper
  than the compact form nests) before anything in it is hashed or built; a MemoryError or RecursionError while
  decoding is a damaged entry like any other.
* Only files that summits wrote are ever removed: names of its own pattern whose first bytes are its own
  header. A write in progress goes to <entry>.<pid>.partial, removed on any failure or signal, and a partial
  left by a process that no longer runs is removed by the next run that writes.

The cache lives in $SUMMITS_CACHE_DIR, or else $XDG_CACHE_HOME/summits (when XDG_CACHE_HOME is an absolute path,
as the XDG specification requires), or else ~/.cache/summits. Setting SUMMITS_CACHE_DIR to an empty value turns
it off. Nothing here raises: a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summits.cache_folder import ENV_VAR as ENV_VAR  # where tests and callers have always found it
from summits.cache_folder import directory
from summits.cache_folder import make_folder as _make_folder
from summits.cache_folder import open_own_file as _open_own_file
from summits.cache_folder import private_folder as _private_folder
from summits.cache_folder import read_at_most as _read_at_most
from summits.dataset import compact
from summits.model import Dataset

try:  # the module hashlib takes BLAKE2 from, without the 4 ms hashlib spends loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

MIN_BYTES = 64 * 1024
MAX_ENTRIES = 8
MAGIC = b"summits-dataset-"
FORMAT = MAGIC + b"2"
SUFFIX = ".dataset"
ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.dataset")
PARTIAL_NAME = re.compile(r"[0-9a-f]{32}\.dataset\.([0-9]{1,10})\.partial")
PARTIAL_AGE = 3600  # seconds after which a partial entry is stale even if its process id is in use again
MAX_HEADER = 512
# The compact form nests tuples at most this deep (dataset, meetings, meeting, disputes, dispute, claims, claim,
# date); anything deeper is not an entry summits wrote.
MAX_DEPTH = 10


def _bound(content_size: int) -> int:
    """The largest entry accepted for a file of this size: the compact form is smaller than the file it comes
    from, so a generous multiple is never reached by a real entry."""
    return 2 * content_size + (1 << 20)


@dataclass(frozen=True)
class Slot:
    """Where the entry for a file with given content lives, the header that entry must start with, and the
    largest size it may have."""

    entry: Path
    header: bytes
    limit: int


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
    header = b"%s %s %s %s %s" % (FORMAT, python, sys.implementation.name.encode(), code, digest)
    return Slot(folder / f"{name}{SUFFIX}", header, _bound(len(content)))


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


# ---------------------------------------------------------------- the folder and its files


# ---------------------------------------------------------------- reading


def load(place: Slot) -> Dataset | None:
    """The dataset kept in this slot, if an entry made from exactly this content (by this code) is there, whole,
    and trustworthy; None in every other case."""
    if not _private_folder(place.entry.parent):
        return None
    fd = _open_own_file(place.entry)
    if fd is None:
        return None
    try:
        content = _read_at_most(fd, place.limit)
    except OSError:
        return None
    finally:
        os.close(fd)
    if content is None:
        return None
    plain = _decode(place.header, content)
    if plain is None:
        return None
    try:
        return compact.from_plain(plain)
    except (Exception, RecursionError, MemoryError):  # an entry summits did not write: build from the file
        return None


def _decode(header: bytes, content: bytes) -> tuple[Any, ...] | None:
    """The payload of an entry whose header matches and whose payload digest and length are right."""
    end = content.find(b"\n", 0, MAX_HEADER)
    if end < 0:
        return None
    line, payload = content[:end], content[end + 1 :]
    prefix, _, rest = line.rpartition(b" ")
    prefix, _, digest = prefix.rpartition(b" ")
    if prefix != header or not rest.isdigit() or int(rest) != len(payload):
        return None
    if blake2b(payload, digest_size=32).hexdigest().encode() != digest:
        return None
    try:
        plain = marshal.loads(payload)
    except (Exception, RecursionError, MemoryError):
        return None
    return plain if isinstance(plain, tuple) and _plain_shape(plain) else None


_LEAVES = (str, int, bool, type(None))


def _plain_shape(plain: tuple[Any, ...]) -> bool:
    """Whether plain is nested tuples of strings, integers, booleans and None, no deeper than MAX_DEPTH (which a
    tuple that contains itself always is)."""
    stack: list[tuple[tuple[Any, ...], int]] = [(plain, 0)]
    leaves = _LEAVES
    while stack:
        value, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return False
        for item in value:
            kind = type(item)
            if kind is tuple:
                stack.append((item, depth + 1))
            elif kind not in leaves:
                return False
    return True


# ---------------------------------------------------------------- writing


def store(place: Slot, dataset: Dataset) -> None:
    """Keep the dataset a file built into without a problem, replacing the slot's previous entry."""
    folder = place.entry.parent
    if not _make_folder(folder):
        return
    payload = marshal.dumps(compact.to_plain(dataset))
    digest = blake2b(payload, digest_size=32).hexdigest().encode()
    header = b"%s %s %d\n" % (place.header, digest, len(payload))
    partial = place.entry.with_name(f"{place.entry.name}.{os.getpid()}.partial")  # a name of this process's
    with contextlib.suppress(OSError):
        partial.unlink()  # left by an earlier process with the same id
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(header)
            stream.write(payload)
        os.replace(partial, place.entry)  # readers see the old entry or the new one, never half of one
    except BaseException as error:  # a failed write, or a signal (SIGINT, SIGTERM) in the middle of one
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if isinstance(error, Exception):
            return
        raise
    _prune(folder)


def _ours(path: Path, *, partial: bool = False) -> bool:
    """Whether path is a file summits wrote: (its name pattern, checked by the caller) a regular file of the
    user's that starts with summits' header; a partial entry may also be empty, if its writer ended at once."""
    fd = _open_own_file(path)
    if fd is None:
        return False
    try:
        start = os.read(fd, len(MAGIC))
    except OSError:
        return False
    finally:
        os.close(fd)
    return start == MAGIC or (partial and start == b"")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # exists, but is someone else's; or cannot tell
    return True


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently written entries, so that files that come and go do not fill the disk,
    and remove partial entries whose writer is gone. Only files summits wrote are ever removed."""
    with contextlib.suppress(OSError):
        entries: list[tuple[float, Path]] = []
        now = time.time()
        for path in folder.iterdir():
            name = path.name
            if ENTRY_NAME.fullmatch(name):
                if _ours(path):
                    entries.append((path.lstat().st_mtime, path))
                continue
            partial = PARTIAL_NAME.fullmatch(name)
            if partial is None:
                continue
            stale = not _alive(int(partial.group(1))) or now - path.lstat().st_mtime > PARTIAL_AGE
            if stale and _ours(path, partial=True):
                path.unlink(missing_ok=True)
        entries.sort(reverse=True)
        for _, old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
