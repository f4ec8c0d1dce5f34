"""The clause of a sentence that carries a claim, cut from the sentence itself.

A hedged claim is shown and grouped by its wording; asked to write it, the 1.5B model copied
sentence openings or slipped into Chinese mid-word. The clause around the cue, minus its
attribution ("analysts suggest that"), says the claim in the article's own words, so nothing
in it can be invented.
"""

from __future__ import annotations

import re

# A clause ends at a comma, a semicolon, a dash, or before "as", "while", "but" joining
# another clause ("as talks began"): not before "as" of a phrase ("as a result of", "as well
# as", "as part of"), whose words belong to the clause they are in.
_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|\s+\u2014\s+|\s+-\s+|\s+(?=(?:while|but)\s)"
    r"|\s+(?=as\s(?!(?:an?|well|part|such|much|many|long|far|soon|of|to|for)\s))"
)
_LEAD = re.compile(
    r"^(?:(?:and|but|as|while|which|who)\s+)?(?:[^,]{0,60}?\b(?:said|say|says|suggest|suggests|"
    r"suggested|speculate|speculates|speculated|believe|believes|expect|expects|predict|"
    r"predicts|predicted|according to [^,]+)(?:(?:\s+\w+){0,3}?\s+that\s+|\s+))?(?:that\s+)?",
    re.IGNORECASE,
)
# A source's own reference marks, glued to a word ("framework[1][2][3]", "in 2023[4]"): in a
# memo that cites its sources as [1], [2], they would read as the memo's citations.
_REFERENCE_MARKS = re.compile(r"(?<=\S)(?:\[\d{1,3}\])+")
# A picture's credit left inline by the page ("... sectors [Image by NK News]", "(Photo:
# Reuters)"): the page's furniture, not the claim's words.
_MEDIA_CREDIT = re.compile(
    r"\s*\[(?:image|photo|photograph|picture|credit)\b[^\]]*\]"
    r"|\s*\((?:image|photo|photograph|picture|credit)s?\s*(?:by\b|:)[^)]*\)",
    re.IGNORECASE,
)
# A list's marker the page left before a sentence ("\u2022 Belarus' foreign minister has
# arrived", "- The cancellation of drills"): layout, not the claim's words.
_LIST_MARK = re.compile(r"^\s*(?:[\u2022\u2023\u2043\u25aa\u25cf\u25e6*\u2013\u2014-]\s+)+")
MAX_CHARS = 160


def claim_clause(sentence: str, cue: str) -> str:
    """The clause of ``sentence`` holding ``cue``, without its attribution, the source's own
    reference marks, a picture's credit or a list's marker, at most 160 chars."""
    at = sentence.casefold().find(cue.casefold())
    if at < 0:
        return _bounded(_without_marks(sentence.strip()))
    pieces: list[tuple[int, str]] = []
    pos = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        pieces.append((pos, sentence[pos : match.start()]))
        pos = match.end()
    pieces.append((pos, sentence[pos:]))
    # From the clause holding the cue to the end: what it predicts runs on past commas.
    start = next((start for start, _ in reversed(pieces) if start <= at), 0)
    clause = sentence[start:]
    if len(clause.split()) < 4:  # too short alone: keep the sentence's own wording
        clause = sentence
    clause = _LEAD.sub("", clause.strip(), count=1) or clause
    clause = _without_marks(clause)
    return _bounded(clause.strip().rstrip(".").strip())


def _without_marks(text: str) -> str:
    return _LIST_MARK.sub("", _MEDIA_CREDIT.sub("", _REFERENCE_MARKS.sub("", text)))


def _bounded(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS] + "\u2026"
