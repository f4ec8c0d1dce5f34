"""Can the embedded model tell a stated aim from other statements when asked to classify?

The aims judge answers "stated_aim": true for nearly every candidate (272 of 293 on the tune
split, 2026-12-05), so its verdicts add little to the cue list. This asks the same candidate
sentences, in the pass's own system message and batches, a closed-choice question instead of
yes/no: what does each sentence mainly report (fact, opinion, prediction, goal, plan,
promise, demand, agreement)? It prints each candidate's answer beside its gold label (POS: a
required gold aim, OPT: an optional one, NEG: neither) and the counts per label.

    python bench/aims_judge_probe.py --batch 16 eval/dev/articles/<article> ...

Starts its own engine on a loopback port (as ``judge_confidence.py`` does) and stops it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from judge_confidence import article_runs, engine_client
from pydantic import create_model

from summarize.evaluation.gold import load_gold
from summarize.evaluation.spans import locate_sentence, overlaps_any
from summarize.extract.cues import candidates
from summarize.extract.drafts import Reply
from summarize.extract.passes import _sentence_list
from summarize.llm.routes import embedded_spec

LABELS = ("fact", "opinion", "prediction", "goal", "plan", "promise", "demand", "agreement")
QUESTION = (
    "AIMS: for each of sentences {sentences}, what does it mainly report? goal, plan, promise, "
    "demand or agreement: what an official or a government says it wants, will do, asks for "
    "or agreed; fact: an event or a situation; opinion: a view, complaint or description; "
    "prediction: what someone expects to happen."
)


def _reply(numbers: tuple[int, ...]) -> type[Reply]:
    verdicts = [
        create_model(f"Kind{n}", n=(Literal[(n,)], ...), reports=(Literal[LABELS], ...))
        for n in numbers
    ]
    fixed: Any = tuple.__class_getitem__(tuple(verdicts))
    return create_model("KindsReply", __base__=Reply, verdicts=(fixed, ...))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--gold", type=Path, default=Path("eval/dev/gold"))
    args = parser.parse_args()
    gold, _ = load_gold(args.gold)
    spec = embedded_spec()
    counts: Counter[tuple[str, str]] = Counter()
    with engine_client() as client:
        for path, body, run in article_runs(args.articles):
            aims = gold[path.stem].stated_aims
            pos = [locate_sentence(a.sentence, body.article) for a in aims if not a.optional]
            opt = [locate_sentence(a.sentence, body.article) for a in aims if a.optional]
            found = candidates(run.numbered, "aim_cues")
            for batch in (found[i : i + args.batch] for i in range(0, len(found), args.batch)):
                numbers = tuple(c.n for c in batch)
                reply = client.chat.completions.create(
                    model="embedded",
                    messages=[
                        {"role": "system", "content": run.system},
                        {
                            "role": "user",
                            "content": QUESTION.format(sentences=_sentence_list(numbers)),
                        },
                    ],
                    max_tokens=30 * len(numbers) + 40,
                    **spec.request_options(_reply(numbers).model_json_schema()),
                )
                verdicts = json.loads(reply.choices[0].message.content or "{}")["verdicts"]
                for n, verdict in zip(numbers, verdicts, strict=False):
                    sentence = run.numbered.get(n)
                    span = (sentence.span.start, sentence.span.end) if sentence else (0, 0)
                    label = "POS" if any(overlaps_any(span, w) for w in pos) else "NEG"
                    label = "OPT" if any(overlaps_any(span, w) for w in opt) else label
                    counts[(label, verdict["reports"])] += 1
                    print(f"{path.stem}\t[{n}]\t{label}\t{verdict['reports']}", flush=True)
    for label in ("POS", "OPT", "NEG"):
        row = ", ".join(f"{k} {v}" for (lab, k), v in sorted(counts.items()) if lab == label)
        print(f"{label}: {row or 'none'}")


if __name__ == "__main__":
    main()
