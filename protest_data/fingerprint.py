"""A fingerprint of a data package's files, so that caches keyed on it pick up edited data."""

from __future__ import annotations

import hashlib
import os


def data_fingerprint(directory: str | os.PathLike) -> str:
    """Names, sizes and modification times of every file under ``directory``, hashed.

    os.scandir, not pathlib: at a hundred times today's data there are tens of thousands of archived
    passages, and this runs on every page view.
    """
    entries: list[tuple[str, int, int]] = []
    pending = [os.fspath(directory)]
    root_length = len(pending[0]) + 1
    while pending:
        with os.scandir(pending.pop()) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=True):
                    pending.append(entry.path)
                elif entry.is_file(follow_symlinks=True):
                    stat = entry.stat()
                    entries.append((entry.path[root_length:], stat.st_size, stat.st_mtime_ns))
    entries.sort()
    return hashlib.sha256(repr(entries).encode()).hexdigest()


def top_level_fingerprint(directory: str | os.PathLike) -> str:
    """The same, for the files directly in ``directory`` only (the tables and datapackage.json): cheap
    enough for every page view."""
    with os.scandir(directory) as listing:
        entries = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                         for entry in listing if entry.is_file(follow_symlinks=True))
    return hashlib.sha256(repr(entries).encode()).hexdigest()
