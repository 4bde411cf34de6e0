"""When each place is open over the coming weeks, worked out ahead from its opening hours.

"Open now" over a region's places is then one indexed query instead of evaluating every
schedule in Python. The periods are recomputed when a place is published and by
`manage.py refresh_opening_periods` (daily), never within a visitor's request. Whether
every published place's periods reach a moment is one check in SQL, kept in the cache
(`covered_until`); while some do not, "open now" evaluates those places' schedules, so
the answer is always right, only slower.
"""

from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

HORIZON_DAYS = 21
COVERAGE_KEY = "opening-periods:covered-until"
# Also dropped when a place is saved or the periods are worked out again.
COVERAGE_SECONDS = 3600


class OpeningPeriod(models.Model):
    """One stretch of time a place is open."""

    place = models.ForeignKey(
        "tourism.PointOfInterestPage", on_delete=models.CASCADE, related_name="opening_periods"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()

    class Meta:
        verbose_name = _("opening period")
        # With the place: "open now" reads the places from the index alone.
        indexes = [models.Index(fields=["opens_at", "closes_at", "place"])]

    def __str__(self):
        return f"{self.opens_at:%Y-%m-%d %H:%M}–{self.closes_at:%H:%M}"


class OpeningCalendar(models.Model):
    """Until when a place's opening periods have been worked out."""

    place = models.OneToOneField(
        "tourism.PointOfInterestPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="opening_calendar",
    )
    computed_until = models.DateTimeField()

    class Meta:
        verbose_name = _("opening calendar")

    def __str__(self):
        return f"{self.place_id} until {self.computed_until:%Y-%m-%d}"


def refresh_opening_periods(places, today=None, days=HORIZON_DAYS):
    """Work out the periods of `places` from `today` (local date) for `days` days."""
    today = today or timezone.localdate()
    places = list(places)
    periods, calendars = [], []
    for place in places:
        schedule = place.schedule
        until = timezone.make_aware(datetime.combine(today + timedelta(days=days), time.min))
        calendars.append(OpeningCalendar(place_id=place.pk, computed_until=until))
        for opens, closes in schedule.periods(today, days):
            periods.append(OpeningPeriod(place_id=place.pk, opens_at=opens, closes_at=closes))
    with transaction.atomic():
        ids = [place.pk for place in places]
        OpeningPeriod.objects.filter(place_id__in=ids).delete()
        OpeningCalendar.objects.filter(place_id__in=ids).delete()
        OpeningPeriod.objects.bulk_create(periods, batch_size=1000)
        OpeningCalendar.objects.bulk_create(calendars, batch_size=1000)
        transaction.on_commit(forget_coverage)
    return len(periods)


def covered_until():
    """Until when the periods of every published place are worked out; None while a
    published place has none. Read in SQL at most every COVERAGE_SECONDS (two scans of
    the region's places), else from the cache."""
    found = cache.get(COVERAGE_KEY)
    if found is None:
        places = OpeningCalendar._meta.get_field("place").related_model
        live = places.objects.live()
        if live.filter(opening_calendar__isnull=True).exists():
            until = None
        else:
            until = OpeningCalendar.objects.filter(place__live=True).aggregate(
                until=Min("computed_until")
            )["until"]
        found = {"until": until}
        cache.set(COVERAGE_KEY, found, timeout=COVERAGE_SECONDS)
    return found["until"]


def forget_coverage(**kwargs):
    """A place or its periods changed: `covered_until` is read in SQL again."""
    cache.delete(COVERAGE_KEY)
