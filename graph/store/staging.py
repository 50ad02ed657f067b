"""A long document written into the store in parts of one transaction each, yet whole or not at all.

Oxigraph holds every quad of a transaction in memory until it commits: at 300,000 quads, +343 MB to drop a graph,
+1 GB to move one to another name (SPARQL `MOVE`), so a 20 MB text's graph (4 million quads) cannot be written,
dropped or renamed in one transaction within 2 GB (bench/README.md, "One large text"). So a long document's graph
is written in parts (`write`), and a marker makes what a stopped write left behind recognisable: the first part
holds `<G> <urn:x-kg:stagedFor> <DOC>` in the graph G being written, and the document's `kg:checksum` comes in the
last part, so that until then G is no document (`KGStore.documents`).

- A document not stored before is written in its own graph (G = DOC), the marker taken out after the checksum.
- A stored document being replaced is written beside it, in a staging graph; only once that is whole (its
  checksum written) is the old graph dropped and the staged one moved into the document's name, in parts, the
  checksum last.

Each transaction is flushed from Oxigraph's memory to its tables: RocksDB keeps what was written in memtables until
they fill, which grew with the document (+535 MB for 600,000 quads written in parts; about 60 MB flushed after each).

New documents are written in batches the same way, with Oxigraph's bulk loader (`write_new`): it writes its tables'
files directly, three times cheaper than a transaction that reads each quad's indexes first, but it is no
transaction. Each graph of the batch is marked first (one transaction), everything but the checksums bulk-loaded,
then the checksums written and the markers taken out (one transaction): until then no graph of the batch is a
document, and stopped in between they are dropped by `recover` as a graph written in place and not finished.

Every `kg build` (and `kg remove`) starts by finishing what a stopped one left (`recover`): a graph written in
place and not finished is dropped (the document was not stored before); a staging graph not finished is dropped
(the old document stays as it was); a finished one is moved in (it is the new document, whole). What a query sees
between the stop and the next build is the old store plus the graph being written.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable

from ..rdf.namespaces import KG
from .kgstore import KGStore

STAGED_FOR = "urn:x-kg:stagedFor"  # in graph G: <G> STAGED_FOR <DOC>, G holds DOC's graph being written
MOVING = "urn:x-kg:moving"  # in a staging graph: the old graph is gone, the staged one is being moved in
CHECKSUM = str(KG.checksum)
PART = 8 * 1024 * 1024  # characters of N-Quads written at once
ROWS = 25_000  # quads deleted or moved at once (about 100 MB of Oxigraph's transaction when moving)


def staging_graph(doc: str) -> str:
    return f"urn:x-kg:staging:{hashlib.sha1(doc.encode('utf-8')).hexdigest()}"


def graph_of(doc: str, replace: bool) -> str:
    """The graph `write` writes document `doc`'s into."""
    return staging_graph(doc) if replace else doc


def write(store: KGStore, doc: str, parts_in: Callable[[str], Iterable[str]], replace: bool) -> None:
    """Write the graph of document `doc`: `parts_in(graph)` gives its N-Quads in that graph, in parts, its
    checksum alone in the last. `replace`: the document is stored (an older version), which stays whole until
    the new one is."""
    graph = graph_of(doc, replace)
    drop(store, graph)  # what a stopped write left, if `recover` did not see it (an interrupted drop)
    store.write_documents([(graph, f"<{graph}> <{STAGED_FOR}> <{doc}> <{graph}> .\n", False)])
    for part in parts_in(graph):
        store.write_documents([(graph, part, False)])
        store.flush()  # else RocksDB's memtables keep every part: +535 MB for 600,000 quads, 60 MB if flushed
    if replace:
        swap(store, graph, doc)
    else:
        store._update(f"DELETE DATA {{ GRAPH <{doc}> {{ <{doc}> <{STAGED_FOR}> <{doc}> }} }}")


