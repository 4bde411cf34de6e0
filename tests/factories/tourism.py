"""Factories for points of interest, routes and stops."""

from decimal import Decimal

import factory
from django.utils.text import slugify

from tests.factories.media import make_image
from tests.factories.pages import PageFactory
from tourism.blocks import opening_hours_stream
from tourism.models import (
    PointOfInterestCategory,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    RouteIndexPage,
    RoutePage,
    RouteStop,
)

# Opening hours for places that never close (squares, monuments, parks).
ALWAYS_OPEN = opening_hours_stream(
    [{"start": None, "end": None, "weekly": [{"days": range(7), "ranges": [("00:00", "00:00")]}]}]
)


class PointOfInterestCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PointOfInterestCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.LazyAttribute(lambda category: slugify(category.name))


class PointOfInterestIndexPageFactory(PageFactory):
    class Meta:
        model = PointOfInterestIndexPage

    title = "Sehenswertes"


class PointOfInterestPageFactory(PageFactory):
    class Meta:
        model = PointOfInterestPage

    title = factory.Sequence(lambda n: f"Ort {n}")
    teaser = "Ein Ort in Haldensleben."
    # Around the market square of Haldensleben.
    latitude = factory.Sequence(lambda n: Decimal("52.289700") + Decimal(n % 50) / 10000)
    longitude = factory.Sequence(lambda n: Decimal("11.408600") + Decimal(n % 50) / 10000)
    locality = "Haldensleben"
    postal_code = "39340"


class RouteIndexPageFactory(PageFactory):
    class Meta:
        model = RouteIndexPage

    title = "Touren"


class RoutePageFactory(PageFactory):
    class Meta:
        model = RoutePage

    title = factory.Sequence(lambda n: f"Tour {n}")
    kind = "walking"

    stops = ()

    @classmethod
    def _instantiate(cls, model_class, stops=(), **kwargs):
        """`stops`: points of interest, or (point of interest, note) pairs, in order."""
        page = model_class(**kwargs)
        for position, stop in enumerate(stops):
            poi, note = stop if isinstance(stop, tuple) else (stop, "")
            page.stops.add(RouteStop(point_of_interest=poi, note=note, sort_order=position))
        return page


def add_picture(place, title="Bild"):
    """Gives a place a gallery photo (a real image file) and publishes it again."""
    place.gallery_images.add(PointOfInterestGalleryImage(image=make_image(title), sort_order=0))
    place.save_revision().publish()
    return place
