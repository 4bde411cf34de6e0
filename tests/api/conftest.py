from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories.media import make_image
from tests.factories.pages import EventCategoryFactory, EventPageFactory
from tests.factories.tourism import (
    RoutePageFactory,
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
