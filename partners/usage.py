"""How much each partner uses the API and the widgets: counts per day, never who asked.

One `PartnerUsage` row per partner, day and channel, raised by one `UPDATE … SET requests
= requests + 1` (the database serialises concurrent updates of a row, so none is lost);
the first request of a day inserts the row, and if another process inserted it a moment
earlier the unique constraint refuses ours and we update instead. Nothing about the
visitor is stored: no address, no browser, no page, no cookie — only the number.

Counting in the database rather than in the cache: the numbers survive a Redis restart,
need no flushing job, and cost one indexed UPDATE per request, which the rate limit caps
per key anyway.
"""

import logging
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from partners.models import PartnerUsage

logger = logging.getLogger(__name__)

CHANNELS = (PartnerUsage.API, PartnerUsage.WIDGET)


def record_request(partner, channel):
    """Count one request of `partner` through `channel` ("api" or "widget") for today."""
    _add(partner, channel, "requests")


def record_limit_reached(partner, channel):
    """Count one rate-limit window in which `partner`'s requests were refused."""
    _add(partner, channel, "limit_reached")


def _add(partner, channel, field):
    if channel not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}; use one of {CHANNELS}.")
    day = timezone.localdate()
    try:
        # A failed count must not turn the partner's answer into an error page.
        with transaction.atomic():
            _increment(partner.pk, day, channel, field)
    except DatabaseError:
        logger.exception("Could not count a request of partner %s", partner.pk)


def _increment(partner_id, day, channel, field):
    rows = PartnerUsage.objects.filter(partner_id=partner_id, day=day, channel=channel)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            PartnerUsage.objects.create(
                partner_id=partner_id, day=day, channel=channel, **{field: 1}
            )
    except IntegrityError:
        # Another request created today's row between our UPDATE and INSERT.
        rows.update(**{field: F(field) + 1})


def since(days):
    """The first day of a period of `days` days that ends today."""
    return timezone.localdate() - timedelta(days=days - 1)


def with_recent_usage(partners, days=30):
    """`partners` annotated with `recent_requests` (last `days` days) and `last_used` (a day)."""
    recent = Q(usage__day__gte=since(days))
    return partners.annotate(
        recent_requests=Coalesce(Sum("usage__requests", filter=recent), 0),
        last_used=Max("usage__day", filter=Q(usage__requests__gt=0)),
    )


def daily_usage(partner, days):
    """One row per day of the last `days` days, oldest first, days without requests too."""
    first = since(days)
    counts = {}
    for row in PartnerUsage.objects.filter(partner=partner, day__gte=first).values(
        "day", "channel", "requests", "limit_reached"
    ):
        counts[row["day"], row["channel"]] = row
    rows = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        api = counts.get((day, PartnerUsage.API), {})
        widget = counts.get((day, PartnerUsage.WIDGET), {})
        rows.append(
            {
                "day": day,
                "api": api.get("requests", 0),
                "widget": widget.get("requests", 0),
                "total": api.get("requests", 0) + widget.get("requests", 0),
                "limit_reached": api.get("limit_reached", 0) + widget.get("limit_reached", 0),
            }
        )
    return rows


def totals(rows):
    """The sums of `daily_usage` rows, and on how many days there were requests."""
    return {
        "api": sum(row["api"] for row in rows),
        "widget": sum(row["widget"] for row in rows),
        "total": sum(row["total"] for row in rows),
        "limit_reached": sum(row["limit_reached"] for row in rows),
        "active_days": sum(1 for row in rows if row["total"]),
    }
