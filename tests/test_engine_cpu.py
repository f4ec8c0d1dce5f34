"""Which CPUs the prebuilt engine refuses, before it is started (no model needed)."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest

from summarize.llm.embedded.engine import REQUIRED_CPU_FLAGS, cpu_problem

AMX_XEON = "fpu sse2 avx avx2 fma f16c bmi2 avx512f avx512_vnni amx_bf16 amx_tile amx_int8"
EPYC = "fpu sse2 avx avx2 fma f16c bmi2 sha_ni clzero"
OLD_XEON = "fpu sse2 sse4_2 avx"


def _cpuinfo(tmp_path: Path, flags: str) -> Path:
    path = tmp_path / "cpuinfo"
    path.write_text(f"processor\t: 0\nvendor_id\t: x\nflags\t\t: {flags}\n\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _x86(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")


@pytest.mark.parametrize("flags", [AMX_XEON, EPYC], ids=["intel-amx", "amd-epyc"])
def test_both_cpus_the_project_meets_can_run_the_engine(tmp_path: Path, flags: str) -> None:
    assert cpu_problem(_cpuinfo(tmp_path, flags)) is None


def test_a_cpu_without_avx2_is_refused_with_what_it_lacks(tmp_path: Path) -> None:
    problem = cpu_problem(_cpuinfo(tmp_path, OLD_XEON))
    assert problem is not None
    assert "lacks avx2, fma, f16c, bmi2" in problem
    assert all(flag in problem for flag in REQUIRED_CPU_FLAGS)


def test_an_unreadable_cpuinfo_does_not_block_the_engine(tmp_path: Path) -> None:
    assert cpu_problem(tmp_path / "absent") is None


def test_this_machine_can_run_the_engine() -> None:
    assert cpu_problem() is None, "CI's machine must be able to run the embedded engine"
