"""The dataset cache can only be right or absent: an entry altered in any byte never changes any command's
output, and files in the cache folder that summits did not write survive every run."""

from __future__ import annotations

import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.attack import cachetools, hostile
from tests.attack.conftest import base_env, summits, write

ARGS = ("list", "--format", "json")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), flips=st.integers(min_value=1, max_value=4))
def test_an_entry_altered_in_any_byte_never_changes_the_output(tmp_path: Path, seed: int, flips: int) -> None:
    folder = tmp_path / f"cache-{seed}-{flips}"
    data = write(tmp_path / "big.toml", hostile.big_toml())
    uncached = summits("--data", str(data), *ARGS, cwd=tmp_path)
    summits("--data", str(data), *ARGS, cwd=tmp_path, env=base_env(folder))
    entry = cachetools.entries(folder)[0]
    content = bytearray(entry.read_bytes())
    rng = random.Random(seed)
    for _ in range(flips):
        position = rng.randrange(len(content))
        content[position] ^= 1 << rng.randrange(8)
    entry.write_bytes(bytes(content))
    again = summits("--data", str(data), *ARGS, cwd=tmp_path, env=base_env(folder))
    assert again.code == 0
    assert again.out == uncached.out


def test_truncated_and_empty_entries_are_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    data = write(tmp_path / "big.toml", hostile.big_toml())
    uncached = summits("--data", str(data), *ARGS, cwd=tmp_path)
    summits("--data", str(data), *ARGS, cwd=tmp_path, env=base_env(folder))
    entry = cachetools.entries(folder)[0]
    content = entry.read_bytes()
    for cut in (b"", content[:10], content[: len(content) // 2], content[:-1]):
        entry.write_bytes(cut)
        again = summits("--data", str(data), *ARGS, cwd=tmp_path, env=base_env(folder))
        assert again.code == 0 and again.out == uncached.out


def test_other_files_in_the_cache_folder_survive_many_runs(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    theirs = {
        "notes.txt": b"n",
        "x.dataset": b"not ours",
        "0123456789abcdef0123456789abcdef.dataset": b"looks like ours, is not",
        "y.parsed": b"p",
        "z.partial": b"q",
    }
    for name, content in theirs.items():
        (folder / name).write_bytes(content)
    for n in range(12):  # more distinct files than the cache keeps entries for
        data = write(tmp_path / f"big{n}.toml", hostile.big_toml(70_000 + n))
        assert summits("--data", str(data), "count", cwd=tmp_path, env=base_env(folder)).code == 0
    for name, content in theirs.items():
        assert (folder / name).read_bytes() == content, name
    ours = [p for p in cachetools.entries(folder) if p.name not in theirs]
    assert 0 < len(ours) <= 12


def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    data = write(tmp_path / "big.toml", hostile.big_toml())
    run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(folder))
    assert run.code == 0
    assert cachetools.entries(folder) == [] or all(os.stat(p).st_mode & 0o077 == 0 for p in cachetools.entries(folder))
