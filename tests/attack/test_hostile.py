"""Hostile datasets rendered by every command in every format: text from data is inert. Tables escape every
control character, C1 control and bidi override; CSV and JSON into a pipe keep the exact text; nothing from the
data is read as Rich markup; nothing crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.attack import hostile
from tests.attack.conftest import base_env, summits, write

COMMANDS = [
    ("list",),
    ("count", "--by", "pair"),
    ("quote", "helsinki-2018"),
    ("show", "helsinki-2018"),
    ("search", "summary"),
    ("leaders",),
    ("leaders", "putin"),
    ("sources",),
    ("disputes",),
    ("timeline",),
]
FORMATS = ["table", "json", "jsonl", "csv", "tsv", "markdown"]


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("hostile") / "hostile.json", hostile.all_payloads_json())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_renders_hostile_data(
    tmp_path: Path, hostile_data: Path, args: tuple[str, ...], fmt: str
) -> None:
    run = summits("--data", str(hostile_data), *args, "--format", fmt, cwd=tmp_path)
    run.assert_clean()
    if run.code == 2 and "No such option" in run.message:
        pytest.skip(f"{args[0]} has no --format")
    assert run.code == 0, run.message
    assert run.out.strip()
    if fmt == "table":
        for dangerous in hostile.DANGEROUS_BYTES:
            assert dangerous not in run.out, dangerous
        squeezed = b"".join(run.out.split())  # tables wrap long cells
        assert b"[boldred]red[/]" in squeezed or args[0] in {"count", "timeline", "sources"}, "markup was read"
    elif fmt == "json":
        json.loads(run.out)


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv", "sqlite"])
def test_every_export_format_takes_hostile_data(tmp_path: Path, hostile_data: Path, fmt: str) -> None:
    run = summits("--data", str(hostile_data), "export", "-f", fmt, "-o", str(tmp_path / "out"), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 0, run.message


def test_markdown_export_is_inert(tmp_path: Path, hostile_data: Path) -> None:
    run = summits("--data", str(hostile_data), "export", "-f", "markdown", "-o", "-", cwd=tmp_path)
    assert run.code == 0
    for dangerous in hostile.DANGEROUS_BYTES:
        assert dangerous not in run.out, dangerous


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x2FF, blacklist_categories=("Cs",)),
        st.sampled_from(list("\u200b\u200d\u2028\u2029\u202a\u202b\u202d\u202e\u2066\u2069\ufeff\u0443[]/\\")),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_in_a_summary_is_shown_inert_or_refused(tmp_path: Path, text: str) -> None:
    data = write(tmp_path / "any.json", hostile.hostile_json(text))
    run = summits("--data", str(data), "show", "helsinki-2018", cwd=tmp_path, env=base_env(COLUMNS="80"))
    run.assert_clean()
    assert run.code in (0, 2), run.message
    if run.code == 0:
        shown = run.out.decode("utf-8")
        # (Through a pipe a table is one line a row, its columns separated by tabs: tab is the only control left.)
        assert not [c for c in shown if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0], repr(shown)
        assert not [c for c in shown if c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_hostile_data_to_an_ascii_stream_at_one_column(
    tmp_path: Path, hostile_data: Path, args: tuple[str, ...], fmt: str
) -> None:
    env = base_env(PYTHONIOENCODING="ascii", COLUMNS="1")
    run = summits("--data", str(hostile_data), *args, "--format", fmt, cwd=tmp_path, env=env)
    run.assert_clean()
    if run.code == 2 and "No such option" in run.message:
        pytest.skip(f"{args[0]} has no --format")
    assert run.code == 0, run.message
    run.out.decode("ascii")
    if fmt == "json":
        json.loads(run.out)
