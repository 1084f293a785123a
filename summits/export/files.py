"""Writing export files safely.

* Only regular files are written (or standard output, with `-o -`): a device, FIFO, socket or directory at the
  target, or a symbolic link to one, is refused with a message that names `-o -`, and never replaced.
* Each file is written to a temporary file beside the target that is moved into place only when complete, so that
  an interrupted export never leaves half a file and --force never destroys the old file before the new one is
  whole. A multi-file export (CSV) is written into a new folder that then takes the old one's place as a whole.
* Temporary files and folders are removed on any failure, and on SIGINT or SIGTERM (which summits turns into an
  exception, so that this cleanup runs).
* A new file gets the mode the umask gives; a file replaced with --force keeps its mode. --force through a
  symbolic link replaces the file it points to, and keeps the link.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from summits.dataset.files import file_type

STDOUT_HINT = "to write to standard output, use -o -"


class ExportError(Exception):
    """The output path cannot be used (exists, is not a regular file, its directory is missing, not writable)."""


def _not_regular(path: Path, mode: int) -> ExportError:
    return ExportError(
        f"{path} is {file_type(mode)}; exports are written only to regular files, and never replace anything else "
        f"({STDOUT_HINT})"
    )


def check_file_target(path: Path, force: bool, suggested_name: str = "summits-export") -> Path:
    """Raise ExportError unless a file can be written at path (replacing one only with force); return the path to
    write: path itself, or the regular file a symbolic link at path points to."""
    try:
        info = os.stat(path)  # through a symbolic link: what would be written is what it points to
    except (FileNotFoundError, NotADirectoryError):  # (the second: a file where a directory should be)
        info = None
    except OSError as error:
        raise ExportError(f"cannot use {path}: {error.strerror or error}; choose another --output") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{path} is a directory; give a file name, e.g. {path / suggested_name}")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    if path.is_symlink():
        if info is None:
            raise ExportError(f"{path} is a symbolic link to nothing; remove it, or choose another --output")
        target = Path(os.path.realpath(path))
    else:
        target = path
    if info is not None and not force:
        raise ExportError(f"{path} already exists; add --force to replace it, or choose another --output")
    _check_parent(target)
    return target


def check_directory_target(path: Path, names: Sequence[str], force: bool) -> None:
    """Raise ExportError unless the files can be written as the directory path (made, or replaced as a whole)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        _check_parent(path)
        return
    if stat.S_ISLNK(info.st_mode):
        raise ExportError(f"{path} is a symbolic link; give a directory, or a new name to make one")
    if not stat.S_ISDIR(info.st_mode):
        if stat.S_ISREG(info.st_mode):
            raise ExportError(f"{path} is a file; the CSV export writes one file per table into a directory: give one")
        raise _not_regular(path, info.st_mode)
    entries = sorted(os.listdir(path))
    if not entries:
        return
    for name in entries:
        inner = path / name
        mode = inner.lstat().st_mode
        if name in names and not stat.S_ISREG(mode):
            raise ExportError(
                f"{inner} is {file_type(mode)}, not a file an export wrote; move it away, or choose another --output"
            )
    others = [name for name in entries if name not in names]
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise ExportError(
            f"{path} holds files that are not part of the export ({shown}); the export replaces the directory as "
            "a whole: choose an empty or new directory"
        )
    if not force:
        existing = [name for name in names if name in entries]
        shown = ", ".join(existing[:3]) + (f" and {len(existing) - 3} more" if len(existing) > 3 else "")
        raise ExportError(f"{path} already holds {shown}; add --force to replace them, or choose another --output")


def _check_parent(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        raise ExportError(f"directory {parent} does not exist; create it first, or choose another --output")
    if not parent.is_dir():
        raise ExportError(f"{parent} is not a directory; choose another --output")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_mode(replaced: Path, default: int = 0o666) -> int:
    """The mode for a file (or, with default 0o777, a folder) written at replaced: the mode of what is there, or
    what the umask gives a new one."""
    try:
        return stat.S_IMODE(os.stat(replaced).st_mode)
    except OSError:
        return default & ~_umask()


@contextlib.contextmanager
def _no_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the few system calls that must not be separated."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not on this platform or thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(temporary path) beside path, then move the result into place with the mode it should have;
    remove the temporary file (and any SQLite journal beside it) on any failure or signal."""
    import tempfile

    mode = new_mode(path)
    temporary: Path | None = None
    try:
        with _no_signals():  # a signal now would leave a file that nothing knows to remove
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporary = Path(name)
        os.close(handle)
        write(temporary)
        os.chmod(temporary, mode)
        with _no_signals():
            os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            _remove(temporary)
            _remove(temporary.with_name(temporary.name + "-journal"))
        raise


def write_folder(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(new folder) beside path, then put the new folder in path's place as a whole: readers see the
    old files or the new ones, never a mix. The old folder is removed after the swap."""
    import tempfile

    mode = new_mode(path, 0o777)
    new: Path | None = None
    old: Path | None = None
    try:
        with _no_signals():  # a signal now would leave a folder that nothing knows to remove
            new = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new"))
        old = new.with_suffix(".old")
        write(new)
        os.chmod(new, mode)
        with _no_signals():
            if path.exists():
                os.rename(path, old)
                try:
                    os.rename(new, path)
                except BaseException:
                    os.rename(old, path)
                    raise
            else:
                os.rename(new, path)
    except BaseException:
        if new is not None:
            _remove(new)
        raise
    _remove(old)


def write_text(path: Path, text: str) -> None:
    def write(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    write_atomically(path, write)
