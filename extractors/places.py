"""Place names on report forms → geothai codes (สถานที่: จังหวัด/อำเภอ/หน่วยงาน).

Names on returned forms are typed by hand or read by OCR, so matching is fuzzy (rapidfuzz) and
restricted to the province's own districts whenever the province is known: a short district
name matched nationwide is ambiguous, matched within one province it rarely is. A row that
names one organisation (อบจ.X, เทศบาลเมือง/นคร X) keeps that label and sits in the district
where the organisation sits (เมือง X for a province name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import geothai
from rapidfuzz import fuzz, process

from pipeline.thai.chars import COMBINING_MARKS
from pipeline.thai.text import normalise_field

# Minimum similarity (0–100) to accept a fuzzy match: below it the name is left unmatched.
_MIN_SCORE_IN_PROVINCE = 70.0
_MIN_SCORE_NATIONWIDE = 86.0

# Organisation prefixes, longest first; value is the canonical spelling we write.
_UNIT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลนคร", "เทศบาลนคร"),
    ("เทศบาลเมือง", "เทศบาลเมือง"),
    ("เทศบาลตำบล", "เทศบาลตำบล"),
    ("ทต.", "เทศบาลตำบล"),
    ("ทม.", "เทศบาลเมือง"),
    ("ทน.", "เทศบาลนคร"),
    ("อบจ.", "อบจ."),
    ("อบจ", "อบจ."),
    ("อบต.", "อบต."),
    ("อบต", "อบต."),
)
# These organisations sit in the capital (เมือง) district when named after the province.
_PROVINCE_LEVEL_UNITS = ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง")
_LEVEL_WORDS = re.compile(r"^(อำเภอ|อ\.|เขต|จังหวัด|จ\.|กิ่งอำเภอ)\s*")
# Place names are Thai letters only: OCR debris (Latin letters, digits, rule fragments) goes.
_NOISE = re.compile(r"[^\u0e01-\u0e4e]+|[\u0e50-\u0e59]+|[\u0e2f\u0e46]")
# What a scan puts before a cell's first letter: rule fragments and specks read as < = | ' . -
_LEADING_DEBRIS = re.compile(r"^[^\u0e01-\u0e2e\u0e40-\u0e44]+")  # a word starts with a consonant or เ แ โ ใ ไ


@dataclass(frozen=True)
class PlaceMatch:
    """A gazetteer hit: `corrected` when the printed name differed from the gazetteer's."""

    code: str
    name: str
    score: float
    corrected: bool


@dataclass(frozen=True)
class RowPlace:
    """Where one table row sits: district (or province) codes plus an organisation label."""

    province_code: str = ""
    province: str = ""
    district_code: str = ""
    district: str = ""
    unit_label: str = ""
    corrected: bool = False
    matched: bool = False
    by_order: bool = False  # placed by its position among rows placed by name, not by its name


def clean_name(text: str) -> str:
    """Printed name → comparable key: no level words, spaces, digits or punctuation."""
    text = normalise_field(text)
    text = _LEVEL_WORDS.sub("", text)
    return _NOISE.sub("", text)


def _printed_keys(text: str) -> tuple[str, ...]:
    """The name's key as read, then the keys of each run of its words: OCR both splits a word
    (เชียงคา น) and reads specks and rule fragments beside it as letters (ส ลพบุรี); when one run
    has the gazetteer's letters, the printed name was right."""
    words = normalise_field(text).split()
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return (clean_name(text), *dict.fromkeys(k for k in map(clean_name, runs) if k))


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    return {p.code: p.name_th for p in geothai.provinces()}


@lru_cache(maxsize=128)
def _district_names(province_code: str) -> dict[str, str]:
    return {d.code: d.name_th for d in geothai.districts(province_code)}


@lru_cache(maxsize=1)
def _all_district_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in _province_names():
        out.update(_district_names(code))
    return out


