"""Publishing while Wagtail's autosave is under way makes one live page, not two."""

import pytest

from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Bäckerei am Autosave-Markt"


def is_autosave(request):
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def test_publish_clicked_during_the_first_autosave_publishes_that_page(admin_session):
    page, base = admin_session
    page.set_viewport_size({"width": 1280, "height": 900})

    # The first autosave (which creates the page) is held back, as on a slow connection,
    # until "Veröffentlichen" has been clicked.
    held = []

    def hold_first_autosave(route):
        if is_autosave(route.request) and not held:
            held.append(route)
        else:
            route.fallback()

    page.route("**/admin/**", hold_first_autosave)
    page.goto(f"{base}/admin/places/new/")
    # Wagtail notes the form's first state two seconds after loading; changes count after.
    page.wait_for_timeout(2500)
    form = page.get_by_role("tabpanel", name="Inhalt")
    form.get_by_role("textbox", name="Titel*").fill(TITLE)
    form.get_by_role("textbox", name="Teaser [de]").fill("Frische Brötchen ab sechs Uhr.")
    form.get_by_role("checkbox", name="Museen").check()
    page.fill('input[name="latitude"]', "52.289700")
    page.fill('input[name="longitude"]', "11.408600")
    page.keyboard.press("Tab")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "autosave did not start"

    page.get_by_role("navigation", name="Aktionen (Fußzeile)").get_by_role(
        "button", name="Veröffentlichen"
    ).click()
    page.wait_for_timeout(500)
    assert "/admin/pages/add/" in page.url or "/admin/places/new/" in page.url  # still waiting
    held[0].continue_()
    page.wait_for_url("**/admin/pages/*/", timeout=15000)

    places = PointOfInterestPage.objects.filter(title=TITLE)
    assert places.count() == 1
    place = places.get()
    assert place.live and not place.has_unpublished_changes
