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
        "organizer": organizer(page),
        "offers": offers(page),
        "isAccessibleForFree": page.is_free if page.price is not None else None,
    }


def organizer(page):
    if not page.organiser_name:
        return {"@type": "Organization", "name": settings.TOWN_NAME}
    return {"@type": "Organization", "name": page.organiser_name, "url": page.organiser_url or None}


def offers(page):
    """schema.org Offer: the price in euros and where to book; None when neither is known."""
    if page.price is None and not page.booking_url:
        return None
    return {
        "@type": "Offer",
        "price": f"{page.price:.2f}" if page.price is not None else None,
        "priceCurrency": "EUR" if page.price is not None else None,
        "url": page.booking_url or None,
        "description": page.price_note or None,
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
