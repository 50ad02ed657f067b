"""The same text gives the same graph whatever Python's hash seed: the pair model's greedy groups take their
members in the order of the text, not a set's (which changes from run to run)."""

import subprocess
import sys
from pathlib import Path

from graph.extract.learned import Row, _cliques

# two people passed with both of the first pair: the one told first joins their group, the other makes a second
PAIRS = [("person-a", "person-b", 0.9), ("person-a", "person-c", 0.8), ("person-b", "person-c", 0.7),
         ("person-a", "person-d", 0.6), ("person-b", "person-d", 0.5)]


def _groups():
    return _cliques([(Row(i, a, b, "", ()), p) for i, (a, b, p) in enumerate(PAIRS)])


def test_groups_in_the_order_of_the_text():
    groups = _groups()
    assert groups[0] == (["person-a", "person-b", "person-c"], 0.7)
    assert groups[1] == (["person-a", "person-b", "person-d"], 0.5)


def test_groups_the_same_under_any_hash_seed():
    code = "from tests.test_determinism_s13 import _groups; print(_groups())"
    seen = set()
    for seed in range(4):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": str(seed)}, cwd=Path(__file__).parents[1])
        seen.add(out.stdout)
    assert seen == {str(_groups()) + "\n"}
