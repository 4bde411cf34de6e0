"""Every kind of widget shows live, public pages with links to their canonical pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories.pages import EventPageFactory
from tests.factories.tourism import PointOfInterestPageFactory

from .conftest import html_of, link_titles

pytestmark = pytest.mark.django_db


def get(client, path, **options):
    response = client.get(path, options)
    assert response.status_code == 200, html_of(response)
    return html_of(response)


def hrefs(html):
    return re.findall(r'<a [^>]*href="([^"]+)"', html)


# Points of interest -------------------------------------------------------------------


def test_points_of_interest_are_listed_by_name_in_the_widget_language(client, museum, castle):
    html = get(client, "/widgets/pois/", lang="en")
    assert link_titles(html) == ["Haldensleben Museum", "Hundisburg Castle"]
    assert '<html lang="en"' in html
    assert "<title>Points of interest in Haldensleben</title>" in html


def test_links_lead_to_the_canonical_page_in_the_widget_language_out_of_the_frame(client, museum):
    html = get(client, "/widgets/pois/", lang="en")
    assert '<a href="http://localhost/en/sights/museum/" target="_top">' in html
    html = get(client, "/widgets/pois/", lang="de")
    assert '<a href="http://localhost/de/sehenswertes/museum/" target="_top">' in html


def test_polish_falls_back_to_english_then_german_as_on_the_site(client, museum, castle):
    museum.title_en = ""
    museum.save_revision().publish()
    html = get(client, "/widgets/pois/", lang="pl")
    assert '<html lang="pl"' in html
    assert link_titles(html) == ["Hundisburg Castle", "Museum Haldensleben"]


def test_unpublished_and_restricted_places_are_left_out(client, museum, castle, poi_index):
    draft = PointOfInterestPageFactory(parent=poi_index, title="Entwurf", live=False)
    secret = PointOfInterestPageFactory(parent=poi_index, title="Geheim")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    html = get(client, "/widgets/pois/")
    assert link_titles(html) == ["Museum Haldensleben", "Schloss Hundisburg"]
    assert draft.title not in html and secret.title not in html


def test_category_filter_takes_any_of_several_categories(client, museum, church, castle):
    assert link_titles(get(client, "/widgets/pois/", category="museums")) == ["Museum Haldensleben"]
    html = get(client, "/widgets/pois/", category="churches,museums", lang="en")
    assert link_titles(html) == ["Haldensleben Museum", "St Mary&#x27;s Church"]
    assert "<title>Churches, Museums in Haldensleben</title>" in html


def test_more_link_leads_to_the_list_on_our_site_with_the_category(client, museum):
    html = get(client, "/widgets/pois/", category="museums", lang="en")
    assert "http://localhost/en/sights/?category=museums" in hrefs(html)


def test_route_filter_lists_the_stops_in_route_order(client, walk, museum, castle):
    html = get(client, "/widgets/pois/", route=walk.pk, lang="en")
    assert link_titles(html) == [
        "Hundisburg Castle",
        "St Mary&#x27;s Church",
        "Haldensleben Museum",
    ]
    assert "http://localhost/en/routes/town-walk/" in hrefs(html)


def test_near_lists_the_places_within_the_radius_nearest_first(client, museum, church, castle):
    # 100 m east of the museum: the church is about 200 m further, the castle 8 km away.
    html = get(client, "/widgets/pois/", near="52.2897,11.41", radius="1000", lang="en")
    assert link_titles(html) == ["Haldensleben Museum", "St Mary&#x27;s Church"]
    assert "100 m away" in html
    assert "<title>Points of interest nearby</title>" in html
    # The castle is about 6.5 km away: beyond the default 5 km, within 10 km.
    assert "Hundisburg Castle" not in get(client, "/widgets/pois/", near="52.2897,11.41", lang="en")
    html = get(client, "/widgets/pois/", near="52.2897,11.41", radius="10000", lang="en")
    assert link_titles(html)[-1] == "Hundisburg Castle"


def test_hand_picked_places_keep_their_order(client, museum, church, castle):
    ids = f"{castle.pk},{museum.pk}"
    assert link_titles(get(client, "/widgets/pois/", ids=ids)) == [
        "Schloss Hundisburg",
        "Museum Haldensleben",
    ]


def test_count_limits_the_list(client, museum, church, castle):
    assert len(link_titles(get(client, "/widgets/pois/", count="2"))) == 2


def test_an_empty_result_says_so(client, museum):
    html = get(client, "/widgets/pois/", near="50.0,8.0", radius="1000", lang="en")
    assert link_titles(html) == []
    assert "No points of interest match these options." in html


def test_layout_images_and_credit(client, museum):
    html = get(client, "/widgets/pois/", layout="grid")
    assert 'class="widget widget--pois layout-grid"' in html
    assert re.search(r'<img src="http://testserver/media/images/[^"]+\.jpg"', html)
    assert 'type="image/webp"' in html
    assert "Foto: Anna Muster · CC BY 4.0" in html
    html = get(client, "/widgets/pois/", images="no")
    assert "<img" not in html and "Anna Muster" not in html


def test_links_may_open_in_a_new_tab_announced_to_screen_readers(client, museum):
    html = get(client, "/widgets/pois/", target="new", lang="en")
    assert 'target="_blank" rel="noopener"' in html
    assert 'target="_top"' not in html
    assert '<span class="visually-hidden"> (opens in a new tab)</span>' in html


@pytest.mark.parametrize("theme", ["light", "dark", "auto"])
def test_theme_is_a_class_on_the_document(client, museum, theme):
    html = get(client, "/widgets/pois/", theme=theme)
    assert f'<html lang="de" class="theme-{theme}">' in html
    expected = "light dark" if theme == "auto" else theme
    assert f'<meta name="color-scheme" content="{expected}">' in html


def test_accent_becomes_the_only_inline_style(client, museum):
    html = get(client, "/widgets/pois/", accent="#FFFF00")
    styles = re.findall(r"<style>(.*?)</style>", html)
    assert styles == [
        ":root{--accent:#ffff00;--on-accent:#000000;--link-light:#737300;--link-dark:#ffff00}"
    ]
    assert " style=" not in html


# One point of interest -----------------------------------------------------------------


def test_point_of_interest_card(client, museum):
    html = get(client, "/widgets/poi/", id=museum.pk, lang="en")
    assert "<title>Haldensleben Museum</title>" in html
    assert "Breiter Gang 1<br>39340 Haldensleben" in html
    assert "Town history" in html
    assert "Museums" in html
    assert "Foto: Anna Muster · CC BY 4.0</figcaption>" in html
    assert hrefs(html).count("http://localhost/en/sights/museum/") == 2


@pytest.mark.parametrize("which", ["unpublished", "missing", "not a place"])
def test_point_of_interest_card_of_a_missing_place_is_not_found(client, museum, walk, which):
    if which == "unpublished":
        museum.unpublish()
        pk = museum.pk
    else:
        pk = 999_999 if which == "missing" else walk.pk
    response = client.get("/widgets/poi/", {"id": pk, "lang": "en"})
    assert response.status_code == 404
    assert f"There is no published point of interest number {pk}." in html_of(response)


# One route ----------------------------------------------------------------------------


def test_route_card_draws_the_track_and_lists_the_stops(client, walk):
    html = get(client, "/widgets/route/", id=walk.pk, lang="en")
    assert "<title>Town walk</title>" in html
    assert re.search(r'<svg [^>]*class="map route-map"[^>]*role="img"', html)
    assert "tile" not in html.lower()
    assert "3 stops" in html
    stops = re.findall(r'<li><a href="[^"]+" target="_top">([^<]+)</a></li>', html)
    assert stops == ["Hundisburg Castle", "St Mary&#x27;s Church", "Haldensleben Museum"]
    assert "http://localhost/en/routes/town-walk/" in hrefs(html)
    assert "Walk" in html  # the facts of the route's own page


def test_route_card_of_an_unpublished_route_is_not_found(client, walk):
    walk.unpublish()
    response = client.get("/widgets/route/", {"id": walk.pk})
    assert response.status_code == 404


# Events -------------------------------------------------------------------------------


def test_upcoming_events_soonest_first_with_time_and_place(client, concert, market, event_index):
    EventPageFactory(
        parent=event_index,
        title="Vorbei",
        start=timezone.now() - timedelta(days=3),
        end=timezone.now() - timedelta(days=2),
    )
    html = get(client, "/widgets/events/", lang="en")
    assert link_titles(html) == ["Organ concert", "Wochenmarkt"]
    assert "Vorbei" not in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[.\d]*\+0[12]:00">', html)
    assert "Haldensleben Museum · Concerts" in html
    assert "Marktplatz" in html
    assert "http://localhost/en/events/" in hrefs(html)


def test_events_by_category_and_count(client, concert, market):
    assert link_titles(get(client, "/widgets/events/", category="concerts")) == ["Orgelkonzert"]
    assert link_titles(get(client, "/widgets/events/", count="1")) == ["Orgelkonzert"]


def test_no_upcoming_events_says_so(client, event_index):
    html = get(client, "/widgets/events/", lang="en")
    assert "There are no upcoming events for these options at the moment." in html
