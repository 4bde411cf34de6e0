"""Which places are open at a moment: from the worked-out periods, else from the schedule."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import In
from django.utils import timezone

from cms.sql import Unindexed
from tourism.models.opening_periods import OpeningCalendar, OpeningPeriod, covered_until
from tourism.notices import closed_place_ids


def open_at(places, moment=None):
    """The places of the queryset `places` that are open at `moment` (now by default).

    A place a current closure notice closes is not open, whatever its hours say. Places
    whose periods do not reach `moment` (none worked out yet, or the daily command has
    not run) are evaluated from their schedules; nothing is written here.
    """
    moment = moment or timezone.now()
    places = places.exclude(pk__in=closed_place_ids(moment))
    # The periods holding now, found through their (opens_at, closes_at) index: a set the
    # size of what is open, instead of a lookup per place of the region.
    holding_now = OpeningPeriod.objects.filter(opens_at__lte=moment, closes_at__gt=moment)
    until = covered_until()
    if until is not None and until > moment:
        # Every published place's periods reach `moment`: no calendar to check per period
        # and no place to look at one by one.
        return places.filter(In(Unindexed("pk"), holding_now.values("place_id")))
    open_by_periods = holding_now.filter(place__opening_calendar__computed_until__gt=moment).values(
        "place_id"
    )
    known = OpeningCalendar.objects.filter(place=OuterRef("pk"), computed_until__gt=moment)
    unknown = places.exclude(Exists(known)).prefetch_related("special_days")
    open_by_schedule = [place.pk for place in unknown if place.is_open_at(moment)]
    return places.filter(Q(pk__in=open_by_periods) | Q(pk__in=open_by_schedule))
