"""Requests per client address in fixed windows, for the public search, suggestions and widgets.

The API's limiter (api/ratelimit.py) counts the same way: counts live in the cache (Redis in
production, shared by every web process), one atomic MULTI (SET NX, INCR) per request
(`cache.add` and `cache.incr` elsewhere). Without the cache nothing is counted and every
request passes: limits degrade to "allow", never to refusing everyone (docs/operations.md).

Searching costs a full-text query per request and widgets are fetched by scripts on other
sites, so both need a ceiling; ordinary visitors never reach it.
"""

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """REMOTE_ADDR, or the address our own proxy appended to X-Forwarded-For."""
    if settings.API_TRUST_X_FORWARDED_FOR:
        last = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def count_in_window(key, window):
    """This request's number in the window `key` (0 without a cache: limits degrade to
    "allow", never to refusing everyone). One round trip on Redis."""
    # A little longer than the window, so a counter never expires while it is counted.
    timeout = window + 5
    counter = getattr(cache, "count", None)  # cms.cache.CircuitBreakerRedisCache
    if counter is not None:
        return counter(key, timeout) or 0
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted in between: this is the window's first request
        cache.set(key, 1, timeout=timeout)
        count = 1
    return count or 0


def retry_after(request, scope, now=None):
    """Seconds until the client may ask again when it is over the scope's limit, else None."""
    limit = settings.PUBLIC_RATE_LIMITS[scope]
    window = settings.PUBLIC_RATE_LIMIT_WINDOW
    now = time.time() if now is None else now
    start = int(now // window) * window
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    count = count_in_window(f"public-ratelimit:{scope}:{digest}:{start}", window)
    if count > limit:
        return max(1, math.ceil(start + window - now))
    return None


def rate_limited(scope, refuse):
    """Decorate a view: over the limit, `refuse(request, seconds)` answers instead (a 429)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = retry_after(request, scope)
            if seconds is not None:
                response = refuse(request, seconds)
                response["Retry-After"] = str(seconds)
                response["Cache-Control"] = "no-store"  # a 429 in a shared cache locks out all
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def too_many_requests_page(request, seconds):
    """The translated HTML 429 for public pages."""
    from django.shortcuts import render

    return render(request, "429.html", {"retry_after": seconds}, status=429)
