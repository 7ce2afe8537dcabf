"""Kill and interrupt tests (``fault_cases.py``), run in a fresh interpreter.

They stop runs at chosen points in forked children. RocksDB's background threads do not survive a fork, so
a process in which an earlier test opened an Oxigraph store cannot fork a child that opens one: the cases
need a process of their own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).with_name("fault_cases.py")


def test_kill_and_interrupt_cases_pass_in_a_fresh_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CASES)],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
