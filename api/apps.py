from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open data API; an app so that its templates and static files are found."""

    name = "api"
    label = "api"
    verbose_name = _("Open data API")
