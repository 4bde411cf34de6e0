"""Uploaded files reach visitors only in safe ways, one test per type.

Images: renditions and originals of checked image files, the only uploads a web server may
serve from the media folder. Documents: only through Wagtail's serve view, which checks the
collection's privacy. GPX: only through the route's download view, which checks the route.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from media.models import CustomDocument
from tests.factories.media import make_image
from tests.factories.tourism import RouteIndexPageFactory, RoutePageFactory
from tourism.gpx import TrackPoint, build_gpx

pytestmark = pytest.mark.django_db

IMAGE_TYPES = {"jpg", "jpeg", "png", "webp", "avif", "gif"}


def test_images_are_served_as_renditions_of_image_types(client):
    image = make_image("Rathaus")
    for spec in ("fill-400x300", "width-800|format-webp", "max-200x200|format-avif"):
        rendition = image.get_rendition(spec)
        assert rendition.url.startswith("/media/images/")
        assert Path(rendition.url).suffix.lstrip(".") in IMAGE_TYPES
    assert image.file.url.startswith("/media/original_images/")


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return CustomDocument.objects.create(
        title="Haushaltsplan",
        file=ContentFile(b"%PDF-1.4 internal", name="haushalt.pdf"),
        collection=private,
    )


def test_private_documents_are_served_only_to_signed_in_users(client, private_document):
    url = private_document.url
    assert url.startswith("/documents/"), "documents never link into the media folder"
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "/_util/login/" in response["Location"]

    user = get_user_model().objects.create_user("mitarbeiterin", password="pw")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 internal"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_public_documents_download_with_a_strict_policy(client):
    document = CustomDocument.objects.create(
        title="Fahrplan", file=ContentFile(b"Bus 1: 8.00", name="fahrplan.csv")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.fixture
def route_with_gpx(route_index):
    def build(parent=None, title="Rundweg"):
        points = [TrackPoint(52.28 + i * 0.001, 11.40, None) for i in range(5)]
        route = RoutePageFactory.build(title=title, slug=slugify(title))
        route.set_gpx(build_gpx(title, points).encode(), filename="evil.html")
        (parent or route_index).add_child(instance=route)
        return route

    return build


def test_gpx_is_a_download_that_is_never_rendered(client, route_with_gpx):
    route = route_with_gpx()
    assert route.gpx_file.name.endswith(".gpx")
    response = client.get(f"/tourism/routes/{route.pk}/original.gpx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gpx+xml"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_gpx_of_unpublished_or_restricted_routes_is_not_found(client, route_with_gpx, home_page):
    draft = route_with_gpx(title="Entwurf")
    draft.unpublish()
    protected = route_with_gpx(title="Geschützt")
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    restricted_index = RouteIndexPageFactory(
        parent=home_page, title="Intern", slug="intern", slug_en="internal"
    )
    PageViewRestriction.objects.create(
        page=restricted_index, restriction_type=PageViewRestriction.LOGIN
    )
    below = route_with_gpx(parent=restricted_index, title="Darunter")
    for route in (draft, protected, below):
        response = client.get(f"/tourism/routes/{route.pk}/original.gpx")
        assert response.status_code == 404, route.title
