"""Requests per client address (and per API key) in fixed windows, counted in the cache.

The cache is Redis in production (REDIS_URL), so every web process shares the counts.
`cache.add` starts a window's counter only once and `cache.incr` is atomic in Redis, so
concurrent requests cannot both pass as "the first".
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

# Longer headers are cut before hashing: the key only names a counter.
MAX_KEY_CHARS = 200


def client_address(request):
    """REMOTE_ADDR, or the address our own proxy appended to X-Forwarded-For."""
    if settings.API_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # The last entry is the one our proxy added; earlier ones are the client's word.
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def check(request, now=None):
    """None when the request may pass, else the seconds until the window ends."""
    now = time.time() if now is None else now
    window = settings.API_RATE_LIMIT_WINDOW
    buckets = [("ip", client_address(request), settings.API_RATE_LIMIT_PER_IP)]
    api_key = request.headers.get("X-API-Key", "")
    if api_key:
        buckets.append(("key", api_key[:MAX_KEY_CHARS], settings.API_RATE_LIMIT_PER_KEY))
    start = int(now // window) * window
    retry_after = max(1, math.ceil(start + window - now))
    for scope, identity, limit in buckets:
        if _count(scope, identity, start, window) > limit:
            return retry_after
    return None


def _count(scope, identity, start, window):
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    key = f"api-ratelimit:{scope}:{digest}:{start}"
    # A little longer than the window, so a counter never expires between add and incr.
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:
        # Evicted in between: count this request as the window's first.
        cache.set(key, 1, timeout=window + 5)
        count = 1
    # With IGNORE_EXCEPTIONS a Redis outage answers None: let the request through.
    return count or 0
