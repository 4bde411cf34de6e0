"""Who may open which admin view: five roles × the views that hold something private.

Roles: an anonymous visitor, a restricted editor (pages of the event calendar and images and
documents of the "Presse" collection only), a plain editor (Wagtail's "Editors" group, no
partner rights), a moderator (Wagtail's "Moderators" group) and a superuser. Each answer is
asserted, and secrets (a partner's API key, a draft in another section, files of a
collection the user may not see) must not appear in any body the user gets.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from tests.factories.media import make_image
from tests.factories.pages import EventPageFactory
from tests.factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

API_KEY = "geheimer-api-schluessel-4711"
WIDGET_TOKEN = "wt_oeffentliches-token-0815"
DRAFT_TEXT = "Unveroeffentlichter Entwurf"
INTERNAL_IMAGE = "Internes Foto"
INTERNAL_DOCUMENT = "Interner Vermerk"

ROLES = ("anonymous", "restricted", "editor", "moderator", "superuser")
OK, LOGIN, DENIED, NOT_FOUND = "ok", "login", "denied", "not found"


def outcome(response):
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return DENIED  # Wagtail: back to the dashboard with "Sorry, you do not have permission"
    if response.status_code == 404:
        return NOT_FOUND
    return f"{response.status_code} {response.get('Location', '')}"


@pytest.fixture
def world(home_page, poi_index, event_index, museum):
    partner = PartnerFactory(name="Hotel am Markt", api_key=API_KEY, widget_token=WIDGET_TOKEN)
    museum.teaser = DRAFT_TEXT
    draft = museum.save_revision()
    event = EventPageFactory(parent=event_index, title="Stadtfest")
    event_revision = event.save_revision()

    root = Collection.get_first_root_node()
    press = root.add_child(name="Presse")
    internal = root.add_child(name="Intern")
    image = make_image(INTERNAL_IMAGE)
    image.collection = internal
    image.save()
    document = get_document_model().objects.create(
        title=INTERNAL_DOCUMENT, collection=internal, file=ContentFile(b"%PDF-1.4", "v.pdf")
    )

    calendar_editors = Group.objects.create(name="Kalender")
    calendar_editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=calendar_editors,
            page=event_index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    # Wagtail checks collection permissions on its own models, whatever the custom ones are.
    for app_label, name in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.create(
                group=calendar_editors,
                collection=press,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{name}"
                ),
            )

    users = get_user_model().objects
    clients = {"anonymous": Client()}
    for role, group in (
        ("restricted", calendar_editors),
        ("editor", Group.objects.get(name="Editors")),
        ("moderator", Group.objects.get(name="Moderators")),
    ):
        user = users.create_user(role, f"{role}@example.org", "pw")
        user.groups.add(group)
        clients[role] = Client()
        clients[role].force_login(user)
    clients["superuser"] = Client()
    clients["superuser"].force_login(users.create_superuser("admin", "a@example.org", "pw"))

    urls = {
        "partners list": reverse("partners:index"),
        "partner edit": reverse("partners:edit", args=[partner.pk]),
        "partner new key": reverse("partners:new_key", args=[partner.pk]),
        "usage report": reverse("partners:report", args=[partner.pk]),
        "widget configurator": reverse("widgets_configurator"),
        "page chooser": reverse("wagtailadmin_choose_page"),
        "page chooser search": reverse("wagtailadmin_choose_page_search") + "?q=Museum",
        "preview outside own section": reverse(
            "wagtailadmin_pages:preview_on_edit", args=[museum.pk]
        ),
        "preview in own section": reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk]),
        "history outside own section": reverse("wagtailadmin_pages:history", args=[museum.pk]),
        "revision outside own section": reverse(
            "wagtailadmin_pages:revisions_view", args=[museum.pk, draft.pk]
        ),
        "revision in own section": reverse(
            "wagtailadmin_pages:revisions_view", args=[event.pk, event_revision.pk]
        ),
        "images": reverse("wagtailimages:index"),
        "image of another collection": reverse("wagtailimages:edit", args=[image.pk]),
        "documents": reverse("wagtaildocs:index"),
        "document of another collection": reverse("wagtaildocs:edit", args=[document.pk]),
    }
    return {"clients": clients, "urls": urls}


# What each role gets; every row lists the five roles in ROLES order.
EXPECTED = {
    "partners list": (LOGIN, DENIED, DENIED, DENIED, OK),
    "partner edit": (LOGIN, DENIED, DENIED, DENIED, OK),
    "partner new key": (LOGIN, DENIED, DENIED, DENIED, OK),
    "usage report": (LOGIN, DENIED, DENIED, DENIED, OK),
    "widget configurator": (LOGIN, OK, OK, OK, OK),
    "page chooser": (LOGIN, OK, OK, OK, OK),
    "page chooser search": (LOGIN, OK, OK, OK, OK),
    "preview outside own section": (LOGIN, DENIED, OK, OK, OK),
    "preview in own section": (LOGIN, OK, OK, OK, OK),
    "history outside own section": (LOGIN, DENIED, OK, OK, OK),
    "revision outside own section": (LOGIN, DENIED, OK, OK, OK),
    "revision in own section": (LOGIN, OK, OK, OK, OK),
    "images": (LOGIN, OK, OK, OK, OK),
    "image of another collection": (LOGIN, DENIED, OK, OK, OK),
    "documents": (LOGIN, OK, OK, OK, OK),
    "document of another collection": (LOGIN, DENIED, OK, OK, OK),
}
# Secrets a role may read at all (anything else must not be in any body it gets).
MAY_READ = {
    "anonymous": set(),
    "restricted": set(),
    "editor": {DRAFT_TEXT, INTERNAL_IMAGE, INTERNAL_DOCUMENT},
    "moderator": {DRAFT_TEXT, INTERNAL_IMAGE, INTERNAL_DOCUMENT},
    "superuser": {API_KEY, WIDGET_TOKEN, DRAFT_TEXT, INTERNAL_IMAGE, INTERNAL_DOCUMENT},
}
SECRETS = (API_KEY, WIDGET_TOKEN, DRAFT_TEXT, INTERNAL_IMAGE, INTERNAL_DOCUMENT)


def test_every_role_gets_the_expected_answer_and_no_secret(world):
    differences, leaks = [], []
    for view, url in world["urls"].items():
        for role, expected in zip(ROLES, EXPECTED[view], strict=True):
            response = world["clients"][role].get(url)
            got = outcome(response)
            if got != expected:
                differences.append(f"{view} as {role}: expected {expected}, got {got}")
            body = response.content.decode(errors="replace")
            for secret in SECRETS:
                if secret in body and secret not in MAY_READ[role]:
                    leaks.append(f"{view} as {role}: shows {secret!r}")
    assert (differences, leaks) == ([], [])


def test_the_page_chooser_shows_the_whole_tree_to_a_restricted_editor(world):
    # What Wagtail does: choosers browse every page (titles only, for links), whatever the
    # editor may edit; drafts and revisions of other sections stay closed (matrix above).
    client = world["clients"]["restricted"]
    body = client.get(world["urls"]["page chooser search"]).content.decode()
    assert "Museum Haldensleben" in body
    assert DRAFT_TEXT not in body
