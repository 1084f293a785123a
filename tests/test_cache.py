"""The cache of parsed files: used only for a file with exactly the content it was made from, never in the way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from summits import cache, dataset
from tests.conftest import MINI_TEXT, tomllib

# A comment makes the mini dataset large enough to be cached without changing what it holds.
PADDING = "# " + "x" * cache.MIN_BYTES + "\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the TOML parses that read_document makes (one entry per parse, its text's length)."""
    calls: list[int] = []
    real = tomllib.loads

    def counting(text: str, **kwargs: Any) -> dict[str, Any]:
        calls.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counting)  # the module read_document imports when it parses
    return calls


def large(tmp_path: Path, text: str = MINI_TEXT, name: str = "big.toml") -> Path:
    path = tmp_path / name
    path.write_text(PADDING + text, encoding="utf-8")
    return path


def test_second_read_of_an_unchanged_file_comes_from_the_cache(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path)
    first = dataset.read_document(path)
    second = dataset.read_document(path)
    assert len(parses) == 1
    assert second == first
    assert len(list(cache_dir.glob("*.parsed"))) == 1


def test_a_changed_file_is_parsed_again_even_at_the_same_size_and_time(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path)
    dataset.read_document(path)
    stat = path.stat()
    changed = MINI_TEXT.replace('city = "Helsinki"', 'city = "Helsinkx"', 1)
    assert changed != MINI_TEXT
    large(tmp_path, changed)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    document = dataset.read_document(path)
    assert len(parses) == 2
    assert [m.get("city") for m in document["meetings"]].count("Helsinkx") == 1
    assert len(list(cache_dir.glob("*.parsed"))) == 1  # the path's entry was replaced, not added to


def test_loading_through_the_cache_gives_the_same_dataset(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = large(tmp_path)
    assert dataset.load(path) == dataset.load(path)
    assert len(parses) == 1


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = large(tmp_path)
    expected = dataset.read_document(path)
    (entry,) = cache_dir.glob("*.parsed")
    header = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(header + b"\n" + b"\x00not marshal")
    assert dataset.read_document(path) == expected
    assert dataset.read_document(path) == expected
    assert len(parses) == 2


def test_small_files_are_parsed_directly(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = tmp_path / "small.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    assert len(MINI_TEXT.encode()) < cache.MIN_BYTES
    dataset.read_document(path)
    dataset.read_document(path)
    assert len(parses) == 2
    assert not cache_dir.exists()


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[int]
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "")
    path = large(tmp_path)
    dataset.read_document(path)
    dataset.read_document(path)
    assert len(parses) == 2
    assert cache.directory() is None


def test_default_place_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == tmp_path / "summits"


def test_values_marshal_cannot_keep_are_not_cached(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = tmp_path / "dates.toml"
    path.write_text(PADDING + "when = 2018-07-16\n", encoding="utf-8")  # a TOML date literal
    assert dataset.read_document(path) == dataset.read_document(path)
    assert len(parses) == 2
    assert list(cache_dir.glob("*.parsed")) == []


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    path = large(tmp_path)
    assert dataset.read_document(path) == dataset.read_document(path)


def test_only_the_most_recent_entries_are_kept(tmp_path: Path, cache_dir: Path) -> None:
    for index in range(cache.MAX_ENTRIES + 3):
        dataset.read_document(large(tmp_path, name=f"file-{index}.toml"))
    assert len(list(cache_dir.glob("*.parsed"))) == cache.MAX_ENTRIES


def test_a_file_read_back_from_the_cache_loads_no_parser(tmp_path: Path) -> None:
    """Start-up cost: with the parse cached, neither the TOML parser nor unicodedata (needed only for accented
    names typed by the user) is imported to load and query the shipped dataset."""
    import subprocess
    import sys

    code = (
        "import sys; from summits.dataset import load; from summits import query; "
        "query.resolve_leader(load(), 'Bush'); print(sorted({'tomllib', 'tomli', 'unicodedata'} & set(sys.modules)))"
    )
    env = {"SUMMITS_CACHE_DIR": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    first, second = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60)
        for _ in range(2)
    )
    assert first.stdout in ("['tomllib']\n", "['tomli']\n")  # parsed (tomli before Python 3.11), then cached
    assert second.stdout == "[]\n"
