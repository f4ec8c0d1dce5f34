"""How sure is the hedges judge, by a candidate's position in its batch?

The judge answered "speculative": true for 270 of 271 candidate sentences of the dev set and
the seeds (2026-12-05), so its verdicts add nothing to the cue list. This asks the embedded
model the hedges question exactly as the pass does (same system message, same batch, same
grammar) with token log-probabilities on, and prints for each candidate the probability the
model gave "true" against "false", its position in the batch, and the gold label (POS: a
gold hedge, NEG: a gold "not a hedge", ---: neither).

    python bench/judge_confidence.py eval/dev/articles/<article> ... [--gold eval/dev/gold]

Starts its own engine on a loopback port and stops it; no time is measured.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openai import OpenAI

from summarize.contract.extraction import GENERIC_VOICES
from summarize.evaluation.gold import load_gold
from summarize.evaluation.spans import locate_sentence, overlaps_any
from summarize.extract.cues import candidates
from summarize.extract.drafts import hedges_reply
from summarize.extract.passes import ExtractionRun
from summarize.extract.settings import pass_settings
from summarize.ingest.body import Body
from summarize.ingest.furniture import strip_furniture
from summarize.ingest.read import read_article
from summarize.llm.embedded.model_file import ensure_model, models_dir
from summarize.llm.routes import embedded_spec

PORT = 8391


def _engine() -> subprocess.Popen[bytes]:
    model = ensure_model(models_dir() / "models")
    args = ["--model", str(model), "--port", str(PORT), "--slots", "1", "--threads", "2"]
    engine = subprocess.Popen([sys.executable, "-m", "summarize.llm.embedded.engine_main", *args])
    for _ in range(180):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health", timeout=1)
            return engine
        except OSError:
            time.sleep(1)
    engine.terminate()
    raise SystemExit("the engine did not start")


@contextmanager
def engine_client() -> Iterator[OpenAI]:
    """A client of an embedded engine started on a loopback port, stopped on the way out."""
    engine = _engine()
    try:
        yield OpenAI(base_url=f"http://127.0.0.1:{PORT}/v1", api_key="none")
    finally:
        engine.terminate()


def article_runs(paths: Iterable[Path]) -> Iterator[tuple[Path, Body, ExtractionRun]]:
    """Each article's stripped body and an extraction run over it that asks nothing itself:
    its system message and numbered sentences are the pass's own."""
    for path in paths:
        body = strip_furniture(read_article(path).text)
        yield path, body, ExtractionRun(None, body, None)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--gold", type=Path, default=Path("eval/dev/gold"))
    args = parser.parse_args()
    gold, _ = load_gold(args.gold)
    spec = embedded_spec()
    by_position: dict[int, list[float]] = defaultdict(list)
    with engine_client() as client:
        for path, body, run in article_runs(args.articles):
            truth = gold[path.stem]
            pos = [locate_sentence(h.sentence, body.article) for h in truth.hedged_claims]
            neg = [locate_sentence(h.sentence, body.article) for h in truth.not_hedges]
            found = candidates(run.numbered, "hedge_cues")
            size = pass_settings().hedge_batch
            for batch in (found[i : i + size] for i in range(0, len(found), size)):
                numbers = tuple(c.n for c in batch)
                schema = hedges_reply(numbers, GENERIC_VOICES).model_json_schema()
                reply = client.chat.completions.create(
                    model="embedded",
                    messages=[
                        {"role": "system", "content": run.system},
                        {"role": "user", "content": run._task("hedges", numbers)},
                    ],
                    max_tokens=40 * len(numbers) + 40,
                    logprobs=True,
                    top_logprobs=5,
                    **spec.request_options(schema),
                )
                tokens = reply.choices[0].logprobs.content if reply.choices[0].logprobs else []
                verdicts = [
                    t
                    for i, t in enumerate(tokens or [])
                    if t.token in ("true", "false") and i >= 2 and tokens[i - 2].token == "ulative"
                ]
                for place, (n, token) in enumerate(zip(numbers, verdicts, strict=False), 1):
                    top = {x.token: math.exp(x.logprob) for x in token.top_logprobs}
                    p_true = top.get("true", 0.0) / (top.get("true", 0.0) + top.get("false", 0.0))
                    sentence = run.numbered.get(n)
                    span = (sentence.span.start, sentence.span.end) if sentence else (0, 0)
                    label = "POS" if any(overlaps_any(span, w) for w in pos) else "---"
                    label = "NEG" if any(overlaps_any(span, w) for w in neg) else label
                    by_position[place].append(p_true)
                    print(f"{path.stem}\t[{n}]\tposition {place}\t{label}\tP(true) {p_true:.2f}")
    for place, values in sorted(by_position.items()):
        mean = sum(values) / len(values)
        print(f"position {place}: {len(values)} candidates, mean P(true) {mean:.2f}")


if __name__ == "__main__":
    main()
