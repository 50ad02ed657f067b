"""The README documents every command, and each command's help carries an example."""

import re

from graph.cli import parser

from .conftest import ROOT


def commands():
    sub = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in commands() if not re.search(rf"\bkg {name}\b", readme)]
    assert not missing, missing


def test_every_command_help_has_an_example():
    missing = [name for name, p in commands().items() if "example:" not in (p.description or "")]
    assert not missing, missing
