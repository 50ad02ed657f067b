"""A long document's roles are read piece by piece where its pieces are read (the workers of `kg build`), and the
analysis reads a piece's roles again only where the piece alone could not say them: the result is the one the
whole document gives."""

from graph.extract import analyse as module
from graph.extract import chunks
from graph.extract.analyse import analyse, piece_roles, read_pieces
from graph.extract.chunks import pieces_of
from graph.text.segment import normalize, segment

BODY = ("On 4 June 2024 President Ana Duarte received the Chairman of Norvik Shipping Corporation Tomas Berg in "
        "Lisbon. Minister of Foreign Affairs of Portugal Rui Matos and Ambassador of Spain Elena Ruiz attended.\n\n")


def _reader(nlp):
    """What `kg build`'s workers do: each piece read with the document's text at hand (`store/longdoc.PoolReader`)."""
    return lambda pieces, shorts, norm: read_pieces(pieces, nlp, shorts, text=norm)


def _roles_read_here(monkeypatch) -> list:
    """The pieces whose roles the analysis reads itself, after every piece is read (its places known then)."""
    called = []
    roles_of = module.roles_of

    def spy(piece, text):
        if not isinstance(piece.places, module._Unknown):
            called.append(piece)
        return roles_of(piece, text)

    monkeypatch.setattr(module, "roles_of", spy)
    return called


def test_roles_read_with_the_pieces_give_the_same_document(blank_nlp, monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK", 400)
    text = "Meeting with President Ana Duarte, 4 June 2024\n\n" + BODY * 12
    alone = analyse("long.txt", text, blank_nlp)
    here = _roles_read_here(monkeypatch)
    read = analyse("long.txt", text, blank_nlp, reader=_reader(blank_nlp))
    assert read == alone
    assert any(e.roles for e in alone.entities.values())
    assert not here  # every piece's roles came with the piece


def test_a_piece_that_needs_the_documents_places_is_read_again(blank_nlp, monkeypatch):
    """"Zembian Trade Minister": a demonym no gazetteer knows is the country of the text's place that it was made
    from, which may be named in another piece; that piece's roles wait for all of them."""
    monkeypatch.setattr(chunks, "CHUNK", 200)
    text = ("The delegation arrived in Zembia on 3 May 2024 for two days of talks.\n\n" + "Filler words here. " * 12
            + "\n\nOn 3 May 2024 President Ana Duarte met Zembian Trade Minister Kofi Tembo in Lisbon.\n")
    norm = normalize(text)
    pieces = pieces_of(norm, segment(norm))
    reads = list(read_pieces(pieces, blank_nlp, None, text=norm))
    assert len(pieces) >= 2 and any(r.roles is None for r in reads)
    assert all(p.places == [] for p in pieces)  # the piece is given back as it was
    alone = analyse("long.txt", text, blank_nlp)
    assert analyse("long.txt", text, blank_nlp, reader=_reader(blank_nlp)) == alone


def test_a_piece_given_a_mention_later_is_read_again(blank_nlp, monkeypatch):
    """A short form defined in one piece gives a mention to a later piece once every piece is read (or retypes
    one): that piece's roles are read again with its mentions as they are then; the others' are kept."""
    from dataclasses import replace

    monkeypatch.setattr(chunks, "CHUNK", 300)
    text = BODY * 3
    norm = normalize(text)
    pieces = pieces_of(norm, segment(norm))
    read = module._Read()
    for piece, got in zip(pieces, read_pieces(pieces, blank_nlp, None, text=norm)):
        read.add(piece, got)
    assert len(pieces) >= 3 and all(p.mentions for p in pieces)
    first, second = pieces[0], pieces[1]
    first.mentions.append(replace(first.mentions[0], type="Organization"))
    second.mentions = [replace(m, type="Project") if i == 0 else m for i, m in enumerate(second.mentions)]
    here = _roles_read_here(monkeypatch)
    for p in pieces:
        p.places = ["Portugal", "Spain"]
        assert read.roles(p, norm) == module.roles_of(p, norm)
    times = [sum(q is p for q in here) for p in pieces]  # once more for the comparison
    assert times == [2, 2] + [1] * (len(pieces) - 2)


def test_a_failing_rule_leaves_the_piece_to_the_analysis(blank_nlp, monkeypatch):
    def fail(piece, text):
        raise ValueError("a rule's bug")

    monkeypatch.setattr(module, "roles_of", fail)
    norm = normalize(BODY)
    (piece,) = pieces_of(norm, segment(norm))
    assert piece_roles(piece, norm) is None