@lru_cache(maxsize=256)
def _keyed(choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {code: clean_name(name) for code, name in choices}


def _best(key: str, choices: dict[str, str], min_score: float, printed: tuple[str, ...] = ()
          ) -> PlaceMatch | None:
    """Best fuzzy hit for `key`; corrected unless one of the `printed` readings (default: the
    key) has the gazetteer's letters."""
    if not key:
        return None
    keyed = _keyed(tuple(choices.items()))
    hit = process.extractOne(key, keyed, scorer=fuzz.ratio, score_cutoff=min_score)
    if hit is None:
        return None
    _, score, code = hit
    corrected = not any(same_letters(keyed[code], k) for k in printed or (key,))
    return PlaceMatch(code, choices[code], score, corrected=corrected)


# The marks above and below the line (vowels, tone marks, ์, the ring of ำ) are what OCR adds,
# drops and swaps most (a speck over a consonant reads ๊, a faint ื is lost); a name that differs
# only in them was printed right and is not reported as corrected. Misprints that matter change a
# letter. A Thai word cannot begin with a following vowel or a mark: a reading that does lost its
# first letter at the cell's edge (ะลา for ยะลา), which is OCR's doing too.
_MARKS = re.compile(f"[{COMBINING_MARKS}]")
_NO_WORD_STARTS = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")


# OCR on a scan or photo of a short name loses or swaps its marks (จุน → จูน) and confuses
# letters that differ by one small stroke or tail (ปง → บง, ภูซาง → ถูซาง); a one-letter slip
# leaves a two- or three-letter name far below the fuzzy cut-off. Compared with marks dropped
# and each confusable group folded to one letter, such a name matches its district again.
_CONFUSABLE = str.maketrans("ปษฝฟภฏซฒค", "บบผพถฎชฑด")  # after `_letters` (ำ is า there)
_MIN_SCORE_SKELETON = 80.0


def _glyph_skeleton(name: str) -> str:
    return _letters(name).translate(_CONFUSABLE)


def _best_by_skeleton(key: str, choices: dict[str, str]) -> PlaceMatch | None:
    """The one district whose glyph skeleton matches `key`'s; None when none or several do."""
    keyed = _keyed(tuple(choices.items()))
    skeletons = {code: _glyph_skeleton(name) for code, name in keyed.items()}
    hits = process.extract(_glyph_skeleton(key), skeletons, scorer=fuzz.ratio,
                           score_cutoff=_MIN_SCORE_SKELETON, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]):
        return None
    _, score, code = hits[0]
    return PlaceMatch(code, choices[code], score, corrected=not same_letters(keyed[code], key))


def _letters(key: str) -> str:
    return _MARKS.sub("", key.replace("\u0e33", "\u0e32"))


def same_letters(gazetteer: str, read: str) -> bool:
    """A reading that has the gazetteer name's letters, marks aside (and its first letter, when
    the reading starts where no Thai word can: either a stray mark before the name, อบจ.ุพะเยา,
    or its first letter lost, ะเยา; or when OCR doubled it)."""
    if _letters(gazetteer) == _letters(read):
        return True
    if read[:1] and read[:1] == read[1:2] and _letters(gazetteer) == _letters(read[1:]):
        return True  # the first letter doubled (ววัดเพลง, สสิงหนคร): the cell's edge read twice
    return bool(_NO_WORD_STARTS.match(read)) and _letters(gazetteer[1:]) == _letters(read)


def match_province(name: str) -> PlaceMatch | None:
    """Province name (with or without จังหวัด) → its code; Bangkok also as กทม."""
    printed = _printed_keys(name)
    key = printed[0]
    if key in ("กทม", "กรุงเทพ", "กรุงเทพฯ"):
        return PlaceMatch("10", _province_names()["10"], 100.0, corrected=False)
    return _best_of_keys(printed, _province_names(), _MIN_SCORE_NATIONWIDE - 6)


def _best_of_keys(printed: tuple[str, ...], choices: dict[str, str], min_score: float
                  ) -> PlaceMatch | None:
    """The best hit of the whole reading or of any run of its words: debris read beside a name
    (") จ่ กระบื", "ฆม 5 รอยเอด") sinks the whole reading's score, not the name's own run's.
    Failing all, a run whose glyph skeleton matches one name only (กระบื: a mark lost)."""
    hits = [hit for key in printed if (hit := _best(key, choices, min_score, printed))]
    if not hits:
        hits = [hit for key in dict.fromkeys(printed) if (hit := _best_by_skeleton(key, choices))]
    return max(hits, key=lambda hit: hit.score, default=None)


