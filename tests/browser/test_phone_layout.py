"""The visitor site on a 390 × 844 phone screen (the `browser_context` viewport)."""

import pytest

from .conftest import LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_HEIGHT = 844
# Where an element sits and how wide it is, from the browser's own layout.
BOX = "(element) => { const box = element.getBoundingClientRect(); return [box.top, box.width]; }"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nothing_is_wider_than_the_phone_and_search_is_in_the_header(
    demo_server, browser_context, page_type, language
):
    page = browser_context.new_page()
    page.goto(demo_server[page_type][language])

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page_type} {language} scrolls sideways by {overflow} px"
    assert page.locator("#header-search-q").is_visible()


def test_search_results_use_the_width_of_the_phone(demo_server, browser_context):
    page = browser_context.new_page()
    page.goto(demo_server["search"]["de"])

    titles = page.locator(".search-result h2").all()
    assert titles
    for title in titles:
        _top, width = title.evaluate(BOX)
        assert width >= 200, title.inner_text()


def test_the_first_place_of_the_list_is_on_the_first_screen(demo_server, browser_context):
    page = browser_context.new_page()
    page.goto(demo_server["PointOfInterestIndexPage"]["de"])

    top, _width = page.locator(".poi-list > li").first.evaluate(BOX)
    assert top < PHONE_HEIGHT


def test_the_near_me_button_needs_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(demo_server["PointOfInterestIndexPage"]["de"])
        assert not page.locator("[data-near-me]").is_visible()
    finally:
        context.close()