def write_new(store: KGStore, docs: list[tuple[str, str]]) -> None:
    """Write new documents (no graph of their names stored: `KGStore.write_documents` without replacing), each
    given as (document IRI, its N-Quads in its own graph, its `kg:checksum` among them), whole or not at all
    (module docstring). A local store only: elsewhere, and for a document without its checksum line, one
    transaction (`write_documents`)."""
    if not docs:
        return
    found = [(iri, quads, _checksum_line(iri, quads)) for iri, quads in docs]
    if store.remote or any(at is None for _, _, at in found):
        store.write_documents([(iri, quads, False) for iri, quads in docs])
        return
    store.write_documents([(iri, f"<{iri}> <{STAGED_FOR}> <{iri}> <{iri}> .\n", False) for iri, _ in docs])
    store.bulk_load("".join(quads[:a] + quads[b:] for _, quads, (a, b) in found))
    marks = " ".join(f"GRAPH <{iri}> {{ <{iri}> <{STAGED_FOR}> <{iri}> }}" for iri, _ in docs)
    sums = " ".join(f"GRAPH <{iri}> {{ {quads[a:b][:-len(f' <{iri}> .') - 1]} . }}" for iri, quads, (a, b) in found)
    store._update(f"DELETE DATA {{ {marks} }} ;\nINSERT DATA {{ {sums} }}")


def _checksum_line(iri: str, quads: str) -> tuple[int, int] | None:
    """Where the line of the document's `kg:checksum` is in its N-Quads (start, end after its line break)."""
    head = f"<{iri}> <{CHECKSUM}> "
    at = quads.find(head)
    while at > 0 and quads[at - 1] != "\n":
        at = quads.find(head, at + 1)
    if at < 0:
        return None
    end = quads.find("\n", at)
    if end < 0 or not quads[:end].endswith(f" <{iri}> ."):
        return None
    return at, end + 1


def swap(store: KGStore, staging: str, doc: str, dropped: bool = False) -> None:
    """The whole staged graph `staging` in the place of `doc`'s: the old one dropped (its checksum first), then
    the staged one moved in, the checksum last."""
    if not dropped:
        store._update(f"DELETE WHERE {{ GRAPH <{doc}> {{ <{doc}> <{CHECKSUM}> ?c }} }}")
        drop(store, doc)
        store._update(f"INSERT DATA {{ GRAPH <{staging}> {{ <{staging}> <{MOVING}> true }} }}")
    keep = f"FILTER(?s != <{staging}> && ?p != <{CHECKSUM}>)"
    while _ask(store, f"ASK {{ GRAPH <{staging}> {{ ?s ?p ?o {keep} }} }}"):
        store._update(f"DELETE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} INSERT {{ GRAPH <{doc}> {{ ?s ?p ?o }} }} "
                      f"WHERE {{ GRAPH <{staging}> {{ SELECT ?s ?p ?o WHERE {{ ?s ?p ?o {keep} }} LIMIT {ROWS} }} }}")
        store.flush()
    store._update(f"DELETE {{ GRAPH <{staging}> {{ <{doc}> <{CHECKSUM}> ?c }} }} "
                  f"INSERT {{ GRAPH <{doc}> {{ <{doc}> <{CHECKSUM}> ?c }} }} "
                  f"WHERE {{ GRAPH <{staging}> {{ <{doc}> <{CHECKSUM}> ?c }} }}")
    drop(store, staging)


def drop(store: KGStore, graph: str) -> None:
    """Drop a named graph in parts of ROWS quads, each one transaction."""
    while _ask(store, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"):
        store._update(f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                      f"WHERE {{ GRAPH <{graph}> {{ SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {ROWS} }} }}")
        store.flush()
    store._update(f"DROP SILENT GRAPH <{graph}>")


def recover(store: KGStore) -> list[str]:
    """Finish what a stopped write left (module docstring): the documents whose graph it touched."""
    rows = list(store.query(f"SELECT ?g ?doc ?ready ?moving WHERE {{ GRAPH ?g {{ ?g <{STAGED_FOR}> ?doc "
                            f"OPTIONAL {{ ?doc <{CHECKSUM}> ?ready }} OPTIONAL {{ ?g <{MOVING}> ?moving }} }} }}"))
    for g, doc, ready, moving in rows:
        g, doc = str(g), str(doc)
        if g == doc and ready is not None:  # written, stopped before its marker was taken out
            store._update(f"DELETE DATA {{ GRAPH <{doc}> {{ <{doc}> <{STAGED_FOR}> <{doc}> }} }}")
        elif g == doc or ready is None:  # not finished: the store as it was before
            drop(store, g)
        else:  # a new version whole beside the old one, or partly moved in
            swap(store, g, doc, dropped=moving is not None)
    return sorted({str(doc) for _, doc, _, _ in rows})


def _ask(store: KGStore, query: str) -> bool:
    return bool(store.query(query).askAnswer)
