"""Decide when two spellings name one person.

Transliteration and house style vary: Lee Min Soo / Lee Min-soo, Park Ji Hoon / Park Ji-hoon,
Alexander / Aleksandr Varenko, Oskar (Petrovich) Brandt, Jim / James Mattis. Different people
can share most of a name: Lee Min Soo and Lee Min Jae. The rules below accept the first kind
and keep the second apart: short name parts must agree exactly, long ones may differ by
transliteration, a middle name (a patronymic) may be missing, and a given name may be written
as its English nickname (the ``nicknames`` package's curated table).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nicknames import NickNamer

_FOLD = (("x", "ks"), ("kh", "h"), ("y", "i"), ("j", "i"))
_SIMILAR = 0.8
_LONG_PART = 4


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """Case-, accent- and hyphen-insensitive parts of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(re.findall(r"[^\W\d_]+", plain))


def _fold(part: str) -> str:
    for a, b in _FOLD:
        part = part.replace(a, b)
    return part


@lru_cache(maxsize=65536)
def _same_part(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < _LONG_PART:
        return False
    fa, fb = _fold(a), _fold(b)
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= _SIMILAR


def name_blocks(parts: Sequence[str]) -> list[str]:
    """Keys that two names :func:`same_person` may join share, so that many names cluster
    without every pair compared: each part's first and last three letters, folded as
    transliterations are. Spellings that differ in every whole part still meet ("Beata
    Szydlo" and "Beate Szydło" share "szy")."""
    folded = [_fold(part) for part in parts]
    return [f"{p[:3]}<" for p in folded] + [f">{p[-3:]}" for p in folded]


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(_same_part(s, x) for x in it) for s in short)


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two multi-part names (from :func:`name_parts`) denote one person."""
    if len(a) < 2 or len(b) < 2:
        return False
    if len(a) == len(b):
        return _same_given(a[0], b[0]) and all(
            _same_part(x, y) for x, y in zip(a[1:], b[1:], strict=True)
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    # A missing middle name: first and last parts agree, the rest appear in order.
    return (
        _same_given(short[0], long[0])
        and _same_part(short[-1], long[-1])
        and _is_subsequence(short[1:], long[1:])
    )


@lru_cache(maxsize=65536)
def _same_given(a: str, b: str) -> bool:
    """The same given name, or one the other's nickname ("jim" of "james")."""
    if _same_part(a, b):
        return True
    namer = _nick_namer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


@lru_cache(maxsize=1)
def _nick_namer() -> NickNamer:
    from nicknames import NickNamer

    return NickNamer()


def contains_name(text_parts: Sequence[str], name: Sequence[str], *, exact: bool = False) -> bool:
    """Whether a name's parts appear in order inside a longer phrase (a title plus a name).

    Parts agree across transliterations unless ``exact``: a surname alone needs that, since
    one similar word is no evidence ("Dogan" is not "Erdogan").
    """
    if not name or len(name) > len(text_parts):
        return False
    same = (lambda x, y: _fold(x) == _fold(y)) if exact else _same_part
    for start in range(len(text_parts) - len(name) + 1):
        window = text_parts[start : start + len(name)]
        if all(same(x, y) for x, y in zip(window, name, strict=True)):
            return True
    return False


# A given name romanized as two hyphenated syllables ("Son-hui", "Kyo-ahn", "Jae-in"), as
# Korean names are written: the family name before it is what later sentences use.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,4}")


def korean_given_name(word: str) -> bool:
    """Whether a word is shaped as a Korean given name in its hyphenated romanisation: two
    short syllables, the second in lower case ("Kyo-ahn", "Mi-ran", "Byung-se")."""
    return _KOREAN_GIVEN.fullmatch(word) is not None


def _chinese_order(first: str, rest: str) -> bool:
    """Whether a two-part name reads as a Chinese one in pinyin, family name first: one
    syllable, then a given name of one or two ("Xi Jinping", "Wang Yi", "Xiao Qian").
    "Kim Jong Un" and "Rex Tillerson" are not pinyin."""
    if not (first[:1].isupper() and rest[:1].isupper()):
        return False
    return _syllable_count(first.casefold()) == 1 and _syllable_count(
        rest.casefold().replace("-", "").replace("\u2019", "").replace("'", "")
    ) in (1, 2)


@lru_cache(maxsize=4096)
def _syllable_count(word: str) -> int | None:
    """How few pinyin syllables spell ``word`` whole (None if none do)."""
    syllables = _pinyin_syllables()
    best: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        counts = [
            before + 1
            for start in range(max(0, end - 6), end)
            if (before := best[start]) is not None and word[start:end] in syllables
        ]
        best[end] = min(counts, default=None)
    return best[-1]


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless syllable of Mandarin pinyin, from ``pypinyin``'s readings of each
    character (the few vowelless interjections, "hm", "ng", left out)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = (
        to_normal(r).replace("\u00fc", "v") for v in pinyin_dict.values() for r in v.split(",")
    )
    return frozenset(r for r in readings if re.search(r"[aeiouv]", r))


@cache
def name_prefixes() -> frozenset[str]:
    """Particles that open a family name, lower case: "van", "de", "bin", and those a hyphen
    joins ("al-", "el-"): ``nameparser``'s prefixes."""
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.prefixes)


def is_name_particle(word: str) -> bool:
    """Whether a word is a particle inside a name ("Ben van Dijk", "Nihad El Aabedy")."""
    folded = word.casefold()
    return folded in name_prefixes() or f"{folded}-" in name_prefixes()


def mention_key(name: str) -> str:
    """The part of a name a later sentence uses: "Brandt", or "Min Soo" for "Lee Min Soo";
    the family name of a Korean name with a hyphenated given name ("Baek" of "Baek Mi-ran")
    and of a Chinese name in pinyin ("Xi" of "Xi Jinping").

    Short final parts ("Un") would match inside other words and other people's names, so
    they keep the part before them.
    """
    parts = name.split()
    if not parts:
        return name
    if len(parts) == 2 and _KOREAN_GIVEN.fullmatch(parts[1]) and len(parts[0]) >= 3:
        return parts[0]  # "Baek Mi-ran", "Yoon Tae-sik": the family name comes first
    if len(parts) == 2 and _chinese_order(parts[0], parts[1]):
        return parts[0]  # "Xi Jinping", "Wang Yi": "Xi said", "Wang told reporters"
    if len(parts[-1]) >= _LONG_PART or len(parts) == 1:
        return parts[-1]
    return " ".join(parts[-2:])
