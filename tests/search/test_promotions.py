"""Editors act on what visitors search for: promoted results, synonyms from the report."""

import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search import api
from search.models import PromotedResult, SearchQueryLog, SynonymGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return user


def result_titles(html):
    return re.findall(r'<h2>\s*<a href="[^"]+">([^<]+)</a>', html)


def test_a_promoted_page_comes_first_for_its_text_in_any_spelling(client, search_data):
    PromotedResult.objects.create(query="Stadtführung", page=search_data["walk"])

    for text in ("Stadtführung", "stadtfuehrung", "STADTFÜHRUNG"):
        results = api.search(text, "de")
        assert results.hits[0].object.pk == search_data["walk"].pk
        assert results.hits[0].promoted

    html = client.get("/de/suche/", {"q": "Stadtführung"}).content.decode()
    assert result_titles(html)[0] == "Altstadtrundgang"
    assert "Empfohlen" in html


def test_a_promoted_page_is_listed_once_and_counted_once(search_data):
    roland = search_data["roland"]
    before = api.search("Roland", "de")
    assert roland.pk in [hit.object.pk for hit in before.hits]
    PromotedResult.objects.create(query="Roland", page=search_data["museum"], sort_order=2)
    PromotedResult.objects.create(query="Roland", page=roland, sort_order=1)

    after = api.search("Roland", "de")

    ids = [hit.object.pk for hit in after.hits]
    assert ids[:2] == [roland.pk, search_data["museum"].pk]
    assert len(ids) == len(set(ids))
    museum_was_found = search_data["museum"].pk in [hit.object.pk for hit in before.hits]
    assert after.total == before.total + (0 if museum_was_found else 1)


def test_promotions_respect_language_type_filter_page_and_privacy(search_data):
    museum = search_data["museum"]
    PromotedResult.objects.create(query="Nachtleben", language="en", page=museum)
    assert not api.search("Nachtleben", "de").hits
    assert api.search("Nachtleben", "en").hits[0].object.pk == museum.pk
    assert not any(hit.promoted for hit in api.search("Nachtleben", "en", {"type": "route"}).hits)
    assert not api.search("Nachtleben", "en", page=2).hits

    PageViewRestriction.objects.create(page=museum, restriction_type="password", password="x")
    assert not api.search("Nachtleben", "en").hits


def test_event_results_show_their_date(client, search_data):
    event = search_data["event"]
    html = client.get("/de/suche/", {"q": "Museumsnacht"}).content.decode()
    start = timezone.localtime(event.start).date().isoformat()
    assert f'<time datetime="{start}' in html


def test_each_report_row_leads_to_results_synonyms_and_a_promotion(client, search_data, editor):
    SearchQueryLog.record("Schwimmbad", "de", 0)

    html = client.get("/admin/reports/search-terms/").content.decode()

    assert 'href="/de/suche/?q=schwimmbad"' in html
    synonyms = re.search(r'href="(/admin/snippets/search/synonymgroup/add/\?[^"]+)"', html)
    promote = re.search(r'href="(/admin/snippets/search/promotedresult/add/\?[^"]+)"', html)
    form = client.get(synonyms.group(1).replace("&amp;", "&")).content.decode()
    assert re.search(r"<textarea[^>]*>\s*schwimmbad</textarea>", form)
    form = client.get(promote.group(1).replace("&amp;", "&")).content.decode()
    assert re.search(r'name="query"[^>]*value="schwimmbad"', form)


def test_an_editor_adds_synonyms_and_a_promotion_through_the_admin(client, search_data, editor):
    response = client.post(
        "/admin/snippets/search/synonymgroup/add/",
        {"words": "schwimmbad, Kaffeehaus", "language": ""},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.get().word_list == ["schwimmbad", "kaffeehaus"]
    assert api.search("Schwimmbad", "de").hits[0].object.pk == search_data["cafe"].pk

    response = client.post(
        "/admin/snippets/search/promotedresult/add/",
        {"query": "Baden", "language": "de", "page": search_data["castle"].pk, "sort_order": 0},
    )
    assert response.status_code == 302
    assert api.search("baden", "de").hits[0].object.pk == search_data["castle"].pk


def test_a_promotion_needs_a_page(client, search_data, editor):
    response = client.post(
        "/admin/snippets/search/promotedresult/add/", {"query": "Baden", "sort_order": 0}
    )
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not PromotedResult.objects.exists()


def test_partner_api_searches_count_in_the_report_once(client, search_data):
    client.get("/api/v1/search", {"q": "Roland", "lang": "de"})
    client.get("/api/v1/search", {"q": "Roland", "lang": "de", "page": 2, "limit": 1})
    assert SearchQueryLog.objects.get(query="roland").searches == 1


def test_the_report_keeps_the_spelling_visitors_typed():
    SearchQueryLog.record("Hagenstraße", "de", 0)
    assert SearchQueryLog.objects.get().query == "hagenstraße"


def test_visitors_see_a_new_promotion_and_synonyms_on_a_stored_search_page(
    client, search_data, settings
):
    """Stored search pages carry the editors' search settings: a change shows at once."""
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()  # no cookies: anonymous pages are stored
    assert visitor.get("/de/suche/", {"q": "Stadtführung"})["X-Robots-Tag"] == "noindex"
    assert "Altstadtrundgang" not in result_titles(
        visitor.get("/de/suche/", {"q": "Stadtführung"}).content.decode()
    )
    PromotedResult.objects.create(query="Stadtführung", page=search_data["walk"])
    html = visitor.get("/de/suche/", {"q": "Stadtführung"}).content.decode()
    assert result_titles(html)[0] == "Altstadtrundgang"

    before = visitor.get("/de/suche/", {"q": "Hallenbad"}).content.decode()
    assert "Kaffeehaus am Roland" not in result_titles(before)
    SynonymGroup.objects.create(words="Hallenbad, Kaffeehaus")
    after = visitor.get("/de/suche/", {"q": "Hallenbad"}).content.decode()
    assert "Kaffeehaus am Roland" in result_titles(after)
    group = SynonymGroup.objects.get()
    group.delete()
    again = visitor.get("/de/suche/", {"q": "Hallenbad"}).content.decode()
    assert "Kaffeehaus am Roland" not in result_titles(again)