def mueang_district(province_code: str) -> PlaceMatch | None:
    """The capital district of a province; Bangkok has none.

    It is อำเภอเมือง<province> almost everywhere, but Ayutthaya's is named after the province
    alone (อำเภอพระนครศรีอยุธยา), and some provinces have a second เมือง… district (เมืองยาง,
    เมืองสรวง): the capital is the one named after the province, with or without เมือง.
    """
    province = _province_names().get(province_code, "")
    capital_names = ("เมือง" + province, province)
    for code, name in _district_names(province_code).items():
        if name in capital_names:
            return PlaceMatch(code, name, 100.0, corrected=False)
    return None


def match_district(name: str, province_code: str = "") -> PlaceMatch | None:
    """District name → code, within `province_code` when given, else nationwide (stricter)."""
    printed = _printed_keys(name)
    key = printed[0]
    if not key:
        return None
    if province_code:
        if key.startswith("เมือง") and len(key) > 5:
            hit = _best(key, _district_names(province_code), _MIN_SCORE_IN_PROVINCE, printed)
            if hit is None or not hit.name.startswith("เมือง"):
                # "เมือง<misnamed province>" is still the capital district of this province.
                mueang = mueang_district(province_code)
                return PlaceMatch(mueang.code, mueang.name, 50.0, True) if mueang else hit
            return hit
        districts = _district_names(province_code)
        return _best_of_keys(printed, districts, _MIN_SCORE_IN_PROVINCE)
    return _best(key, _all_district_names(), _MIN_SCORE_NATIONWIDE, printed)


def split_unit(label: str) -> tuple[str, str] | None:
    """`อบจ.แม่ฮ่องสอน` → (`อบจ.`, `แม่ฮ่องสอน`); None when the label names no organisation.

    A scanned cell may start with specks read as short words (`=. ว 5 เทศบาลเมือง…`,
    `: =ซ1, <์ อบจ.…`): up to three words with at most one Thai consonant before the
    organisation's name are skipped (no Thai word that could stand there has fewer than two).
    """
    words = normalise_field(label).split()
    for k in range(min(len(words), _MAX_SPECK_WORDS + 1)):
        if k and len(_CONSONANT.findall(words[k - 1])) > 1:
            break
        if (unit := _unit_prefix("".join(words[k:]))) is not None:
            return unit[0], _spaced_tail(" ".join(words[k:]), unit[1])
    return None


def _spaced_tail(spaced: str, tail: str) -> str:
    """`tail` (read from the words joined) as printed in `spaced`, its spaces back: they part a
    name from the specks read beside it (`ง ประจวบคีรีขันธ์`)."""
    if not tail:
        return tail
    kept, count = len(spaced), 0
    while kept > 0 and count < len(tail):
        kept -= 1
        count += not spaced[kept].isspace()
    return spaced[kept:]


_MAX_SPECK_WORDS = 3
_CONSONANT = re.compile("[\u0e01-\u0e2e]")


def _unit_prefix(joined: str) -> tuple[str, str] | None:
    """Prefixes are compared without marks: OCR drops them (`เทศบาลเมอง` for เทศบาลเมือง)."""
    text = _LEADING_DEBRIS.sub("", joined)
    bare = _MARKS.sub("", text)
    for printed, canonical in _UNIT_PREFIXES:
        key = _MARKS.sub("", printed)
        if bare.startswith(key) and len(bare) > len(key):
            return canonical, _after_letters(text, len(key))
    for printed, canonical in _UNIT_PREFIXES:
        key = _MARKS.sub("", printed)
        if len(bare) > len(key) and _one_letter_off(bare, key):
            return canonical, _after_letters(text, len(key))
    return _dotted_with_a_letter_more(text, bare)


