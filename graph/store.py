"""The only module that opens a store.

- a folder path: Oxigraph on disk through oxrdflib (the default, `./kg-store`);
- `memory`: an in-memory Oxigraph store (tests);
- `http(s)://HOST:PORT[/PATH]`: a remote SPARQL 1.1 server through rdflib's SPARQLUpdateStore, with
  `…/query` and `…/update` endpoints (Oxigraph server; for Fuseki pass the dataset URL, e.g. `http://host:3030/ds`).

Each document lives in its own named graph (its IRI); queries run over the union of all graphs. A document is
written with one SPARQL update (`DROP SILENT GRAPH … ; INSERT DATA { GRAPH … }`), which Oxigraph applies as one
transaction: an interrupted build never leaves half a document.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

from .namespaces import KG

QUERIES = Path(__file__).parent / "queries"
PREFIXES = {
    "kg": str(KG._NS),
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class StoreError(RuntimeError):
    """A store that cannot be opened or written: a one-line message for the user."""


def load_query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


class KGStore:
    """A dataset of per-document named graphs, queried as their union."""

    def __init__(self, location: str | Path = "kg-store", *, create: bool = True):
        self.location = str(location)
        self.remote = self.location.startswith(("http://", "https://"))
        try:
            if self.remote:
                base = self.location.rstrip("/")
                store = SPARQLUpdateStore(query_endpoint=f"{base}/query", update_endpoint=f"{base}/update",
                                          context_aware=True, postAsEncoded=False)
                self.ds = Dataset(store=store, default_union=True)
            elif self.location == "memory":
                self.ds = Dataset(store="Oxigraph", default_union=True)
            else:
                path = Path(self.location)
                if not path.exists() and not create:
                    raise StoreError(f"no store at {path} (run `kg build` first)")
                if path.exists() and not path.is_dir():
                    raise StoreError(f"{path} is not a store folder")
                path.mkdir(parents=True, exist_ok=True)
                self.ds = Dataset(store="Oxigraph", default_union=True)
                self.ds.open(str(path))
        except StoreError:
            raise
        except OSError as exc:
            raise StoreError(f"cannot open store {self.location}: {exc.strerror or exc}") from exc
        except Exception as exc:  # pyoxigraph raises its own errors for locked or corrupt stores
            raise StoreError(f"cannot open store {self.location}: {exc}") from exc
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)

    def close(self) -> None:
        try:
            self.ds.close()
        except Exception:
            pass

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, **bindings):
        """Run SPARQL over the union of all graphs; `bindings` are bound as initBindings, never spliced in."""
        init = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bindings.items()}
        if self.remote and init:
            return self.ds.query(sparql, initNs=PREFIXES, initBindings=init)
        return self.ds.query(sparql, initNs=PREFIXES, initBindings=init)

    def named(self, name: str, **bindings):
        return self.query(load_query(name), **bindings)

    def checksum(self, doc: URIRef) -> str | None:
        rows = list(self.query("SELECT ?doc ?c WHERE { ?doc kg:checksum ?c } LIMIT 1", doc=doc))
        # pyoxigraph binds only variables that the SELECT projects
        return str(rows[0][1]) if rows else None

    def union_graph(self) -> Graph:
        """Every triple of every document, as one in-memory graph (for validation and export)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        res = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        for t in res:
            g.add(t)
        return g

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0])

    # ------------------------------------------------------------------ writing
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Atomically replace named graph `name` by `graph`."""
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
        self._update(f"DROP SILENT GRAPH {name.n3()} ;\nINSERT DATA {{ GRAPH {name.n3()} {{\n{body}\n}} }}")

    def drop_graph(self, name: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {name.n3()}")

    def _update(self, text: str) -> None:
        try:
            if self.remote:
                self.ds.store.update(text, {}, {}, None)
            else:
                self.ds.store.update(text, {}, {}, DATASET_DEFAULT_GRAPH_ID)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc.strerror or exc}") from exc
