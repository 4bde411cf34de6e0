"""Query parameters each operation understands, from the API's own OpenAPI description.

A misspelt parameter (`limt=5`) used to be ignored silently, so a partner never learnt their
filter did nothing; now it is a 400 that names it and lists the parameters the operation
knows. The description is the single source, so a new parameter is known the moment it is
declared.
"""

import re
from functools import cache, wraps

from api import keys
from api.api import api
from cms.http import json_error


@cache
def _operations():
    """[(compiled path regex, sorted known names)] for every documented operation."""
    schema = api.get_openapi_schema()
    operations = []
    for path, methods in schema["paths"].items():
        names = {keys.QUERY_PARAMETER}
        for operation in methods.values():
            names.update(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")
        pattern = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
        regex = re.compile("^" + re.sub(r"\{\w+\}", "[^/]+", pattern) + "/?$")
        operations.append((regex, sorted(names)))
    return operations


def known_parameters(path):
    """The names the operation at `path` understands; None for paths outside the description."""
    for regex, names in _operations():
        if regex.match(path):
            return names
    return None


def unknown_parameter_problem(request):
    """A message naming the unknown parameters of the request, or None when all are known."""
    known = known_parameters(request.path_info)
    if known is None:
        return None
    unknown = [name for name in request.GET if name not in known]
    if not unknown:
        return None
    return (
        f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
        f"This endpoint understands: {', '.join(known)}."
    )


def reject_unknown_parameters(view):
    """Wrap one of ninja's views: a request with an unknown parameter gets a 400 instead."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        problem = unknown_parameter_problem(request)
        if problem is not None:
            return json_error(400, "unknown_parameter", problem)
        return view(request, *args, **kwargs)

    return wrapper
