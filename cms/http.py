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
