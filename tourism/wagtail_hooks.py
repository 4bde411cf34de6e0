from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tourism.models import MapFeature, PointOfInterestCategory


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


register_snippet(PointOfInterestCategoryViewSet)
register_snippet(MapFeatureViewSet)
