"""The docs document every command with an example, stay short where they must, link to what exists, and quote the
code's real output: `cog --check` fails when an option, an output or a score changed and the docs were not
regenerated (`cog -r README.md docs/*.md`)."""

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS))
import cogdocs  # noqa: E402  (docs/cogdocs.py: what the docs quote, generated)

README = ROOT / "README.md"
# The two set-up commands: CI (.ci/run) and the project's rules run them exactly as written.
SETUP = [
    "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && kg build seeds/ --print-meetings && "
    "kg viz -o who-met-whom.html",
    'python3 -m venv .venv && . .venv/bin/activate && pip install -q -e ".[test]" && python -m pytest -q',
]


def pages():
    return [README, *sorted(DOCS.glob("*.md"))]


def test_every_command_has_its_help_in_the_reference():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in cogdocs.commands() if f"\n## kg {name}\n" not in reference]
    assert not missing, missing


def test_every_command_is_shown_in_use_outside_the_reference():
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages() if p.name != "cli.md")
    missing = [name for name in cogdocs.commands() if not re.search(rf"\bkg {name}\b", text)]
    assert not missing, missing


@pytest.mark.parametrize("name", cogdocs.commands())
def test_every_command_help_has_an_example(name):
    assert "example" in cogdocs.help_text(name).lower()


def test_the_readme_is_short_and_keeps_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text) < 8000, len(text)
    lines = text.splitlines()
    assert lines.index(SETUP[0]) < lines.index(SETUP[1]) < 20


def test_relative_links_lead_to_files():
    broken = []
    for page in pages():
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not re.match(r"[a-z]+://", target) and not (page.parent / target).exists():
                broken.append(f"{page.name}: {target}")
    assert not broken, broken


def test_the_docs_quote_the_code_as_it_is_now():
    """cog regenerates every block in memory (the seed built once, the corpora scored) and compares."""
    files = [str(p.relative_to(ROOT)) for p in pages()]
    r = subprocess.run([sys.executable, "-m", "cogapp", "--check", *files], cwd=ROOT, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, (f"the docs quote outdated output: run `cog -r README.md docs/*.md`\n"
                               f"{r.stdout[-3000:]}{r.stderr[-3000:]}")
