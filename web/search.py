"""Full-text search of letters in Thai, by whole words (web/words.py), with no DuckDB extension.

The index holds each letter's searchable text (number, subject, sender, addressee, deadline,
signatory, attachments and the text of its pages) and its word boundaries. Segmenting takes a
few milliseconds a letter, so boundaries are kept in processed/cache/web/words.parquet under a
digest of the text: a new snapshot only segments letters that are new or changed. The index is
built in a background thread when the app starts; until it is ready a search matches plain
substrings, and says so.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from web.dataset import SnapshotKey, Snapshots, snapshot_key
from web.heap import freeze_heap
from web.words import boundaries, clean, find_word

_TEXTS = """
    WITH body AS (
        SELECT l.file_id, l.letter_index, string_agg(p.text, ' ' ORDER BY p.page) AS body
        FROM letters l JOIN pages p ON p.file_id = l.file_id AND p.page BETWEEN l.page_from AND l.page_to
        GROUP BY l.file_id, l.letter_index)
    SELECT l.file_id, l.letter_index,
           concat_ws(' ', l.doc_number, l.subject, l.sender, l.addressee, l.deadline_text, l.signatory,
                     l.signatory_position, l.attachments, b.body) AS text
    FROM letters l LEFT JOIN body b USING (file_id, letter_index)"""
LetterKey = tuple[str, int]


@dataclass(frozen=True)
class Hit:
    key: LetterKey
    at: int  # where the first term was found in the letter's text


class LetterIndex:
    def __init__(self, snapshots: Snapshots, cache_dir: Path) -> None:
        self.snapshots, self.home, self.path = snapshots, snapshots.home, cache_dir / "words.parquet"
        self._lock = threading.Lock()
        self._key: SnapshotKey | None = None
        # texts and their boundaries, swapped as one object so a search never mixes two snapshots
        self._index: tuple[dict[LetterKey, str], dict[LetterKey, tuple[str, bytes]]] = ({}, {})

    @property
    def ready(self) -> bool:
        return self._key == snapshot_key(self.home)

    def ensure(self) -> None:
        """Bring the index up to the published snapshot (one builder at a time)."""
        with self._lock:
            key = snapshot_key(self.home)
            if key == self._key:
                return
            with self.snapshots.connect() as conn:
                texts = _letter_texts(conn)
            entries = self._segment(texts)
            self._index, self._key = (texts, entries), key
        freeze_heap()  # the index lives as long as its snapshot: keep full collections from walking it

    def _segment(self, texts: dict[LetterKey, str]) -> dict[LetterKey, tuple[str, bytes]]:
        known = _load(self.path)
        entries, fresh = {}, False
        for key, text in texts.items():
            digest = hashlib.sha1(text.encode()).hexdigest()
            marks = known.get((*key, digest))
            if marks is None:
                marks, fresh = bytes(boundaries(text)), True
            entries[key] = (digest, marks)
        if fresh or len(known) != len(entries):
            _save(self.path, entries)
        return entries

    def text(self, key: LetterKey) -> str:
        return self._index[0].get(key, "")

    def search(self, query_terms: list[str]) -> tuple[list[Hit], bool]:
        """Letters holding every term, and whether terms matched as whole words.

        After a new snapshot the previous index answers (as whole words) while the new one is
        built in the background; only before the first index is built are plain substrings used.
        """
        if not self.ready and not self._lock.locked():
            start_background_build(self)
        indexed = self._key is not None  # read before the index: ensure() sets the index first
        texts, entries = self._index
        if not indexed:
            with self.snapshots.connect() as conn:
                texts, entries = _letter_texts(conn), {}
        hits = [hit for key, text in texts.items()
                if (hit := _match(key, text, entries.get(key, ("", b""))[1], query_terms))]
        return hits, indexed


def _match(key: LetterKey, text: str, marks: bytes, query_terms: list[str]) -> Hit | None:
    first = -1
    for term in query_terms:
        at = find_word(text, marks, term) if marks else text.find(term)
        if at < 0:
            return None
        first = at if first < 0 else first
    return Hit(key, first)


def _letter_texts(conn: duckdb.DuckDBPyConnection) -> dict[LetterKey, str]:
    return {(f, int(i)): clean(t or "") for f, i, t in conn.execute(_TEXTS).fetchall()}


def _load(path: Path) -> dict[tuple[str, int, str], bytes]:
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: segment again
    return {(f, int(i), d): m for f, i, d, m in frame[["file_id", "letter_index", "digest", "marks"]].itertuples(
        index=False, name=None)}


def _save(path: Path, entries: dict[LetterKey, tuple[str, bytes]]) -> None:
    frame = pd.DataFrame([(f, i, d, m) for (f, i), (d, m) in entries.items()],
                         columns=["file_id", "letter_index", "digest", "marks"])
    tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
    frame.to_parquet(tmp, index=False)
    tmp.replace(path)


def snippet(index: LetterIndex, hit: Hit, term: str) -> tuple[str, str, str]:
    """Text around the first match, for the letters shown (not for every hit: a common word hits thousands)."""
    text = index.text(hit.key)
    end = hit.at + len(term)
    return text[max(0, hit.at - 60):hit.at], text[hit.at:end], text[end:end + 100]


def start_background_build(index: LetterIndex) -> threading.Thread:
    thread = threading.Thread(target=index.ensure, name="saraban-word-index", daemon=True)
    thread.start()
    return thread
