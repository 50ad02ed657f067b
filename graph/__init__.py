"""Who met whom, when, about what: a knowledge graph from news transcripts about heads of state.

    import graph
    kg = graph.open("kg-store")                  # notebooks: DataFrames, networkx, pyvis (graph/api.py)
    kg.meetings(with_="Xi Jinping")

    from graph import KGStore, build, make_nlp, analyse
    with KGStore("kg-store") as store:
        build(["seeds/"], store)
        for row in store.named("meetings"):
            print(row.start, row.title, row.participants)

The names are imported when first used (PEP 562), so that a command that only reads the store (`kg viz`,
`kg analyze`, `kg meetings` …) does not import spaCy: 1–2 s of every such command.
"""

from importlib import import_module

_WHERE = {"KGStore": ".store.kgstore", "analyse": ".extract.analyse", "build": ".store.build",
          "make_nlp": ".nlp.model", "KnowledgeGraph": ".api", "from_texts": ".api", "open": ".api"}

__all__ = ["KGStore", "KnowledgeGraph", "analyse", "build", "from_texts", "make_nlp", "open"]


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
