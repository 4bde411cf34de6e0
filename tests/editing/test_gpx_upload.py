"""A GPX upload is stored once, and a looped track makes a round trip."""

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.tourism import RouteIndexPageFactory
from tests.pages.test_admin_forms import add_form_data, fill
from tourism.gpx import TrackPoint, build_gpx
from tourism.models import RoutePage


def stored_gpx_files():
    folder = os.path.join(settings.MEDIA_ROOT, "routes", "gpx")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def gpx(name, points):
    return SimpleUploadedFile(
        name, build_gpx("Tour", points).encode(), content_type="application/gpx+xml"
    )


LINE = [TrackPoint(52.2897 + i * 0.001, 11.4086, 50) for i in range(20)]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["action-publish", None])
def test_uploaded_gpx_is_stored_once(german_editor, home_page, action):
    before = stored_gpx_files()
    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(german_editor, RoutePage, index)
    fill(data, {"title_de": "Einmal", "slug_de": "einmal", "kind": "hiking", "difficulty": "easy"})
    data["gpx_file"] = gpx("einmal-tour.gpx", LINE)
    if action:
        data[action] = action
    response = german_editor.post(url, dict(data.lists()))
    assert response.status_code == 302
    new = [name for name in stored_gpx_files() if name not in before]
    assert len(new) == 1, new


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["action-publish", None])
def test_gpx_uploaded_on_edit_is_stored_once(german_editor, home_page, action):
    from django.urls import reverse

    from tests.pages.test_admin_forms import form_data

    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(german_editor, RoutePage, index)
    fill(data, {"title_de": "Später", "slug_de": "spaeter", "kind": "hiking", "difficulty": "easy"})
    data["action-publish"] = "action-publish"
    assert german_editor.post(url, dict(data.lists())).status_code == 302
    route = RoutePage.objects.get(slug_de="spaeter")
    before = stored_gpx_files()
    edit_url = reverse("wagtailadmin_pages:edit", args=[route.pk])
    data = form_data(german_editor.get(edit_url), RoutePage)
    data["gpx_file"] = gpx("spaeter-tour.gpx", LINE)
    if action:
        data[action] = action
    response = german_editor.post(edit_url, dict(data.lists()))
    assert response.status_code == 302
    new = [name for name in stored_gpx_files() if name not in before]
    assert len(new) == 1, new
    if not action:
        # Publishing the draft later must not store the file again.
        data = form_data(german_editor.get(edit_url), RoutePage)
        data["action-publish"] = "action-publish"
        assert german_editor.post(edit_url, dict(data.lists())).status_code == 302
        new = [name for name in stored_gpx_files() if name not in before]
        assert len(new) == 1, new


def loop(close_m):
    """About 2.5 km around the market square, ending `close_m` metres north of the start."""
    import math

    points = [
        TrackPoint(
            52.2897 + 0.004 * math.sin(a / 20 * 2 * math.pi),
            11.4086 + 0.006 * (1 - math.cos(a / 20 * 2 * math.pi)),
            50,
        )
        for a in range(20)
    ]
    return points + [TrackPoint(52.2897 + close_m / 111_000, 11.4086, 50)]


@pytest.mark.django_db
@pytest.mark.parametrize("close_m,circular", [(0, True), (60, True), (400, False)])
def test_looped_track_is_marked_as_round_trip(german_editor, home_page, close_m, circular):
    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(german_editor, RoutePage, index)
    fill(data, {"title_de": "Runde", "slug_de": "runde", "kind": "hiking", "difficulty": "easy"})
    data.pop("is_circular", None)
    data["gpx_file"] = gpx("runde.gpx", loop(close_m))
    data["action-publish"] = "action-publish"
    assert german_editor.post(url, dict(data.lists())).status_code == 302
    assert RoutePage.objects.get().is_circular is circular


@pytest.mark.django_db
def test_autosaves_with_the_file_still_chosen_store_it_once(german_editor, home_page):
    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(german_editor, RoutePage, index)
    fill(data, {"title_de": "Auto", "slug_de": "auto", "kind": "hiking", "difficulty": "easy"})
    before = stored_gpx_files()
    as_json = {"Accept": "application/json"}
    data["gpx_file"] = gpx("auto.gpx", LINE)
    response = german_editor.post(url, dict(data.lists()), headers=as_json)
    assert response.json()["success"] is True
    edit_url = response.json()["url"]
    # The editor keeps typing: autosave and then "publish" send the same file again.
    for action in (None, None, "action-publish"):
        data["gpx_file"] = gpx("auto.gpx", LINE)
        data["title_de"] = f"Auto {action}"
        if action:
            data[action] = action
            response = german_editor.post(edit_url, dict(data.lists()))
            assert response.status_code == 302
        else:
            response = german_editor.post(edit_url, dict(data.lists()), headers=as_json)
            assert response.json()["success"] is True
    assert [name for name in stored_gpx_files() if name not in before] == ["auto.gpx"]
    route = RoutePage.objects.get()
    assert route.live and route.gpx_file.name == "routes/gpx/auto.gpx"
