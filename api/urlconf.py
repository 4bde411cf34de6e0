"""The API's URLs alone, for `request.urlconf` on API 404s (see `http.api_view`)."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("api.urls"))]
