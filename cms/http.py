"""HTTP answers every machine-facing endpoint shares (the API, downloads, status JSON)."""

import json

from django.http import HttpResponse

JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def json_error(status, code, detail, headers=None):
    """The one error shape of our JSON endpoints: `{"error": code, "detail": message}`."""
    body = json.dumps({"error": code, "detail": detail}, ensure_ascii=False)
    response = HttpResponse(body, status=status, content_type=JSON_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def accepts_gzip(request):
    """Whether the client takes a gzip-compressed body (RFC 9110 §12.5.3: `gzip` or `*`
    with a weight above 0; "gzip;q=0" refuses it)."""
    weights = {}
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, _separator, parameters = part.partition(";")
        weight = 1.0
        name, _equals, value = parameters.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        weights[coding.strip().lower()] = weight
    return weights.get("gzip", weights.get("x-gzip", weights.get("*", 0.0))) > 0
