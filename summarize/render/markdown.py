"""Write the brief as a Markdown memo, the plain-text form an analyst can paste or diff.

Layout comes from :mod:`summarize.render.document`; this module only spells it in Markdown.
Citations are ``[n]``, pointing into the numbered "Sources" list at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarize.contract.brief import Brief
from summarize.render.document import (
    Block,
    Cite,
    Inline,
    Item,
    ListBlock,
    Paragraph,
    Strong,
    build_memo,
)

__all__ = ["render_markdown"]

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    """Data may hold line breaks; one memo line must stay one Markdown line."""
    return _SPACE.sub(" ", text)


def _text(text: str) -> str:
    """Article data as literal text: a ``<tag>`` in it must not become HTML in a viewer."""
    return _flat(text).replace("\\", "\\\\").replace("<", "\\<")


def _inline(parts: Iterable[Inline]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Cite):
            out.append(f"[{part.source}]")
        elif isinstance(part, Strong):
            out.append(f"**{_text(part.text).strip()}**")
        else:
            out.append(_text(part))
    return "".join(out).strip()


def _cell(parts: Iterable[Inline]) -> str:
    return _inline(parts).replace("|", "\\|") or " "


def _items(items: Iterable[Item], numbered: bool, depth: int = 0) -> list[str]:
    lines = []
    indent = "   " * depth
    for number, item in enumerate(items, start=1):
        marker = f"{item.number or number}." if numbered else "-"
        lines.append(f"{indent}{marker} {_inline(item.parts)}")
        lines.extend(_items(item.children, numbered=False, depth=depth + 1))
    return lines


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _inline(block.parts)
    if isinstance(block, ListBlock):
        return "\n".join(_items(block.items, block.numbered))
    rows = [
        "| " + " | ".join(_cell((h,)) for h in block.header) + " |",
        "|" + "---|" * len(block.header),
    ]
    rows += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join(rows)


def render_markdown(brief: Brief) -> str:
    """The whole memo as Markdown; the same brief always gives the same text."""
    memo = build_memo(brief)
    chunks = [f"# {_text(memo.title).strip()}", f"**Period covered:** {_text(memo.period)}"]
    for section in memo.sections:
        chunks.append(f"## {section.title}")
        chunks.extend(_block(block) for block in section.blocks)
    return "\n\n".join(chunks) + "\n"
