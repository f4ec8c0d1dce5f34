"""How long merging 10,000 extractions takes, against a peer measured in the same run.

The peer is validating the same 10,000 extractions from JSON with pydantic: work every
consumer of the files has to do anyway. The ratio merge/peer is the figure to watch; the
absolute seconds depend on the machine.

    python bench/merge_bench.py [--n 10000] [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time

import summarize
from summarize.contract.extraction import (
    Extraction,
    HedgedClaim,
    ModelInfo,
    Official,
    Source,
    Span,
    StatedAim,
    Visit,
)

PEOPLE = [
    ("Maxim Ryzhenkov", "Maxim Vladimirovich Ryzhenkov", "Belarus"),
    ("Choe Son Hui", "Choe Son-hui", "North Korea"),
    ("Kim Jong Un", "Kim Jong-un", "North Korea"),
    ("Alexander Lukashenko", "Aleksandr Lukashenko", "Belarus"),
    ("Vladimir Putin", "Vladimir Putin", "Russia"),
    ("Kim Jong Gyu", "Kim Jong Gyu", "North Korea"),
    ("Yuri Shuleiko", "Yuri Shuleiko", "Belarus"),
]
OUTLETS = ["The Associated Press", "Reuters", "NK News", None, "The Diplomat", "Yonhap"]
CLAIMS = [
    "talks will likely center on trilateral cooperation",
    "the visit could pave the way for a presidential trip",
    "the countries may form an anti-Western front",
    "the pact is expected to deepen military ties",
    "the delegation is expected to sign trade deals",
]


def synthetic(i: int, rng: random.Random) -> Extraction:
    text = f"article {i} " + " ".join(rng.choice(CLAIMS) for _ in range(3))

    def s(t: str) -> Span:
        return Span(start=0, end=len(t), text=t)

    people = rng.sample(PEOPLE, k=4)
    day = rng.choice(["2024-07-23", "2024-07-24", "2025-05-12", None])
    return Extraction(
        source=Source(
            path=f"a{i}.txt",
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            chars=len(text),
            outlet=rng.choice(OUTLETS),
            published=day,
        ),
        model=ModelInfo(provider="bench", model="none"),
        officials=[
            Official(name=rng.choice(p[:2]), title="Minister", country=p[2], evidence=[s(p[0])])
            for p in people
        ],
        visits=[
            Visit(
                traveler=people[0][0],
                traveler_country=people[0][2],
                destination_country=people[1][2],
                start_date=day,
                year_stated=day is not None,
                evidence=[s(people[0][0])],
            )
        ],
        stated_aims=[StatedAim(aim="expand cooperation", stated_by="ministry", evidence=[s("x")])],
        hedged_claims=[
            HedgedClaim(claim=c, cue="likely", voiced_by="experts", evidence=[s(c)])
            for c in rng.sample(CLAIMS, k=2)
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    blobs = [synthetic(i, rng).model_dump_json() for i in range(args.n)]

    began = time.perf_counter()
    extractions = [Extraction.model_validate_json(b) for b in blobs]
    peer = time.perf_counter() - began

    began = time.perf_counter()
    brief = summarize.brief(extractions)
    merged = time.perf_counter() - began

    print(
        json.dumps(
            {
                "extractions": args.n,
                "peer_validate_s": round(peer, 3),
                "merge_s": round(merged, 3),
                "merge_over_peer": round(merged / peer, 2),
                "engagements": len(brief.engagements),
                "officials": len(brief.officials),
                "speculation_groups": len(brief.speculation),
            }
        )
    )


if __name__ == "__main__":
    main()
