"""A German editor sees the translation fields right away, without English buttons."""

import pytest
from playwright.sync_api import expect

from pages.models import NewsPage
from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_translations_tab_shows_fields_without_extra_clicks(admin_session):
    poi = PointOfInterestPage.objects.live().first()
    page, base = admin_session
    page.goto(f"{base}/admin/pages/{poi.pk}/edit/")
    page.get_by_role("tab", name="Übersetzungen").click()
    # Waits for the tab's panel (Wagtail switches it by script), then checks it at once.
    expect(page.locator('input[name="title_en"]')).to_be_visible()
    expect(page.locator('textarea[name="teaser_pl"]')).to_be_visible()
    expect(page.get_by_text("Ein leeres Feld zeigt den deutschen Text")).to_be_visible()
    body = page.locator("body").inner_text()
    assert "View / edit fields for" not in body
    assert "Moderators approval" not in body


def test_text_drawn_by_the_admin_scripts_is_german(admin_session):
    """What Wagtail's and wagtail-modeltranslation's scripts draw after loading (the sidebar,
    StreamField block menus, date pickers, copy buttons) is German too."""
    page, base = admin_session
    news = NewsPage.objects.live().first()
    for path in ("/admin/", f"/admin/pages/{news.pk}/edit/"):
        page.goto(base + path, wait_until="networkidle")
        body = page.locator("body").inner_text()
        for english in ("Copy content from", "View / edit fields for", "Save Selected", "Root"):
            assert english not in body, (path, english)
    # The block menu of the body, drawn by script when it opens.
    page.get_by_role("button", name="Block einfügen").first.click()
    menu = page.locator(".w-combobox").first.inner_text()
    assert "Überschrift" in menu
