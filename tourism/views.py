"""Downloads that belong to tourism objects."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from tourism.models import RoutePage


def route_gpx_original(request, pk):
    """The GPX file as the editor uploaded it, always as a download, never rendered."""
    route = get_object_or_404(RoutePage.objects.live().public(), pk=pk)
    if not route.gpx_file:
        raise Http404("This route has no uploaded GPX file.")
    try:
        handle = route.gpx_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The GPX file is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{slugify(route.title) or 'route'}.gpx",
        content_type="application/gpx+xml",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=3600)
    return response
