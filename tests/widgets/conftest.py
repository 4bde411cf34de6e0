import io
import re
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image

from media.models import CustomImage
from pages.factories import EventCategoryFactory, EventIndexPageFactory, EventPageFactory
from tourism.factories import (
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)
from tourism.models import PointOfInterestGalleryImage


def make_image(title="Markt", credit="Foto: Anna Muster", licence="cc-by-4.0"):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 160, 200)).save(buffer, "JPEG")
    return CustomImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower()}.jpg"),
        credit=credit,
        licence=licence,
    )


def add_picture(place, title="Bild"):
    place.gallery_images.add(PointOfInterestGalleryImage(image=make_image(title), sort_order=0))
    place.save_revision().publish()
    return place


def html_of(response):
    return response.content.decode()


def link_titles(html):
    """The texts of the item links (cards' headings), in order."""
    return re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)<', html)


@pytest.fixture
def poi_index(home_page):
    return PointOfInterestIndexPageFactory(parent=home_page, title_en="Sights", slug_en="sights")


@pytest.fixture
def route_index(home_page):
    return RouteIndexPageFactory(parent=home_page, title_en="Routes", slug_en="routes")


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page, title_en="Events", slug_en="events")


@pytest.fixture
def museums(db):
    return PointOfInterestCategoryFactory(name="Museen", name_en="Museums", slug="museums")


@pytest.fixture
def churches(db):
    return PointOfInterestCategoryFactory(name="Kirchen", name_en="Churches", slug="churches")


@pytest.fixture
def museum(poi_index, museums):
    place = PointOfInterestPageFactory(
        parent=poi_index,
        title="Museum Haldensleben",
        title_en="Haldensleben Museum",
        slug="museum",
        slug_en="museum",
        teaser="Stadtgeschichte",
        teaser_en="Town history",
        latitude="52.289700",
        longitude="11.408600",
        street="Breiter Gang 1",
        postal_code="39340",
        locality="Haldensleben",
        categories=[museums],
    )
    return add_picture(place, "Museum")


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
def castle(poi_index):
    # About 8 km north-east of the museum.
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Schloss Hundisburg",
        title_en="Hundisburg Castle",
        slug="schloss",
        slug_en="castle",
        latitude="52.340000",
        longitude="11.460000",
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
