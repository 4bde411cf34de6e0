from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search.database_index import on_post_migrate
        from search.signal_handlers import register_signal_handlers

        register_signal_handlers()
        # After every migrate: the text index follows the columns (LANGUAGES) it covers.
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="search_database_index")
