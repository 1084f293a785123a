"""Property-based tests: however a valid dataset is damaged, summits either loads it whole or says what is wrong
and where, and the command line never shows a traceback.

Each test runs a fixed number of examples (EXAMPLES, derandomized) so that CI is reproducible; the README gives
the number.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summits.cli import app
from summits.dataset.build import build
from summits.dataset.files import DataFileError, InvalidDataset, load
from summits.model import Dataset
from tests.conftest import MINI_TEXT, tomllib

EXAMPLES = 300
PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BASE: dict[str, Any] = tomllib.loads(MINI_TEXT)

# Where a problem can be: the file itself, or a record and, inside it, a nested table.
RECORD = re.compile(
    r"(file|leader .+|source .+|tally .+|meeting .+)"
    r"( (office|quote|dispute) #\d+( (claim|variant) #\d+)?)?",
    re.DOTALL,
)

# Anything TOML or JSON can hold, nested a little.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["2019-02-30", "2018-13", "1985-11-19", "1985", "", " ", "putin", "news-one", "summit"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
# What TOML adds to that: dates, times and datetimes (the schema wants date *strings*).
TOML_VALUES = st.recursive(
    st.one_of(SCALARS, st.dates(), st.times(), st.datetimes()),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["id", "date", "summary", "sumary", "participants", "sources", "source", "kind", "end",
                     "start", "offices", "quotes", "disputes", "claims", "roles", "leaders", "meetings", "tallies"]),
)  # fmt: skip


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside a document (keys of tables, indexes of arrays)."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield (*path, key)
        yield from places(child, (*path, key))


def parent_of(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


@st.composite
def mutated(draw: st.DrawFn, values: st.SearchStrategy[Any] = VALUES) -> dict[str, Any]:
    """The mini dataset with one to four random changes: a value dropped, retyped, made null, duplicated, renamed,
    moved, wrapped in more nesting, or a string given random Unicode."""
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        paths = list(places(document))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = parent_of(document, path), path[-1]
        value = parent[key]
        operations = ["drop", "retype", "null", "duplicate", "rename", "nest", "unicode", "move", "add"]
        operation = draw(st.sampled_from(operations))
        if operation == "drop":
            del parent[key]
        elif operation == "retype":
            parent[key] = draw(values)
        elif operation == "null":
            parent[key] = None  # JSON null
        elif operation == "duplicate":
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(value))
            else:
                parent[draw(KEYS)] = copy.deepcopy(value)
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(KEYS)] = parent.pop(key)
        elif operation == "nest":
            parent[key] = draw(
                st.sampled_from([[value], {"value": value}, {key if isinstance(key, str) else "k": value}])
            )
        elif operation == "unicode" and isinstance(value, str):
            cut = draw(st.integers(0, len(value)))
            parent[key] = value[:cut] + draw(st.text(min_size=1, max_size=12)) + value[cut:]
        elif operation == "move":
            parent[key] = copy.deepcopy(parent_of(document, other := draw(st.sampled_from(paths)))[other[-1]])
        elif operation == "add" and isinstance(value, dict):
            value[draw(KEYS)] = draw(values)
    return document


def assert_loaded_whole_or_located(document: dict[str, Any], dataset: Dataset | None, problems: list[Any]) -> None:
    """Either the dataset has every record of the document, or each problem names its record and field."""
    if dataset is not None:
        assert problems == []
        # Nothing is dropped on the way: every table of the document is in the model.
        assert len(dataset.leaders) == len(document["leaders"])
        assert len(dataset.sources) == len(document["sources"])
        assert len(dataset.meetings) == len(document["meetings"])
        assert len(dataset.tallies) == len(document.get("tallies", []))
        return
    assert problems, "no dataset and no problem: something was lost without a word"
    for problem in problems:
        assert RECORD.fullmatch(problem.record), problem
        assert isinstance(problem.field, str) and problem.field, problem
        assert problem.message, problem


COMMANDS = (
    ["list", "--calls"],
    ["show", "helsinki-2018"],
    ["count", "--by", "pair", "--format", "json"],
    ["quote", "helsinki-2018", "--format", "csv"],
)


@pytest.fixture(scope="module", autouse=True)
def _command_built_once() -> Iterator[None]:
    # CliRunner builds the Click command from the Typer app on every run, which takes longer than the run itself;
    # the app does not change between examples, so build it once (where this Typer version allows).
    built = getattr(typer.testing, "_get_command", None)
    if built is None:
        yield
        return
    command = built(app)
    typer.testing._get_command = lambda _app: command  # type: ignore[attr-defined]
    try:
        yield
    finally:
        typer.testing._get_command = built  # type: ignore[attr-defined]


def run(*args: str) -> Any:
    env = {"COLUMNS": "100", "NO_COLOR": "1", "SUMMITS_DATA": "", "SUMMITS_FORCE_TTY": "1"}
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)


def assert_cli_never_crashes(path: Path, loads: bool, commands: tuple[list[str], ...] = COMMANDS) -> None:
    """Each command ends with a documented exit code and a message, never an exception or a traceback.
    (When the file does not load, every command takes the same path to its message: one is enough.)"""
    event("loads" if loads else "does not load")
    for command in commands if loads else commands[:1]:
        result = run("--data", str(path), *command)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert result.exit_code in (0, 2), (command, result.exit_code, result.output)
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            assert result.stderr.startswith("summits: error: "), result.stderr
        else:
            assert loads
    validated = run("validate", str(path))
    assert validated.exception is None or isinstance(validated.exception, SystemExit), validated.exception
    assert validated.exit_code == (0 if loads else 1) or (not loads and validated.exit_code == 2)
    assert "Traceback" not in validated.output


SCRATCH = Path(tempfile.mkdtemp(prefix="summits-properties-"))


@PROPERTY_SETTINGS
@given(mutated())
def test_a_damaged_json_dataset_loads_whole_or_reports_where(document: dict[str, Any]) -> None:
    path = SCRATCH / "mutated.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    loads = False
    try:
        dataset = load(path)
    except InvalidDataset as invalid:
        assert invalid.path == path
        assert_loaded_whole_or_located(document, None, invalid.problems)
    except DataFileError as error:
        assert str(error).startswith(f"{path}: ")
    else:
        assert_loaded_whole_or_located(document, dataset, [])
        loads = True
    assert_cli_never_crashes(path, loads)


@PROPERTY_SETTINGS
@given(mutated(TOML_VALUES))
def test_a_damaged_document_with_toml_values_builds_or_reports_where(document: dict[str, Any]) -> None:
    # TOML can hold dates and times as values, which JSON cannot: build() sees them directly.
    dataset, problems = build(document)
    assert_loaded_whole_or_located(document, dataset, problems)


@st.composite
def damaged_toml(draw: st.DrawFn) -> str:
    """The mini dataset's TOML text with random edits: text cut out, random text put in, lines repeated or swapped."""
    text = MINI_TEXT
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        operation = draw(st.sampled_from(["cut", "insert", "repeat", "swap", "replace"]))
        start = draw(st.integers(0, len(text)))
        if operation == "cut":
            text = text[:start] + text[start + draw(st.integers(1, 40)) :]
        elif operation == "insert":
            text = text[:start] + draw(st.text(min_size=1, max_size=20)) + text[start:]
        elif operation == "repeat":
            at = draw(st.integers(0, len(lines) - 1))
            text = "\n".join([*lines[: at + 1], lines[at], *lines[at + 1 :]])
        elif operation == "swap":
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        else:
            text = (
                text[:start]
                + draw(st.sampled_from(['"', "[", "]", "=", "\\", "\n", "#", "{", ",", "'"]))
                + text[start + 1 :]
            )
    return text


