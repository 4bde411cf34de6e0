"""URLs of /api/v1/: ninja's operations and our pages, all through `http.api_view`."""

from django.urls import URLPattern, path, re_path

from api import docs
from api.api import api
from api.http import api_view
from api.known_params import reject_unknown_parameters
from cms.http import json_error

app_name = "api_v1"


def not_found(request, *args, **kwargs):
    return json_error(404, "not_found", "There is no such API endpoint; see /api/v1/docs.")


def _ninja_patterns():
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            # Ninja's root raises a bare 404; ours lists the endpoints.
            pattern.callback = docs.index
        pattern.callback = api_view(reject_unknown_parameters(pattern.callback))
        yield pattern


urlpatterns = [
    *_ninja_patterns(),
    path("docs", api_view(docs.documentation), name="docs"),
    re_path(r"^.*$", api_view(not_found), name="not_found"),
]
