"""Who came to a meeting, as news names them (issue 15, fourth round, second helper): forms written here, none
taken from an evaluation text, checked on who met whom as `analyse` finds it with the real model."""

from __future__ import annotations

from graph import analyse


def met(nlp, text: str) -> list[list[str]]:
    doc = analyse("news.txt", text, nlp)
    out = []
    for ev in doc.events:
        if ev.type in ("Summit", "Conference", "Visit"):
            continue
        out.append(sorted({doc.entities[q.entity].label for q in ev.participants
                           if doc.entities[q.entity].type == "Person"}))
    return sorted(out)


def test_members_of_a_delegation_someone_leads_are_at_the_talks(nlp):
    # "A was leading a delegation of MPs, including B, C and D": those listed came with A to the talks A held
    text = ("Finnish Foreign Minister Aino Virtanen held talks with Estonian Prime Minister Karl Tamm in Tallinn on "
            "Monday. Virtanen was leading a delegation of lawmakers, including Defence Minister Mikko Lahti, "
            "Trade Minister Liisa Koski and opposition spokesperson Pekka Nieminen.\n")
    got = met(nlp, text)
    assert any({"Aino Virtanen", "Karl Tamm", "Mikko Lahti", "Liisa Koski", "Pekka Nieminen"} <= set(m)
               for m in got), got


def test_those_present_join_the_talks_when_a_forum_to_be_held_is_discussed(nlp):
    # "They also discussed the forum to be held on 20-21 June": that date is the forum's, so the talks stay one
    # meeting and those "present" are at it, not at a second meeting a year off
    text = ("Talks in Vilnius\n\nLTA\n14 June, 2023, 10:00 am\n\n"
            "Polish Foreign Minister Adam Nowak today called on Lithuanian President Rasa Petraitis at the "
            "presidential palace.\n\nThey also discussed the regional energy forum to be held on 20-21 June in "
            "Vilnius.\n\nLithuanian Foreign Secretary Jonas Kairys and Polish Ambassador Ewa Zielinska were "
            "present.\n")
    doc = analyse("news.txt", text, nlp)
    starts = {ev.start for ev in doc.events if ev.type == "Meeting"}
    assert starts == {"2023-06-14"}, starts
    assert any({"Adam Nowak", "Rasa Petraitis", "Jonas Kairys", "Ewa Zielinska"} <= set(m) for m in met(nlp, text))
