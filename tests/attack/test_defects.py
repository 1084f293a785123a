"""One test (or group) for each defect of the adversarial review of version 0.1.0, D1 to D33, named for it.
Each reproduces the attack through the command line and states what must happen instead."""

from __future__ import annotations

import os
import pty
import resource
import signal
import socket
import stat
import subprocess
import sys
import time
import tty
from pathlib import Path

import pytest

from tests.attack import cachetools, hostile
from tests.attack.conftest import TRACEBACK, Run, base_env, in_private_dev, shell, summits, write


def limit_memory(megabytes: int = 1500) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def limit_file_size(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def names_stdout_option(run: Run) -> None:
    assert "-o -" in run.message or "--output -" in run.message, run.message


def to_terminal(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 60) -> Run:
    """Run summits with a pseudo-terminal as stdout (what a person at a terminal sees), stderr to a pipe."""
    master, slave = pty.openpty()
    tty.setraw(slave)  # bytes as written: no newline translation
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "summits", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
        )
    finally:
        os.close(slave)
    chunks = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    _, err = process.communicate(timeout=timeout)
    return Run(process.returncode, b"".join(chunks), err)


# ================================================================ A. wrong or stale data, and data loss


def test_d1_export_force_refuses_a_fifo_and_leaves_it_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    run = summits("export", "-f", "json", "-o", str(fifo), "--force", cwd=tmp_path, timeout=30)
    run.assert_clean()
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced"
    assert run.code == 2
    names_stdout_option(run)


def test_d1_export_force_refuses_a_socket_and_leaves_it_in_place(tmp_path: Path) -> None:
    place = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(place))
        run = summits("export", "-f", "markdown", "-o", str(place), "--force", cwd=tmp_path, timeout=30)
    finally:
        server.close()
    run.assert_clean()
    assert stat.S_ISSOCK(place.lstat().st_mode), "the socket was replaced"
    assert run.code == 2
    names_stdout_option(run)


def test_d1_export_force_never_replaces_a_device_or_the_stdout_link(tmp_path: Path) -> None:
    script = """
mknod -m 666 /dev/null c 1 3 && ln -s /proc/self/fd/1 /dev/stdout || exit 98
$SUMMITS export -f json -o /dev/stdout --force > out.json; echo "code $?"
$SUMMITS export -f markdown -o /dev/null --force; echo "code $?"
$SUMMITS export -f sqlite -o /dev/null --force; echo "code $?"
stat -c '%F' /dev/null; stat -c '%F' /dev/stdout
"""
    run = in_private_dev(script, cwd=tmp_path)
    run.assert_clean()
    lines = run.text.split()
    assert "character special file" in run.text, run.text
    assert "symbolic link" in run.text, run.text
    assert "regular" not in run.text, run.text
    out = (tmp_path / "out.json").read_bytes()
    # Either the JSON went to the stream, or summits refused: never "Wrote ..." with nothing written.
    if out:
        assert out.lstrip().startswith(b"{")
    else:
        assert "Wrote" not in run.message
        names_stdout_option(run)
    assert lines.count("0") + lines.count("2") >= 3


def test_d2_pruning_the_cache_never_deletes_files_summits_did_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    mine = {folder / "thesis.parsed": b"notes\n"}
    mine.update({folder / f"run{i}.dataset": b"x\n" for i in range(1, 11)})
    mine[folder / "keep.partial"] = b"mine\n"
    for path, content in mine.items():
        path.write_bytes(content)
    data = write(tmp_path / "big.toml", hostile.big_toml())
    run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(folder))
    assert run.code == 0
    for path, content in mine.items():
        assert path.exists() and path.read_bytes() == content, f"{path.name} was deleted or changed"


