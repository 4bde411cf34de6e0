"""Which events a search may show: those not over yet, in the months the visitor named."""

from datetime import datetime, time

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone


def not_over_q(now=None):
    """Events whose end (or, without one, whose day) has not passed.

    `now` may be the database's `Now()`; the day is then this process's today.
    """
    now = now or timezone.now()
    day = timezone.localdate(now if isinstance(now, datetime) else None)
    start_of_today = timezone.make_aware(datetime.combine(day, time.min))
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=start_of_today)


def upcoming(queryset, months=(), now=None):
    """`queryset` of events without those that are over, within `months` when given.

    A month is a month in any year ahead: "Mai" in December means next May's events.
    """
    queryset = queryset.filter(not_over_q(now))
    if not months:
        return queryset
    queryset = queryset.annotate(search_until=Coalesce("end", "start"))
    return queryset.filter(Q(start__month__in=months) | Q(search_until__month__in=months))
