"""Hostile GPX uploads through the admin's route form: form errors, safe stored names."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.tourism import RouteIndexPageFactory
from tests.pages.test_admin_forms import add_form_data, editor_client, fill  # noqa: F401
from tourism.gpx import GPXError
from tourism.models import RoutePage

pytestmark = pytest.mark.django_db

TRACK = (
    b'<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><trk><trkseg>'
    b'<trkpt lat="52.2897" lon="11.4086"/><trkpt lat="52.2920" lon="11.4098"/>'
    b"</trkseg></trk></gpx>"
)


def post_route(client, home_page, name, data, title="Rundweg"):
    index = RouteIndexPageFactory(parent=home_page)
    url, form = add_form_data(client, RoutePage, index)
    fill(form, {"title_de": title, "slug_de": "rundweg", "kind": "hiking"})
    fill(form, {"difficulty": "easy", "action-publish": "action-publish"})
    form["gpx_file"] = SimpleUploadedFile(name, data)
    return client.post(url, dict(form.lists()))


def gpx_errors(response):
    assert response.status_code == 200
    return response.context["form"].errors["gpx_file"]


def test_unknown_encoding_declaration_is_a_form_error(editor_client, home_page):  # noqa: F811
    data = b'<?xml version="1.0" encoding="x-unknown"?>' + TRACK
    response = post_route(editor_client, home_page, "track.gpx", data)
    assert gpx_errors(response) == [GPXError.of("encoding", encoding="x-unknown").message]
    assert not RoutePage.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
)
def test_html_or_svg_named_gpx_is_a_form_error(editor_client, home_page, data):  # noqa: F811
    response = post_route(editor_client, home_page, "track.gpx", data)
    assert "GPX" in gpx_errors(response)[0]
    assert not RoutePage.objects.exists()


@pytest.mark.parametrize("name", ["track.html", "track.svg", "track.gpx.html"])
def test_valid_gpx_under_another_extension_is_refused(editor_client, home_page, name):  # noqa: F811
    response = post_route(editor_client, home_page, name, TRACK)
    assert gpx_errors(response) == [GPXError.of("not_gpx_name", name=name).message]
    assert not RoutePage.objects.exists()


def test_stored_gpx_gets_a_safe_gpx_name(editor_client, home_page, settings):  # noqa: F811
    response = post_route(editor_client, home_page, "Rundweg Süd <b>.GPX", TRACK)
    assert response.status_code == 302
    route = RoutePage.objects.get()
    assert route.gpx_file.name.startswith("routes/gpx/rundweg-sud-b")
    assert route.gpx_file.name.endswith(".gpx")
    assert Path(settings.MEDIA_ROOT, route.gpx_file.name).is_file()
