"""Canned questions on the seed (graph/canned.py, graph/queries/*.rq) and the SPARQL text edits they rely on."""

import csv
import io
import json
import subprocess
import sys

import pytest
from rdflib import Graph, Literal, URIRef

from graph.views import canned
from graph.views.canned import QuestionError
from graph.store.sparqltext import bind_values, cap_limit, form, from_graphs, is_update, mask
from graph.store.kgstore import KGStore

from .conftest import ROOT

XI, LUKA = "Xi Jinping", "Aleksandr Grigoryevich Lukashenko"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"


def titles(answer, part=None):
    p = answer.parts[0] if part is None else answer.part(part)
    i = p.columns.index("title")
    return [str(r[i]) for r in p.rows]


def rows(answer, part=None):
    p = answer.parts[0] if part is None else answer.part(part)
    return [{c: (None if v is None else str(v)) for c, v in zip(p.columns, r)} for r in p.rows]


# ---------------------------------------------------------------------------------------------------- SPARQL text

def test_mask_hides_strings_iris_and_comments_but_keeps_offsets():
    q = 'SELECT ?x WHERE { ?x <http://a/b#c> "a } # b" . # LIMIT 3 }\n FILTER(?x < 3) }'
    m = mask(q)
    assert len(m) == len(q)
    assert "}" not in m[m.index("<") - 1: m.index("FILTER") - 5].replace(" ", "")[:1]
    assert "LIMIT" not in m and "http" not in m and "a }" not in m
    assert "FILTER(?x < 3)" in m  # a comparison is no IRI


