import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.media import make_image
from tests.factories.pages import EventCategoryFactory, EventPageFactory
from tests.factories.tourism import (
    PointOfInterestCategoryFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)


def html_of(response):
    return response.content.decode()


def link_titles(html):
    """The texts of the item links (cards' headings), in order."""
    return re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)<', html)


@pytest.fixture
def churches(db):
    return PointOfInterestCategoryFactory(name="Kirchen", name_en="Churches", slug="churches")


@pytest.fixture
def church(poi_index, churches):
    # About 300 m east of the museum.
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Kirche St. Marien",
        title_en="St Mary's Church",
        slug="kirche",
        slug_en="church",
        latitude="52.289700",
        longitude="11.413000",
        categories=[churches],
    )


@pytest.fixture
def walk(route_index, museum, church, castle):
    return RoutePageFactory(
        parent=route_index,
        title="Stadtrundgang",
        title_en="Town walk",
        slug="rundgang",
        slug_en="town-walk",
        teaser="Durch die Altstadt",
        kind="walking",
        stops=[(castle, "Erst zum Schloss"), (church, ""), (museum, "")],
    )


@pytest.fixture
def concerts(db):
    return EventCategoryFactory(name="Konzerte", name_en="Concerts", slug="concerts")


@pytest.fixture
def concert(event_index, museum, concerts):
    start = timezone.now() + timedelta(days=3)
    return EventPageFactory(
        parent=event_index,
        title="Orgelkonzert",
        title_en="Organ concert",
        slug="orgelkonzert",
        slug_en="organ-concert",
        teaser="Bach und mehr",
        start=start,
        end=start + timedelta(hours=2),
        venue=museum,
        category=concerts,
        image=make_image("Orgel"),
    )


@pytest.fixture
def market(event_index):
    """An event without a point of interest as venue, after the concert."""
    start = timezone.now() + timedelta(days=5)
    return EventPageFactory(
        parent=event_index, title="Wochenmarkt", slug="markt", start=start, venue_name="Marktplatz"
    )
