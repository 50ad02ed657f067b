"""`extract.holders.PostHolders` answers what the scan of every person it replaced answered (kept here as the
reference), on random persons, roles and texts: who holds a post of a country, who bears it with no country, and
whom a text names (it offers every person `post_links._named` finds, in their order)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.holders import PostHolders
from graph.extract.post_links import _named, same_post
from graph.records import Entity, Role, Sentence

WORDS = ["Li", "Lin", "Wei", "Ana", "Duarte", "O'Neil", "Jean-Luc", "al-Sabah", "Émile", "Kim", "Li Wei", ""]
TITLES = ["President", "Prime Minister", "Premier", "PM", "Foreign Minister", "FM", "Defense Minister",
          "Defence Minister"]
ORGS = [None, "", "country/ruritania", "country/freedonia", "org/acme", "country/nowhere"]
S = Sentence(0, 1)


def _reference(entities, holders, post, country, text):
    held = any(same_post(r.title) == post and r.org and entities.get(r.org) is not None
               and entities[r.org].label == country for e in holders.values() for r in e.roles)
    bare = [e for e in holders.values() if any(same_post(r.title) == post and r.org is None for r in e.roles)
            and not any(same_post(r.title) == post and r.org for r in e.roles)]
    named = [e for e in holders.values() if _named(e, text)]
    return held, bare, named


names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
labels = st.lists(st.sampled_from(WORDS[:-1]), min_size=1, max_size=3).map(" ".join)  # a label is never empty
roles = st.lists(st.builds(lambda t, o: Role(t, o, None, S, 0.8), st.sampled_from(TITLES), st.sampled_from(ORGS)),
                 max_size=3)
persons = st.lists(st.tuples(labels, st.sets(names, max_size=2), roles), max_size=8)


@settings(max_examples=200, deadline=None)
@given(persons, st.sampled_from(TITLES), st.sampled_from(["Ruritania", "Freedonia", "Acme"]),
       st.lists(st.sampled_from(WORDS + ["met", ",", "the", "Li-Wei", "LiWei", "(Kim)"]), max_size=12))
def test_the_index_answers_as_the_scan(people, title, country, words):
    entities = {"country/ruritania": Entity("country/ruritania", "Country", "Ruritania"),
                "country/freedonia": Entity("country/freedonia", "Country", "Freedonia"),
                "org/acme": Entity("org/acme", "Organization", "Acme")}
    holders = {}
    for i, (label, aliases, rs) in enumerate(people):
        holders[f"person/{i}"] = entities[f"person/{i}"] = Entity(f"person/{i}", "Person", label, aliases, [], rs)
    text = " ".join(words)
    index = PostHolders(entities, holders, same_post)
    post = same_post(title)
    held, bare, named = _reference(entities, holders, post, country, text)
    assert index.held(post, country) == held
    assert [e.key for e in index.bare(post)] == [e.key for e in bare]
    offered = index.named_in(text)
    assert [e.key for e in offered if _named(e, text)] == [e.key for e in named]
    keys = [e.key for e in offered]
    assert keys == sorted(keys, key=lambda k: int(k.split("/")[1]))  # in the persons' order


def test_roles_given_later_are_read_after_changed():
    p = Entity("person/a", "Person", "Ana Duarte", set(), [], [Role("President", None, None, S, 0.8)])
    land = Entity("country/ruritania", "Country", "Ruritania")
    index = PostHolders({"person/a": p, "country/ruritania": land}, {"person/a": p}, same_post)
    assert index.bare("president") == [p] and not index.held("president", "Ruritania")
    p.roles.append(Role("President", "country/ruritania", None, S, 0.8))
    index.changed()
    assert index.bare("president") == [] and index.held("president", "Ruritania")
