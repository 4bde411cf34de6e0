"""The admin speaks German to a German editor, translations tab included."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from tests.factories.tourism import PointOfInterestIndexPageFactory, PointOfInterestPageFactory

# English that German editors met in the admin (issue 13).
KNOWN_ENGLISH = (
    "View / edit fields for",
    "Moderators approval",
    "This slug is already in use",
)


def visible_text(html):
    """Text and attribute values a person can see or hear, without scripts and styles."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", "", html, flags=re.S)
    return html


@pytest.fixture
def place(home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    return PointOfInterestPageFactory(parent=index, title="Roland")


@pytest.mark.django_db
def test_default_workflow_has_a_german_name():
    assert Workflow.objects.filter(name="Freigabe durch die Redaktion").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["edit", "add"])
def test_edit_and_add_views_show_no_known_english(german_editor, place, view):
    if view == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[place.pk])
    else:
        url = reverse(
            "wagtailadmin_pages:add",
            args=["tourism", "pointofinterestpage", place.get_parent().pk],
        )
    html = german_editor.get(url).content.decode()
    for english in KNOWN_ENGLISH:
        assert english not in html, english
    assert "In Freigabe durch die Redaktion einreichen" in visible_text(html)


@pytest.mark.django_db
def test_translations_tab_shows_every_language_open_with_a_hint(german_editor, place):
    html = german_editor.get(reverse("wagtailadmin_pages:edit", args=[place.pk])).content.decode()
    tab = html[html.index('id="tab-ubersetzungen"') :]
    assert "Ein leeres Feld zeigt den deutschen Text" in tab
    for language in ("Englisch", "Polnisch"):
        assert language in tab
    assert 'name="title_en"' in tab and 'name="teaser_pl"' in tab
    # No group starts collapsed: the fields are there without an extra click.
    assert 'aria-expanded="false"' not in tab[: tab.index('name="teaser_pl"')]
