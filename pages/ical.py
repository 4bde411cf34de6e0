"""iCalendar (RFC 5545) files for events, written by hand: we need only a small subset."""

import html
from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar apps poll subscriptions every few hours; a published change should still
# reach a shared cache (CDN) within minutes.
MAX_AGE = 3600
SHARED_MAX_AGE = 900
# Octets per content line, the line break excluded (RFC 5545, section 3.1).
LINE_LIMIT = 75


def escape_text(value):
    """A TEXT value with backslashes, semicolons, commas and line breaks escaped (3.3.11)."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line):
    """The content line split into pieces of at most 75 octets, never inside a character."""
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if size + width > LINE_LIMIT:
            pieces.append("".join(current))
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def content_line(name, value, **params):
    """`NAME;PARAM=…:value`, folded; `value` must already be escaped where it is TEXT."""
    head = name + "".join(f";{key.upper()}={param}" for key, param in params.items())
    return fold(f"{head}:{value}")


def utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def date_stamp(day):
    return day.strftime("%Y%m%d")


def plain_description(event):
    """The teaser, else the description without markup: calendar apps show plain text."""
    if event.teaser:
        return event.teaser
    return html.unescape(strip_tags(event.description or "")).strip()


def event_lines(event, request, now):
    """The VEVENT of one event, as folded content lines."""
    url = event.get_full_url(request)
    # The site's host rather than the request's: the UID must not change with an alias.
    host = urlsplit(url).hostname if url else request.get_host().split(":")[0]
    lines = [
        "BEGIN:VEVENT",
        content_line("UID", f"event-{event.pk}@{host}"),
        content_line("DTSTAMP", utc_stamp(now)),
    ]
    if event.all_day:
        first = timezone.localtime(event.start).date()
        last = max(first, timezone.localtime(event.end).date()) if event.end else first
        lines += [
            content_line("DTSTART", date_stamp(first), VALUE="DATE"),
            # DTEND of a date is exclusive: the day after the last day.
            content_line("DTEND", date_stamp(last + timedelta(days=1)), VALUE="DATE"),
        ]
    else:
        lines.append(content_line("DTSTART", utc_stamp(event.start)))
        if event.end:
            lines.append(content_line("DTEND", utc_stamp(event.end)))
    if event.last_published_at:
        lines.append(content_line("LAST-MODIFIED", utc_stamp(event.last_published_at)))
    lines.append(content_line("SUMMARY", escape_text(event.title)))
    # Some calendar apps ignore URL, so the description carries the link too.
    description = "\n\n".join(part for part in (plain_description(event), url) if part)
    if description:
        lines.append(content_line("DESCRIPTION", escape_text(description)))
    location = [event.place_name, *event.venue_address_lines()]
    if any(location):
        lines.append(content_line("LOCATION", escape_text(", ".join(p for p in location if p))))
    venue = event.venue_page
    if venue is not None:
        lines.append(
            content_line("GEO", f"{float(venue.latitude):.6f};{float(venue.longitude):.6f}")
        )
    if url:
        lines.append(content_line("URL", url))
    if event.category_id and event.category:
        lines.append(content_line("CATEGORIES", escape_text(event.category.name)))
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name, request, now=None):
    """A VCALENDAR with one VEVENT per event, with CRLF line endings."""
    now = now or timezone.now()
    language = translation.get_language() or settings.LANGUAGE_CODE
    lines = [
        "BEGIN:VCALENDAR",
        content_line("PRODID", f"-//{escape_text(settings.TOWN_NAME)}//Events//{language.upper()}"),
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        content_line("X-WR-CALNAME", escape_text(name)),
    ]
    for event in events:
        lines += event_lines(event, request, now)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def response(body, filename, private=False):
    """The calendar as a download in the active language."""
    result = HttpResponse(body.encode(), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = content_disposition_header(True, filename)
    result["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    result["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(result, private=True, max_age=0)
    else:
        patch_cache_control(result, public=True, max_age=MAX_AGE, s_maxage=SHARED_MAX_AGE)
    return result
