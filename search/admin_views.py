"""The editors' report: what visitors searched for, and what they did not find."""

from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from cms.translated_urls import translated_url
from search.models import SearchQueryLog

REPORT_DAYS = 30
REPORT_ROWS = 50


def search_terms_report(request):
    since = timezone.localdate() - timedelta(days=REPORT_DAYS)
    recent = SearchQueryLog.objects.filter(date__gte=since)
    totals = recent.values("query", "language").annotate(total=Sum("searches"), best=Max("results"))
    return TemplateResponse(
        request,
        "search/admin/search_terms_report.html",
        {
            "days": REPORT_DAYS,
            "popular": with_actions(totals.order_by("-total", "query")[:REPORT_ROWS]),
            "not_found": with_actions(
                totals.filter(best=0).order_by("-total", "query")[:REPORT_ROWS]
            ),
        },
    )


def with_actions(rows):
    """Each row with what an editor can do about it: see the results, add synonyms for the
    text, or put a page first for it."""
    synonyms = reverse("wagtailsnippets_search_synonymgroup:add")
    promote = reverse("wagtailsnippets_search_promotedresult:add")
    result = []
    for row in rows:
        text, language = row["query"], row["language"]
        result.append(
            {
                **row,
                "search_url": translated_url("search", language) + "?" + urlencode({"q": text}),
                "synonyms_url": synonyms + "?" + urlencode({"words": text, "language": language}),
                "promote_url": promote + "?" + urlencode({"query": text, "language": language}),
            }
        )
    return result
