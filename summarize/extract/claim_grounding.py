"""Stated aims and hedged claims from the sentences their cues found, and who voices each.

The verdict (asked of the model, or taken as given where the provider does not judge) says
only whether sentence ``n`` states an aim or speculates; the claim is the clause after its cue
(:mod:`clauses`) and the voice is read from the article (:mod:`voices`), so the evidence is
the cited sentence by construction. An aim given to experts, sources or someone described as
outside government is their view, not a stated aim, and is dropped with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from summarize.contract.extraction import (
    GENERIC_VOICES,
    THE_OUTLET,
    UNNAMED_EXPERTS,
    UNNAMED_OFFICIALS,
    UNNAMED_SOURCES,
    HedgedClaim,
    StatedAim,
)
from summarize.extract.clauses import claim_clause
from summarize.extract.grounding import (
    ArticleContext,
    Grounded,
    described_as_outsider,
    described_outside,
)
from summarize.extract.name_mentions import name_positions
from summarize.extract.voices import voice_groups
from summarize.knowledge.person_names import mention_key
from summarize.knowledge.places import countries_mentioned, state_named

# Who may not state an aim: the sentence gives the view to people outside government.
_OUTSIDE_VOICES = (UNNAMED_EXPERTS, UNNAMED_SOURCES)


def ground_aims(
    drafts: Sequence[Any], ctx: ArticleContext, cues: dict[int, tuple[str, ...]]
) -> Grounded[StatedAim]:
    """Sentences judged to state an aim: the aim is the clause after its cue, and the stater
    is who the sentence says voices it (:mod:`voices`), else the officials it names, else
    unnamed officials. A view the sentence gives to experts, sources or someone described as
    outside government is not a stated aim."""
    out: Grounded[StatedAim] = Grounded()
    officials = [p.name for p in ctx.people if p.official]
    outsiders = {p.name for p in ctx.people if described_as_outsider(p)}  # an analyst's view
    for d in drafts:
        sentence = ctx.sentence(d.n)
        if not d.stated_aim or sentence is None:
            continue
        said_by = ctx.voice(d.n, cues[d.n][-1])
        known = said_by in (None, *GENERIC_VOICES) or any(p.name == said_by for p in ctx.people)
        if (
            said_by in _OUTSIDE_VOICES
            or said_by in outsiders
            or (not known and described_outside(sentence.text, said_by or ""))
        ):
            out.refuse("stated_aim", d, f"sentence {d.n}: a view of {said_by}, not a stated aim")
            continue
        if said_by is None or said_by == THE_OUTLET:
            named = _in_order_named(sentence.text, [o for o in officials if ctx.mentions(o, d.n)])
            if not named and not _names_a_government(sentence.text):
                reason = f"sentence {d.n}: no one states it, and it names no state or government"
                out.refuse("stated_aim", d, reason)
                continue
            said_by = " and ".join(named[:2]) if named else UNNAMED_OFFICIALS
        aim = claim_clause(sentence.text, cues[d.n][-1])
        out.items.append(StatedAim(aim=aim, stated_by=said_by, evidence=[sentence.span]))
    return out


def _names_a_government(text: str) -> bool:
    """Whether ``text`` names a state, by name, demonym, initials or capital ("Israel has
    pledged", "the UK's intention", "Berlin and Warsaw are in agreement"), or a body the voice
    words count as officials' ("the ministry", "the White House"): an aim no one in the
    sentence states is then unnamed officials'. Sentences naming neither give a company's,
    a crowd's or a weather service's plans ("Toyota promised", "Demonstrators called for"):
    of the 52 such aims on the tune split, 5 were gold aims, 17 optional ones."""
    return (
        any(True for _ in countries_mentioned(text))
        or any(state_named(m.group()) for m in _CAPITALIZED_RUN.finditer(text))
        or any(voice == UNNAMED_OFFICIALS and p.search(text) for p, voice in voice_groups())
    )


# One to three capitalized words: where a state's capital or initials stand ("Washington").
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")


def _in_order_named(text: str, names: Sequence[str]) -> list[str]:
    """The names in the order the text first names them (the subject first: "Seko responded
    to Trump, saying..."), one of a person named twice over ("Trump", "Donald Trump"), and
    those only referred to ("he") last."""
    out: list[str] = []
    for name in names:
        if any(_one_person(name, kept) for kept in out):
            continue
        out = [kept for kept in out if not _one_person(kept, name)] + [name]
    first = {n: min(name_positions(text, n), default=len(text) + 1) for n in out}
    return sorted(out, key=lambda n: first[n])


def _one_person(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` by the part a later mention uses ("Trump")."""
    return short == full or (len(short.split()) < len(full.split()) and short == mention_key(full))


def ground_hedges(
    drafts: Sequence[Any], ctx: ArticleContext, cues: dict[int, tuple[str, ...]]
) -> Grounded[HedgedClaim]:
    """Speculative verdicts become claims: the cue's clause, voiced by the sentence's subject.

    Who voices it is read from the article (:mod:`voices`): a quotation's speaker, else the
    subject of the attribution, else the outlet. The model's own choice is not used: where
    no attribution was found, it named the sentence's subject ("X is expected to") as often
    as its speaker, and taking it changed no score on the tune split.
    """
    out: Grounded[HedgedClaim] = Grounded()
    for d in drafts:  # the reply's schema fixes one verdict per sentence, in order
        sentence = ctx.sentence(d.n)
        if not d.speculative or sentence is None:
            continue
        cue = cues[d.n][0]
        # a condition's "if" opens a claim its whole sentence makes: "If X prevails, Ischinger
        # says, it would be a disaster" is Ischinger's, though no one is named before "if"
        voice = ctx.voice(d.n, None if cue.casefold() == "if" else cue) or THE_OUTLET
        out.items.append(
            HedgedClaim(
                claim=claim_clause(sentence.text, cue),
                cue=cue,
                voiced_by=voice,
                evidence=[sentence.span],
            )
        )
    return out
