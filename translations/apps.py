from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation freshness")

    def ready(self):
        from translations import signal_handlers

        signal_handlers.connect()
