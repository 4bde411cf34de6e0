"""The visitor-facing sentence for an opening status ("Open now – closes at 17:00")."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cms.dates import weekday_name


def opening_status_label(status):
    if status.is_open:
        if status.closes_at:
            closes = timezone.localtime(status.closes_at)
            return _("Open now – closes at %(time)s") % {"time": formats.time_format(closes, "H:i")}
        return _("Open now")
    if status.opens_at:
        opens = timezone.localtime(status.opens_at)
        today = timezone.localdate()
        if opens.date() == today:
            return _("Closed – opens today at %(time)s") % {
                "time": formats.time_format(opens, "H:i")
            }
        return _("Closed – opens %(day)s at %(time)s") % {
            "day": weekday_name(opens),
            "time": formats.time_format(opens, "H:i"),
        }
    return _("Closed")
