"""The map of all places draws clusters for its view, not one marker per place of the region.

The detailed map of the unfiltered places list asks `/tourism/points-of-interest.geojson`
for `?bbox=…&zoom=…` (tourism/clusters.py) whenever the view changes; each cluster shows
its count, is a keyboard-focusable button that zooms in, and the list stays below the map.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page

from cms import page_cache
from demo.region import RegionGenerator
from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ADDED_PLACES = 400
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def many_places(demo_server, django_db_blocker):
    """400 more places spread over the demo's region, removed again after this module."""
    with django_db_blocker.unblock():
        before = set(PointOfInterestPage.objects.values_list("pk", flat=True))
        RegionGenerator(ADDED_PLACES, routes=0, events=0, seed=11, log=lambda _m: None).run()
        added = set(PointOfInterestPage.objects.values_list("pk", flat=True)) - before
        # Bulk inserts send no signals: lists and clusters stored before must go stale.
        page_cache.bump({page_cache.type_tag(PointOfInterestPage)})
    yield PointOfInterestPage.objects.count()
    with django_db_blocker.unblock():
        Page.objects.filter(pk__in=added).delete()
        page_cache.bump({page_cache.type_tag(PointOfInterestPage)})


def cluster_requests(requested):
    return [
        parse_qs(urlsplit(url).query)
        for url in requested
        if "points-of-interest.geojson" in url and "bbox=" in url
    ]


def test_map_of_all_places_shows_clusters_with_counts(demo_server, many_places, browser_context):
    browser_context.add_init_script(path=AXE)
    requested = []
    browser_context.on("request", lambda request: requested.append(request.url))
    page = browser_context.new_page()
    page.goto(demo_server["PointOfInterestIndexPage-map"]["de"])
    page.get_by_role("button", name="Detaillierte Karte laden").first.click()
    page.wait_for_selector(".detailed-map .map-cluster")

    clusters = page.locator(".detailed-map .map-cluster")
    counts = [int(text.replace(".", "")) for text in clusters.all_inner_texts()]
    markers = page.locator(".detailed-map .leaflet-marker-icon").count()
    singles = markers - len(counts)
    # Most of the region's places are in view, drawn as a few dozen markers.
    assert sum(counts) + singles > many_places / 2
    assert markers < 60
    assert all(count >= 2 for count in counts)
    # Asked for the box in view; never the whole region's file.
    asked = cluster_requests(requested)
    assert asked and all("zoom" in query and "lang" in query for query in asked)
    assert not [url for url in requested if url.endswith("points-of-interest.geojson?lang=de")]

    # Each cluster is a focusable button whose name says how many places it holds.
    first = clusters.first
    assert first.get_attribute("tabindex") == "0"
    assert first.get_attribute("role") == "button"
    label = f"Orte hier: {counts[0]}. Zum Anzeigen hineinzoomen."
    assert first.get_attribute("aria-label") == label
    zoom_before = int(page.locator(".detailed-map").get_attribute("data-clusters-zoom"))
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(zoom) => document.querySelector('.detailed-map').dataset.clustersZoom === zoom",
        arg=str(zoom_before + 2),
    )
    assert int(cluster_requests(requested)[-1]["zoom"][0]) == zoom_before + 2

    # The list of places stays as the alternative to the map.
    assert page.locator("ol.poi-list > li").count() == 12
    results = page.evaluate("(options) => axe.run(document, options)", WCAG_21_AA)
    assert results["violations"] == [], results["violations"]


def test_filtered_map_shows_the_places_of_the_page(demo_server, many_places, browser_context):
    requested = []
    browser_context.on("request", lambda request: requested.append(request.url))
    page = browser_context.new_page()
    page.goto(demo_server["PointOfInterestIndexPage-map"]["de"] + "&access=step_free")
    page.get_by_role("button", name="Detaillierte Karte laden").first.click()
    page.wait_for_selector(".detailed-map .leaflet-marker-icon")
    # The clusters know no filters: a filtered map shows just the listed places.
    assert cluster_requests(requested) == []
    assert page.locator(".detailed-map .map-cluster").count() == 0
