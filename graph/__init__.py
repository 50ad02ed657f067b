"""Who met whom, when, about what: a knowledge graph from news transcripts about heads of state.

    from graph import KGStore, build, make_nlp, analyse
    with KGStore("kg-store") as store:
        build(["seeds/"], store)
        for row in store.named("meetings"):
            print(row.start, row.title, row.participants)
"""

from .store.build import build
from .nlp.model import make_nlp
from .extract.analyse import analyse
from .store.kgstore import KGStore

__all__ = ["KGStore", "analyse", "build", "make_nlp"]
