"""Can the embedded model tell speculation from fact one sentence at a time, by probability?

``judge_confidence.py`` found the hedges judge follows its own earlier answers in a batch and
ranks gold hedges no better than chance (AUC 0.53). This asks about one sentence per call,
every sentence of the article (not only the cue list's candidates, whose recall caps the
pass), in the pass's own system message, and reads the probability the model gives "yes"
against "no" for its first token. It prints the ranking AUC over every sentence and over the
cue sentences, and precision and recall at thresholds, against the gold hedges (a sentence
overlapping only an optional gold hedge is left out).

    python bench/sentence_probability.py --out OUT.jsonl eval/dev/articles/<article> ...

Starts its own engine on a loopback port and stops it; no time is measured. Answers already
in ``--out`` are kept, so an interrupted run goes on where it stopped.
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

import httpx

from summarize.evaluation.gold import load_gold
from summarize.evaluation.spans import locate_sentence, overlaps_any
from summarize.extract.cues import find_cues
from summarize.extract.numbered import number_sentences
from summarize.ingest.furniture import strip_furniture
from summarize.ingest.read import read_article
from summarize.llm.embedded.engine import Engine
from summarize.llm.embedded.model_file import ensure_model, models_dir
from summarize.llm.prompts import render

ROOT = Path(__file__).resolve().parent.parent
QUESTION = (
    "Sentence [{n}]: does it present a prediction, an expectation, a possibility or a guess "
    "rather than a fact? Answer yes or no."
)
THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75)


@dataclass(frozen=True)
class Scored:
    yes: float  # P(yes) / (P(yes) + P(no))
    hedge: bool
    cue: bool


def ask(out: Path, articles: list[Path]) -> None:
    """Append one line per sentence to ``out``: where it is, P(yes), P(no), a cue or not."""
    lines = out.read_text().splitlines() if out.exists() else []
    done = {json.loads(line)["article"] for line in lines}
    with Engine(ensure_model(models_dir())) as engine, out.open("a") as sink:
        client = httpx.Client(timeout=900)
        for path in articles:
            if path.stem in done:
                continue
            numbered = number_sentences(strip_furniture(read_article(path).text))
            system = render("system", article=numbered.render())
            for s in numbered:
                reply = client.post(
                    f"{engine.base_url}/chat/completions",
                    json={
                        "messages": [
                            {"role": "system", "content": system},
                            {"role": "user", "content": QUESTION.format(n=s.n)},
                        ],
                        "max_tokens": 1,
                        "temperature": 0,
                        "logprobs": True,
                        "top_logprobs": 10,
                    },
                )
                reply.raise_for_status()
                tops = reply.json()["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
                p = {"yes": 0.0, "no": 0.0}
                for top in tops:
                    word = top["token"].strip().casefold()
                    if word in p:
                        p[word] += math.exp(top["logprob"])
                line = {
                    "article": path.stem,
                    "path": str(path),
                    "n": s.n,
                    "start": s.span.start,
                    "end": s.span.end,
                    "cue": bool(find_cues(s.text, "hedge_cues")),
                    **p,
                }
                sink.write(json.dumps(line) + "\n")
                sink.flush()
            print(f"{path.stem}: {len(numbered)} sentences", flush=True)


def scored(out: Path, gold_dir: Path) -> list[Scored]:
    """Each asked sentence with its gold label; those only an optional hedge covers are out."""
    gold, _ = load_gold(gold_dir)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    texts: dict[str, str] = {}
    result: list[Scored] = []
    for line in lines:
        g = gold.get(line["article"])
        if g is None:
            continue
        text = texts.setdefault(line["article"], read_article(Path(line["path"])).text)
        span = (line["start"], line["end"])
        where = [(h.optional, locate_sentence(h.sentence, text)) for h in g.hedged_claims]
        required = any(not o and w is not None and overlaps_any(span, w) for o, w in where)
        optional = any(o and w is not None and overlaps_any(span, w) for o, w in where)
        if optional and not required:
            continue
        total = line["yes"] + line["no"]
        result.append(Scored(line["yes"] / total if total else 0.5, required, line["cue"]))
    return result


def auc(items: list[Scored]) -> float | None:
    """The chance a gold hedge gets a higher P(yes) than a sentence that is none."""
    pos = [s.yes for s in items if s.hedge]
    neg = [s.yes for s in items if not s.hedge]
    if not pos or not neg:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def report(items: list[Scored]) -> None:
    hedges = sum(s.hedge for s in items)
    cued = [s for s in items if s.cue]
    print(f"{len(items)} sentences, {hedges} gold hedges ({sum(s.hedge for s in cued)} with a cue)")
    for name, group in (("every sentence", items), ("cue sentences", cued)):
        area = auc(group)
        print(f"AUC, {name}: {'n/a' if area is None else f'{area:.2f}'}")
    print("| candidates | P(yes) at least | kept | hedges kept | precision | recall |")
    print("|---|---|---|---|---|---|")
    for name, group in (("every sentence", items), ("cue sentences", cued)):
        for threshold in THRESHOLDS:
            kept = [s for s in group if s.yes >= threshold]
            hits = sum(s.hedge for s in kept)
            precision = f"{hits / len(kept):.2f}" if kept else "n/a"
            recall = f"{hits / hedges:.2f}" if hedges else "n/a"
            print(f"| {name} | {threshold} | {len(kept)} | {hits} | {precision} | {recall} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="JSON lines, one per sentence")
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "dev" / "gold")
    args = parser.parse_args()
    if args.articles:
        ask(args.out, args.articles)
    report(scored(args.out, args.gold))


if __name__ == "__main__":
    main()
