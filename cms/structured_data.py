"""schema.org JSON-LD shared pieces; each page type builds its own object from these."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org"


def geo(lat, lon):
    return {"@type": "GeoCoordinates", "latitude": round(lat, 6), "longitude": round(lon, 6)}


def postal_address(street, postal_code, locality, country="DE"):
    address = {"@type": "PostalAddress", "addressCountry": country}
    for key, value in (
        ("streetAddress", street),
        ("postalCode", postal_code),
        ("addressLocality", locality),
    ):
        if value:
            address[key] = value
    return address


def town():
    return {"@type": "City", "name": settings.TOWN_NAME}


def image_url(image, request, spec="fill-1200x630|format-jpeg"):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return request.build_absolute_uri(rendition.url) if request else rendition.url


def plain_text(html, limit=500):
    text = " ".join(strip_tags(html or "").split())
    return text[:limit]


def clean(data):
    """Drop empty values so the JSON-LD carries only what we know."""
    if isinstance(data, dict):
        return {k: clean(v) for k, v in data.items() if v not in (None, "", [], {})}
    if isinstance(data, list):
        return [clean(item) for item in data]
    return data


def to_script(data):
    """A <script type="application/ld+json"> element, safe against `</script>` in texts."""
    payload = json.dumps(clean(data), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
