"""Who met whom, when, about what: a knowledge graph from news transcripts about heads of state.

    import graph
    kg = graph.open("kg-store")                  # notebooks: DataFrames, networkx, pyvis (graph/api.py)
    kg.meetings(with_="Xi Jinping")

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
from .api import KnowledgeGraph, from_texts, open  # noqa: A004 - graph.open, like io.open

__all__ = ["KGStore", "KnowledgeGraph", "analyse", "build", "from_texts", "make_nlp", "open"]
