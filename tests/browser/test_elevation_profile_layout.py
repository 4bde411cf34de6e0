"""A route's elevation profile on a 390 px phone (the `browser_context` viewport)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH = "(element) => element.getBoundingClientRect().width"


def test_the_elevation_profile_uses_the_width_of_the_text(demo_server, browser_context):
    page = browser_context.new_page()
    page.goto(demo_server["RoutePage"]["de"])

    profile = page.locator(".elevation-profile-figure > svg")
    text = page.locator(".elevation-profile-figure figcaption")
    column = profile.evaluate("(svg) => svg.closest('article').getBoundingClientRect().width")
    assert profile.evaluate(WIDTH) >= column - 1
    assert text.evaluate(WIDTH) >= column - 1
    # Its axis labels stay readable: at least 11 px once the drawing is scaled down.
    label_size = page.locator(".elevation-profile__labels text").first.evaluate(
        "(label) => label.getBoundingClientRect().height"
    )
    assert label_size >= 11