def _cached_pair(tmp_path: Path, cache: Path, *args: str) -> tuple[Path, Run]:
    data = write(tmp_path / "big.toml", hostile.big_toml())
    uncached = summits("--data", str(data), *args, cwd=tmp_path)
    assert uncached.code == 0
    first = summits("--data", str(data), *args, cwd=tmp_path, env=base_env(cache))
    assert first.out == uncached.out
    assert cachetools.entries(cache), "the cache kept no entry"
    return data, uncached


def test_d3_a_damaged_cache_entry_never_changes_the_output(tmp_path: Path, cache: Path) -> None:
    data, uncached = _cached_pair(tmp_path, cache, "list", "--format", "json")
    entry = cachetools.entries(cache)[0]
    body = entry.read_bytes()
    assert b"reykjavik-1986" in body
    entry.write_bytes(body.replace(b"reykjavik-1986", b"reykjavik-1984").replace(b"Reykjavik", b"Reyojavik"))
    again = summits("--data", str(data), "list", "--format", "json", cwd=tmp_path, env=base_env(cache))
    assert again.code == 0
    assert again.out == uncached.out
    shown = summits("--data", str(data), "show", "reykjavik-1986", cwd=tmp_path, env=base_env(cache))
    assert shown.code == 0, shown.message


def test_d4_a_planted_cache_entry_is_never_trusted(tmp_path: Path, cache: Path) -> None:
    data, _ = _cached_pair(tmp_path, cache, "show", "reykjavik-1986")
    entry = cachetools.entries(cache)[0]
    real = b"Talks on nuclear arms came close to abolishing ballistic missiles."
    forged = b"FORGED SUMMARY: this text is in no data file, none, at all, never!"
    assert len(real) == len(forged)
    entry.write_bytes(entry.read_bytes().replace(real, forged))
    cache.chmod(0o777)  # a shared folder that anyone can plant entries in
    run = summits("--data", str(data), "show", "reykjavik-1986", cwd=tmp_path, env=base_env(cache))
    assert run.code == 0
    assert "FORGED" not in run.text
    assert "abolishing" in run.text


def test_d4_an_entry_owned_by_someone_else_is_never_read(tmp_path: Path, cache: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give a file to another user")
    data, _ = _cached_pair(tmp_path, cache, "show", "reykjavik-1986")
    entry = cachetools.entries(cache)[0]
    real = b"Talks on nuclear arms came close to abolishing ballistic missiles."
    forged = b"FORGED SUMMARY: this text is in no data file, none, at all, never!"
    entry.write_bytes(entry.read_bytes().replace(real, forged))
    os.chown(entry, 65534, 65534)
    run = summits("--data", str(data), "show", "reykjavik-1986", cwd=tmp_path, env=base_env(cache))
    assert "FORGED" not in run.text


def test_d5_a_failed_csv_export_with_force_leaves_the_old_tables_untouched(tmp_path: Path) -> None:
    mini = write(tmp_path / "mini.toml", hostile.mini_text())
    out = tmp_path / "out"
    first = summits("--data", str(mini), "export", "-f", "csv", "-o", str(out), cwd=tmp_path)
    assert first.code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "quotes.csv").unlink()
    (out / "quotes.csv").mkdir()  # something summits cannot replace, in the middle of the set
    del before["quotes.csv"]
    run = summits("export", "-f", "csv", "-o", str(out), "--force", cwd=tmp_path)
    run.assert_clean()
    assert run.code == 2
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before, "some tables were replaced and others not"
    assert (out / "quotes.csv").is_dir()


