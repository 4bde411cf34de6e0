"""Factories for points of interest, routes and stops."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from django.utils.text import slugify

from tests.factories.media import make_image
from tests.factories.pages import PageFactory
from tourism.blocks import opening_hours_stream
from tourism.models import (
    Notice,
    NoticeRoute,
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


class NoticeFactory(factory.django.DjangoModelFactory):
    """A closure valid from an hour ago for a week; `places` and `routes` say what it affects.

    `routes`: route pages, or (route, from place, to place) for a stretch.
    """

    class Meta:
        model = Notice
        skip_postgeneration_save = True

    kind = "closure"
    severity = "warning"
    title = factory.Sequence(lambda n: f"Sperrung {n}")
    text = "Bitte die Umleitung nutzen."
    valid_from = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    valid_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))

    @factory.post_generation
    def places(notice, create, places, **kwargs):
        if places:
            notice.points_of_interest.set(places)
            notice.save()

    @factory.post_generation
    def routes(notice, create, routes, **kwargs):
        for position, entry in enumerate(routes or ()):
            route, start, end = entry if isinstance(entry, tuple) else (entry, None, None)
            NoticeRoute.objects.create(
                notice=notice,
                route=route,
                stretch_from=start,
                stretch_to=end,
                sort_order=position,
            )


def add_picture(place, title="Bild"):
    """Gives a place a gallery photo (a real image file) and publishes it again."""
    place.gallery_images.add(PointOfInterestGalleryImage(image=make_image(title), sort_order=0))
    place.save_revision().publish()
    return place
