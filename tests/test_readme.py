"""README promises that drift silently unless a test holds them: the --help text and CI's
test command."""
from __future__ import annotations

import re

from click.testing import CliRunner

from conftest import ROOT
from copydesk.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _between(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```[a-z]*\n(.*?)```\n<!-- /{marker} -->", README, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1)


def test_readme_shows_the_current_help() -> None:
    result = CliRunner().invoke(main, ["--help"], prog_name="copydesk", terminal_width=100)
    assert result.exit_code == 0
    assert _between("help") == result.output, "run: python scripts/update_readme_help.py"


def test_ci_runs_the_readme_test_command() -> None:
    command = _between("test-command").strip().splitlines()[-1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()


def test_readme_first_command_runs_a_shipped_fixture() -> None:
    command = _between("try-command").strip().splitlines()[-1]
    page = re.search(r"copydesk (fixtures/\S+)", command)
    assert page and (ROOT / page.group(1)).exists()