def test_d5_an_interrupted_csv_export_leaves_all_old_or_all_new(tmp_path: Path) -> None:
    mini = write(tmp_path / "mini.toml", hostile.mini_text())
    big = write(tmp_path / "many.toml", hostile.many_meetings_toml(6000))
    out = tmp_path / "out"
    assert summits("--data", str(mini), "export", "-f", "csv", "-o", str(out), cwd=tmp_path).code == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    process = subprocess.Popen(
        [sys.executable, "-m", "summits", "--data", str(big), "export", "-f", "csv", "-o", str(out), "--force"],
        cwd=tmp_path,
        env=base_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    baseline = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    listing = set(os.listdir(tmp_path))
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        changed = set(os.listdir(tmp_path)) != listing or any(
            p.stat().st_mtime_ns != baseline.get(p.name) for p in out.iterdir()
        )
        if changed:
            break
        time.sleep(0.0005)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert TRACEBACK not in err
    now = {p.name: p.read_bytes() for p in out.iterdir()}
    if now != old:
        assert len(now["meetings.csv"].splitlines()) > 6000, "old and new tables are mixed"
        assert all(b"generated" in now[name] for name in ("meetings.csv", "meeting_sources.csv")), "mixed"
    assert sorted(os.listdir(tmp_path)) == sorted(listing), "a temporary file or folder was left behind"


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "helsinki-2018"),
        ("timeline",),
        ("search", "summit"),
        ("sources",),
        ("leaders",),
        ("count",),
        ("quote", "helsinki-2018"),
        ("disputes",),
    ],
    ids=lambda a: a[0],
)
def test_d6_columns_zero_still_prints_every_table(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = summits(*args, cwd=tmp_path, env=base_env(COLUMNS="0"))
    run.assert_clean()
    assert run.code == 0
    assert run.out.strip(), "no output at COLUMNS=0"


@pytest.mark.parametrize("args", [("list", "--leader", "Nixxon"), ("--data", "/nonexistent", "list")])
def test_d6_columns_zero_still_prints_error_messages(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = summits(*args, cwd=tmp_path, env=base_env(COLUMNS="0"))
    run.assert_clean()
    assert run.code == 2
    assert "error" in run.message


def test_d7_duplicate_keys_in_a_json_dataset_are_a_problem(tmp_path: Path) -> None:
    data = write(tmp_path / "dup.json", hostile.duplicate_key_json())
    run = summits("validate", str(data), cwd=tmp_path)
    run.assert_clean()
    assert run.code in (1, 2)
    assert "summary" in run.text + run.message
    assert "duplicate" in (run.text + run.message).lower()
    listed = summits("--data", str(data), "list", cwd=tmp_path)
    assert listed.code == 2 and "THE REAL SUMMARY" not in listed.text


def test_d8_ids_and_dates_accept_only_ascii_digits(tmp_path: Path) -> None:
    data = write(tmp_path / "confusable-ids.json", hostile.confusable_digits_json())
    run = summits("validate", str(data), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 1, run.message
    report = run.text + run.message
    assert "helsinki-𝟤𝟢𝟣𝟪" in report or "ASCII" in report


# ================================================================ B. crashes, tracebacks and hangs


@pytest.mark.parametrize("args", [("list",), ("validate", "big.toml"), ("list", "--leader", "Bush")])
def test_d9_a_self_referencing_cache_entry_crashes_nothing(tmp_path: Path, cache: Path, args: tuple[str, ...]) -> None:
    data, _ = _cached_pair(tmp_path, cache, "list")
    cachetools.plant_self_reference(cachetools.entries(cache)[0])
    run = summits("--data", str(data), *args, cwd=tmp_path, env=base_env(cache), timeout=60)
    run.assert_clean()
    assert run.code == 0, run.message


def test_d10_a_cache_entry_declaring_a_huge_tuple_is_ignored_quickly(tmp_path: Path, cache: Path) -> None:
    data, uncached = _cached_pair(tmp_path, cache, "count")
    cachetools.plant_body(cachetools.entries(cache)[0], cachetools.HUGE_TUPLE)
    started = time.monotonic()
    run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(cache), timeout=60, preexec_fn=limit_memory)
    run.assert_clean()
    assert run.code == 0 and run.out == uncached.out
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("kind", ["zero-link", "fifo"])
def test_d10_a_cache_entry_that_is_not_a_regular_file_is_ignored(tmp_path: Path, cache: Path, kind: str) -> None:
    data, uncached = _cached_pair(tmp_path, cache, "count")
    entry = cachetools.entries(cache)[0]
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")  # read only, never written
    run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(cache), timeout=20, preexec_fn=limit_memory)
    run.assert_clean()
    assert run.code == 0 and run.out == uncached.out


@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom"])
def test_d11_data_from_an_endless_device_is_refused(tmp_path: Path, source: str) -> None:
    link = tmp_path / "endless.toml"
    link.symlink_to(source)  # read only, never written
    for given in (source, str(link)):
        run = summits("--data", given, "list", cwd=tmp_path, timeout=20, preexec_fn=lambda: limit_memory(800))
        run.assert_clean()
        assert run.code == 2
        assert "regular file" in run.message or "too large" in run.message, run.message


def test_d11_data_from_a_fifo_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)
    run = summits("--data", str(fifo), "list", cwd=tmp_path, timeout=20)
    run.assert_clean()
    assert run.code == 2 and "regular file" in run.message, run.message


