"""What the Elasticsearch backend sends: index settings, mappings and query bodies."""

import json

import pytest

from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import build_index, read_word_file
from search.models import SynonymGroup
from search.query import SearchQuery

# Query bodies read the editors' synonym groups from the database.
pytestmark = pytest.mark.django_db


def index_body(language):
    return build_index(f"pages-{language}-1", language).to_dict()


def query_body(**kwargs):
    open_ids = kwargs.pop("open_ids", None)
    backend = ElasticsearchBackend(client=None)
    return backend.build_search(SearchQuery(**kwargs), open_ids=open_ids).to_dict()


def test_german_analyzer_normalises_decompounds_stems_and_drops_stop_words():
    analysis = index_body("de")["settings"]["analysis"]
    assert analysis["analyzer"]["de_text"]["filter"] == [
        "lowercase",
        "de_decompound",
        "german_normalization",
        "de_stop",
        "de_stemmer",
    ]
    filters = analysis["filter"]
    assert filters["de_decompound"]["type"] == "dictionary_decompounder"
    assert "burg" in filters["de_decompound"]["word_list"]
    # "german_stem" is the legacy name; light_german is the maintained stemmer.
    assert filters["de_stemmer"] == {"type": "stemmer", "language": "light_german"}
    assert filters["de_stop"]["stopwords"] == "_german_"
    assert "schloss, burg" in filters["de_synonyms"]["synonyms"]
    assert "de_synonyms" in analysis["analyzer"]["de_search"]["filter"]


def test_english_analyzer_handles_possessives_and_stems():
    analysis = index_body("en")["settings"]["analysis"]
    assert analysis["analyzer"]["en_text"]["filter"][0] == "en_possessive"
    assert analysis["filter"]["en_possessive"]["language"] == "possessive_english"
    assert analysis["filter"]["en_stemmer"]["language"] == "english"


def test_other_languages_use_the_standard_tokenizer_without_stemming():
    analysis = index_body("pl")["settings"]["analysis"]
    assert analysis["analyzer"]["pl_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }


def test_mapping_has_geo_point_completion_and_keyword_filters():
    properties = index_body("de")["mappings"]["properties"]
    assert properties["location"] == {"type": "geo_point"}
    assert properties["suggest"]["type"] == "completion"
    assert properties["title"]["analyzer"] == "de_text"
    assert properties["title"]["search_analyzer"] == "de_search"
    for name in ("type", "categories", "kind", "language", "translated_to"):
        assert properties[name] == {"type": "keyword"}
    assert properties["live"] == {"type": "boolean"}
    assert properties["start"] == {"type": "date"}


def test_shipped_word_files_have_no_comments_or_blank_lines():
    for name in ("de_compound_words.txt", "synonyms_de.txt", "synonyms_en.txt"):
        words = read_word_file(name)
        assert words
        assert not [word for word in words if word.startswith("#") or not word.strip()]


def test_text_goes_to_multi_match_with_fuzziness_never_to_query_string():
    text = 'title:x AND ( live:false OR internal_note:"x"'
    body = query_body(text=text, language="de")
    serialised = json.dumps(body)
    assert "query_string" not in serialised  # covers simple_query_string too
    scoring = body["query"]["bool"]["must"][0]["function_score"]
    multi_match = scoring["query"]["bool"]["should"][0]["multi_match"]
    # The visitor's words, as plain text for the analyzers: no syntax survives.
    assert multi_match["query"].split() == ["title:x", "live:false", 'internal_note:"x']
    assert multi_match["fuzziness"] == "AUTO"
    assert multi_match["fields"][0] == "title^5"


def test_live_and_language_are_filters_not_text():
    body = query_body(text="Roland", language="en")
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"live": True}} in filters
    fallback = filters[1]["bool"]["should"]
    assert fallback[0] == {"bool": {"filter": [{"term": {"language": "en"}}]}}
    assert fallback[1]["bool"]["must_not"] == [{"terms": {"translated_to": ["en"]}}]


def test_english_searches_the_english_then_the_german_index_boosting_english():
    backend = ElasticsearchBackend(client=None)
    search = backend.build_search(SearchQuery(text="museum", language="en"))
    assert search._index == ["stadtcms-pages-en", "stadtcms-pages-de"]
    functions = search.to_dict()["query"]["bool"]["must"][0]["function_score"]["functions"]
    assert functions == [{"filter": {"term": {"language": "en"}}, "weight": 2.0}]


