"""What a meeting was about, from what the text says about it: the objects of "discussed", "reviewed", "focused
on", "exchanged views on", "agreed on", "signed"; "talks on …", "cooperation in …"; "informed him of …", "with
regard to …", "…, particularly in …", "agreed to open …"; split at "and" and commas, and cut down to the words that
carry the subject ("various aspects of cooperation in energy" → "energy"). The names inside a subject's phrase ("a
loan from the [Infrastructure Bank]") come too, at a lower strength (`NAMED_IN`): the caller keeps those that name a
thing.

`topic_phrases(sent)` returns (label, start, end, strength) for one parsed sentence; labels are lower-case noun
phrases. The caller links a phrase to a named entity where one covers it, or keeps it as a concept.

Longer than 350 lines: about a third of it is the word lists, which read best beside the rules that use them.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from ..nlp.tokens import lemmas_lowers, parts_of_speech
from ..text.dates import MONTHS
from .phrase_forms import REPORT_VERBS, more_heads, not_a_subject, purpose_objects, ranged, related, spanned

OBJECT_VERBS = {"strengthen", "expand", "boost", "deepen", "enhance", "promote", "develop", "discuss", "review", "address", "tackle", "explore", "consider", "examine", "cover", "sign",
                "debate", "assess", "evaluate", "negotiate", "raise", "outline", "stress", "emphasize", "emphasise",
                "underline", "underscore", "highlight", "reaffirm", "welcome", "agree", "solidify", "revitalize",
                "revitalise", "maintain", "implement", "commend", "praise", "laud", "hail", "advance", "pursue",
                "resolve", "intensify", "increase", "accelerate", "facilitate", "ease", "support", "step", "bring",
                "activate", "elevate", "upgrade", "reinforce", "consolidate", "diversify", "broaden", "widen",
                "present", "note", "reiterate", "mention", "align", "coordinate", "harmonize", "harmonise", "compare",
                # what is to go on or be kept ("continue the talks on …", "preserve peace"), what is thanked for or
                # acknowledged, an event one side will host, an order awarded
                "continue", "preserve", "safeguard", "uphold", "sustain", "restore", "ensure", "acknowledge",
                "appreciate", "host", "award", "confer", "bestow",
                # what one side is after: "seeks investment in …", "wants to attract tourists"
                "seek", "attract",
                # what is stressed or blamed: "accentuated the need for …", "condemned the attack on …"; a headline's
                # "A talks trade with B"
                "accentuate", "criticize", "criticise", "condemn", "denounce", "deplore", "talk"}
# verbs of making ties grow: "develop them in …" speaks of the relations named before it
GROW_VERBS = {"strengthen", "expand", "boost", "deepen", "enhance", "promote", "develop", "intensify", "diversify",
              "broaden", "widen", "advance", "elevate", "upgrade"}
STRONG_VERBS = {"talk", "discuss", "review", "address", "tackle", "explore", "consider", "examine", "cover", "sign",
                "debate", "negotiate", "agree"}
PREP_VERBS = {("focus", "on"), ("touch", "on"), ("talk", "about"), ("agree", "on"), ("exchange", "on"),
              ("exchange", "regarding"), ("exchange", "about"), ("concentrate", "on"), ("center", "on"),
              ("centre", "on"), ("deal", "with"), ("speak", "about"), ("converse", "about"), ("cooperate", "in"),
              ("cooperate", "on"), ("brief", "on"), ("brief", "about"), ("sign", "on"), ("exchange", "over"),
              ("talk", "on"), ("concur", "on"), ("inform", "of"), ("inform", "about"), ("apprise", "of"),
              ("update", "on"), ("tell", "about"), ("consult", "on"), ("coordinate", "on"), ("align", "on"),
              ("work", "on"), ("speak", "on"), ("confer", "on"), ("congratulate", "on"), ("focus", "upon"), ("touch", "upon"), ("dwell", "upon"),
              ("attach", "to"), ("speak", "of"), ("talk", "of"), ("work", "towards"), ("work", "toward"),
              ("agree", "about"), ("brief", "of"), ("inform", "on"), ("update", "about"), ("share", "on"),
              ("consult", "about"), ("converse", "on"), ("dwell", "on"), ("reflect", "on"), ("comment", "on"),
              ("negotiate", "on"), ("negotiate", "over"), ("negotiate", "about"), ("compare", "on"),
              ("work", "for"), ("thank", "for"), ("commend", "for"), ("praise", "for"), ("refer", "to"),
              # round 12: what a side is congratulated for or commended on, what the sides work together against
              ("congratulate", "for"), ("commend", "on"), ("praise", "on"), ("cooperate", "against"),
              # what a side asks for, looks at, blames another for
              ("call", "for"), ("push", "for"), ("press", "for"), ("look", "at"), ("look", "into"),
              ("criticize", "for"), ("criticise", "for"), ("slam", "for"), ("condemn", "for"), ("blame", "for")}
# what is done in a field: "expand cooperation in energy", "boost trade in grain"
FIELD_NOUNS = {"cooperation", "collaboration", "co-operation", "partnership", "ties", "relations", "exchanges",
               "investment", "investments", "trade"}
# "gave priority to …", "paid special attention to …", "accorded importance to …": what the weight is given to
WEIGHT_NOUNS = {"priority", "attention", "importance", "emphasis", "significance", "impetus", "preference"}
# "suggested the sides open …", "urged them to speed up …": what they are asked to do is a subject
PROPOSE_VERBS = {"suggest", "propose", "recommend", "urge", "encourage", "call"}
# a letter or message handed over, condolences offered: a subject of the meeting ("delivered a letter from …")
HANDING_VERBS = {"deliver", "hand", "convey", "pass", "receive", "carry", "bring", "send", "transmit", "present",
                 "express", "offer", "extend"}
MESSAGE_NOUNS = {"letter", "message", "invitation", "condolence", "condolences", "credentials"}
# "expressed satisfaction with the progress of …", "voiced concern over …": what the feeling is about
FEELING_NOUNS = {"satisfaction", "dissatisfaction", "concern", "concerns", "worry", "worries", "alarm", "optimism",
                 "disappointment", "regret"}
FEELING_PREPS = {"with", "over", "at", "about", "regarding", "concerning", "on"}
# "grateful for …", "interested in …", "keen on …"; "gratitude for …": what they are glad of or want is a subject
GLAD_ADJS = {"grateful", "thankful", "appreciative", "interested", "keen", "satisfied", "pleased", "happy",
             "content", "concerned", "worried", "dissatisfied", "unhappy"}
THANKS_NOUNS = {"gratitude", "thanks", "appreciation"}
# "shed light on …", "put emphasis on …": a verb and its object that together say "dealt with"
LIGHT_NOUNS = {"light", "spotlight", "emphasis", "stress", "focus", "accent"}
# "agreed to …", "decided to …", "the readiness to …": what they agreed to do is a subject
RESOLVE_VERBS = {"agree", "decide", "pledge", "vow", "commit", "resolve", "undertake", "promise"}
RESOLVE_NOUNS = {"need", "readiness", "willingness", "commitment", "intention", "determination", "desire",
                 "agreement", "decision"}
# the strength of a name found inside a subject's phrase: kept only where it names a thing (topics.py)
NAMED_IN = 0.55
# "informed the president of …", "briefed him on …": the preposition hangs on the one told, not on the verb
TOLD_VERBS = {"inform", "brief", "apprise", "update", "congratulate", "tell", "consult"}
# "with regard to …", "regarding …", "concerning …", "as regards …": whatever noun they follow, what comes after is
# a subject (in a sentence that tells what a meeting was about)
ABOUT_WORDS = {"regarding", "concerning", "re"}
ABOUT_PHRASES = {("regard", "to"), ("respect", "to"), ("relation", "to"), ("reference", "to")}
ABOUT_NOUNS = {a for a, _ in ABOUT_PHRASES}
# "…, particularly in trade and investment", "…, especially in Ukraine": the part singled out is a subject too
SINGLED_OUT = {"particularly", "especially", "notably", "primarily", "mainly", "chiefly", "specifically"}
SINGLED_OUT_STARTS = frozenset(SINGLED_OUT | {"including", "particular"})  # the words that loop reads further
SUBJECT_NOUNS = {"meeting", "talk", "talks", "negotiation", "negotiations", "discussion", "discussions",
                 "conversation", "call", "consultation", "consultations", "dialogue", "agreement", "memorandum",
                 "deal", "accord", "treaty", "cooperation", "collaboration", "partnership", "ties", "relations",
                 "views", "opinions", "issues", "agenda", "roadmap", "plan", "programme", "program", "contract",
                 "policy", "policies", "position", "positions", "stance", "exchange", "exchanges", "briefing"}
# the meeting nouns a verb "holds" or "has" ("held talks with … on …", "talks were held on …"), and the prepositions
# on the verb that then say what about; a date there ("on Monday") is when
TALK_NOUNS = {"talks", "talk", "discussion", "discussions", "meeting", "meetings", "consultations", "negotiations",
              "conversation", "conversations", "call", "dialogue", "exchange", "exchanges"}
TALK_PREPS = {"on", "about", "regarding", "concerning", "over"}
# "X is very important", "X remains vital", "X has become crucial": what a side says matters (round 12)
MATTER_VERBS = {"be", "remain", "become"}
MATTER_ADJS = {"important", "crucial", "vital", "essential", "critical", "paramount", "indispensable", "key"}
# verbs by which the subject is what the meeting dealt with: "X was on the agenda", "X dominated the talks"
AGENDA_VERBS = {"be", "top", "dominate", "headline", "feature", "figure", "lead"}
# what, said to be included, lists subjects: "topics included …", "the issues discussed included …"
LISTED_NOUNS = {"topics", "topic", "subjects", "issues", "matters", "items", "areas", "questions", "themes",
                "priorities"}
AREA_NOUNS = {"areas", "spheres", "fields", "sectors", "priorities", "topics", "issues", "subjects", "directions"}
WHEN = {"today", "tomorrow", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "weekend", "occasion", "sidelines", "margins", "eve", *MONTHS}
NOUN_PREPS = {"on", "about", "regarding", "concerning", "in", "of", "over", "for", "toward", "towards", "across"}
# heads that say nothing by themselves: their "of" phrase is the subject ("aspects of cooperation")
GENERIC = {"aspect", "way", "prospect", "issue", "matter", "question", "range", "number", "area", "field", "sphere",
           "topic", "subject", "point", "state", "level", "possibility", "opportunity", "avenue", "mean", "step",
           "measure", "progress", "implementation", "result", "outcome", "direction", "priority", "situation",
           "effort", "efforts",
           "development", "developments", "lot", "host", "variety", "series", "set", "list", "status", "course",
           "view", "opinion", "thing", "interest", "importance", "need", "necessity", "potential", "framework", "context",
           "basis", "item", "agenda", "part", "kind", "type", "form", "scope", "process", "effort", "fact", "role",
           "concern", "commitment", "initiative", "initiatives", "breakfast", "lunch", "dinner", "hope", "wish",
           "gratitude", "appreciation", "support", "readiness", "willingness", "desire", "greeting", "greetings",
           "congratulation", "congratulations", "message", "letter", "invitation", "sector", "sectors", "spirit",
           "time", "year", "day", "occasion", "sidelines", "margin", "margins", "side", "sides", "country",
           "countries", "nation", "nations", "people", "peoples", "leader", "leaders", "president", "minister", "plan",
           "plans", "participation", "contract", "talks", "meeting", "meetings", "regard", "benefit", "future",
           "evening", "morning", "afternoon", "night", "week", "month", "today", "monday", "tuesday", "wednesday",
           "thursday", "friday", "saturday", "sunday", "release", "statement", "readout", "spring", "summer",
           "autumn", "fall", "winter", "expansion", "strengthening", "enhancement", "deepening", "increase",
           "boosting", "promotion", "improvement", "intensification", "advancement", "consolidation", "significance",
           "contribution", "contributions", "vision", "stance", "approach", "strength", "presence",
           "attendance", "momentum", "visit", "visits", "trip", "appointment", "region", "regions", "world", "diversification", "broadening",
           # what the sides think of a subject: "compared their assessments of the situation", "notes on …"
           "assessment", "evaluation", "note", "impression", "perspective", "analysis",
           # what a guest is thanked for: "the warm welcome in the capital"
           "welcome", "hospitality", "reception",
           # "a total of 15 documents", "a total of six leaders": what is counted
           "total"}
# words that say how the sides get on or go about things, not what about: alone, no subject ("discussed friendship
# and trust", "stressed dialogue"); with a word that says what about, they are ("trade dialogue", "trust fund")
VAGUE = {"friendship", "trust", "understanding", "dialogue", "communication", "coordination", "consultation",
         "consultations", "engagement", "interaction", "interactions", "solidarity", "goodwill", "respect",
         "confidence", "keenness", "eagerness", "work", "action", "actions", "step", "steps", "win", "victory",
         "success", "achievement", "achievements", "challenge", "challenges", "strategy", "strategies", "line",
         "lines", "thing", "things", "idea", "ideas", "result", "results", "activity", "activities", "matter",
         "matters", "affair", "affairs", "issue", "issues", "question", "questions", "topic", "topics", "interest",
         "interests", "concern", "concerns", "goal", "goals", "aspiration", "aspirations", "honour",
         "honor", "pleasure", "hospitality", "welcome", "reception", "visit", "satisfaction", "counsel",
         "acquaintance", "leadership",
         # what any side has or does, named alone ("took good decisions", "the problems", "its agencies", "a friend")
         "decision", "decisions", "problem", "problems", "agency", "agencies", "friend", "friends", "mission",
         "stability", "responsibility", "example", "company", "companies", "firm", "firms", "project", "projects",
         "unit", "units", "construction"}
# heads that name people: a phrase ending in one names who ("the visiting foreign ministers"), not a subject
PEOPLE = {"minister", "ministers", "ambassador", "ambassadors", "president", "presidents", "official", "officials",
          "envoy", "envoys", "diplomat", "diplomats", "counterpart", "counterparts", "delegation", "delegations",
          "secretary", "chairman", "chairperson", "governor", "governors", "premier", "spokesman", "spokesperson",
          "spokeswoman", "leader", "leaders", "head", "heads", "representative", "representatives", "member",
          "members", "guest", "guests", "host", "king", "queen", "prince", "emir", "amir", "sultan", "monarch",
          "speaker", "speakers", "mayor", "mayors", "senator", "senators", "lawmaker", "lawmakers", "legislator",
          "legislators", "commander", "commanders", "director", "directors", "chief", "chiefs", "executive",
          "executives", "chancellor", "deputy", "deputies", "dignitary", "dignitaries", "adviser", "advisers",
          "advisor", "advisors", "counsellor", "councillor", "councillors", "envoy", "vice-president"}
# generic heads that say what about a name after them: "the issue of North Korea", "the situation in Sudan"
# the world at large, or a part of it named by a common noun: "the situation in the region", "… in the world"
AREAS_AT_LARGE = {"region", "world", "country", "area", "continent", "subregion", "sub-region", "peninsula",
                  "neighbourhood", "neighborhood"}
ABOUT_HEADS = {"issue", "situation", "question", "matter", "development", "problem", "topic", "subject", "process",
               "crisis", "conflict"}
DROP_WORDS = {"the", "a", "an", "this", "that", "these", "those", "their", "his", "her", "its", "our", "your", "my",
              "both", "all", "various", "several", "further", "other", "certain", "current", "key", "main", "new",
              "existing", "important", "relevant", "specific", "particular", "wide", "broad", "whole", "full",
              "entire", "mutual", "common", "many", "some", "such", "also", "latest", "recent", "possible",
              "practical", "concrete", "specific", "great", "greater", "strong", "stronger", "closer", "close",
              "deep", "deeper", "comprehensive", "two", "respective", "promising", "prospective",
              # words that praise or qualify a subject without saying what it is ("successful cooperation")
              "successful", "fruitful", "productive", "good", "excellent", "friendly", "long-standing",
              "longstanding", "indispensable", "growing", "dynamic", "steady", "ongoing", "continued", "continuing",
              "outstanding", "vital", "crucial", "significant", "broader", "further", "fruitful", "constructive",
              "traditional", "time-tested", "solid", "robust", "positive", "excellent", "warm", "cordial",
              "brotherly", "fraternal", "sisterly", "active", "effective", "intensive", "extensive", "sincere",
              "candid", "frank", "open", "fresh", "upcoming", "forthcoming", "urgent", "immediate", "pressing",
              "latest", "ever", "very", "more", "near",
              # praise of what a side gives ("his unwavering support", "her valuable time", "a huge potential")
              "unwavering", "steadfast", "continuous", "consistent", "exemplary", "valuable", "invaluable", "huge",
              "tremendous", "enormous", "immense", "special", "generous", "wise", "tireless", "relentless"}
# heads that say how long or when, never what about: "spoke for 30 minutes", "thanked him for his valuable time"
TIME_HEADS = {"time", "times", "minute", "minutes", "hour", "hours", "moment", "moments", "while", "wake"}


# the parts of speech at which a form of `topic_phrases` can start (besides "include" and the ABOUT_ words)
HEAD_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})
# … and the prepositions a list of subjects may hang on ("held discussions on A; B, as well as C": phrase_passive.py)
ADP_HEADS = frozenset({"on", "about", "regarding", "concerning"})


# the parts of speech whose forms (here, in more_heads and passive_heads) all start at a word of a list
WORD_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@cache
def noun_starts() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-case words) at which a noun, proper noun or adjective can start a form of `topic_phrases`
    (with `more_heads` and `passive_heads`): every such form asks the token's lemma or word to be in one of these
    lists. Any other such token gives no subject, and is passed over (bench/README.md, round 12)."""
    from .phrase_forms import ACT_NOUNS
    from .phrase_passive import HOPE_NOUNS
    lemmas = {"include", *(v for v, _ in PREP_VERBS), *SUBJECT_NOUNS, *FEELING_NOUNS, *GLAD_ADJS, *THANKS_NOUNS,
              *RESOLVE_NOUNS, *ACT_NOUNS}
    words = {*SUBJECT_NOUNS, *ABOUT_WORDS, *ABOUT_NOUNS, *ACT_NOUNS, *HOPE_NOUNS}
    return frozenset(lemmas), frozenset(words)


