"""schema.org shapes for points of interest (TouristAttraction) and routes (TouristTrip)."""

from datetime import date, timedelta

from django.utils import timezone

from cms.structured_data import SCHEMA, geo, image_url, plain_text
from tourism.accessibility import ACCESSIBILITY_FEATURES

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SPECIAL_DAYS_AHEAD = 90


def _hhmm(value):
    return value.strftime("%H:%M")


def _closes(value):
    # schema.org has no 24:00; a range until midnight ends at 23:59.
    return "23:59" if value.hour == 0 and value.minute == 0 else _hhmm(value)


def opening_hours_specification(schedule, today=None):
    today = today or timezone.localdate()
    specs = []
    for season in schedule.seasons:
        validity = {}
        if season.start and season.end:
            start = date(today.year, *season.start)
            end = date(today.year + (season.end < season.start), *season.end)
            if end < today:  # this year's season is over: describe next year's
                start, end = start.replace(year=start.year + 1), end.replace(year=end.year + 1)
            validity = {"validFrom": start.isoformat(), "validThrough": end.isoformat()}
        for weekly in season.weekly:
            for time_range in weekly.ranges:
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": [
                            f"{SCHEMA}/{DAY_NAMES[day]}" for day in sorted(weekly.weekdays)
                        ],
                        "opens": _hhmm(time_range.opens),
                        "closes": _closes(time_range.closes),
                        **validity,
                    }
                )
    horizon = today + timedelta(days=SPECIAL_DAYS_AHEAD)
    for special in schedule.special_days:
        last = special.end or special.start
        if last < today or special.start > horizon:
            continue
        validity = {"validFrom": special.start.isoformat(), "validThrough": last.isoformat()}
        ranges = special.ranges if not special.closed else ()
        if not ranges:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "opens": "00:00",
                    "closes": "00:00",
                    **validity,
                }
            )
        for time_range in ranges:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "opens": _hhmm(time_range.opens),
                    "closes": _closes(time_range.closes),
                    **validity,
                }
            )
    return specs


def point_of_interest(page, request, categories=None):
    categories = categories if categories is not None else page.category_list
    types = [c.schema_type for c in categories if c.schema_type != "TouristAttraction"]
    data = {
        "@context": SCHEMA,
        "@type": "TouristAttraction",
        "additionalType": [f"{SCHEMA}/{t}" for t in dict.fromkeys(types)],
        "name": page.title,
        "description": page.teaser or plain_text(page.description),
        "url": page.get_full_url(request),
        "image": image_url(page.main_image, request),
        "geo": geo(page.lat, page.lon),
        "address": page.postal_address(),
        "telephone": page.phone,
        "email": page.email,
        "sameAs": page.website,
        "isAccessibleForFree": page.free_admission,
        "openingHoursSpecification": opening_hours_specification(page.schedule),
        "amenityFeature": [
            {"@type": "LocationFeatureSpecification", "name": name, "value": getattr(page, field)}
            for field, name in ACCESSIBILITY_FEATURES
            if getattr(page, field) is not None
        ],
        "keywords": ", ".join(c.name for c in categories),
        "license": page.data_licence,
    }
    return data


def route(page, request, stops=None):
    stops = stops if stops is not None else page.visible_stops()
    return {
        "@context": SCHEMA,
        "@type": "TouristTrip",
        "name": page.title,
        "description": page.teaser or plain_text(page.description),
        "url": page.get_full_url(request),
        "image": image_url(page.image, request),
        "touristType": page.get_kind_display(),
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(stops),
            "itemListOrder": f"{SCHEMA}/ItemListOrderAscending",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "item": {
                        "@type": "TouristAttraction",
                        "name": stop.point_of_interest.title,
                        "url": stop.point_of_interest.get_full_url(request),
                        "geo": geo(stop.point_of_interest.lat, stop.point_of_interest.lon),
                    },
                }
                for position, stop in enumerate(stops, start=1)
            ],
        },
    }
