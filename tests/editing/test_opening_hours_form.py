"""A weekday ticked without times is a clear German form error on every save path."""

import json

import pytest
from django.urls import reverse

from tests.factories.tourism import PointOfInterestIndexPageFactory, PointOfInterestPageFactory
from tests.pages.test_admin_forms import add_form_data, fill, form_data, weekly_hours_form
from tourism.models import PointOfInterestPage

TUESDAY_WITHOUT_TIMES = weekly_hours_form([1], "", "")
MESSAGE = "Dienstag angekreuzt, aber ohne Öffnungs- und Schließzeit"


def opening_hours_errors(response):
    """The nested StreamField errors as the admin's JavaScript receives them."""
    errors = response.context["form"].errors["opening_hours"]
    return json.dumps([error.as_json_data() for error in errors.as_data()], ensure_ascii=False)


PLACE = {"title_de": "Museum", "slug_de": "museum", "latitude": "52.29", "longitude": "11.41"}


@pytest.fixture
def add_form(german_editor, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    return add_form_data(german_editor, PointOfInterestPage, index)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["action-publish", None])
@pytest.mark.parametrize("opens,closes", [("", ""), ("10:00", ""), ("", "17:00")])
def test_weekday_without_times_is_a_german_form_error(
    german_editor, add_form, action, opens, closes
):
    url, data = add_form
    fill(data, {**PLACE, **weekly_hours_form([1], opens, closes)})
    if action:
        data[action] = action
    response = german_editor.post(url, dict(data.lists()))
    assert response.status_code == 200
    errors = opening_hours_errors(response)
    if action is None:
        # A draft defers required fields, so this rule is what catches it.
        assert MESSAGE in errors
    else:
        assert MESSAGE in errors or "Dieses Feld muss ausgefüllt werden." in errors
    assert not PointOfInterestPage.objects.exists()


@pytest.mark.django_db
def test_weekday_with_no_time_rows_in_a_draft_is_refused(german_editor, add_form):
    url, data = add_form
    fill(data, {**PLACE, **TUESDAY_WITHOUT_TIMES})
    data["opening_hours-0-value-weekly-0-value-ranges-count"] = "0"
    response = german_editor.post(url, dict(data.lists()))
    assert response.status_code == 200
    assert MESSAGE in opening_hours_errors(response)


@pytest.mark.django_db
def test_autosave_with_weekday_without_times_answers_json_not_500(german_editor, add_form):
    url, data = add_form
    fill(data, {**PLACE, **TUESDAY_WITHOUT_TIMES})
    response = german_editor.post(url, dict(data.lists()), headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert not PointOfInterestPage.objects.exists()


@pytest.mark.django_db
def test_preview_with_weekday_without_times_is_invalid_not_500(german_editor, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    place = PointOfInterestPageFactory(parent=index, title="Roland")
    edit_url = reverse("wagtailadmin_pages:edit", args=[place.pk])
    data = form_data(german_editor.get(edit_url), PointOfInterestPage)
    fill(data, TUESDAY_WITHOUT_TIMES)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[place.pk])
    response = german_editor.post(preview_url, dict(data.lists()))
    assert response.json()["is_valid"] is False
    response = german_editor.post(
        edit_url, dict(data.lists()), headers={"Accept": "application/json"}
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_stored_incomplete_times_do_not_break_the_page(home_page):
    # A draft saved before this validation existed holds a range without times.
    index = PointOfInterestIndexPageFactory(parent=home_page)
    place = PointOfInterestPageFactory(parent=index, title="Roland")
    place.opening_hours = [
        {
            "type": "season",
            "value": {
                "weekly": [{"days": ["1"], "ranges": [{"opens": None, "closes": None}]}],
            },
        }
    ]
    place.save()
    place = PointOfInterestPage.objects.get(pk=place.pk)
    assert place.schedule.is_empty or not place.is_open_at()
