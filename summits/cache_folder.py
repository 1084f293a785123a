"""Where summits keeps what it caches (the loaded dataset, the help text), and the checks every cache file passes:
a folder of the user's that no one else can write, files opened without following links. Standard library only,
and light: a run that finds its answer in the cache imports nothing else (see summits/dataset/cache.py for the
rules, and summits/help_cache.py).

The cache lives in $SUMMITS_CACHE_DIR, or else $XDG_CACHE_HOME/summits (when XDG_CACHE_HOME is an absolute path,
as the XDG specification requires), or else ~/.cache/summits. Setting SUMMITS_CACHE_DIR to an empty value turns
it off."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

ENV_VAR = "SUMMITS_CACHE_DIR"


def directory() -> Path | None:
    """Where entries are kept, or None when the cache is turned off (or has no sensible place)."""
    explicit = os.environ.get(ENV_VAR)
    if explicit is not None:
        return Path(explicit).absolute() if explicit else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification: a relative path is invalid and must be ignored
        home = os.path.expanduser("~")
        if not os.path.isabs(home) or home == "/":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "summits"


def private_folder(folder: Path) -> bool:
    """Whether folder is a directory of the user's that no one else can write into."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o022


def make_folder(folder: Path) -> bool:
    """Make the folder (0700) if it is missing, and its parent too for the default place; then whether it can
    be used. A missing grandparent (a HOME that does not exist) is never made."""
    if not folder.exists():
        for part in (folder.parent, folder):
            with contextlib.suppress(FileExistsError, OSError):
                if part is folder or ENV_VAR not in os.environ:
                    part.mkdir(mode=0o700)
    return private_folder(folder)


def open_own_file(path: Path) -> int | None:
    """A descriptor for reading path if it is a regular file of the user's that no one else can write, else
    None. Never follows a symbolic link, never waits on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        os.close(fd)
        return None
    return fd


def read_at_most(fd: int, limit: int) -> bytes | None:
    """All of the file, or None if it holds more than limit bytes."""
    size = os.fstat(fd).st_size
    if size > limit:
        return None
    chunks = []
    total = 0
    while True:
        chunk = os.read(fd, min(1 << 24, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)
