"""Editors see outdated translations in the page editor and the report, and review them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from tests.factories.pages import StandardPageFactory
from tests.factories.tourism import PointOfInterestPageFactory
from translations import state


@pytest.fixture
def place(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Roland",
        title_en="Roland statue",
        teaser="Der Roland steht am Markt.",
        teaser_en="The Roland stands on the market square.",
        teaser_pl="Roland stoi na rynku.",
    )


@pytest.fixture
def german_editor(client, db):
    """A client logged in as a superuser whose admin language is German."""
    user = get_user_model().objects.create_superuser("redakteurin", "r@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def editor(german_editor):
    return german_editor


def edit_in_admin(client, page, **values):
    """Open the page editor, change fields, publish: what an editor's browser sends."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.setdefault("opening_hours-count", "0")
    for key, value in values.items():
        data.setlist(key, [value])
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.context["form"].errors
    return response


def section_editor(section):
    """An editor who may edit the pages of one section only."""
    user = get_user_model().objects.create_user("sektion", "s@example.org", "pw")
    group = Group.objects.create(name="Redaktion Sehenswertes")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_changing_the_german_text_in_the_editor_outdates_the_translations(editor, place):
    edit_in_admin(editor, place, teaser_de="Der Roland steht seit 1419 am Markt.")
    assert state.freshness(place) == {
        "en": {"outdated": True, "fields": ["teaser"]},
        "pl": {"outdated": True, "fields": ["teaser"]},
    }


@pytest.mark.django_db
def test_an_untouched_editor_round_trip_changes_nothing(editor, place):
    edit_in_admin(editor, place)
    assert state.outdated_fields(place) == {}


@pytest.mark.django_db
def test_editing_the_translation_in_the_editor_makes_it_fresh(editor, place):
    edit_in_admin(editor, place, teaser_de="Der Roland steht seit 1419 am Markt.")
    edit_in_admin(editor, place, teaser_en="The Roland has stood there since 1419.")
    assert state.outdated_fields(place) == {"pl": ["teaser"]}


@pytest.mark.django_db
def test_page_editor_warns_about_outdated_fields(editor, place):
    edit_in_admin(editor, place, teaser_de="Der Roland steht seit 1419 am Markt.")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[place.pk])).content.decode()
    assert "Der deutsche Text hat sich nach diesen Übersetzungen geändert" in html
    assert "Englisch: " in html and "Polnisch: " in html
    assert reverse("translations_review", args=[place.pk]) in html


@pytest.mark.django_db
def test_page_editor_is_quiet_when_translations_are_fresh(editor, place):
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[place.pk])).content.decode()
    assert reverse("translations_review", args=[place.pk]) not in html


@pytest.mark.django_db
def test_editor_marks_one_field_and_then_a_whole_language_reviewed(editor, place):
    edit_in_admin(editor, place, teaser_de="Neu.", title_de="Roland-Statue")
    review_url = reverse("translations_review", args=[place.pk])
    page = editor.get(review_url)
    assert page.status_code == 200
    assert 'name="field" value="teaser"' in page.content.decode()
    post_url = reverse("translations_mark_reviewed", args=[place.pk])
    response = editor.post(post_url, {"language": "en", "field": "teaser", "next": review_url})
    assert response.status_code == 302 and response.url == review_url
    # The title has no Polish translation: missing, not outdated.
    assert state.outdated_fields(place) == {"en": ["title"], "pl": ["teaser"]}
    editor.post(post_url, {"language": "pl"})
    assert state.outdated_fields(place) == {"en": ["title"]}


@pytest.mark.django_db
def test_marking_reviewed_needs_a_post_with_csrf_token(place, german_editor):
    edit_in_admin(german_editor, place, teaser_de="Neu.")
    user = get_user_model().objects.get(username="redakteurin")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    url = reverse("translations_mark_reviewed", args=[place.pk])
    assert strict.get(url).status_code == 405
    assert strict.post(url, {"language": "en"}).status_code == 403
    form = strict.get(reverse("translations_review", args=[place.pk])).content.decode()
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert strict.post(url, {"language": "en", "csrfmiddlewaretoken": token}).status_code == 302
    assert state.outdated_fields(place) == {"pl": ["teaser"]}


@pytest.mark.django_db
def test_only_editors_of_the_page_may_mark_it_reviewed(editor, place, home_page):
    edit_in_admin(editor, place, teaser_de="Neu.")
    other_section = StandardPageFactory(parent=home_page, title="Rathaus")
    outsider = section_editor(other_section)
    url = reverse("translations_mark_reviewed", args=[place.pk])
    # Wagtail answers a refused admin request with a redirect to the dashboard.
    assert outsider.post(url, {"language": "en"}).status_code in (302, 403)
    assert outsider.get(reverse("translations_review", args=[place.pk])).status_code in (302, 403)
    assert state.outdated_fields(place)["en"] == ["teaser"]


@pytest.mark.django_db
def test_unknown_language_is_refused(editor, place):
    url = reverse("translations_mark_reviewed", args=[place.pk])
    assert editor.post(url, {"language": "de"}).status_code == 400


@pytest.mark.django_db
def test_report_lists_outdated_translations_with_filters(editor, place, home_page):
    town_hall = StandardPageFactory(parent=home_page, title="Rathaus", title_en="Town hall")
    edit_in_admin(editor, place, teaser_de="Neu.")
    town_hall.title_de = "Rathaus Haldensleben"
    town_hall.save_revision().publish()
    url = reverse("outdated_translations_report")

    everything = editor.get(url).content.decode()
    assert ">Roland</a>" in everything and ">Rathaus Haldensleben</a>" in everything

    in_section = editor.get(url, {"section": town_hall.pk}).content.decode()
    assert ">Rathaus Haldensleben</a>" in in_section and ">Roland</a>" not in in_section

    editor.post(reverse("translations_mark_reviewed", args=[place.pk]), {"language": "en"})
    english = editor.get(url, {"language": "en"}).content.decode()
    assert ">Rathaus Haldensleben</a>" in english and ">Roland</a>" not in english


@pytest.mark.django_db
def test_report_shows_only_pages_the_user_may_edit(editor, place, poi_index, home_page):
    town_hall = StandardPageFactory(parent=home_page, title="Rathaus", title_en="Town hall")
    edit_in_admin(editor, place, teaser_de="Neu.")
    town_hall.title_de = "Rathaus Haldensleben"
    town_hall.save_revision().publish()
    html = section_editor(poi_index).get(reverse("outdated_translations_report")).content.decode()
    assert ">Roland</a>" in html and ">Rathaus Haldensleben</a>" not in html


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(editor):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("outdated_translations_report") in html
    assert "bersetzungen veraltet" in html  # in the menu's JSON, Ü may be escaped


@pytest.mark.django_db
def test_report_queries_do_not_grow_with_the_rows(editor, poi_index):
    def outdated_places(count):
        for _ in range(count):
            page = PointOfInterestPageFactory(parent=poi_index, teaser_en="English.")
            page.teaser_de = "Geändert."
            page.save_revision().publish()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(reverse("outdated_translations_report")).status_code == 200
        return len(captured.captured_queries)

    outdated_places(2)
    few = queries()
    outdated_places(10)
    assert queries() == few
