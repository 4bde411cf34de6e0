"""Keep what is derived from a place up to date when editors publish it."""

from wagtail.signals import page_published

from tourism.models import PointOfInterestPage
from tourism.models.opening_periods import refresh_opening_periods


def refresh_periods_of_published_place(sender, instance, **kwargs):
    refresh_opening_periods([instance])


def connect():
    page_published.connect(
        refresh_periods_of_published_place,
        sender=PointOfInterestPage,
        dispatch_uid="refresh_periods_of_published_place",
    )
