"""What visitors need to know before they set out, under headings in every language."""

import pytest
from django.utils import translation

from tests.factories.tourism import RouteIndexPageFactory, RoutePageFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, headings",
    [
        ("de", ["<h2>Startpunkt</h2>", "<h2>Anfahrt</h2>", "<h2>Ausrüstung</h2>"]),
        ("en", ["<h2>Start point</h2>", "<h2>Directions</h2>", "<h2>Equipment</h2>"]),
        ("pl", ["<h2>Punkt startowy</h2>", "<h2>Dojazd</h2>", "<h2>Sprzęt</h2>"]),
    ],
)
def test_visitor_information_headings_start_with_a_capital(client, home_page, language, headings):
    routes = RouteIndexPageFactory(parent=home_page)
    route = RoutePageFactory(
        parent=routes,
        start_point="Markt",
        directions="Über die B 71.",
        equipment="Feste Schuhe.",
    )
    with translation.override(language):
        url = route.get_url()
    html = client.get(url).content.decode()
    for heading in headings:
        assert heading in html
