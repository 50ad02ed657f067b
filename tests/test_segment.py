from graph.text.segment import find_headers, normalize, segment


def test_seed_headers(seed_text):
    heads = find_headers(normalize(seed_text))
    got = [(h.type, h.begin, h.until) for h in heads]
    assert got == [
        ("Conference", "2023-02-27", None),
        ("Conference", "2023-02-27", None),
        ("StateVisit", "2023-02-28", "2023-03-02"),
        ("Meeting", "2023-03-01", None),
        ("Ceremony", "2023-03-01", None),
        ("Meeting", "2023-03-01", None),
        ("Negotiations", "2023-03-01", None),
        ("Meeting", "2023-03-02", None),
        ("Meeting", "2023-03-02", None),
    ]
    assert heads[0].title == "A government conference to discuss the financing of military purchases"
    assert heads[4].title == "Laying of a wreath at the Monument to the People's Heroes"
    assert heads[5].title.startswith("Meeting with Chairman of the Standing Committee")


def test_preamble_is_no_event(seed_text):
    segs = segment(normalize(seed_text))
    assert segs[0].header is None
    assert "Summary of results" in seed_text[segs[0].start:segs[0].end]
    assert all(s.header is not None for s in segs[1:])


def test_date_inside_a_sentence_is_no_header():
    text = "The talks were held in Minsk, 1 March 2023. Both sides praised them, 2 March 2023, in a statement."
    assert find_headers(text) == []


def test_kremlin_style_title_line_and_date_line():
    text = ("Talks with President of Ruritania Jan Kowal\nMarch 5, 2024\nThe Kremlin, Moscow\n"
            "Vladimir Putin: Good afternoon, Mr President.\n"
            "Meeting with Government members\nMarch 6, 2024\nVladimir Putin: Colleagues, good afternoon.\n")
    heads = find_headers(text)
    assert [(h.title, h.type, h.begin) for h in heads] == [
        ("Talks with President of Ruritania Jan Kowal", "Negotiations", "2024-03-05"),
        ("Meeting with Government members", "Meeting", "2024-03-06"),
    ]
    segs = segment(text)
    assert "Good afternoon, Mr President" in text[segs[0].body_start:segs[0].end]


def test_back_to_back_headers():
    text = ("We are ready. Laying of flowers at the Eternal Flame ceremony, 3 May 2024 Meeting with the Governor of "
            "the Vitebsk Region Ivan Petrov, 3 May 2024 Good morning!")
    heads = find_headers(text)
    assert [h.type for h in heads] == ["Ceremony", "Meeting"]
    assert heads[1].title == "Meeting with the Governor of the Vitebsk Region Ivan Petrov"


def test_normalize_keeps_offsets():
    text = "Dear Aleksandr Grigoryevich [Lukashenko]! People\u2019s"
    assert len(normalize(text)) == len(text)
    assert "Grigoryevich  Lukashenko " in normalize(text)
