"""Writing export files safely: checking where they go, and writing each to a temporary file beside the target
that is moved into place only when complete, so that an interrupted export never leaves half a file and --force
never destroys the old file before the new one is whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path


class ExportError(Exception):
    """The output path cannot be used (exists, is a directory, its directory is missing, not writable)."""


def check_file_target(path: Path, force: bool, suggested_name: str = "summits-export") -> None:
    """Raise ExportError unless a file can be written at path (replacing one only with force)."""
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name, e.g. {path / suggested_name}")
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path} already exists; add --force to replace it, or choose another --output")
    _check_parent(path)


def check_directory_target(path: Path, names: Sequence[str], force: bool) -> None:
    """Raise ExportError unless the CSV files can be written into the directory path (created if missing)."""
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; the CSV export writes one file per table into a directory: give one")
    if path.is_dir():
        existing = [name for name in names if (path / name).exists()]
        if existing and not force:
            shown = ", ".join(existing[:3]) + (f" and {len(existing) - 3} more" if len(existing) > 3 else "")
            raise ExportError(f"{path} already holds {shown}; add --force to replace them, or choose another --output")
        return
    _check_parent(path)


def _check_parent(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        raise ExportError(f"directory {parent} does not exist; create it first, or choose another --output")
    if not parent.is_dir():
        raise ExportError(f"{parent} is not a directory; choose another --output")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(temporary path) beside path, then move the result into place; remove it on any failure."""
    import tempfile

    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    def write(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    write_atomically(path, write)
