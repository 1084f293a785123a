"""The data file: where it is, its bytes, its plain data, and the Dataset it loads into.

load() answers from the cache when the file loaded without a problem before, with exactly these bytes; only
otherwise is it parsed and built (dataset.build, imported then). Nothing here prints: callers decide how to show
problems.
"""

from __future__ import annotations

import functools
import gc
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summits.dataset import cache
from summits.model import Dataset

ENV_VAR = "SUMMITS_DATA"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset file: which record, which field, what is wrong."""

    record: str
    field: str
    message: str


class DataFileError(Exception):
    """The file cannot be read or parsed at all (missing, unreadable, not UTF-8, TOML syntax)."""


class InvalidDataset(Exception):
    """The file parsed but breaks the schema; carries every problem found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems


# ---------------------------------------------------------------- locating and reading the file


def default_path() -> Path:
    """The dataset shipped with the package (inside the wheel), or the repository's copy in a checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data" / "meetings.toml"
    if packaged.is_file():
        return packaged
    return package.parent / "data" / "meetings.toml"


def resolve_path(explicit: str | os.PathLike[str] | None) -> Path:
    """--data wins over $SUMMITS_DATA, which wins over the shipped dataset."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(ENV_VAR)
    return Path(from_env) if from_env else default_path()


def read_document(path: Path) -> dict[str, Any]:
    """Parse a TOML (or, by extension, JSON) dataset file into plain data; DataFileError on any failure."""
    return parse_document(path, read_bytes(path))


MAX_DATA_BYTES = 1 << 30  # 1 GiB: far beyond any dataset (the shipped one is under 1 MB); an endless file stops here
BOM = b"\xef\xbb\xbf"


def file_type(mode: int) -> str:
    """What a path is, in words, when it is not a regular file (for `--data` and `--output` messages)."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


STDIN = "-"  # --data - reads the dataset from standard input


def read_bytes(path: Path) -> bytes:
    """The bytes of a dataset file (or of standard input, for the path "-"), without a byte-order mark;
    DataFileError when it cannot be read or is empty.

    Only a regular file is read, and at most MAX_DATA_BYTES of it: a device (/dev/zero), a FIFO or a socket is
    refused at once, without reading from it or waiting for a writer. Standard input is read to its end, and
    at most MAX_DATA_BYTES of it, when it is not a terminal."""
    if str(path) == STDIN:
        return _checked(_read_stdin(), path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file. Check the path given with --data or ${ENV_VAR}.") from None
    except IsADirectoryError:
        raise DataFileError(f"{path}: is a directory, not a dataset file. Give the path of a .toml file.") from None
    except PermissionError:
        raise DataFileError(f"{path}: permission denied. Make the file readable, or use another --data path.") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataFileError(f"{path}: is a directory, not a dataset file. Give the path of a .toml file.")
        if not stat.S_ISREG(info.st_mode):
            raise DataFileError(
                f"{path}: {file_type(info.st_mode)}, not a regular file; summits reads a dataset only from a "
                "regular file. Save the data to a file and give its path."
            )
        if info.st_size > MAX_DATA_BYTES:
            raise DataFileError(f"{path}: too large ({info.st_size:,} bytes; the limit is {MAX_DATA_BYTES:,}).")
        raw = _read_bounded(fd, path, info.st_size)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    finally:
        os.close(fd)
    return _checked(raw, path)


def _checked(raw: bytes, path: Path) -> bytes:
    if raw.startswith(BOM):
        raw = raw[3:]  # a byte-order mark, as some Windows editors write: still UTF-8, and not part of the data
    if not raw or raw.isspace():  # (not raw.strip(), which would copy a large file to look at its first byte)
        where = "--data -: standard input" if str(path) == STDIN else f"{path}: the file"
        raise DataFileError(f"{where} is empty. A dataset needs [[leaders]], [[sources]] and [[meetings]].")
    return raw


def _read_stdin() -> bytes:
    """The dataset piped in (`summits --data - list < meetings.toml`), never more than the limit."""
    stream = sys.stdin
    try:
        if stream is None or stream.isatty():
            raise DataFileError(
                "--data -: standard input is a terminal; pipe the dataset in (summits --data - list < meetings.toml)."
            )
        raw = stream.buffer.read(MAX_DATA_BYTES + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise DataFileError(f"--data -: cannot read standard input ({exc}).") from None
    if len(raw) > MAX_DATA_BYTES:
        raise DataFileError(f"--data -: too large (more than {MAX_DATA_BYTES:,} bytes).")
    return raw


def _read_bounded(fd: int, path: Path, size: int) -> bytes:
    """The file's bytes, read in one call when its size is right (the usual case), and never more than the limit."""
    chunks: list[bytes] = []
    total = 0
    want = min(size + 1, MAX_DATA_BYTES + 1)
    while True:
        chunk = os.read(fd, max(want, 1 << 16))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_DATA_BYTES:
            raise DataFileError(f"{path}: too large (more than {MAX_DATA_BYTES:,} bytes).")
        chunks.append(chunk)


