from django.apps import AppConfig, apps


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from wagtail.models import Page

        from cms import admin_listing, page_cache, purge, visibility
        from cms.route_cache import use_route_cache
        from cms.routing import use_sql_routing
        from cms.view_restrictions import use_cached_view_restrictions

        # wagtail-modeltranslation patches the page models in its own ready(), which runs
        # before ours (it is listed first in INSTALLED_APPS).
        use_sql_routing(model for model in apps.get_models() if issubclass(model, Page))
        use_route_cache()
        use_cached_view_restrictions()
        admin_listing.use_indexed_owner_filter()
        page_cache.connect_signals(apps.get_models())
        purge.connect_signals()
        visibility.connect_signals()
