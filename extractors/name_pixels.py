"""Which spelling of a place name the ink of its cell holds (ตัวสะกดตามหมึก): the gazetteer's,
or one OCR read.

Tesseract's readings of a short name share its mistakes (ร for ว, a letter doubled at the
cell's edge) and its dictionary's pull towards real names (ห่าแซะ, a misprint, read again as
ท่าแซะ). The ink is a witness of its own: each spelling is drawn and fitted to the crop
(`pipeline.thai.ink_match`). The rivals of the gazetteer's spelling are the readings and the
strip's reading less one letter (OCR's commonest slip on a name is a letter too many: ทห่าแซะ).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Editop, Levenshtein

from pipeline.thai.ink_match import spelling_fits

# The gazetteer's spelling must fit this well to be taken as printed: a crop it fits worse is
# damaged, or the form's face is unlike every installed one, and the flag then stays.
_WHOLE = 0.95
# ...and beat every rival: leave it at least this many times the gazetteer's misfit (1 - fit)
# plus this much: drawings of two spellings a stroke apart (ร, ว) fit a clean crop within about a
# hundredth of each other when both are wrong, while a spelling that fits the ink all but
# perfectly (ระโนด 1.000 against ระโนต 0.997) is the print's.
_MISFIT_RATIO = 2.0
_MARGIN = 0.001
_NOT_THAI = re.compile("[^ก-๛]")
# Letters Tesseract takes for one another on scans (a stroke apart), either way round.
CONFUSED = {frozenset(p) for p in ("รว", "ปบ", "จล", "ขช", "ซช", "ดต", "กภ", "ลอ")}
# Each letter's partners: ช has two (ข, ซ). One partner a letter kept, the other lost by the
# order a set of pairs iterates in, made a name's twins differ from run to run.
_PARTNERS = {letter: frozenset(b for pair in CONFUSED if letter in pair for b in pair - {letter})
             for pair in CONFUSED for letter in pair}


def _rivals(readings: Sequence[str], gazetteer: str) -> set[str]:
    gazetteer = _NOT_THAI.sub("", gazetteer)
    words = {_NOT_THAI.sub("", r) for r in readings}
    first = _NOT_THAI.sub("", readings[0]) if readings else ""
    less_one = {first[:i] + first[i + 1:] for i in range(len(first))}  # the strip's, the fullest reading
    return {w for w in words | less_one if len(w) >= 2 and w != gazetteer}


def _twins(gazetteer: str) -> set[str]:
    """The name with one letter swapped for one OCR takes it for: a misprint of that letter is
    read as the name itself (ปราณปุรี printed, read ปราณบุรี), so only the ink can tell the two."""
    name = _NOT_THAI.sub("", gazetteer)
    return {name[:i] + partner + name[i + 1:] for i, c in enumerate(name)
            for partner in _PARTNERS.get(c, ())}


# A reading further from the name than this many letters is another text, not the name misread.
_MAX_EDITS = 3


def _one_step(name: str, reading: str) -> set[str]:
    """The name with one of the reading's differences from it: a misprint read with a slip of
    OCR's besides (นาน้ฮย printed, read นานัฮย: its ้ read ั) is in neither the name nor the
    reading, but in the name with the reading's ฮ alone."""
    ops = Levenshtein.editops(name, reading)
    if len(ops) < 2 or len(ops) > _MAX_EDITS:
        return set()  # one difference: the step is the reading itself
    return {_apply(name, reading, op) for op in ops}


def _apply(name: str, reading: str, op: Editop) -> str:
    if op.tag == "delete":
        return name[:op.src_pos] + name[op.src_pos + 1:]
    keep = op.src_pos + (op.tag == "replace")
    return name[:op.src_pos] + reading[op.dest_pos] + name[keep:]


def _steps(readings: Sequence[str], gazetteer: str) -> set[str]:
    name = _NOT_THAI.sub("", gazetteer)
    return {step for r in readings for step in _one_step(name, _NOT_THAI.sub("", r))} - {name}


def ink_verdict(crop: np.ndarray, gazetteer: str, readings: Sequence[str]) -> str | None:
    """"gazetteer" when the ink holds the gazetteer's spelling, clearly rather than any reading's
    (OCR misread a right name) and better than its OCR twins'; "misprint" when a reading, one
    less a letter, or a twin fits the ink better than the gazetteer's spelling (the form
    misprints it, whatever a re-read naming the place says); None when the ink cannot tell.
    A twin need only fit worse, not clearly so: a stroke apart (ด, ต), the two draw all but
    alike, and a right name read wrong (รัตภูมิ read วัตภูมิ) would stay flagged for a twin no
    reading held (รัดภูมิ). So need the name with one of a reading's differences: it is a letter
    from the name as a twin is."""
    others = sorted(_rivals(readings, gazetteer))
    twins = sorted((_twins(gazetteer) | _steps(readings, gazetteer)) - set(others))
    own, *fits = spelling_fits(crop, [_NOT_THAI.sub("", gazetteer), *others, *twins])
    rival, twin = max(fits[:len(others)], default=0.0), max(fits[len(others):], default=0.0)
    if rival >= own + _MISPRINT_MARGIN or twin >= own + _twin_margin(own):
        return "misprint"
    if own >= _WHOLE and 1 - rival >= _MISFIT_RATIO * (1 - own) + _MARGIN and own >= twin + _MARGIN:
        return "gazetteer"
    return None


# A reading must beat the gazetteer's spelling by this much to call the form's name misprinted
# (ห่าแซะ over ท่าแซะ: 0.991 against 0.985); a speck over a letter rarely lifts a wrong one so far.
_MISPRINT_MARGIN = 0.004
# A twin no reading held (a letter swapped for its OCR partner) must beat it by a share of the
# gazetteer's misfit besides: on a crop every spelling fits poorly (a photographed cell), a stroke's
# difference (ช, ซ) is within the noise (seen: ด่านช้าง and ชัยภูมิ, each re-read letter for letter
# and fitted 0.963 and 0.966, lost to ด่านซ้าง and ซัยภูมิ by 0.007 and 0.006, and were flagged).
_TWIN_NOISE = 0.25


def _twin_margin(own: float) -> float:
    return max(_MISPRINT_MARGIN, _TWIN_NOISE * (1 - own))
