"""The editors' report: what visitors searched for, and what they did not find."""

from datetime import timedelta

from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.utils import timezone

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
            "popular": totals.order_by("-total", "query")[:REPORT_ROWS],
            "not_found": totals.filter(best=0).order_by("-total", "query")[:REPORT_ROWS],
        },
    )
