"""Every detail page carries valid schema.org JSON-LD, canonical, OpenGraph and hreflang."""

import json
import re
from datetime import date, time

import pytest
from defusedxml import ElementTree
from django.utils import translation

from tests.factories.pages import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.factories.tourism import (
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    html = client.get(url).content.decode()
    blocks = JSON_LD.findall(html)
    assert len(blocks) == 1, url
    return json.loads(blocks[0]), html


@pytest.fixture
def museum(home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    category = PointOfInterestCategoryFactory(name="Museen", slug="museums", schema_type="Museum")
    poi = PointOfInterestPageFactory(
        parent=index,
        title="Museum Haldensleben",
        teaser="Stadtgeschichte </script> und mehr.",
        latitude="52.288900",
        longitude="11.404700",
        street="Breiter Gang 1",
        step_free_access=True,
        accessible_toilet=False,
        free_admission=False,
        opening_hours=[
            {
                "type": "season",
                "value": {
                    "start_day": None,
                    "start_month": None,
                    "end_day": None,
                    "end_month": None,
                    "weekly": [
                        {"days": ["1", "2", "3"], "ranges": [{"opens": "10:00", "closes": "17:00"}]}
                    ],
                },
            }
        ],
    )
    poi.categories.set([category])
    poi.save_revision().publish()
    return poi


@pytest.mark.django_db
def test_point_of_interest_is_a_tourist_attraction_with_hours_and_accessibility(client, museum):
    data, html = json_ld(client, museum.url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TouristAttraction"
    assert data["additionalType"] == ["https://schema.org/Museum"]
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.2889, "longitude": 11.4047}
    assert data["address"]["streetAddress"] == "Breiter Gang 1"
    assert data["isAccessibleForFree"] is False
    spec = data["openingHoursSpecification"][0]
    assert spec["dayOfWeek"] == [
        "https://schema.org/Tuesday",
        "https://schema.org/Wednesday",
        "https://schema.org/Thursday",
    ]
    assert (spec["opens"], spec["closes"]) == ("10:00", "17:00")
    features = {f["name"]: f["value"] for f in data["amenityFeature"]}
    assert features == {"Step-free access": True, "Accessible toilet": False}
    assert "</script> und" not in html  # texts cannot close the script element
    assert data["url"] == museum.get_full_url()


@pytest.mark.django_db
def test_route_is_a_tourist_trip_with_ordered_itinerary(client, home_page, museum):
    index = museum.get_parent()
    roland = PointOfInterestPageFactory(parent=index, title="Roland")
    route = RoutePageFactory(parent=RouteIndexPageFactory(parent=home_page), stops=[roland, museum])
    data, _html = json_ld(client, route.url)
    assert data["@type"] == "TouristTrip"
    items = data["itinerary"]["itemListElement"]
    assert data["itinerary"]["@type"] == "ItemList"
    assert [(i["position"], i["item"]["name"]) for i in items] == [
        (1, "Roland"),
        (2, "Museum Haldensleben"),
    ]


@pytest.mark.django_db
def test_event_and_news_shapes(client, home_page, museum):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Konzert", venue=museum
    )
    data, _html = json_ld(client, event.url)
    assert data["@type"] == "Event"
    assert data["location"]["name"] == "Museum Haldensleben"
    assert data["startDate"] == event.start.isoformat()
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home_page), title="Neu", date=date(2026, 11, 20)
    )
    data, html = json_ld(client, news.url)
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2026-11-20"
    assert '<meta property="og:type" content="article">' in html


@pytest.mark.django_db
def test_home_page_describes_the_town(client, home_page):
    data, html = json_ld(client, home_page.url)
    assert data["@type"] == ["City", "TouristDestination"]
    assert data["geo"]["latitude"] == pytest.approx(52.2897)


@pytest.mark.django_db
def test_every_page_links_its_translations_and_canonical(client, museum):
    with translation.override("en"):
        url = museum.get_url()
    html = client.get(url).content.decode()
    for code in ("de", "en", "pl"):
        assert f'hreflang="{code}"' in html
    assert 'hreflang="x-default"' in html
    with translation.override("en"):
        canonical = museum.get_full_url()
    assert canonical.endswith(url)
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:locale" content="en_GB">' in html


SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def sitemap_files(client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_alternates(client, museum):
    [file_url] = sitemap_files(client)
    assert file_url == "http://testserver/sitemap-pages.xml"
    response = client.get(file_url)
    root = ElementTree.fromstring(response.content)
    ns = SITEMAP_NS
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    museum_urls = [loc for loc in locations if "museum" in loc]
    assert len(museum_urls) == 3
    entry = root.findall("s:url", ns)[0]
    langs = {link.get("hreflang") for link in entry.findall("x:link", ns)}
    assert langs == {"de", "en", "pl", "x-default"}


@pytest.mark.django_db
def test_the_sitemap_index_splits_the_pages_into_small_files(client, settings, poi_index):
    settings.SITEMAP_PAGES_PER_FILE = 4
    for number in range(7):
        PointOfInterestPageFactory(parent=poi_index, title=f"Ort {number}")
    files = sitemap_files(client)
    # home + index + 7 places = 9 pages → 3 files of at most 4 pages (12 URLs) each.
    assert files == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    counts = []
    for url in files:
        root = ElementTree.fromstring(client.get(url).content)
        counts.append(len(root.findall("s:url", SITEMAP_NS)))
    assert counts == [12, 12, 3]
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-pages.xml?p=zwei").status_code == 404
    assert client.get("/sitemap-news.xml").status_code == 404


@pytest.mark.django_db
def test_robots_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_closing_at_midnight_is_written_as_23_59():
    from tourism.structured_data import _closes

    assert _closes(time(0, 0)) == "23:59"


@pytest.mark.django_db
def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


@pytest.mark.django_db
def test_listing_without_intro_still_has_a_description(client, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page, title="Sehenswertes")
    html = client.get(index.url).content.decode()
    assert '<meta name="description" content="Sehenswertes in Haldensleben">' in html


@pytest.mark.django_db
def test_event_calendar_keeps_the_page_meta(client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    html = client.get(events.url).content.decode()
    assert '<link rel="canonical"' in html and 'type="text/calendar"' in html
