"""Every public URL and parameter, fed hostile values, answers without a server error.

The URLs come from the URL conf (each public pattern, its path converters filled with real
and hostile ids) plus the pages of a small site; the API's parameters come from its own
OpenAPI description, one operation and one parameter at a time. Runs against whichever
database DATABASE_URL names: run it once on SQLite and once on PostgreSQL, which refuses
NUL bytes and out-of-range numbers that SQLite stores.

Bounded: about two thousand requests, most refused by the input gate in a millisecond; the
test fails rather than runs on if they take longer than TIME_BUDGET_SECONDS.
"""

import re
import time
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern
from django.utils import timezone

from tests.factories.pages import EventCategoryFactory, EventPageFactory
from tests.factories.tourism import RoutePageFactory

TIME_BUDGET_SECONDS = 300

# Percent-encoded as they would arrive in a query string or path.
HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%ED%A0%80",  # a lone surrogate, encoded as UTF-8 would if it could
    "%FF%FE%FD",  # not UTF-8 at all
    "%C0%AF",  # an over-long encoding of "/"
    "x" * 10_000,
    "-1",
    "0",
    "-99999999999999999999",
    "99999999999999999999",
    "1e309",
    "NaN",
    "",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%F0%9F%8F%B0",  # a castle emoji: valid, four bytes
]
# Names the public views read (search page, listings, calendar, widgets, downloads).
PAGE_PARAMETERS = [
    "q", "category", "key", "lang", "page", "ids", "near", "radius", "open", "type", "kind",
    "format", "theme", "accent", "target", "count", "layout", "images", "id", "route",
    "access", "sort", "view", "api_key",
]  # fmt: skip
HOSTILE_PATH_SEGMENTS = ["0", "99999999999999999999", "%00", "%ED%A0%80", "x" * 3000]
# Patterns that are not public: the admin signs in, the rest is Django's own.
PRIVATE_PREFIXES = ("admin/",)


@pytest.fixture
def site(home_page, route_index, event_index, museum, castle):
    category = EventCategoryFactory(name="Konzert", slug="konzert")
    start = timezone.now() + timedelta(days=3)
    concert = EventPageFactory(
        parent=event_index,
        title="Orgelkonzert",
        start=start,
        end=start + timedelta(hours=2),
        category=category,
        venue=museum,
    )
    walk = RoutePageFactory(parent=route_index, title="Stadtrundgang", stops=[castle, museum])
    return [home_page, route_index, event_index, museum, castle, concert, walk]


def public_patterns(patterns=None, prefix=""):
    """(path template, pattern) for every public URL pattern of the URL conf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            part = "de/"
        elif isinstance(pattern.pattern, RegexPattern):
            part = _regex_example(pattern.pattern._regex)
        else:
            part = str(pattern.pattern)
        if (prefix + part).startswith(PRIVATE_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            yield from public_patterns(pattern.url_patterns, prefix + part)
        elif isinstance(pattern, URLPattern):
            yield prefix + part


def _regex_example(regex):
    """A path the regular expression accepts, good enough for the few regex patterns we have."""
    example = regex.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    example = example.replace("(\\d+)", "<id>")
    example = re.sub(r"\(\?P<\w+>[^)]*\)", "pois", example)
    example = example.replace("((?:[\\w\\-]+/)*)", "").replace(".*", "no-such-thing")
    return example.replace("\\", "")


def concrete_paths(template, ids):
    """The template with its converters filled by each real id, then by hostile segments."""
    converters = re.findall(r"<(?:\w+:)?\w+>", template)
    if not converters:
        return ["/" + template]
    fillers = [str(pk) for pk in ids] + HOSTILE_PATH_SEGMENTS
    return ["/" + re.sub(r"<(?:\w+:)?\w+>", filler, template) for filler in fillers]


def hostile_queries(names):
    """One query string per hostile value for all `names` at once, plus repeated arrays."""
    for value in HOSTILE_VALUES:
        yield "&".join(f"{name}={value}" for name in names)
    yield "&".join(f"{name}=1&{name}=2" for name in names)
    yield "&".join(f"{name}[]=1" for name in names)


def api_operations(client):
    """(path template, [query parameter names], [path parameter names]) from OpenAPI."""
    schema = client.get("/api/v1/openapi.json").json()
    for path, methods in schema["paths"].items():
        for operation in methods.values():
            parameters = operation.get("parameters", [])
            yield (
                path,
                [p["name"] for p in parameters if p["in"] == "query"] + ["api_key"],
                [p["name"] for p in parameters if p["in"] == "path"],
            )


class Fuzzer:
    def __init__(self, client):
        self.client = client
        self.client.raise_request_exception = False
        self.started = time.monotonic()
        self.requests = 0
        self.server_errors = []

    def get(self, url):
        elapsed = time.monotonic() - self.started
        assert elapsed < TIME_BUDGET_SECONDS, f"fuzzing took over {TIME_BUDGET_SECONDS}s"
        response = self.client.get(url)
        self.requests += 1
        if response.status_code >= 500:
            self.server_errors.append(f"{response.status_code} {url[:200]}")


@pytest.mark.django_db
def test_no_public_url_pattern_answers_a_server_error(client, site):
    fuzzer = Fuzzer(client)
    ids = [page.pk for page in site]
    templates = sorted(set(public_patterns()))
    assert len(templates) > 15, templates  # the walk really found the URL conf
    for template in templates:
        for path in concrete_paths(template, ids[-2:]):
            fuzzer.get(path)
            for query in hostile_queries(PAGE_PARAMETERS):
                fuzzer.get(f"{path}?{query}")
    for page in site:
        for query in hostile_queries(PAGE_PARAMETERS):
            fuzzer.get(f"{page.url}?{query}")
    assert not fuzzer.server_errors, "\n".join(fuzzer.server_errors)


@pytest.mark.django_db
def test_no_api_parameter_answers_a_server_error(client, site):
    fuzzer = Fuzzer(client)
    ids = [str(page.pk) for page in site]
    operations = list(api_operations(client))
    assert len(operations) >= 8
    for template, query_names, path_names in operations:
        fillers = ids[-3:] + HOSTILE_PATH_SEGMENTS if path_names else [""]
        for filler in fillers:
            path = re.sub(r"\{\w+\}", filler, template)
            fuzzer.get(path)
            # One parameter at a time, so an earlier refusal never hides a later one.
            for name in query_names:
                baseline = "q=museum&" if name != "q" and "q" in query_names else ""
                for query in hostile_queries([name]):
                    fuzzer.get(f"{path}?{baseline}{query}")
    assert not fuzzer.server_errors, "\n".join(fuzzer.server_errors)
