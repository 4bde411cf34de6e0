"""A new place in few steps: one link to the form, required fields first, hour presets."""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.action_menu import PageActionMenu, PublishMenuItem, SaveDraftMenuItem
from wagtail.models import GroupPagePermission

from tests.factories.tourism import PointOfInterestCategoryFactory
from tests.pages.test_admin_forms import add_form_data, fill, weekly_hours_form
from tourism.models import PointOfInterestPage

PLACE = {
    "title_de": "Heimatstube",
    "slug_de": "heimatstube",
    "latitude": "52.29",
    "longitude": "11.41",
}
NEW_PLACE_URL = "/admin/places/new/"


def publish(client, url, data):
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.context["form"].errors
    return PointOfInterestPage.objects.get(title_de=data["title_de"])


def at(day, hour):
    """A moment in the week of Monday 2 March 2026 (no public holiday in it)."""
    return timezone.make_aware(datetime(2026, 3, 2 + day, hour))


@pytest.mark.django_db
def test_new_place_link_opens_the_add_form_under_the_places_index(german_editor, poi_index):
    assert reverse("tourism_new_place") == NEW_PLACE_URL
    response = german_editor.get(NEW_PLACE_URL)
    assert response.status_code == 200
    assert response.context["parent_page"].pk == poi_index.pk
    html = response.content.decode()
    add_url = reverse(
        "wagtailadmin_pages:add", args=["tourism", "pointofinterestpage", poi_index.pk]
    )
    # The form posts to Wagtail's own add view: saving and autosave stay Wagtail's.
    assert f'action="{add_url}"' in html


@pytest.mark.django_db
def test_category_link_ticks_the_category(german_editor, poi_index, museums):
    PointOfInterestCategoryFactory(name="Kirchen", slug="churches")
    response = german_editor.get(f"{NEW_PLACE_URL}?category=museums")
    form = response.context["form"]
    assert [int(pk) for pk in form["categories"].value()] == [museums.pk]


@pytest.mark.django_db
def test_new_place_without_places_index_is_not_found(german_editor, home_page):
    # Django's LocaleMiddleware first tries the address with a language prefix.
    assert german_editor.get(NEW_PLACE_URL, follow=True).status_code == 404


@pytest.mark.django_db
def test_dashboard_and_menu_offer_a_new_place(german_editor, poi_index, museums):
    html = german_editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Neuer Ort" in html
    assert f'href="{NEW_PLACE_URL}"' in html
    assert f'href="{NEW_PLACE_URL}?category=museums"' in html
    # The sidebar is rendered from JSON: the menu item is there by its URL.
    assert html.count(NEW_PLACE_URL + '"') + html.count(NEW_PLACE_URL + '\\"') >= 2


@pytest.mark.django_db
def test_no_new_place_offer_without_a_places_index(german_editor, home_page):
    html = german_editor.get(reverse("wagtailadmin_home")).content.decode()
    assert NEW_PLACE_URL not in html


@pytest.mark.django_db
def test_first_tab_holds_what_a_new_place_needs(german_editor, poi_index, museums):
    html = german_editor.get(NEW_PLACE_URL).content.decode()
    first_tab = html[html.index('id="tab-inhalt"') : html.index('id="tab-lage"')]
    for name in (
        "title_de",
        "teaser_de",
        "categories",
        "latitude",
        "longitude",
        "opening_hours_preset",
        "gallery_images-TOTAL_FORMS",
    ):
        assert f'name="{name}"' in first_tab, name


@pytest.mark.django_db
def test_daily_preset_fills_empty_opening_hours(german_editor, poi_index):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    fill(data, {**PLACE, "opening_hours_preset": "daily-10-18"})
    place = publish(german_editor, url, data)
    for day in range(7):
        assert place.is_open_at(at(day, 12))
        assert not place.is_open_at(at(day, 9))
        assert not place.is_open_at(at(day, 18))


@pytest.mark.django_db
def test_always_open_preset_is_open_at_night(german_editor, poi_index):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    fill(data, {**PLACE, "opening_hours_preset": "always"})
    place = publish(german_editor, url, data)
    assert place.is_open_at(at(6, 3))
    assert place.is_open_at(at(2, 23))


@pytest.mark.django_db
def test_museum_preset_is_closed_on_mondays(german_editor, poi_index):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    fill(data, {**PLACE, "opening_hours_preset": "tue-sun-10-17"})
    place = publish(german_editor, url, data)
    assert not place.is_open_at(at(0, 12))
    assert place.is_open_at(at(1, 12))


@pytest.mark.django_db
def test_preset_leaves_entered_hours_alone(german_editor, poi_index):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    fill(
        data,
        {**PLACE, "opening_hours_preset": "always", **weekly_hours_form([1], "10:00", "17:00")},
    )
    place = publish(german_editor, url, data)
    assert place.is_open_at(at(1, 12))
    assert not place.is_open_at(at(1, 20))
    assert not place.is_open_at(at(2, 12))


@pytest.mark.django_db
def test_without_preset_a_place_has_no_hours(german_editor, poi_index):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    fill(data, PLACE)
    place = publish(german_editor, url, data)
    assert place.schedule.is_empty


@pytest.mark.django_db
def test_place_form_keeps_the_data_licence_default(german_editor, poi_index, settings):
    url, data = add_form_data(german_editor, PointOfInterestPage, poi_index)
    assert data["data_licence"] == settings.TOURISM_DATA_LICENCE


def action_menu(user, parent):
    request = RequestFactory().get("/admin/")
    request.user = user
    return PageActionMenu(
        request, view="create", parent_page=parent, lock=None, locked_for_user=False
    )


@pytest.mark.django_db
def test_publish_is_the_main_action_for_editors_who_may_publish(poi_index):
    admin = get_user_model().objects.create_superuser("chefin", "c@example.org", "pw")
    menu = action_menu(admin, poi_index)
    assert isinstance(menu.default_item, PublishMenuItem)
    # Saving a draft is still offered, in the dropdown.
    assert any(isinstance(item, SaveDraftMenuItem) for item in menu.menu_items)


@pytest.mark.django_db
def test_save_stays_the_main_action_for_editors_who_may_not_publish(poi_index):
    group = Group.objects.create(name="Autorinnen")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=poi_index, permission=Permission.objects.get(codename=codename)
        )
    author = get_user_model().objects.create_user("autorin", "a@example.org", "pw")
    author.groups.add(group)
    menu = action_menu(author, poi_index)
    assert isinstance(menu.default_item, SaveDraftMenuItem)
    assert not any(isinstance(item, PublishMenuItem) for item in menu.menu_items)


@pytest.mark.django_db
def test_add_form_shows_publish_as_the_main_button(german_editor, poi_index):
    html = german_editor.get(NEW_PLACE_URL).content.decode()
    footer = html[html.index('aria-label="Aktionen (Fußzeile)"') :]
    # The first submit button in the footer is the main one.
    first_button = footer[footer.index("<button") : footer.index("</button>")]
    assert 'name="action-publish"' in first_button


@pytest.mark.django_db
def test_editor_who_may_not_add_places_gets_no_new_place_offer(client, poi_index):
    group = Group.objects.create(name="Nur Kalender")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("kalender", "k@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    assert NEW_PLACE_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(NEW_PLACE_URL, follow=True).status_code == 404
