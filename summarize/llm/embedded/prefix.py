"""Keep the engine's prompt prefix on disk, so a new engine process does not compute it again.

Every extraction request opens with the same fixed instructions (about 600 tokens) before the
article. Within one engine process llama.cpp reuses them from the slot's KV cache, but each
run starts a new process, and its first article paid for them again: 2.5x the article's own
tokens, about 10 s of prompt processing on two cores. So the engine computes the
instructions once, saves the slot (llama.cpp's ``/slots/N?action=save``, about 18 MB), and
every later start restores it (``action=restore``): the first request of a run then reuses
the instructions like every other one.

The file holds the instructions only, never an article. Its name is a digest of the model
file, the engine build and the instructions' text, so a new model, build or prompt is
computed afresh; files under other names are removed when a new one is written. Restoring is
only a saving: when it fails for any reason the engine computes the prefix as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import httpx

from summarize.llm.embedded.model_file import models_dir

log = logging.getLogger(__name__)

_SUFFIX = ".prefix.bin"
_TIMEOUT = httpx.Timeout(600.0, connect=2.0)  # computing the prefix takes seconds per 100 tokens


@dataclass(frozen=True)
class KeptPrefix:
    """The text every request's prompt starts with, and the folder its KV state is kept in."""

    folder: Path
    text: str
    model_sha256: str

    @property
    def filename(self) -> str:
        """A bare file name (llama.cpp refuses paths) that changes with what the state holds."""
        try:
            build = version("xllamacpp")
        except PackageNotFoundError:
            build = "unknown"
        key = "\n".join((self.model_sha256, build, self.text))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + _SUFFIX


def kept_prefix(text: str | None, model_sha256: str | None) -> KeptPrefix | None:
    """``text`` kept beside the model files (``SUMMARIZE_MODELS_DIR``/prefixes), if any."""
    if not text or not model_sha256:
        return None
    return KeptPrefix(models_dir() / "prefixes", text, model_sha256)


def load_prefix(root_url: str, prefix: KeptPrefix, slots: int) -> str:
    """Put the prefix into every slot of a freshly started engine at ``root_url``; say how:
    ``restored``, ``computed`` (and saved) or ``not kept: <why>``. Never raises."""
    try:
        with httpx.Client(base_url=root_url, timeout=_TIMEOUT, trust_env=False) as client:
            if all(_restore(client, slot, prefix.filename) for slot in range(slots)):
                return "restored"
            _compute(client, prefix.text)
            _save(client, prefix)
            for slot in range(1, slots):
                _restore(client, slot, prefix.filename)
            return "computed"
    except (httpx.HTTPError, OSError, ValueError, KeyError) as error:
        log.info("the engine's prompt prefix was not kept: %s", error)
        return f"not kept: {error}"


def _restore(client: httpx.Client, slot: int, filename: str) -> bool:
    reply = client.post(f"/slots/{slot}", params={"action": "restore"}, json={"filename": filename})
    return reply.status_code == 200 and int(reply.json().get("n_restored", 0)) > 0


def _compute(client: httpx.Client, text: str) -> None:
    """Process the prefix as the chat template renders it at the start of a system message."""
    reply = client.post("/apply-template", json={"messages": [{"role": "system", "content": text}]})
    reply.raise_for_status()
    rendered: str = reply.json()["prompt"]
    at = rendered.index(text)  # the template's opening ("<|im_start|>system\n"), then the text
    body = {
        "prompt": rendered[: at + len(text)],
        "n_predict": 0,
        "cache_prompt": True,
        "id_slot": 0,
    }
    client.post("/completion", json=body).raise_for_status()


def _save(client: httpx.Client, prefix: KeptPrefix) -> None:
    """Save slot 0 under a temporary name, then move it into place: a run starting meanwhile
    never restores half a file."""
    prefix.folder.mkdir(parents=True, exist_ok=True)
    partial = f"{prefix.filename}.{os.getpid()}.partial"
    reply = client.post("/slots/0", params={"action": "save"}, json={"filename": partial})
    reply.raise_for_status()
    os.replace(prefix.folder / partial, prefix.folder / prefix.filename)
    for old in prefix.folder.glob(f"*{_SUFFIX}"):
        if old.name != prefix.filename:  # a former model, build or prompt
            with contextlib.suppress(OSError):
                old.unlink()
