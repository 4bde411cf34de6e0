import django_filters
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tourism.admin_views import new_place, places_index_for
from tourism.models import MapFeature, Notice, PointOfInterestCategory

NOTICE_STATES = [
    ("current", _("Current")),
    ("upcoming", _("Upcoming")),
    ("current_or_upcoming", _("Current or upcoming")),
    ("ended", _("Ended")),
]


class PointOfInterestCategoryViewSet(SnippetViewSet):
    model = PointOfInterestCategory
    icon = "tag"
    list_display = ["name", "slug", "schema_type"]
    add_to_admin_menu = False


class MapFeatureViewSet(SnippetViewSet):
    model = MapFeature
    icon = "site"
    list_display = ["name", "kind"]
    add_to_admin_menu = False


class NoticeFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Valid"), choices=NOTICE_STATES, method="filter_state", empty_label=_("Any time")
    )

    class Meta:
        model = Notice
        fields = ["kind", "severity", "whole_town"]

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        states = {
            "current": Q(valid_from__lte=now, valid_until__gt=now),
            "upcoming": Q(valid_from__gt=now),
            "current_or_upcoming": Q(valid_until__gt=now),
            "ended": Q(valid_until__lte=now),
        }
        return queryset.filter(states[value]) if value in states else queryset


class NoticeViewSet(SnippetViewSet):
    """Hinweise und Sperrungen: the list doubles as the report of current and upcoming ones."""

    model = Notice
    icon = "warning"
    menu_label = _("Notices")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("severity", label=_("severity"), accessor="get_severity_display"),
        "valid_from",
        "valid_until",
        "whole_town",
    ]
    filterset_class = NoticeFilterSet
    ordering = ["-valid_from"]


register_snippet(PointOfInterestCategoryViewSet)
register_snippet(NoticeViewSet)
register_snippet(MapFeatureViewSet)


@hooks.register("register_admin_urls")
def new_place_url():
    return [path("places/new/", new_place, name="tourism_new_place")]


class NewPlaceMenuItem(MenuItem):
    def is_shown(self, request):
        return places_index_for(request.user) is not None


@hooks.register("register_admin_menu_item")
def new_place_menu_item():
    # Next to "Seiten": one click from anywhere in the admin to an empty place form.
    return NewPlaceMenuItem(
        _("New place"), reverse("tourism_new_place"), icon_name="plus", order=150
    )


class NewPlacePanel(Component):
    """Dashboard: "Neuer Ort", and one link per category that ticks it in the form."""

    order = 50
    template_name = "tourism/admin/new_place_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        url = reverse("tourism_new_place")
        return {
            "new_place_url": url,
            "categories": [
                (category.name, f"{url}?category={category.slug}")
                for category in PointOfInterestCategory.objects.all()
            ],
        }


@hooks.register("construct_homepage_panels")
def add_new_place_panel(request, panels):
    if places_index_for(request.user) is not None:
        panels.append(NewPlacePanel(request))