def test_type_and_category_are_post_filters_and_facets_exclude_their_own_filter():
    body = query_body(text="museum", types=("poi",), categories=("museums",))
    assert body["post_filter"] == {
        "bool": {"filter": [{"terms": {"type": ["poi"]}}, {"terms": {"categories": ["museums"]}}]}
    }
    assert body["aggs"]["type"]["filter"] == {"terms": {"categories": ["museums"]}}
    assert body["aggs"]["type"]["aggs"]["values"]["terms"]["field"] == "type"
    assert body["aggs"]["category"]["filter"] == {"terms": {"type": ["poi"]}}


def test_kind_filters_routes():
    filters = query_body(text="Rad", kind="cycling")["query"]["bool"]["filter"]
    assert {"term": {"kind": "cycling"}} in filters
    assert {"term": {"type": "route"}} in filters


def test_open_now_filters_places_by_id():
    filters = query_body(text="Museum", open_now=True, open_ids=[4, 7])["query"]["bool"]["filter"]
    assert {"terms": {"page_id": [4, 7]}} in filters


def test_near_adds_a_distance_filter_and_sorts_by_distance():
    body = query_body(near=(52.2897, 11.4086))
    assert {
        "geo_distance": {"distance": "25000m", "location": {"lat": 52.2897, "lon": 11.4086}}
    } in body["query"]["bool"]["filter"]
    assert body["sort"][0]["_geo_distance"]["location"] == {"lat": 52.2897, "lon": 11.4086}
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]


def test_highlight_suggest_timeout_and_total():
    body = query_body(text="Roland")
    assert set(body["highlight"]["fields"]) == {"title", "teaser", "body"}
    assert body["highlight"]["pre_tags"] == ["\ue000"]
    assert body["suggest"]["did_you_mean"]["term"]["field"] == "title.plain"
    assert body["timeout"].endswith("ms")
    assert body["track_total_hits"] is True


@pytest.mark.parametrize("page", [1, 2, 1000])
def test_from_plus_size_stays_inside_the_result_window(page):
    body = query_body(text="Roland", page=page)
    assert body["from"] == (page - 1) * 10
    assert body["from"] + body["size"] <= 10_000


def test_a_page_beyond_the_window_cannot_be_built():
    with pytest.raises(ValueError):
        SearchQuery(text="x", page=1001)


def test_synonyms_of_the_files_and_the_editors_are_weighted_extra_words():
    SynonymGroup.objects.create(words="Schwimmbad, Rolli-Bad")
    scoring = query_body(text="Schwimmbad", language="de")["query"]["bool"]["must"][0]
    should = scoring["function_score"]["query"]["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "schwimmbad"
    extra = {
        clause["multi_match"]["query"]: clause["multi_match"]["boost"] for clause in should[2:]
    }
    assert extra["rolli-bad"] == 0.7
    shipped = query_body(text="Fahrradtour", language="de")["query"]["bool"]["must"][0]
    words = [
        c["multi_match"]["query"] for c in shipped["function_score"]["query"]["bool"]["should"][2:]
    ]
    assert "radtour" in words


def test_events_that_are_over_are_filtered_out():
    filters = query_body(text="Konzert", language="de")["query"]["bool"]["filter"]
    (not_over,) = [clause for clause in filters if "must_not" in clause.get("bool", {})]
    over = not_over["bool"]["must_not"][0]["bool"]["filter"]
    assert over[0] == {"term": {"type": "event"}}
    assert "end" in over[1]["bool"]["should"][0]["range"]


def test_a_month_word_becomes_a_date_filter_on_events_in_any_year_ahead():
    body = query_body(text="Veranstaltungen Dezember", language="de")
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"type": "event"}} in filters
    (months,) = [
        clause
        for clause in filters
        if "minimum_should_match" in clause.get("bool", {})
        and "range" in clause["bool"]["should"][0]
    ]
    starts = [clause["range"]["start"]["gte"] for clause in months["bool"]["should"][::2]]
    assert len(starts) == 3 and all("-12-01T00:00:00" in start for start in starts)
    concert = query_body(text="Konzert im Mai", language="de")["query"]["bool"]["must"][0]
    assert (
        concert["function_score"]["query"]["bool"]["should"][0]["multi_match"]["query"] == "konzert"
    )
