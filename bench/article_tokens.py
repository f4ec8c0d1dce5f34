"""Tokens of each seed's stripped article, as the model reads it, against a running server.

The protocol issue's budget is per article: uncached prompt tokens at most 1.3x the stripped
article's tokens. This counts the numbered sentences the system message carries (the
article as the model reads it), with the server's own tokenizer (``/tokenize``).

    python bench/article_tokens.py http://127.0.0.1:PORT
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

from summarize.extract.numbered import number_sentences
from summarize.ingest.furniture import strip_furniture
from summarize.ingest.read import read_article

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    base = sys.argv[1].rstrip("/").removesuffix("/v1")
    print("| article | stripped article tokens |")
    print("|---|---|")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        numbered = number_sentences(strip_furniture(read_article(path).text))
        reply = httpx.post(f"{base}/tokenize", json={"content": numbered.render()}, timeout=60)
        reply.raise_for_status()
        print(f"| {path.name[:3]} | {len(reply.json()['tokens']):,} |")


if __name__ == "__main__":
    main()
