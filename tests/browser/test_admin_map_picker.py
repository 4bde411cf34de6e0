"""Editors set a point of interest's position by clicking on a map in the admin."""

import pytest

from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_clicking_the_map_sets_latitude_and_longitude(admin_session):
    poi = PointOfInterestPage.objects.live().first()
    page, base = admin_session
    page.goto(f"{base}/admin/pages/{poi.pk}/edit/")
    # The position sits in the first tab ("Inhalt") with everything a new place needs.
    before = (
        page.input_value('input[name="latitude"]'),
        page.input_value('input[name="longitude"]'),
    )
    page.get_by_role("button", name="Position auf der Karte wählen").click()  # German admin
    page.wait_for_selector(".map-picker.leaflet-container")
    box = page.locator(".map-picker").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.2)
    after = (
        page.input_value('input[name="latitude"]'),
        page.input_value('input[name="longitude"]'),
    )
    assert after != before
    assert float(after[0]) > float(before[0])  # clicked above the marker: further north
    assert float(after[1]) > float(before[1])  # and to the right: further east
