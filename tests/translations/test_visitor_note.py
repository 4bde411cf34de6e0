"""Visitors reading an outdated translation are told so and pointed to the German original."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories.tourism import PointOfInterestPageFactory
from translations import state


@pytest.fixture
def place(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Roland",
        title_en="Roland statue",
        slug="roland",
        slug_en="roland-statue",
        teaser="Der Roland steht am Markt.",
        teaser_en="The Roland stands on the market square.",
    )


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def outdate_english(page):
    page.teaser_de = "Der Roland steht seit 1419 am Markt."
    page.save_revision().publish()


@pytest.mark.django_db
def test_fresh_translation_shows_no_note(client, place):
    assert "translation-note" not in client.get(url_in(place, "en")).content.decode()


@pytest.mark.django_db
def test_outdated_english_page_links_to_the_german_original(client, place):
    outdate_english(place)
    html = client.get(url_in(place, "en")).content.decode()
    assert "This translation may be out of date." in html
    note = html[html.index("translation-note") : html.index("</p>", html.index("translation-note"))]
    assert f'href="{url_in(place, "de")}"' in note and 'hreflang="de"' in note
    assert '<span lang="de">Roland</span>' in html


@pytest.mark.django_db
def test_german_page_shows_no_note(client, place):
    outdate_english(place)
    assert "translation-note" not in client.get(url_in(place, "de")).content.decode()


@pytest.mark.django_db
def test_polish_reader_of_the_english_fallback_sees_the_note_in_polish(client, place):
    outdate_english(place)
    html = client.get(url_in(place, "pl")).content.decode()
    assert "To tłumaczenie może być nieaktualne." in html


@pytest.mark.django_db
def test_note_leaves_the_cached_page_after_review(client, place, settings, django_user_model):
    settings.PAGE_CACHE_SECONDS = 600
    outdate_english(place)
    url = url_in(place, "en")
    assert "translation-note" in client.get(url).content.decode()
    assert "translation-note" in client.get(url).content.decode()  # now from the cache
    state.mark_reviewed(place, "en", django_user_model.objects.create_user("lektor"))
    assert "translation-note" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_note_adds_no_query_to_a_warm_render(client, place, poi_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    other = PointOfInterestPageFactory(parent=poi_index, title="Rathaus", teaser_en="Town hall.")
    outdate_english(place)

    def queries(page):
        url = url_in(page, "en")
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return len(captured.captured_queries), "translation-note" in html

    with_note, shown = queries(place)
    without_note, not_shown = queries(other)
    assert shown and not not_shown
    assert with_note == without_note
