"""Does each sentence of a memo's prose rest on what it cites? ALCE's two measures, by entity.

A sentence is supported by a set of citations when every person, place, date and number it
names occurs in the cited spans (a date also when a cited span's own date words, resolved
against that source's publication date, give it, or when the sentence tells something under
way, "is visiting", on the day a cited source was published); a quotation's words must be one cited
source's, and whoever the sentence says voices them named by that same source. Citation
recall is the share of sentences their citations support; citation precision the share of
citations that are needed: one that supports the sentence on its own, or without which the
others no longer do (Gao et al.,
"Enabling Large Language Models to Generate Text with Citations", 2023, at sentence level).
The scorer also counts what no reader should see: sentences cut off, repeated, or carrying
markup or the prompt's own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from summarize.contract.partial_date import PartialDate
from summarize.evaluation.metrics import Ratio
from summarize.ingest.date_phrases import resolve_dates
from summarize.ingest.text_match import normalize
from summarize.knowledge.person_names import mention_key
from summarize.knowledge.places import country_key, find_country

_NAME = re.compile(r"(?<![\w'])[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_MONTH_DATE = re.compile(
    r"\b(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?!\d))?"
    r"(?:[\u2013-]\d{1,2})?(?:,?\s+\d{4})?",
)
_PLACE_WORDS = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?")
_MARKUP = re.compile(r"[{}<>\[\]|`#]|\"\w+\"\s*:|https?://")
_PROMPT_WORDS = re.compile(r"\b(findings|json|source numbers?|bottom line|key judgments?)\b", re.I)
# Words that open a sentence or join names without being names themselves.
_COMMON = frozenset(
    re.findall(
        r"\w+",
        "the a an this that these those his her their its analysts experts officials unnamed "
        "reports according foreign minister president prime secretary of and in on at to with "
        "as for said say says expect expects",
    )
)


@dataclass
class CitationScore:
    """Sentence-level citation recall and precision, and what a reader should never see."""

    recall: Ratio = field(default_factory=Ratio)
    precision: Ratio = field(default_factory=Ratio)
    cut_off: int = 0
    repeated: int = 0
    markup: int = 0
    unsupported: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "citation_recall": self.recall.as_dict(),
            "citation_precision": self.precision.as_dict(),
            "cut_off": self.cut_off,
            "repeated": self.repeated,
            "markup": self.markup,
            "unsupported": list(self.unsupported),
        }


@dataclass(frozen=True)
class _Cited:
    """One citation of a sentence: its source and the text of the spans it points to."""

    source: int
    text: str
    published: date | None


def _fold(text: str) -> str:
    return normalize(text, fold_case=True).text


_WEEKDAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)


def _dates_in(text: str, published: date | None) -> list[PartialDate]:
    """Every date the text gives: its month dates and each day word, resolved against the
    publication date back or ahead (a span names "Wednesday" and "Friday" alike, and "will
    visit Moscow in April" in February is April to come)."""
    found_in = [*_MONTH_DATE.finditer(text), *_WEEKDAY.finditer(text)]
    phrases = [(m.group(0), ahead) for m in found_in for ahead in (False, True)] + [(text, False)]
    found = []
    for phrase, ahead in phrases:
        resolved = resolve_dates(phrase, published, ahead=ahead)
        if (parsed := PartialDate.parse(resolved.start)) is not None:
            found.append(parsed)
    return found


def _not_a_name(word: str) -> bool:
    """A joining word or an office ("Secretary of State"): nameparser's titles, not names."""
    from nameparser.config import CONSTANTS

    folded = word.casefold().strip(".,")
    return folded in _COMMON or folded in CONSTANTS.titles


# A year the prose dates something by ("visited Berlin in 2016"): a date, not a count.
_IN_YEAR = re.compile(r"\b(?:in|since|during|until|by)\s+((?:19|20)\d\d)\b(?![.,]\d)")


def _entities(sentence: str) -> tuple[list[str], list[str], list[str]]:
    """(names and places, numbers, date phrases) the sentence states."""
    dates = [m.group(0) for m in _MONTH_DATE.finditer(sentence)]
    without_months = _MONTH_DATE.sub(" ", sentence)
    dates += [m.group(1) for m in _IN_YEAR.finditer(without_months)]
    without_dates = _IN_YEAR.sub(" ", without_months)
    numbers = _NUMBER.findall(without_dates)
    names = []
    for match in _NAME.finditer(without_dates):
        words = [w for w in match.group(0).split() if not _not_a_name(w)]
        if words:
            names.append(" ".join(words))
    return names, numbers, dates


def _name_in(name: str, cited: Sequence[_Cited]) -> bool:
    folded = _fold(name).strip(".,")
    hay = " ".join(_fold(c.text) for c in cited)
    if folded and folded in hay:
        return True
    country = find_country(name.strip(".,"))  # "Germany." ending the sentence is Germany
    if country is not None:  # "Estonia" is supported by "Estonian", a city by its country
        phrases = [p for c in cited for p in _PLACE_WORDS.findall(c.text)]
        words = phrases + [w for p in phrases if " " in p for w in p.split()]  # "German Chancellor"
        return any(country_key(w) == country.key for w in words)
    return all(w.strip(".,") in hay for w in folded.split())


def _same_day(wanted: PartialDate, known: PartialDate) -> bool:
    """The sentence's date at its precision agrees with one the evidence gives (a year
    alone with any date in that year)."""
    if wanted.month is None:
        return wanted.year is not None and wanted.year == known.year
    return (
        wanted.month == known.month
        and (wanted.day is None or wanted.day == known.day)
        and (wanted.year is None or wanted.year == known.year)
    )


# A present tense that puts someone at the place as the report is written.
_UNDER_WAY = re.compile(r"\b(?:is|are)\s+(?:visiting|meeting|in)\b")
# The memo's own count of outlets: checked against the sources cited, not the spans' text.
_CORROBORATION = re.compile(r"\s*\((\d+) outlets report it\)")
_YEAR_NOT_STATED = re.compile(r"\s*\(year not stated\)")


# "<who>: “<a report's own words>”": a quotation, and who the memo says voices it.
_QUOTATION = re.compile(r"^(?P<who>[^:\u201c\u201d\"]+):\s*[\u201c\"](?P<words>.+)[\u201d\"]\W*$")


def _misquoted(
    sentence: str, cited: Sequence[_Cited], people: Mapping[str, Sequence[str]]
) -> list[str]:
    """For a quotation: its words must be a cited source's, and each person said to voice it
    named by that same source's spans (one outlet's words are not another's speaker's)."""
    quoted = _QUOTATION.match(_CORROBORATION.sub("", sentence).strip())
    if quoted is None:
        return []
    words = _fold(quoted.group("words")).strip(" .")
    saying = [c for c in cited if words and words in _fold(c.text)]
    if not saying:
        return ["the quoted words"]
    names, _, _ = _entities(quoted.group("who"))
    return [
        n
        for n in names
        if not _name_in(n, saying)
        and not any(_name_in(v, saying) for v in people.get(_fold(n), ()))
    ]


def _supported(
    sentence: str, cited: Sequence[_Cited], people: Mapping[str, Sequence[str]] | None = None
) -> list[str]:
    """What in ``sentence`` the citations do not support (empty: all of it).

    A person the memo names by the roster's name ("Alexander Varenko") is supported by
    a span naming them as the roster records they were written ("Varenko").
    """
    missing: list[str] = _misquoted(sentence, cited, people or {})
    count = _CORROBORATION.search(sentence)
    if count is not None and len({c.source for c in cited}) < int(count.group(1)):
        missing.append(count.group(0).strip())
    sentence = _YEAR_NOT_STATED.sub("", _CORROBORATION.sub("", sentence))
    names, numbers, dates = _entities(sentence)
    variants = people or {}
    missing += [
        n
        for n in names
        if not _name_in(n, cited)
        # "... meeting Donald Trump.": the name without the full stop that ends the sentence
        and not any(_name_in(v, cited) for v in variants.get(_fold(n).strip(".,"), ()))
    ]
    hay = " ".join(c.text for c in cited)
    missing += [n for n in numbers if n not in hay]
    # Under way as a source tells it ("is visiting", "is in"): the source's own day says when.
    under_way = _UNDER_WAY.search(sentence) is not None
    as_of = [c.published.isoformat() for c in cited if c.published and under_way]
    for phrase in dates:
        if phrase.isdigit() and phrase in hay:
            continue  # a year the spans print
        wanted = _dates_in(phrase, None)
        known = [d for c in cited for d in _dates_in(c.text, c.published)]
        known += [d for day in as_of if (d := PartialDate.parse(day)) is not None]
        if wanted and not any(_same_day(w, k) for w in wanted for k in known):
            missing.append(phrase)
    return missing


def _citations(statement: Mapping[str, Any], published: Mapping[int, date | None]) -> list[_Cited]:
    by_source: dict[int, list[str]] = {}
    for c in statement.get("citations") or []:
        span = c.get("span") or {}
        if isinstance(c.get("source"), int) and isinstance(span.get("text"), str):
            by_source.setdefault(c["source"], []).append(span["text"])
    for n in statement.get("sources") or []:
        by_source.setdefault(n, [])
    return [_Cited(n, " ".join(texts), published.get(n)) for n, texts in sorted(by_source.items())]


# A sentence ends with "." "!" or "?", and any closing quotes or brackets after it (straight or
# curly), or with a closing curly quote alone.
_ENDED = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$|\u201d$")


def score_citations(brief: Mapping[str, Any]) -> CitationScore:
    """Citation recall and precision over the narrative of one ``brief.json``."""
    score = CitationScore()
    narrative = brief.get("narrative") or {}
    statements = [*(narrative.get("bottom_line") or []), *(narrative.get("key_judgments") or [])]
    published: dict[int, date | None] = {}
    for s in brief.get("sources") or []:
        parsed = PartialDate.parse((s.get("published") or "")[:10])
        interval = parsed.interval() if parsed is not None else None
        day = interval is not None and parsed is not None and parsed.day is not None
        published[s.get("n")] = interval[0] if interval is not None and day else None
    people: dict[str, list[str]] = {}
    officials = brief.get("officials") or []
    claims = [*(brief.get("stated_aims") or []), *(brief.get("speculation") or [])]
    known = [[entry.get("name"), *(entry.get("variants") or [])] for entry in officials]
    # Who voices an aim or a claim is a person the memo names too, by the roster's rule.
    known += [[v] for g in claims for v in g.get("voiced_by") or []]
    for spellings in known:
        names = [str(n) for n in spellings if n]
        # The part a later mention uses: the surname, or a Chinese name's family name ("Xi").
        surnames = [mention_key(n) for n in names if len(n.split()) > 1]
        for name in names:
            people.setdefault(_fold(name), [*names, *surnames])
    seen: set[str] = set()
    for statement in statements:
        text = str(statement.get("text") or "")
        key = " ".join(_fold(text).split())
        score.repeated += key in seen
        seen.add(key)
        ends = text.strip()
        score.cut_off += ends.endswith(("\u2026", "...")) or not _ENDED.search(ends)
        score.markup += bool(_MARKUP.search(text) or _PROMPT_WORDS.search(text))
        cited = _citations(statement, published)
        missing = _supported(text, cited, people)
        score.recall += Ratio(int(not missing), 1)
        if missing:
            score.unsupported.append(f"{text!r}: {', '.join(missing)}")
        for i, c in enumerate(cited):
            alone = not _supported(text, [c], people)
            needed = not missing and bool(_supported(text, cited[:i] + cited[i + 1 :], people))
            score.precision += Ratio(int(alone or needed), 1)
    return score
