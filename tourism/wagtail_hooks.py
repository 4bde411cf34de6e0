import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
