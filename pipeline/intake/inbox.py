"""Finding work in inbox/: only files that have stopped changing (a scanner may still be writing).

The inbox is walked with its sub-folders, and a file's source name is its path under inbox/
(`ตาก/รายงาน.pdf`). Every entry is judged by `lstat`, never by following it:

- a regular file is work;
- a symbolic link (to a file or a folder), a device, a FIFO or a socket is refused as
  `not_a_regular_file` and never opened: a link can point anywhere (/etc/passwd, another home),
  and reading a FIFO or a device would block or never end. Folder links are not walked into;
- a hidden, lock or unfinished file (a name starting with '.' or '~$', or ending with .part,
  .crdownload, .tmp or .error.json) and a hidden folder with all it holds are left alone, but
  `left_in_inbox` lists them with the reason `ignored_name`, so they are reported on every run
  instead of being ignored forever.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline.errors import IgnoredNameError, NotARegularFileError, SarabanError

_IGNORED_PREFIXES = (".", "~$")  # hidden files, editor lock files and links, Office lock files
_IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".error.json")

Kind = Literal["file", "not_a_regular_file", "ignored_name"]


@dataclass(frozen=True)
class InboxFile:
    path: Path
    size: int
    mtime: float
    regular: bool = True  # False: a link, device, FIFO or socket, refused without being opened

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class LeftInInbox:
    """An inbox entry no run will process as it is, and why."""

    name: str  # its source name (path under inbox/)
    reason: str  # not_a_regular_file | ignored_name
    message_en: str
    message_th: str


def walk_inbox(inbox: Path) -> Iterator[tuple[Path, os.stat_result, Kind]]:
    """Every entry under inbox/ but the folders walked through, with its lstat and its kind."""
    root = inbox.resolve()
    for folder, dirs, files in os.walk(inbox):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            try:
                info = path.lstat()
            except FileNotFoundError:
                continue  # removed since the folder was listed
            kind = _kind(name, info.st_mode, path, root)
            if name in dirs and kind is not None:
                dirs.remove(name)  # a hidden folder or a folder link: never entered
            if kind is not None:
                yield path, info, kind


def _kind(name: str, mode: int, path: Path, root: Path) -> Kind | None:
    """None for a folder to walk into. The name goes first: an editor's lock link (.#x) is litter."""
    if name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES):
        return "ignored_name"
    if stat.S_ISDIR(mode):
        return None
    if stat.S_ISREG(mode) and path.resolve().is_relative_to(root):
        return "file"
    return "not_a_regular_file"


def source_name(path: Path, inbox: Path) -> str:
    """The path under inbox/ as text that always stores and prints.

    A name that is not UTF-8 is most likely TIS-620 (cp874): a zip made on Thai Windows keeps
    its names in that code page. Failing that, undecodable bytes become U+FFFD.
    """
    return "/".join(_text(os.fsencode(part)) for part in path.relative_to(inbox).parts)


def _text(raw: bytes) -> str:
    for encoding in ("utf-8", "cp874"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def describe(path: Path) -> str:
    """What a refused entry is, in words, from its lstat (it is never opened)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "no longer there"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    found = [words for test, words in kinds if test(mode)]
    return found[0] if found else "a file that resolves outside the inbox"


def shown(name: str) -> str:
    """A name as a message shows it: quoted with escapes if it holds a newline or other control."""
    return name if name.isprintable() else repr(name)


def refusal(name: str, path: Path) -> NotARegularFileError:
    return NotARegularFileError(f"{shown(name)} is {describe(path)}, so it is never opened; "
                                "copy the document itself into the inbox")


def left_in_inbox(inbox: Path) -> list[LeftInInbox]:
    """Entries that stay in the inbox whatever a run does: refused ones and ignored names."""
    left = []
    for path, _, kind in walk_inbox(inbox):
        if kind != "file":
            name = source_name(path, inbox)
            error: SarabanError = (refusal(name, path) if kind == "not_a_regular_file" else IgnoredNameError(
                f"{shown(name)} has the name of a hidden, lock or unfinished file, so it is not read; "
                "rename it if it is a document"))
            left.append(LeftInInbox(name, error.reason, error.message, error.message_th))
    return left


def _snapshot(inbox: Path) -> dict[Path, tuple[int, float, bool]]:
    return {path: (info.st_size, info.st_mtime, kind == "file")
            for path, info, kind in walk_inbox(inbox) if kind != "ignored_name"}


def drop_order(item: InboxFile) -> tuple[int, int, str]:
    """Earliest drop first. Files dropped in the same second (one copy operation) tie, and the
    shorter name goes first: copies get suffixes like ' (1)' or ' - Copy'."""
    return (int(item.mtime), len(item.name), item.name)


def stable_files(inbox: Path, stable_seconds: float, *, now: float | None = None) -> list[InboxFile]:
    """Entries whose size and mtime did not change across `stable_seconds` and are that old.
    Refused entries (regular=False) come too, so that each run reports them."""
    first = _snapshot(inbox)
    if stable_seconds > 0 and first:
        youngest = max(mtime for _, mtime, _ in first.values())
        wait = min(stable_seconds, max(0.0, youngest + stable_seconds - (now or time.time())))
        time.sleep(max(wait, min(stable_seconds, 0.5)))
    second = _snapshot(inbox)
    items = [InboxFile(p, *second[p]) for p in first if second.get(p) == first[p]]
    return sorted(items, key=drop_order)
