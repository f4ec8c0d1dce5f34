"""A past commit's seed extractions, replayed from its own cassettes and scored by today's
scorer and gold: "the seeds score as before or better" compares like with like.

The commit is checked out in a git worktree; its own seed test replays its recordings with
its own code (first on the import path), and every Extraction a function of that test module
returns is written out as JSON. Today's ``summarize eval`` then scores the folder.

    python bench/seed_scores_at.py 5197d42 --out /tmp/seeds-5197d42
    summarize eval /tmp/seeds-5197d42 --gold eval/gold
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Loaded by the old commit's pytest: wraps the seed test module's functions and writes out
# each Extraction one returns (alone or in a tuple), whatever the commit called them.
PLUGIN = """
import functools, inspect, os
from pathlib import Path

def _dump(value):
    for item in value if isinstance(value, tuple) else (value,):
        source = getattr(item, "source", None)
        if source is not None and hasattr(item, "model_dump_json"):
            out = Path(os.environ["SEED_SCORES_OUT"]) / (Path(source.path).stem + ".json")
            out.write_text(item.model_dump_json(indent=1), encoding="utf-8")

def pytest_collection_modifyitems(session, config, items):
    import tests.test_extract_seeds as module
    for name, func in list(vars(module).items()):
        if inspect.isfunction(func) and func.__module__ == module.__name__:
            @functools.wraps(func)
            def wrapped(*args, __func=func, **kwargs):
                value = __func(*args, **kwargs)
                _dump(value)
                return value
            setattr(module, name, wrapped)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.commit],
            check=True,
        )
        try:
            (tree / "seed_scores_plugin.py").write_text(PLUGIN, encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": str(tree), "SEED_SCORES_OUT": str(args.out)}
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "seed_scores_plugin",
                 "-p", "no:cacheprovider", "tests/test_extract_seeds.py"],
                cwd=tree, env=env, check=False,
            )  # fmt: skip
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True
            )
    written = sorted(p.name for p in args.out.glob("*.json"))
    print(f"{args.commit}: {len(written)} seed extractions in {args.out}", file=sys.stderr)
    return 0 if run.returncode == 0 and written else 1


if __name__ == "__main__":
    sys.exit(main())
