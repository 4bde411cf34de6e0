"""One gate for hostile bytes in requests: refused with 400 before any view or query runs.

PostgreSQL refuses text containing NUL, so a `?q=%00` that reached a query was a 500; a lone
surrogate (`%ED%A0%80`) or other invalid UTF-8 is silently turned into U+FFFD by Django and
then searched for, logged, and cached. Rather than guarding each view, every request passes
here first: its path, query string, public form values, cookies and headers.

Limits on length and count apply to the public site only; editors' admin forms carry long
rich text. NUL and broken encodings are never valid anywhere.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from cms.http import json_error

MAX_VALUE_CHARS = 2000
MAX_PARAMETERS = 100
ADMIN_PREFIX = "/admin/"
# Answers under these paths are JSON, so their errors are too.
JSON_PREFIXES = ("/api/",)
JSON_SUFFIXES = (".json", ".geojson", "/suggest/")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class HostileInput(Exception):
    """Why the request was refused, as one of the codes of `explain`."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def explain(code):
    """(sentence for people in the active language, English detail for JSON)."""
    return {
        "nul": (
            _("The address or form contains a NUL character, which is never valid."),
            "A parameter, path or header contains a NUL byte.",
        ),
        "encoding": (
            _("The address or form is not valid UTF-8 text."),
            "A parameter is not valid UTF-8 (invalid bytes or a lone surrogate).",
        ),
        "too_long": (
            _("A value in the address or form is longer than %(limit)s characters.")
            % {"limit": MAX_VALUE_CHARS},
            f"A parameter value is longer than {MAX_VALUE_CHARS} characters.",
        ),
        "too_many": (
            _("The address or form has more than %(limit)s parameters.")
            % {"limit": MAX_PARAMETERS},
            f"More than {MAX_PARAMETERS} parameters.",
        ),
    }[code]


def refuse(code):
    return HostileInput(code)


def check_query_string(raw, limits=True):
    """Each key and value of a raw query string decodes as UTF-8 without NUL, within limits."""
    pairs = [pair for chunk in raw.split("&") for pair in chunk.split(";") if pair]
    if limits and len(pairs) > MAX_PARAMETERS:
        raise refuse("too_many")
    for pair in pairs:
        for part in pair.split("=", 1):
            check_text(_decode(part), limits)


def _decode(part):
    data = unquote_to_bytes(part.replace("+", " "))
    try:
        # Python's strict UTF-8 refuses encoded surrogates (ED A0 80) as well.
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise refuse("encoding") from error


def check_text(value, limits=True):
    if "\x00" in value:
        raise refuse("nul")
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise refuse("encoding")
    if limits and len(value) > MAX_VALUE_CHARS:
        raise refuse("too_long")


def check_request(request):
    """Raise HostileInput for the first problem found in the request."""
    public = not request.path_info.startswith(ADMIN_PREFIX)
    check_text(request.path_info, limits=False)
    # WSGI hands over the query string as latin-1 decoded bytes; undo that first.
    raw_query = request.META.get("QUERY_STRING", "")
    try:
        raw_query.encode("ascii")
    except UnicodeEncodeError:
        raw_query = _requote(raw_query)
    check_query_string(raw_query, limits=public)
    for name, value in request.META.items():
        if name.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
            raise refuse("nul")
    for value in request.COOKIES.values():
        check_text(value, limits=False)
    content_type = request.META.get("CONTENT_TYPE", "")
    # CsrfViewMiddleware reads the form anyway; reading it first changes nothing for views.
    if request.method == "POST" and content_type.startswith(FORM_CONTENT_TYPES):
        if public and len(request.POST) > MAX_PARAMETERS:
            raise refuse("too_many")
        for key, values in request.POST.lists():
            check_text(key, public)
            for value in values:
                check_text(value, public)


def _requote(raw):
    """Unescaped non-ASCII bytes in the query string, percent-encoded for `_decode`."""
    data = raw.encode("latin-1", errors="replace")
    return "".join(chr(byte) if byte < 0x80 else f"%{byte:02X}" for byte in data)


def _wants_json(path):
    return path.startswith(JSON_PREFIXES) or path.endswith(JSON_SUFFIXES)


def _language(request):
    language = translation.get_language_from_path(request.path_info)
    return language or translation.get_language()


def bad_request(request, problem):
    if _wants_json(request.path_info):
        response = json_error(400, "bad_request", explain(problem.code)[1])
    else:
        with translation.override(_language(request)):
            message, _detail = explain(problem.code)
            response = _page(request, message)
    response["Cache-Control"] = "no-store"
    return response


def _page(request, message):
    # An app may answer for its own paths (widgets must stay showable in a partner's frame).
    for prefix, view in settings.INPUT_GATE_PAGES.items():
        if request.path_info.startswith(prefix):
            return import_string(view)(request, message)
    html = render_to_string(
        "400.html", {"message": message, "LANGUAGE_CODE": translation.get_language()}
    )
    return HttpResponseBadRequest(html)


class InputGateMiddleware:
    """Answers 400 to requests carrying NUL bytes, broken encodings or oversized values.

    Listed before the page cache and sessions: a refused request reads no cache, session
    or database row.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check_request(request)
        except HostileInput as problem:
            return bad_request(request, problem)
        return self.get_response(request)
