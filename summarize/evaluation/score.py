"""Score an output folder against a gold folder: the one entry point."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarize.contract.extraction import THE_OUTLET
from summarize.errors import ArticleError, EvaluationError
from summarize.evaluation.articles import (
    ArticleScore,
    false_alarms,
    score_article,
    sentence_counts,
    speaker_accuracy,
)
from summarize.evaluation.engagements import score_brief
from summarize.evaluation.gold import BRIEF_GOLD, GoldArticle, GoldBrief, load_gold
from summarize.evaluation.intervals import bootstrap_intervals
from summarize.evaluation.outputs import Item, load_output
from summarize.evaluation.report import OVERALL, ArticleResult, EvalReport
from summarize.evaluation.spans import LooseSpan, locate_sentence
from summarize.extract.cues import lexicon_words
from summarize.ingest.read import read_article
from summarize.ingest.sentences import split_sentences

_EXTRACTION_KEYS = frozenset({"source", "officials", "visits", "stated_aims", "hedged_claims"})


def _looks_like_extraction(path: Path) -> bool:
    """Output folders also hold other JSON (a run report): only extraction-shaped files count.
    A file named like a gold article always counts, however broken, so it is scored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and bool(_EXTRACTION_KEYS & data.keys())


def _extraction_files(outputs: Path, gold_stems: set[str]) -> dict[str, Path]:
    return {
        p.stem: p
        for p in sorted(outputs.glob("*.json"))
        if p.name != BRIEF_GOLD
        and not p.name.startswith(".")
        and (p.stem in gold_stems or _looks_like_extraction(p))
    }


@dataclass(frozen=True)
class DevSet:
    """A gold folder's manifest, where it has one: each article's split and its text file."""

    split: dict[str, str]
    files: dict[str, Path]

    @classmethod
    def beside(cls, gold: Path) -> DevSet:
        manifest = gold.parent / "manifest.json"
        if not manifest.is_file():
            return cls({}, {})
        entries = json.loads(manifest.read_text(encoding="utf-8"))
        return cls(
            split={e["id"]: e["split"] for e in entries if e.get("split")},
            files={e["id"]: gold.parent / "articles" / f"{e['id']}.{e['format']}" for e in entries},
        )

    def text(self, stem: str) -> str | None:
        path = self.files.get(stem)
        if path is None:
            return None
        try:
            return read_article(path).text
        except ArticleError:
            return None


def cue_baseline(gold: GoldArticle, text: str | None, headline: str | None = None) -> ArticleScore:
    """Every sentence with a word of the hedge lexicon called speculation, voiced by the
    outlet: what the hedge scores are worth with neither a model nor the rules that tell a
    word's sense (:func:`~summarize.extract.cues.find_cues`)."""
    score = ArticleScore()
    if text is None:
        return score
    preds = [
        Item(who=THE_OUTLET, evidence=(LooseSpan(s.start, s.end, s.text),))
        for s in split_sentences(text)
        if lexicon_words(s.text)
    ]
    score.hedged_claims += sentence_counts(
        preds, gold.hedged_claims, text, [headline] if headline else []
    )
    people = [o.names for o in gold.officials]
    score.hedge_speakers += speaker_accuracy(preds, gold.hedged_claims, text, people)
    score.false_alarms += false_alarms(preds, gold, text)
    return score


def _story_gold(path: Path) -> GoldBrief:
    try:
        return GoldBrief.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: not a story gold file ({exc})") from None


def score_outputs(
    outputs: Path, gold: Path = Path("eval/gold"), story: Path | None = None
) -> EvalReport:
    """Score every gold article (a missing output file scores as all missed) and, when the
    folder holds a ``brief.json`` and the gold has one, the brief.

    ``story`` is one story's brief gold (``eval/dev/gold/stories/<story>.json``): the folder
    then holds that story's brief, and only the story's articles are scored with it.
    """
    if not outputs.is_dir():
        raise EvaluationError(f"{outputs}: no such output folder")
    if not gold.is_dir():
        raise EvaluationError(f"{gold}: no such gold folder")
    gold_articles, gold_brief = load_gold(gold)
    if story is not None:
        gold_brief = _story_gold(story)
        wanted = set(gold_brief.articles)
        gold_articles = {k: v for k, v in gold_articles.items() if k in wanted}
    if not gold_articles:
        raise EvaluationError(f"{gold}: holds no gold answers")
    files = _extraction_files(outputs, set(gold_articles))
    if not files:
        raise EvaluationError(f"{outputs}: holds no extraction (<stem>.json) to score")
    repo_root = gold.resolve().parent.parent  # eval/gold -> the repo, where seeds/ lives
    dev = DevSet.beside(gold)
    results: list[ArticleResult] = []
    overall = ArticleScore()
    baseline = ArticleScore()
    by_split: dict[str, ArticleScore] = {}
    baseline_by_split: dict[str, ArticleScore] = {}
    for stem, answer in sorted(gold_articles.items()):
        path = files.get(stem)
        out = load_output(path, repo_root) if path is not None else None
        notes = [] if out is None else list(out.notes)
        if out is None:
            notes.append("no output file: every gold item counts as missed")
        elif out.text is not None:
            sentences = [g.sentence for g in answer.stated_aims]
            sentences += [g.sentence for g in answer.hedged_claims]
            lost = sum(not locate_sentence(s, out.text) for s in sentences)
            if lost:
                notes.append(f"{lost} gold sentences are not in the article text used")
        score = score_article(answer, out)
        overall += score
        text = out.text if out is not None and out.text else dev.text(stem)
        base = cue_baseline(answer, text, out.headline if out is not None else None)
        baseline += base
        if (split := dev.split.get(stem)) is not None:
            by_split.setdefault(split, ArticleScore())
            by_split[split] += score
            baseline_by_split.setdefault(split, ArticleScore())
            baseline_by_split[split] += base
        results.append(
            ArticleResult(
                stem=stem,
                score=score,
                present=out is not None,
                contract_valid=out is not None and out.contract_valid,
                notes=notes,
            )
        )
    extra = sorted(set(files) - set(gold_articles))
    report_notes = [f"no gold for {', '.join(extra)}: not scored"] if extra else []
    # A split none of whose articles was extracted was not run: a row of zeros would read
    # as a score.
    ran = {dev.split[r.stem] for r in results if r.present and r.stem in dev.split}
    for split in sorted(set(by_split) - ran):
        del by_split[split], baseline_by_split[split]
        report_notes.append(f"split {split}: no article of it has an output; not scored")
    brief_path = outputs / BRIEF_GOLD
    brief = None
    if brief_path.exists() and gold_brief is not None:
        brief = score_brief(brief_path, gold_brief)
    intervals = {OVERALL: bootstrap_intervals([r.score for r in results])}
    for split in by_split:
        scored = [r.score for r in results if dev.split.get(r.stem) == split]
        intervals[split] = bootstrap_intervals(scored)
    return EvalReport(
        articles=results,
        overall=overall,
        brief=brief,
        notes=report_notes,
        splits=by_split,
        baseline=baseline,
        baseline_splits=baseline_by_split,
        intervals=intervals,
    )
