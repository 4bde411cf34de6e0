"""Which places are open at a moment: from the worked-out periods, else from the schedule."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tourism.models.opening_periods import (
    OpeningCalendar,
    OpeningPeriod,
    refresh_opening_periods,
)
from tourism.notices import closed_place_ids

# Places whose periods ran out are evaluated in Python; at most this many of them get
# their periods worked out again within a visitor's request (the daily command does all).
REFRESH_PER_REQUEST = 100


def open_at(places, moment=None):
    """The places of the queryset `places` that are open at `moment` (now by default).

    A place a current closure notice closes is not open, whatever its hours say.
    """
    moment = moment or timezone.now()
    places = places.exclude(pk__in=closed_place_ids(moment))
    known = OpeningCalendar.objects.filter(place=OuterRef("pk"), computed_until__gt=moment)
    # The periods holding now, found through their (opens_at, closes_at) index: a set the
    # size of what is open, instead of a lookup per place of the region.
    open_by_periods = OpeningPeriod.objects.filter(
        opens_at__lte=moment,
        closes_at__gt=moment,
        place__opening_calendar__computed_until__gt=moment,
    ).values("place_id")
    unknown = list(places.exclude(Exists(known)).prefetch_related("special_days"))
    open_by_schedule = [place.pk for place in unknown if place.is_open_at(moment)]
    if unknown:
        refresh_opening_periods(unknown[:REFRESH_PER_REQUEST])
    return places.filter(Q(pk__in=open_by_periods) | Q(pk__in=open_by_schedule))
