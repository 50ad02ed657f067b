"""Small, careful edits of SPARQL text where rdflib and Oxigraph offer no API: binding variables for a remote
server (a VALUES block at the top of the WHERE clause), restricting a query to some named graphs (FROM clauses),
capping the number of results (LIMIT) and telling queries from updates.

Every edit works on the query's top level only: strings, IRIs and comments are masked first (replaced by spaces, so
that offsets stay those of the original text), then braces are counted. Terms are written with rdflib's `n3()`,
which escapes them; nothing a user typed is ever spliced in as SPARQL syntax.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from rdflib.term import Identifier, URIRef

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"(?<![\w:?$@.-])([A-Za-z]+)(?![\w:-])")
_LIMIT = re.compile(r"(?<![\w:?$])LIMIT\s+(\d+)", re.I)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def mask(text: str) -> str:
    """`text` with string literals, IRIs and comments replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif c == "<":
            m = _IRI.match(text, i)
            if m:
                blank(i, m.end())
                i = m.end()
            else:
                i += 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            j = min(n, j + len(quote))
            blank(i, j)
            i = j
        else:
            i += 1
    return "".join(out)


def _depths(masked: str) -> list[int]:
    depth, out = 0, []
    for c in masked:
        if c == "}":
            depth -= 1
        out.append(depth)
        if c == "{":
            depth += 1
    return out


def _top_words(masked: str) -> list[re.Match]:
    depth = _depths(masked)
    return [m for m in _WORD.finditer(masked) if depth[m.start()] == 0]


def form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK for a query, INSERT, DELETE, LOAD … for an update, None if neither."""
    for m in _top_words(mask(text)):
        word = m.group(1).upper()
        if word in QUERY_FORMS or word in UPDATE_FORMS:
            return word
    return None


def is_update(text: str) -> bool:
    return form(text) in UPDATE_FORMS


def _where_brace(text: str, masked: str) -> int:
    """Offset of the `{` opening the query's WHERE clause."""
    words = _top_words(masked)
    kind = next((m.group(1).upper() for m in words if m.group(1).upper() in QUERY_FORMS), None)
    where = next((m for m in words if m.group(1).upper() == "WHERE"), None)
    depth = _depths(masked)
    start = where.end() if where else 0
    if where is None and kind == "CONSTRUCT":
        raise ValueError("a CONSTRUCT query without WHERE")
    for i in range(start, len(masked)):
        if masked[i] == "{" and depth[i] == 0:
            return i
    raise ValueError("no WHERE clause in the query")


def bind_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """`text` with `bindings` as a VALUES block at the top of its WHERE clause: the variables are bound before
    the clause's patterns, OPTIONALs and FILTERs are evaluated (unlike rdflib's SPARQLStore, which appends VALUES
    after the query and so only joins the results)."""
    if not bindings:
        return text
    names = list(bindings)
    for v in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v):
            raise ValueError(f"not a variable name: {v!r}")
    block = (" VALUES (" + " ".join(f"?{v}" for v in names) + ") { ("
             + " ".join(bindings[v].n3() for v in names) + ") } ")
    i = _where_brace(text, mask(text)) + 1
    return text[:i] + block + text[i:]


def from_graphs(text: str, graphs: Iterable[URIRef]) -> str:
    """`text` with its default graph restricted to the union of `graphs` (FROM clauses before WHERE). With no
    graph at all, the query sees an empty default graph."""
    graphs = list(graphs)
    clauses = "".join(f" FROM {URIRef(g).n3()}" for g in graphs) or " FROM <urn:x-kg:no-graph>"
    masked = mask(text)
    words = _top_words(masked)
    where = next((m for m in words if m.group(1).upper() == "WHERE"), None)
    i = where.start() if where else _where_brace(text, masked)
    return text[:i] + clauses + "\n" + text[i:]


def cap_limit(text: str, limit: int) -> tuple[str, bool]:
    """`text` with at most `limit` results: a top-level LIMIT above it is lowered, a missing one added (before a
    trailing VALUES clause, if any). ASK queries and updates are returned as they are. Also returns whether the
    text was changed."""
    masked = mask(text)
    kind = form(text)
    if kind not in ("SELECT", "CONSTRUCT", "DESCRIBE"):
        return text, False
    depth = _depths(masked)
    for m in _LIMIT.finditer(masked):
        if depth[m.start()] == 0:
            if int(m.group(1)) <= limit:
                return text, False
            return text[:m.start(1)] + str(limit) + text[m.end(1):], True
    values = next((m for m in _top_words(masked) if m.group(1).upper() == "VALUES"), None)
    if values is not None:
        return text[:values.start()] + f"LIMIT {limit}\n" + text[values.start():], True
    return text.rstrip() + f"\nLIMIT {limit}\n", True


class Refused(ValueError):
    """A query this tool will not run: a one-line reason."""


