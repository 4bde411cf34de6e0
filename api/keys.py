"""Optional partner keys: which partner is asking, for its rate limit and usage counts.

The API needs no key. A partner's key (admin: Partners) comes as the `X-API-Key` header,
or as `?api_key=` from tools that can only be given a URL. A valid key gets the partner's
own limit instead of the per-address one and is counted; an unknown or switched-off key
is refused rather than ignored, so that a partner notices at once. The answer itself
never depends on the key, which is why it is not part of `Vary` (see docs/api.md).
"""

from dataclasses import dataclass

from api.errors import ApiError
from partners.models import Partner

HEADER = "X-API-Key"
QUERY_PARAMETER = "api_key"


@dataclass(frozen=True)
class KeyCheck:
    partner: Partner | None = None
    error: ApiError | None = None


def given_key(request):
    """The key the request carries (the header wins over the query), or ""."""
    return request.headers.get(HEADER, "").strip() or request.GET.get(QUERY_PARAMETER, "").strip()


def check(request):
    """The partner of a valid key, the error for a refused one, or neither without a key."""
    key = given_key(request)
    if not key:
        return KeyCheck()
    partner = Partner.objects.active_for_key(key)
    if partner is None:
        return KeyCheck(
            error=ApiError(
                401,
                "invalid_api_key",
                "This API key is unknown or switched off. The API works without a key; "
                "ask us for a new key if you need a partner's limit.",
                # RFC 9110 wants a challenge with every 401; this one names the header.
                {"WWW-Authenticate": f'ApiKey header="{HEADER}"'},
            )
        )
    # Browsers send Origin with cross-origin requests; servers send none and may use it.
    origin = request.headers.get("Origin")
    if origin is not None and not partner.allows_origin(origin):
        return KeyCheck(
            error=ApiError(
                403,
                "origin_not_allowed",
                f"This API key may not be used from {origin[:100]}; ask us to add the "
                "site to the key's allowed origins.",
            )
        )
    return KeyCheck(partner=partner)