def parse_document(path: Path, raw: bytes) -> dict[str, Any]:
    """The plain data in the bytes of a dataset file: JSON for a .json file, TOML for any other."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            f"{path}: not valid UTF-8 (byte {exc.start + 1}, line {line}). Save the file as UTF-8."
        ) from None
    # The parsers are imported here, not at the top: a dataset read back from the cache (the usual case) needs none.
    is_json = path.suffix.lower() == ".json" or (str(path) == STDIN and text.lstrip().startswith("{"))
    if is_json:
        import json

        parse: Callable[[str], Any] = functools.partial(json.loads, object_pairs_hook=_no_duplicate_keys)
        syntax_error: type[ValueError] = json.JSONDecodeError
    else:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised only on Python 3.10
            import tomli as tomllib
        parse, syntax_error = tomllib.loads, tomllib.TOMLDecodeError
    try:
        document = parse(text)
    except DuplicateKey as exc:
        raise DataFileError(
            f"{path}: the key {exc.key!r} appears twice in one object; JSON would keep only the last value and "
            "silently drop the other. Keep one of them."
        ) from None
    except syntax_error as exc:
        raise DataFileError(f"{path}: {_syntax_message(exc, text, is_json)}") from None
    except ValueError as exc:  # not a syntax error: a number too long to convert
        raise DataFileError(f"{path}: {_value_message(exc)}. Fix the file and run again.") from None
    except RecursionError:
        raise DataFileError(f"{path}: nesting too deep to parse.") from None
    if not isinstance(document, dict):  # (JSON only: a TOML document is always a table)
        raise DataFileError(f"{path}: a JSON dataset must be an object at the top level.")
    return document


def _syntax_message(exc: ValueError, text: str, is_json: bool) -> str:
    if is_json:  # a json.JSONDecodeError
        return f"JSON syntax error at line {getattr(exc, 'lineno', '?')}, column {getattr(exc, 'colno', '?')}: {getattr(exc, 'msg', exc)}."
    if text.lstrip()[:1] in ("{", "["):
        return (
            f"TOML syntax error: {_toml_message(exc, text)}. The file looks like JSON: a dataset is read as JSON "
            "only when its name ends in .json."
        )
    return f"TOML syntax error: {_toml_message(exc, text)}. Fix the file and run again."


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key that appears twice (as the TOML parser does)."""
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return table


def _toml_message(exc: Exception, text: str) -> str:
    # tomllib says "Invalid value (at line 3, column 8)"; keep its wording, which names line and column. At the
    # very end of the text it says "(at end of document)" instead: name that line and column too.
    message = str(exc.args[0] if exc.args else exc)
    if message.endswith("(at end of document)"):
        line, column = text.count("\n") + 1, len(text) - text.rfind("\n")
        message = message.replace("(at end of document)", f"(at end of file, line {line}, column {column})")
    return message


def _value_message(exc: ValueError) -> str:
    # Python refuses to convert integers of more than 4300 digits; its message suggests a Python setting.
    if "integer string conversion" in str(exc):
        return "a number in the file has too many digits to read (more than 4300)"
    return f"cannot read a value in the file ({exc})"


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read, build and validate a dataset. Raises DataFileError or InvalidDataset.

    A file that loaded without a problem before, with exactly these bytes, comes back from the cache."""
    resolved = resolve_path(path)
    dataset, problems = _load(resolved)
    if problems or dataset is None:
        raise InvalidDataset(resolved, problems)
    return dataset


def check(path: str | os.PathLike[str] | None = None) -> tuple[Path, list[Problem]]:
    """Validate a file and return its problems (empty when clean). DataFileError if it cannot be parsed."""
    resolved, _, problems = examine(path)
    return resolved, problems


def examine(path: str | os.PathLike[str] | None = None) -> tuple[Path, Dataset | None, list[Problem]]:
    """Read a file once: its path, the dataset it builds into (None when it has problems), and its problems."""
    resolved = resolve_path(path)
    dataset, problems = _load(resolved)
    return resolved, (dataset if not problems else None), problems


def _load(path: Path) -> tuple[Dataset | None, list[Problem]]:
    raw = read_bytes(path)
    place = cache.slot(path, raw)
    with no_cycle_collection():
        cached = cache.load(place) if place is not None else None
        if cached is not None:
            return cached, []  # built and checked before, from exactly these bytes, by this code
        from summits.dataset.build import build  # only now: a dataset from the cache needs no builder

        dataset, problems = build(parse_document(path, raw))
    if place is not None and dataset is not None and not problems:
        cache.store(place, dataset)
    return dataset, problems


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Loading makes millions of small objects and no reference cycles. Left on, the cyclic garbage collector
    would walk them all again each time enough new ones pile up, so that a large file took more than linear time.
    Nested uses are one: only the outermost turns the collector back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