def _dotted_with_a_letter_more(text: str, bare: str) -> tuple[str, str] | None:
    """A short dotted abbreviation with one letter OCR added inside it (`อยบจ.นราธิวาส`): the
    dot bounds it, so dropping one letter before the dot must give exactly one abbreviation."""
    head = bare[:bare.find(".") + 1]
    found = {canonical for printed, canonical in _UNIT_PREFIXES
             if printed.endswith(".") and len(head) == len(printed) + 1
             and any(head[:i] + head[i + 1:] == printed for i in range(len(head) - 1))}
    return (found.pop(), _after_letters(text, len(head))) if len(found) == 1 and len(bare) > len(head) else None


# A long organisation word with one letter OCR misread (`เทศบาสเมือง`, ล read as ส) is still
# that word; short ones (อบจ., ทม.) are too near each other for that.
_FUZZY_PREFIX_MIN = 8


def _one_letter_off(bare: str, key: str) -> bool:
    head = bare[:len(key)]
    return len(key) >= _FUZZY_PREFIX_MIN and sum(a != b for a, b in zip(head, key, strict=True)) == 1


def _after_letters(text: str, letters: int) -> str:
    """`text` after its first `letters` characters that are not marks (and their marks)."""
    seen = 0
    for i, char in enumerate(text):
        if not _MARKS.match(char):
            if seen == letters:
                return text[i:]
            seen += 1
    return ""


def _place_unit(prefix: str, rest: str, province_code: str) -> RowPlace:
    """An organisation row: find the district it sits in, keep a canonical label. `rest` keeps
    the spaces OCR put in it (names are matched by their runs of words); the label has none."""
    joined = "".join(rest.split())
    province = match_province(rest) if prefix in _PROVINCE_LEVEL_UNITS else None
    if province is not None and province_code and province.code != province_code:
        province = None  # names another province: still sits in this table's province
    if prefix in _PROVINCE_LEVEL_UNITS and (province or not match_district(rest, province_code)):
        mueang = mueang_district(province_code) if province_code else None
        pname = _province_names().get(province_code, joined)
        # Specks read as letters beside the name (`อบจ. ง ประจวบคีรีขันธ์.`) are no misspelling:
        # a run of the reading's words that has the province's letters was printed right.
        corrected = not any(same_letters(clean_name(pname), key) for key in _printed_keys(rest))
        return _row_place(province_code, mueang, prefix + pname, corrected)
    district = match_district(rest, province_code) if province_code else None
    label = prefix + (district.name if district and prefix.startswith("เทศบาลเมือง") else joined)
    corrected = bool(district and district.corrected and label != prefix + joined)
    return _row_place(province_code, district, label, corrected)


def _row_place(province_code: str, district: PlaceMatch | None, label: str,
               corrected: bool) -> RowPlace:
    return RowPlace(
        province_code=province_code,
        province=_province_names().get(province_code, ""),
        district_code=district.code if district else "",
        district=district.name if district else "",
        unit_label=label,
        corrected=corrected,
        matched=district is not None,
    )


def place_district_row(label: str, province_code: str) -> RowPlace:
    """A row of a per-district (help_centre) table: district or organisation label → codes."""
    unit = split_unit(label)
    if unit is not None:
        return _place_unit(unit[0], unit[1], province_code)
    hit = match_district(label, province_code)
    return _row_place(province_code, hit, "", bool(hit and hit.corrected))


def place_province_row(label: str) -> RowPlace:
    """A row of a per-province (joint_centre) table: province name → code, no district."""
    hit = match_province(label)
    if hit is None:
        return RowPlace()
    return RowPlace(province_code=hit.code, province=hit.name, corrected=hit.corrected,
                    matched=True)


def infer_province(labels: Iterable[str]) -> str:
    """The province whose districts the labels name (majority of exact-ish hits), else ""."""
    votes: Counter[str] = Counter()
    keyed = _keyed(tuple(_all_district_names().items()))
    for label in labels:
        key = clean_name(label)
        if not key or split_unit(label) is not None:
            continue
        hits = process.extract(key, keyed, scorer=fuzz.ratio, score_cutoff=_MIN_SCORE_NATIONWIDE,
                               limit=20)
        top = [code for _, score, code in hits if score == hits[0][1]] if hits else []
        for code in top:  # a name shared by several provinces splits its vote
            votes[code[:2]] += 1 / len(top)
    if not votes:
        return ""
    code, count = votes.most_common(1)[0]
    return code if count >= 1.5 or len(votes) == 1 else ""


