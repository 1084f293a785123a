"""`summits --help` and `summits COMMAND --help` from a cache of the text Typer printed last time.

Typer makes the help by importing every command module and turning each command into a Click command: nine
tenths of the run, to print the same text again. So the text is kept (in the cache folder, summits/cache_folder.py)
the first time it is made, and printed from there while nothing it depends on has changed. An entry is used only
when its key matches exactly; the key holds everything the text depends on:

- the request (`--help`, `-h`, `COMMAND --help`) and the program name Click shows in the usage line;
- the code: the content of every summits module, and Typer's version (its package's files' sizes and times);
- the Python that runs;
- the width Click lays the text out for ($COLUMNS, else the terminal's size), whether stdout is a terminal and its
  encoding, and the environment variables that change how Typer or Click write (TYPER_*, NO_COLOR, FORCE_COLOR,
  TTY_COMPATIBLE, TERM).

Nothing here raises: a cache that cannot be read or written is not used, and Typer prints the help as before.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from summits.cache_folder import directory, make_folder, open_own_file, private_folder, read_at_most

try:  # as summits/dataset/cache.py: BLAKE2 without loading OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

MAGIC = b"summits-help-1 "
LIMIT = 1 << 20  # bytes: a help text is a few kilobytes
PACKAGE = Path(__file__).resolve().parent
_ENVIRONMENT = ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM")


def request(args: list[str]) -> str | None:
    """The name of what help is asked for ("summits", or a command's name) when args ask for help alone."""
    if args in (["--help"], ["-h"]):
        return "summits"
    if len(args) == 2 and args[1] in ("--help", "-h"):
        from summits.completion_index import COMMANDS

        return args[0] if args[0] in COMMANDS else None
    return None


def cached(args: list[str]) -> str | None:
    """The help text kept for this request and this key, if there is one."""
    entry = _entry(args)
    if entry is None or not private_folder(entry[0].parent):
        return None
    path, key = entry
    fd = open_own_file(path)
    if fd is None:
        return None
    try:
        content = read_at_most(fd, LIMIT)
    except OSError:
        return None
    finally:
        os.close(fd)
    if content is None or not content.startswith(key):
        return None
    try:
        return content[len(key) :].decode("utf-8")
    except UnicodeDecodeError:
        return None


def remember(args: list[str], name: str, text: str) -> None:
    """Keep the help text Typer made for `name`, when it is what this run asked for."""
    if request(args) != name:
        return
    entry = _entry(args)
    if entry is None or not make_folder(entry[0].parent):
        return
    path, key = entry
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(key + text.encode("utf-8"))
        os.replace(partial, path)  # readers see the old entry or the new one, never half of one
    except BaseException as error:  # a failed write, or a signal in the middle of one
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if not isinstance(error, Exception):
            raise


def _entry(args: list[str]) -> tuple[Path, bytes] | None:
    """The file of this request and the key its content must start with; None when the cache does not apply."""
    name = request(args)
    folder = directory()
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    if name is None or folder is None or encoding not in ("utf-8", "utf8"):
        return None
    code = _code_digest()
    if code is None:
        return None
    key = blake2b(digest_size=32)
    main = sys.modules.get("__main__")
    for part in (
        " ".join(args),
        sys.argv[0],
        getattr(main, "__package__", None) or "",
        code,
        sys.version,
        _terminal_size(),
        _isatty(),
        *(f"{k}={v}" for k, v in sorted(os.environ.items()) if k in _ENVIRONMENT or k.lstrip("_").startswith("TYPER")),
    ):
        key.update(str(part).encode("utf-8", "backslashreplace") + b"\0")
    return folder / f"{name}{args[-1]}.help", MAGIC + key.hexdigest().encode() + b"\n"


def _code_digest() -> str | None:
    """The content of every summits module, and Typer's files (sizes and times: a new version rewrites them)."""
    digest = blake2b(digest_size=16)
    try:
        for path in sorted(PACKAGE.rglob("*.py")):
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
        typer = _typer_folder()
        if typer is None:
            return None
        for path in sorted(typer.rglob("*.py")):
            info = path.stat()
            digest.update(f"{path.relative_to(typer)} {info.st_size} {info.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()


def _typer_folder() -> Path | None:
    """Where `import typer` would find Typer, without importing it."""
    for place in sys.path:
        candidate = Path(place or ".") / "typer"
        if (candidate / "__init__.py").is_file():
            return candidate.resolve()
    return None


def _terminal_size() -> str:
    try:
        return str(os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1))
    except (AttributeError, ValueError, OSError):
        return "no terminal"


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False
