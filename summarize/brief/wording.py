"""A model words the narrative's sentences, each from its own facts, in one call.

The model sees each of the rule's sentences with the article sentences it rests on, and is
asked for a better-reading sentence that says the same and nothing more. What comes back is
checked by :mod:`summarize.brief.narrative`; a reply cut off at its token bound counts as
no reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, create_model

from summarize.brief.narrative import Draft, Wording
from summarize.llm.prompts import render
from summarize.llm.structured import ask

if TYPE_CHECKING:
    from summarize.llm.backend import Backend

SENTENCE_CHARS = 320
TOKENS_PER_SENTENCE = 90


@cache
def _reply(size: int) -> type[BaseModel]:
    slots = [
        create_model(
            f"Worded{n}",
            n=(int, Field(ge=n, le=n)),
            text=(str, Field(max_length=SENTENCE_CHARS)),
        )
        for n in range(1, size + 1)
    ]
    fixed: Any = tuple.__class_getitem__(tuple(slots))
    return create_model("WordedReply", sentences=(fixed, ...))


def _listing(drafts: Sequence[Draft], feedback: Sequence[str] | None) -> str:
    lines = []
    for n, draft in enumerate(drafts, 1):
        lines.append(f"{n}. {draft.text}")
        evidence = dict.fromkeys(" ".join(c.span.text.split()) for c in draft.citations)
        lines += [f"   - {e}" for e in list(evidence)[:3]]
    if feedback:
        lines.append("Your last wording of these sentences was refused: " + "; ".join(feedback))
    return "\n".join(lines)


def model_wording(backend: Backend) -> Wording:
    """A :data:`Wording` that asks ``backend``'s model, one call for all the sentences."""

    def word(drafts: Sequence[Draft], feedback: Sequence[str] | None) -> list[str | None]:
        model = _reply(len(drafts))
        reply = ask(
            backend,
            stage="narrative",
            messages=[
                {"role": "system", "content": render("narrative_system")},
                {
                    "role": "user",
                    "content": render("narrative", sentences=_listing(drafts, feedback)),
                },
            ],
            response_model=model,
            max_tokens=TOKENS_PER_SENTENCE * len(drafts) + 40,
            reasks=0,
        )
        if reply.value is None or reply.cut_off:
            return [None] * len(drafts)
        slots = reply.value.model_dump()["sentences"]
        return [str(slot["text"]).strip() or None for slot in slots]

    return word
