"""The search page and the JSON suggestions for the search box."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from cms.http import json_error
from cms.ratelimit import rate_limited, too_many_requests_page
from cms.translated_urls import translated_url
from search import api
from search.models import SearchQueryLog
from search.query import SearchQuery, normalise_query

logger = logging.getLogger(__name__)

SUGGEST_CACHE_SECONDS = 300


def search_page_url(language=None):
    """/de/suche/, /en/search/ … for the language (the active one by default)."""
    return translated_url("search", language)


def url_with(params, **changes):
    """The query string of `params` with some values replaced (None removes them)."""
    items = {key: params.getlist(key) for key in params if key != "page"}
    for key, value in changes.items():
        if value is None or value == [] or value == "":
            items.pop(key, None)
        else:
            items[key] = value if isinstance(value, list) else [value]
    return "?" + urlencode(items, doseq=True) if items else "?"


def _facet_links(request, results):
    links = {}
    for name, facets in results.facets.items():
        current = request.GET.getlist(name)
        links[name] = [
            {
                "facet": facet,
                "url": url_with(
                    request.GET,
                    **{
                        name: [value for value in current if value != facet.value]
                        if facet.selected
                        else current + [facet.value]
                    },
                ),
            }
            for facet in facets
        ]
    return links


def _record(query, results):
    SearchQueryLog.record_quietly(query.text, query.language, results.total)


def _suggestions_refused(request, seconds):
    return json_error(429, "rate_limited", f"Too many requests; try again in {seconds} seconds.")


@require_GET
@rate_limited("search", too_many_requests_page)
def search_page(request):
    language = translation.get_language()
    query = SearchQuery.from_params(request.GET, language)
    results = api.search(query)
    if query.text and query.page == 1:
        _record(query, results)
    context = {
        "query": query,
        "results": results,
        "facet_links": _facet_links(request, results),
        "previous_url": url_with(request.GET, page=str(query.page - 1))
        if results.has_previous and not results.page_past_the_end
        else "",
        "next_url": url_with(request.GET, page=str(query.page + 1)) if results.has_next else "",
        "first_url": url_with(request.GET),
        "did_you_mean_url": url_with(request.GET, q=results.did_you_mean)
        if results.did_you_mean
        else "",
        # The visitor's own words, without the automatic correction.
        "literal_url": url_with(request.GET, exact="1") if results.corrected_text else "",
        "without_near_url": url_with(request.GET, near=None) if query.near else "",
        "open_now_url": url_with(request.GET, open=None if query.open_now else "1"),
        "search_url": search_page_url(language),
        "suggest_url": reverse("search:suggest"),
    }
    response = render(request, "search/search_page.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@rate_limited("suggest", _suggestions_refused)
def suggest(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    text = normalise_query(request.GET.get("q", ""))[:50]
    suggestions = api.suggest(text, language) if len(text) >= 2 else []
    response = JsonResponse({"query": text, "suggestions": suggestions})
    patch_cache_control(
        response, public=True, max_age=SUGGEST_CACHE_SECONDS, s_maxage=SUGGEST_CACHE_SECONDS
    )
    return response
