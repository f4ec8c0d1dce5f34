"""The engine keeps the prompt prefix on disk: a new engine process restores it instead of
computing it, so the first request of a run reuses it; anything wrong with the file only
costs the saving. Real engine, real model, real files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from summarize.extract.passes import instructions
from summarize.llm.embedded.engine import Engine
from summarize.llm.embedded.model_file import GGUF_SHA256, ensure_model, models_dir
from summarize.llm.embedded.prefix import KeptPrefix

pytestmark = pytest.mark.live

N_CTX = 2048
# Shorter than the real instructions, to keep the test quick; any text opens the same way.
PREFIX = instructions()[:700]
ARTICLE = "[1] The minister flew to Lima on Monday. [2] She met the president there."


@pytest.fixture(scope="module")
def model_path() -> Path:
    return ensure_model(models_dir() / "models")


@pytest.fixture
def kept(tmp_path: Path) -> KeptPrefix:
    return KeptPrefix(tmp_path / "prefixes", PREFIX, GGUF_SHA256)


def _engine(model_path: Path, prefix: KeptPrefix) -> Engine:
    return Engine(model_path, n_ctx=N_CTX, prefix=prefix)


def _cached_tokens(engine: Engine, system: str) -> int:
    """Prompt tokens the engine reused for one chat request opening with ``system``."""
    reply = httpx.post(
        f"{engine.base_url}/chat/completions",
        json={
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": "Who?"},
            ],
            "max_tokens": 1,
            "temperature": 0,
        },
        timeout=300,
    )
    reply.raise_for_status()
    return int(reply.json()["usage"]["prompt_tokens_details"]["cached_tokens"])


def _prefix_tokens(engine: Engine) -> int:
    root = engine.base_url.removesuffix("/v1")
    reply = httpx.post(f"{root}/tokenize", json={"content": PREFIX}, timeout=60)
    return len(reply.json()["tokens"])


@pytest.fixture
def saved(model_path: Path, kept: KeptPrefix) -> Iterator[KeptPrefix]:
    """A prefix computed and saved by one engine, which is then stopped."""
    with _engine(model_path, kept) as first:
        assert first.prefix_outcome == "computed"
    assert [p.name for p in kept.folder.iterdir()] == [kept.filename]
    yield kept


def test_a_new_engine_restores_the_prefix_and_its_first_request_reuses_it(
    model_path: Path, saved: KeptPrefix
) -> None:
    with _engine(model_path, saved) as engine:
        assert engine.prefix_outcome == "restored"
        reused = _cached_tokens(engine, PREFIX + ARTICLE)
        # All of it but the last token or two, where the text runs into the article.
        assert reused >= _prefix_tokens(engine) - 2


def test_without_a_kept_prefix_the_first_request_reuses_nothing(model_path: Path) -> None:
    with Engine(model_path, n_ctx=N_CTX) as engine:
        assert engine.prefix_outcome is None
        assert _cached_tokens(engine, PREFIX + ARTICLE) == 0


def test_a_damaged_file_is_computed_again_and_replaced(model_path: Path, saved: KeptPrefix) -> None:
    path = saved.folder / saved.filename
    path.write_bytes(path.read_bytes()[:1000])
    with _engine(model_path, saved) as engine:
        assert engine.prefix_outcome == "computed"
        assert _cached_tokens(engine, PREFIX + ARTICLE) >= _prefix_tokens(engine) - 2
    assert path.stat().st_size > 1000


def test_new_instructions_get_their_own_file_and_the_old_one_goes(
    model_path: Path, saved: KeptPrefix
) -> None:
    changed = KeptPrefix(saved.folder, "Answer in one word.\n" + PREFIX, GGUF_SHA256)
    assert changed.filename != saved.filename
    with _engine(model_path, changed) as engine:
        assert engine.prefix_outcome == "computed"
    assert [p.name for p in saved.folder.iterdir()] == [changed.filename]
