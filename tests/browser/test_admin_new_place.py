"""An editor creates and publishes a typical place; every click, entry and choice counts.

Issue 13 counted 41 interactions for a new place; docs/editors.md shows the path this
test walks and the count before and after. Starting point: the dashboard, logged in.
"""

from datetime import datetime

import pytest
from django.utils import timezone
from PIL import Image as PILImage

from tourism.models import PointOfInterestPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The steps a new place may take at most (docs/editors.md).
MOST_INTERACTIONS = 15
TITLE = "Heimatstube am Markt"
TEASER = "Alte Handwerkskunst in drei Stuben, Eintritt frei."


class Editor:
    """Drives the admin as an editor does and counts each click, entry and selection."""

    def __init__(self, page):
        self.page = page
        self.steps = []

    def click(self, locator, what):
        locator.click()
        self.steps.append(f"click {what}")

    def click_at(self, locator, x, y, what):
        """A click on a spot of an element, e.g. on a map."""
        box = locator.bounding_box()
        self.page.mouse.click(box["x"] + box["width"] * x, box["y"] + box["height"] * y)
        self.steps.append(f"click {what}")

    def fill(self, locator, value, what):
        locator.fill(value)
        self.steps.append(f"type {what}")

    def select(self, locator, label, what):
        locator.select_option(label=label)
        self.steps.append(f"choose {what}")

    def check(self, locator, what):
        locator.check()
        self.steps.append(f"tick {what}")

    def upload(self, locator, path, what):
        locator.set_input_files(path)
        self.steps.append(f"pick file {what}")


def settle_autosave(page):
    """Wait, as an editor glancing at "Gespeichert" would, until autosave is done.

    Publishing during an autosave is safe now (tests/browser/test_admin_autosave.py);
    this test waits anyway, so that its step count never depends on that race.
    """
    page.wait_for_timeout(1500)  # longer than WAGTAIL_AUTOSAVE_INTERVAL's 500 ms
    page.wait_for_function(
        """() => {
            const form = document.getElementById("page-edit-form");
            if (!(form.dataset.controller || "").includes("w-autosave")) return true;
            const indicator = document.getElementById("w-autosave-indicator");
            const state = indicator && indicator.getAttribute("data-w-autosave-state-value");
            // Autosave runs only for changes made after Wagtail's first look at the form
            // (two seconds after loading); when none was seen, there is nothing to wait for.
            const ran = state && state !== "idle";
            return state !== "saving" && (!ran || form.action.includes("/edit/"));
        }"""
    )


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "heimatstube.jpg"
    PILImage.new("RGB", (320, 240), (120, 80, 40)).save(path, "JPEG")
    return path


def test_new_place_is_published_in_few_steps(admin_session, photo):
    page, base = admin_session
    page.set_viewport_size({"width": 1280, "height": 900})  # an office screen
    editor = Editor(page)

    editor.click(page.get_by_role("main").get_by_role("link", name="Neuer Ort"), "Neuer Ort")
    form = page.get_by_role("tabpanel", name="Inhalt")
    editor.fill(form.get_by_role("textbox", name="Titel*"), TITLE, "Titel")
    editor.fill(form.get_by_role("textbox", name="Teaser [de]"), TEASER, "Teaser")
    editor.check(form.get_by_role("checkbox", name="Museen"), "Kategorie")

    # The map starts at the town; a click sets the position.
    editor.click(form.get_by_role("button", name="Position auf der Karte wählen"), "Karte")
    page.wait_for_selector(".map-picker.leaflet-container")
    editor.click_at(page.locator(".map-picker"), 0.6, 0.4, "Position")
    assert page.input_value('input[name="latitude"]')

    editor.select(
        form.get_by_role("combobox", name="Übliche Öffnungszeiten"),
        "Täglich 10:00–18:00",
        "Öffnungszeiten",
    )

    # A new photo, uploaded from inside the image chooser.
    editor.click(form.get_by_role("button", name="Bild hinzufügen"), "Bild hinzufügen")
    editor.click(form.get_by_role("button", name="Bild auswählen"), "Bild auswählen")
    chooser = page.get_by_role("dialog")
    editor.click(chooser.get_by_role("tab", name="Hochladen"), "Hochladen (Reiter)")
    editor.upload(chooser.locator('input[type="file"]'), photo, "Foto")
    editor.fill(
        chooser.get_by_role("textbox", name="Alternativtext [de]"),
        "Webstuhl in der Heimatstube",
        "Alternativtext",
    )
    editor.select(chooser.get_by_role("combobox", name="Lizenz*"), "CC BY 4.0", "Lizenz")
    editor.click(chooser.get_by_role("button", name="Hochladen"), "Hochladen")
    chooser.wait_for(state="hidden")

    settle_autosave(page)
    editor.click(
        page.get_by_role("navigation", name="Aktionen (Fußzeile)").get_by_role(
            "button", name="Veröffentlichen"
        ),
        "Veröffentlichen",
    )
    page.wait_for_url("**/admin/pages/*/")  # back in the places list

    print("\n".join(editor.steps))
    assert len(editor.steps) <= MOST_INTERACTIONS, editor.steps

    places = list(PointOfInterestPage.objects.filter(title_de=TITLE))
    assert [(place.slug_de, place.live) for place in places] == [("heimatstube-am-markt", True)]
    place = places[0]
    assert place.teaser_de == TEASER
    assert [category.slug for category in place.categories.all()] == ["museums"]
    assert abs(place.lat - 52.2897) < 0.01 and abs(place.lon - 11.4086) < 0.01
    monday_noon = timezone.make_aware(datetime(2026, 3, 2, 12))
    assert place.schedule.is_open_at(monday_noon)
    image = place.main_image
    assert image.alt_text_de == "Webstuhl in der Heimatstube"
    assert image.licence == "cc-by-4.0"

    # And visitors see it.
    page.goto(base + place.get_url())
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_text(TEASER).first.is_visible()
