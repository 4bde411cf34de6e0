"""How the database backend widens a visitor's words: spellings, plurals, months, questions."""

import pytest

from search.expansion import expand, fold, spellings, stems
from search.vocabulary import edit_distance


def test_umlauts_sharp_s_and_accents_fold_both_ways():
    assert fold("Großsteingräber") == "grosssteingraeber"
    assert fold("Café") == "cafe"
    assert "teufelsküche" in spellings("teufelskueche")
    assert "hagenstraße" in spellings("hagenstrasse")
    assert "cafe" in spellings("café")


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("türme", "turm"), ("museen", "museum"), ("konzerte", "konzert"), ("churches", "church"),
     ("tombs", "tomb"), ("führungen", "führung"), ("großsteingräber", "großsteingrab")],
)  # fmt: skip
def test_plurals_have_their_singular_among_the_stems(plural, singular):
    assert singular in stems(plural, "de")


def test_question_words_are_dropped_when_others_remain():
    words = [
        word
        for word, _weight in expand(["wo", "kann", "ich", "übernachten"], "de", False).groups[0]
    ]
    assert words[0] == "übernachten"
    assert len(expand(["wo", "kann", "ich", "übernachten"], "de", False).groups) == 1


@pytest.mark.parametrize(
    ("words", "months"),
    [(["veranstaltungen", "dezember"], (12,)), (["im", "mai"], (5,)),
     (["events", "in", "may"], (5,)), (["grudzień"], (12,)), (["grudzien"], (12,))],
)  # fmt: skip
def test_month_words_become_an_event_filter(words, months):
    expansion = expand(words, "de", with_synonyms=False)
    assert expansion.months == months
    assert expansion.events_only
    assert expansion.groups == []


def test_a_swap_of_two_letters_is_one_edit():
    assert edit_distance("hundisbrug", "hundisburg", 2) == 1
    assert edit_distance("rolnad", "roland", 2) == 1
    assert edit_distance("flughafen", "suedhafen", 2) == 3
