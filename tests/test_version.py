"""Which claimcheck printed a figure: ``--version`` and the machine reports name the version and commit."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from checker import version
from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]


def checkout_commit() -> str:
    """The commit git reports for this checkout, or a skip when claimcheck is not imported from one."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: there is no commit to report")
    if version.CHECKOUT != ROOT:
        pytest.skip(f"claimcheck is imported from an installed copy ({version.CHECKOUT}), not this checkout")
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_version_prints_the_package_version_and_the_checkout_commit(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(f"claimcheck {version.package_version()} (commit ")
    assert checkout_commit().startswith(printed.split("(commit ")[1].removesuffix(")").removesuffix("-dirty"))


def test_an_installed_copy_inside_another_repository_reports_no_commit(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A virtualenv inside some project: git would find that project's commit above the package."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "site-packages").mkdir()
    monkeypatch.setattr(version, "CHECKOUT", tmp_path / "site-packages")
    version.commit.cache_clear()
    try:
        assert version.commit() is None
        assert version.line() == f"claimcheck {version.package_version()}"
    finally:
        version.commit.cache_clear()


@pytest.mark.parametrize("form", ["json", "sarif", "junit"])
def test_machine_reports_carry_version_and_commit(form: str, tmp_path: Path) -> None:
    commit = checkout_commit()[:12]
    output = tmp_path / f"report.{form}"
    done = subprocess.run([sys.executable, "-m", "checker", "check", "claims/", "--format", form, "--output", str(output)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = output.read_text(encoding="utf-8")
    if form == "json":
        carried = json.loads(text)["claimcheck"]
    elif form == "sarif":
        run = json.loads(text)["runs"][0]
        carried = {"version": run["tool"]["driver"]["version"], "commit": run["properties"]["commit"]}
    else:
        suite = ElementTree.fromstring(text).find("testsuite")
        carried = {p.get("name").removeprefix("claimcheck."): p.get("value") for p in suite.iter("property")}
    assert carried["version"] == version.package_version()
    assert carried["commit"].startswith(commit)
