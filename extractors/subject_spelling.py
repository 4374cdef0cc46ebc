"""A word-level spelling judge for a letter's subject: a Thai word OCR damaged by one confusable
glyph is put back when the dictionary is sure, and the letter names what changed.

Tesseract misreads one glyph for its look-alike (ด as ต: `การตำเนินงาน`; a lost ี and ้ read as
่: `ตัวช่วัด`; specks read as tone marks: `แล่ะ๊`). The pipeline's page repairs only touch words
the dictionary does not know, and ตำเนิน is a (rare) word, so such damage reaches the subject.
Here a stretch of pure Thai letters is judged on its own: only inside a token that is unknown or
rare (TNC count under _RARE) are edits tried, each one look-alike swap, one mark dropped, swapped
or added, or all tone marks dropped; the edit is made only when it makes the stretch's dictionary
cost (unknown letters, then words) strictly lower and no other edit does as well. Stretches that
touch a point (abbreviations: สท., มี.ค.) are left alone: their letters are no words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.thai.dictionary import corpus_count, cost, token_spans, word_at, words

SPELLING_CORRECTED = "subject_spelling_corrected"  # a letter flag: `flag:old>new` per word put back

# Glyph pairs Tesseract confuses in printed Thai (both ways).
_LOOK_ALIKES = ("ดต", "ขช", "ซช", "ขฃ", "สล", "บป", "ภถ", "ผฝ", "พฟ", "คศ", "คต", "รว", "ทห", "มน",
                "ฎฏ", "ธร", "กถ", "ฐร", "ญณ", "ำา")
_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
_TONES = re.compile("[\u0e48-\u0e4b]")
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_ADDED = ("\u0e35", "\u0e34", "\u0e31", "\u0e48", "\u0e49")  # marks seen lost: ี ิ ั ่ ้
# A mark read as another: ่ for ี้ or ี่ (the upper vowel lost), ้ for ่, ิ for ี …
_MARK_AS = {"\u0e48": ("\u0e49", "\u0e35\u0e49", "\u0e35\u0e48"), "\u0e49": ("\u0e48", "\u0e35\u0e49"),
            "\u0e34": ("\u0e35",), "\u0e35": ("\u0e34",), "\u0e36": ("\u0e35", "\u0e37"), "\u0e37": ("\u0e36",)}
_RARE = 50  # TNC count under which a known token is as suspect as an unknown one (ตำเนิน: 3)
_MIN_WORD = 3  # letters of the word an edit must land in
_ROUNDS = 3  # edits per stretch at most
_THAI_RUN = re.compile("([\u0e01-\u0e4e]+)")


def _swaps() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for a, b in _LOOK_ALIKES:
        table.setdefault(a, []).append(b)
        table.setdefault(b, []).append(a)
    return {k: tuple(v) for k, v in table.items()}


_SWAPS = _swaps()


def _edits(word: str) -> Iterator[str]:
    """Every reading of `word` one confusion away."""
    yield _TONES.sub("", word)
    for i, c in enumerate(word):
        head, tail = word[:i], word[i + 1:]
        for other in _SWAPS.get(c, ()) + _MARK_AS.get(c, ()):
            yield head + other + tail
        if c in _MARKS:
            yield head + tail
        if "\u0e01" <= c <= "\u0e2e" and not _MARK.match(tail):  # a mark only on a bare letter
            yield from (head + c + mark + tail for mark in _ADDED)


def _suspects(run: str) -> list[tuple[int, int]]:
    """Tokens that may be damaged words; a lone letter is ink (`งการประเมิน`), never made a word,
    but it may be the end of a damaged word the dictionary split (`กำรรายงาน`: กำ, ร, รายงาน)."""
    known = words()
    spans = list(token_spans(run))
    suspects = [(at, at + len(t)) for at, t in spans if len(t) > 1 and (t not in known or corpus_count(t) < _RARE)]
    return suspects + [(spans[k - 1][0], at + 1) for k, (at, t) in enumerate(spans)
                       if k and _LONE.fullmatch(t)]


_LONE = re.compile("[ก-ฮ]")


def _lands_in_common_word(run: str, reading: str) -> bool:
    """Does the edit fall inside a known word of 3 letters or more of the new reading? An edit
    that makes a short word of a letter glued on (`ประมาณพ` → `…พี`) makes up a word."""
    last = min(len(run), len(reading)) - 1
    at = next((i for i, (a, b) in enumerate(zip(run, reading, strict=False)) if a != b), last)
    found = word_at(reading, at)
    # A mark dropped makes up no word: it leaves the word as printed, however short (ผูล → ผล).
    least = _MIN_WORD if len(reading) >= len(run) else 2
    return found is not None and len(found[1]) >= least and found[1] in words()


def _better_reading(run: str) -> str | None:
    """The one reading of `run` an edit inside a suspect token makes strictly cheapest, if any."""
    now = cost(run)
    tried = {run[:lo] + e + run[hi:] for lo, hi in _suspects(run) for e in _edits(run[lo:hi])}
    better = [(cost(t), t) for t in tried if t != run and _lands_in_common_word(run, t)]
    better = [b for b in better if b[0] < now]
    if not better:
        return None
    best = min(c for c, _ in better)
    top = [t for c, t in better if c == best]
    return top[0] if len(top) == 1 else None


def _judged(run: str) -> str:
    for _ in range(_ROUNDS):
        found = _better_reading(run)
        if found is None:
            break
        run = found
    return run


def judge_spelling(text: str) -> tuple[str, list[str]]:
    """`text` with its damaged Thai words put back, and `old>new` for each one changed."""
    pieces = _THAI_RUN.split(text)
    changes: list[str] = []
    for k in range(1, len(pieces), 2):
        if pieces[k - 1].endswith(".") or pieces[k + 1].startswith("."):
            continue  # an abbreviation's letters
        judged = _judged(pieces[k])
        if judged != pieces[k]:
            changes.append(f"{pieces[k]}>{judged}")
            pieces[k] = judged
    return "".join(pieces), changes
