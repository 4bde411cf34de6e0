"""A German editor sees the translation fields right away, without English buttons."""

import pytest
from playwright.sync_api import expect

from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_translations_tab_shows_fields_without_extra_clicks(
    demo_server, editor_login, browser_context
):
    username, password = editor_login
    poi = PointOfInterestPage.objects.live().first()
    base = demo_server["HomePage"]["de"].split("/de/")[0]
    page = browser_context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', password)
    page.click('button[type="submit"]')
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pages/{poi.pk}/edit/")
    page.get_by_role("tab", name="Übersetzungen").click()
    # Waits for the tab's panel (Wagtail switches it by script), then checks it at once.
    expect(page.locator('input[name="title_en"]')).to_be_visible()
    expect(page.locator('textarea[name="teaser_pl"]')).to_be_visible()
    expect(page.get_by_text("Ein leeres Feld zeigt den deutschen Text")).to_be_visible()
    body = page.locator("body").inner_text()
    assert "View / edit fields for" not in body
    assert "Moderators approval" not in body
