from django.urls import path

from tourism import views

app_name = "tourism"
urlpatterns = [
    path("routes/<int:pk>/original.gpx", views.route_gpx_original, name="route_gpx_original"),
    path("routes/<int:pk>.gpx", views.route_gpx, name="route_gpx"),
    path("routes/<int:pk>.geojson", views.route_geojson, name="route_geojson"),
    path("points-of-interest/status.json", views.opening_status, name="opening_status"),
    path(
        "points-of-interest.geojson",
        views.points_of_interest_geojson,
        name="points_of_interest_geojson",
    ),
]