@PROPERTY_SETTINGS
@given(damaged_toml())
def test_a_damaged_toml_file_loads_or_reports_where(text: str) -> None:
    path = SCRATCH / "damaged.toml"
    path.write_text(text, encoding="utf-8")
    loads = False
    try:
        load(path)
        loads = True
    except InvalidDataset as invalid:
        for problem in invalid.problems:
            assert RECORD.fullmatch(problem.record), problem
            assert problem.field, problem
    except DataFileError as error:
        message = str(error)
        assert message.startswith(f"{path}: ")
        if "TOML syntax error" in message:
            assert re.search(r"\(at (end of file, )?line \d+, column \d+\)", message), message
    assert_cli_never_crashes(path, loads)


# Free-text fields: any non-blank Unicode is valid there, so the file must load and print it as text.
FREE_TEXT = [
    ("meetings", 0, "summary"),
    ("meetings", 0, "venue"),
    ("meetings", 1, "city"),
    ("meetings", 4, "event"),
    ("meetings", 5, "summary"),
    ("meetings", 5, "country"),
    ("meetings", 5, "quotes", 0, "text"),
    ("meetings", 5, "quotes", 2, "speaker_name"),
    ("meetings", 4, "disputes", 0, "reason"),
    ("leaders", 5, "name"),
    ("sources", 1, "title"),
]
ANY_TEXT = st.text(min_size=1, max_size=60).filter(str.strip)


@st.composite
def with_unicode_text(draw: st.DrawFn) -> tuple[dict[str, Any], dict[tuple[Any, ...], str]]:
    document = copy.deepcopy(BASE)
    changed: dict[tuple[Any, ...], str] = {}
    for path in draw(st.lists(st.sampled_from(FREE_TEXT), min_size=1, max_size=4, unique=True)):
        parent = parent_of(document, path)
        assert isinstance(parent[path[-1]], str)
        parent[path[-1]] = changed[path] = draw(ANY_TEXT)
    return document, changed


@PROPERTY_SETTINGS
@given(with_unicode_text())
def test_any_unicode_in_free_text_loads_prints_as_text_and_keeps_exact_json(
    case: tuple[dict[str, Any], dict[tuple[Any, ...], str]],
) -> None:
    from rich.cells import cell_len

    from .output.test_text import assert_only_text

    document, changed = case
    path = SCRATCH / "unicode.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    dataset, problems = build(document)
    assert problems == [] and dataset is not None
    for command in (["list", "--calls"], ["show", "helsinki-2018"]):  # show has the quotes table too
        result = run("--data", str(path), *command)
        assert result.exit_code == 0, (command, result.output)
        assert_only_text(result.stdout)
        assert all(cell_len(line) <= 100 for line in result.stdout.splitlines()), command
    listed = {m["id"]: m for m in json.loads(run("--data", str(path), "list", "--calls", "--format", "json").stdout)}
    for (table, index, *keys), text in changed.items():
        if table == "meetings" and len(keys) == 1 and keys[0] in ("summary", "venue", "city", "event", "country"):
            assert listed[BASE["meetings"][index]["id"]][keys[0]] == text
