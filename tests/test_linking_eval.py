"""benchmarks/linking_eval.py on a few of its own labels: what it counts as right, wrong and found."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCRIPT = ROOT / "benchmarks" / "linking_eval.py"


@pytest.mark.skipif(not (SHARED / "peer-corpora" / "liar2").is_dir(), reason="../shared corpora are absent")
def test_a_wrong_link_and_a_missed_label_are_counted(tmp_path: Path) -> None:
    spec = yaml.safe_load((ROOT / "benchmarks" / "linking" / "cases.yaml").read_text(encoding="utf-8"))
    spec["phrasebank"]["pattern"] = "Technopolis"     # a few rows, none linked
    spec["liar2"]["A"]["rows"] = {11169: {}}           # California's payroll jobs: not the nation's
    spec["liar2"]["B"]["rows"] = {5915: {"65.5 percent": {"metric": "fred.CIVPART", "period": "2009-01"}}}
    (tmp_path / "cases.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    (tmp_path / "us-aliases.yaml").write_text((ROOT / "benchmarks" / "linking" / "us-aliases.yaml")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "--cases", str(tmp_path / "cases.yaml"), "--wrong"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    lines = run.stdout.splitlines()
    assert lines[0] == "half A: 11 texts, 0 links made, 0 right (precision n/a); 0 of 0 labelled links found (recall n/a)"
    assert lines[1] == "half B: 7 texts, 2 links made, 0 right (precision 0.00); 0 of 1 labelled links found (recall 0.00)"
    assert "test.csv id 5915: '65.5 percent' linked to {'metric': 'fred.CIVPART', 'period': '2012-06'}" in lines[2]
