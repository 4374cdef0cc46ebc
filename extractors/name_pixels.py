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

from pipeline.thai.ink_match import spelling_fits

# The gazetteer's spelling must fit this well to be taken as printed: a crop it fits worse is
# damaged, or the form's face is unlike every installed one, and the flag then stays.
_WHOLE = 0.95
# ...and beat every rival by this much: drawings of two spellings a stroke apart (ร, ว) fit a
# clean crop within about a hundredth of each other when both are wrong.
_MARGIN = 0.01
_NOT_THAI = re.compile("[^ก-๛]")


def _rivals(readings: Sequence[str], gazetteer: str) -> set[str]:
    gazetteer = _NOT_THAI.sub("", gazetteer)
    words = {_NOT_THAI.sub("", r) for r in readings}
    first = _NOT_THAI.sub("", readings[0]) if readings else ""
    less_one = {first[:i] + first[i + 1:] for i in range(len(first))}  # the strip's, the fullest reading
    return {w for w in words | less_one if len(w) >= 2 and w != gazetteer}


def ink_verdict(crop: np.ndarray, gazetteer: str, readings: Sequence[str]) -> str | None:
    """"gazetteer" when the ink holds the gazetteer's spelling and no reading's (OCR misread a
    right name); "misprint" when a reading, or one less a letter, fits the ink better than the
    gazetteer's spelling (the form misprints it, whatever a re-read naming the place says);
    None when the ink cannot tell."""
    others = sorted(_rivals(readings, gazetteer))
    own, *rivals = spelling_fits(crop, [_NOT_THAI.sub("", gazetteer), *others])
    rival = max(rivals, default=0.0)
    if own >= _WHOLE and own >= rival + _MARGIN:
        return "gazetteer"
    if rival >= own + _MISPRINT_MARGIN:
        return "misprint"
    return None


# A reading must beat the gazetteer's spelling by this much to call the form's name misprinted
# (ห่าแซะ over ท่าแซะ: 0.991 against 0.985); a speck over a letter rarely lifts a wrong one so far.
_MISPRINT_MARGIN = 0.004