FULL_COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("list", "--format", "csv"),
    ("count",),
    ("show", "helsinki-2018"),
    ("timeline",),
    ("--help",),
    ("--version",),
    ("export", "-f", "json", "-o", "-"),
]


@pytest.mark.parametrize("args", FULL_COMMANDS, ids=" ".join)
def test_d12_full_stdout_gives_a_message_not_a_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    output = tmp_path / "out"
    with output.open("wb") as stream:  # a regular file that cannot grow: writes fail as on a full device
        run = summits(*args, cwd=tmp_path, stdout=stream, stderr=subprocess.PIPE, preexec_fn=lambda: limit_file_size(0))
    run.assert_clean()
    assert run.code != 0, "a failed write reported as success"
    assert run.code in (1, 2, 141), run.code
    assert "summits" in run.message and ("write" in run.message or "space" in run.message), run.message


def test_d12_full_device_in_a_private_dev(tmp_path: Path) -> None:
    script = """
mknod -m 666 /dev/full c 1 7 || exit 98
$SUMMITS list > /dev/full; echo "code $?" >&2
$SUMMITS --version > /dev/full; echo "code $?" >&2
"""
    run = in_private_dev(script, cwd=tmp_path)
    run.assert_clean()
    assert "code 0" not in run.message
    assert "No space left" in run.message or "cannot write" in run.message


@pytest.mark.parametrize("args", [("list",), ("list", "--format", "json"), ("--help",)], ids=" ".join)
def test_d12_read_only_stdout_gives_a_message_not_a_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    target = tmp_path / "ro"
    target.write_bytes(b"")
    with target.open("rb") as stream:
        run = summits(*args, cwd=tmp_path, stdout=stream, stderr=subprocess.PIPE)
    run.assert_clean()
    assert run.code != 0
    assert "summits" in run.message


@pytest.mark.parametrize(
    "args",
    [
        "list",
        "list --format json",
        "list --format csv",
        "export -f json -o -",
        "--help",
        "--version",
        "validate",
    ],
)
def test_d13_closed_stdout_gives_no_traceback(tmp_path: Path, args: str) -> None:
    run = shell(f"$SUMMITS {args} >&-", cwd=tmp_path)
    run.assert_clean()
    if args == "validate":  # writes nothing to stdout for a valid file: nothing is lost
        assert run.code == 0, run.message
        assert "valid" in run.message
    else:
        assert run.code != 0, "output lost, yet success reported"
        assert "summits" in run.message


