from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from search.admin_views import search_terms_report
from search.models import PromotedResult, SynonymGroup


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("Search terms"), reverse("search_terms_report"), icon_name="search", order=900
    )


class PrefilledCreateView(CreateView):
    """The add form filled from the query string, so a row of the search terms report
    leads straight to a synonym group or a promoted result for that text."""

    prefill_fields = ()

    def get_initial_form_instance(self):
        values = {
            name: self.request.GET[name][:200]
            for name in self.prefill_fields
            if self.request.GET.get(name)
        }
        return self.model(**values) if values else super().get_initial_form_instance()


class SynonymAddView(PrefilledCreateView):
    prefill_fields = ("words", "language")


class PromotedResultAddView(PrefilledCreateView):
    prefill_fields = ("query", "language")


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonyms")
    add_to_admin_menu = False
    add_view_class = SynonymAddView
    list_display = ["words", "language"]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = _("Promoted results")
    add_to_admin_menu = False
    add_view_class = PromotedResultAddView
    list_display = ["query", "language", "page", "sort_order"]


register_snippet(SynonymGroupViewSet)
register_snippet(PromotedResultViewSet)
