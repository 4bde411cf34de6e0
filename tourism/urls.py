from django.urls import path

from tourism import views

app_name = "tourism"
urlpatterns = [
    path("routes/<int:pk>/original.gpx", views.route_gpx_original, name="route_gpx_original"),
]
