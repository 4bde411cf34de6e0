"""Editors create and edit every page type through the real admin forms."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, StandardPage
from tests.factories.pages import EventIndexPageFactory, NewsIndexPageFactory
from tests.factories.tourism import (
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
)
from tourism.gpx import TrackPoint, build_gpx
from tourism.models import PointOfInterestIndexPage, PointOfInterestPage, RouteIndexPage, RoutePage

BERLIN = ZoneInfo("Europe/Berlin")


def weekly_hours_form(days, opens, closes):
    """POST fields of one all-year season with one time range on `days`."""
    prefix = "opening_hours-0-value-weekly-0-value-"
    return {
        "opening_hours-count": "1",
        "opening_hours-0-type": "season",
        "opening_hours-0-deleted": "",
        "opening_hours-0-order": "0",
        "opening_hours-0-value-weekly-count": "1",
        "opening_hours-0-value-weekly-0-deleted": "",
        "opening_hours-0-value-weekly-0-order": "0",
        f"{prefix}days": [str(day) for day in days],
        f"{prefix}ranges-count": "1",
        f"{prefix}ranges-0-deleted": "",
        f"{prefix}ranges-0-order": "0",
        f"{prefix}ranges-0-value-opens": opens,
        f"{prefix}ranges-0-value-closes": closes,
    }


TUESDAY_AND_WEDNESDAY_10_TO_17 = weekly_hours_form([1, 2], "10:00", "17:00")


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def add_form_data(client, model, parent):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return url, form_data(response, model)


def fill(data, values):
    """Set form fields, replacing what the rendered form had (QueryDict.update appends)."""
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])


def form_data(response, model):
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; without it their POST says "no blocks".
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def post_and_expect_saved(client, url, data, model, title):
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    errors = (
        response.context["form"].errors
        if response.status_code == 200 and response.context
        else None
    )
    assert response.status_code == 302, errors
    page = model.objects.get(title_de=title)
    assert page.live
    return page


def post_and_expect_refused(client, url, data, model, title, field):
    """The form comes back with an error on `field`, and nothing was saved."""
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not model.objects.filter(title_de=title).exists()


def gpx_upload(name="track.gpx"):
    points = [TrackPoint(52.2897 + i * 0.001, 11.4086, 50 + i) for i in range(20)]
    return SimpleUploadedFile(
        name, build_gpx("Testtour", points).encode(), content_type="application/gpx+xml"
    )


SIMPLE_CASES = [
    # (model, parent factory, extra fields)
    (StandardPage, None, {"intro_de": "Einleitung"}),
    (NewsIndexPage, None, {}),
    (EventIndexPage, None, {}),
    (PointOfInterestIndexPage, None, {}),
    (RouteIndexPage, None, {}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("model,_parent,extra", SIMPLE_CASES)
def test_editor_creates_and_edits_page_under_home(editor_client, home_page, model, _parent, extra):
    url, data = add_form_data(editor_client, model, home_page)
    fill(data, {"title_de": "Neue Seite", "slug_de": "neue-seite", "title_en": "New page", **extra})
    page = post_and_expect_saved(editor_client, url, data, model, "Neue Seite")
    assert page.title_en == "New page"
    assert_edit_form_round_trips(editor_client, page)


def assert_edit_form_round_trips(client, page, changes=None):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response, page.specific_class)
    fill(data, changes or {"title_en": "Edited"})
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    errors = (
        response.context["form"].errors
        if response.status_code == 200 and response.context
        else None
    )
    assert response.status_code == 302, errors


@pytest.mark.django_db
def test_editor_creates_point_of_interest_with_opening_hours(editor_client, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, PointOfInterestPage, index)
    fill(
        data,
        {
            "title_de": "Roland",
            "slug_de": "roland",
            "teaser_de": "Der Roland am Markt.",
            "latitude": "52.289700",
            "longitude": "11.408600",
            "locality": "Haldensleben",
            **TUESDAY_AND_WEDNESDAY_10_TO_17,
        },
    )
    page = post_and_expect_saved(editor_client, url, data, PointOfInterestPage, "Roland")
    assert page.is_open_at(datetime(2026, 11, 24, 12, 0, tzinfo=BERLIN))  # a Tuesday
    assert not page.is_open_at(datetime(2026, 11, 23, 12, 0, tzinfo=BERLIN))  # a Monday
    assert_edit_form_round_trips(
        editor_client, page, {"title_en": "Roland statue", **TUESDAY_AND_WEDNESDAY_10_TO_17}
    )
    page.refresh_from_db()
    assert page.title_en == "Roland statue"
    assert len(page.opening_hours) == 1


@pytest.mark.django_db
def test_point_of_interest_out_of_range_latitude_is_a_form_error(editor_client, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, PointOfInterestPage, index)
    fill(
        data, {"title_de": "Irgendwo", "slug_de": "irgendwo", "latitude": "95", "longitude": "11.4"}
    )
    post_and_expect_refused(editor_client, url, data, PointOfInterestPage, "Irgendwo", "latitude")


@pytest.mark.django_db
def test_opening_hours_ending_before_they_start_are_refused(editor_client, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, PointOfInterestPage, index)
    fill(
        data,
        {
            "title_de": "Museum",
            "slug_de": "museum",
            "latitude": "52.29",
            "longitude": "11.41",
            **weekly_hours_form([1], "17:00", "10:00"),
        },
    )
    post_and_expect_refused(
        editor_client, url, data, PointOfInterestPage, "Museum", "opening_hours"
    )


@pytest.mark.django_db
def test_editor_creates_route_with_gpx_upload_and_stop(editor_client, home_page):
    poi_index = PointOfInterestIndexPageFactory(parent=home_page)
    poi = PointOfInterestPageFactory(parent=poi_index, title="Roland")
    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, RoutePage, index)
    fill(
        data,
        {
            "title_de": "Testtour",
            "slug_de": "testtour",
            "kind": "hiking",
            "difficulty": "easy",
            "stops-TOTAL_FORMS": "1",
            "stops-INITIAL_FORMS": "0",
            "stops-0-point_of_interest": str(poi.pk),
            "stops-0-note_de": "Hier starten",
            "stops-0-ORDER": "1",
            "stops-0-DELETE": "",
        },
    )
    data["gpx_file"] = gpx_upload()
    page = post_and_expect_saved(editor_client, url, data, RoutePage, "Testtour")
    page.refresh_from_db()
    assert page.gpx_file.name.endswith(".gpx")
    assert len(page.track) == 20
    assert 2000 < page.length_m < 2200  # 19 × ~111 m
    assert page.ascent_m == 19
    assert page.stops.count() == 1
    assert_edit_form_round_trips(editor_client, page)
    page.refresh_from_db()
    assert len(page.track) == 20, "editing without a new upload keeps the track"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload,needle",
    [
        (b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "x">]><gpx version="1.1"></gpx>', "dtd"),
        (b"this is not xml", "xml"),
        (
            b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
            b'<trkpt lat="NaN" lon="11"/></trkseg></trk></gpx>',
            "coordinate",
        ),
        (b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"></gpx>', "points"),
    ],
)
def test_hostile_gpx_upload_is_a_form_error_and_saves_nothing(
    editor_client, home_page, payload, needle
):
    index = RouteIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, RoutePage, index)
    fill(
        data,
        {"title_de": "Böse Tour", "slug_de": "boese-tour", "kind": "walking", "difficulty": "easy"},
    )
    data["gpx_file"] = SimpleUploadedFile("evil.gpx", payload)
    post_and_expect_refused(editor_client, url, data, RoutePage, "Böse Tour", "gpx_file")


@pytest.mark.django_db
def test_editor_creates_event_and_news(editor_client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, EventPage, events)
    fill(
        data,
        {
            "title_de": "Konzert",
            "slug_de": "konzert",
            "start": "2030-05-01 19:00",
            "end": "2030-05-01 21:00",
        },
    )
    page = post_and_expect_saved(editor_client, url, data, EventPage, "Konzert")
    assert_edit_form_round_trips(editor_client, page)

    news = NewsIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, NewsPage, news)
    fill(data, {"title_de": "Neuigkeit", "slug_de": "neuigkeit", "date": "2026-11-20"})
    page = post_and_expect_saved(editor_client, url, data, NewsPage, "Neuigkeit")
    assert_edit_form_round_trips(editor_client, page)


@pytest.mark.django_db
def test_event_ending_before_it_starts_is_refused(editor_client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    url, data = add_form_data(editor_client, EventPage, events)
    fill(
        data,
        {
            "title_de": "Rückwärts",
            "slug_de": "rueckwaerts",
            "start": "2030-05-01 19:00",
            "end": "2030-05-01 18:00",
        },
    )
    post_and_expect_refused(editor_client, url, data, EventPage, "Rückwärts", "end")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_admin_edit_forms_open_in_each_admin_language(editor_client, home_page, language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    assert response.status_code == 200


ALL_PAGE_TYPES = [
    (StandardPage, "home"),
    (NewsIndexPage, "home"),
    (EventIndexPage, "home"),
    (PointOfInterestIndexPage, "home"),
    (RouteIndexPage, "home"),
    (NewsPage, "news"),
    (EventPage, "events"),
    (PointOfInterestPage, "places"),
    (RoutePage, "routes"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en", "pl"])
def test_every_add_form_opens_in_every_admin_language(editor_client, home_page, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    profile.preferred_language = language
    profile.save()
    # Index pages are allowed once per parent: open their add forms before creating them.
    for model, parent in ALL_PAGE_TYPES:
        if parent == "home":
            add_form_data(editor_client, model, home_page)
    parents = {
        "news": NewsIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
        "places": PointOfInterestIndexPageFactory(parent=home_page),
        "routes": RouteIndexPageFactory(parent=home_page),
    }
    for model, parent in ALL_PAGE_TYPES:
        if parent != "home":
            add_form_data(editor_client, model, parents[parent])


@pytest.mark.django_db
def test_preview_of_a_point_of_interest_renders(editor_client, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    poi = PointOfInterestPageFactory(parent=index, title="Roland")
    edit_url = reverse("wagtailadmin_pages:edit", args=[poi.pk])
    data = form_data(editor_client.get(edit_url), PointOfInterestPage)
    fill(data, {"teaser_de": "Vorschau-Text"})
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[poi.pk])
    response = editor_client.post(preview_url, dict(data.lists()))
    assert response.json()["is_valid"] is True
    response = editor_client.get(preview_url)
    assert response.status_code == 200
    assert "Vorschau-Text" in response.content.decode()


@pytest.mark.django_db
def test_home_page_edit_round_trips(editor_client, home_page):
    assert_edit_form_round_trips(editor_client, home_page, {"hero_title_de": "Willkommen"})
    home_page.refresh_from_db()
    assert home_page.hero_title_de == "Willkommen"
