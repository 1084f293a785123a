"""The data file: where it is, its bytes, its plain data, and the Dataset it loads into.

load() answers from the cache when the file loaded without a problem before, with exactly these bytes; only
otherwise is it parsed and built (dataset.build, imported then). Nothing here prints: callers decide how to show
problems.
"""

from __future__ import annotations

import gc
import os
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


STDIN = "-"  # --data - reads the dataset from standard input


def read_bytes(path: Path) -> bytes:
    """The bytes of a dataset file (or of standard input, for the path "-"), without a byte-order mark;
    DataFileError when it cannot be read or is empty."""
    try:
        raw = sys.stdin.buffer.read() if str(path) == STDIN else path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file. Check the path given with --data or ${ENV_VAR}.") from None
    except IsADirectoryError:
        raise DataFileError(f"{path}: is a directory, not a dataset file. Give the path of a .toml file.") from None
    except PermissionError:
        raise DataFileError(f"{path}: permission denied. Make the file readable, or use another --data path.") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    if not raw or raw.isspace():  # (not raw.strip(), which would copy a large file to look at its first byte)
        raise DataFileError(f"{path}: the file is empty. A dataset needs [[leaders]], [[sources]] and [[meetings]].")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark, as some Windows editors write: still UTF-8, and not part of the data
    return raw


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

        parse: Callable[[str], Any] = json.loads
        syntax_error: type[ValueError] = json.JSONDecodeError
    else:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised only on Python 3.10
            import tomli as tomllib
        parse, syntax_error = tomllib.loads, tomllib.TOMLDecodeError
    try:
        document = parse(text)
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
    return f"TOML syntax error: {_toml_message(exc, text)}. Fix the file and run again."


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
    resolved = resolve_path(path)
    return resolved, _load(resolved)[1]


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
