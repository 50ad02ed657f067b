"""What a meeting produced: the documents signed or adopted at it and the deals made ("signed an agreement on oil
product supplies", "a memorandum of understanding was signed", "adopted a joint statement", "the signing of a
roadmap for 2024-2026", "placed an order for 20 aircraft").

`outcome_phrases(sent)` reads one parsed sentence and returns an `OutcomePhrase` for each: the document's label (its
noun with its modifiers and what it is on, "agreement on oil product supplies"), where it is, and who signed it as
the text says: the signing verb's subject or its passive agent ("by the foreign ministers"), or the parties after
"between". A subject that names no one ("the sides", "they", "the two leaders") is `collective`: the caller takes
the event's participants.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp.tokens import lemmas_lowers, parts_of_speech

# the documents and deals a meeting produces
DOCUMENT_NOUNS = {"agreement", "memorandum", "mou", "roadmap", "treaty", "accord", "contract", "protocol", "deal",
                  "declaration", "communique", "communiqué", "convention", "charter", "statement", "order",
                  "programme", "program", "plan", "pact", "letter"}
# heads that need a word more to be an outcome: "joint statement", "action plan", "letter of intent"
NEEDS_MODIFIER = {"statement": {"joint"}, "plan": {"action", "joint", "comprehensive"}, "letter": {"intent"},
                  "programme": {"joint", "cooperation"}, "program": {"joint", "cooperation"}}
# verbs that make one: "signed", "inked", "concluded", "adopted", "placed an order", "reached an agreement"
MAKING_VERBS = {"sign", "ink", "conclude", "adopt", "endorse", "seal", "strike", "clinch", "initial", "ratify",
                "approve", "exchange", "reach", "place", "issue", "finalize", "finalise"}
# nouns of the act: "the signing of an agreement", "the conclusion of a contract"
MAKING_NOUNS = {"signing", "signature", "conclusion", "adoption", "exchange", "ratification"}
COLLECTIVE = {"side", "sides", "party", "parties", "leader", "leaders", "they", "we", "both", "two", "delegations",
              "heads", "president", "presidents", "minister", "ministers", "country", "countries", "government",
              "governments"}
COMPLEMENT_PREPS = {"on", "of", "for", "in", "regarding", "concerning", "about", "to", "between"}
DROP = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "several", "some",
        "number", "new", "relevant", "respective", "important", "following"}
MAX_WORDS = 12


@dataclass(frozen=True)
class OutcomePhrase:
    label: str
    start: int  # character offsets in the sentence's Doc
    end: int
    signers: tuple[tuple[int, int], ...]  # character spans of who signed, as written
    collective: bool  # "the sides signed …": the event's participants
    sentence: tuple[int, int]  # the sentence's character span

    def moved(self, offset: int) -> OutcomePhrase:
        """The same phrase with its offsets into the document (a piece's Doc starts at `offset`)."""
        return OutcomePhrase(self.label, self.start + offset, self.end + offset,
                             tuple((a + offset, b + offset) for a, b in self.signers), self.collective,
                             (self.sentence[0] + offset, self.sentence[1] + offset))


def outcome_phrases(sent: Span) -> list[OutcomePhrase]:
    out: list[OutcomePhrase] = []
    seen: set[int] = set()
    doc = sent.doc
    lemmas, _ = lemmas_lowers(doc)  # `_is_document`'s first test read from the doc's arrays: a Token only past it
    tags = parts_of_speech(doc)
    for i in range(sent.start, sent.end):
        if tags[i] not in ("NOUN", "PROPN") or lemmas[i].lower() not in DOCUMENT_NOUNS:
            continue
        tok = doc[i]
        if tok.i in seen or not _is_document(tok):
            continue
        maker = _maker(tok)
        if maker is None:
            continue
        for doc_tok in [tok] + [c for c in tok.conjuncts if c.i > tok.i and _is_document(c)]:
            seen.add(doc_tok.i)
            words = _label_words(doc_tok)
            # "an agreement", "two agreements", "the deals" say neither which nor about what: a topic at most
            said = [w for w in words if w != doc_tok and w.dep_ not in ("nummod", "quantmod") and not w.like_num]
            if not said or doc_tok.tag_ in ("NNS", "NNPS") and not any(w.i > doc_tok.i for w in words):
                continue
            label = _text(words)
            signers, collective = _signers(maker, doc_tok)
            out.append(OutcomePhrase(label, words[0].idx, words[-1].idx + len(words[-1].text), signers, collective,
                                     (sent.start_char, sent.end_char)))
    return out


def _is_document(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or lemma not in DOCUMENT_NOUNS:
        return False
    need = NEEDS_MODIFIER.get(lemma)
    if need is None:
        return True
    near = {c.lower_ for c in tok.children} | {w.lower_ for c in tok.children if c.dep_ == "prep" for w in c.children}
    return bool(near & need)


def _maker(tok: Token) -> Token | None:
    """The verb or noun that says the document was made: "signed [an agreement]", "[a memorandum] was signed",
    "the signing of [a contract]", "[agreements] signed during the visit"; None for a document only mentioned."""
    head = tok
    while head.dep_ == "conj":  # "signed a memorandum and [an agreement]"
        head = head.head
    h = head.head
    if head.dep_ in ("dobj", "nsubjpass") and h.lemma_.lower() in MAKING_VERBS and h.pos_ in ("VERB", "AUX"):
        if h.lemma_.lower() == "place" and tok.lemma_.lower() != "order":
            return None
        if h.lemma_.lower() == "reach" and tok.lemma_.lower() not in ("agreement", "deal", "accord"):
            return None
        return h
    if head.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "of" and h.head.lemma_.lower() in MAKING_NOUNS:
        return h.head
    for c in tok.children:  # "the agreement signed today", "documents inked during the visit"
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in MAKING_VERBS and c.tag_ in ("VBN", "VBD"):
            return c
    return None


def _label_words(tok: Token) -> list[Token]:
    left = [w for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod", "quantmod")
            for w in c.subtree if w.lower_ not in DROP and not w.is_punct or w.text in ("-", "–")]
    words = left + [tok]
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS:
            sub = [w for w in c.subtree if w.dep_ not in ("relcl", "acl") and not any(
                a.dep_ in ("relcl", "acl") and a.i < w.i and a in c.subtree for a in w.ancestors)]
            sub = [w for w in sub if w.lower_ not in ("a", "an", "the")]
            if len(sub) + len(words) <= MAX_WORDS and not any(w.is_punct and w.text in ",;" for w in sub):
                words += sub
            break
    return sorted(set(words), key=lambda w: w.i)


def _text(words: list[Token]) -> str:
    parts = []
    for i, w in enumerate(words):
        parts.append(w.text)
        if i + 1 < len(words):
            parts.append(w.whitespace_ or (" " if words[i + 1].i != w.i + 1 else ""))
    text = "".join(parts).strip(" ,-")
    return text if any(w.pos_ == "PROPN" for w in words) else text.lower()


def _signers(maker: Token, doc_tok: Token) -> tuple[tuple[tuple[int, int], ...], bool]:
    """Who signed: the maker verb's subject (and its conjuncts), its passive agent, or the parties "between" after
    the document; `collective` when the subject names no one."""
    heads: list[Token] = []
    for c in maker.children:
        if c.dep_ == "nsubj":
            heads += [c, *c.conjuncts]
        if c.dep_ == "agent":
            heads += [w for p in c.children if p.dep_ == "pobj" for w in (p, *p.conjuncts)]
    for c in doc_tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            heads += [w for p in c.children if p.dep_ == "pobj" for w in (p, *p.conjuncts)]
    spans, collective = [], False
    for h in heads:
        if h.pos_ == "PRON" or h.lemma_.lower() in COLLECTIVE and h.pos_ != "PROPN":
            collective = collective or not any(c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"
                                                for c in h.children)
            if collective:
                continue
        sub = list(h.subtree)
        sub = [w for w in sub if w == h or not (w.dep_ in ("cc", "conj") or any(
            a.dep_ == "conj" and a in h.subtree and a != h for a in w.ancestors))]
        spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return tuple(spans), collective
