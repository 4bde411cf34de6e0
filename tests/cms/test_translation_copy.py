"""The editor's "copy to another language" call answers every request with a reason."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.factories.pages import StandardPageFactory

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Rathaus")


def url(page_id):
    return f"/admin/pages/{page_id}/edit/copy_translation_content/"


def copy(client, page_id, origin="body_de", target="body_en", content=None, **extra):
    serialized = (
        content if content is not None else json.dumps([{"name": f"{origin}-count", "value": "0"}])
    )
    data = {
        "origin_field_name": origin,
        "target_field_name": target,
        "serializedOriginField": serialized,
    }
    return client.post(url(page_id), data, **extra)


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_a_well_formed_copy_renders_the_target_field(editor_client, page):
    response = copy(editor_client, page.pk, **XHR)
    assert response.status_code == 200
    assert "body_en" in json.loads(response.content)


@pytest.mark.parametrize(
    "change, status",
    [
        ({"content": "not json"}, 400),
        ({"content": json.dumps({"name": 1})}, 400),
        ({"origin": "title_de"}, 400),
        ({"target": "no_such_field"}, 400),
    ],
)
def test_malformed_copies_get_a_reason_not_an_error(editor_client, page, change, status):
    response = copy(editor_client, page.pk, **change, **XHR)
    assert response.status_code == status
    assert json.loads(response.content)["error"]


def test_get_unknown_pages_and_plain_posts_are_refused(editor_client, page):
    assert editor_client.get(url(page.pk)).status_code == 405
    # Django's LocaleMiddleware sends admin 404s on to the language-prefixed address first.
    assert copy(editor_client, 999_999, follow=True, **XHR).status_code == 404
    assert copy(editor_client, page.pk).status_code == 400


def test_an_editor_without_rights_on_the_page_is_refused(client, django_user_model, page):
    group = Group.objects.create(name="Elsewhere")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    other = StandardPageFactory(parent=page.get_parent(), title="Anderswo")
    GroupPagePermission.objects.create(
        group=group, page=other, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("redakteurin", password="x")
    user.groups.add(group)
    client.force_login(user)
    assert copy(client, page.pk, **XHR).status_code == 403
