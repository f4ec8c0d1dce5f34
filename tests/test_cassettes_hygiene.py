"""Cassettes are recordings of real servers running the embedded model: no secrets, no stray
headers."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

KEY_SHAPES = re.compile(r"(sk-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{20,}|Bearer\s+\S+)")
CASSETTES = sorted((ROOT / "cassettes").rglob("*.yaml"))


def test_there_are_cassettes_for_every_seed() -> None:
    names = {p.name for p in CASSETTES}
    for prefix in ("000", "001", "002", "003", "004"):
        assert f"test_seed_extraction[{prefix}].yaml" in names


def test_no_cassette_holds_a_key_or_an_authorization_header() -> None:
    for path in CASSETTES:
        text = path.read_text(encoding="utf-8")
        assert not KEY_SHAPES.search(text), path
        data = yaml.safe_load(text)
        for interaction in data["interactions"]:
            headers = {k.lower() for k in interaction["request"].get("headers", {})}
            assert "authorization" not in headers, path
            assert "api-key" not in headers and "x-api-key" not in headers, path
            assert set(interaction["response"].get("headers", {})) <= {"content-type"}, path


def test_every_recorded_exchange_is_a_chat_completion_from_the_embedded_model() -> None:
    for path in CASSETTES:
        for interaction in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
            assert interaction["request"]["uri"].endswith("/v1/chat/completions"), path
            assert interaction["response"]["status"]["code"] == 200, path
