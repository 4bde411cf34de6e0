"""Web origins as partners write them ("https://hotel.de/", "hotel.de") made exact."""

from urllib.parse import urlsplit


def split_origins(text):
    return [line.strip() for line in (text or "").replace(",", "\n").splitlines() if line.strip()]


def normalise_origin(value):
    """'scheme://host[:port]' in lower case, or None when `value` is not an http(s) origin."""
    value = value.strip()
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    if parts.path not in {"", "/"} or parts.query or parts.fragment or parts.username:
        return None
    host = parts.hostname.lower()
    if any(c in host for c in " *\"';"):
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")
