"""The backend contract: every backend answers the same questions the same way.

Runs on the database backend, on the Elasticsearch backend against the noida-db
emulator, and against a real cluster when ELASTICSEARCH_URL is set.
"""

import pytest
from django.utils import translation

from search.query import SearchQuery
from tests.search.conftest import ROLAND

pytestmark = pytest.mark.django_db


def titles(results):
    return [hit.object.title for hit in results.hits]


def pks(results):
    return [hit.object.pk for hit in results.hits]


def test_roland_finds_the_roland_first(backend, search_data):
    results = backend.search(SearchQuery(text="Roland", language="de"))
    assert pks(results)[0] == search_data["roland"].pk
    assert search_data["cafe"].pk in pks(results)


def test_hundisburg_finds_the_castle_and_the_route_to_it(backend, search_data):
    results = backend.search(SearchQuery(text="Hundisburg", language="de"))
    assert set(pks(results)[:2]) == {search_data["castle"].pk, search_data["cycle_route"].pk}


def test_museum_in_english_finds_the_museum(backend, search_data):
    results = backend.search(SearchQuery(text="museum", language="en"))
    assert search_data["museum"].pk in pks(results)[:3]
    with translation.override("en"):
        assert "Haldensleben Museum" in titles(results)


def test_english_visitors_find_german_only_pages_after_translated_ones(backend, search_data):
    results = backend.search(SearchQuery(text="Roland", language="en"))
    found = pks(results)
    assert found.index(search_data["roland"].pk) < found.index(search_data["cafe"].pk)


def test_facets_count_each_type_and_category(backend, search_data):
    results = backend.search(SearchQuery(text="museum", language="de"))
    types = {facet.value: facet.count for facet in results.facets["type"]}
    assert types == {"poi": 1, "event": 1, "news": 1}
    categories = {facet.value: facet.count for facet in results.facets["category"]}
    assert categories == {"museums": 1, "tours": 1}
    assert results.total == 3


def test_a_type_filter_narrows_hits_but_keeps_the_other_type_counts(backend, search_data):
    results = backend.search(SearchQuery(text="museum", language="de", types=("poi",)))
    assert pks(results) == [search_data["museum"].pk]
    assert results.total == 1
    types = {facet.value: facet.count for facet in results.facets["type"]}
    assert types == {"poi": 1, "event": 1, "news": 1}
    assert [facet.value for facet in results.facets["type"] if facet.selected] == ["poi"]


def test_category_and_kind_filters(backend, search_data):
    by_category = backend.search(SearchQuery(text="Hundisburg", categories=("sights",)))
    assert pks(by_category) == [search_data["castle"].pk]
    by_kind = backend.search(SearchQuery(text="Hundisburg", kind="cycling"))
    assert pks(by_kind) == [search_data["cycle_route"].pk]


def test_open_now_keeps_only_places_open_at_this_moment(backend, search_data):
    # Only the museum has opening hours (always open); places without hours are not "open".
    results = backend.search(SearchQuery(text="Museum", language="de", open_now=True))
    assert pks(results) == [search_data["museum"].pk]


def test_near_orders_by_distance(backend, search_data):
    results = backend.search(SearchQuery(language="de", types=("poi",), near=ROLAND))
    assert pks(results) == [
        search_data["roland"].pk,
        search_data["cafe"].pk,
        search_data["museum"].pk,
        search_data["castle"].pk,
    ]
    distances = [hit.distance_m for hit in results.hits]
    assert distances == sorted(distances)
    assert distances[0] < 5


def test_highlights_mark_the_words_and_escape_the_rest(backend, search_data):
    results = backend.search(SearchQuery(text="Wahrzeichen", language="de"))
    assert results.hits
    assert "<mark>Wahrzeichen</mark>" in results.hits[0].highlight


def test_unpublished_pages_never_appear(backend, search_data):
    for text in ("Geheimtipp", "Keller", "Roland Keller"):
        results = backend.search(SearchQuery(text=text, language="de"))
        assert search_data["draft"].pk not in pks(results)


def test_publishing_and_unpublishing_update_the_results(backend, search_data):
    draft = search_data["draft"]
    draft.save_revision().publish()
    assert draft.pk in pks(backend.search(SearchQuery(text="Geheimtipp", language="de")))
    draft.refresh_from_db()
    draft.unpublish()
    assert draft.pk not in pks(backend.search(SearchQuery(text="Geheimtipp", language="de")))


def test_deleted_pages_disappear(backend, search_data):
    search_data["imprint"].delete()
    assert not backend.search(SearchQuery(text="Impressum", language="de")).hits


def test_pagination_reports_the_engine_total(backend, search_data):
    first = backend.search(SearchQuery(text="Roland", language="de", page_size=1))
    assert first.total >= 2
    assert len(first.hits) == 1
    assert first.has_next
    second = backend.search(SearchQuery(text="Roland", language="de", page=2, page_size=1))
    assert pks(second) != pks(first)


def test_page_past_the_end_is_empty_not_an_error(backend, search_data):
    results = backend.search(SearchQuery(text="Roland", language="de", page=900))
    assert results.hits == []
    assert results.total >= 2


def test_nothing_found_offers_a_close_title_word(backend, search_data):
    results = backend.search(SearchQuery(text="Hundisbrug", language="de"))
    if results.total:
        # Elasticsearch's fuzziness already finds "Hundisburg"; nothing to correct.
        assert search_data["castle"].pk in pks(results)
    else:
        assert results.did_you_mean.casefold() == "hundisburg"


def test_suggestions_complete_titles(backend, search_data):
    assert "Schloss Hundisburg" in backend.suggest("Schlo", "de")
    assert "Roland" in backend.suggest("Rol", "de")


def test_lucene_syntax_is_plain_text(backend, search_data):
    for text in ("live:false", "title:x AND (", "internal_note:x", "*", "Roland OR 1=1 --"):
        results = backend.search(SearchQuery(text=text, language="de"))
        assert search_data["draft"].pk not in pks(results)


def test_a_word_too_far_for_fuzziness_is_corrected_automatically_and_said(backend, search_data):
    results = backend.search(SearchQuery(text="Jundisburg", language="de"))
    assert search_data["castle"].pk in pks(results)
    assert results.corrected_text.casefold() == "hundisburg"
    assert results.query.text == "Jundisburg"  # the page links to the literal text


def test_suggestions_keep_distinct_pages_that_share_a_word(backend, search_data):
    suggestions = backend.suggest("Hun", "de")
    assert "Schloss Hundisburg" in suggestions
    assert "Radweg nach Hundisburg" in suggestions