@pytest.mark.parametrize("fmt", ["json", "sqlite", "markdown"])
def test_d13_an_export_to_a_file_succeeds_with_stdout_closed(tmp_path: Path, fmt: str) -> None:
    run = shell(f"$SUMMITS export -f {fmt} -o out.{fmt} >&-", cwd=tmp_path)
    run.assert_clean()
    assert run.code == 0, run.message
    assert (tmp_path / f"out.{fmt}").stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "code"),
    [("show helsinki-2018", 0), ("list", 0), ("list --bogus", 2), ("show nope", 2), ("list --leader Nixxon", 2)],
)
def test_d14_closed_stderr_keeps_the_exit_code(tmp_path: Path, args: str, code: int) -> None:
    run = shell(f"$SUMMITS {args} 2>&-", cwd=tmp_path)
    assert TRACEBACK not in run.out
    assert run.code == code
    if code:
        assert b"Usage" not in run.out and b"No such option" not in run.out


def test_d14_read_only_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    target = tmp_path / "ro"
    target.write_bytes(b"")
    for args, code in ((("list",), 0), (("show", "nope"), 2)):
        with target.open("rb") as stream:
            run = summits(*args, cwd=tmp_path, stderr=stream, stdout=subprocess.PIPE)
        assert run.code == code
        assert TRACEBACK not in run.out


ENCODING_COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("list", "--format", "csv"),
    ("show", "reykjavik-1986"),
    ("timeline",),
    ("export", "-f", "markdown", "-o", "-"),
    ("leaders", "Gorbachev"),
]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", ENCODING_COMMANDS, ids=" ".join)
def test_d15_a_non_utf8_stdout_never_crashes(tmp_path: Path, args: tuple[str, ...], encoding: str) -> None:
    run = summits(*args, cwd=tmp_path, env=base_env(PYTHONIOENCODING=encoding))
    run.assert_clean()
    assert run.code == 0, run.message
    assert run.out.strip()
    run.out.decode(encoding)  # what was written is in the stream's encoding


@pytest.mark.parametrize("args", [("list",), ("show", "reykjavik-1986"), ("list", "--format", "json")], ids=" ".join)
def test_d15_c_locale_without_utf8_mode_never_crashes(tmp_path: Path, args: tuple[str, ...]) -> None:
    env = base_env(LC_ALL="C", PYTHONCOERCECLOCALE="0")
    del env["PYTHONIOENCODING"]
    run = summits(*args, cwd=tmp_path, env=env, python_flags=("-X", "utf8=0"))
    run.assert_clean()
    assert run.code == 0, run.message
    assert run.out.strip()


