"""eval/realnews/collect.py --cut: a saved copy of a whole page is cut back to the recorded span and checked."""
import hashlib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("collect", ROOT / "eval" / "realnews" / "collect.py")
collect = importlib.util.module_from_spec(spec)
spec.loader.exec_module(collect)

SAVED = ("Minister Ana Silva receives the new envoy of Chile\n\n"
         "Lisbon, 3 May — Foreign Minister Ana Silva received Ambassador Pablo Soto of Chile on Tuesday.\n\n"
         "The two discussed trade and fisheries.\n")


def row_for(text: str) -> dict:
    return {"first_words": "Minister Ana Silva receives the", "last_words": "trade and fisheries.",
            "words": str(len(text.split())), "sha256_words": collect.words_sha(text),
            "sha256": hashlib.sha256(text.encode()).hexdigest()}


def test_a_page_with_menus_around_the_span_is_cut_to_it():
    page = "Home | News | Sport\n\n" + SAVED + "\nShare on X\nRelated stories\n"
    assert collect.recut(page, row_for(SAVED)) == SAVED


def test_caption_and_date_lines_the_trimming_dropped_are_found_by_word_count_and_checksum():
    body = SAVED.split("\n\n")
    page = "\n\n".join([body[0], "Photo: Ministry press office", "12:04 GMT", body[1], "ADVERTISEMENT", body[2]])
    assert collect.recut(page, row_for(SAVED)) == SAVED


def test_a_caption_that_repeats_the_lead_does_not_start_the_span():
    page = "Minister Ana Silva receives the envoy (photo)\n\n" + SAVED
    assert collect.recut(page, row_for(SAVED)) == SAVED


def test_lines_inside_the_first_words_are_skipped():
    saved = "Envoy received Foreign Minister Ana Silva met Pablo Soto.\n"
    row = dict(row_for(saved), first_words="Envoy received Foreign Minister", last_words="Pablo Soto.")
    page = "Envoy received\n\nPhoto: press office\n\nForeign Minister Ana Silva met Pablo Soto.\n"
    assert " ".join(collect.recut(page, row).split()) == " ".join(saved.split())


@pytest.mark.parametrize("page", ["Nothing about the meeting here.\n",
                                  SAVED.replace("Tuesday", "Wednesday")])
def test_a_page_without_the_recorded_span_or_with_other_words_is_refused(page):
    assert collect.recut(page, row_for(SAVED)) is None


def test_cut_files_are_written_only_when_they_check(tmp_path, monkeypatch):
    sources = tmp_path / "SOURCES.tsv"
    good, bad = row_for(SAVED), row_for(SAVED)
    cols = ["name", "split", "url", "first_words", "last_words", "words", "sha256", "sha256_words"]
    lines = ["\t".join(cols)]
    for name, row in (("good", good), ("bad", bad)):
        row.update(name=name, split="dev", url="https://example.org/" + name)
        lines.append("\t".join(row[c] for c in cols))
    sources.write_text("\n".join(lines) + "\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text("Menu\n\n" + SAVED)
    (pages / "bad.txt").write_text(SAVED.replace("trade", "tourism"))
    monkeypatch.setattr(collect, "SOURCES", sources)
    monkeypatch.setattr(collect, "HERE", tmp_path)
    (tmp_path / "dev").mkdir()
    assert collect.main(["--cut", str(pages)]) == 1
    assert (tmp_path / "dev" / "good.txt").read_text() == SAVED
    assert not (tmp_path / "dev" / "bad.txt").exists()
