"""Evaluation harness: score extraction outputs (and a brief) against hand-written gold.

from summarize.evaluation import score_outputs, EvalReport
report = score_outputs(outputs=Path("out"), gold=Path("eval/gold"))
"""

from __future__ import annotations

from summarize.errors import EvaluationError
from summarize.evaluation.report import EvalReport
from summarize.evaluation.score import score_outputs

__all__ = ["EvalReport", "EvaluationError", "score_outputs"]
