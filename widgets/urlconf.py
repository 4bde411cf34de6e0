"""The widget URLs alone, for `request.urlconf` on widget 404s (see `http.widget_headers`)."""

from django.urls import include, path

urlpatterns = [path("widgets/", include("widgets.urls"))]
