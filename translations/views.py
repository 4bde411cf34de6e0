"""The editors' side: the report of outdated translations and marking them reviewed."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from translations import state
from translations.models import TranslationState

REPORT_ROWS = 50


def language_names():
    return {code: name for code, name in settings.LANGUAGES if code in state.target_languages()}


def sections():
    """The top-level pages under each site's home page."""
    return Page.objects.filter(depth=3).order_by("path")


class ReportFilters(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Page.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = [("", _("All languages")), *language_names().items()]
        self.fields["language"].choices = languages
        self.fields["section"].queryset = sections()
        self.fields["section"].empty_label = _("All sections")


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def outdated_rows(user, language=None, section=None):
    """One row per page and language: the page, its section and the outdated fields."""
    states = TranslationState.objects.filter(outdated=True, page__in=editable_pages(user))
    if language:
        states = states.filter(language=language)
    if section is not None:
        states = states.filter(page__path__startswith=section.path)
    states = states.select_related("page", "page__content_type").order_by(
        "page__path", "language", "field_name"
    )
    section_titles = {page.path: page.title for page in sections()}
    names = language_names()
    rows = {}
    for item in states:
        row = rows.get((item.page_id, item.language))
        if row is None:
            model = item.page.specific_class or Page
            row = rows[(item.page_id, item.language)] = {
                "page": item.page,
                "model": model,
                "section": section_titles.get(item.page.path[: Page.steplen * 3], ""),
                "language": item.language,
                "language_name": names.get(item.language, item.language),
                "fields": [],
                "since": item.source_changed_at,
            }
        row["fields"].append(state.field_label(row["model"], item.field_name))
        if item.source_changed_at and (not row["since"] or item.source_changed_at > row["since"]):
            row["since"] = item.source_changed_at
    return list(rows.values())


def outdated_translations_report(request):
    filters = ReportFilters(request.GET or None)
    language = section = None
    if filters.is_valid():
        language = filters.cleaned_data["language"]
        section = filters.cleaned_data["section"]
    rows = outdated_rows(request.user, language, section)
    page_of_rows = Paginator(rows, REPORT_ROWS).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "translations/report.html",
        {
            "filters": filters,
            "rows": page_of_rows,
            "count": len(rows),
            "filter_query": f"{query.urlencode()}&" if query else "",
        },
    )


def _editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def review(request, page_id):
    """The page's outdated translations, each with a button to mark it reviewed."""
    page = _editable_page(request, page_id)
    names = language_names()
    languages = [
        {
            "code": code,
            "name": names.get(code, code),
            "fields": [(field, state.field_label(type(page), field)) for field in fields],
        }
        for code, fields in sorted(state.outdated_fields(page).items())
    ]
    return TemplateResponse(
        request,
        "translations/review.html",
        {"page": page, "languages": languages, "next": _next_url(request)},
    )


@require_POST
def mark_reviewed(request, page_id):
    page = _editable_page(request, page_id)
    language = request.POST.get("language")
    if language not in state.target_languages():
        return HttpResponseBadRequest("Unknown translation language.")
    fields = [name for name in request.POST.getlist("field") if name]
    count = state.mark_reviewed(page, language, request.user, fields)
    messages.success(
        request,
        ngettext(
            "%(count)s translation marked as reviewed.",
            "%(count)s translations marked as reviewed.",
            count,
        )
        % {"count": count},
    )
    return redirect(_next_url(request) or reverse("translations_review", args=[page.pk]))


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return ""