_PREFIX_DECL = re.compile(r"(?<![\w:?$@.-])PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_PNAME = re.compile(r"([A-Za-z][\w.-]*)?:([\w.:%-]*)")
_VAR = re.compile(r"[?$]\w+")


def _skip_blank(text: str, i: int) -> int:
    """The offset of the first character at or after `i` that is neither white space nor in a comment."""
    while i < len(text):
        if text[i].isspace():
            i += 1
        elif text[i] == "#":
            j = text.find("\n", i)
            i = len(text) if j < 0 else j
        else:
            break
    return i


def services(text: str, prefixes: Mapping[str, str] | None = None) -> list[str | None]:
    """The endpoints of every SERVICE clause of `text`, at any depth: an IRI (prefixed names expanded with the
    query's PREFIX declarations, then `prefixes`), or None for a variable or anything that cannot be read. The word
    is found outside strings, IRIs and comments only, so `"SERVICE"` in a literal or a comment is no clause."""
    masked = mask(text)
    found = [m for m in _WORD.finditer(masked) if m.group(1).upper() == "SERVICE"]
    if not found:
        return []
    declared = dict(prefixes or {})
    for m in _PREFIX_DECL.finditer(masked):
        iri = _IRI.match(text, _skip_blank(text, m.end()))
        if iri:
            declared[m.group(1) or ""] = iri.group()[1:-1]
    out: list[str | None] = []
    for m in found:
        i = _skip_blank(text, m.end())
        silent = re.match(r"SILENT(?![\w:-])", masked[i:], re.I)
        if silent:
            i = _skip_blank(text, i + silent.end())
        iri = _IRI.match(text, i)
        pname = _PNAME.match(text, i)
        if iri:
            out.append(iri.group()[1:-1])
        elif pname and not _VAR.match(text, i) and (pname.group(1) or "") in declared:
            out.append(declared[pname.group(1) or ""] + pname.group(2))
        else:
            out.append(None)
    return out


def check_services(text: str, allowed: Iterable[str] = (), prefixes: Mapping[str, str] | None = None) -> None:
    """Raise `Refused` if `text` would make an outgoing request (a SERVICE clause) to an endpoint not in `allowed`."""
    allowed = {a.rstrip("/") for a in allowed}
    for endpoint in services(text, prefixes):
        if endpoint is None or endpoint.rstrip("/") not in allowed:
            where = f"<{endpoint}>" if endpoint else "with an endpoint that is not an IRI"
            hint = ("allow it with --allow-service " + endpoint) if endpoint else "only IRIs can be allowed"
            raise Refused(f"SERVICE {where} is refused: a query makes no outgoing request unless the endpoint is "
                          f"allowed ({hint})")


_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_USED_PREFIX = re.compile(r"(?:(?<=[\s{}();,./|^!=<>*+-])|^)([A-Za-z][\w.-]*)?:(?=[\w%\\]|[\s;,.{}()\[\]]|$)")


def undeclared_prefixes(text: str, prefixes: Mapping[str, str] | None = None) -> list[str]:
    """Prefixes `text` uses (outside strings, IRIs and comments) that neither it nor `prefixes` declares."""
    masked = mask(text)
    declared = set(prefixes or ()) | {m.group(1) or "" for m in _PREFIX_DECL.finditer(masked)}
    decl_at = {m.end() - 1 for m in _PREFIX_DECL.finditer(masked)}
    out = []
    for m in _USED_PREFIX.finditer(masked):
        name = m.group(1) or ""
        if m.end() - 1 in decl_at or name in declared or name in out or masked[max(0, m.start() - 1)] in "?$_@":
            continue
        out.append(name)
    return out


def explain(exc: BaseException, text: str, prefixes: Mapping[str, str] | None = None) -> str:
    """One line for an error the engine raised on `text`: a syntax error with its line, column and the token there
    (the unknown prefix named, a misspelt query form quoted), anything else by its first line."""
    message = str(exc).strip()
    m = _AT.match(message)
    if not isinstance(exc, SyntaxError) or not m:
        first = message.splitlines()[0] if message else type(exc).__name__
        return f"query failed: {first[:300]}"
    line, col, expected = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if "Prefix not found" in expected:
        unknown = undeclared_prefixes(text, prefixes)
        if unknown:
            names = ", ".join(f"'{p}:'" for p in unknown)
            return (f"unknown prefix {names} (line {line}, column {col}): declare it with PREFIX "
                    f"{unknown[0]}: <…>")
        return f"unknown prefix at line {line}, column {col}"
    first_word = re.match(r"\s*([A-Za-z]+)", mask(text))
    if form(text) is None and first_word and first_word.group(1).upper() not in ("PREFIX", "BASE"):
        return (f"syntax error at line 1: '{first_word.group(1)}' is not SELECT, ASK, CONSTRUCT or DESCRIBE "
                "(this command only reads)")
    lines = text.splitlines() or [""]
    if line > len(lines):  # past the text (a LIMIT the endpoint added): its end
        line, col = len(lines), len(lines[-1]) + 1
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    token = re.match(r"\S{1,30}", here[col - 1:]) if col >= 1 else None
    near = f"at '{token.group()}'" if token else "at the end of the query" if line >= len(lines) else "here"
    if len(expected) > 80:
        expected = expected[:77] + "…"
    return f"syntax error at line {line}, column {col}, {near}: {expected}"