def topic_phrases(sent: Span) -> list[tuple[str, int, int, float]]:
    """(label, start char, end char, strength) of each subject the sentence says was discussed or agreed."""
    out: list[tuple[str, int, int, float]] = []
    if not sent.doc.has_annotation("DEP"):  # the blank pipeline: no parse to read subjects from
        return out
    from .phrase_passive import passive_heads  # (it reads this module's word lists)
    starts = noun_starts()
    doc = sent.doc
    lemmas, lowers = lemmas_lowers(doc)  # read from the doc's arrays: a Token is made only where a form may start
    tags = parts_of_speech(doc)
    seen: set[int] = set()
    objects: list[Token] = []
    later: list[tuple[Token, float]] = []  # read from the clause a side said: after every other form
    for i in range(sent.start, sent.end):
        lemma, pos, lower = lemmas[i].lower(), tags[i], lowers[i]
        if pos not in HEAD_POS and lemma != "include" and lower not in ABOUT_WORDS \
                and lower not in ABOUT_NOUNS and not (pos == "ADP" and lower in ADP_HEADS):
            continue  # every form below (and more_heads') needs one of these: most tokens start none
        if pos in WORD_POS and lemma not in starts[0] and lower not in starts[1]:
            continue  # a noun, name or adjective starts a form only as one of the words they name
        tok = doc[i]
        heads: list[tuple[Token, float]] = []
        children = list(tok.children)  # read once: each form below walks them
        if pos == "VERB" and lemma in OBJECT_VERBS:
            strength = 0.85 if lemma in STRONG_VERBS else 0.6
            heads += [(c, strength) for c in children if c.dep_ in ("dobj", "nsubjpass")]
            heads += [(c, strength) for c in _list_slips(tok, children)]
            # "to end the drought and rebuild the canals": a bare verb joined to it has the same frame
            heads += [(c, strength) for v in tok.conjuncts if v.tag_ == "VB" and v.i > tok.i
                      for c in v.children if c.dep_ == "dobj"]
            if any(c.dep_ == "dobj" and (c.lemma_.lower() in FIELD_NOUNS or c.lower_ in ("them", "it")
                                         and lemma in GROW_VERBS) for c in children):
                # "develop them in various political and economic fields": "them", the ties said just before
                # "promote cooperation in a range of fields …", the "in" read as the verb's: what the field is
                heads += [(w, strength) for c in children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                          for w in c.children if w.dep_ == "pobj"]
        if lemma == "include" and any(c.dep_ == "nsubj" and (c.lemma_.lower() in SUBJECT_NOUNS or c.lower_ in
                                                             LISTED_NOUNS) for c in children):
            heads += [(c, 0.85) for c in children if c.dep_ == "dobj"]  # "the agenda included …"
        if pos in ("VERB", "NOUN"):
            for c in children:
                if c.dep_ == "prep" and (lemma, c.lower_) in PREP_VERBS:
                    objs = [w for w in c.children if w.dep_ == "pobj"]
                    heads += [(w, 0.85) for w in objs + _acted_on(c)]
                    if pos == "VERB":  # "told her about the front, defence support and …"
                        heads += [(t, 0.8) for t in _listed(tok, objs)]
        if _on_the_agenda(tok, lemma):
            # "fisheries and the port were on the agenda", "trade dominated the talks", "energy featured in the talks"
            heads += [(c, 0.85) for c in children if c.dep_ in ("nsubj", "nsubjpass")
                      or c.dep_ == "attr" and lemma == "be"]  # "on the agenda were …", "among the subjects were …"
        heads += [(c, 0.6) for c in _said_to_matter(tok, lemma, children)]
        if pos in ("VERB", "AUX") and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in TALK_NOUNS
                                                for c in children):
            # "held talks with the governor on fisheries, water and …": the "on" read as the verb's, not the noun's
            for c in children:
                if c.dep_ == "prep" and c.lower_ in TALK_PREPS:
                    objs = [w for w in c.children if w.dep_ == "pobj" and not _a_time(w)]
                    heads += [(w, 0.85) for w in objs + _acted_on(c)]
                    heads += [(t, 0.8) for t in _listed(tok, objs)]
        if pos in ("NOUN", "PROPN") and (lemma in SUBJECT_NOUNS or tok.lower_ in SUBJECT_NOUNS):
            for c in children:
                if c.dep_ == "prep" and c.lower_ in NOUN_PREPS and not (c.lower_ == "of" and lemma in (
                        "meeting", "talks", "talk", "cooperation", "relations", "ties")) and not (
                        c.lower_ == "for" and lemma not in ("roadmap", "plan", "programme", "program", "agreement")):
                    heads += [(w, 0.8) for w in [w for w in c.children if w.dep_ == "pobj" and not _a_time(w)]
                              + _acted_on(c)]
            if lemma in ("cooperation", "relations", "ties", "partnership", "trade") and tok.dep_ != "pobj":
                pass
        if pos == "VERB" and any(o.dep_ == "dobj" and o.lemma_.lower() in WEIGHT_NOUNS for o in children):
            heads += [(w, 0.6) for x in (tok, *(o for o in children if o.dep_ == "dobj")) for c in x.children
                      if c.dep_ in ("prep", "dative") and c.lower_ == "to" for w in c.children if w.dep_ == "pobj"]
        if pos == "VERB" and lemma in PROPOSE_VERBS:
            # "suggested the ministries open a trade office", "urged them to speed up the rebuilding of schools"
            heads += [(o, 0.6) for v in children if v.dep_ in ("ccomp", "xcomp") and v.pos_ == "VERB"
                      for w in (v, *v.conjuncts) for o in w.children if o.dep_ == "dobj"]
        if pos == "VERB" and lemma in HANDING_VERBS:
            # "handed over a letter from the prime minister", "expressed condolences over the floods"
            for o in children:
                if o.dep_ == "dobj" and o.lemma_.lower() in MESSAGE_NOUNS and o.i not in seen and (
                        phrase := _message(o, tok)) is not None:
                    seen.add(o.i)
                    out.append((*phrase, 0.6))
        if pos == "NOUN" and lemma in FEELING_NOUNS:
            heads += [(w, 0.6) for c in children if c.dep_ == "prep" and c.lower_ in FEELING_PREPS
                      for w in [w for w in c.children if w.dep_ == "pobj"] + _acted_on(c)]
        if pos == "ADJ" and lemma in GLAD_ADJS or pos == "NOUN" and lemma in THANKS_NOUNS:
            # "grateful for the ambulances and for the training of nurses", "interested in joint research",
            # "expressed gratitude for the aid"
            heads += [(w, 0.6) for c in children if c.dep_ == "prep" and c.lower_ in ("for", "in", "on",
                                                                                           "with", "about", "over")
                      for p in (c, *c.conjuncts) for w in [w for w in p.children if w.dep_ == "pobj"] + _acted_on(p)]
        if pos == "VERB" and any(o.dep_ == "dobj" and o.lower_ in LIGHT_NOUNS for o in children):
            # "shed light on …", "put the emphasis on …", "placed its focus on …"
            heads += [(w, 0.6) for x in (tok, *(o for o in children if o.dep_ == "dobj")) for c in x.children
                      if c.dep_ == "prep" and c.lower_ in ("on", "upon") for w in c.children if w.dep_ == "pobj"]
        if pos == "VERB" and lemma in TOLD_VERBS:  # "informed the minister of the situation"
            heads += [(w, 0.85) for o in children if o.dep_ in ("dobj", "dative") for c in o.children
                      if c.dep_ == "prep" and c.lower_ in ("of", "on", "about") for w in c.children
                      if w.dep_ == "pobj"]
        if tok.lower_ in ABOUT_WORDS or tok.lower_ in ABOUT_NOUNS and any(
                (tok.lower_, c.lower_) in ABOUT_PHRASES for c in children if c.dep_ == "prep"):  # "views regarding the budget", "with regard to Iran"
            heads += [(w, 0.8) for c in children for w in ([c] if c.dep_ in ("pobj", "dobj") else
                      [x for x in c.children if x.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "to" else [])]
        if pos == "VERB" and lemma in STRONG_VERBS:
            heads += [(t, 0.8) for t in _listed(tok)]
        if pos == "VERB" and lemma in RESOLVE_VERBS or pos == "NOUN" and lemma in RESOLVE_NOUNS:
            # "agreed to take bilateral ties to a new height", "readiness to open a trade office": what the
            # verb after it acts on
            heads += [(o, 0.6) for v in children if v.dep_ in ("xcomp", "acl") and v.pos_ == "VERB"
                      and v.lemma_.lower() not in OBJECT_VERBS for w in (v, *v.conjuncts)
                      for o in w.children if o.dep_ == "dobj"]
        heads += more_heads(tok, lemma) + passive_heads(tok, lemma)
        objects += [h for h, _ in heads]
        said = [(h, st) for h, st in heads if _in_said_clause(tok, h)]
        later += said  # "the ministry said the two sides discussed X": X is the verb's in the clause, read firmly
        out += _read_heads([x for x in heads if x not in said], seen)
    out += _read_heads(later, seen)
    for a, b in _names_within(objects, seen):  # "a pipeline from the port of [Doraleh]": names inside a subject
        out.append((sent.doc[a:b].text, sent.doc[a].idx, sent.doc[b - 1].idx + len(sent.doc[b - 1].text), NAMED_IN))
    if out or any(tags[i] == "VERB" and lemmas[i].lower() in STRONG_VERBS for i in range(sent.start, sent.end)):
        # "…, particularly in the field of trade": the part singled out in a sentence that states subjects (or
        # that says a thing was discussed, though what it names first says nothing: "issues of importance")
        for tok in (doc[i] for i in range(sent.start, sent.end) if lowers[i] in SINGLED_OUT_STARTS):
            if tok.lower_ in SINGLED_OUT or tok.lower_ == "including" and tok.i + 1 < sent.end \
                    and tok.nbor().lower_ in ("in", "on", "at", "regarding", "concerning") \
                    or tok.lower_ == "particular" and tok.i > sent.start and tok.nbor(-1).lower_ == "in":
                for item in (i for h in _singled(tok) for i in _items(h)):
                    if item.i not in seen and (phrase := _phrase(item)) is not None:
                        seen.add(item.i)
                        out.append((*phrase, 0.6))
    return _without_doing(out)


def _read_heads(heads: list[tuple[Token, float]], seen: set[int]) -> list[tuple[str, int, int, float]]:
    """The phrases of the subjects at `heads`, each word read once (`seen`)."""
    out = []
    for head, strength in heads:
        for item in _items(head):
            if item.i in seen or _a_side(item) or not_a_subject(item):
                continue
            seen.add(item.i)
            phrase = _phrase(item)
            if phrase is not None:
                out.append((*phrase, strength))
    return out


def _in_said_clause(verb: Token, head: Token) -> bool:
    """`head` is the subject or object of a clause `verb` (a verb of saying) governs: "said [the sides discussed X]"."""
    return verb.lemma_.lower() in REPORT_VERBS and head.head.dep_ in ("ccomp", "acl") and head.head.head in (
        verb, *(o for o in verb.children if o.dep_ == "dobj"))


def _without_doing(out: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
    """Without "maintaining the peace accord" where "peace accord" is there too: the gerund says only that more of
    it is wanted, and the two would take two of an event's few places."""
    labels = {label.casefold() for label, *_ in out}
    return [x for x in out if not (" " in x[0] and x[0].split(" ", 1)[0].endswith("ing")
                                   and x[0].split(" ", 1)[1].casefold() in labels)]


def _on_the_agenda(tok: Token, lemma: str) -> bool:
    """A verb that says its subject was what a meeting dealt with: "was on the agenda", "topped the agenda",
    "dominated the talks", "featured in the discussions"."""
    if tok.pos_ not in ("VERB", "AUX") or lemma not in AGENDA_VERBS:
        return False
    places = [c for c in tok.children if c.dep_ == "dobj"] + [
        w for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "during", "among")
        for w in c.children if w.dep_ == "pobj"]
    if lemma == "be" and any(w.lower_ in AREA_NOUNS and w.head.lower_ == "among" for w in places):
        return True  # "energy and mining are among the priority areas of cooperation"
    return any(w.lower_ in TALK_NOUNS or w.lower_ == "agenda" for w in places) and (
        lemma != "be" or any(w.lower_ == "agenda" for w in places))


def _said_to_matter(tok: Token, lemma: str, children: list[Token]) -> list[Token]:
    """"the strategic cooperation between the two countries is very important", "the relationship is a vital one":
    what a side says matters is a subject (not "it" or "this", nor the visit or meeting itself)."""
    if tok.pos_ not in ("VERB", "AUX") or lemma not in MATTER_VERBS:
        return []
    said = [c for c in children if c.dep_ == "acomp" and c.lemma_.lower() in MATTER_ADJS] + [
        c for c in children if c.dep_ == "attr" and any(a.dep_ == "amod" and a.lemma_.lower() in MATTER_ADJS
                                                        for a in c.children)]
    if not said:
        return []
    return [c for c in children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
            and c.lower_ not in TALK_NOUNS and c.lemma_.lower() not in ("visit", "trip", "meeting")]


def _list_slips(verb: Token, children: list[Token]) -> list[Token]:
    """"discussed relations with X, issues relating to Y, and security": a later item of the verb's list of objects
    the parser hung on the verb as an adverbial noun ("issues" as npadvmod) rather than as a conjunct of the first
    object; after its object and a comma, it is one more object (a time, "each year", is not)."""
    objs = [c for c in children if c.dep_ == "dobj"]
    if not objs:
        return []
    doc = verb.doc
    return [c for c in children if c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN") and c.i > objs[0].i
            and doc[c.left_edge.i - 1].text == "," and not _a_time(c)]


def _a_time(tok: Token) -> bool:
    """"on 3 June", "on Monday", "on the sidelines of …": when or where, not what about."""
    return tok.lower_ in WHEN or tok.like_num or tok.ent_type_ in ("DATE", "TIME")


def _acted_on(prep: Token) -> list[Token]:
    """What a gerund after a preposition acts on ("focused on expanding [trade]", "satisfaction over improving
    [relations]"): the gerund itself says only that more of it is wanted."""
    return [o for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for w in (g, *g.conjuncts)
            for o in w.children if o.dep_ == "dobj"]


def _names_within(objects: list[Token], seen: set[int]) -> list[tuple[int, int]]:
    """(start, end) token spans of the runs of proper nouns inside the phrases of the subjects stated, each
    word not yet part of a subject: the caller keeps those that are names of things ("a loan from the [Central Asian
    Infrastructure Bank]")."""
    # "relations between Azerbaijan and Iran", "cooperation among Japan and Korea": lands there are the sides, not
    # subjects (companies there are: "a deal between A Ltd and B Corp")
    words = sorted({w.i for h in objects for w in h.subtree if w.pos_ == "PROPN" and w.i not in seen
                    and not _a_side(w) and not _a_time(w) and not not_a_subject(w) and not _where_held(w, h)})
    runs: list[list[int]] = []
    for i in words:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    seen.update(words)
    doc = objects[0].doc if objects else None
    return [(r[0], r[-1] + 1) for r in runs if not _land_in_passing(doc[r[0]:r[-1] + 1])]


def _land_in_passing(run: Span) -> bool:
    """A land's name inside a subject that is not where the subject is ("the crisis in [Sudan]", "a ceasefire in
    [Gaza] and [Lebanon]" are; "the [Pacific] leaders", "the shores of the [Gulf]", "an alliance with [Chile]", "the
    [Kenyan] government's priorities" are not: a side, whose or where from). Other names stay (a thing's name inside
    a subject: "a loan from the [Infrastructure Bank]"). Dev (185 items): such lands were right 10 times of 63 (44
    outlets); those kept, after a preposition of where, 7 of 18."""
    if not all(w.ent_type_ in ("GPE", "LOC") for w in run):
        return False
    root = next((w for w in run if not run.start <= w.head.i < run.end), run.root)
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return not (root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS and root.head.head.pos_ == "NOUN")


# where a subject is: "the crisis in [Sudan]", "fishing rights in the waters around the [Tarvo Islands]", "sovereignty
# over the [Eastern Hills]"
WHERE_PREPS = frozenset({"in", "around", "near", "off", "along", "across", "over", "inside", "throughout"})


def _where_held(w: Token, head: Token) -> bool:
    """A name in what a subject says of where or when it is to be ("the summit to be held in [Delhi]", "the forum
    scheduled for [May] in [Accra]"): where, not what about."""
    for a in w.ancestors:
        if a is head:
            return False
        if a.pos_ == "VERB" and a.dep_ in ("relcl", "acl", "advcl") and a.tag_ == "VBN" and a.lemma_.lower() in (
                "hold", "schedule", "slate", "plan", "set", "organize", "organise", "host", "convene"):
            return True
    return False


def _a_side(w: Token) -> bool:
    """A land named after "between" or "among" ("relations between Peru and Chile"): one of the sides."""
    return w.ent_type_ in ("GPE", "LOC", "NORP") and any(a.lower_ in ("between", "among", "amongst")
                                                        for a in w.ancestors)


def _singled(adv: Token) -> list[Token]:
    """The head of what follows "particularly", "especially" up to the next comma: the object of a preposition
    ("especially in Ukraine") or the noun itself ("notably the energy sector")."""
    sent = adv.sent
    end = next((t.i for t in sent if t.i > adv.i and (t.is_punct and t.text in ",;:.!?" or t.lower_ in (
        "which", "who", "while", "but"))), sent.end)
    if end <= adv.i + 1:
        return []
    # the word whose head lies outside the span (Span.root needs a parse: not there with the blank pipeline)
    root = next((t for t in adv.doc[adv.i + 1:end] if not adv.i < t.head.i < end or t.head is t), None)
    if root is None:
        return []
    if root.dep_ == "prep" or root.pos_ == "ADP":
        return [w for w in root.children if w.dep_ in ("pobj", "pcomp")]
    return [root] if root.pos_ in ("NOUN", "PROPN") else []


CLAUSE_END = re.compile(r"[.;:!?]|,\s*(?:which|who|while|where|whereas|but|as well as|saying|stressing|noting)\b"
                        r"|\s(?:to|in order to)\s+(?!be\s)[a-z]+(?:e|ing)?\b")
# what an item of a list says of when or where it is to happen, after its name: "the summit to be held in May",
# "the forum scheduled for June", "the fair due to open on Monday"
WHEN_AFTER = re.compile(r"\s+(?:to be\s|(?:scheduled|slated|set|planned|due)\s+(?:for|to|in|on)\b)")


SIDES = re.compile(r"\s(?:between|among|amongst|with)\s")


def _listed(verb: Token, objs: list[Token] | None = None) -> list[Token]:
    """The heads of a list after a verb read from the surface, for when the parse has scattered it ("discussed
    energy security, the supply of farm machines and cooperation in tourism"): each comma- or "and"-separated part
    of the clause, its last noun before any "of"/"in" phrase. `objs`: where the list starts (the verb's direct
    object by default; the object of "told … about" for a verb with a preposition)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"] if objs is None else objs
    if not objs:
        return []
    start = objs[0].left_edge.idx
    sent = verb.sent
    text, base = sent.text, sent.start_char  # the sentence's text, not the Doc's: built anew on each read
    rest = text[start - base:]
    stop = CLAUSE_END.search(rest)
    end = start + (stop.start() if stop else len(rest))
    after = [t for t in sent if t.i >= verb.i and t.pos_ in ("NOUN", "PROPN")]
    out = []
    for m in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", text[start - base:end - base]):
        a, b = start + m.start(), start + m.end()
        sides = SIDES.search(m.group())  # "… exchanges between the two provinces": who, not what about
        b = start + m.start() + sides.start() if sides else b
        when = WHEN_AFTER.search(m.group())  # "the summit to be held in Delhi": the summit
        b = min(b, start + m.start() + when.start()) if when else b
        toks = [t for t in after if a <= t.idx < b]
        if not toks:
            continue
        head = next((t for t in toks if any(c.lower_ in ("of", "in", "on", "for") for c in t.children)), toks[-1])
        out.append(head)
    return out


def _items(tok: Token) -> list[Token]:
    """"energy, mining and tourism": each conjunct, and what a generic head is about ("aspects of cooperation")."""
    items, stack = [], [tok]
    while stack:
        t = stack.pop(0)
        stack.extend(c for c in t.children if c.dep_ == "conj")
        # "an MoU on tourism, an MoU on health and …": the parse makes the second an apposition, or hangs the
        # repeated head on the first one's object
        stack.extend(c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and t.pos_ == "NOUN")
        if t is tok and t.pos_ == "NOUN":
            stack.extend(w for w in t.subtree if w is not t and w.dep_ in ("appos", "conj")
                         and w.lower_ == t.lower_ and w not in stack)
        # "areas such as energy and mining", "cooperation including trade": the examples are subjects too
        stack.extend(w for c in t.children if c.dep_ == "prep" and c.lower_ in ("including", "as", "like")
                     for w in c.children if w.dep_ == "pobj")
        stack.extend(w for c in t.children if c.dep_ == "amod" and c.lower_ == "such"
                     for p in c.children if p.lower_ == "as" for w in p.children if w.dep_ == "pobj")
        # "matters ranging from crime to road safety", "issues related to the border": what they are; "a partnership
        # spanning areas including health and fisheries": what it spans
        stack.extend(ranged(t) + related(t) + spanned(t))
        # "efforts to combat terrorism", "boosting coordination to curb smuggling": what the purpose acts on
        stack.extend(w for w in purpose_objects(t) if w not in stack and w not in items)
        # "including in Iraq and Latvia": the places after the preposition
        stack.extend(w for c in t.children if c.dep_ == "prep" and c.lower_ == "including"
                     for p in c.children if p.dep_ == "prep" for w in p.children if w.dep_ == "pobj")
        # "cooperation in a wide range of fields, including …", "talks on a number of issues such as …": the
        # generic words after the subject lead to what it is about
        stack.extend(w for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "on") for w in c.children
                     if w.dep_ == "pobj" and (w.lemma_.lower() in GENERIC or w.lower_ in GENERIC))
        if t.lower_ in WHEN or t.lemma_.lower() in WHEN:
            continue  # "on the sidelines of the summit", "on the occasion of …": when and where, not what about
        if (t.lemma_.lower() in GENERIC or t.lower_ in GENERIC) and not (
                t.tag_ == "VBG" and any(c.dep_ == "dobj" for c in t.children)):
            # "the importance of A and of B": the second preposition is the first's conjunct
            inner = [w for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "in", "to")
                     for p in (c, *c.conjuncts)
                     for w in [*(w for w in p.children if w.dep_ in ("pobj", "pcomp")), *_acted_on(p)]]
            # "ways to curb inflation", "the need to ensure grain supplies": what the verb after it acts on
            inner += [o for v in t.children if v.dep_ in ("acl", "relcl", "advcl") and v.tag_ == "VB"
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
                      for w in (v, *v.conjuncts) for o in w.children if o.dep_ == "dobj"]
            stack.extend(inner)
            if any(c.dep_ in ("amod", "compound") and c.lower_ not in DROP_WORDS for c in t.lefts) or any(
                    w.pos_ == "PROPN" or w.lemma_.lower() in AREAS_AT_LARGE for w in inner) \
                    and t.lemma_.lower() in ABOUT_HEADS:
                # "African issues", "regional situation", "the political situation in the country", "the issue
                # of North Korea": the head says what about them
                items.append(t)
            continue
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.pos_ == "VERB" and t.tag_ == "VBG":
            items.append(t)
    return items


def _hyphenated(tok: Token) -> list[Token]:
    """The whole of a hyphenated word the token is part of ("co-operation", "counter-terrorism")."""
    doc, a, b = tok.doc, tok.i, tok.i
    while a >= 2 and doc[a - 1].text in ("-", "‑") and not doc[a - 2].whitespace_ and not doc[a - 1].whitespace_:
        a -= 2
    while b + 2 < len(doc) and doc[b + 1].text in ("-", "‑") and not doc[b].whitespace_ \
            and not doc[b + 1].whitespace_:
        b += 2
    return list(doc[a:b + 1])


# what a subject's phrase keeps after its noun: "supply of grain", "trade in timber", "the war on poaching", "the
# fight against money laundering", "a coalition on mine clearance"
COMPLEMENTS = {"of", "in", "on", "against"}
# "memorandum of understanding", "letter of intent": the "of" phrase is part of the document's name
NAME_OF = {"understanding", "intent", "intention", "cooperation", "agreement", "principles"}
DOCUMENT_HEADS = {"memorandum", "memoranda", "memorandums", "letter", "letters", "declaration", "declarations",
                  "statement", "protocol", "protocols", "exchange"}


def _phrase(tok: Token) -> tuple[str, int, int] | None:
    """The words of a subject: the noun with its left modifiers, and an "of"/"in" phrase after it."""
    left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod")
            and c.lower_ not in DROP_WORDS]
    # "students' exchange", "farmers' incomes": a common noun's possessive says what about; a name's or a
    # pronoun's ("China's", "their") says whose
    owner = [c for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "NOUN" and c.lower_ not in GENERIC]
    owner += [c for o in owner for c in o.children if c.dep_ == "case"]
    words = sorted([w for c in left for w in c.subtree if w.lower_ not in DROP_WORDS and not w.is_punct
                    and w.dep_ not in ("det", "poss", "cc", "case")] + owner + [tok], key=lambda w: w.i)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in COMPLEMENTS and c.i > tok.i:
            objs = [w for w in c.children if w.dep_ in ("pobj", "pcomp")]
            if c.lower_ == "of" and objs and objs[0].lower_ in NAME_OF and tok.lower_ in DOCUMENT_HEADS:
                # "a memorandum of understanding on border patrols": the name goes on to what it is on
                words += [c, objs[0]]
                c = next((p for p in objs[0].children if p.dep_ == "prep" and p.lower_ in ("on", "in", "for")),
                         None)
                objs = [w for w in c.children if w.dep_ == "pobj"] if c is not None else []
                if not objs:
                    break
            if objs and objs[0].tag_ == "VBG" and (len(list(objs[0].subtree)) > 5 or any(
                    w.dep_ == "conj" for w in objs[0].subtree)):
                break  # "cooperation on promoting trade and tourism": the gerund's objects come on their own
            inner = list(objs[0].subtree) if objs else []
            # short, and no list hung on it ("the fight against piracy and cooperation on …" is read as one)
            if objs and not any(w.dep_ == "conj" for w in inner) and sum(
                    1 for w in inner if w.lower_ not in DROP_WORDS and not w.is_punct) <= 4:
                words += [c] + [w for w in inner if w.lower_ not in DROP_WORDS and not w.is_punct
                                and w.dep_ not in ("det", "poss", "cc", "conj")]
            elif objs:  # a long phrase after it (a list hung on it): the object and its own modifiers
                words += [c, objs[0]] + [w for w in objs[0].lefts if w.dep_ in ("compound", "amod")
                                         and w.lower_ not in DROP_WORDS]
            if objs:
                break  # one complement: a second is mostly a parse's slip ("the fight against A and B on C")
    if tok.tag_ == "VBG":  # "expanding intergovernmental contacts": the gerund with what it acts on
        for c in tok.children:
            if c.dep_ == "dobj":
                # (not the items joined to the object: "opening offices and expansion of …" is two)
                joined = {x.i for j in c.subtree if j.dep_ == "conj" and j is not c for x in j.subtree}
                words += [w for w in c.subtree if w.lower_ not in DROP_WORDS and not (w.is_punct and w.text != "-")
                          and w.dep_ not in ("det", "poss", "cc", "conj", "relcl") and w.i not in joined]
        if len(words) == 1:
            return None
    words = sorted(set(words) | {t for w in words for t in _hyphenated(w)}, key=lambda w: w.i)
    text = _text(words)
    if not text or len(text) < 3 or not re.search(r"[a-z]{3}", text.lower()):
        return None
    if all(w.lemma_.lower() in GENERIC | DROP_WORDS or w.is_stop for w in words) and not (
            tok.lemma_.lower() in ABOUT_HEADS and any(w.lemma_.lower() in AREAS_AT_LARGE for w in words)):
        return None  # ("the situation in the region" says what about)
    if len(words) == 1 and (tok.lower_ in VAGUE or tok.lemma_.lower() in VAGUE) or tok.lower_ in TIME_HEADS:
        return None
    if tok.lemma_.lower() in PEOPLE or tok.lower_ in PEOPLE:
        return None  # "the Australian Prime Minister", "the heads of the water boards": who, not what about
    return text.lower() if not any(w.pos_ == "PROPN" for w in words) else text, words[0].idx, \
        words[-1].idx + len(words[-1].text)


def _text(words: list[Token]) -> str:
    """The words as written, one space where words were left out between them."""
    text = "".join(w.text + (w.whitespace_ or (" " if i + 1 < len(words) and words[i + 1].i != w.i + 1 else ""))
                   for i, w in enumerate(words))
    text = re.sub(r"\s+", " ", text)  # a line broken inside the phrase (hard-wrapped text): one space
    return re.sub(r"\s+(?:'s|’s)\b", "", text).strip(" -,")


def _message(noun: Token, verb: Token) -> tuple[str, int, int] | None:
    """"a written message from the king", "condolences over the floods": the message with whom it is from or what
    it is over (its head alone says nothing to `_phrase`)."""
    words = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.lower_ not in DROP_WORDS] + [noun]
    for c in [*noun.children, *verb.children]:
        if c.dep_ == "prep" and c.lower_ in ("from", "over", "on", "for", "of") and c.i > noun.i:
            objs = [w for w in c.children if w.dep_ == "pobj"]
            if objs and len(list(objs[0].subtree)) <= 8:
                words += [c] + [w for w in objs[0].subtree if w.dep_ not in ("det", "poss", "case", "punct")]
                break
    words = sorted(words, key=lambda w: w.i)
    text = _text(words)
    return (text if any(w.pos_ == "PROPN" for w in words) else text.lower()), words[0].idx, \
        words[-1].idx + len(words[-1].text)