@pytest.mark.parametrize("text, kind", [
    ("PREFIX s: <https://schema.org/>\n# INSERT in a comment\nSELECT * WHERE { ?s s:name 'DELETE' }", "SELECT"),
    ("prefix insert: <urn:x>\nask { ?s insert:p ?o }", "ASK"),
    ("PREFIX s: <https://schema.org/> INSERT DATA { <urn:a> s:name 'x' }", "INSERT"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ("DROP GRAPH <urn:g>", "DROP"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
])
def test_form_tells_queries_from_updates(text, kind):
    assert form(text) == kind
    assert is_update(text) == (kind not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"))


@pytest.fixture(scope="module")
def tiny():
    store = KGStore("memory")
    for g, n in (("urn:g1", 3), ("urn:g2", 4)):
        graph = Graph()
        for i in range(n):
            graph.add((URIRef(f"{g}/s{i}"), URIRef("urn:p"), Literal(i)))
        store.replace_graph(URIRef(g), graph)
    yield store
    store.close()


@pytest.mark.parametrize("text, expected_rows, changed", [
    ("SELECT ?s WHERE { ?s ?p ?o }", 5, True),
    ("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s OFFSET 1", 5, True),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", 2, False),
    ("SELECT ?s WHERE { ?s ?p ?o } limit 500 # LIMIT 1", 5, True),
    ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100 } }", 5, True),
    ("SELECT ?s ?o WHERE { ?s ?p ?o } VALUES ?o { 0 1 2 3 }", 5, True),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", 5, True),
    ("ASK { ?s ?p ?o }", None, False),
])
def test_cap_limit_keeps_queries_valid(tiny, text, expected_rows, changed):
    capped, did = cap_limit(text, 5)
    assert did == changed
    res = tiny.query(capped)
    if expected_rows is not None:
        assert len(list(res)) == expected_rows


def test_bind_values_binds_before_filters(tiny):
    q = "SELECT ?s WHERE { ?s ?p ?o FILTER (COALESCE(STR(?min) = '', true) || ?o >= ?min) }"
    assert len(list(tiny.query(q))) == 7
    bound = bind_values(q, {"min": Literal(2)})
    assert bound.index("VALUES") < bound.index("FILTER")
    assert len(list(tiny.query(bound))) == 3  # 2 (g1) + 2,3 (g2)
    with pytest.raises(ValueError):
        bind_values(q, {"bad name": Literal(1)})


def test_optional_lines_of_a_query_follow_its_bound_parameters(monkeypatch, tmp_path):
    import graph.store.kgstore as store_mod

    (tmp_path / "q.rq").write_text("SELECT ?x ?with WHERE {\n  ?x ?p ?o .\n"
                                   "  FILTER (?x = ?with)  #? with\n  FILTER (?o != 1)  #?! with\n}\n")
    monkeypatch.setattr(store_mod, "QUERIES", tmp_path)
    unbound = store_mod.load_query("q", {})
    assert "?with)" not in unbound and "FILTER (?o != 1)" in unbound and "#?" not in unbound
    bound = store_mod.load_query("q", {"with": URIRef("urn:a")})
    assert "FILTER (?x = ?with)" in bound and "?o != 1" not in bound and "#?" not in bound
    assert "#? with" in store_mod.load_query("q")  # the file as written


@pytest.mark.parametrize("query", ["meetings", "meetings_page", "events", "events_page"])
def test_every_optional_filter_line_names_a_projected_parameter(query):
    """A `#? VAR` line whose VAR the query does not project could never be bound."""
    import re

    from graph.store.kgstore import load_query

    text = load_query(query)
    head = text[text.index("SELECT"):text.index("WHERE")]
    marked = set(re.findall(r"#\?!?\s*(\w+)\s*$", text, flags=re.M))
    assert marked and all(f"?{v}" in head for v in marked)


def test_values_lines_bind_a_list_inside_a_sub_select(tiny):
    """A `#$VALUES VAR` line binds VAR where the query says (a list: one row a term); the top-level VALUES block
    leaves a list out; without the binding the line stays a comment."""
    q = ("SELECT ?s ?n WHERE { { SELECT ?s (COUNT(*) AS ?n) WHERE {\n  #$VALUES s\n  ?s ?p ?o } GROUP BY ?s } }\n"
         "ORDER BY ?s")
    picked = [URIRef("urn:g1/s0"), URIRef("urn:g2/s3")]
    assert [r.s for r in tiny.query(q, s=picked)] == picked
    assert [r.s for r in tiny.query(q, s=picked[:1])] == picked[:1]
    assert len(list(tiny.query(q))) == 7


def test_a_view_sees_only_its_graphs(tiny):
    assert len(list(tiny.view([URIRef("urn:g1")]).query("SELECT ?s WHERE { ?s ?p ?o }"))) == 3
    assert list(tiny.view([]).query("SELECT ?s WHERE { ?s ?p ?o }")) == []
    assert "FROM <urn:g2>" in from_graphs("SELECT * WHERE { ?s ?p ?o }", [URIRef("urn:g2")])


# ---------------------------------------------------------------------------------------------------- parameters

@pytest.mark.parametrize("text, end, expected", [
    ("2023-03-01", False, "2023-03-01"), ("2023-03", False, "2023-03-01"), ("2023-02", True, "2023-02-28"),
    ("2024", True, "2024-12-31"), ("2024", False, "2024-01-01"),
])
def test_dates_are_bound_as_xsd_dates(text, end, expected):
    assert canned.parse_date(text, end=end) == Literal(expected, datatype=URIRef(XSD_NS + "date"))


@pytest.mark.parametrize("bad", ["2023-13", "2023-02-30", "March 2023", "23-03-01"])
def test_bad_dates_are_refused(bad):
    with pytest.raises(QuestionError):
        canned.parse_date(bad)


def test_names_resolve_case_insensitively_by_name_and_alias(seed_store):
    assert [m.label for m in canned.resolve(seed_store, "xi jinping")] == [XI]
    assert [m.label for m in canned.resolve(seed_store, "LUKASHENKO")] == [LUKA]  # an alternate name
    assert [m.label for m in canned.resolve(seed_store, "great stone")] == ["Great Stone Industrial Park"]
    assert [m.label for m in canned.resolve(seed_store, "Zhu")] == ["Zhu Hexin"]  # whole words of a name
    assert canned.resolve(seed_store, "Hexi") == []  # not part of a word
    assert canned.resolve(seed_store, 'Xi" } ; DROP ALL ; {') == []  # bound, never spliced


# ---------------------------------------------------------------------------------------------------- questions

def test_meetings_with_a_person(seed_store):
    answer = canned.meetings(seed_store, with_=[XI])
    assert "Negotiations with China President Xi Jinping" in titles(answer)
    assert all(XI in r["participants"] for r in rows(answer))
    assert len(rows(answer)) == 2  # the talks, and the meeting told in passing (Samarkand, 2022-09)


def test_meetings_in_a_date_range(seed_store):
    since = rows(canned.meetings(seed_store, with_=[XI], since="2023-03-01"))
    assert [r["title"] for r in since] == ["Negotiations with China President Xi Jinping"]
    until = rows(canned.meetings(seed_store, until="2023-02-28"))
    assert {r["start"] for r in until} == {"2022-09", "2023-02-27", "2023-02-28"}
    march = titles(canned.meetings(seed_store, since="2023-03"))
    assert "State visit to the People's Republic of China" in march  # 28 February - 2 March overlaps March
    assert all(r["start"] for r in rows(canned.meetings(seed_store, since="2000")))  # undated ones left out


def test_meetings_of_two_actors_about_a_topic(seed_store):
    both = titles(canned.meetings(seed_store, with_=["Lukashenko", "Li Keqiang"]))
    assert both == ["Meeting with Premier of the State Council of the People's Republic of China Li Keqiang"]
    about = rows(canned.meetings(seed_store, about="Great Stone"))
    assert both[0] in [r["title"] for r in about]
    assert all("Great Stone Industrial Park" in r["topics"] for r in about)


def test_filters_combine_as_an_intersection(seed_store):
    def events(**kw):
        return {r["event"] for r in rows(canned.meetings(seed_store, **kw))}

    combined = events(with_=["Lukashenko"], since="2023-03-01", about="Great Stone")
    assert combined == events(with_=["Lukashenko"]) & events(since="2023-03-01") & events(about="Great Stone")
    assert combined
    assert events(with_=[XI], since="2023-03-01", about="Great Stone") == set()  # the example: no such


@pytest.mark.parametrize("kw", [{}, {"with_": [XI]}, {"with_": ["Lukashenko"], "since": "2023-03-01"},
                                {"about": "Great Stone"}, {"org": "China"}, {"until": "2023-02-28"}])
def test_pages_of_a_filtered_listing_are_its_slices(seed_store, kw):
    """A page is chosen with the filters (meetings_page.rq), then read (meetings.rq): the same rows as the listing's
    slice, for one run and for a name that resolves to several IRIs (runs merged)."""
    whole = canned.meetings(seed_store, **kw).parts[0].rows
    assert whole
    for size in (1, 2, 5):
        pages = [canned.meetings(seed_store, limit=size, offset=k, **kw).parts[0].rows
                 for k in range(0, len(whole) + size, size)]
        assert [r for p in pages for r in p] == whole and not pages[-1]
    assert canned.meetings(seed_store, limit=0, **kw).parts[0].rows == []
    assert canned.meetings(seed_store, offset=1, **kw).parts[0].rows == whole[1:]


def test_meetings_of_an_organisation_and_its_people(seed_store):
    assert titles(canned.meetings(seed_store, org="CITIC Group Corporation")) == [
        "Meeting with Chairman of CITIC Group Corporation Zhu Hexin"]
    china = titles(canned.meetings(seed_store, org="China"))
    assert "Negotiations with China President Xi Jinping" in china  # Xi holds a post in China


def test_unknown_names_are_one_line_errors(seed_store):
    with pytest.raises(QuestionError, match="no person, organisation or country named 'Nobody'"):
        canned.meetings(seed_store, with_=["Nobody"])
    with pytest.raises(QuestionError, match="matches .* events"):
        canned.meeting(seed_store, "Meeting with")


def test_what_a_meeting_was_about(seed_store):
    answer = canned.meeting(seed_store, "zhu hexin")
    assert titles(answer, "event") == ["Meeting with Chairman of CITIC Group Corporation Zhu Hexin"]
    assert rows(answer, "event")[0]["partOf"] == "State visit to the People's Republic of China"
    people = {r["name"]: r["role"] for r in rows(answer, "participants")}
    assert people["Zhu Hexin"] == "guest" and people[LUKA] == "host"
    topics = [r for r in rows(answer, "topics") if r["how"] == "topic"]
    assert [int(r["rank"]) for r in topics] == list(range(1, len(topics) + 1))
    assert {"mining and processing plant", "Geely car plant",
            "Belarusian National Biotechnological Corporation"} <= {r["topic"] for r in topics}


def test_a_profile(seed_store):
    answer = canned.profile(seed_store, "Li Keqiang")
    assert rows(answer, "actor")[0]["kind"] == "Person"
    posts = rows(answer, "posts")
    assert [(p["title"], p["organization"]) for p in posts] == [
        ("Premier", "State Council of the People's Republic of China")]
    assert titles(answer, "meetings") == [
        "Meeting with Premier of the State Council of the People's Republic of China Li Keqiang"]
    assert [(r["name"], r["events"]) for r in rows(answer, "met")] == [(LUKA, "1")]
    with pytest.raises(QuestionError):
        canned.profile(seed_store, "Great Stone")  # not an actor


def test_where_equipment_was_discussed(seed_store):
    found = rows(canned.discussed(seed_store, "Su-30SM"))
    assert [(r["start"], r["how"]) for r in found] == [("2023-02-27", "topic")]
    assert "Su-30SM" in found[0]["sentence"]
    assert found[0]["document"] == "presidents-week-2023-02-27.txt"
    great = rows(canned.discussed(seed_store, "Great Stone"))
    assert any("Li Keqiang" in r["title"] and "Great Stone" in r["sentence"] for r in great)


def test_a_timeline(seed_store):
    answer = canned.events(seed_store)
    found = rows(answer)
    assert len(found) == len(list(seed_store.named("meetings")))
    starts = [r["start"] or "" for r in found]
    assert starts == sorted(starts)
    subs = [r for r in found if r["partOf"] == "State visit to the People's Republic of China"
            and r["reported"] == "false"]
    assert len(subs) >= 6 and all("2023-02-28" <= r["start"] <= "2023-03-02" for r in subs)
    window = rows(canned.events(seed_store, since="2023-03-02", until="2023-03-02"))
    assert window and all(r["start"] == "2023-03-02" or r["end"] for r in window)


def test_who_attended_together(seed_store):
    pairs = rows(canned.together(seed_store, min_events=2))
    assert any({r["actor"], r["other"]} == {XI, LUKA} and int(r["events"]) >= 2 for r in pairs)
    assert all(int(r["events"]) >= 2 for r in pairs)
    with_xi = rows(canned.together(seed_store, with_="Xi Jinping"))
    assert with_xi and all(r["actor"] == XI for r in with_xi)
    everyone = rows(canned.together(seed_store))
    assert len({frozenset((r["a"], r["b"])) for r in everyone}) == len(everyone)  # each pair once


# ---------------------------------------------------------------------------------------------------- output

def test_output_formats(seed_store):
    answer = canned.meetings(seed_store, with_=[XI])
    out = io.StringIO()
    canned.write(answer, "json", out)
    data = json.loads(out.getvalue())
    assert data[0]["reported"] is True and data[0]["start"] == "2022-09"
    out = io.StringIO()
    canned.write(answer, "sparql-json", out)
    srj = json.loads(out.getvalue())
    assert srj["head"]["vars"] == canned.MEETINGS
    assert srj["results"]["bindings"][0]["event"]["type"] == "uri"
    assert srj["results"]["bindings"][0]["start"]["datatype"] == XSD_NS + "gYearMonth"
    out = io.StringIO()
    canned.write(answer, "csv", out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[0] == canned.MEETINGS
    out = io.StringIO()
    canned.write(answer, "table", out)
    assert "https://" not in out.getvalue() and "Negotiations" in out.getvalue()
    out = io.StringIO()
    canned.write(canned.profile(seed_store, XI), "json", out)
    assert set(json.loads(out.getvalue())) == {"actor", "posts", "meetings", "met"}


def test_cli_canned_questions(seed_store_dir):
    r = subprocess.run([sys.executable, "-m", "graph.cli", "meetings", "--store", str(seed_store_dir), "--with",
                        "xi jinping", "--since", "2023-03-01", "--format", "sparql-json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    bindings = json.loads(r.stdout)["results"]["bindings"]
    assert [b["title"]["value"] for b in bindings] == ["Negotiations with China President Xi Jinping"]
    r = subprocess.run([sys.executable, "-m", "graph.cli", "profile", "Nobody", "--store", str(seed_store_dir)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and r.stderr.strip() == "kg: error: no person, organisation or country named " \
                                                     "'Nobody' in the store"


def test_meetings_in_pages_concatenate_to_the_whole_listing(tmp_path):
    from graph.store.build import build

    with KGStore(tmp_path / "s") as store:
        build([ROOT / "tests" / "corpus"], store, model="blank", jobs=1)
        whole = canned.meetings(store).parts[0].rows
        assert len(whole) > 5
        pages = [canned.meetings(store, limit=3, offset=k).parts[0].rows for k in range(0, len(whole) + 3, 3)]
        assert all(len(p) <= 3 for p in pages) and not pages[-1]
        assert [r for p in pages for r in p] == whole
        with pytest.raises(QuestionError):
            canned.meetings(store, offset=-1)
    r = subprocess.run([sys.executable, "-m", "graph.cli", "meetings", "--store", str(tmp_path / "s"), "--limit",
                        "2", "--offset", "1", "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert [m["title"] for m in json.loads(r.stdout)] == [str(row[3]) for row in whole[1:3]]



@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """tests/corpus (nine documents, blank spaCy pipeline + rules) in a store."""
    from graph.store.build import build

    with KGStore(tmp_path_factory.mktemp("corpus") / "s") as store:
        build([ROOT / "tests" / "corpus"], store, model="blank", jobs=1)
        yield store


def _pages(ask, size: int, total: int, part: str | None = None, **kw) -> list[list]:
    pages = [ask(limit=size, offset=k, **kw) for k in range(0, total + size, size)]
    pages = [(p.parts[0] if part is None else p.part(part)).rows for p in pages]
    assert all(len(p) <= size for p in pages) and not pages[-1]
    return [r for p in pages for r in p]


@pytest.mark.parametrize("question, kw", [
    ("events", {}), ("events", {"since": "2024-05"}), ("events", {"with_": "Kassym-Jomart Tokayev"}),
    ("together", {}), ("together", {"since": "2024-06"}), ("together", {"with_": "Kassym-Jomart Tokayev"}),
    ("together", {"until": "2024-09-30"}), ("discussed", {"name": "BelAZ 75710"}),
])
def test_every_listing_in_pages_concatenates_to_the_whole(corpus_store, question, kw):
    """`kg events`, `kg together`, `kg discussed` page like `kg meetings` (--limit/--offset): a page is chosen by
    the listing's order and filters, then read; pages do not overlap and concatenated are the whole answer."""
    ask = lambda **more: getattr(canned, question)(corpus_store, **kw, **more)  # noqa: E731
    whole = ask().parts[0].rows
    assert whole
    for size in (1, 3):
        assert _pages(ask, size, len(whole)) == whole
    assert ask(limit=0).parts[0].rows == []
    assert ask(offset=2).parts[0].rows == whole[2:]
    with pytest.raises(QuestionError):
        ask(offset=-1)


def test_a_profile_pages_its_meetings_and_whom_it_met(corpus_store):
    whole = canned.profile(corpus_store, "Kassym-Jomart Tokayev")
    for part in ("meetings", "met"):
        rows = whole.part(part).rows
        assert len(rows) > 2
        assert _pages(lambda **kw: canned.profile(corpus_store, "Kassym-Jomart Tokayev", **kw), 2, len(rows),
                      part) == rows
    first = canned.profile(corpus_store, "Kassym-Jomart Tokayev", limit=1)
    assert first.part("actor").rows == whole.part("actor").rows and first.part("posts").rows == whole.part("posts").rows


def test_together_counts_pairs_once_ordered_by_events_then_names(corpus_store):
    pairs = rows(canned.together(corpus_store))
    keys = [(-int(r["events"]), r["actor"], r["other"]) for r in pairs]
    assert keys == sorted(keys) and len({frozenset((r["a"], r["b"])) for r in pairs}) == len(pairs)
    assert all(r["a"] < r["b"] for r in pairs)
    top = pairs[0]
    assert int(top["events"]) == len(top["titles"].split(" | ")) or int(top["events"]) > 1
    mine = rows(canned.together(corpus_store, with_=top["actor"]))
    assert mine and all(r["actor"] == top["actor"] and r["b"] != r["a"] for r in mine)
    assert {r["b"] for r in mine} >= {top["b"]}


def test_the_cli_pages_every_listing(seed_store, seed_store_dir):
    def kg(*args):
        r = subprocess.run([sys.executable, "-m", "graph.cli", *args, "--store", str(seed_store_dir)],
                           capture_output=True, text=True, cwd=ROOT)
        return r

    for question, args in (("events", ()), ("together", ()), ("discussed", ("Great Stone",))):
        whole = rows(getattr(canned, question)(seed_store, *args))
        r = kg(question, *args, "--limit", "2", "--offset", "1", "--format", "json")
        assert r.returncode == 0, r.stderr
        got = json.loads(r.stdout)
        assert len(got) == len(whole[1:3]) and all(g["event" if "event" in g else "a"] == w["event" if "event" in w
                                                      else "a"] for g, w in zip(got, whole[1:3])), question
    r = kg("profile", XI, "--limit", "1", "--format", "json")
    assert r.returncode == 0 and all(len(part) <= 1 for part in json.loads(r.stdout).values())
    r = kg("events", "--limit", "-1")
    assert r.returncode == 2 and r.stderr.strip() == "kg: error: --limit and --offset are counts: 0 or more"

# ---------------------------------------------------------------------------------------------------- export json

# The export as it was assembled before it was streamed: five queries, every entity and event held in dicts.
_OLD_EXPORT = {
    "entities": """SELECT ?entity ?type (MIN(?n) AS ?label) (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases)
WHERE {
  VALUES (?cls ?type) {
    (schema:Person "Person") (schema:Organization "Organization") (schema:Country "Country")
    (schema:Place "Place") (kg:Project "Project") (kg:Equipment "Equipment") (kg:Topic "Topic") (kg:Agreement "Agreement")
  }
  GRAPH ?g { ?entity a ?cls ; schema:name ?n . OPTIONAL { ?entity schema:alternateName ?alias } }
} GROUP BY ?entity ?type ORDER BY ?type ?label""",
    "roles": """SELECT DISTINCT ?person ?title ?org WHERE { GRAPH ?g { ?person org:holds ?post .
  ?post org:role/skos:prefLabel ?title . OPTIONAL { ?post org:postIn ?org } } } ORDER BY ?person ?title""",
    "events": """SELECT ?event ?type (MIN(?l) AS ?label) (MIN(?s) AS ?start) (MAX(?e) AS ?end) (MIN(?sup) AS ?partOf)
       (MIN(?pl) AS ?place) (MAX(?rep) AS ?reported) (MAX(?c) AS ?confidence)
WHERE {
  GRAPH ?g {
    ?event a ?cls ; schema:name ?l .
    VALUES ?cls { $EVENT_CLASSES }
    OPTIONAL { ?event schema:startDate ?s } OPTIONAL { ?event schema:endDate ?e }
    OPTIONAL { ?event schema:superEvent ?sup } OPTIONAL { ?event schema:location ?pl }
    OPTIONAL { ?event kg:reported ?rep } OPTIONAL { ?event kg:confidence ?c }
  }
  BIND (STRAFTER(STR(?cls), "#") AS ?type0) BIND (IF(?type0 = "", "Event", ?type0) AS ?type)
} GROUP BY ?event ?type ORDER BY ?start ?event""",
    "participants": """SELECT ?event ?agent ?role (MAX(?c) AS ?confidence) WHERE { GRAPH ?g {
  ?event kg:participation ?p . ?p kg:agent ?agent ; kg:role ?role . OPTIONAL { ?p kg:confidence ?c } } }
GROUP BY ?event ?agent ?role ORDER BY ?event DESC(?confidence) ?agent""",
    "topics": """SELECT ?event ?subject (MIN(?r) AS ?rank) (MAX(?c) AS ?confidence) WHERE { GRAPH ?g {
  ?event kg:topicAssignment ?t . ?t kg:subject ?subject ; kg:rank ?r . OPTIONAL { ?t kg:confidence ?c } } }
GROUP BY ?event ?subject ORDER BY ?event ?rank ?subject""",
}


def _old_export_json(store) -> dict:
    from graph.rdf.namespaces import event_classes_sparql

    def q(name):
        return store.query(_OLD_EXPORT[name].replace("$EVENT_CLASSES", event_classes_sparql()))

    s = lambda v: None if v is None else str(v)  # noqa: E731
    entities: dict[str, dict] = {}
    for row in q("entities"):
        e = entities.setdefault(str(row.entity), {"id": str(row.entity), "type": str(row.type),
                                                  "label": str(row.label), "aliases": [], "roles": []})
        e["aliases"] = sorted({*e["aliases"], *(a for a in str(row.aliases or "").split("\u001f") if a)})
    for row in q("roles"):
        if str(row.person) in entities:
            entities[str(row.person)]["roles"].append({"title": str(row.title), "organization": s(row.org)})
    events: dict[str, dict] = {}
    for row in q("events"):
        events.setdefault(str(row.event), {
            "id": str(row.event), "type": str(row.type), "label": str(row.label), "start": s(row.start),
            "end": s(row.end), "participants": [], "topics": [], "part_of": s(row.partOf), "place": s(row.place),
            "reported": bool(row.reported and row.reported.toPython()),
            "confidence": float(row.confidence) if row.confidence is not None else None})
    for part, column in (("participants", "agent"), ("topics", "subject")):
        for row in q(part):
            ev = events.get(str(row.event))
            if ev is not None and str(row[column]) not in ev[part]:
                ev[part].append(str(row[column]))
    return {"entities": list(entities.values()), "events": list(events.values())}


def test_streamed_json_export_is_the_export_as_it_was_assembled(seed_store, seed_export):
    """`kg export --format json` writes entity by entity, event by event (export.write_json); what it writes reads
    back as the export that held everything in dicts, and as `export_json`."""
    from graph.views.export import write_json

    out = io.StringIO()
    write_json(seed_store, out)
    streamed = json.loads(out.getvalue())
    assert streamed["entities"] and streamed["events"] and any(e["roles"] for e in streamed["entities"])
    assert any(len(e["participants"]) > 2 for e in streamed["events"])
    assert streamed == _old_export_json(seed_store) == seed_export
    assert out.getvalue() == json.dumps(seed_export, ensure_ascii=False, indent=2) + "\n"  # byte for byte


def test_streamed_json_export_of_an_empty_store(tmp_path):
    from graph.views.export import write_json

    out = io.StringIO()
    with KGStore(tmp_path / "s") as store:
        write_json(store, out)
    assert out.getvalue() == json.dumps({"entities": [], "events": []}, indent=2) + "\n"


def test_the_unfiltered_page_is_chosen_in_the_order_of_meetings_page_rq(tmp_path):
    """Without filters a page of `kg meetings` is chosen from flat reads sorted in Python (canned._unfiltered_page);
    its order must be the SPARQL one: an event's earliest start over the documents telling it (dates of three
    types: xsd:date, gYearMonth, gYear), undated events first, then IRI, then type (an event of two classes); and
    pages of it concatenate to the whole listing."""
    from rdflib import RDF
    from rdflib.namespace import SDO, XSD

    from graph.rdf.namespaces import KG

    ev = lambda n: URIRef(f"https://example.org/event/{n}")  # noqa: E731
    docs = {
        "d1": [(ev("a"), KG.Meeting, "2023-05-02", XSD.date), (ev("b"), KG.Visit, "2023-05", XSD.gYearMonth),
               (ev("c"), KG.Summit, "2023", XSD.gYear), (ev("u"), KG.PhoneCall, None, None),
               (ev("t"), SDO.Event, "2023-05-02", XSD.date)],
        "d2": [(ev("a"), KG.Visit, "2022-12-31", XSD.date), (ev("c"), KG.Summit, "2023-01-10", XSD.date),
               (ev("v"), KG.Meeting, None, None), (ev("b"), KG.Visit, None, None)],
    }
    with KGStore(tmp_path / "s") as store:
        for name, events in docs.items():
            g = Graph()
            for e, cls, start, dtype in events:
                g.add((e, RDF.type, cls))
                g.add((e, SDO.name, Literal(f"event {e[-1]}")))
                if start:
                    g.add((e, SDO.startDate, Literal(start, datatype=dtype)))
            store.replace_graph(URIRef(f"https://example.org/doc/{name}"), g)
        in_sparql = [(r.event, canned._type(r.cls)) for r in store.named("meetings_page", page=(None, 0))]
        assert canned._unfiltered_page(store, None, 0) == in_sparql
        # a start with a line break cannot be read packed in one string: read row by row, same order
        odd = Graph()
        odd.add((ev("n"), RDF.type, KG.Summit))
        odd.add((ev("n"), SDO.startDate, Literal("2023-01\nor later")))
        store.replace_graph(URIRef("https://example.org/doc/d3"), odd)
        assert len(list(canned._events_of_class(store, KG.Summit))) == 3
        with_odd = [(r.event, canned._type(r.cls)) for r in store.named("meetings_page", page=(None, 0))]
        assert canned._unfiltered_page(store, None, 0) == with_odd and (ev("n"), "Summit") in with_odd
        store.drop_graph(URIRef("https://example.org/doc/d3"))
        # b: undated in d2, so undated (SPARQL's MIN over an unbound value); a: each class its own graph's date;
        # c: "2023" (gYear) before "2023-01-10" (xsd:date)
        assert [str(e)[-1] + ":" + t for e, t in in_sparql] == [
            "b:Visit", "u:PhoneCall", "v:Meeting", "a:Visit", "c:Summit", "a:Meeting", "t:Event"]
        whole = canned.meetings(store).parts[0].rows
        for size in (1, 2, 3):
            pages = [canned.meetings(store, limit=size, offset=k).parts[0].rows for k in range(0, len(whole) + 1, size)]
            assert [r for p in pages for r in p] == whole
