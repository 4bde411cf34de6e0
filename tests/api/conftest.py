import io
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
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


@pytest.fixture
def poi_index(home_page):
    return PointOfInterestIndexPageFactory(parent=home_page, title_en="Sights")


@pytest.fixture
def route_index(home_page):
    return RouteIndexPageFactory(parent=home_page, title_en="Routes")


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page, title_en="Events")


@pytest.fixture
def museum_category(db):
    return PointOfInterestCategoryFactory(name="Museum", name_en="Museum", slug="museum")


@pytest.fixture
def museum(poi_index, museum_category):
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
        categories=[museum_category],
    )
    place.gallery_images.add(PointOfInterestGalleryImage(image=make_image(), sort_order=0))
    place.save_revision().publish()
    return place


@pytest.fixture
def castle(poi_index):
    # About 8 km north-east of the museum.
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Schloss Hundisburg",
        title_en="Hundisburg Castle",
        latitude="52.3400",
        longitude="11.4600",
    )


@pytest.fixture
def walk(route_index, museum, castle):
    return RoutePageFactory(
        parent=route_index,
        title="Stadtrundgang",
        title_en="Town walk",
        kind="walking",
        stops=[(castle, "Erst zum Schloss"), (museum, "")],
        image=make_image("Weg"),
    )


@pytest.fixture
def concert_category(db):
    return EventCategoryFactory(name="Konzert", name_en="Concert", slug="konzert")


@pytest.fixture
def concert(event_index, museum, concert_category):
    start = timezone.now() + timedelta(days=3)
    return EventPageFactory(
        parent=event_index,
        title="Orgelkonzert",
        title_en="Organ concert",
        start=start,
        end=start + timedelta(hours=2),
        venue=museum,
        category=concert_category,
    )


@pytest.fixture
def market(event_index):
    """An event without a point of interest as venue."""
    start = timezone.now() + timedelta(days=5)
    return EventPageFactory(
        parent=event_index, title="Wochenmarkt", start=start, venue_name="Marktplatz"
    )


# Ten seconds into a rate-limit window: a test never straddles two windows.
RATE_LIMIT_MOMENT = 1_000_030.0


@pytest.fixture
def low_limits(settings, monkeypatch):
    """3 requests per address and 5 per partner key in a minute, counted afresh."""
    from api import ratelimit

    settings.API_RATE_LIMIT_PER_IP = 3
    settings.API_RATE_LIMIT_PER_KEY = 5
    settings.API_RATE_LIMIT_WINDOW = 60
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: RATE_LIMIT_MOMENT))
    cache.clear()
