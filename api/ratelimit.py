"""Requests per client address, or per partner key, in fixed windows counted in the cache.

The cache is Redis in production (REDIS_URL), so every web process shares the counts. When
Redis is gone, nothing is counted and every request passes (docs/operations.md).
`cache.add` starts a window's counter only once and `cache.incr` is atomic in Redis, so
concurrent requests cannot both pass as "the first".

A request with a valid partner key (`keys.check`) counts against that partner's limit
instead of its address's: a partner's server fetching for many visitors would soon hit a
per-address limit. Everything else, refused keys included, counts per address, so a
made-up key never buys anyone a larger limit.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

# The same address rule as the site's own limits (search, suggestions, widgets).
from cms.ratelimit import client_address


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # seconds until the window ends
    first: bool  # the window's first refused request, for counting "limit reached"


def check(request, partner=None, now=None):
    """None when the request may pass, else a `Refusal`."""
    now = time.time() if now is None else now
    window = settings.API_RATE_LIMIT_WINDOW
    if partner is not None:
        # By id, not by key: a new key keeps the partner's count for the window.
        scope, identity, limit = "partner", str(partner.pk), partner.requests_per_window
    else:
        scope, identity, limit = "ip", client_address(request), settings.API_RATE_LIMIT_PER_IP
    start = int(now // window) * window
    count = _count(scope, identity, start, window)
    if count > limit:
        return Refusal(
            retry_after=max(1, math.ceil(start + window - now)), first=count == limit + 1
        )
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
    # Without the cache (Redis down, or skipped after a failure: cms/cache.py) incr answers
    # None and the request passes. Limits degrade to "allow", never to refusing everyone.
    return count or 0
