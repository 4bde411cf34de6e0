"""Requests per client address, or per partner key, in fixed windows counted in the cache.

The cache is Redis in production (REDIS_URL), so every web process shares the counts. When
Redis is gone, nothing is counted and every request passes (docs/operations.md).
The count is one atomic MULTI (SET NX, INCR) in Redis (`cms.ratelimit.count_in_window`), so
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

# The same address rule as the site's own limits (search, suggestions, widgets).
from cms.ratelimit import client_address, count_in_window


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
    return count_in_window(f"api-ratelimit:{scope}:{digest}:{start}", window)