def province_districts(province_code: str) -> dict[str, str]:
    """District code → name for one province (Bangkok's khet included)."""
    return dict(_district_names(province_code))


def province_names() -> dict[str, str]:
    """Province code → name, the whole gazetteer."""
    return dict(_province_names())


def district_names() -> dict[str, str]:
    """District code → name, every province's (Bangkok's khet included)."""
    return dict(_all_district_names())


def province_name(code: str) -> str:
    return _province_names().get(code, "")


# A district named in a table but left unmatched may still be read by elimination: a per-district
# form lists each district once, so when OCR garbled a name (ภูซาง → ภฏซขาง ข่), the districts no
# other row took are the candidates, and a weaker likeness to one of them suffices.
_MIN_SCORE_ELIMINATION = 45.0
_ELIMINATION_MARGIN = 15.0


def place_by_elimination(labels: list[str], places: list[RowPlace],
                         province_code: str) -> list[RowPlace]:
    """`places` with each unmatched plain district row given the district no other row took that
    its label most resembles, when it is clearly the likeliest one (flagged as corrected)."""
    if not province_code:
        return places
    taken = {p.district_code for p in places if p.matched and not p.unit_label}
    free = {code: name for code, name in _district_names(province_code).items() if code not in taken}
    out = list(places)
    for i, (label, place) in enumerate(zip(labels, places, strict=True)):
        if place.matched or place.unit_label or not free:
            continue
        hit = _likeliest(clean_name(label), free)
        if hit is not None:
            out[i] = _row_place(province_code, hit, "", True)
            free.pop(hit.code)
    return out


def place_by_order(places: list[RowPlace], province_code: str) -> list[RowPlace]:
    """Forms list a province's districts in the gazetteer's (code) order. When the rows placed by
    name keep that order, each run of plain rows whose names could not be read takes the
    districts between its placed neighbours, if exactly as many lie there (`by_order`)."""
    codes = [p.district_code for p in places if _plain_placed(p)]
    if not province_code or not codes or codes != sorted(set(codes)):
        return places
    ordered = sorted(_district_names(province_code))
    out = list(places)
    for run in _unplaced_runs(places):
        lo, hi = _neighbour_code(places, run[0], -1), _neighbour_code(places, run[-1], 1)
        between = [c for c in ordered if (lo is None or c > lo) and (hi is None or c < hi)]
        if len(between) == len(run):
            for i, code in zip(run, between, strict=True):
                out[i] = replace(_row_place(province_code, _gazetteer_place(province_code, code), "", False),
                                 by_order=True)
    return out


def _plain_placed(place: RowPlace) -> bool:
    return place.matched and not place.unit_label


def _unplaced_runs(places: list[RowPlace]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, place in enumerate(places):
        if place.matched or place.unit_label:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _neighbour_code(places: list[RowPlace], start: int, step: int) -> str | None:
    i = start + step
    while 0 <= i < len(places) and not _plain_placed(places[i]):
        i += step
    return places[i].district_code if 0 <= i < len(places) else None


def _gazetteer_place(province_code: str, code: str) -> PlaceMatch:
    return PlaceMatch(code, _district_names(province_code)[code], 100.0, corrected=False)


def _likeliest(key: str, free: dict[str, str]) -> PlaceMatch | None:
    if len(key) < 2:
        return None
    skeletons = {code: _glyph_skeleton(name) for code, name in _keyed(tuple(free.items())).items()}
    hits = process.extract(_glyph_skeleton(key), skeletons, scorer=fuzz.ratio, limit=2)
    if not hits or hits[0][1] < _MIN_SCORE_ELIMINATION:
        return None
    if len(hits) > 1 and hits[0][1] - hits[1][1] < _ELIMINATION_MARGIN:
        return None
    _, score, code = hits[0]
    return PlaceMatch(code, free[code], score, corrected=True)
