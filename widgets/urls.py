"""/widgets/: the pages partners put in iframes, and the loader script that does it for them.

Everything below /widgets/ is answered here, unknown addresses included, so that a
partner always sees an explanation in the frame rather than a blocked site page.
"""

from django.urls import path, re_path

from widgets import views

app_name = "widgets"

urlpatterns = [
    path("", views.index, name="index"),
    path("embed.v1.js", views.loader, name="loader"),
    path("<str:kind>/", views.widget, name="widget"),
    # Partners forget the slash; the widget is the same.
    re_path(r"^(?P<kind>[^/]+)$", views.widget),
    re_path(r"^.*$", views.not_found, name="not_found"),
]
