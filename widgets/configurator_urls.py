"""The configurator under each language's own slug, inside `i18n_patterns`.

/de/partner/widgets/, /en/partners/widgets/, /pl/partnerzy/widzety/.
"""

from django.urls import path

from widgets import views
from widgets.configurator import CONFIGURATOR_SLUGS

app_name = "widget_configurator"

urlpatterns = [
    path(f"{slug}/", views.configurator, {"slug_language": code}, name=f"page_{code}")
    for code, slug in CONFIGURATOR_SLUGS.items()
]
