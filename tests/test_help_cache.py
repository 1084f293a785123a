"""Help printed from the cache (summits/help_cache.py) is byte for byte what Typer prints, for every width and
environment that changes it; a run that finds it there never imports Typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The console script, reporting at exit whether Typer was imported.
DRIVER = r"""
import atexit, os, sys

def report():
    with open(os.environ["TYPER_REPORT"], "w", encoding="utf-8") as out:
        out.write("typer" if "typer" in sys.modules else "none")

atexit.register(report)
sys.argv[0] = "summits"
from summits.entry import run

run()
"""

REQUESTS = [["--help"], ["-h"], ["list", "--help"], ["count", "-h"], ["completion", "--help"]]
SETTINGS = [{"COLUMNS": "60"}, {"COLUMNS": "200"}, {"COLUMNS": "100", "NO_COLOR": "1"}, {}]


def summits(args: list[str], tmp_path: Path, cache: Path | None, extra: dict[str, str]) -> tuple[object, ...]:
    report = tmp_path / "typer.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "SUMMITS_CACHE_DIR")}
    env |= {"TYPER_REPORT": str(report), "SUMMITS_CACHE_DIR": str(cache) if cache else ""} | extra
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], env=env, capture_output=True, timeout=60, check=False, cwd=tmp_path
    )
    return done.returncode, done.stdout, done.stderr, report.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", REQUESTS, ids=" ".join)
def test_cached_help_is_what_typer_prints(args: list[str], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for extra in SETTINGS:  # one cache for all: an entry made for one width is never printed for another
        *fresh, fresh_typer = summits(args, tmp_path, None, extra)
        *first, first_typer = summits(args, tmp_path, cache, extra)
        *again, again_typer = summits(args, tmp_path, cache, extra)
        assert fresh[0] == 0 and fresh[1].startswith(b"Usage: summits")
        assert first == fresh and again == fresh
        assert (fresh_typer, first_typer, again_typer) == ("typer", "typer", "none")


def test_widths_give_different_help(tmp_path: Path) -> None:
    """The settings above do change the text, so the comparison is not vacuous."""
    narrow = summits(["--help"], tmp_path, None, {"COLUMNS": "60"})[1]
    wide = summits(["--help"], tmp_path, None, {"COLUMNS": "200"})[1]
    assert narrow != wide


def test_an_entry_that_does_not_match_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = summits(["--help"], tmp_path, None, {"COLUMNS": "80"})
    summits(["--help"], tmp_path, cache, {"COLUMNS": "80"})
    [entry] = cache.glob("*.help")
    entry.write_bytes(b"summits-help-1 0000\nnot the help\n")
    assert summits(["--help"], tmp_path, cache, {"COLUMNS": "80"}) == fresh


def test_other_requests_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for args in (["--version"], [], ["list", "--help", "--leader", "x"], ["nope", "--help"]):
        summits(args, tmp_path, cache, {})
    assert not list(cache.glob("*.help")) if cache.exists() else True


def test_a_closed_stdout_ends_as_it_does_without_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    summits(["--help"], tmp_path, cache, {})  # the entry is made

    def run(cache_dir: str) -> tuple[int, bytes]:
        env = os.environ | {"SUMMITS_CACHE_DIR": cache_dir, "TYPER_REPORT": str(tmp_path / "typer.txt")}
        done = subprocess.run(
            [sys.executable, "-c", DRIVER, "--help"],
            env=env,
            preexec_fn=lambda: os.close(1),
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
        return done.returncode, done.stderr

    assert run(str(cache)) == run("")
    assert run("")[0] == 2
