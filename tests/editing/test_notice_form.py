"""Editors record notices in the admin; mistakes come back as German form errors."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from tests.factories.tourism import (
    NoticeFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)
from tourism.models import Notice

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_tourism_notice:add")
LIST_URL = reverse("wagtailsnippets_tourism_notice:list")


@pytest.fixture
def walk(home_page):
    places = PointOfInterestIndexPageFactory(parent=home_page)
    stops = [
        PointOfInterestPageFactory(parent=places, title=title, slug=title.lower())
        for title in ("Rathaus", "Roland", "Kirche")
    ]
    elsewhere = PointOfInterestPageFactory(parent=places, title="Burg", slug="burg")
    routes = RouteIndexPageFactory(parent=home_page)
    route = RoutePageFactory(parent=routes, title="Altstadtrundgang", stops=stops)
    return route, stops, elsewhere


def add_form(client):
    response = client.get(ADD_URL)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def fill(data, values):
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])


NOTICE = {
    "kind": "closure",
    "severity": "warning",
    "title_de": "Marktplatz gesperrt",
    "title_en": "Market square closed",
    "text_de": "Bitte über die Hagenstraße ausweichen.",
    "valid_from": "2026-12-01 08:00",
    "valid_until": "2027-01-31 18:00",
}


def form_errors(response):
    return {
        **{name: list(errors) for name, errors in response.context["form"].errors.items()},
        "routes": [
            str(error)
            for form in response.context["form"].formsets["routes"].forms
            for errors in form.errors.values()
            for error in errors
        ]
        + list(response.context["form"].formsets["routes"].non_form_errors()),
    }


def test_an_editor_records_a_closure_of_a_place_and_a_stretch(german_editor, walk):
    route, (town_hall, roland, church), elsewhere = walk
    data = add_form(german_editor)
    fill(
        data,
        {
            **NOTICE,
            "points_of_interest": [str(elsewhere.pk)],
            "routes-TOTAL_FORMS": "1",
            "routes-0-route": str(route.pk),
            "routes-0-stretch_from": str(roland.pk),
            "routes-0-stretch_to": str(church.pk),
            "routes-0-ORDER": "1",
            "routes-0-DELETE": "",
            "routes-0-id": "",
        },
    )
    response = german_editor.post(ADD_URL, dict(data.lists()))
    assert response.status_code == 302, form_errors(response)
    notice = Notice.objects.get()
    assert notice.title_de == "Marktplatz gesperrt"
    assert notice.title_en == "Market square closed"
    # Entered in the town's time zone.
    assert timezone.localtime(notice.valid_from).hour == 8
    assert list(notice.points_of_interest.all()) == [elsewhere]
    stretch = notice.routes.get()
    assert (stretch.route, stretch.stretch_from, stretch.stretch_to) == (route, roland, church)


def test_an_end_before_the_start_is_a_german_error(german_editor, walk):
    data = add_form(german_editor)
    fill(data, {**NOTICE, "valid_until": "2026-11-30 08:00"})
    response = german_editor.post(ADD_URL, dict(data.lists()))
    assert response.status_code == 200
    assert form_errors(response)["valid_until"] == [
        "Das Ende muss nach dem Beginn des Hinweises liegen."
    ]
    assert not Notice.objects.exists()


def test_a_stretch_must_run_between_stops_of_its_route(german_editor, walk):
    route, (town_hall, _roland, _church), elsewhere = walk
    data = add_form(german_editor)
    fill(
        data,
        {
            **NOTICE,
            "routes-TOTAL_FORMS": "1",
            "routes-0-route": str(route.pk),
            "routes-0-stretch_from": str(town_hall.pk),
            "routes-0-stretch_to": str(elsewhere.pk),
            "routes-0-ORDER": "1",
            "routes-0-id": "",
        },
    )
    response = german_editor.post(ADD_URL, dict(data.lists()))
    assert response.status_code == 200
    assert "Dieser Ort ist keine Station der gewählten Tour." in form_errors(response)["routes"]
    assert not Notice.objects.exists()


def test_a_stretch_needs_both_stops(german_editor, walk):
    route, (town_hall, _roland, _church), _elsewhere = walk
    data = add_form(german_editor)
    fill(
        data,
        {
            **NOTICE,
            "routes-TOTAL_FORMS": "1",
            "routes-0-route": str(route.pk),
            "routes-0-stretch_from": str(town_hall.pk),
            "routes-0-ORDER": "1",
            "routes-0-id": "",
        },
    )
    response = german_editor.post(ADD_URL, dict(data.lists()))
    assert response.status_code == 200
    assert (
        "Wählen Sie beide Stationen des Abschnitts oder keine für die ganze Tour."
        in form_errors(response)["routes"]
    )


def test_the_report_filters_current_and_upcoming_notices(german_editor, walk):
    now = timezone.now()
    NoticeFactory(title="Jetzt gesperrt")
    NoticeFactory(title="Bald gesperrt", valid_from=now + timezone.timedelta(days=2))
    NoticeFactory(
        title="Vorbei",
        valid_from=now - timezone.timedelta(days=9),
        valid_until=now - timezone.timedelta(days=1),
    )
    current = german_editor.get(LIST_URL, {"state": "current"}).content.decode()
    assert "Jetzt gesperrt" in current
    assert "Bald gesperrt" not in current
    coming = german_editor.get(LIST_URL, {"state": "current_or_upcoming"}).content.decode()
    assert "Jetzt gesperrt" in coming
    assert "Bald gesperrt" in coming
    assert "Vorbei" not in coming
    assert "Hinweise" in german_editor.get(reverse("wagtailadmin_home")).content.decode()
