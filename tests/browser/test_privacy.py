"""Before any consent, a visitor's browser talks to our server only and gets no cookie.

Loading fonts, scripts or map tiles from elsewhere leaks the visitor's IP address (LG München I,
3 O 17493/20); the detailed map may reach the tile server only after "Load detailed map".
"""

import pytest

from .conftest import LANGUAGES, PAGE_TYPES, is_local

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Step down a viewport at a time so that lazy images and anything else below the fold load.
SCROLL_TO_THE_BOTTOM = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_requests_nothing_from_elsewhere_and_sets_no_cookie(
    demo_server, browser_context, page_type, language
):
    url = demo_server[page_type][language]
    requested = []
    browser_context.on("request", lambda request: requested.append(request.url))
    page = browser_context.new_page()
    refused = record_policy_violations(page)

    page.goto(url)
    page.evaluate(SCROLL_TO_THE_BOTTOM)
    page.wait_for_load_state("networkidle")

    assert requested, f"no request recorded for {url}"
    assert [address for address in requested if not is_local(address)] == [], url
    assert browser_context.cookies() == [], url
    # The public site runs under a CSP without 'unsafe-inline': nothing may need it.
    assert refused == [], url


def record_policy_violations(page):
    refused = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", on_console)
    return refused


def test_tiles_are_requested_only_after_the_visitor_asks(demo_server, browser_context):
    requested = []
    browser_context.on("request", lambda request: requested.append(request.url))
    page = browser_context.new_page()
    refused = record_policy_violations(page)
    page.goto(demo_server["RoutePage"]["de"])
    page.wait_for_load_state("networkidle")
    assert [address for address in requested if not is_local(address)] == []

    page.get_by_role("button", name="Detaillierte Karte laden").first.click()
    page.wait_for_selector(".detailed-map.leaflet-container")
    page.wait_for_timeout(500)
    external = [address for address in requested if not is_local(address)]
    # The test context aborts them, but the browser did ask the configured tile server.
    assert external and all(a.startswith("https://tile.openstreetmap.org/") for a in external)
    assert browser_context.cookies() == []
    # The choice holds for this session: the next map loads without asking again.
    page.goto(demo_server["PointOfInterestPage"]["de"])
    page.wait_for_selector(".detailed-map.leaflet-container")
    assert refused == []  # Leaflet sets styles through the DOM, which the CSP allows
