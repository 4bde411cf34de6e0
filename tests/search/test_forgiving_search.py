"""The database backend forgives spellings, typos, plurals and synonyms, and knows dates."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from search import vocabulary
from search.backends.database import DatabaseBackend
from search.models import SynonymGroup
from search.query import SearchQuery
from tests.factories.pages import EventPageFactory, StandardPageFactory
from tests.factories.tourism import PointOfInterestPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_database_backend")]


@pytest.fixture
def _database_backend():
    with override_settings(ELASTICSEARCH_URL=""):
        yield


def titles(text, language="de", **params):
    query = SearchQuery.from_params({"q": text, **params}, language)
    results = DatabaseBackend().search(query)
    return [hit.object.title for hit in results.hits], results


def test_a_typo_is_corrected_when_nothing_is_found(search_data):
    found, results = titles("Hundisbrug")
    assert found[0] == "Schloss Hundisburg"
    assert results.corrected_text == "hundisburg"


def test_a_new_page_word_corrects_typos_once_the_words_are_read_again(search_data):
    assert titles("Wasserburgg")[0] == []
    PointOfInterestPageFactory(parent=search_data["castle"].get_parent(), title="Wasserburg Wiede")
    # The test settings read the words again inside the request that finds them stale.
    found, results = titles("Wasserburgg")
    assert found == ["Wasserburg Wiede"]
    assert results.corrected_text == "wasserburg"


def test_while_another_process_reads_the_words_the_previous_ones_are_served(search_data):
    assert titles("Wasserburgg")[0] == []
    PointOfInterestPageFactory(parent=search_data["castle"].get_parent(), title="Wasserburg Wiede")
    with override_settings(SEARCH_VOCABULARY_IN_BACKGROUND=True):
        # Another process holds the lock: nobody here reads every title again.
        cache.add("search:words:page-words:rebuilding", True)
        assert titles("Wasserburgg")[0] == []
        cache.delete("search:words:page-words:rebuilding")
    assert titles("Wasserburgg")[0] == ["Wasserburg Wiede"]


def test_a_word_only_a_body_holds_is_found_as_typed_not_corrected(search_data):
    assert titles("Hundisbrug")[1].corrected_text == "hundisburg"
    # Bodies are not read for corrections: the typed word is no page word to them, so
    # its correction is ranked along, and shown only when the typed word finds nothing.
    StandardPageFactory(
        parent=search_data["imprint"].get_parent(),
        title="Service",
        intro="",
        body=[("paragraph", "<p>Hundisbrug, so schrieb man es 1850</p>")],
    )
    found, results = titles("Hundisbrug")
    assert found == ["Service"]
    assert not results.corrected_text


def test_a_correction_foreseen_from_older_words_gives_way_to_the_current_one(search_data):
    parent = search_data["castle"].get_parent()
    PointOfInterestPageFactory(parent=parent, title="Wasserburgen Tour")
    assert titles("Wasserburgg")[1].corrected_text == "wasserburgen"
    PointOfInterestPageFactory(parent=parent, title="Wasserburg Wiede")
    # This process still holds the words without "wasserburg" when it searches.
    found, results = titles("Wasserburgg")
    assert results.corrected_text == "wasserburg"
    assert set(found) == {"Wasserburg Wiede", "Wasserburgen Tour"}


def test_typo_correction_keeps_the_most_frequent_closest_word():
    words = vocabulary.PageWords({"mühle": 5, "mühe": 9, "mühlen": 1, "kirche": 3})
    assert words.closest("muhle") == "mühle"
    assert words.closest("kirhce") == "kirche"
    assert words.closest("xylophon") is None
    assert words.knows("uehl") and not words.knows("burg")


def test_the_literal_query_is_not_corrected(search_data):
    found, results = titles("Hundisbrug", exact="1")
    assert found == []
    assert results.did_you_mean == "hundisburg"


def test_nonsense_stays_empty(search_data):
    assert titles("xqzvy")[0] == []


def test_umlaut_spelled_out_finds_the_umlaut(search_data):
    assert titles("Oeffnungszeiten")[0][0] == "Neue Öffnungszeiten im Museum"


def test_plural_finds_the_singular(search_data):
    assert "Museum Haldensleben" in titles("Museen")[0][:3]


def test_editors_synonyms_find_pages_without_the_word(search_data):
    assert titles("Schwimmbad")[0] == [] or "Schloss" not in titles("Schwimmbad")[0][0]
    SynonymGroup.objects.create(words="zamek, Schloss")
    assert titles("zamek", "pl")[0][0] == "Schloss Hundisburg"


def test_a_synonym_group_of_one_language_is_not_used_for_another(search_data):
    SynonymGroup.objects.create(words="zamek, Schloss", language="pl")
    assert titles("zamek", "de")[0] == []


def test_past_events_are_not_found(search_data):
    EventPageFactory(
        parent=search_data["event"].get_parent(),
        title="Museumsnacht vom letzten Jahr",
        start=timezone.now() - timedelta(days=300),
        end=timezone.now() - timedelta(days=300, hours=-2),
    )
    found, _results = titles("Museumsnacht")
    assert found == ["Museumsnacht"]


def test_a_month_lists_the_events_of_that_month(search_data):
    start = timezone.now() + timedelta(days=40)
    parent = search_data["event"].get_parent()
    EventPageFactory(parent=parent, title="Sommerfest", start=start, end=start)
    month = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    month = dict(enumerate(month.split(), start=1))
    found, _results = titles(f"Veranstaltungen {month[timezone.localtime(start).month]}")
    assert "Sommerfest" in found
    assert "Museum Haldensleben" not in found


def test_suggestions_complete_a_word_inside_a_hyphenated_title(search_data):
    parent = search_data["roland"].get_parent()
    PointOfInterestPageFactory(parent=parent, title="St.-Marien-Kirche")
    assert DatabaseBackend().suggest("Kir", "de") == ["St.-Marien-Kirche"]


def test_suggestions_put_titles_starting_with_the_prefix_first_then_shorter(search_data):
    parent = search_data["roland"].get_parent()
    PointOfInterestPageFactory(parent=parent, title="Hundisburger Landschaftspark am Schloss")
    suggestions = DatabaseBackend().suggest("Hun", "de")
    assert suggestions[0] == "Hundisburger Landschaftspark am Schloss"
    assert suggestions.index("Schloss Hundisburg") < suggestions.index("Radweg nach Hundisburg")


def test_two_letters_complete_words_at_the_start_and_inside_titles(search_data):
    parent = search_data["roland"].get_parent()
    PointOfInterestPageFactory(parent=parent, title="St.-Marien-Kirche")
    PointOfInterestPageFactory(parent=parent, title="Kirchberg")
    PointOfInterestPageFactory(parent=parent, title="Parkirchen")  # "ki" inside a word only
    suggestions = DatabaseBackend().suggest("Ki", "de")
    assert suggestions == ["Kirchberg", "St.-Marien-Kirche"]


def test_suggestions_stay_few_however_many_titles_hold_the_prefix(search_data):
    parent = search_data["roland"].get_parent()
    for number in range(30):
        PointOfInterestPageFactory(parent=parent, title=f"Mühle {number}")
    suggestions = DatabaseBackend().suggest("Mü", "de", limit=8)
    assert suggestions == [f"Mühle {number}" for number in range(8)]
