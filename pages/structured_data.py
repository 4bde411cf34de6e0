"""schema.org shapes for the home page (City), events and news."""

from django.conf import settings

from cms.structured_data import SCHEMA, geo, image_url, plain_text, town


def home(page, request):
    data = {
        "@context": SCHEMA,
        "@type": ["City", "TouristDestination"],
        "name": settings.TOWN_NAME,
        "description": page.hero_text or page.intro,
        "url": page.get_full_url(request),
        "image": image_url(page.hero_image, request),
    }
    lat, lon = getattr(settings, "TOWN_LATITUDE", None), getattr(settings, "TOWN_LONGITUDE", None)
    if lat is not None and lon is not None:
        data["geo"] = geo(lat, lon)
    return data


def event(page, request):
    venue = page.venue_page
    if venue:
        location = {
            "@type": "Place",
            "name": venue.title,
            "url": venue.get_full_url(request),
            "geo": geo(venue.lat, venue.lon),
            "address": venue.postal_address(),
        }
    else:
        location = {
            "@type": "Place",
            "name": page.venue_name or settings.TOWN_NAME,
            "address": page.venue_address or settings.TOWN_NAME,
        }
    start, end = page.start, page.end
    return {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "description": page.teaser or plain_text(page.description),
        "url": page.get_full_url(request),
        "image": image_url(page.image, request),
        "startDate": start.date().isoformat() if page.all_day else start.isoformat(),
        "endDate": (end.date().isoformat() if page.all_day else end.isoformat()) if end else None,
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": location,
        "organizer": {"@type": "Organization", "name": settings.TOWN_NAME},
    }


def news(page, request):
    return {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.teaser,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "image": image_url(page.image, request),
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.latest_revision_created_at).isoformat()
        if (page.last_published_at or page.latest_revision_created_at)
        else None,
        "author": town() | {"@type": "GovernmentOrganization"},
        "publisher": town() | {"@type": "GovernmentOrganization"},
    }
