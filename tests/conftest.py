"""Shared fixtures: a small fixed dataset, and a runner that invokes the CLI in-process at a fixed width."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from summits.cli import app
from summits.dataset.cache import ENV_VAR as CACHE_DIR
from summits.dataset.files import load
from summits.model import Dataset

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = ["MINI", "MINI_TEXT", "Runner", "error_of", "invoke", "tomllib"]

MINI = Path(__file__).parent / "data" / "mini.toml"
MINI_TEXT = MINI.read_text(encoding="utf-8")


# The commands the tests start run with stdout buffered, as people run them: a PYTHONUNBUFFERED in the
# environment of the test run (some CI images set it) would hide what depends on buffering, such as when a
# closed pipe is noticed.
os.environ.pop("PYTHONUNBUFFERED", None)


@pytest.fixture(autouse=True, scope="session")
def parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Parsed files are cached in a directory of the test run, never in the home directory of whoever runs it."""
    folder = tmp_path_factory.mktemp("parse-cache")
    before = os.environ.get(CACHE_DIR)
    os.environ[CACHE_DIR] = str(folder)
    yield folder
    if before is None:
        del os.environ[CACHE_DIR]
    else:
        os.environ[CACHE_DIR] = before


@pytest.fixture
def mini() -> Dataset:
    return load(MINI)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `summits --data mini.toml ARGS...` (or with data=None, the shipped dataset) at 120 columns."""

    def invoke(
        *args: str, data: str | Path | None = MINI, columns: int = 120, env: dict[str, str] | None = None
    ) -> Result:
        argv = (["--data", str(data)] if data is not None else []) + list(args)
        environment = {"COLUMNS": str(columns), "NO_COLOR": "1", "SUMMITS_DATA": "", "SUMMITS_FORCE_TTY": "1"} | (
            env or {}
        )
        return CliRunner().invoke(app, argv, env=environment, catch_exceptions=False)

    return invoke


@pytest.fixture
def write_toml(tmp_path: Path) -> Callable[[str], Path]:
    """Write TOML text to a file in a temporary directory and return its path."""

    def write(text: str, name: str = "meetings.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


Runner = Callable[..., Result]


def invoke(*args: str, columns: int = 200) -> Result:
    """Run the CLI in-process with exactly these arguments (no --data added), failing on any uncaught exception, on
    a terminal of `columns` (tables laid out for people)."""
    env = {"COLUMNS": str(columns), "NO_COLOR": "1", "SUMMITS_DATA": "", "SUMMITS_FORCE_TTY": "1"}
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def error_of(path: Path, *args: str) -> str:
    """stderr of `summits --data PATH list` (or ARGS), asserting exit code 2 and nothing on stdout."""
    result = invoke("--data", str(path), *(args or ("list",)))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return result.stderr
