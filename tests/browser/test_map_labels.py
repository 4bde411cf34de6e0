"""Names on a schematic map never cover each other, measured as the browser lays them out."""

from types import SimpleNamespace

import pytest

from tourism import svg

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BOXES = """(svg) => [...svg.querySelectorAll("text")]
    .filter((text) => text.closest(".poi-map__marker, .poi-map__neighbour"))
    .map((text) => { const box = text.getBBox(); return [box.x, box.y, box.width, box.height]; })"""


def crowded_square():
    """A place and six neighbours with long names, a few dozen metres apart."""
    names = [
        "Stadt- und Kreismuseum",
        "Roland am Marktplatz",
        "Rathaus mit Ratskeller",
        "Brunnen der Bürgerschaft",
        "Buchhandlung am Markt",
        "Apotheke zum Hirsch",
        "Bäckerei und Konditorei",
    ]
    return [
        SimpleNamespace(title=name, lat=52.2900 + 0.0002 * (i % 3), lon=11.4100 + 0.0003 * i)
        for i, name in enumerate(names)
    ]


def overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_crowded_names_do_not_overlap_and_stay_on_the_map(browser_context):
    place, *neighbours = crowded_square()
    markup = svg.points_map_svg([place], neighbours=neighbours)
    page = browser_context.new_page()
    page.set_content(f"<!doctype html><body style='margin:0'>{markup}</body>")

    boxes = page.locator("svg").evaluate(BOXES)
    assert len(boxes) >= 3, "the place and some neighbours are named"
    for i, box in enumerate(boxes):
        assert 0 <= box[0] and box[0] + box[2] <= 640 and 0 <= box[1] and box[1] + box[3] <= 400
        for other in boxes[i + 1 :]:
            assert not overlap(box, other), (box, other)
    page.close()
