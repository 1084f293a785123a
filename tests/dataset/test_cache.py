"""The cache of loaded datasets: used only for a file with exactly the content, and code, it was made from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from summits.dataset import cache
from summits.dataset import files as dataset
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
    """Counts the TOML parses that loading makes (one entry per parse, its text's length)."""
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


def test_second_load_of_an_unchanged_file_comes_from_the_cache(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path)
    first = dataset.load(path)
    second = dataset.load(path)
    assert len(parses) == 1
    assert second == first
    assert second is not first
    assert len(list(cache_dir.glob("*.dataset"))) == 1


def test_a_dataset_from_the_cache_is_the_one_built_from_the_file(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    """The shipped dataset: every record, and participants pointing at the dataset's own Leader objects."""
    path = tmp_path / "meetings.toml"
    path.write_bytes(dataset.default_path().read_bytes())
    built = dataset.load(path)
    cached = dataset.load(path)
    assert len(parses) == 1
    assert cached == built
    assert (len(cached.meetings), len(cached.leaders), len(cached.sources)) == (157, 30, 383)
    for meeting in cached.meetings:
        assert cached.meeting(meeting.id) is meeting
        for participant in meeting.participants:
            assert participant.leader is cached.leader(participant.leader.id)
    helsinki = cached.meeting("helsinki-2018")
    assert helsinki is not None and helsinki.quotes == built.meeting("helsinki-2018").quotes  # type: ignore[union-attr]
    assert [p.role for p in helsinki.participants] == ["President", "President"]


def test_a_changed_file_is_read_again_even_at_the_same_size_and_time(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path)
    dataset.load(path)
    stat = path.stat()
    changed = MINI_TEXT.replace('city = "Helsinki"', 'city = "Helsinkx"', 1)
    assert changed != MINI_TEXT
    large(tmp_path, changed)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    loaded = dataset.load(path)
    assert len(parses) == 2
    assert [m.city for m in loaded.meetings].count("Helsinkx") == 1
    assert len(list(cache_dir.glob("*.dataset"))) == 1  # the path's entry was replaced, not added to


def test_a_file_with_problems_is_never_kept_and_is_checked_every_time(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path, MINI_TEXT.replace('kind = "summit"', 'kind = "chat"', 1))
    for _ in range(2):
        with pytest.raises(dataset.InvalidDataset) as raised:
            dataset.load(path)
        assert [(p.field, p.message[:6]) for p in raised.value.problems] == [("kind", '"chat"')]
    assert len(parses) == 2
    assert not cache_dir.exists() or list(cache_dir.glob("*.dataset")) == []


def test_validate_answers_from_the_cache_for_a_file_that_loaded_cleanly(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    path = large(tmp_path)
    dataset.load(path)
    assert dataset.check(path) == (path, [])
    assert len(parses) == 1


def test_a_change_to_the_code_that_builds_datasets_makes_entries_stale(
    tmp_path: Path, cache_dir: Path, parses: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = large(tmp_path)
    dataset.load(path)
    assert cache.code_digest() is not None
    monkeypatch.setattr(cache, "code_digest", lambda: b"0" * 32)  # as after an upgrade or an edit of dataset.py
    dataset.load(path)
    dataset.load(path)
    assert len(parses) == 2


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = large(tmp_path)
    expected = dataset.load(path)
    (entry,) = cache_dir.glob("*.dataset")
    header = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(header + b"\n" + b"\x00not marshal")
    assert dataset.load(path) == expected
    assert dataset.load(path) == expected
    assert len(parses) == 2


def test_an_entry_that_marshal_reads_but_is_not_a_dataset_is_ignored(
    tmp_path: Path, cache_dir: Path, parses: list[int]
) -> None:
    import marshal

    path = large(tmp_path)
    expected = dataset.load(path)
    (entry,) = cache_dir.glob("*.dataset")
    header = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(header + b"\n" + marshal.dumps((1, (), (), (), (("x", None),))))
    assert dataset.load(path) == expected
    assert len(parses) == 2


def test_small_files_are_loaded_directly(tmp_path: Path, cache_dir: Path, parses: list[int]) -> None:
    path = tmp_path / "small.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    assert len(MINI_TEXT.encode()) < cache.MIN_BYTES
    dataset.load(path)
    dataset.load(path)
    assert len(parses) == 2
    assert not cache_dir.exists()


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[int]
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, "")
    path = large(tmp_path)
    dataset.load(path)
    dataset.load(path)
    assert len(parses) == 2
    assert cache.directory() is None


def test_default_place_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == tmp_path / "summits"


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    path = large(tmp_path)
    assert dataset.load(path) == dataset.load(path)


def test_only_the_most_recent_entries_are_kept(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.mkdir()
    (cache_dir / "0123.parsed").write_bytes(b"an entry of an earlier format")
    for index in range(cache.MAX_ENTRIES + 3):
        dataset.load(large(tmp_path, name=f"file-{index}.toml"))
    assert len(list(cache_dir.glob("*.dataset"))) == cache.MAX_ENTRIES
    assert (cache_dir / "0123.parsed").read_bytes() == b"an entry of an earlier format"  # not summits': kept


def test_a_file_read_back_from_the_cache_loads_no_parser(tmp_path: Path) -> None:
    """Start-up cost: with the dataset cached, neither the TOML parser nor unicodedata (needed only for accented
    names typed by the user) is imported to load and query the shipped dataset."""
    import subprocess
    import sys

    code = (
        "import sys; from summits.dataset.files import load; from summits.query import names; "
        "names.resolve_leader(load(), 'Bush'); print(sorted({'tomllib', 'tomli', 'unicodedata'} & set(sys.modules)))"
    )
    env = {"SUMMITS_CACHE_DIR": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    first, second = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60)
        for _ in range(2)
    )
    assert first.stdout in ("['tomllib']\n", "['tomli']\n")  # parsed (tomli before Python 3.11), then cached
    assert second.stdout == "[]\n"


# ---------------------------------------------------------------- an entry can only be right, or absent


def _entry(cache_dir: Path) -> Path:
    (entry,) = [p for p in cache_dir.iterdir() if p.name.endswith(cache.SUFFIX)]
    return entry


def test_the_payload_digest_is_checked_before_decoding(tmp_path: Path, cache_dir: Path) -> None:
    path = large(tmp_path)
    dataset.load(path)
    entry = _entry(cache_dir)
    content = bytearray(entry.read_bytes())
    content[-5] ^= 0x01
    entry.write_bytes(bytes(content))
    place = cache.slot(path, dataset.read_bytes(path))
    assert place is not None
    assert cache.load(place) is None


def test_a_payload_that_contains_itself_is_refused_before_it_is_hashed() -> None:
    import marshal

    itself = marshal.loads(b"\xa8\x01\x00\x00\x00r\x00\x00\x00\x00")
    assert itself[0] is itself
    assert cache._plain_shape((1, ("a", itself))) is False
    assert cache._plain_shape((1, ("a", (2, None, True)))) is True
    assert cache._plain_shape((1, [2])) is False  # only tuples, as to_plain makes them


def test_a_payload_declaring_a_huge_tuple_is_refused(tmp_path: Path, cache_dir: Path) -> None:
    path = large(tmp_path)
    place = cache.slot(path, dataset.read_bytes(path))
    assert place is not None
    huge = b"\xa8\xff\xff\xff\x7f"
    assert cache._decode(place.header, place.header + b" 0 5\n" + huge) is None  # wrong digest: never decoded


def test_entries_and_their_folder_are_private(tmp_path: Path, cache_dir: Path) -> None:
    dataset.load(large(tmp_path))
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    assert _entry(cache_dir).stat().st_mode & 0o777 == 0o600


def test_a_folder_others_can_write_is_not_used(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    dataset.load(large(tmp_path))
    assert list(cache_dir.iterdir()) == []


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.directory() == tmp_path / ".cache" / "summits"
