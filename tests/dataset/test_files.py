"""Reading the data file: a file that cannot be read or parsed gets one precise message with the path, and
exit code 2, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summits.cli import app
from summits.dataset.files import DataFileError, load
from tests.conftest import MINI, MINI_TEXT, error_of

# ================================================================ 1. the data file cannot be read


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert error_of(path) == (
        f"summits: error: {path}: no such file. Check the path given with --data or $SUMMITS_DATA.\n"
    )


def test_missing_file_from_the_environment_variable_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "from-env.toml"
    result = CliRunner().invoke(app, ["list"], env={"SUMMITS_DATA": str(path)}, catch_exceptions=False)
    assert result.exit_code == 2
    assert (
        result.stderr == f"summits: error: {path}: no such file. Check the path given with --data or $SUMMITS_DATA.\n"
    )


def test_directory_instead_of_a_file(tmp_path: Path) -> None:
    assert error_of(tmp_path) == (
        f"summits: error: {tmp_path}: is a directory, not a dataset file. Give the path of a .toml file.\n"
    )


def test_path_through_a_file_as_if_it_were_a_directory(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    path = tmp_path / "plain-file" / "meetings.toml"
    assert error_of(path) == f"summits: error: {path}: cannot read the file (Not a directory).\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_chmod_000(tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert error_of(path) == (
            f"summits: error: {path}: permission denied. Make the file readable, or use another --data path.\n"
        )
    finally:
        path.chmod(0o600)


def test_unreadable_file_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same case as chmod 000, which a test running as root cannot produce: the read itself is refused.
    path = tmp_path / "locked.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    real_open = os.open

    def refuse(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert error_of(path) == (
        f"summits: error: {path}: permission denied. Make the file readable, or use another --data path.\n"
    )


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"], ids=["zero-bytes", "only-whitespace"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.toml"
    path.write_bytes(content)
    assert error_of(path) == (
        f"summits: error: {path}: the file is empty. A dataset needs [[leaders]], [[sources]] and [[meetings]].\n"
    )


def test_not_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINI_TEXT.replace("Höfði", "H\u00f6f\u00f0i").encode("latin-1"))
    line = MINI_TEXT[: MINI_TEXT.index("Höfði")].count("\n") + 1
    byte = len(MINI_TEXT[: MINI_TEXT.index("Höfði")].encode("latin-1")) + 2
    assert error_of(path) == (
        f"summits: error: {path}: not valid UTF-8 (byte {byte}, line {line}). Save the file as UTF-8.\n"
    )


def test_utf16_file_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "utf16.toml"
    path.write_bytes(MINI_TEXT.encode("utf-16"))
    assert error_of(path) == (f"summits: error: {path}: not valid UTF-8 (byte 1, line 1). Save the file as UTF-8.\n")


def test_utf8_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    # Some Windows editors start UTF-8 files with a byte-order mark; the file is still UTF-8.
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI_TEXT.encode("utf-8"))
    assert load(path) == load(MINI)


# ================================================================ 2. the file is not valid TOML (or JSON)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('schema_version = 1\n[[leaders]]\nid = "x\n', "Illegal character '\\n' (at line 3, column 8)"),
        ("schema_version = 1\nschema_version = 2\n", "Cannot overwrite a value (at line 2, column 19)"),
        (
            "schema_version = 1\n[[meetings]\n",
            "Expected ']]' at the end of an array declaration (at line 2, column 11)",
        ),
        ("schema_version = \n", "Invalid value (at line 1, column 18)"),
        ("schema_version = 1\n[[meetings]]\ndate = 2019-02-30\n", "Invalid date or datetime (at line 3, column 8)"),
        ('schema_version = 1\nx = "\\e"\n', "Unescaped '\\' in a string (at line 2, column 8)"),
        ("schema_version = 1\ntopics = [1,\n", "Invalid value (at end of file, line 3, column 1)"),
        ("schema_version = 1\ntopics = [1,", "Invalid value (at end of file, line 2, column 13)"),
    ],
    ids=[
        "unterminated-string",
        "duplicate-key",
        "bad-header",
        "no-value",
        "impossible-date-literal",
        "bad-escape",
        "unclosed-array",
        "unclosed-array-no-newline",
    ],
)
def test_toml_syntax_error_gives_file_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    assert error_of(path) == f"summits: error: {path}: TOML syntax error: {where}. Fix the file and run again.\n"


def test_json_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "schema_version": 1,\n  "leaders": [,]\n}\n', encoding="utf-8")
    assert error_of(path) == (f"summits: error: {path}: JSON syntax error at line 3, column 15: Expecting value.\n")


def test_json_top_level_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert error_of(path) == f"summits: error: {path}: a JSON dataset must be an object at the top level.\n"


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_a_number_too_long_to_convert_is_a_message_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"long-number.{suffix}"
    digits = "1" * 5000
    path.write_text(f"schema_version = {digits}\n" if suffix == "toml" else f'{{"schema_version": {digits}}}')
    assert error_of(path) == (
        f"summits: error: {path}: a number in the file has too many digits to read (more than 4300). "
        "Fix the file and run again.\n"
    )


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_nesting_too_deep_is_a_message_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep.{suffix}"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(f"topics = {nested}\n" if suffix == "toml" else nested)
    assert error_of(path) == f"summits: error: {path}: nesting too deep to parse.\n"


def test_load_raises_naming_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"nope\.toml: no such file"):
        load(tmp_path / "nope.toml")


def test_toml_syntax_error_gives_line_and_column(write_toml) -> None:  # type: ignore[no-untyped-def]
    path = write_toml('schema_version = 1\n[[leaders]]\nid = "x\n')
    with pytest.raises(DataFileError, match=r"TOML syntax error: .*line 3, column"):
        load(path)
