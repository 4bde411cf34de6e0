"""Slugs of new pages are ASCII, and a slug left behind by an abandoned draft is no dead end."""

import pytest
from django.urls import reverse

from cms.slugs import ascii_slug, free_slug
from pages.models import StandardPage
from tests.factories.tourism import PointOfInterestIndexPageFactory
from tests.pages.test_admin_forms import add_form_data, fill, form_data
from tourism.models import PointOfInterestPage

PLACE = {"latitude": "52.29", "longitude": "11.41"}


@pytest.mark.parametrize(
    "text,slug",
    [
        ("testcafé-am-markt", "testcafe-am-markt"),
        ("Märchenbrunnen", "maerchenbrunnen"),
        ("Große Straße", "grosse-strasse"),
        ("Öffnungszeiten Übersicht", "oeffnungszeiten-uebersicht"),
        ("Łódź Zamek", "lodz-zamek"),
    ],
)
def test_slug_is_ascii_with_german_rules(text, slug):
    assert ascii_slug(text) == slug


def test_free_slug_counts_up_from_two():
    assert free_slug("cafe", set()) == "cafe"
    assert free_slug("cafe", {"cafe", "cafe-2"}) == "cafe-3"


@pytest.fixture
def places(home_page):
    return PointOfInterestIndexPageFactory(parent=home_page)


def create(client, parent, values, json=False):
    url, data = add_form_data(client, PointOfInterestPage, parent)
    fill(data, {**PLACE, **values})
    headers = {"Accept": "application/json"} if json else {}
    return client.post(url, dict(data.lists()), headers=headers)


@pytest.mark.django_db
def test_new_page_slug_is_transliterated(german_editor, places):
    response = create(
        german_editor, places, {"title_de": "Testcafé am Markt", "slug_de": "testcafé-am-markt"}
    )
    assert response.status_code == 302
    page = PointOfInterestPage.objects.get(title_de="Testcafé am Markt")
    assert page.slug_de == "testcafe-am-markt"
    assert page.url.endswith("/testcafe-am-markt/")


@pytest.mark.django_db
def test_missing_english_slug_is_made_ascii_from_the_title(german_editor, places):
    create(german_editor, places, {"title_de": "Straße", "slug_de": "strasse", "title_en": "Café"})
    assert PointOfInterestPage.objects.get(title_de="Straße").slug_en == "cafe"


@pytest.mark.django_db
def test_abandoned_autosave_draft_does_not_block_the_next_attempt(german_editor, places):
    # Autosave posts the create form as JSON while the editor types: the page exists now.
    response = create(
        german_editor, places, {"title_de": "Testcafé", "slug_de": "testcafe"}, json=True
    )
    assert response.json()["success"] is True
    abandoned = PointOfInterestPage.objects.get()
    assert not abandoned.live

    response = create(german_editor, places, {"title_de": "Testcafé", "slug_de": "testcafe"})
    assert response.status_code == 302
    second = PointOfInterestPage.objects.exclude(pk=abandoned.pk).get()
    assert second.slug_de == "testcafe-2"


@pytest.mark.django_db
def test_editing_to_a_taken_slug_proposes_a_free_one_in_german(german_editor, places):
    create(german_editor, places, {"title_de": "Café", "slug_de": "cafe"})
    create(german_editor, places, {"title_de": "Bäckerei", "slug_de": "baeckerei"})
    page = PointOfInterestPage.objects.get(slug_de="baeckerei")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(german_editor.get(url), PointOfInterestPage)
    fill(data, {"slug_de": "cafe"})
    response = german_editor.post(url, dict(data.lists()))
    assert response.status_code == 200
    errors = response.context["form"].errors["slug_de"]
    assert errors == [
        "Eine andere Seite hier nutzt bereits den Kurztitel „cafe“ (vielleicht ein "
        "unfertiger Entwurf). „cafe-2“ ist noch frei."
    ]
    page.refresh_from_db()
    assert page.slug_de == "baeckerei"


@pytest.mark.django_db
def test_standard_pages_get_the_same_slug_rules(german_editor, home_page):
    url, data = add_form_data(german_editor, StandardPage, home_page)
    fill(data, {"title_de": "Über uns", "slug_de": "über-uns", "intro_de": "Text"})
    assert german_editor.post(url, dict(data.lists())).status_code == 302
    assert StandardPage.objects.get().slug_de == "ueber-uns"