def test_d16_a_lone_surrogate_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = write(tmp_path / "surrogate.json", hostile.surrogate_json())
    run = summits("validate", str(data), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 1
    assert "surrogate" in (run.text + run.message).lower()
    for args in (
        ("list", "--format", "json"),
        ("show", "reykjavik-1986"),
        ("search", "lone"),
        ("export", "-f", "sqlite", "-o", "x.sqlite"),
    ):
        other = summits("--data", str(data), *args, cwd=tmp_path)
        other.assert_clean()
        assert other.code == 2, (args, other.message)


@pytest.mark.parametrize(("name", "make"), [("huge.toml", hostile.huge_int_toml), ("huge.json", hostile.huge_int_json)])
def test_d17_an_integer_beyond_64_bits_is_a_problem(tmp_path: Path, name: str, make: object) -> None:
    data = write(tmp_path / name, make())  # type: ignore[operator]
    run = summits("validate", str(data), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 1
    exported = summits("--data", str(data), "export", "-f", "sqlite", "-o", "x.sqlite", cwd=tmp_path)
    exported.assert_clean()
    assert exported.code == 2


def test_d18_a_full_disk_during_a_sqlite_export_is_a_message(tmp_path: Path) -> None:
    run = summits(
        "export", "-f", "sqlite", "-o", "out.sqlite", cwd=tmp_path, preexec_fn=lambda: limit_file_size(100_000)
    )
    run.assert_clean()
    assert run.code == 2
    assert "cannot write" in run.message
    assert os.listdir(tmp_path) == [], "a partial database or temporary file was left"


def test_d18_a_full_tmpfs_during_a_sqlite_export_is_a_message(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    script = f"""
mount -t tmpfs -o size=200k none {tiny} || exit 98
$SUMMITS export -f sqlite -o {tiny}/out.sqlite; echo "code $?"
ls -A {tiny}
"""
    run = in_private_dev(script, cwd=tmp_path)
    run.assert_clean()
    assert "code 2" in run.text, run.message
    assert run.text.split("code 2", 1)[1].strip() == ""


@pytest.mark.parametrize("args", [("show", "helsinki-2018"), ("timeline",), ("disputes",), ("list",)], ids=" ".join)
def test_d19_a_huge_columns_value_never_crashes(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = summits(*args, cwd=tmp_path, env=base_env(COLUMNS="9999999999999999999999"))
    run.assert_clean()
    assert run.code == 0
    assert run.out.strip()


@pytest.mark.parametrize("shell_name", ["zsh", "fish"])
@pytest.mark.parametrize(
    "name",
    ["Vladimir [/] Putin", "Vladimir [red]Putin[/red]", "Vladimir \x1b]0;PWNED\x07 Putin"],
    ids=["bad", "tag", "esc"],
)
def test_d20_completion_prints_data_as_plain_text(tmp_path: Path, shell_name: str, name: str) -> None:
    document = hostile.mini_document()
    next(x for x in document["leaders"] if x["id"] == "putin")["name"] = name
    data = write(tmp_path / "markup.json", hostile.as_json(document))
    env = base_env(
        SUMMITS_DATA=str(data),
        _SUMMITS_COMPLETE=f"complete_{shell_name}",
        _TYPER_COMPLETE_ARGS="summits list --leader ",
        _TYPER_COMPLETE_FISH_ACTION="get-args",
    )
    script = Path(sys.executable).with_name("summits")  # completion answers to the program's own name
    if not script.exists():
        pytest.skip("the summits console script is not installed")
    done = subprocess.run([str(script)], cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False)
    run = Run(done.returncode, done.stdout, done.stderr)
    run.assert_clean()
    assert run.code == 0
    assert b"Putin" in run.out, run.text
    assert b"\x1b" not in run.out and b"\x07" not in run.out
    if "[" in name:
        assert name.encode() in run.out, run.text


# ================================================================ C. terminal-escape injection


DATA_COMMANDS = [
    ("list",),
    ("quote", "helsinki-2018"),
    ("show", "helsinki-2018"),
    ("search", "summary"),
    ("leaders",),
    ("leaders", "putin"),
    ("sources",),
    ("disputes",),
    ("count", "--by", "pair"),
    ("timeline",),
]


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("args", DATA_COMMANDS, ids=" ".join)
def test_d21_csv_and_json_to_a_terminal_escape_control_characters(
    tmp_path: Path, args: tuple[str, ...], fmt: str
) -> None:
    data = write(tmp_path / "hostile.json", hostile.all_payloads_json())
    env = base_env(SUMMITS_DATA=str(data), TERM="xterm-256color")
    run = to_terminal([*args, "--format", fmt], cwd=tmp_path, env=env)
    run.assert_clean()
    if run.code == 2 and b"no such option" in run.err.lower():
        pytest.skip(f"{args[0]} has no --format {fmt}")
    assert run.code == 0, run.message
    for dangerous in hostile.DANGEROUS_BYTES:
        assert dangerous not in run.out, dangerous


def test_d21_csv_into_a_pipe_keeps_the_exact_text(tmp_path: Path) -> None:
    data = write(tmp_path / "hostile.json", hostile.all_payloads_json())
    run = summits("--data", str(data), "list", "--format", "csv", cwd=tmp_path)
    assert run.code == 0
    assert b"\x1b]0;PWNED-TITLE\x07" in run.out


@pytest.mark.parametrize("url", ["https://evil.example/\u009b2J\u009d0;t\u009c", "https://evil.example/\u202egnp.exe"])
def test_d22_markdown_links_escape_c1_controls_and_bidi_overrides(tmp_path: Path, url: str) -> None:
    data = write(tmp_path / "url.json", hostile.url_json(url))
    run = summits("--data", str(data), "export", "-f", "markdown", "-o", "-", cwd=tmp_path)
    assert run.code == 0
    for character in "\u009b\u009c\u009d\u202e":
        assert character not in run.text


# ================================================================ D. leftover files, permissions, locations


def test_d23_a_stale_partial_cache_entry_is_cleaned_on_the_next_run(tmp_path: Path, cache: Path) -> None:
    data, _ = _cached_pair(tmp_path, cache, "count")
    entry = cachetools.entries(cache)[0]
    stale = entry.with_name(f"{entry.name}.4194305.partial")  # from a process that cannot be alive
    stale.write_bytes(b"summits-dataset-2 half an entry")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    entry.unlink()  # the next run writes the entry again
    run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(cache))
    assert run.code == 0
    assert not stale.exists()
    assert not [p for p in cache.rglob("*") if p.name.endswith(".partial")]


def _kill_when_a_file_appears(args: list[str], folder: Path, sig: int, cwd: Path, env: dict[str, str]) -> bytes:
    before = set(os.listdir(folder)) if folder.exists() else set()
    process = subprocess.Popen(
        [sys.executable, "-m", "summits", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if folder.exists() and set(os.listdir(folder)) - before:
            break
        time.sleep(0.0005)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    return err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_d23_a_signal_during_an_export_leaves_no_temporary_file(tmp_path: Path, fmt: str, sig: int) -> None:
    data = write(tmp_path / "many.toml", hostile.many_meetings_toml(4000))
    out = tmp_path / "out"
    out.mkdir()
    err = _kill_when_a_file_appears(
        ["--data", str(data), "export", "-f", fmt, "-o", str(out / f"x.{fmt}")], out, sig, tmp_path, base_env()
    )
    assert TRACEBACK not in err
    left = [name for name in os.listdir(out) if name != f"x.{fmt}"]
    assert left == [], left


def test_d23_a_signal_during_a_cache_write_leaves_no_partial_entry(tmp_path: Path, cache: Path) -> None:
    data = write(tmp_path / "many.toml", hostile.many_meetings_toml(4000))
    cache.mkdir(mode=0o700)
    err = _kill_when_a_file_appears(["--data", str(data), "count"], cache, signal.SIGTERM, tmp_path, base_env(cache))
    assert TRACEBACK not in err
    assert not [p.name for p in cache.rglob("*") if ".partial" in p.name]


def test_d24_the_cache_is_private(tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir()
    data = write(private / "secret.toml", hostile.big_toml())
    data.chmod(0o600)
    cache = tmp_path / "cache-priv"
    old_mask = os.umask(0o022)
    try:
        run = summits("--data", str(data), "count", cwd=tmp_path, env=base_env(cache))
    finally:
        os.umask(old_mask)
    assert run.code == 0
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    found = cachetools.entries(cache)
    assert found
    for path in [*found, *(p for p in cache.rglob("*") if p.is_dir())]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


@pytest.mark.parametrize("fmt", ["json", "markdown", "sqlite", "csv"])
def test_d25_exports_honour_the_umask(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    run = shell(f"umask 027; $SUMMITS export -f {fmt} -o {target}", cwd=tmp_path)
    assert run.code == 0, run.message
    files = list(target.iterdir()) if target.is_dir() else [target]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, (path, oct(path.stat().st_mode))


@pytest.mark.parametrize("fmt", ["json", "markdown", "sqlite"])
def test_d25_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(b"old")
    target.chmod(0o644)
    run = shell(f"umask 077; $SUMMITS export -f {fmt} -o {target} --force", cwd=tmp_path)
    assert run.code == 0, run.message
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.parametrize("value", ["relative/cache", "~/tilde"])
def test_d26_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, value: str) -> None:
    data = write(tmp_path / "big.toml", hostile.big_toml())
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    env = base_env(XDG_CACHE_HOME=value, HOME=str(home))
    del env["SUMMITS_CACHE_DIR"]
    run = summits("--data", str(data), "count", cwd=work, env=env)
    assert run.code == 0
    assert os.listdir(work) == [], "cache folders were made in the working directory"


# ================================================================ E. unclear messages


def test_d27_validate_says_it_is_reading_a_large_file(tmp_path: Path) -> None:
    data = write(tmp_path / "large.toml", hostile.big_toml(5_100_000))
    run = summits("validate", str(data), cwd=tmp_path)
    assert run.code == 0
    assert "reading" in run.message and "MB" in run.message


def test_d28_export_to_a_stream_path_points_at_dash_o_dash(tmp_path: Path) -> None:
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    run = summits("export", "-f", "json", "-o", str(link), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 2
    assert "add --force" not in run.message
    names_stdout_option(run)
    forced = summits("export", "-f", "json", "-o", str(link), "--force", cwd=tmp_path)
    assert forced.code == 2
    names_stdout_option(forced)
    assert link.is_symlink()


def test_d29_a_csv_export_error_names_the_file_that_failed(tmp_path: Path) -> None:
    out = tmp_path / "csvmix"
    out.mkdir()
    (out / "quotes.csv").mkdir()
    run = summits("export", "-f", "csv", "-o", str(out), "--force", cwd=tmp_path)
    run.assert_clean()
    assert run.code == 2
    assert "quotes.csv" in run.message, run.message


def test_d30_date_times_and_times_are_reported_in_toml_words(tmp_path: Path) -> None:
    data = write(tmp_path / "dates.toml", hostile.datetime_toml())
    run = summits("validate", str(data), cwd=tmp_path)
    assert run.code == 1
    report = run.text + run.message
    assert "datetime." not in report and "tzinfo" not in report, report
    assert "1988-12-07" in report


def test_d31_a_confusable_key_says_which_character_differs(tmp_path: Path) -> None:
    data = write(tmp_path / "key.toml", hostile.confusable_key_toml())
    run = summits("validate", str(data), cwd=tmp_path, env=base_env(COLUMNS="200"))
    assert run.code == 1
    report = run.text + run.message
    assert "U+0443" in report, report


def test_d32_a_file_of_only_a_bom_is_empty(tmp_path: Path) -> None:
    data = tmp_path / "bom-only.toml"
    data.write_bytes(b"\xef\xbb\xbf")
    run = summits("validate", str(data), cwd=tmp_path)
    run.assert_clean()
    assert run.code == 2
    assert "empty" in run.message, run.message
    padded = tmp_path / "bom-space.toml"
    padded.write_bytes(b"\xef\xbb\xbf  \n")
    assert "empty" in summits("validate", str(padded), cwd=tmp_path).message


def test_d33_data_after_the_command_is_the_same_option(tmp_path: Path) -> None:
    """`--data` is taken after the command as before it: a missing file is reported as such, with no
    suggestion of another option."""
    run = summits("list", "--data", "x.toml", cwd=tmp_path)
    assert run.code == 2
    assert "--to" not in run.message and "No such option" not in run.message, run.message
    assert "x.toml" in run.message, run.message
    assert run.message == summits("--data", "x.toml", "list", cwd=tmp_path).message


def test_d33_data_dash_is_explained(tmp_path: Path) -> None:
    run = summits("--data", "-", "list", cwd=tmp_path)
    assert run.code == 2
    assert "no such file" not in run.message
    assert "standard input" in run.message, run.message


def test_d33_json_in_a_file_without_a_json_suffix_gets_a_hint(tmp_path: Path) -> None:
    data = write(tmp_path / "export.txt", hostile.as_json(hostile.mini_document()))
    run = summits("--data", str(data), "list", cwd=tmp_path)
    assert run.code == 2
    assert ".json" in run.message, run.message
