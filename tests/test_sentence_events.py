"""Meetings told in sentences, in the styles of press-service reports and wire items (real model)."""

from graph.extract.analyse import analyse


def events(nlp, text, **kw):
    doc = analyse("t.txt", text, nlp, **kw)
    names = {k: e.label for k, e in doc.entities.items()}
    return doc, [(e.start, e.type, e.reported, sorted(names[p.entity] for p in e.participants)) for e in doc.events]


def test_press_report_third_person(nlp):
    text = ("Strelsau, 21 June 2024. Press service of the President\n\n"
            "On 17 June, President Jan Kowal received the Prime Minister of Borduria, Anton Kurvi. "
            "The sides discussed the new railway bridge.\n\n"
            "The same day, Jan Kowal held talks with President of Syldavia Ottokar Muskar.")
    doc, evs = events(nlp, text)
    assert doc.entities[doc.host].label == "Jan Kowal"
    assert ("2024-06-17", "Meeting", False, ["Anton Kurvi", "Jan Kowal"]) in evs
    assert ("2024-06-17", "Negotiations", False, ["Jan Kowal", "Ottokar Muskar"]) in evs
    assert len(evs) == 2  # "The sides discussed …" is the same meeting told again


def test_wire_item_with_dateline_yesterday_and_a_past_meeting(nlp):
    text = ("KYIV, 6 May 2024 — Ukrainian President Volodymyr Zelensky received Ruritanian Prime Minister Marek "
            "Halas in Kyiv yesterday. The two leaders last met in Vilnius in July 2023.")
    _, evs = events(nlp, text)
    assert ("2024-05-05", "Meeting", False, ["Marek Halas", "Volodymyr Zelensky"]) in evs
    assert ("2023-07", "Meeting", True, ["Marek Halas", "Volodymyr Zelensky"]) in evs


def test_plans_and_habits_are_no_meetings(nlp):
    text = ("MINSK, 7 November 2024 — President Maria Lopez will meet Prime Minister Jan Kowal next week. "
            "She would like to hold talks with Chancellor Olaf Scholz. She has met Olaf Scholz many times.")
    _, evs = events(nlp, text)
    assert evs == []


def test_told_in_passing_inside_a_headed_segment(nlp):
    text = ("Negotiations with President of Kazakhstan Kassym-Jomart Tokayev, 12 June 2024 Dear Kassym-Jomart "
            "Kemelevich, thank you for the warm welcome. When we met in Khiva in May, we agreed on a plan.")
    doc, evs = events(nlp, text, host="Jan Kowal")
    assert ("2024-06-12", "Negotiations", False, ["Jan Kowal", "Kassym-Jomart Tokayev"]) in evs
    assert ("2024-05", "Meeting", True, ["Jan Kowal", "Kassym-Jomart Tokayev"]) in evs
    tokayev = next(e for e in doc.entities.values() if e.label == "Kassym-Jomart Tokayev")
    assert "Kassym-Jomart Kemelevich" in tokayev.aliases  # the patronymic address is the same man


def test_speaker_labelled_transcript(nlp):
    text = ("Talks with President of Ruritania Jan Kowal\nMarch 5, 2024\nThe Kremlin, Moscow\n\n"
            "Vladimir Putin: Mr President, colleagues, welcome to Moscow.\n\n"
            "President of Ruritania Jan Kowal: Thank you, Mr President.\n\n"
            "Maria Keller, Vice President of Nordwerk Energy Systems: Our company is ready.\n\n"
            "Vladimir Putin: Good. Thank you.")
    doc, evs = events(nlp, text)
    assert doc.entities[doc.host].label == "Vladimir Putin"
    start, typ, reported, who = evs[0]
    assert (start, typ, reported) == ("2024-03-05", "Negotiations", False)
    assert {"Vladimir Putin", "Jan Kowal", "Maria Keller", "Nordwerk Energy Systems"} <= set(who)


def test_same_person_keeps_one_iri_across_documents(tmp_path, nlp):
    from graph.store.build import build
    from graph.store.kgstore import KGStore

    (tmp_path / "a.txt").write_text("MINSK, 7 May 2024 — Aleksandr Lukashenko received Prime Minister Marek "
                                    "Halas in Minsk.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("MINSK, 9 May 2024 — Aleksandr Lukashenko met Chancellor Olaf Scholz.",
                                    encoding="utf-8")
    store = KGStore(tmp_path / "s")
    build([tmp_path], store)
    rows = list(store.query("SELECT DISTINCT ?p WHERE { ?p a schema:Person ; schema:name 'Aleksandr Lukashenko' }"))
    assert len(rows) == 1
    store.close()


def test_transliterated_name_keeps_the_stored_iri(tmp_path, nlp):
    from graph.store.build import build
    from graph.store.kgstore import KGStore

    store = KGStore(tmp_path / "s")
    (tmp_path / "a.txt").write_text("MINSK, 7 May 2024 — President Aleksandr Lukashenko received Prime Minister "
                                    "Marek Halas in Minsk.", encoding="utf-8")
    build([tmp_path / "a.txt"], store)
    (tmp_path / "b.txt").write_text("MINSK, 9 May 2024 — President Alexander Lukashenko met Chancellor Olaf "
                                    "Scholz. Kim Jong Un was not mentioned.", encoding="utf-8")
    build([tmp_path / "b.txt"], store)
    rows = list(store.query("SELECT DISTINCT ?p WHERE { ?p a schema:Person ; schema:name ?n "
                            "FILTER(CONTAINS(?n, 'Lukashenko')) }"))
    assert len(rows) == 1
    store.close()


def test_one_meeting_told_by_two_documents_is_one_event(tmp_path):
    from graph.store.build import build
    from graph.store.kgstore import KGStore

    (tmp_path / "a.txt").write_text("Meeting with Prime Minister of Ruritania Jan Kowal, 3 May 2024 Good morning, "
                                    "colleagues. Dear President Lopez, thank you.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("STRELSAU, 4 May 2024 — Ruritanian Prime Minister Jan Kowal met President "
                                    "Maria Lopez in Zenda yesterday.", encoding="utf-8")
    store = KGStore(tmp_path / "s")
    build([tmp_path], store)
    rows = list(store.query("SELECT DISTINCT ?e ?doc WHERE { ?e kg:participant ?p ; prov:hadPrimarySource ?doc . "
                            "?p schema:name 'Jan Kowal' }"))
    assert len({r[0] for r in rows}) == 1
    assert len({r[1] for r in rows}) == 2
    store.close()
