"""The configurator under each language's own slug, inside `i18n_patterns`.

/de/partner/widgets/, /en/partners/widgets/, /pl/partnerzy/widzety/.
"""

from cms.translated_urls import translated_paths
from widgets import views
from widgets.configurator import CONFIGURATOR_SLUGS

app_name = "widget_configurator"

urlpatterns = translated_paths(views.configurator, CONFIGURATOR_SLUGS)
